// Reading releases in parallel and updating an index in place must give the
// index a sequential read and a full rewrite give: the same rows, with the
// same ids, in the same order (compared column by column, on the corpus's
// real libvirt releases). Also: an update killed before its commit leaves
// the previous index, readable by the query commands.
#include "index/indexer.h"
#include "index/indexupdate.h"
#include "index/store.h"
#include "index/testhook.h"

#include "sqlrows.h"
#include "testdata.h"

#include <QDirIterator>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace vse;

namespace {

// Every row of the index's tables, as text, in id order; meta without its
// time stamp. The full-text index answers three queries.
QList<QStringList> contentOf(const QString &index)
{
    QList<QStringList> rows;
    for (const char *sql : {"SELECT 'release', * FROM releases ORDER BY id", "SELECT 'item', * FROM items ORDER BY id",
                            "SELECT 'meta', key, value FROM meta WHERE key <> 'written' ORDER BY key",
                            "SELECT 'fts-domain', rowid FROM items_fts WHERE items_fts MATCH 'domain' ORDER BY rowid",
                            "SELECT 'fts-open', rowid FROM items_fts WHERE items_fts MATCH 'virConnectOpen' "
                            "ORDER BY rowid",
                            "SELECT 'fts-disk', rowid FROM items_fts WHERE items_fts MATCH 'disk' ORDER BY rowid"})
        rows += testdata::sqlRows(index, QString::fromLatin1(sql));
    return rows;
}

// Fails naming the first row that differs.
void compareContent(const QString &actual, const QString &expected)
{
    const QList<QStringList> a = contentOf(actual), e = contentOf(expected);
    QVERIFY(e.size() > 1000);
    for (qsizetype i = 0; i < std::min(a.size(), e.size()); ++i)
        QVERIFY2(a.at(i) == e.at(i), qPrintable(QStringLiteral("row %1 differs:\n  got  %2\n  want %3")
                                                    .arg(i)
                                                    .arg(a.at(i).join(QLatin1Char('|')).left(600),
                                                         e.at(i).join(QLatin1Char('|')).left(600))));
    QCOMPARE(a.size(), e.size());
}

// SQLite's and FTS5's own consistency checks.
void verifyIntact(const QString &index)
{
    QCOMPARE(testdata::sqlRows(index, QStringLiteral("PRAGMA integrity_check")),
             QList<QStringList>{{QStringLiteral("ok")}});
    sqlite3 *db = nullptr;
    QCOMPARE(sqlite3_open_v2(QFile::encodeName(index).constData(), &db, SQLITE_OPEN_READWRITE, nullptr), SQLITE_OK);
    const int rc = sqlite3_exec(db, "INSERT INTO items_fts(items_fts) VALUES('integrity-check')", nullptr, nullptr,
                                nullptr);
    const QString err = QString::fromUtf8(sqlite3_errmsg(db));
    sqlite3_close(db);
    QVERIFY2(rc == SQLITE_OK, qPrintable(err));
}

QString corpus(const char *release)
{
    return testdata::corpusDir() + QLatin1Char('/') + QLatin1String(release);
}

void copyTree(const QString &from, const QString &to)
{
    QDirIterator it(from, QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString f = it.next();
        const QString target = to + f.mid(from.size());
        QDir().mkpath(QFileInfo(target).absolutePath());
        QVERIFY(QFile::copy(f, target));
    }
}

struct EnvGuard
{
    QByteArray name;
    explicit EnvGuard(const char *n, const QByteArray &value) : name(n) { qputenv(n, value); }
    ~EnvGuard() { qunsetenv(name.constData()); }
};

} // namespace

class TestIndexUpdate : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

    QString path(const QString &name) const { return m_dir.filePath(name); }

    // A full index of `sources` written from scratch.
    QString rebuilt(const QStringList &sources, const QString &name)
    {
        const Indexer::Result r = Indexer::run(sources, path(name), {}, nullptr, true);
        if (!r.ok || !r.rewritten)
            return {};
        return path(name);
    }

private slots:
    void initTestCase() { VSE_REQUIRE_CORPUS(); }

    void parallelReadGivesTheSequentialIndex()
    {
        // Four releases read one after the other, then four at a time (more
        // threads than this machine's cores, so they do overlap).
        const QStringList sources{corpus("0.9.0"), corpus("1.0.0"), corpus("1.2.0"), corpus("1.3.5")};
        QString sequential, parallel;
        {
            EnvGuard one("VSE_INDEX_THREADS", "1");
            sequential = rebuilt(sources, QStringLiteral("sequential.sqlite"));
        }
        {
            EnvGuard four("VSE_INDEX_THREADS", "4");
            const Indexer::Result r = Indexer::run(sources, path(QStringLiteral("parallel.sqlite")), {}, nullptr, true);
            QVERIFY(r.ok);
            QCOMPARE(r.reparsed, 4);
            parallel = path(QStringLiteral("parallel.sqlite"));
        }
        QVERIFY(!sequential.isEmpty());
        compareContent(parallel, sequential);
    }

    void addingAReleaseUpdatesInPlace_data()
    {
        QTest::addColumn<QStringList>("first");
        QTest::addColumn<QStringList>("then");
        QTest::addColumn<int>("inPlace"); // 1 in place, 0 a new file, -1 either
        // The newest release added: the others' rows stay, their merged
        // columns (latest, the releases that have the item) change.
        // (The release history's rows, which come after every indexed
        // release and name what is newer than the newest, are all written
        // again: with too few indexed rows before them that alone makes a new
        // file cheaper, so three releases come first.)
        QTest::newRow("newest added") << QStringList{corpus("0.9.0"), corpus("1.0.0"), corpus("1.2.0")}
                                      << QStringList{corpus("0.9.0"), corpus("1.0.0"), corpus("1.2.0"), corpus("1.3.5")} << 1;
        // One between two indexed releases: the newer ones' rows move up
        // (in place or not, depending on how many).
        QTest::newRow("middle added") << QStringList{corpus("0.9.0"), corpus("1.0.0"), corpus("1.2.0"), corpus("1.3.5")}
                                      << QStringList{corpus("0.9.0"), corpus("1.0.0"), corpus("1.2.0"), corpus("0.10.0"), corpus("1.3.5")}
                                      << -1;
        // The newest removed: rows deleted, the rest marked latest again.
        QTest::newRow("newest removed") << QStringList{corpus("0.9.0"), corpus("1.0.0"), corpus("1.3.5")}
                                        << QStringList{corpus("0.9.0"), corpus("1.0.0")} << 1;
        // Older than every indexed release: every id moves, a new file is written.
        QTest::newRow("oldest added") << QStringList{corpus("1.0.0"), corpus("1.3.5")}
                                      << QStringList{corpus("0.8.0"), corpus("1.0.0"), corpus("1.3.5")} << 0;
    }

    void addingAReleaseUpdatesInPlace()
    {
        QFETCH(QStringList, first);
        QFETCH(QStringList, then);
        QFETCH(int, inPlace);
        const QString tag = QString::fromLatin1(QTest::currentDataTag()).replace(QLatin1Char(' '), QLatin1Char('-'));
        const QString index = path(QStringLiteral("grown-%1.sqlite").arg(tag));
        QVERIFY(Indexer::run(first, index).ok);
        const Indexer::Result r = Indexer::run(then, index);
        QVERIFY(r.ok);
        if (inPlace >= 0)
            QCOMPARE(r.rewritten, inPlace == 0);
        if (inPlace == 1) {
            QVERIFY2(r.rowsUnchanged > 0, qPrintable(QString::number(r.rowsUnchanged)));
            QVERIFY(r.rowsMerged + r.rowsReplaced + r.rowsDeleted > 0);
        }
        const QString expected = rebuilt(then, QStringLiteral("expected-%1.sqlite").arg(tag));
        QVERIFY(!expected.isEmpty());
        compareContent(index, expected);
        verifyIntact(index);
        // And it is up to date now, by the same rule the query commands use.
        QVERIFY(Indexer::run(then, index).upToDate);
    }

    void unchangedContentRereadWritesNoRow()
    {
        // A source tree whose files were touched is read again; what it says
        // did not change, so no row is written.
        const QString tree = path(QStringLiteral("tree-1.0.0"));
        copyTree(corpus("1.0.0"), tree);
        const QStringList sources{corpus("0.9.0"), tree, corpus("1.3.5")};
        const QString index = path(QStringLiteral("touched.sqlite"));
        QVERIFY(Indexer::run(sources, index).ok);
        QFile syms(tree + QStringLiteral("/src/libvirt_public.syms"));
        QVERIFY(syms.open(QIODevice::ReadWrite));
        QVERIFY(syms.setFileTime(QDateTime::currentDateTime().addSecs(5), QFileDevice::FileModificationTime));
        syms.close();
        const Indexer::Result r = Indexer::run(sources, index);
        QVERIFY(r.ok);
        QCOMPARE(r.reparsed, 1);
        QVERIFY(!r.rewritten);
        QCOMPARE(r.rowsReplaced, 0);
        QCOMPARE(r.rowsMerged, 0);
        QCOMPARE(r.rowsDeleted, 0);
        const QString expected = rebuilt(sources, QStringLiteral("touched-expected.sqlite"));
        compareContent(index, expected);
    }

    void newSinceRulesRewriteTheSinceColumns()
    {
        // An index merged by an older applier (another history digest) whose
        // since columns an older rule derived: the evidence is the same, so
        // only the digest tells that every row's since must be derived again.
        const QStringList sources{corpus("1.0.0"), corpus("1.3.5")};
        const QString index = path(QStringLiteral("old-rules.sqlite"));
        QVERIFY(Indexer::run(sources, index).ok);
        sqlite3 *db = nullptr;
        QCOMPARE(sqlite3_open_v2(QFile::encodeName(index).constData(), &db, SQLITE_OPEN_READWRITE, nullptr), SQLITE_OK);
        const int rc = sqlite3_exec(db,
                                    "UPDATE items SET since='0.0.1', since_num=1, since_after=NULL, "
                                    "since_after_num=NULL WHERE kind='function';"
                                    "UPDATE meta SET value='an older applier' WHERE key='historyDigest'",
                                    nullptr, nullptr, nullptr);
        sqlite3_close(db);
        QCOMPARE(rc, SQLITE_OK);
        QVERIFY(!Indexer::run(sources, index).upToDate);
        compareContent(index, rebuilt(sources, QStringLiteral("old-rules-expected.sqlite")));
        verifyIntact(index);
    }

    void interruptedUpdateKeepsThePreviousIndex()
    {
        // The update is held before its COMMIT (rows written, journal on
        // disk) and the process killed there, like a crash.
        const QStringList first{corpus("0.9.0"), corpus("1.0.0"), corpus("1.2.0")};
        const QStringList then{corpus("0.9.0"), corpus("1.0.0"), corpus("1.2.0"), corpus("1.3.5")};
        const QString index = path(QStringLiteral("killed.sqlite"));
        QVERIFY(Indexer::run(first, index).ok);
        const QString before = rebuilt(first, QStringLiteral("killed-before.sqlite"));
        QTemporaryDir hold;
        const QString marker = hold.filePath(QStringLiteral("writing"));
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("VSE_TEST_HOLD"), QStringLiteral("write:") + marker);
        QProcess p;
        p.setProcessEnvironment(env);
        QStringList args{QStringLiteral("--index"), index, QStringLiteral("index")};
        for (const QString &s : then)
            args << QStringLiteral("--source") << s;
        p.start(qEnvironmentVariable("VSE_CLI"), args);
        QVERIFY(p.waitForStarted());
        while (!QFile::exists(marker) && p.state() == QProcess::Running)
            p.waitForFinished(20);
        QVERIFY2(QFile::exists(marker), qPrintable(QString::fromUtf8(p.readAllStandardError())));
        QVERIFY(QFile::exists(index + QStringLiteral("-journal"))); // mid-transaction, in place
        p.kill();
        QVERIFY(p.waitForFinished());
        // Opened as the query commands open it: the old rows, all of them.
        Store store;
        Diagnostics d;
        QVERIFY(store.open(index, &d));
        store.close();
        QVERIFY(!QFile::exists(index + QStringLiteral("-journal"))); // rolled back
        compareContent(index, before);
        verifyIntact(index);
        // The next run finishes the job.
        QVERIFY(Indexer::run(then, index).ok);
        compareContent(index, rebuilt(then, QStringLiteral("killed-after.sqlite")));
    }
};

QTEST_GUILESS_MAIN(TestIndexUpdate)
#include "tst_indexupdate.moc"
