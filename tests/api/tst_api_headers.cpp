#include "apixmlreference.h"
#include "diagnosticstext.h"

#include "extract/api/headerextractor.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

#include <sys/wait.h>
#include <unistd.h>

using namespace vse;
using vse::testdata::errorsOf;

namespace {

const Item *find(const ItemList &items, ItemKind kind, const QString &name)
{
    for (const Item &i : items)
        if (i.kind == kind && i.name == name)
            return &i;
    return nullptr;
}

Version sinceTag(const Item &item)
{
    for (const Evidence &e : item.evidence)
        if (e.kind == Evidence::Kind::SinceTag)
            return e.version;
    return {};
}

QByteArray readFile(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

bool writeFile(const QString &path, const QByteArray &data)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(data) == data.size();
}

} // namespace

// The header extractor on the installed libvirt headers, checked against an
// independent reading of the API XML and of the header text.
class TestApiHeaders : public QObject
{
    Q_OBJECT
private:
    ItemList m_items;
    Version m_version;

private Q_SLOTS:
    void initTestCase()
    {
        if (!QFileInfo::exists(QStringLiteral("/usr/include/libvirt/libvirt.h")))
            QSKIP("libvirt-dev is not installed");
        HeaderExtractor h;
        ExtractResult r = h.extract(QStringLiteral("/usr/include"));
        QVERIFY2(!hasErrors(r.diagnostics), qPrintable(errorsOf(r.diagnostics)));
        m_items = r.items;
        m_version = h.releaseVersion();
    }

    void releaseVersionFromHeader()
    {
        static const QRegularExpression re(
            QStringLiteral("#\\s*define\\s+LIBVIR_VERSION_NUMBER\\s+(\\d+)"));
        const auto m = re.match(
            QString::fromUtf8(readFile(QStringLiteral("/usr/include/libvirt/libvirt-common.h"))));
        QVERIFY(m.hasMatch());
        QCOMPARE(m_version, Version::fromNumber(m.captured(1).toLongLong()));
    }

    void knownPrototypes()
    {
        const Item *open = find(m_items, ItemKind::Function, QStringLiteral("virConnectOpen"));
        QVERIFY(open);
        QCOMPARE(open->signature, QStringLiteral("virConnectPtr virConnectOpen(const char *name)"));
        QCOMPARE(open->file, QStringLiteral("libvirt/libvirt-host.h"));
        QCOMPARE(open->origin, QStringLiteral("header:libvirt"));
        const Item *close = find(m_items, ItemKind::Function, QStringLiteral("virConnectClose"));
        QVERIFY(close);
        QCOMPARE(close->signature, QStringLiteral("int virConnectClose(virConnectPtr conn)"));
        const Item *qemu =
            find(m_items, ItemKind::Function, QStringLiteral("virDomainQemuMonitorCommand"));
        QVERIFY(qemu);
        QCOMPARE(qemu->origin, QStringLiteral("header:libvirt-qemu"));
        const Item *cb = find(m_items, ItemKind::Callback, QStringLiteral("virFreeCallback"));
        QVERIFY(cb);
        QCOMPARE(cb->signature, QStringLiteral("typedef void (*virFreeCallback)(void *opaque)"));
    }

    // Every function of the API XML is declared, with a complete prototype:
    // as many parameters as the XML lists, and a line inside the header.
    void prototypesAreComplete()
    {
        int checked = 0;
        for (const QString &file : apitest::installedApiXmlFiles()) {
            for (const apitest::XmlSymbol &s : apitest::readApiXml(file)) {
                if (s.tag != QLatin1String("function"))
                    continue;
                const Item *f = find(m_items, ItemKind::Function, s.name);
                QVERIFY2(f, qPrintable(s.name));
                const qsizetype open = f->signature.indexOf(s.name + QLatin1Char('('));
                QVERIFY2(open > 0 && f->signature.endsWith(QLatin1Char(')')),
                         qPrintable(f->signature));
                // The XML takes argument names from the .c definitions, which
                // may differ from the header's; the count must agree.
                const QString params = f->signature.mid(open + s.name.size() + 1).chopped(1);
                int count = params == QLatin1String("void") ? 0 : 1, depth = 0;
                for (QChar c : params) {
                    depth += c == QLatin1Char('(') ? 1 : c == QLatin1Char(')') ? -1 : 0;
                    count += depth == 0 && c == QLatin1Char(',');
                }
                QVERIFY2(count == s.args.size(), qPrintable(f->signature));
                if (s.args.isEmpty())
                    QVERIFY2(f->signature.endsWith(QStringLiteral("(void)")),
                             qPrintable(f->signature));
                const QList<QByteArray> lines =
                    readFile(QStringLiteral("/usr/include/") + f->file).split('\n');
                QVERIFY(f->line > 0 && f->line <= lines.size());
                ++checked;
            }
        }
        QVERIFY(checked > 500);
    }

    // Numbers as clang computed them equal the API XML's value= for every value.
    void enumValuesMatchApiXml()
    {
        int checked = 0;
        // value= is sometimes another value's name (an alias, possibly from
        // another file): resolve it.
        QHash<QString, QString> byName;
        for (const QString &file : apitest::installedApiXmlFiles())
            for (const apitest::XmlSymbol &s : apitest::readApiXml(file))
                if (s.tag == QLatin1String("enum"))
                    byName.insert(s.name, s.value);
        for (const QString &file : apitest::installedApiXmlFiles()) {
            for (const apitest::XmlSymbol &s : apitest::readApiXml(file)) {
                if (s.tag != QLatin1String("enum"))
                    continue;
                QString value = s.value;
                for (int hops = 0; byName.contains(value) && hops < 8; ++hops)
                    value = byName.value(value);
                const Item *v = find(m_items, ItemKind::EnumValue, s.name);
                QVERIFY2(v, qPrintable(s.name));
                bool ok = false;
                const qint64 expected = value.toLongLong(&ok);
                QVERIFY2(ok, qPrintable(s.name + QLatin1Char('=') + s.value));
                QVERIFY2(v->attrs.value(QStringLiteral("value")).toInteger(-1) == expected,
                         qPrintable(s.name + QLatin1Char('=') + s.value + QStringLiteral(" vs ") +
                                    v->signature));
                QCOMPARE(v->parent, s.type);
                ++checked;
            }
        }
        QVERIFY(checked > 1000);
        const Item *running =
            find(m_items, ItemKind::EnumValue, QStringLiteral("VIR_DOMAIN_RUNNING"));
        QVERIFY(running);
        QCOMPARE(running->attrs.value(QStringLiteral("value")).toInteger(), 1);
        QCOMPARE(running->parent, QStringLiteral("virDomainState"));
        const Item *err = find(m_items, ItemKind::EnumValue, QStringLiteral("VIR_ERR_NO_DOMAIN"));
        QVERIFY(err);
        QCOMPARE(err->origin, QStringLiteral("error-code"));
    }

    // "Since:" comes from the header comments: after enum values, above types
    // and macros. Checked against a regex over the header text, and against
    // the API XML for every item that has both.
    void sinceTags()
    {
        const QString domainH =
            QString::fromUtf8(readFile(QStringLiteral("/usr/include/libvirt/libvirt-domain.h")));
        static const QRegularExpression valueRe(QStringLiteral(
            "VIR_DOMAIN_RUNNING_POSTCOPY_FAILED\\s*=\\s*\\d+,\\s*/\\*[^*]*\\(Since: ([0-9.]+)\\)"));
        const auto m = valueRe.match(domainH);
        QVERIFY(m.hasMatch());
        const Item *v = find(m_items, ItemKind::EnumValue,
                             QStringLiteral("VIR_DOMAIN_RUNNING_POSTCOPY_FAILED"));
        QVERIFY(v);
        QCOMPARE(sinceTag(*v), Version::parse(m.captured(1)));
        QCOMPARE(sinceTag(*v), Version(8, 5, 0));

        const Item *macro = find(m_items, ItemKind::Macro, QStringLiteral("VIR_UUID_BUFLEN"));
        QVERIFY(macro);
        QCOMPARE(macro->signature, QStringLiteral("#define VIR_UUID_BUFLEN (16)"));
        QCOMPARE(sinceTag(*macro), Version(0, 2, 0));
        const Item *state = find(m_items, ItemKind::Enum, QStringLiteral("virDomainState"));
        QVERIFY(state);
        QVERIFY(!state->doc.isEmpty());
        QVERIFY(sinceTag(*state).isValid());

        int agree = 0;
        QStringList disagree;
        for (const QString &file : apitest::installedApiXmlFiles()) {
            for (const apitest::XmlSymbol &s : apitest::readApiXml(file)) {
                if (s.tag != QLatin1String("enum") && s.tag != QLatin1String("macro"))
                    continue;
                const Item *i = find(
                    m_items, s.tag == QLatin1String("enum") ? ItemKind::EnumValue : ItemKind::Macro,
                    s.name);
                if (!i || !sinceTag(*i).isValid())
                    continue;
                if (sinceTag(*i) == Version::parse(s.version))
                    ++agree;
                else
                    disagree.append(s.name);
            }
        }
        if (!disagree.isEmpty())
            qInfo() << "Since tag differs from the API XML for" << disagree;
        // libvirt generates the API XML from these very comments.
        QVERIFY2(agree > 1000 && disagree.size() * 100 < agree,
                 qPrintable(disagree.join(QLatin1Char(' '))));
    }

    void lastSentinelsAreDeclared()
    {
        // VIR_ENUM_SENTINELS is defined for the parse, so every *_LAST of the
        // headers is there; count them independently in the header text.
        static const QRegularExpression re(
            QStringLiteral("^\\s*(VIR_[A-Z0-9_]*_LAST)\\b(?!\\s*\\()"),
            QRegularExpression::MultilineOption);
        QSet<QString> expected;
        for (const QString &h :
             QDir(QStringLiteral("/usr/include/libvirt")).entryList({QStringLiteral("*.h")})) {
            auto it = re.globalMatch(
                QString::fromUtf8(readFile(QStringLiteral("/usr/include/libvirt/") + h)));
            while (it.hasNext())
                expected.insert(it.next().captured(1));
        }
        QSet<QString> found;
        for (const Item &i : m_items)
            if (i.kind == ItemKind::EnumValue && i.name.endsWith(QLatin1String("_LAST")))
                found.insert(i.name);
        QVERIFY(!expected.isEmpty());
        QCOMPARE(found, expected);
    }

    // "typedef enum { ... } virDomainState;" is one enum named by its
    // typedef, with no typedef item beside it, whatever the libclang version
    // (libclang 19 made it two items). Counted independently in the text.
    void typedefNamedEnumsAreOneItem()
    {
        static const QRegularExpression re(
            QStringLiteral("^typedef\\s+enum\\s*\\{[^}]*\\}\\s*(\\w+)\\s*;"),
            QRegularExpression::MultilineOption);
        QStringList expected;
        for (const QString &h :
             QDir(QStringLiteral("/usr/include/libvirt")).entryList({QStringLiteral("*.h")})) {
            auto it = re.globalMatch(
                QString::fromUtf8(readFile(QStringLiteral("/usr/include/libvirt/") + h)));
            while (it.hasNext())
                expected.append(it.next().captured(1));
        }
        QVERIFY2(expected.size() > 100, qPrintable(QString::number(expected.size())));
        QStringList wrong;
        for (const QString &name : std::as_const(expected)) {
            const Item *e = find(m_items, ItemKind::Enum, name);
            if (!e || find(m_items, ItemKind::Typedef, name) ||
                e->signature != QStringLiteral("typedef enum { ... } ") + name)
                wrong.append(name);
        }
        QVERIFY2(wrong.isEmpty(), qPrintable(wrong.join(QLatin1Char(' '))));
    }

    void structFields()
    {
        const Item *s = find(m_items, ItemKind::Struct, QStringLiteral("_virDomainInfo"));
        QVERIFY(s);
        const QJsonArray fields = s->attrs.value(QStringLiteral("fields")).toArray();
        QStringList names;
        for (const auto &f : fields)
            names.append(f.toObject().value(QStringLiteral("name")).toString());
        QCOMPARE(names, QStringList({QStringLiteral("state"), QStringLiteral("maxMem"),
                                     QStringLiteral("memory"), QStringLiteral("nrVirtCpu"),
                                     QStringLiteral("cpuTime")}));
        QCOMPARE(fields.at(0).toObject().value(QStringLiteral("type")).toString(),
                 QStringLiteral("unsigned char"));
    }

    void brokenHeaderIsReported()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        QVERIFY(QDir(dir.path()).mkpath(QStringLiteral("libvirt")));
        const QByteArray text =
            "/* fixture */\ntypedef int virFine;\nint virBroken(virFine x;\nint virAfter(void);\n";
        QVERIFY(writeFile(dir.filePath(QStringLiteral("libvirt/libvirt.h")), text));
        HeaderExtractor h;
        const ExtractResult r = h.extract(dir.path());
        QVERIFY(hasErrors(r.diagnostics));
        const int brokenLine = int(text.left(text.indexOf("virBroken")).count('\n')) + 1;
        bool located = false;
        for (const Diagnostic &d : r.diagnostics)
            located |=
                d.isError() && d.file == QLatin1String("libvirt/libvirt.h") && d.line == brokenLine;
        QVERIFY2(located, qPrintable(errorsOf(r.diagnostics)));
        QVERIFY(find(r.items, ItemKind::Typedef, QStringLiteral("virFine")));
    }

    void missingOrUnreadableDirectory()
    {
        HeaderExtractor h;
        QTemporaryDir dir;
        const QString missing = dir.filePath(QStringLiteral("nope"));
        ExtractResult r = h.extract(missing);
        QVERIFY(hasErrors(r.diagnostics));
        QVERIFY(r.diagnostics.constFirst().file.contains(QLatin1String("nope")));

        const QString file = dir.filePath(QStringLiteral("file"));
        QVERIFY(writeFile(file, "not a directory"));
        r = h.extract(file);
        QVERIFY(hasErrors(r.diagnostics));
        QCOMPARE(r.diagnostics.constFirst().file, file);

        // An include dir without libvirt/ headers.
        r = h.extract(dir.path());
        QVERIFY(hasErrors(r.diagnostics));
        QVERIFY(r.items.isEmpty());

        // An unreadable libvirt/ folder. Root reads everything, so as root the
        // extraction runs in a child that became "nobody" (uid/gid 65534).
        const QString locked = dir.filePath(QStringLiteral("locked/libvirt"));
        QVERIFY(QDir().mkpath(locked));
        QFile::setPermissions(dir.path(), QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner |
                                              QFileDevice::ReadOther | QFileDevice::ExeOther);
        QFile::setPermissions(dir.filePath(QStringLiteral("locked")),
                              QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner |
                                  QFileDevice::ReadOther | QFileDevice::ExeOther);
        QFile::setPermissions(locked, QFileDevice::Permissions());
        if (::geteuid() != 0) {
            r = h.extract(dir.filePath(QStringLiteral("locked")));
            QVERIFY(hasErrors(r.diagnostics));
        } else {
            const pid_t child = ::fork();
            QVERIFY(child >= 0);
            if (child == 0) {
                if (::setgid(65534) != 0 || ::setuid(65534) != 0)
                    ::_exit(3);
                HeaderExtractor unprivileged;
                const ExtractResult lockedResult = unprivileged.extract(dir.filePath(QStringLiteral("locked")));
                bool named = false;
                for (const Diagnostic &d : lockedResult.diagnostics)
                    named |= d.isError() && d.file.endsWith(QLatin1String("locked/libvirt")) &&
                             d.message.contains(QLatin1String("no readable libvirt/"));
                ::_exit(hasErrors(lockedResult.diagnostics) && named ? 0 : 1);
            }
            int status = 0;
            QCOMPARE(::waitpid(child, &status, 0), child);
            QVERIFY2(WIFEXITED(status) && WEXITSTATUS(status) == 0,
                     "as nobody, an unreadable libvirt/ folder must give an error naming it");
        }
        QFile::setPermissions(locked, QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
    }

    // A source tree has libvirt-common.h.in, not the generated header.
    void sourceTreeTemplate()
    {
        QTemporaryDir dir;
        const QString inc = dir.filePath(QStringLiteral("include/libvirt"));
        QVERIFY(QDir().mkpath(inc));
        const QDir installed(QStringLiteral("/usr/include/libvirt"));
        for (const QString &h : installed.entryList({QStringLiteral("*.h")})) {
            QByteArray text = readFile(installed.filePath(h));
            QString target = inc + QLatin1Char('/') + h;
            if (h == QLatin1String("libvirt-common.h")) {
                static const QRegularExpression re(
                    QStringLiteral("(define\\s+LIBVIR_VERSION_NUMBER\\s+)\\d+"));
                text = QString::fromUtf8(text)
                           .replace(re, QStringLiteral("\\1@LIBVIR_VERSION_NUMBER@"))
                           .toUtf8();
                target += QStringLiteral(".in");
            }
            QVERIFY(writeFile(target, text));
        }
        HeaderExtractor h;
        const ExtractResult r = h.extract(dir.filePath(QStringLiteral("include")));
        QVERIFY2(!hasErrors(r.diagnostics), qPrintable(errorsOf(r.diagnostics)));
        QCOMPARE(r.items.size(), m_items.size());
        QVERIFY(!h.releaseVersion().isValid());
        bool warned = false;
        for (const Diagnostic &d : r.diagnostics)
            warned |= !d.isError() && d.message.contains(QLatin1String("LIBVIR_VERSION_NUMBER"));
        QVERIFY(warned);
        QVERIFY(find(r.items, ItemKind::Function, QStringLiteral("virTypedParamsGetInt")));
    }
};

QTEST_GUILESS_MAIN(TestApiHeaders)
#include "tst_api_headers.moc"
