#include "apixmlreference.h"
#include "diagnosticstext.h"
#include "testdata.h"

#include "extract/api/apireader.h"
#include "extract/api/functionsincetags.h"
#include "model/policy.h"

#include <QRegularExpression>
#include <QTest>

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

const Evidence *evidenceOf(const Item &item, Evidence::Kind kind)
{
    for (const Evidence &e : item.evidence)
        if (e.kind == kind)
            return &e;
    return nullptr;
}

} // namespace

// ApiReader on the installed libvirt: the facts the support policy is about.
class TestApiReader : public QObject
{
    Q_OBJECT
private:
    ExtractResult m_result;
    Version m_version;

private Q_SLOTS:
    void initTestCase()
    {
        if (!QFileInfo::exists(QStringLiteral("/usr/include/libvirt/libvirt.h")))
            QSKIP("libvirt-dev is not installed");
        const ApiInputs in = ApiInputs::forInstalled(QStringLiteral("/"));
        QCOMPARE(in.includeDir, QStringLiteral("/usr/include"));
        QCOMPARE(in.apiXmlDir, QStringLiteral("/usr/share/libvirt/api"));
        QStringList libs;
        for (const QString &l : in.sharedLibraries)
            libs.append(QFileInfo(l).fileName());
        QVERIFY2(libs.contains(QStringLiteral("libvirt.so.0")) &&
                     libs.contains(QStringLiteral("libvirt-qemu.so.0")),
                 qPrintable(libs.join(QLatin1Char(' '))));
        ApiReader reader;
        m_result = reader.read(in);
        m_version = reader.releaseVersion();
        QVERIFY2(!hasErrors(m_result.diagnostics), qPrintable(errorsOf(m_result.diagnostics)));
        QVERIFY(!reader.releaseVersionEvidence().isEmpty());
    }

    void releaseVersion()
    {
        QFile f(QStringLiteral("/usr/include/libvirt/libvirt-common.h"));
        QVERIFY(f.open(QIODevice::ReadOnly));
        static const QRegularExpression re(
            QStringLiteral("#\\s*define\\s+LIBVIR_VERSION_NUMBER\\s+(\\d+)"));
        const auto m = re.match(QString::fromUtf8(f.readAll()));
        QVERIFY(m.hasMatch());
        QCOMPARE(m_version, Version::fromNumber(m.captured(1).toLongLong()));
    }

    void virConnectOpen()
    {
        const Item *i = find(m_result.items, ItemKind::Function, QStringLiteral("virConnectOpen"));
        QVERIFY(i);
        QCOMPARE(i->tier, QStringLiteral("stable"));
        QCOMPARE(i->since(), Version(0, 0, 3));
        QVERIFY(i->sinceEvidence());
        QCOMPARE(i->sinceEvidence()->kind, Evidence::Kind::SymbolVersion);
        QCOMPARE(i->sinceEvidence()->detail, QStringLiteral("libvirt.so.0: LIBVIRT_0.0.3"));
        QVERIFY(!i->doc.isEmpty()); // from the API XML: the header has none
        QVERIFY(i->hypervisor.isEmpty());
    }

    void virDomainQemuMonitorCommand()
    {
        const Item *i =
            find(m_result.items, ItemKind::Function, QStringLiteral("virDomainQemuMonitorCommand"));
        QVERIFY(i);
        QCOMPARE(i->tier, QStringLiteral("hypervisor-specific"));
        QCOMPARE(i->hypervisor, QStringLiteral("qemu"));
        QCOMPARE(i->since(), Version(0, 8, 3));
        QCOMPARE(i->sinceEvidence()->kind, Evidence::Kind::SymbolVersion);
        QCOMPARE(i->sinceEvidence()->detail,
                 QStringLiteral("libvirt-qemu.so.0: LIBVIRT_QEMU_0.8.3"));
        QVERIFY(i->taints.contains(QStringLiteral("custom-monitor")));
    }

    // Every function of every installed *-api.xml is an item carrying exactly
    // that file's version as API XML evidence, and its own library's symbol version.
    void everyApiXmlFunction()
    {
        int checked = 0;
        for (const QString &file : apitest::installedApiXmlFiles()) {
            const QString name = QFileInfo(file).fileName();
            const QString library =
                name.chopped(int(qstrlen("-api.xml"))) + QStringLiteral(".so.0: ");
            for (const apitest::XmlSymbol &s : apitest::readApiXml(file)) {
                if (s.tag != QLatin1String("function"))
                    continue;
                const Item *i = find(m_result.items, ItemKind::Function, s.name);
                QVERIFY2(i, qPrintable(s.name));
                const Evidence *xml = evidenceOf(*i, Evidence::Kind::ApiXml);
                QVERIFY2(xml, qPrintable(s.name));
                QCOMPARE(xml->version, Version::parse(s.version));
                QCOMPARE(xml->detail, name);
                const Evidence *sym = evidenceOf(*i, Evidence::Kind::SymbolVersion);
                QVERIFY2(sym && sym->detail.startsWith(library), qPrintable(s.name));
                QVERIFY(!i->tier.isEmpty());
                ++checked;
            }
        }
        QVERIFY(checked > 500);
    }

    void lastValuesAreWarned()
    {
        // Independent list: the *_LAST enum values the API XML names.
        QSet<QString> expected;
        for (const QString &file : apitest::installedApiXmlFiles())
            for (const apitest::XmlSymbol &s : apitest::readApiXml(file))
                if (s.tag == QLatin1String("enum") && s.name.endsWith(QLatin1String("_LAST")))
                    expected.insert(s.name);
        QVERIFY(!expected.isEmpty());
        QSet<QString> warned;
        for (const Item &i : m_result.items) {
            const bool hasWarning = i.warnings.contains(lastValueWarning());
            if (i.kind == ItemKind::EnumValue && i.name.endsWith(QLatin1String("_LAST")))
                QVERIFY2(hasWarning, qPrintable(i.name));
            else
                QVERIFY2(!hasWarning, qPrintable(i.name));
            if (hasWarning)
                warned.insert(i.name);
        }
        QVERIFY(warned.contains(expected));
        const Item *running =
            find(m_result.items, ItemKind::EnumValue, QStringLiteral("VIR_DOMAIN_RUNNING"));
        QVERIFY(running);
        QCOMPARE(running->attrs.value(QStringLiteral("value")).toInteger(), 1);
        QCOMPARE(running->tier, QStringLiteral("stable"));
    }

    void errorCodesAndAdmin()
    {
        const Item *e =
            find(m_result.items, ItemKind::EnumValue, QStringLiteral("VIR_ERR_NO_DOMAIN"));
        QVERIFY(e);
        QCOMPARE(e->tier, QStringLiteral("stable-value"));
        const Item *adm =
            find(m_result.items, ItemKind::Function, QStringLiteral("virAdmConnectOpen"));
        if (adm) {
            QCOMPARE(adm->tier, QStringLiteral("unclassified"));
            QVERIFY(adm->sinceEvidence()->detail.startsWith(
                QLatin1String("libvirt-admin.so.0: LIBVIRT_ADMIN_")));
        }
    }

    // virConnectAuthPtrDefault's header comment says "Since: 0.4.1" while
    // libvirt.so exports it under LIBVIRT_0.4.0: both kept, item flagged,
    // and the later one names the since (a tag later than the node says the
    // node was reused; the safe answer for "which release must I require").
    void disagreeingEvidenceIsKept()
    {
        const Item *i =
            find(m_result.items, ItemKind::Variable, QStringLiteral("virConnectAuthPtrDefault"));
        QVERIFY(i);
        const Evidence *tag = evidenceOf(*i, Evidence::Kind::SinceTag);
        const Evidence *sym = evidenceOf(*i, Evidence::Kind::SymbolVersion);
        QVERIFY(tag && sym);
        QFile f(QStringLiteral("/usr/include/libvirt/libvirt-host.h"));
        QVERIFY(f.open(QIODevice::ReadOnly));
        static const QRegularExpression re(
            QStringLiteral("Since: ([0-9.]+)\\s*\\*/\\s*VIR_EXPORT_VAR virConnectAuthPtr "
                           "virConnectAuthPtrDefault"));
        const auto m = re.match(QString::fromUtf8(f.readAll()));
        QVERIFY(m.hasMatch());
        QCOMPARE(tag->version, Version::parse(m.captured(1)));
        QCOMPARE(i->since(), std::max(tag->version, sym->version));
        // Flagged exactly when the header's tag and the ELF symbol version
        // (both read above, the tag by a regex over the header) disagree: on
        // Debian 12's 9.0.0 and Debian 13's 11.3.0 they do.
        QCOMPARE(i->inconsistent(), tag->version != sym->version);
    }

    // A corpus source tree has only .syms files: the reader works from them
    // alone, warns that there are no headers, and makes one function per symbol.
    void corpusSourceTrees()
    {
        VSE_REQUIRE_CORPUS();
        for (const QString &release : testdata::corpusReleases()) {
            const QString root = testdata::corpusDir() + QLatin1Char('/') + release;
            const ApiInputs in = ApiInputs::forSourceTree(root);
            QVERIFY(!in.symsFiles.isEmpty());
            ApiReader reader;
            const ExtractResult r = reader.read(in);
            QVERIFY2(!hasErrors(r.diagnostics), qPrintable(errorsOf(r.diagnostics)));
            static const QRegularExpression sym(QStringLiteral("^\\s+(vir[A-Za-z0-9_]+)\\s*;"),
                                                QRegularExpression::MultilineOption);
            QSet<QString> expected;
            for (const QString &syms : in.symsFiles) {
                QFile f(syms);
                QVERIFY(f.open(QIODevice::ReadOnly));
                auto it = sym.globalMatch(QString::fromUtf8(f.readAll()));
                while (it.hasNext())
                    expected.insert(it.next().captured(1));
            }
            QSet<QString> found;
            for (const Item &i : r.items) {
                found.insert(i.name);
                QCOMPARE(i.sinceEvidence()->kind, Evidence::Kind::SymsFile);
            }
            QCOMPARE(found, expected);
            const Item *open = find(r.items, ItemKind::Function, QStringLiteral("virConnectOpen"));
            QVERIFY(open);
            QCOMPARE(open->since(), Version(0, 0, 3));
            QCOMPARE(open->tier, QStringLiteral("stable"));
        }
    }

    // The function doc blocks of an implementation file: titled, tagged
    // blocks count, with the title's line; the rest is skipped without
    // reading past the text (made-up text, shaped like libvirt's).
    void functionSinceTagsOfOddText()
    {
        const QByteArray text = "/**/\n"                                   // 1: closes itself
                                "/**\n * virFirst:\n * @x: a thing\n *\n * Since: 1.2.3\n */\n" // title on 3
                                "int virFirst(int x);\n"
                                "/**\n * virUntagged:\n */\n"              // no tag: skipped
                                "/**\n * vir\xc3\xa9t:\n * Since: 2.0.0\n */\n" // not ASCII: skipped
                                "/**\n * virSecond:\n * Since: 3.0.0\n */\n" // title on 17
                                "/**\n * virOpen:\n * Since: 4.0.0\n";    // never closed: ignored
        const QList<FunctionSinceTag> tags = functionsincetags::parse(text, QStringLiteral("src/x.c"));
        QCOMPARE(tags.size(), 2);
        QCOMPARE(tags.at(0).function, QStringLiteral("virFirst"));
        QCOMPARE(tags.at(0).since, Version(1, 2, 3));
        QCOMPARE(tags.at(0).line, 3);
        QCOMPARE(tags.at(0).file, QStringLiteral("src/x.c"));
        QCOMPARE(tags.at(1).function, QStringLiteral("virSecond"));
        QCOMPARE(tags.at(1).line, 17);
        QVERIFY(functionsincetags::parse(QByteArray("/**"), QString()).isEmpty());
        QVERIFY(functionsincetags::parse(QByteArray(), QString()).isEmpty());
    }

    void nothingToRead()
    {
        ApiReader reader;
        const ExtractResult r = reader.read(ApiInputs{});
        QVERIFY(hasErrors(r.diagnostics));
        ApiInputs bad;
        bad.includeDir = QStringLiteral("/nonexistent/include");
        const ExtractResult r2 = reader.read(bad);
        QVERIFY(hasErrors(r2.diagnostics));
        QCOMPARE(r2.diagnostics.constFirst().file, bad.includeDir);
    }
};

QTEST_GUILESS_MAIN(TestApiReader)
#include "tst_api_reader.moc"
