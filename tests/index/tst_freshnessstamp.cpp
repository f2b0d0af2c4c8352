// The freshness stamp (core/index/freshnessstamp.h) lets the query commands
// skip the full "is the index up to date" check. It must never hide a change:
// on a real libvirt source tree (the corpus) and a real Debian package set,
// a file changed in place, a file added and a file removed each make the
// index out of date, and `virt-support show` re-indexes before answering.
#include "index/freshnessstamp.h"
#include "index/indexer.h"
#include "index/store.h"

#include "clirunner.h"
#include "testdata.h"

#include <QDirIterator>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <fcntl.h>
#include <sys/stat.h>

using namespace vse;

namespace {

// An hour ago: the stamp trusts nothing changed in the last seconds.
bool setOld(const QString &path)
{
    const timespec then[2] = {{time(nullptr) - 3600, 0}, {time(nullptr) - 3600, 0}};
    return ::utimensat(AT_FDCWD, QFile::encodeName(path).constData(), then, 0) == 0;
}

// A copy of a release whose files and folders all look settled.
bool copyRelease(const QString &from, const QString &to)
{
    QDirIterator it(from, QDir::Files | QDir::Dirs | QDir::NoDotAndDotDot, QDirIterator::Subdirectories);
    QStringList dirs{to};
    QDir().mkpath(to);
    while (it.hasNext()) {
        const QString f = it.next();
        const QString target = to + f.mid(from.size());
        if (it.fileInfo().isDir()) {
            if (!QDir().mkpath(target))
                return false;
            dirs << target;
        } else if (!QFile::copy(f, target) || !setOld(target)) {
            return false;
        }
    }
    // Folders last: copying into them set their times.
    for (const QString &d : std::as_const(dirs))
        if (!setOld(d))
            return false;
    return true;
}

bool upToDate(const QString &index)
{
    Store store;
    Diagnostics d;
    return store.open(index, &d) && Indexer::upToDate(store);
}

} // namespace

class TestFreshnessStamp : public QObject
{
    Q_OBJECT

    QTemporaryDir m_tmp;

    // relative path -> what to do, per release layout
    void addRows(const char *layout, const QString &source, const QString &changed, const QString &added,
                 const QString &removed, const QString &name)
    {
        QTest::newRow(qPrintable(QStringLiteral("%1: changed").arg(QLatin1String(layout))))
            << source << QStringLiteral("change") << changed << name;
        QTest::newRow(qPrintable(QStringLiteral("%1: added").arg(QLatin1String(layout))))
            << source << QStringLiteral("add") << added << name;
        QTest::newRow(qPrintable(QStringLiteral("%1: removed").arg(QLatin1String(layout))))
            << source << QStringLiteral("remove") << removed << name;
    }

private slots:
    void initTestCase() { QVERIFY(m_tmp.isValid()); }

    void everyChangeIsSeen_data()
    {
        QTest::addColumn<QString>("source");
        QTest::addColumn<QString>("action");
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("name"); // an item `show` finds in it
        VSE_REQUIRE_CORPUS();
        // A source tree: version scripts, .x files in subfolders, schemas.
        addRows("source tree 1.0.0", testdata::corpusDir() + QStringLiteral("/1.0.0"),
                QStringLiteral("src/libvirt_qemu.syms"), QStringLiteral("src/remote/extra_driver.c"),
                QStringLiteral("docs/schemas/secret.rng"), QStringLiteral("virConnectOpen"));
        // A Debian package set: headers, API XML, libraries, docs, configuration.
        const QString releases = qEnvironmentVariable("VSE_RELEASES_DIR");
        const QString set = releases + QStringLiteral("/libvirt-7.0.0");
        if (!releases.isEmpty() && QFileInfo(set).isDir())
            // The pages the index reads; an added one is held back from the first index.
            addRows("package set 7.0.0", set, QStringLiteral("etc/libvirt/libvirt.conf"),
                    QStringLiteral("usr/share/doc/libvirt-doc/html/formatsecret.html"),
                    QStringLiteral("usr/share/doc/libvirt-doc/html/hvsupport.html"), QStringLiteral("virConnectOpen"));
        else if (testdata::inCi())
            QFAIL("VSE_RELEASES_DIR has no libvirt-7.0.0 package set, and CI needs it");
    }

    void everyChangeIsSeen()
    {
        QFETCH(QString, source);
        QFETCH(QString, action);
        QFETCH(QString, file);
        QFETCH(QString, name);
        const QString dir = m_tmp.filePath(QString::fromLatin1(QTest::currentDataTag()).replace(QLatin1Char(' '), QLatin1Char('-')).remove(QLatin1Char(':')));
        const QString release = dir + QStringLiteral("/release");
        const QString index = dir + QStringLiteral("/index.sqlite");
        QVERIFY(copyRelease(source, release));
        const QString path = release + QLatin1Char('/') + file;
        const QString held = dir + QStringLiteral("/held");
        if (action == QLatin1String("add") && QFileInfo::exists(path))
            QVERIFY(QFile::rename(path, held) && setOld(QFileInfo(path).path()));
        const Indexer::Result first = Indexer::run({release}, index);
        QVERIFY(first.ok);

        // The first check writes the stamp; it confirms as long as nothing changes.
        QVERIFY(!QFileInfo::exists(FreshnessStamp::pathFor(index)));
        QVERIFY(upToDate(index));
        QVERIFY(QFileInfo::exists(FreshnessStamp::pathFor(index)));
        QVERIFY(FreshnessStamp::confirms(index));
        QVERIFY(upToDate(index));
        // Another index file (same content, other inode) is not the one it speaks for.
        const QString copy = dir + QStringLiteral("/copy.sqlite");
        QVERIFY(QFile::copy(index, copy));
        QVERIFY(QFile::copy(FreshnessStamp::pathFor(index), FreshnessStamp::pathFor(copy)));
        QVERIFY(!FreshnessStamp::confirms(copy));

        if (action == QLatin1String("change")) {
            QFile f(path);
            QVERIFY(f.open(QIODevice::Append));
            QVERIFY(f.write("\n# a comment added by tst_freshnessstamp\n") > 0);
        } else if (action == QLatin1String("add") && QFileInfo::exists(held)) {
            QVERIFY(QFile::rename(held, path));
        } else if (action == QLatin1String("add")) {
            QVERIFY(!QFileInfo::exists(path));
            QFile f(path);
            QVERIFY(f.open(QIODevice::WriteOnly));
            // A copy of a sibling where there is one (a page), else empty (a driver file without tables).
            const QStringList siblings = QDir(QFileInfo(path).path()).entryList({QStringLiteral("acl.html")});
            if (!siblings.isEmpty()) {
                QFile s(QFileInfo(path).path() + QStringLiteral("/acl.html"));
                QVERIFY(s.open(QIODevice::ReadOnly));
                f.write(s.readAll());
            }
        } else {
            QVERIFY(QFile::remove(path));
        }

        QVERIFY(!FreshnessStamp::confirms(index));
        QVERIFY(!upToDate(index));
        // The query front end sees it too: it has the index rebuilt, then answers.
        const testdata::CliRun show = testdata::runCli(index, {QStringLiteral("show"), name});
        QVERIFY2(show.exitCode == 0, qPrintable(show.err));
        QVERIFY2(show.err.contains(QStringLiteral("reading ") + release), qPrintable(show.err));
        QVERIFY(show.out.contains(name));
        // Rebuilt from the changed files: up to date again, and no re-index on the next query.
        QVERIFY(upToDate(index));
        const testdata::CliRun again = testdata::runCli(index, {QStringLiteral("show"), name});
        QCOMPARE(again.exitCode, 0);
        QVERIFY2(!again.err.contains(QStringLiteral("reading")), qPrintable(again.err));
    }

    // libvirt-doc has some 90 pages; the index reads the format pages and
    // hvsupport.html. Editing, adding or removing any other page must not
    // make every query re-index (nor cost a stat() per page per query).
    void pagesTheIndexDoesNotReadChangeNothing()
    {
        const QString releases = qEnvironmentVariable("VSE_RELEASES_DIR");
        const QString set = releases + QStringLiteral("/libvirt-7.0.0");
        if (releases.isEmpty() || !QFileInfo(set).isDir()) {
            if (testdata::inCi())
                QFAIL("VSE_RELEASES_DIR has no libvirt-7.0.0 package set, and CI needs it");
            QSKIP("no libvirt-7.0.0 package set (VSE_RELEASES_DIR)");
        }
        const QString dir = m_tmp.filePath(QStringLiteral("unread-pages"));
        const QString release = dir + QStringLiteral("/release");
        const QString index = dir + QStringLiteral("/index.sqlite");
        QVERIFY(copyRelease(set, release));
        QVERIFY(Indexer::run({release}, index).ok);
        QVERIFY(upToDate(index));
        const QString html = release + QStringLiteral("/usr/share/doc/libvirt-doc/html/");
        QVERIFY(QFile::copy(html + QStringLiteral("acl.html"), html + QStringLiteral("acl-copy.html")));
        QVERIFY(QFile::remove(html + QStringLiteral("404.html")));
        QFile page(html + QStringLiteral("drvqemu.html"));
        QVERIFY(page.open(QIODevice::Append));
        QVERIFY(page.write("\n<!-- edited by tst_freshnessstamp -->\n") > 0);
        page.close();
        QVERIFY(upToDate(index));
        const testdata::CliRun show = testdata::runCli(index, {QStringLiteral("show"), QStringLiteral("virConnectOpen")});
        QCOMPARE(show.exitCode, 0);
        QVERIFY2(!show.err.contains(QStringLiteral("reading")), qPrintable(show.err));
        // A page it reads is seen.
        QFile format(html + QStringLiteral("formatsecret.html"));
        QVERIFY(format.open(QIODevice::Append));
        QVERIFY(format.write("\n<!-- edited by tst_freshnessstamp -->\n") > 0);
        format.close();
        QVERIFY(!upToDate(index));
    }

    void recentChangesAreNotTrusted()
    {
        // Files changed seconds ago may change again within one tick of the
        // file system's clock: the check passes, but leaves no stamp.
        VSE_REQUIRE_CORPUS();
        const QString release = m_tmp.filePath(QStringLiteral("recent/release"));
        const QString index = m_tmp.filePath(QStringLiteral("recent/index.sqlite"));
        QVERIFY(copyRelease(testdata::corpusDir() + QStringLiteral("/0.9.0"), release));
        QVERIFY(Indexer::run({release}, index).ok);
        QFile touched(release + QStringLiteral("/src/libvirt_public.syms"));
        QVERIFY(touched.open(QIODevice::ReadWrite));
        // Ahead of the clock, so that it is still recent when the re-index
        // below is done, however long that takes (minutes under ASan).
        QVERIFY(touched.setFileTime(QDateTime::currentDateTime().addSecs(600), QFileDevice::FileModificationTime));
        touched.close();
        QVERIFY(Indexer::run({release}, index).ok);
        QVERIFY(upToDate(index));
        QVERIFY(!QFileInfo::exists(FreshnessStamp::pathFor(index)));
        QVERIFY(setOld(touched.fileName()));
        QVERIFY(Indexer::run({release}, index).ok);
        QVERIFY(upToDate(index));
        QVERIFY(FreshnessStamp::confirms(index));
    }
};

QTEST_GUILESS_MAIN(TestFreshnessStamp)
#include "tst_freshnessstamp.moc"
