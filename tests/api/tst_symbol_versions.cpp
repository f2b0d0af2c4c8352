#include "apixmlreference.h"
#include "testdata.h"

#include "extract/api/symbolversions.h"

#include <QRegularExpression>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

using namespace vse;

namespace {

QString installedLibrary(const QString &name)
{
    for (const QString &dir :
         QDir(QStringLiteral("/usr/lib")).entryList({QStringLiteral("*-linux-gnu*")}, QDir::Dirs)) {
        const QString path = QStringLiteral("/usr/lib/") + dir + QLatin1Char('/') + name;
        if (QFileInfo(path).isFile())
            return path;
    }
    return {};
}

QString errorsOf(const Diagnostics &d)
{
    QStringList s;
    for (const Diagnostic &x : d)
        s.append(x.toString());
    return s.join(QLatin1Char('\n'));
}

// Independent count of a version script: blocks "NODE {" and the symbols of
// their global: sections, by regex over the text with comments removed.
struct SymsCount
{
    int blocks = 0;
    QSet<QString> symbols;
};

SymsCount countSyms(const QString &path)
{
    QFile f(path);
    SymsCount c;
    if (!f.open(QIODevice::ReadOnly))
        return c;
    QString text = QString::fromUtf8(f.readAll());
    text.remove(QRegularExpression(QStringLiteral("#[^\\n]*")));
    static const QRegularExpression block(
        QStringLiteral("(LIBVIRT_[A-Z_]*\\d+\\.\\d+\\.\\d+)\\s*\\{([^}]*)\\}"));
    static const QRegularExpression sym(QStringLiteral("([A-Za-z_][A-Za-z0-9_]*)\\s*;"));
    auto it = block.globalMatch(text);
    while (it.hasNext()) {
        const auto m = it.next();
        ++c.blocks;
        QString body = m.captured(2);
        const qsizetype local = body.indexOf(QLatin1String("local:"));
        if (local >= 0)
            body.truncate(local);
        auto s = sym.globalMatch(body);
        while (s.hasNext())
            c.symbols.insert(s.next().captured(1));
    }
    return c;
}

} // namespace

class TestSymbolVersions : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void installedLibraries_data()
    {
        QTest::addColumn<QString>("library");
        QTest::addColumn<QString>("apiXml");
        QTest::addColumn<QString>("nodePrefix");
        QTest::newRow("libvirt") << QStringLiteral("libvirt.so.0")
                                 << QStringLiteral("libvirt-api.xml") << QStringLiteral("LIBVIRT_");
        QTest::newRow("qemu") << QStringLiteral("libvirt-qemu.so.0")
                              << QStringLiteral("libvirt-qemu-api.xml")
                              << QStringLiteral("LIBVIRT_QEMU_");
        QTest::newRow("lxc") << QStringLiteral("libvirt-lxc.so.0")
                             << QStringLiteral("libvirt-lxc-api.xml")
                             << QStringLiteral("LIBVIRT_LXC_");
        QTest::newRow("admin") << QStringLiteral("libvirt-admin.so.0")
                               << QStringLiteral("libvirt-admin-api.xml")
                               << QStringLiteral("LIBVIRT_ADMIN_");
    }
    // Every function the API XML lists for a library is exported by that
    // library under a public version node; no *_PRIVATE_* node leaks through.
    void installedLibraries()
    {
        QFETCH(QString, library);
        QFETCH(QString, apiXml);
        QFETCH(QString, nodePrefix);
        const QString path = installedLibrary(library);
        if (path.isEmpty())
            QSKIP("library not installed");
        const SymbolVersionResult r = SymbolVersions::readSharedLibrary(path);
        QVERIFY2(!hasErrors(r.diagnostics), qPrintable(errorsOf(r.diagnostics)));
        QHash<QString, SymbolVersion> bySymbol;
        for (const SymbolVersion &s : r.symbols) {
            QVERIFY2(!s.node.contains(QLatin1String("PRIVATE")), qPrintable(s.node));
            QVERIFY2(s.node.startsWith(nodePrefix), qPrintable(s.node));
            QVERIFY(s.version.isValid());
            QCOMPARE(s.source, library);
            bySymbol.insert(s.symbol, s);
        }
        int functions = 0;
        for (const apitest::XmlSymbol &x :
             apitest::readApiXml(apitest::installedApiXmlDir() + QLatin1Char('/') + apiXml)) {
            if (x.tag != QLatin1String("function"))
                continue;
            QVERIFY2(bySymbol.contains(x.name), qPrintable(x.name));
            ++functions;
        }
        QVERIFY(functions > 0);
    }

    void virConnectOpenNode()
    {
        const QString path = installedLibrary(QStringLiteral("libvirt.so.0"));
        if (path.isEmpty())
            QSKIP("libvirt0 not installed");
        const SymbolVersionResult r = SymbolVersions::readSharedLibrary(path);
        for (const SymbolVersion &s : r.symbols) {
            if (s.symbol != QLatin1String("virConnectOpen"))
                continue;
            QCOMPARE(s.node, QStringLiteral("LIBVIRT_0.0.3"));
            const Evidence e = s.evidence();
            QCOMPARE(e.kind, Evidence::Kind::SymbolVersion);
            QCOMPARE(e.detail, QStringLiteral("libvirt.so.0: LIBVIRT_0.0.3"));
            return;
        }
        QFAIL("virConnectOpen not found");
    }

    void notElf()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("libvirt.so.0"));
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("\x7f"
                "ELF garbage that is far too short to be an ELF header");
        f.close();
        SymbolVersionResult r = SymbolVersions::readSharedLibrary(path);
        QVERIFY(hasErrors(r.diagnostics));
        QCOMPARE(r.diagnostics.constFirst().file, path);
        r = SymbolVersions::readSharedLibrary(dir.filePath(QStringLiteral("missing.so.0")));
        QVERIFY(hasErrors(r.diagnostics));
        r = SymbolVersions::readSharedLibrary(dir.path());
        QVERIFY(hasErrors(r.diagnostics));
    }

    // Every .syms of the corpus parses without error, with as many blocks and
    // symbols as an independent regex count finds.
    void corpusSymsFiles()
    {
        VSE_REQUIRE_CORPUS();
        int files = 0;
        for (const QString &release : testdata::corpusReleases()) {
            const QDir src(testdata::corpusDir() + QLatin1Char('/') + release +
                           QStringLiteral("/src"));
            for (const QString &name : src.entryList({QStringLiteral("*.syms")}, QDir::Files)) {
                const QString path = src.filePath(name);
                const SymbolVersionResult r = SymbolVersions::readSymsFile(path);
                QVERIFY2(r.diagnostics.isEmpty(), qPrintable(errorsOf(r.diagnostics)));
                const SymsCount expected = countSyms(path);
                QSet<QString> symbols, nodes;
                for (const SymbolVersion &s : r.symbols) {
                    symbols.insert(s.symbol);
                    nodes.insert(s.node);
                    QVERIFY(s.version.isValid());
                    QVERIFY(s.line > 0);
                    QCOMPARE(s.evidence().kind, Evidence::Kind::SymsFile);
                    QCOMPARE(s.evidence().detail, name + QStringLiteral(": ") + s.node);
                }
                QVERIFY(expected.blocks > 0);
                QCOMPARE(nodes.size(), expected.blocks);
                QCOMPARE(symbols, expected.symbols);
                ++files;
            }
        }
        QVERIFY(files >= 6);
    }

    void badSyms_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<int>("line");
        QTest::newRow("empty") << QByteArray() << 1;
        QTest::newRow("only comments") << QByteArray("# nothing\n# here\n") << 1;
        QTest::newRow("garbage") << QByteArray("\n\nthis is not { a version script\n") << 3;
        static const char binary[] = "LIBVIRT_1.0.0 {\n global:\n  \x01\x02\xff;\n};\n";
        QTest::newRow("binary") << QByteArray(binary, sizeof(binary) - 1) << 3;
        QTest::newRow("unclosed") << QByteArray("# c\nLIBVIRT_1.0.0 {\n global:\n  virA;\n") << 2;
        QTest::newRow("extra close")
            << QByteArray("LIBVIRT_1.0.0 {\n global:\n  virA;\n};\n}\n") << 5;
        QTest::newRow("missing semicolon")
            << QByteArray("LIBVIRT_1.0.0 {\n global:\n  virA\n  virB;\n};\n") << 4;
        QTest::newRow("missing brace") << QByteArray("LIBVIRT_1.0.0\n global:\n  virA;\n};\n") << 2;
    }
    void badSyms()
    {
        QFETCH(QByteArray, text);
        QFETCH(int, line);
        const SymbolVersionResult r = SymbolVersions::parseSyms(text, QStringLiteral("bad.syms"));
        QVERIFY(hasErrors(r.diagnostics));
        const Diagnostic &d = r.diagnostics.constLast();
        QCOMPARE(d.file, QStringLiteral("bad.syms"));
        QCOMPARE(d.line, line);
        QVERIFY(!d.message.isEmpty());
    }

    void privateNodesSkipped()
    {
        const QByteArray text =
            "LIBVIRT_PRIVATE_9.0.0 {\n global:\n  virInternal;\n local:\n  *;\n};\n"
            "LIBVIRT_QEMU_0.8.3 {\n global:\n  virDomainQemuMonitorCommand;\n local: *;\n};\n";
        const SymbolVersionResult r = SymbolVersions::parseSyms(text, QStringLiteral("x.syms"));
        QVERIFY2(r.diagnostics.isEmpty(), qPrintable(errorsOf(r.diagnostics)));
        QCOMPARE(r.symbols.size(), 1);
        QCOMPARE(r.symbols.constFirst().library, QStringLiteral("libvirt-qemu"));
        QCOMPARE(r.symbols.constFirst().version, Version(0, 8, 3));
        QCOMPARE(r.symbols.constFirst().line, 9);
    }
};

QTEST_GUILESS_MAIN(TestSymbolVersions)
#include "tst_symbol_versions.moc"
