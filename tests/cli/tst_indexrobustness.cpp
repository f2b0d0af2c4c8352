// Bad input never damages the index: each case runs the real CLI against a
// good index of the installed libvirt and checks the message, the exit code,
// and that the index file is byte-for-byte what it was.
#include "clirunner.h"

#include <QCryptographicHash>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <sqlite3.h>

#include <unistd.h>

using namespace vse::testdata;

namespace {

QByteArray digest(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return QCryptographicHash::hash(f.readAll(), QCryptographicHash::Sha256);
}

void writeFile(const QString &path, const QByteArray &content)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(content);
}

// Runs the CLI as an unprivileged user, because root reads and writes
// everything and so cannot see permission problems.
CliRun runAsNobody(const QString &index, const QStringList &args)
{
    QProcess p;
    QStringList full{QStringLiteral("--reuid=65534"), QStringLiteral("--regid=65534"), QStringLiteral("--clear-groups"),
                     qEnvironmentVariable("VSE_CLI"), QStringLiteral("--index"), index};
    p.start(QStringLiteral("setpriv"), full + args);
    p.waitForFinished(120000);
    return {p.exitCode(), QString::fromUtf8(p.readAllStandardOutput()), QString::fromUtf8(p.readAllStandardError()),
            p.exitStatus() != QProcess::NormalExit};
}

// The installed libvirt's version from its pkg-config file (libvirt-dev),
// read without the code under test.
QString installedPkgConfigVersion()
{
    QDirIterator it(QStringLiteral("/usr/lib"), {QStringLiteral("libvirt.pc")}, QDir::Files,
                    QDirIterator::Subdirectories);
    while (it.hasNext()) {
        QFile f(it.next());
        if (!f.open(QIODevice::ReadOnly))
            continue;
        static const QRegularExpression version(QStringLiteral("^Version:\\s*(\\S+)"),
                                                QRegularExpression::MultilineOption);
        const auto m = version.match(QString::fromUtf8(f.readAll()));
        if (m.hasMatch())
            return m.captured(1);
    }
    return {};
}

} // namespace

class TestIndexRobustness : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;
    QString m_index;
    QByteArray m_good;

    void expectIndexUnchanged() { QCOMPARE(digest(m_index), m_good); }

private Q_SLOTS:
    void initTestCase()
    {
        if (!QFile::exists(QStringLiteral("/usr/include/libvirt/libvirt.h")))
            QSKIP("libvirt-dev is not installed");
        m_index = m_dir.filePath(QStringLiteral("index.sqlite"));
        const CliRun r = runCli(m_index, {QStringLiteral("index")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        m_good = digest(m_index);
        QVERIFY(!m_good.isEmpty());
    }

    void missingDirectory()
    {
        const QString missing = m_dir.filePath(QStringLiteral("does-not-exist"));
        const CliRun r = runCli(m_index, {QStringLiteral("index"), QStringLiteral("--source"), missing});
        QCOMPARE(r.exitCode, 3);
        QVERIFY2(r.err.contains(missing + QStringLiteral(": error: no such file or directory")), qPrintable(r.err));
        expectIndexUnchanged();
    }

    void sourceIsAFile()
    {
        const QString file = m_dir.filePath(QStringLiteral("plain-file"));
        writeFile(file, "hello");
        const CliRun r = runCli(m_index, {QStringLiteral("index"), QStringLiteral("--source"), file});
        QCOMPARE(r.exitCode, 3);
        QVERIFY(r.err.contains(QLatin1String("not a directory")));
        expectIndexUnchanged();
    }

    void folderWithoutLibvirtData()
    {
        const QString empty = m_dir.filePath(QStringLiteral("empty"));
        QDir().mkpath(empty);
        const CliRun r = runCli(m_index, {QStringLiteral("index"), QStringLiteral("--source"), empty});
        QCOMPARE(r.exitCode, 3);
        QVERIFY(r.err.contains(QLatin1String("no libvirt data found")));
        expectIndexUnchanged();
    }

    void unreadableDirectory()
    {
        if (QStandardPaths::findExecutable(QStringLiteral("setpriv")).isEmpty())
            QSKIP("setpriv (util-linux) is missing");
        QTemporaryDir open;
        QFile::setPermissions(open.path(), QFileDevice::Permissions(0x7777));
        const QString locked = open.filePath(QStringLiteral("locked"));
        QDir().mkpath(locked + QStringLiteral("/usr/include/libvirt"));
        QFile::setPermissions(locked, QFileDevice::Permissions());
        const QString index = open.filePath(QStringLiteral("index.sqlite"));
        const CliRun r = runAsNobody(index, {QStringLiteral("index"), QStringLiteral("--source"), locked});
        QFile::setPermissions(locked, QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
        QCOMPARE(r.exitCode, 3);
        QVERIFY2(r.err.contains(locked + QStringLiteral(": error: directory is not readable")), qPrintable(r.err));
        QVERIFY(!QFile::exists(index));
    }

    void readOnlyCacheDirectory()
    {
        if (QStandardPaths::findExecutable(QStringLiteral("setpriv")).isEmpty())
            QSKIP("setpriv (util-linux) is missing");
        QTemporaryDir cache;
        QFile::setPermissions(cache.path(), QFileDevice::ReadOwner | QFileDevice::ExeOwner | QFileDevice::ReadOther |
                                                QFileDevice::ExeOther | QFileDevice::ReadGroup | QFileDevice::ExeGroup);
        const QString index = cache.filePath(QStringLiteral("index.sqlite"));
        const CliRun r = runAsNobody(index, {QStringLiteral("stats")});
        QCOMPARE(r.exitCode, 4);
        QVERIFY2(r.err.contains(QLatin1String("cannot create the index file")), qPrintable(r.err));
        QVERIFY(!r.crashed);
    }

    void headerThatDoesNotParse()
    {
        QTemporaryDir pkg;
        writeFile(pkg.filePath(QStringLiteral("usr/include/libvirt/libvirt.h")),
                  "#ifndef LIBVIRT_H\n#define LIBVIRT_H\ntypedef struct _virConnect virConnect;\n"
                  "int virBroken(virConnect *conn,;\n#endif\n");
        const CliRun r = runCli(m_index, {QStringLiteral("index"), QStringLiteral("--source"), pkg.path()});
        QCOMPARE(r.exitCode, 3);
        QVERIFY2(r.err.contains(QLatin1String("libvirt/libvirt.h:4")), qPrintable(r.err));
        QVERIFY(r.err.contains(QLatin1String("previous index")));
        expectIndexUnchanged();
    }

    void garbageAndEmptySyms_data()
    {
        QTest::addColumn<QByteArray>("content");
        QTest::newRow("empty") << QByteArray();
        QTest::newRow("garbage") << QByteArray("LIBVIRT_0.0.3 {\n  global:\n    virConnectOpen;\n  ]]]\n");
        QTest::newRow("binary") << QByteArray("\x7f" "ELF\x02\x01\x01\x00\x00\x00\xff\xfe", 12);
        QTest::newRow("unbalanced") << QByteArray("LIBVIRT_0.0.3 {\n  global:\n    virConnectOpen;\n");
    }
    void garbageAndEmptySyms()
    {
        QFETCH(QByteArray, content);
        QTemporaryDir tree;
        writeFile(tree.filePath(QStringLiteral("src/libvirt_public.syms")), content);
        const CliRun r = runCli(m_index, {QStringLiteral("index"), QStringLiteral("--source"), tree.path()});
        QCOMPARE(r.exitCode, 3);
        QVERIFY2(r.err.contains(QLatin1String("libvirt_public.syms")), qPrintable(r.err));
        QVERIFY(!r.crashed);
        expectIndexUnchanged();
    }

    void corruptDatabaseIsRebuilt()
    {
        QTemporaryDir dir;
        const QString index = dir.filePath(QStringLiteral("index.sqlite"));
        QVERIFY(QFile::copy(m_index, index));
        // Cut short, as a full disk or a crash of the file system leaves it:
        // SQLite refuses it ("malformed"), yet its first page still names the
        // index's tables, so it is ours to rebuild.
        QVERIFY(QFile::resize(index, 2 * 4096));
        const CliRun r = runCli(index, {QStringLiteral("stats")});
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.err.contains(QLatin1String("damaged")) && r.err.contains(QLatin1String("rebuilding")),
                 qPrintable(r.err));
        // The rebuilt index holds exactly what the good one did: the same
        // report, release by release and kind by kind, and the release is
        // the installed libvirt's version as its pkg-config file states it.
        const CliRun good = runCli(m_index, {QStringLiteral("stats")});
        QCOMPARE(good.exitCode, 0);
        const auto body = [](const QString &out) {
            return out.section(QLatin1Char('\n'), 1);
        }; // minus "Index: PATH"
        QCOMPARE(body(r.out), body(good.out));
        const QString version = installedPkgConfigVersion();
        QVERIFY(!version.isEmpty());
        QVERIFY2(r.out.contains(QStringLiteral("\nRelease ") + version + QStringLiteral(" [")),
                 qPrintable(r.out));
        QCOMPARE(r.out.count(QStringLiteral("\nRelease ")), 1);
        // And the rebuilt file is a good index again.
        const CliRun again = runCli(index, {QStringLiteral("index")});
        QVERIFY(again.out.startsWith(QLatin1String("Index is up to date")));
    }

    // A typo in --index names a file of the user's: it is never replaced by
    // an index, whatever it holds; the command fails (exit 4) saying why.
    void foreignFilesAreLeftAlone()
    {
        QTemporaryDir dir;
        const auto expectRefused = [&](const QString &path, const QString &why) {
            const QFileInfo before(path);
            QByteArray content;
            if (before.isFile()) {
                QFile f(path);
                QVERIFY(f.open(QIODevice::ReadOnly));
                content = f.readAll();
            }
            for (const QStringList &args : {QStringList{QStringLiteral("stats")}, QStringList{QStringLiteral("index")},
                                            QStringList{QStringLiteral("show"), QStringLiteral("virConnectOpen")}}) {
                const CliRun r = runCli(path, args);
                QVERIFY(!r.crashed);
                QCOMPARE(r.exitCode, 4);
                QVERIFY2(r.err.contains(path + QStringLiteral(": error: ")) && r.err.contains(why), qPrintable(r.err));
                QVERIFY2(!r.err.contains(QLatin1String("rebuilding")), qPrintable(r.err));
            }
            if (before.isFile()) {
                QFile f(path);
                QVERIFY(f.open(QIODevice::ReadOnly));
                QCOMPARE(f.readAll(), content);
            }
            QVERIFY(!QFile::exists(path + QStringLiteral(".new")));
        };
        // A report, a guest's XML: text.
        const QString text = dir.filePath(QStringLiteral("report.txt"));
        {
            QFile f(text);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write("customer notes\n");
        }
        expectRefused(text, QStringLiteral("not an index of this tool (not an SQLite database): left alone"));
        // Another program's database (the index's own header, other tables).
        const QString other = dir.filePath(QStringLiteral("places.sqlite"));
        {
            QFile::copy(m_index, other);
            sqlite3 *db = nullptr;
            QCOMPARE(sqlite3_open(QFile::encodeName(other).constData(), &db), SQLITE_OK);
            QCOMPARE(sqlite3_exec(db, "DROP TABLE items; DROP TABLE releases; CREATE TABLE bookmarks(url);", nullptr, nullptr, nullptr),
                     SQLITE_OK);
            sqlite3_close(db);
        }
        expectRefused(other, QStringLiteral("another program's SQLite database"));
        // A folder.
        expectRefused(dir.path(), QStringLiteral("a folder, not an index file"));
        // Nor is a file named like the index's temporary one (INDEX.new).
        const QString fresh = dir.filePath(QStringLiteral("guests"));
        {
            QFile f(fresh + QStringLiteral(".new"));
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write("<domain/>\n");
        }
        const CliRun tmp = runCli(fresh, {QStringLiteral("stats")});
        QCOMPARE(tmp.exitCode, 4);
        QVERIFY2(tmp.err.contains(fresh + QStringLiteral(".new: error: in the way of the new index and not a half-written one")),
                 qPrintable(tmp.err));
        {
            QFile f(fresh + QStringLiteral(".new"));
            QVERIFY(f.open(QIODevice::ReadOnly));
            QCOMPARE(f.readAll(), QByteArray("<domain/>\n"));
        }
        // Nor a file named like the freshness note (INDEX.fresh): the index
        // is built and used, the file stays as it was.
        const QString noted = dir.filePath(QStringLiteral("noted.sqlite"));
        {
            QFile f(noted + QStringLiteral(".fresh"));
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write("my notes\n");
        }
        for (int i = 0; i < 2; ++i)
            QCOMPARE(runCli(noted, {QStringLiteral("stats")}).exitCode, 0);
        {
            QFile f(noted + QStringLiteral(".fresh"));
            QVERIFY(f.open(QIODevice::ReadOnly));
            QCOMPARE(f.readAll(), QByteArray("my notes\n"));
        }
        // Garbage beside this tool's freshness note was an index: rebuilt.
        const QString stamped = dir.filePath(QStringLiteral("stamped.sqlite"));
        {
            QFile f(stamped);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(QByteArray(4096, '\x5a'));
            QFile note(stamped + QStringLiteral(".fresh"));
            QVERIFY(note.open(QIODevice::WriteOnly));
            note.write("virt-support-explorer freshness 1\n");
        }
        const CliRun r = runCli(stamped, {QStringLiteral("stats")});
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.err.contains(QLatin1String("damaged")) && r.err.contains(QLatin1String("rebuilding")), qPrintable(r.err));
    }

    void killedWhileIndexingKeepsOldIndex()
    {
        // The CLI holds in the middle of writing the new index file (items
        // stored, nothing committed or renamed) until the marker file goes
        // away; it is killed there (SIGKILL, like a crash) instead.
        QTemporaryDir hold;
        const QString marker = hold.filePath(QStringLiteral("writing"));
        QProcess p;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("VSE_TEST_HOLD"), QStringLiteral("write:") + marker);
        p.setProcessEnvironment(env);
        p.start(qEnvironmentVariable("VSE_CLI"), {QStringLiteral("--index"), m_index, QStringLiteral("index"),
                                                  QStringLiteral("--force")});
        QVERIFY(p.waitForStarted());
        while (!QFile::exists(marker) && p.state() == QProcess::Running)
            p.waitForFinished(20);
        QVERIFY2(QFile::exists(marker), qPrintable(QString::fromUtf8(p.readAllStandardError())));
        QVERIFY(QFile::exists(m_index + QStringLiteral(".new"))); // the half-written file
        p.kill();
        QVERIFY(p.waitForFinished());
        QCOMPARE(p.exitStatus(), QProcess::CrashExit);
        expectIndexUnchanged();
        const CliRun r = runCli(m_index, {QStringLiteral("show"), QStringLiteral("virConnectOpen")});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.startsWith(QLatin1String("virConnectOpen  (function)")));
    }
};

QTEST_GUILESS_MAIN(TestIndexRobustness)
#include "tst_indexrobustness.moc"
