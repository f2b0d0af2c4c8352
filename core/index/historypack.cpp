#include "historypack.h"

#include <QCryptographicHash>
#include <QFile>

#include <sys/stat.h>
#include <QJsonDocument>
#include <QJsonParseError>
#include <algorithm>
#include <utility>

namespace vse {

namespace {

const QByteArray kMagic = QByteArrayLiteral("vse-history\t1");
const QByteArray kMagic2 = QByteArrayLiteral("vse-history\t2");

bool needsEscape(char16_t c)
{
    return c == u'%' || c == u'\t' || c == u'\n' || c == u'\r' || c == u',';
}

void appendEscaped(QByteArray &out, const QString &text)
{
    bool plain = true;
    for (QChar c : text)
        if (needsEscape(c.unicode())) {
            plain = false;
            break;
        }
    if (plain) {
        out += text.toUtf8();
        return;
    }
    for (char c : text.toUtf8()) {
        if (needsEscape(char16_t(uchar(c)))) {
            static const char hex[] = "0123456789ABCDEF";
            out += '%';
            out += hex[uchar(c) >> 4];
            out += hex[uchar(c) & 15];
        } else {
            out += c;
        }
    }
}

int hexValue(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    return -1;
}

// Decodes %XX escapes; false on a malformed escape or invalid UTF-8.
bool unescape(QByteArrayView field, QString *out)
{
    if (!field.contains('%')) {
        *out = QString::fromUtf8(field);
    } else {
        QByteArray bytes;
        bytes.reserve(field.size());
        for (qsizetype i = 0; i < field.size(); ++i) {
            if (field[i] != '%') {
                bytes += field[i];
                continue;
            }
            if (i + 2 >= field.size())
                return false;
            const int hi = hexValue(field[i + 1]), lo = hexValue(field[i + 2]);
            if (hi < 0 || lo < 0)
                return false;
            bytes += char(hi * 16 + lo);
            i += 2;
        }
        *out = QString::fromUtf8(bytes);
    }
    // fromUtf8 maps invalid sequences to U+FFFD; the pack is written as UTF-8.
    return !out->contains(QChar::ReplacementCharacter);
}

// A bounded, printable excerpt of a bad field for a message.
QString clipped(QByteArrayView text, qsizetype max)
{
    QString s = QString::fromUtf8(text.first(std::min(text.size(), max)));
    for (QChar &c : s)
        if (!c.isPrint())
            c = QLatin1Char('?');
    return s;
}

bool parseInt(QByteArrayView text, int *value)
{
    if (text.isEmpty() || text.size() > 9)
        return false;
    int v = 0;
    for (char c : text) {
        if (c < '0' || c > '9')
            return false;
        v = v * 10 + (c - '0');
    }
    *value = v;
    return true;
}

// Strictly "X.Y.Z", each part a decimal number.
Version parseVersion(QByteArrayView text)
{
    int parts[3];
    int n = 0;
    qsizetype start = 0;
    for (qsizetype i = 0; i <= text.size(); ++i) {
        if (i < text.size() && text[i] != '.')
            continue;
        if (n == 3 || !parseInt(text.sliced(start, i - start), &parts[n]))
            return {};
        ++n;
        start = i + 1;
    }
    return n == 3 ? Version(parts[0], parts[1], parts[2]) : Version();
}

QList<QByteArrayView> splitView(QByteArrayView line, char sep)
{
    QList<QByteArrayView> fields;
    qsizetype start = 0;
    for (qsizetype i = 0; i < line.size(); ++i)
        if (line[i] == sep) {
            fields.append(line.sliced(start, i - start));
            start = i + 1;
        }
    fields.append(line.sliced(start));
    return fields;
}

const QStringList &knownFamilies()
{
    static const QStringList f{QStringLiteral("api"), QStringLiteral("rpc"), QStringLiteral("xml"),
                               QStringLiteral("virsh"), QStringLiteral("config")};
    return f;
}

// kindId() by kind, computed once: sorting compares them often.
const QString &cachedKindId(ItemKind kind)
{
    static const QList<QString> ids = [] {
        QList<QString> out;
        for (int k = 0; k <= int(ItemKind::ConfigOption); ++k)
            out << kindId(ItemKind(k));
        return out;
    }();
    return ids.at(int(kind));
}

bool entryLess(const HistoryEntry &a, const HistoryEntry &b)
{
    if (a.kind != b.kind)
        return cachedKindId(a.kind) < cachedKindId(b.kind);
    return a.key < b.key;
}

} // namespace

QString HistoryPack::identityOf(const HistoryEntry &e)
{
    if (e.kind == ItemKind::Function || e.kind == ItemKind::Variable)
        return QStringLiteral("symbol|") + e.key;
    return kindId(e.kind) + QLatin1Char('|') + e.key;
}

namespace {

struct BuiltinPack
{
    HistoryPack pack;
    Diagnostics problems; // why $VSE_HISTORY_PACK could not be used
};

const BuiltinPack &builtinPack()
{
    static const BuiltinPack builtin = [] {
        const QString override = qEnvironmentVariable("VSE_HISTORY_PACK");
        const QString path =
            override.isEmpty() ? QStringLiteral(":/vse/history/libvirt-history.tsv") : override;
        BuiltinPack b;
        auto p = HistoryPack::load(path, &b.problems);
        if (p)
            b.pack = std::move(*p);
        else if (b.problems.isEmpty())
            b.problems.append(Diagnostic::error(path, 0, QStringLiteral("the history pack could not be read")));
        return b;
    }();
    return builtin;
}

} // namespace

const HistoryPack &HistoryPack::builtin()
{
    return builtinPack().pack;
}

const Diagnostics &HistoryPack::builtinProblems()
{
    return builtinPack().problems;
}

QString HistoryPack::builtinDigest()
{
#ifdef VSE_HISTORY_SHA256
    if (qEnvironmentVariable("VSE_HISTORY_PACK").isEmpty())
        return QStringLiteral(VSE_HISTORY_SHA256);
#endif
    const HistoryPack &pack = builtin();
    return pack.isEmpty() ? QString() : pack.digest();
}

std::optional<HistoryPack> HistoryPack::load(const QString &path, Diagnostics *diagnostics)
{
    // A pack on disk must be a regular file: a FIFO would block the read.
    struct stat st;
    if (!path.startsWith(QLatin1Char(':')) && ::stat(QFile::encodeName(path).constData(), &st) == 0 &&
        !S_ISREG(st.st_mode)) {
        diagnostics->append(Diagnostic::error(path, 0, QStringLiteral("not a regular file: refused")));
        return std::nullopt;
    }
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) {
        diagnostics->append(
            Diagnostic::error(path, 0, QStringLiteral("cannot read: %1").arg(f.errorString())));
        return std::nullopt;
    }
    // A resource compressed by rcc reports its uncompressed size.
    if (f.size() > maxFileSize) {
        diagnostics->append(
            Diagnostic::error(path, 0,
                              QStringLiteral("too large for a history pack (%1 bytes, limit %2)")
                                  .arg(f.size())
                                  .arg(maxFileSize)));
        return std::nullopt;
    }
    const QByteArray data = f.read(maxFileSize + 1);
    return parse(data, path, diagnostics);
}

std::optional<HistoryPack> HistoryPack::parse(const QByteArray &data, const QString &fileName,
                                              Diagnostics *diagnostics)
{
    if (data.size() > maxFileSize) {
        diagnostics->append(Diagnostic::error(
            fileName, 0,
            QStringLiteral("too large for a history pack (limit %1 bytes)").arg(maxFileSize)));
        return std::nullopt;
    }
    HistoryPack pack;
    const auto fail = [&](int line, const QString &message) {
        diagnostics->append(Diagnostic::error(fileName, line, message));
        return std::nullopt;
    };
    QList<HistoryEntry> entries;
    QHash<QString, int> seen;
    const QByteArrayView all(data);
    qsizetype pos = 0;
    int lineNo = 0;
    bool sawHeader = false, sawItem = false, formatTwo = false;
    while (pos < all.size()) {
        qsizetype eol = all.indexOf('\n', pos);
        if (eol < 0)
            return fail(lineNo + 1, QStringLiteral("truncated: the last line has no line end"));
        const QByteArrayView line = all.sliced(pos, eol - pos);
        pos = eol + 1;
        ++lineNo;
        if (!sawHeader) {
            if (line != kMagic && line != kMagic2)
                return fail(lineNo, QStringLiteral("not a history pack: expected the line "
                                                   "\"vse-history<TAB>1\" (or 2)"));
            sawHeader = true;
            formatTwo = line == kMagic2;
            continue;
        }
        if (line.startsWith('#'))
            continue;
        if (line.isEmpty())
            return fail(lineNo, QStringLiteral("empty line"));
        const QList<QByteArrayView> f = splitView(line, '\t');
        if (f.constFirst() == "docs") {
            if (!formatTwo)
                return fail(lineNo, QStringLiteral("a docs line needs format 2"));
            if (f.size() != 6)
                return fail(lineNo,
                            QStringLiteral("a docs line has 6 fields, this one %1").arg(f.size()));
            if (sawItem)
                return fail(lineNo, QStringLiteral("docs line after the first item line"));
            HistoryDocsAgreement a;
            a.source = QString::fromLatin1(f[1]);
            bool okA = false, okC = false;
            a.agree = QString::fromLatin1(f[3]).toInt(&okA);
            a.compared = QString::fromLatin1(f[4]).toInt(&okC);
            if ((a.source != QLatin1String("rst") && a.source != QLatin1String("html.in")) ||
                !kindFromId(QString::fromLatin1(f[2]), &a.kind) || !okA || !okC || a.agree < 0 ||
                a.compared < a.agree || (f[5] != "kept" && f[5] != "dropped"))
                return fail(lineNo, QStringLiteral("bad docs line"));
            a.kept = f[5] == "kept";
            pack.m_docs.append(std::move(a));
            continue;
        }
        if (f.constFirst() == "release") {
            if (f.size() != 4 && f.size() != 5)
                return fail(
                    lineNo,
                    QStringLiteral("a release line has 4 or 5 fields, this one %1").arg(f.size()));
            if (sawItem)
                return fail(lineNo, QStringLiteral("release line after the first item line"));
            HistoryRelease r;
            r.version = parseVersion(f[1]);
            if (!r.version.isValid())
                return fail(
                    lineNo,
                    QStringLiteral("bad version \"%1\" (expected X.Y.Z)").arg(clipped(f[1], 40)));
            if (!pack.m_releases.isEmpty() && !(pack.m_releases.constLast().version < r.version))
                return fail(lineNo, QStringLiteral("release %1 is not newer than the line before")
                                        .arg(r.version.toString()));
            if (!unescape(f[2], &r.source) || r.source.isEmpty())
                return fail(lineNo, QStringLiteral("bad release source"));
            if (!f[3].isEmpty())
                for (QByteArrayView fam : splitView(f[3], ',')) {
                    const QString s = QString::fromLatin1(fam);
                    if (!knownFamilies().contains(s) || r.families.contains(s))
                        return fail(lineNo,
                                    QStringLiteral("bad family \"%1\" (api, rpc, xml, virsh or config, once each)")
                                        .arg(clipped(fam, 40)));
                    r.families << s;
                }
            if (f.size() == 5) {
                if (f[4].isEmpty())
                    return fail(lineNo, QStringLiteral("empty list of incomplete data"));
                for (QByteArrayView tok : splitView(f[4], ',')) {
                    // prefix, the list it fills, the family it needs
                    struct Detail
                    {
                        const char *prefix;
                        QStringList *list;
                        const char *family;
                    };
                    const Detail details[] = {{"xml:", &r.incompleteXmlRoots, "xml"},
                                              {"virsh:", &r.incompleteVirshCommands, "virsh"},
                                              {"conf:", &r.configFiles, "config"}};
                    const Detail *d = nullptr;
                    for (const Detail &x : details)
                        if (tok.startsWith(x.prefix))
                            d = &x;
                    QString what;
                    if (!d || !unescape(tok.sliced(qstrlen(d->prefix)), &what) || what.isEmpty() ||
                        d->list->contains(what))
                        return fail(lineNo, QStringLiteral("bad release detail \"%1\" (expected xml:ROOT, "
                                                           "virsh:COMMAND or conf:FILE, once each)")
                                                .arg(clipped(tok, 40)));
                    if (!r.families.contains(QLatin1String(d->family)))
                        return fail(lineNo, QStringLiteral("%1 detail on a release without %2 data")
                                                .arg(QLatin1String(d->prefix), QLatin1String(d->family)));
                    *d->list << what;
                }
            }
            pack.m_releases.append(std::move(r));
            continue;
        }
        if (f.constFirst() != "item")
            return fail(lineNo,
                        QStringLiteral("unknown record \"%1\"").arg(clipped(f.constFirst(), 40)));
        sawItem = true;
        if (f.size() != 8)
            return fail(lineNo,
                        QStringLiteral("an item line has 8 fields, this one %1").arg(f.size()));
        HistoryEntry e;
        if (!kindFromId(QString::fromLatin1(f[1]), &e.kind))
            return fail(lineNo, QStringLiteral("unknown kind \"%1\"").arg(clipped(f[1], 40)));
        if (!unescape(f[2], &e.key) || e.key.isEmpty())
            return fail(lineNo, QStringLiteral("bad or empty key"));
        if (!unescape(f[3], &e.parent) || !unescape(f[4], &e.origin))
            return fail(lineNo, QStringLiteral("bad escape in parent or origin"));
        if (f[5].isEmpty())
            return fail(lineNo, QStringLiteral("item without spans"));
        const int count = int(pack.m_releases.size());
        for (QByteArrayView s : splitView(f[5], ',')) {
            HistorySpan span;
            const qsizetype eq = s.indexOf('=');
            const QByteArrayView range = eq < 0 ? s : s.first(eq);
            const qsizetype dash = range.indexOf('-');
            if (dash < 0 || !parseInt(range.first(dash), &span.from) ||
                !parseInt(range.sliced(dash + 1), &span.to))
                return fail(
                    lineNo,
                    QStringLiteral("bad span \"%1\" (expected FROM-TO=NAME)").arg(clipped(s, 60)));
            if (span.from > span.to || span.to >= count)
                return fail(lineNo, QStringLiteral("span %1-%2 out of range (%3 releases)")
                                        .arg(span.from)
                                        .arg(span.to)
                                        .arg(count));
            if (!e.spans.isEmpty() && span.from <= e.spans.constLast().to)
                return fail(lineNo, QStringLiteral("spans overlap or are not ascending"));
            if (eq < 0)
                span.name = e.key;
            else if (!unescape(s.sliced(eq + 1), &span.name) || span.name.isEmpty())
                return fail(lineNo, QStringLiteral("bad or empty name in span"));
            e.spans.append(std::move(span));
        }
        if (!f[6].isEmpty()) {
            const qsizetype colon = f[6].lastIndexOf(':');
            if (colon < 0 || !parseInt(f[6].sliced(colon + 1), &e.line) ||
                !unescape(f[6].first(colon), &e.file))
                return fail(lineNo, QStringLiteral("bad FILE:LINE"));
        }
        if (!f[7].isEmpty()) {
            QJsonParseError err;
            const QJsonDocument doc = QJsonDocument::fromJson(f[7].toByteArray(), &err);
            if (err.error != QJsonParseError::NoError || !doc.isObject())
                return fail(lineNo, QStringLiteral("attrs are not a JSON object"));
            e.attrs = doc.object();
        }
        const QString id = identityOf(e);
        if (seen.contains(id))
            return fail(
                lineNo,
                QStringLiteral("duplicate item %1 (first on line %2)").arg(id).arg(seen.value(id)));
        seen.insert(id, lineNo);
        entries.append(std::move(e));
    }
    if (!sawHeader)
        return fail(1, QStringLiteral("empty file: not a history pack"));
    pack.setDocsAgreement(std::exchange(pack.m_docs, {}));
    pack.setEntries(std::move(entries));
    pack.m_digest =
        QString::fromLatin1(QCryptographicHash::hash(data, QCryptographicHash::Sha256).toHex());
    return pack;
}

QByteArray HistoryPack::serialize() const
{
    QByteArray out;
    out.reserve(64 + m_entries.size() * 120);
    out += (m_docs.isEmpty() ? kMagic : kMagic2) + '\n';
    for (const auto &r : m_releases) {
        out += "release\t" + r.version.toString().toLatin1() + '\t';
        appendEscaped(out, r.source);
        QStringList fams = r.families;
        fams.sort();
        out += '\t' + fams.join(QLatin1Char(',')).toUtf8();
        if (!r.incompleteXmlRoots.isEmpty() || !r.incompleteVirshCommands.isEmpty() || !r.configFiles.isEmpty()) {
            QStringList roots = r.incompleteXmlRoots;
            roots.sort();
            QStringList commands = r.incompleteVirshCommands;
            commands.sort();
            QStringList files = r.configFiles;
            files.sort();
            out += '\t';
            bool first = true;
            for (const auto &[prefix, list] : {std::pair<const char *, const QStringList &>{"xml:", roots},
                                                {"virsh:", commands}, {"conf:", files}})
                for (const QString &what : list) {
                    if (!first)
                        out += ',';
                    first = false;
                    out += prefix;
                    appendEscaped(out, what);
                }
        }
        out += '\n';
    }
    for (const auto &a : m_docs)
        out += "docs\t" + a.source.toLatin1() + '\t' + kindId(a.kind).toLatin1() + '\t' +
               QByteArray::number(a.agree) + '\t' + QByteArray::number(a.compared) + '\t' +
               (a.kept ? "kept" : "dropped") + '\n';
    // m_entries is kept sorted by setEntries.
    for (const auto &e : m_entries) {
        out += "item\t" + kindId(e.kind).toLatin1() + '\t';
        appendEscaped(out, e.key);
        out += '\t';
        appendEscaped(out, e.parent);
        out += '\t';
        appendEscaped(out, e.origin);
        out += '\t';
        bool firstSpan = true;
        for (const auto &s : e.spans) {
            if (!firstSpan)
                out += ',';
            firstSpan = false;
            out += QByteArray::number(s.from) + '-' + QByteArray::number(s.to);
            if (s.name != e.key) {
                out += '=';
                appendEscaped(out, s.name);
            }
        }
        out += '\t';
        if (!e.file.isEmpty() || e.line > 0) {
            appendEscaped(out, e.file);
            out += ':' + QByteArray::number(e.line);
        }
        out += '\t';
        if (!e.attrs.isEmpty())
            out += QJsonDocument(e.attrs).toJson(QJsonDocument::Compact);
        out += '\n';
    }
    return out;
}

void HistoryPack::setDocsAgreement(QList<HistoryDocsAgreement> docs)
{
    std::sort(
        docs.begin(), docs.end(), [](const HistoryDocsAgreement &a, const HistoryDocsAgreement &b) {
            return a.source != b.source ? a.source < b.source : kindId(a.kind) < kindId(b.kind);
        });
    m_docs = std::move(docs);
    m_digest.clear();
}

const HistoryDocsAgreement *HistoryPack::docsAgreementFor(const QString &source,
                                                          ItemKind kind) const
{
    for (const auto &a : m_docs)
        if (a.source == source && a.kind == kind)
            return &a;
    return nullptr;
}

void HistoryPack::setReleases(QList<HistoryRelease> releases)
{
    std::sort(
        releases.begin(), releases.end(),
        [](const HistoryRelease &a, const HistoryRelease &b) { return a.version < b.version; });
    m_releases = std::move(releases);
    m_digest.clear();
}

void HistoryPack::setEntries(QList<HistoryEntry> entries)
{
    if (!std::is_sorted(entries.cbegin(), entries.cend(), entryLess))
        std::sort(entries.begin(), entries.end(), entryLess);
    m_entries = std::move(entries);
    m_byIdentity.clear();
    m_byIdentity.reserve(m_entries.size());
    for (int i = 0; i < int(m_entries.size()); ++i)
        m_byIdentity.insert(identityOf(m_entries.at(i)), i);
    m_digest.clear();
}

const HistoryEntry *HistoryPack::find(const QString &identity) const
{
    const auto it = m_byIdentity.constFind(identity);
    return it == m_byIdentity.cend() ? nullptr : &m_entries.at(*it);
}

QString HistoryPack::digest() const
{
    if (!m_digest.isEmpty())
        return m_digest;
    return QString::fromLatin1(
        QCryptographicHash::hash(serialize(), QCryptographicHash::Sha256).toHex());
}

bool HistoryPack::familyIn(const QString &family, int releaseIndex) const
{
    return releaseIndex >= 0 && releaseIndex < int(m_releases.size()) &&
           m_releases.at(releaseIndex).families.contains(family);
}

Version HistoryPack::firstSeen(const HistoryEntry &e) const
{
    if (e.spans.isEmpty() || e.spans.constFirst().from >= int(m_releases.size()))
        return {};
    return m_releases.at(e.spans.constFirst().from).version;
}

Version HistoryPack::lastSeen(const HistoryEntry &e) const
{
    if (e.spans.isEmpty() || e.spans.constLast().to >= int(m_releases.size()))
        return {};
    return m_releases.at(e.spans.constLast().to).version;
}

QString HistoryPack::xmlRootOf(const QString &name)
{
    qsizetype end = 0;
    while (end < name.size() && name.at(end) != QLatin1Char('/') && name.at(end) != QLatin1Char('@'))
        ++end;
    return name.left(end);
}

HistoryPack::DataScope HistoryPack::scopeOf(ItemKind kind, const QString &name)
{
    DataScope scope{kindFamily(kind), {}, {}, {}};
    if (scope.family == QLatin1String("xml"))
        scope.xmlRoot = xmlRootOf(name);
    else if (kind == ItemKind::VirshOption)
        scope.virshCommand = name.section(QLatin1Char(' '), 0, 0);
    else if (kind == ItemKind::ConfigOption)
        scope.configFile = name.section(QLatin1Char(':'), 0, 0);
    return scope;
}

bool HistoryPack::datesIn(const DataScope &scope, int releaseIndex) const
{
    if (!familyIn(scope.family, releaseIndex))
        return false;
    const HistoryRelease &r = m_releases.at(releaseIndex);
    if (!scope.virshCommand.isEmpty() && r.incompleteVirshCommands.contains(scope.virshCommand))
        return false;
    if (!scope.configFile.isEmpty() && !r.configFiles.isEmpty() && !r.configFiles.contains(scope.configFile))
        return false;
    return scope.xmlRoot.isEmpty() || !r.incompleteXmlRoots.contains(scope.xmlRoot);
}

bool HistoryPack::datesIn(ItemKind kind, const QString &name, int releaseIndex) const
{
    return datesIn(scopeOf(kind, name), releaseIndex);
}

bool HistoryPack::datesIn(const HistoryEntry &e, int releaseIndex) const
{
    return datesIn(e.kind, e.key, releaseIndex);
}

// Both walks compute the entry's family and root once, not per release step.
Version HistoryPack::lastAbsentBefore(const HistoryEntry &e) const
{
    if (e.spans.isEmpty())
        return {};
    const DataScope scope = scopeOf(e.kind, e.key);
    for (int i = std::min(e.spans.constFirst().from, int(m_releases.size())) - 1; i >= 0; --i)
        if (datesIn(scope, i))
            return m_releases.at(i).version;
    return {};
}

Version HistoryPack::removedIn(const HistoryEntry &e) const
{
    if (e.spans.isEmpty())
        return {};
    const DataScope scope = scopeOf(e.kind, e.key);
    for (int i = e.spans.constLast().to + 1; i < int(m_releases.size()); ++i)
        if (datesIn(scope, i))
            return m_releases.at(i).version;
    return {};
}

bool HistoryPack::hasIn(const HistoryEntry &e, int releaseIndex) const
{
    for (const auto &s : e.spans)
        if (releaseIndex >= s.from && releaseIndex <= s.to)
            return true;
    return false;
}

int HistoryPack::releaseIndex(const Version &v) const
{
    const auto it =
        std::lower_bound(m_releases.cbegin(), m_releases.cend(), v,
                         [](const HistoryRelease &r, const Version &x) { return r.version < x; });
    return it != m_releases.cend() && it->version == v ? int(it - m_releases.cbegin()) : -1;
}

QStringList HistoryPack::names(const HistoryEntry &e) const
{
    QStringList out;
    for (const auto &s : e.spans)
        if (!out.contains(s.name))
            out << s.name;
    return out;
}

QString HistoryPack::nameIn(const HistoryEntry &e, int release)
{
    for (const HistorySpan &s : e.spans)
        if (s.from <= release && release <= s.to)
            return s.name;
    return {};
}

QString HistoryDocsAgreement::verdict() const
{
    if (kept)
        return QStringLiteral("kept");
    if (compared < kKeepMinCompared)
        return QStringLiteral("dropped (fewer than %1 compared: too few to measure)").arg(kKeepMinCompared);
    return QStringLiteral("dropped (below %1 %)").arg(int(kKeepAgreement * 100));
}

} // namespace vse
