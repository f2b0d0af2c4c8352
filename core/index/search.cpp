#include "search.h"

#include "errorcodes.h"
#include "symbolnodes.h"

#include "extract/xdr/rpcapilink.h"
#include "model/policy.h"
#include "model/virshline.h"

#include <QHash>
#include <QRegularExpression>
#include <QSet>

#include <algorithm>
#include <vector>
#include <cstdlib>

namespace vse {

namespace {

// A name typed with its tool or as a tag, as people do: "virsh domstate"
// is {"virsh", "domstate"}, "<disk type='file'>" and "<pstore/>" are
// {"xml", the tag's name}; anything else has no family and stays as it is.
struct TypedForm
{
    QString family;
    QString text;
};

TypedForm typedForm(const QString &text)
{
    if (text.startsWith(QLatin1String("virsh "), Qt::CaseInsensitive))
        return {QStringLiteral("virsh"), text.mid(6).trimmed()};
    // Pasted from a terminal: a prompt, sudo, the program's path
    // ("# virsh list", "$ sudo /usr/bin/virsh -c qemu:///system list").
    if (text.contains(QLatin1String("virsh "), Qt::CaseInsensitive)) {
        static const QRegularExpression pasted(QStringLiteral("^(?:[$#]\\s+)?(?:sudo\\s+)?(?:\\S*/)?virsh\\s+(.*)$"),
                                               QRegularExpression::CaseInsensitiveOption);
        if (const QRegularExpressionMatch m = pasted.match(text); m.hasMatch())
            return {QStringLiteral("virsh"), m.captured(1).trimmed()};
    }
    if (text.startsWith(QLatin1Char('<'))) {
        // The tag's name: up to a space (attributes), '/' or '>'.
        static const QRegularExpression tagEnd(QStringLiteral("[\\s/>]"));
        QString tag = text.mid(1);
        const qsizetype end = tag.indexOf(tagEnd);
        if (end >= 0)
            tag.truncate(end);
        return {QStringLiteral("xml"), tag};
    }
    return {{}, text};
}

// An XML item as people write its path, in the index's spelling (lower
// case), or empty when `text` does not look like one: XPath's "/@" for an
// attribute (domain/@type), a predicate naming the value at the end
// (tpm/backend[@type='emulator']) or a condition on a step in the middle
// (disk[@type='file']/driver: dropped, the schema item is the step),
// quoted values (@cache='none'), a leading "/" (the caller reads it as
// "from the root"), a trailing "/text()". A bare word or partial path is
// kept: it is matched against the end of the items' paths.
QString xmlPathForm(const QString &text)
{
    if (text.isEmpty() || text.contains(QLatin1Char(' ')) || text.contains(QLatin1Char('\t')))
        return {};
    QString p = text.toLower();
    while (p.startsWith(QLatin1Char('/')))
        p.remove(0, 1);
    if (p.endsWith(QLatin1String("/text()")))
        p.chop(7);
    static const QRegularExpression lastPredicate(
        QStringLiteral("\\[@([\\w:.-]+)\\s*=\\s*(['\"]?)([^'\"\\]]*)\\2\\]$"));
    p.replace(lastPredicate, QStringLiteral("@\\1=\\3"));
    static const QRegularExpression predicate(QStringLiteral("\\[[^\\]]*\\]"));
    p.remove(predicate);
    p.replace(QLatin1String("/@"), QLatin1String("@"));
    static const QRegularExpression quotedValue(QStringLiteral("=(['\"])(.*)\\1$"));
    p.replace(quotedValue, QStringLiteral("=\\2"));
    if (p.isEmpty() || p.contains(QLatin1Char('[')) || p.contains(QLatin1Char('(')))
        return {};
    return p;
}

// The attributes written in a tag ("<disk type='file' device='cdrom'>"):
// name and value, lower case, in order.
QList<std::pair<QString, QString>> tagAttributes(const QString &text)
{
    QList<std::pair<QString, QString>> out;
    static const QRegularExpression attribute(QStringLiteral("([\\w:.-]+)\\s*=\\s*(['\"])(.*?)\\2"));
    for (auto it = attribute.globalMatch(text); it.hasNext();) {
        const QRegularExpressionMatch m = it.next();
        out.append({m.captured(1).toLower(), m.captured(3).toLower()});
    }
    return out;
}

} // namespace

// Also "virDomainCreateXML()", with arguments, or a statement's ";".
QString calledFunction(const QString &text)
{
    // The cheap test first: compiling the pattern costs a query more than its lookup.
    if (!text.contains(QLatin1Char('(')))
        return {};
    // Words and separators ([\w] and [\s*]) never overlap: no backtracking blow-up.
    static const QRegularExpression call(
        QStringLiteral("^(?:\\w+\\s*=\\s*)?(?:[A-Za-z_]\\w*[\\s*]+)*([A-Za-z_]\\w*)\\s*\\(.*\\)\\s*;?$"));
    const QRegularExpressionMatch c = call.match(text);
    return c.hasMatch() ? c.captured(1) : QString();
}

QString configKeyForm(const QString &typed)
{
    // SearchQuery reads the file and the option part; a key needs both.
    const SearchQuery q = SearchQuery::parse(typed);
    return q.configFile.isEmpty() || q.text.isEmpty() ? QString() : q.configFile + QLatin1Char(':') + q.text;
}

QString SearchQuery::familyScope(const QString &input, QString *rest)
{
    const QString text = input.trimmed();
    const qsizetype colon = text.indexOf(QLatin1Char(':'));
    if (colon <= 0)
        return {};
    const QString scope = text.left(colon).trimmed().toLower();
    if (scope != QLatin1String("api") && scope != QLatin1String("xml") && scope != QLatin1String("rpc") &&
        scope != QLatin1String("virsh") && scope != QLatin1String("config"))
        return {};
    *rest = text.mid(colon + 1).trimmed();
    return scope;
}

SearchQuery SearchQuery::parse(const QString &input)
{
    SearchQuery q;
    QString text = input.trimmed();
    q.family = familyScope(text, &text);
    // As people type them: "virsh domstate" is the virsh scope, "<pstore>"
    // or "<disk type='file'>" the XML scope with the tag's name.
    if (q.family.isEmpty()) {
        TypedForm typed = typedForm(text);
        q.family = std::move(typed.family);
        text = std::move(typed.text);
        // A command line ("list --all --name", "domstate guest1"): its
        // command, or the one option it gives; values never match a name.
        if (q.family == QLatin1String("virsh") && text.contains(QLatin1Char(' '))) {
            const VirshLine line = VirshLine::parse(text);
            if (!line.command.isEmpty())
                text = line.options.size() == 1 ? line.command + QStringLiteral(" --") + line.options.first() : line.command;
        }
    }
    // A configuration file, perhaps with (the start of) an option.
    // The cheap test first: compiling the pattern (with Qt's JIT) costs a
    // query command more than its own lookup.
    if ((q.family.isEmpty() || q.family == QLatin1String("config")) &&
        text.contains(QLatin1String(".conf"), Qt::CaseInsensitive)) {
        static const QRegularExpression fileScope(
            QStringLiteral("^(?:\\S*/)?([\\w.-]+\\.conf)(?:\\s*:\\s*|\\s+|$)([\\w.-]*)$"));
        if (const QRegularExpressionMatch m = fileScope.match(text); m.hasMatch()) {
            q.family = QStringLiteral("config");
            q.configFile = m.captured(1);
            q.text = m.captured(2);
            return q;
        }
    }
    // A call or a prototype pasted from C code: the function's name. Not a
    // binding's error ("virError(Code=42, ...)"): its numbers are the answer.
    if (q.family.isEmpty() || q.family == QLatin1String("api")) {
        if (QString symbol = versionedSymbolFunction(text); !symbol.isEmpty())
            text = std::move(symbol); // "virX@LIBVIRT_7.1.0", "undefined reference to `virX'"
        else if (QString called = calledFunction(text); !called.isEmpty() && !errorNumbersIn(text))
            text = std::move(called);
    }
    // An XPath (driver/@cache, backend[@type='emulator']) in the index's spelling.
    if (q.family.isEmpty() && (text.contains(QLatin1String("/@")) || text.contains(QLatin1String("[@"))))
        if (QString path = xmlPathForm(text); !path.isEmpty()) {
            q.family = QStringLiteral("xml");
            text = std::move(path);
        }
    q.text = text;
    return q;
}

int kindRank(ItemKind kind)
{
    switch (kind) {
    case ItemKind::Function:
    case ItemKind::XmlElement:
    case ItemKind::RpcProcedure:
    case ItemKind::VirshCommand:
        return 0;
    case ItemKind::Enum:
    case ItemKind::Struct:
    case ItemKind::Union:
    case ItemKind::Typedef:
    case ItemKind::Callback:
    case ItemKind::XmlAttribute:
    case ItemKind::RpcProgram:
    case ItemKind::RpcType:
    case ItemKind::VirshOption:
    case ItemKind::ConfigOption:
        return 1;
    case ItemKind::EnumValue:
    case ItemKind::Macro:
    case ItemKind::Variable:
    case ItemKind::XmlValue:
    case ItemKind::RpcConstant:
        break;
    }
    return 2;
}

QString tierGroup(const QString &tierId)
{
    return Policy::instance().tier(tierId).group;
}

void SearchEngine::setItems(QList<ItemSummary> items)
{
    m_items = std::move(items);
    m_lowerText.clear();
    m_lowerOf.clear();
    m_lowerOf.reserve(m_items.size());
    // A name recurs in every release that has the item: lower-case it once.
    QHash<QString, quint32> lowerOf;
    for (const auto &s : std::as_const(m_items)) {
        auto it = lowerOf.constFind(s.name);
        if (it == lowerOf.constEnd()) {
            it = lowerOf.insert(s.name, quint32(m_lowerText.size()));
            m_lowerText.append(s.name.toLower());
        }
        m_lowerOf.append(*it);
    }
    m_lowerText.squeeze();
}

namespace {

// Last segment of an XML path or RPC key: "driver@cache" → "cache",
// "domain/devices/disk" → "disk"; so "disk" is an exact match for the element.
QStringView lastSegment(QStringView name)
{
    qsizetype cut = -1;
    for (qsizetype i = name.size() - 1; i >= 0; --i) {
        const QChar c = name.at(i);
        if (c == QLatin1Char('/') || c == QLatin1Char('@') || c == QLatin1Char('=')) {
            cut = i;
            break;
        }
    }
    return QStringView(name).mid(cut + 1);
}

} // namespace

bool SearchEngine::wordStart(QStringView lowerName, QStringView original, qsizetype i)
{
    if (i == 0)
        return true;
    const QChar prev = lowerName.at(i - 1), c = lowerName.at(i);
    if (!prev.isLetterOrNumber())
        return true; // after '_', '/', '@', '-', '=', ':' ...
    if (c.isDigit() != prev.isDigit())
        return true; // "lvm2" -> "2", "v2" ...
    // virDomainCreate: an upper-case letter after a lower-case one or a digit.
    return original.size() == lowerName.size() && original.at(i).isUpper() && !original.at(i - 1).isUpper();
}

namespace {

// At most kFuzzyGap letters between two of the query's: typing one more letter
// then never matches a name the shorter text did not (the explorer narrows
// its last hits while the user types).
constexpr qsizetype kFuzzyGap = 6;

// What greedyGaps says besides a count.
constexpr int kNotThere = -1; // the query's letters are not all there, in order
constexpr int kTooWide = -2;  // they are, but with a gap wider than kFuzzyGap

// The query's letters taken as early as they come from `start` on: the
// letters and digits of the name skipped between them in all (separators
// do not count: REMOTE_PROC_CONNECT_LIST_DOMAINS is as tight a match for
// "lstdom" as virConnectListDomains), or kNotThere / kTooWide.
int greedyGaps(QStringView name, QStringView query, qsizetype start)
{
    qsizetype j = 0, last = -1, total = 0;
    bool tooWide = false;
    for (qsizetype i = start; i < name.size() && j < query.size(); ++i)
        if (name.at(i) == query.at(j)) {
            tooWide |= last >= 0 && i - last - 1 > kFuzzyGap;
            last = i;
            ++j;
        } else if (j > 0 && name.at(i).isLetterOrNumber()) {
            ++total;
        }
    if (j < query.size())
        return kNotThere;
    return tooWide ? kTooWide : int(total);
}

} // namespace

bool SearchEngine::fuzzyMatch(QStringView name, QStringView query, QStringView original, int *gaps)
{
    if (query.size() < 2 || name.size() < query.size())
        return false;
    constexpr qsizetype kGap = kFuzzyGap;
    // The cheap pass first: the letters taken as early as they come. Not a
    // subsequence at all: no match; no gap too wide on the way: a match.
    // The first letter starts a word of the name ("dmcrxml": the D of
    // Domain), so letters picked out of the middle of words do not count.
    qsizetype first = 0;
    while (first < name.size() && (name.at(first) != query.at(0) || !wordStart(name, original, first)))
        ++first;
    if (first == name.size())
        return false;
    int best = greedyGaps(name, query, first);
    if (best == kNotThere)
        return false; // nor from any later start
    // How tight the match is, for ranking: the fewest letters skipped from
    // any word start of the first letter ("lstdom": 1 in ListDomains, 6 in
    // LastErrorDomain); kFuzzyGapUnknown when only the search below finds it.
    if (gaps) {
        for (qsizetype i = first + 1; i < name.size(); ++i)
            if (name.at(i) == query.at(0) && wordStart(name, original, i))
                if (const int g = greedyGaps(name, query, i); g >= 0 && (best < 0 || g < best))
                    best = g;
        *gaps = best >= 0 ? best : kFuzzyGapUnknown;
    }
    if (best >= 0)
        return true;
    // reach[i]: the query's letters so far can end at name[i] with no
    // wider gap; one pass per query letter. On the stack for any real name.
    constexpr qsizetype kStack = 256;
    char stack[2 * kStack];
    std::vector<char> heap;
    char *reach = stack;
    if (name.size() > kStack) {
        heap.resize(2 * size_t(name.size()));
        reach = heap.data();
    }
    char *next = reach + name.size();
    bool any = false;
    for (qsizetype i = 0; i < name.size(); ++i)
        any |= bool((reach[i] = i >= first && name.at(i) == query.at(0) && wordStart(name, original, i)));
    for (qsizetype j = 1; j < query.size() && any; ++j) {
        any = false;
        qsizetype last = -1; // the latest place the letters so far end, before i
        for (qsizetype i = 0; i < name.size(); ++i) {
            next[i] = last >= 0 && i - last - 1 <= kGap && name.at(i) == query.at(j);
            any |= bool(next[i]);
            if (reach[i])
                last = i;
        }
        std::swap(reach, next);
    }
    return any;
}

bool SearchEngine::isWildcard(QStringView query)
{
    return query.contains(QLatin1Char('*')) || query.contains(QLatin1Char('?'));
}

namespace {

// Iterative glob match with one backtrack point (the last '*'): linear in
// practice, never exponential, whatever the pattern.
bool globMatch(QStringView name, QStringView pattern)
{
    qsizetype n = 0, p = 0, starP = -1, starN = 0;
    while (n < name.size()) {
        if (p < pattern.size() && (pattern.at(p) == QLatin1Char('?') || pattern.at(p) == name.at(n))) {
            ++n;
            ++p;
        } else if (p < pattern.size() && pattern.at(p) == QLatin1Char('*')) {
            starP = p++;
            starN = n;
        } else if (starP >= 0) {
            p = starP + 1;
            n = ++starN;
        } else {
            return false;
        }
    }
    while (p < pattern.size() && pattern.at(p) == QLatin1Char('*'))
        ++p;
    return p == pattern.size();
}

} // namespace

bool SearchEngine::wildcardMatch(QStringView lowerName, QStringView lowerPattern)
{
    return globMatch(lowerName, lowerPattern) || globMatch(lastSegment(lowerName), lowerPattern);
}

MatchClass SearchEngine::matchName(const QString &lowerName, const QString &lowerQuery, QStringView original,
                                   int *fuzzyGaps)
{
    if (lowerQuery.isEmpty())
        return MatchClass::Exact;
    if (lowerName == lowerQuery || lastSegment(lowerName) == lowerQuery)
        return MatchClass::Exact;
    if (isWildcard(lowerQuery))
        return wildcardMatch(lowerName, lowerQuery) ? MatchClass::Wildcard : MatchClass::None;
    if (lowerName.startsWith(lowerQuery) || lastSegment(lowerName).startsWith(lowerQuery))
        return MatchClass::Prefix;
    if (lowerName.contains(lowerQuery))
        return MatchClass::Substring;
    if (fuzzyMatch(lowerName, lowerQuery, original, fuzzyGaps))
        return MatchClass::Fuzzy;
    return MatchClass::None;
}

bool SearchEngine::passesFilters(const ItemSummary &s, const SearchQuery &q) const
{
    if (!q.family.isEmpty() && kindFamily(s.kind) != q.family)
        return false;
    if (q.kind && s.kind != *q.kind)
        return false;
    if (!q.tier.isEmpty() && s.tier != q.tier && tierGroup(s.tier) != q.tier)
        return false;
    if (!q.hypervisor.isEmpty() && s.hypervisor != q.hypervisor)
        return false;
    // Only what is certainly newer is hidden; an item whose range contains
    // the target stays, and the caller marks it "may be too new".
    if (q.maxVersion.isValid() && s.sinceRange().fit(q.maxVersion) == SinceRange::Fit::TooNew)
        return false;
    if (q.newerThan.isValid()) {
        const SinceRange::Fit fit = s.sinceRange().fit(q.newerThan);
        if (fit != SinceRange::Fit::TooNew && fit != SinceRange::Fit::MaybeTooNew)
            return false;
    }
    if (!q.driver.isEmpty() && !s.drivers.toString().split(QLatin1Char(',')).contains(q.driver))
        return false;
    if (!q.configFile.isEmpty() && m_configFiles.value(s.id) != q.configFile)
        return false;
    if (q.latestOnly && !s.latest)
        return false;
    if (!q.releaseIds.isEmpty() && !q.releaseIds.contains(s.releaseId))
        return false;
    return true;
}

QList<SearchHit> SearchEngine::search(const SearchQuery &query, int limit) const
{
    const QString needle = query.text.toLower();
    // Rank key: match class, then (fuzzy matches) the tighter first, then
    // kind rank, then shorter names (closer to what was typed), then name
    // order; packed into one integer so sorting stays cheap.
    struct Ranked
    {
        quint64 key;
        int index;
    };
    std::vector<Ranked> ranked;
    for (qsizetype i = 0; i < m_items.size(); ++i) {
        const ItemSummary &s = m_items.at(i);
        if (!passesFilters(s, query))
            continue;
        int gaps = 0;
        const MatchClass m = matchName(lowerName(i), needle, m_items.at(i).name, &gaps);
        if (m == MatchClass::None)
            continue;
        const quint64 len = quint64(std::min<qsizetype>(s.name.size(), 0xFFF));
        const quint64 tight = m == MatchClass::Fuzzy ? quint64(std::clamp(gaps, 0, 0xFF)) : 0;
        ranked.push_back({(quint64(m) << 56) | (tight << 48) | (quint64(kindRank(s.kind)) << 44) | (len << 32) |
                              quint64(i),
                          int(i)});
    }
    const auto cmp = [this](const Ranked &a, const Ranked &b) {
        if ((a.key >> 32) != (b.key >> 32))
            return a.key < b.key;
        return m_items.at(a.index).name < m_items.at(b.index).name;
    };
    if (limit >= 0 && size_t(limit) < ranked.size()) {
        std::partial_sort(ranked.begin(), ranked.begin() + limit, ranked.end(), cmp);
        ranked.resize(size_t(limit));
    } else {
        std::sort(ranked.begin(), ranked.end(), cmp);
    }
    QList<SearchHit> hits;
    hits.reserve(qsizetype(ranked.size()));
    for (const auto &r : ranked)
        hits.append({r.index, MatchClass(r.key >> 56)});
    return hits;
}

int SearchEngine::editDistance(QStringView a, QStringView b)
{
    std::vector<int> row(size_t(b.size()) + 1);
    for (size_t j = 0; j < row.size(); ++j)
        row[j] = int(j);
    for (qsizetype i = 1; i <= a.size(); ++i) {
        int diagonal = row[0];
        row[0] = int(i);
        for (qsizetype j = 1; j <= b.size(); ++j) {
            const int up = row[size_t(j)];
            row[size_t(j)] = std::min(
                {up + 1, row[size_t(j - 1)] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
            diagonal = up;
        }
    }
    return row.back();
}

QList<SearchHit> SearchEngine::nearest(const QString &text, const SearchQuery &filters,
                                       int limit) const
{
    const QString needle = text.toLower();
    if (needle.isEmpty() || limit == 0)
        return {};
    // A third of the typed length, at least 2: a typo or two, not another word.
    const int maxDistance = std::max<int>(2, int(needle.size() / 3));
    struct Near
    {
        int distance;
        int rank;
        int index;
    };
    std::vector<Near> found;
    for (qsizetype i = 0; i < m_items.size(); ++i) {
        const QString &lower = lowerName(i);
        const QStringView tail = lastSegment(lower);
        const qsizetype lengthGap =
            std::min(std::abs(lower.size() - needle.size()), std::abs(tail.size() - needle.size()));
        if (lengthGap > maxDistance || !passesFilters(m_items.at(i), filters))
            continue;
        int d = editDistance(lower, needle);
        if (tail.size() != lower.size())
            d = std::min(d, editDistance(tail, needle));
        if (d <= maxDistance)
            found.push_back({d, kindRank(m_items.at(i).kind), int(i)});
    }
    std::sort(found.begin(), found.end(), [this](const Near &a, const Near &b) {
        if (a.distance != b.distance)
            return a.distance < b.distance;
        if (a.rank != b.rank)
            return a.rank < b.rank;
        return m_items.at(a.index).name < m_items.at(b.index).name;
    });
    QList<SearchHit> hits;
    for (const auto &n : found) {
        if (limit > 0 && hits.size() >= limit)
            break;
        hits.append({n.index, MatchClass::Fuzzy});
    }
    return hits;
}

SearchEngine::TolerantMatch SearchEngine::tolerantMatch(const QString &typed) const
{
    TolerantMatch m;
    const QString t = typed.trimmed();
    const auto collect = [&](auto &&accept) {
        for (qsizetype i = 0; i < m_items.size(); ++i) {
            const ItemSummary &s = m_items.at(i);
            if (s.latest && accept(s, i) && !m.names.contains(s.name))
                m.names << s.name;
        }
    };
    const TypedForm form = typedForm(t);
    if (form.family == QLatin1String("virsh")) {
        m.via = QStringLiteral("virsh-prefix");
        collect([&](const ItemSummary &s, qsizetype) {
            return (s.kind == ItemKind::VirshCommand || s.kind == ItemKind::VirshOption) && s.name == form.text;
        });
        if (!m.names.isEmpty())
            return m;
        // A whole command line ("-c URI domstate guest1 --reason"): the
        // options given (each an item), else the command itself.
        const VirshLine line = VirshLine::parse(form.text);
        if (line.command.isEmpty())
            return m;
        m.via = QStringLiteral("virsh-command-line");
        QStringList wanted;
        for (const QString &o : line.options)
            wanted << line.command + QStringLiteral(" --") + o;
        collect([&](const ItemSummary &s, qsizetype) { return s.kind == ItemKind::VirshOption && wanted.contains(s.name); });
        for (const QString &w : std::as_const(wanted))
            if (!m.names.contains(w))
                m.unknown << w;
        if (m.names.isEmpty()) // no option, or none the command has: the command
            collect([&](const ItemSummary &s, qsizetype) { return s.kind == ItemKind::VirshCommand && s.name == line.command; });
        // In the order given, not the index's.
        std::sort(m.names.begin(), m.names.end(), [&wanted](const QString &a, const QString &b) {
            return wanted.indexOf(a) < wanted.indexOf(b);
        });
        return m;
    }
    if (form.family == QLatin1String("xml")) {
        const QString tag = form.text.toLower();
        if (tag.isEmpty())
            return m;
        const QString suffix = QLatin1Char('/') + tag;
        const auto isTag = [&](const QString &lowerPath) { return lowerPath == tag || lowerPath.endsWith(suffix); };
        const QList<std::pair<QString, QString>> attributes = tagAttributes(t);
        // Of several paths the tag may name, the one a reader most likely
        // means: the document root's (`root`: the tag's own path there),
        // else the domain document's, which is what people paste from
        // `virsh dumpxml`; none when that leaves several.
        const auto preferred = [](const QStringList &paths, const QString &root) -> QString {
            if (paths.size() == 1)
                return paths.constFirst();
            for (const QString &p : paths)
                if (p.compare(root, Qt::CaseInsensitive) == 0)
                    return p;
            QStringList inDomain;
            for (const QString &p : paths)
                if (p.startsWith(QLatin1String("domain/")))
                    inDomain << p;
            return inDomain.size() == 1 ? inDomain.constFirst() : QString();
        };
        // <interface type='bridge'>: the value the tag's attribute names,
        // when the schema lists it.
        if (attributes.size() == 1) {
            const QString value = tag + QLatin1Char('@') + attributes.first().first + QLatin1Char('=') +
                                  attributes.first().second;
            m.via = QStringLiteral("tag-value");
            collect([&](const ItemSummary &s, qsizetype i) {
                if (s.kind != ItemKind::XmlValue)
                    return false;
                const QString &n = lowerName(i);
                return n == value || (n.endsWith(value) && n.at(n.size() - value.size() - 1) == QLatin1Char('/'));
            });
            // <domain type='kvm'>: the root element's value before
            // capabilities'; <disk type='file'>: the domain document's.
            if (m.names.size() > 1) {
                m.best = preferred(m.names, value);
                if (!m.best.isEmpty()) {
                    m.element = m.best.left(m.best.indexOf(QLatin1Char('@')));
                    for (const QString &n : std::as_const(m.names))
                        if (n != m.best)
                            m.otherElements << n.left(n.indexOf(QLatin1Char('@')));
                }
            }
            if (!m.names.isEmpty())
                return m;
        }
        // The elements the tag may be.
        QStringList elements;
        for (qsizetype i = 0; i < m_items.size(); ++i)
            if (m_items.at(i).latest && m_items.at(i).kind == ItemKind::XmlElement && isTag(lowerName(i)) &&
                !elements.contains(m_items.at(i).name))
                elements << m_items.at(i).name;
        if (!attributes.isEmpty() && !elements.isEmpty()) {
            // <disk type='file' device='cdrom'>: each attribute as the
            // element has it (its listed value, else the attribute), read
            // in the element that knows most of them.
            QHash<QString, QString> underTag; // attributes and values, lower-case path → name
            QSet<QString> listed;             // attributes whose values the schema lists
            for (qsizetype i = 0; i < m_items.size(); ++i) {
                const ItemSummary &s = m_items.at(i);
                if (!s.latest || (s.kind != ItemKind::XmlAttribute && s.kind != ItemKind::XmlValue))
                    continue;
                const QString &n = lowerName(i);
                const qsizetype at = n.indexOf(QLatin1Char('@'));
                if (at <= 0 || !isTag(n.left(at)))
                    continue;
                underTag.insert(n, s.name);
                if (s.kind == ItemKind::XmlValue)
                    listed.insert(n.left(n.indexOf(QLatin1Char('='), at)));
            }
            struct Reading
            {
                QString element;
                QStringList names, unknown;
            };
            QList<Reading> readings;
            for (const QString &e : std::as_const(elements)) {
                Reading r{e, {}, {}};
                for (const auto &[attribute, value] : attributes) {
                    const QString path = e.toLower() + QLatin1Char('@') + attribute;
                    if (const auto v = underTag.constFind(path + QLatin1Char('=') + value); v != underTag.cend()) {
                        r.names << *v;
                    } else if (const auto a = underTag.constFind(path); a != underTag.cend()) {
                        r.names << *a;
                        if (listed.contains(path)) // a value the schema does not list
                            r.unknown << tag + QLatin1Char('@') + attribute + QLatin1Char('=') + value;
                    } else {
                        r.unknown << tag + QLatin1Char('@') + attribute;
                    }
                }
                readings << r;
            }
            // The readings that know most of what the tag says.
            qsizetype fewest = attributes.size() + 1;
            for (const Reading &r : std::as_const(readings))
                if (!r.names.isEmpty())
                    fewest = std::min(fewest, r.unknown.size());
            QStringList tied;
            for (const Reading &r : std::as_const(readings))
                if (!r.names.isEmpty() && r.unknown.size() == fewest)
                    tied << r.element;
            if (!tied.isEmpty()) {
                m.via = QStringLiteral("tag-attributes");
                m.element = preferred(tied, tag);
                for (const Reading &r : std::as_const(readings)) {
                    if (!tied.contains(r.element))
                        continue;
                    if (!m.element.isEmpty() && r.element != m.element) {
                        m.otherElements << r.element;
                        continue;
                    }
                    for (const QString &n : r.names)
                        if (!m.names.contains(n))
                            m.names << n;
                    if (!m.element.isEmpty())
                        m.unknown = r.unknown;
                }
                return m;
            }
        }
        m.via = QStringLiteral("element-tag");
        m.names = elements;
        if (m.names.size() > 1) {
            m.best = preferred(m.names, tag);
            if (!m.best.isEmpty()) {
                m.element = m.best;
                m.otherElements = m.names;
                m.otherElements.removeAll(m.best);
            }
        }
        return m;
    }
    const QString lower = t.toLower();
    m.via = QStringLiteral("case");
    collect([&](const ItemSummary &, qsizetype i) { return lowerName(i) == lower; });
    if (!m.names.isEmpty())
        return m;
    // A versioned symbol or the linker's undefined reference: its function.
    if (const QString symbol = versionedSymbolFunction(t); !symbol.isEmpty()) {
        const QString function = symbol.toLower();
        m.via = QStringLiteral("symbol");
        collect([&](const ItemSummary &, qsizetype i) { return lowerName(i) == function; });
        return m;
    }
    // A C type as a declaration writes it ("struct _virDomainInfo",
    // "enum virDomainState *"): the struct, union or enum of that name.
    static const QRegularExpression cType(
        QStringLiteral("^(?:const\\s+)?(?:struct|enum|union)\\s+([A-Za-z_]\\w*)[\\s*]*;?$"));
    if (const QRegularExpressionMatch c = cType.match(t); c.hasMatch()) {
        const QString type = c.captured(1).toLower();
        m.via = QStringLiteral("c-type");
        collect([&](const ItemSummary &s, qsizetype i) {
            return (s.kind == ItemKind::Struct || s.kind == ItemKind::Union || s.kind == ItemKind::Enum) &&
                   lowerName(i) == type;
        });
        return m;
    }
    if (const QString called = calledFunction(t); !called.isEmpty()) {
        const QString function = called.toLower();
        m.via = QStringLiteral("call");
        collect([&](const ItemSummary &, qsizetype i) { return lowerName(i) == function; });
        return m;
    }
    // A shell pattern ("virDomainGetSta*"); after C, whose '*' is a pointer.
    if (isWildcard(lower)) {
        m.via = QStringLiteral("wildcard");
        collect([&](const ItemSummary &, qsizetype i) { return wildcardMatch(lowerName(i), lower); });
        return m;
    }
    // An XML path as XPath writes it, or the end of one (backend@type=emulator,
    // qemu:commandline): the XML items whose path ends so.
    const QString path = xmlPathForm(t);
    if (path.isEmpty())
        return m;
    m.via = QStringLiteral("xml-path");
    // "/domain/@type" starts at the root: that path only ("//" is anywhere).
    const bool fromRoot = t.startsWith(QLatin1Char('/')) && !t.startsWith(QLatin1String("//"));
    const QString tail = path.startsWith(QLatin1Char('@')) ? path : QLatin1Char('/') + path;
    collect([&](const ItemSummary &s, qsizetype i) {
        if (s.kind != ItemKind::XmlElement && s.kind != ItemKind::XmlAttribute && s.kind != ItemKind::XmlValue)
            return false;
        const QString &n = lowerName(i);
        return n == path || (!fromRoot && n.endsWith(tail));
    });
    return m;
}

QList<int> SearchEngine::tagReading(const QString &typed) const
{
    QList<int> rows;
    const QString t = typed.trimmed();
    if (!t.startsWith(QLatin1Char('<')) || !t.contains(QLatin1Char('=')))
        return rows;
    const TolerantMatch m = tolerantMatch(t);
    if (m.via != QLatin1String("tag-value") && m.via != QLatin1String("tag-attributes"))
        return rows;
    QStringList names = m.names;
    if (!m.best.isEmpty())
        names.move(names.indexOf(m.best), 0);
    for (const QString &n : std::as_const(names))
        for (qsizetype i = 0; i < m_items.size(); ++i)
            if (m_items.at(i).latest && m_items.at(i).name == n) {
                rows << int(i);
                break;
            }
    return rows;
}

QList<int> SearchEngine::proceduresCarrying(const QString &apiName) const
{
    static const QList<std::pair<QLatin1String, QString>> programs{
        {QLatin1String("REMOTE_PROC_"), QStringLiteral("remote")},
        {QLatin1String("QEMU_PROC_"), QStringLiteral("qemu")},
        {QLatin1String("LXC_PROC_"), QStringLiteral("lxc")},
        {QLatin1String("ADMIN_PROC_"), QStringLiteral("admin")},
    };
    const QString wanted = apiName.toLower();
    QList<int> out;
    if (!wanted.startsWith(QLatin1String("vir")))
        return out;
    for (qsizetype i = 0; i < m_items.size(); ++i) {
        const ItemSummary &s = m_items.at(i);
        if (s.kind != ItemKind::RpcProcedure || !s.latest)
            continue;
        for (const auto &[prefix, program] : programs) {
            if (!s.name.startsWith(prefix))
                continue;
            const QStringList candidates = apiNameCandidates(program, s.name);
            if (std::any_of(candidates.cbegin(), candidates.cend(),
                            [&](const QString &c) { return c.toLower() == wanted; }))
                out.append(int(i));
            break;
        }
    }
    return out;
}

} // namespace vse
