// `virt-support` is a launcher that answers --help and --version without
// loading Qt and hands everything else to the query module
// (virt-support-query.so), which runs show, search and stats itself and hands
// every other command to virt-support-commands.so: the query module must not
// load libxml2, Qt Concurrent or libclang, and every command must answer
// from it exactly as the full program `virt-support-index` answers (real
// libvirt data: the corpus's 1.3.5 source tree and the installed schemas).
#include "clirunner.h"
#include "testdata.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>

using namespace vse;
using testdata::CliRun;

namespace {

QString neededLibraries(const QString &binary)
{
    QProcess p;
    p.start(QStringLiteral("readelf"), {QStringLiteral("-d"), binary});
    p.waitForFinished();
    return QString::fromUtf8(p.readAllStandardOutput());
}

CliRun runProgram(const QString &program, const QStringList &args)
{
    QProcess p;
    p.start(program, args);
    CliRun r;
    if (!p.waitForFinished(120000)) {
        p.kill();
        p.waitForFinished();
        r.crashed = true;
        return r;
    }
    r.exitCode = p.exitCode();
    r.out = QString::fromUtf8(p.readAllStandardOutput());
    r.err = QString::fromUtf8(p.readAllStandardError());
    return r;
}

} // namespace

class TestCliFrontEnd : public QObject
{
    Q_OBJECT

    QTemporaryDir m_tmp;
    QString m_index;

    QString full() const
    {
        return QFileInfo(qEnvironmentVariable("VSE_CLI")).dir().filePath(QStringLiteral("virt-support-index"));
    }

private slots:
    void initTestCase()
    {
        VSE_REQUIRE_CORPUS();
        QVERIFY(m_tmp.isValid());
        m_index = m_tmp.filePath(QStringLiteral("index.sqlite"));
        const CliRun r = testdata::runCli(m_index, {QStringLiteral("index"), QStringLiteral("--quiet"),
                                                    QStringLiteral("--source"),
                                                    testdata::corpusDir() + QStringLiteral("/1.3.5")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    }

    QString beside(const char *file) const
    {
        return QFileInfo(qEnvironmentVariable("VSE_CLI")).dir().filePath(QLatin1String(file));
    }

    void launcherLoadsNeitherQtNorTheCxxRuntime()
    {
        const QString launcher = neededLibraries(qEnvironmentVariable("VSE_CLI"));
        if (launcher.isEmpty())
            QSKIP("readelf is not available");
        QVERIFY2(launcher.contains(QLatin1String("libc.so")), qPrintable(launcher));
        for (const char *lib : {"libQt6", "libstdc++", "libxml2", "libsqlite3"})
            QVERIFY2(!launcher.contains(QLatin1String(lib)), lib);
    }

    void queriesLoadNoXmlNorConcurrent()
    {
        const QString front = neededLibraries(beside("virt-support-query.so"));
        if (front.isEmpty())
            QSKIP("readelf is not available");
        QVERIFY2(front.contains(QStringLiteral("libQt6Core")), qPrintable(front));
        // zlib reads virsh's gzip-compressed manual page, which only indexing does.
        for (const char *lib : {"libxml2", "libQt6Concurrent", "libclang", "libLLVM", "libelf", "libvirt.so", "libz.so"})
            QVERIFY2(!front.contains(QLatin1String(lib)), lib);
        // libstdc++ before Qt Core: the loader's look-ups for libstdc++'s own
        // symbols stop there (app/cli/CMakeLists.txt).
        QVERIFY2(front.indexOf(QLatin1String("libstdc++")) >= 0 &&
                     front.indexOf(QLatin1String("libstdc++")) < front.indexOf(QLatin1String("libQt6Core")),
                 qPrintable(front));
        // The module has what the checks need.
        const QString module = beside("virt-support-commands.so");
        QVERIFY2(neededLibraries(module).contains(QStringLiteral("libxml2")), qPrintable(module));
    }

    // The launcher's own answers (usage.h's text) equal the full program's.
    void launcherAnswersAsTheFullProgram_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::newRow("--help") << QStringList{QStringLiteral("--help")};
        QTest::newRow("--version") << QStringList{QStringLiteral("--version")};
        QTest::newRow("nothing") << QStringList{};
    }

    void launcherAnswersAsTheFullProgram()
    {
        QFETCH(QStringList, args);
        const CliRun front = runProgram(qEnvironmentVariable("VSE_CLI"), args);
        const CliRun all = runProgram(full(), args);
        QVERIFY(!front.crashed);
        QCOMPARE(front.exitCode, all.exitCode);
        QCOMPARE(front.out, all.out);
        QCOMPARE(front.err, all.err);
        QVERIFY(front.out.contains(QLatin1String("virt-support")) || front.err.contains(QLatin1String("Usage:")));
    }

    // Without its module the launcher says where it looked (exit 4), and
    // still answers --help.
    void launcherWithoutItsModule()
    {
        const QString lonely = m_tmp.filePath(QStringLiteral("lonely/virt-support"));
        QVERIFY(QDir().mkpath(QFileInfo(lonely).path()));
        QVERIFY(QFile::copy(qEnvironmentVariable("VSE_CLI"), lonely));
        const CliRun r = runProgram(lonely, {QStringLiteral("show"), QStringLiteral("virConnectOpen")});
        QVERIFY(!r.crashed);
        QCOMPARE(r.exitCode, 4);
        QVERIFY2(r.err.contains(QLatin1String("cannot load the query module")) &&
                     r.err.contains(QFileInfo(lonely).path() + QStringLiteral("/virt-support-query.so")),
                 qPrintable(r.err));
        const CliRun help = runProgram(lonely, {QStringLiteral("--help")});
        QCOMPARE(help.exitCode, 0);
        QVERIFY(help.out.startsWith(QLatin1String("Usage: virt-support")));
        // The checks go straight to the commands module, not through the
        // query module: with only the commands module beside it, they run.
        QVERIFY(QFile::copy(beside("virt-support-commands.so"),
                            QFileInfo(lonely).dir().filePath(QStringLiteral("virt-support-commands.so"))));
        const QStringList protocol{QStringLiteral("--index"), m_index, QStringLiteral("protocol"), QStringLiteral("remote")};
        const CliRun direct = runProgram(lonely, protocol);
        const CliRun all = runProgram(full(), protocol);
        QCOMPARE(direct.exitCode, 0);
        QCOMPARE(direct.out, all.out);
        const CliRun query = runProgram(lonely, {QStringLiteral("--index"), m_index, QStringLiteral("show"),
                                                 QStringLiteral("virConnectOpen")});
        QCOMPARE(query.exitCode, 4);
        QVERIFY2(query.err.contains(QLatin1String("cannot load the query module")), qPrintable(query.err));
    }

    void everyCommandAnswersAsTheFullProgram_data()
    {
        QTest::addColumn<QStringList>("args");
        const QString domain = testdata::corpusDir() + QStringLiteral("/1.3.5/docs/schemas/domain.rng");
        QTest::newRow("show") << QStringList{QStringLiteral("show"), QStringLiteral("virDomainCreateXML")};
        QTest::newRow("search") << QStringList{QStringLiteral("search"), QStringLiteral("virConnectOpen")};
        QTest::newRow("stats") << QStringList{QStringLiteral("stats")};
        QTest::newRow("protocol") << QStringList{QStringLiteral("protocol"), QStringLiteral("remote")};
        QTest::newRow("history") << QStringList{QStringLiteral("history")};
        QTest::newRow("gen-header") << QStringList{QStringLiteral("gen-header"), QStringLiteral("--max-allowed"),
                                                   QStringLiteral("1.0.0")};
        QTest::newRow("check-xml, not XML") << QStringList{QStringLiteral("check-xml"), domain + QStringLiteral(".missing")};
        QTest::newRow("check-config --help") << QStringList{QStringLiteral("check-config"), QStringLiteral("--help")};
        QTest::newRow("scan --help") << QStringList{QStringLiteral("scan"), QStringLiteral("--help")};
        QTest::newRow("unknown") << QStringList{QStringLiteral("no-such-command")};
    }

    void everyCommandAnswersAsTheFullProgram()
    {
        QFETCH(QStringList, args);
        const QStringList withIndex = QStringList{QStringLiteral("--index"), m_index} + args;
        const CliRun front = runProgram(qEnvironmentVariable("VSE_CLI"), withIndex);
        const CliRun all = runProgram(full(), withIndex);
        QVERIFY(!front.crashed);
        QCOMPARE(front.exitCode, all.exitCode);
        QCOMPARE(front.out, all.out);
        QCOMPARE(front.err, all.err);
        QVERIFY(!front.out.isEmpty() || !front.err.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestCliFrontEnd)
#include "tst_cli_frontend.moc"
