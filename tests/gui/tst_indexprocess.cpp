// The explorer builds its index through the indexing program
// (virt-support-index, a child process) and never loads libclang / LLVM
// itself: a corpus release indexed from the window gives the rows its files
// hold, a broken input's error reaches the Problems panel with file and line
// while the previous index stays (file and window), a missing program is
// reported, and the explorer binary maps none of the extractors' libraries.
#include "guitestindex.h"
#include "testfiles.h"

#include "indexcontroller.h"
#include "indexprogramrun.h"
#include "mainwindow.h"
#include "problemspanel.h"
#include "sourcesettings.h"
#include "startupprobe.h"

#include <QApplication>
#include <QCryptographicHash>
#include <QDirIterator>
#include <QMenu>
#include <QMenuBar>
#include <QProcess>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QStatusBar>

#include <algorithm>

using namespace vse;
using namespace vse::testdata;
using namespace vse::gui;

namespace {

// RPC procedures as the tree's .x files number them ("REMOTE_PROC_X = 12"),
// counted here with a regular expression, apart from the indexer's parser.
int proceduresInTree(const QString &tree)
{
    static const QRegularExpression procedure(
        QStringLiteral("^\\s*[A-Z0-9_]+_PROC_[A-Z0-9_]+\\s*=\\s*\\d+"),
        QRegularExpression::MultilineOption);
    int n = 0;
    QDirIterator it(tree, {QStringLiteral("*.x")}, QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        auto matches = procedure.globalMatch(QString::fromUtf8(fileBytes(it.next())));
        while (matches.hasNext()) {
            matches.next();
            ++n;
        }
    }
    return n;
}

QAction *menuAction(MainWindow &w, const QString &text)
{
    for (QAction *menu : w.menuBar()->actions())
        if (menu->menu())
            for (QAction *a : menu->menu()->actions())
                if (a->text() == text)
                    return a;
    return nullptr;
}

} // namespace

class TestIndexProcess : public QObject
{
    Q_OBJECT

    QString m_realProgram;

    // A window on `indexPath` that indexes what Settings → Sources lists
    // (`sources`) when it finds no index; nullptr if nothing was installed.
    std::unique_ptr<MainWindow> indexInWindow(const QStringList &sources, const QString &indexPath,
                                              QList<Indexer::Result> *results = nullptr)
    {
        SourceSettings::setSources(sources);
        AppOptions o;
        o.indexPath = indexPath;
        auto w = std::make_unique<MainWindow>(o);
        w->show();
        QSignalSpy finished(w->controller(), &IndexController::indexFinished);
        QSignalSpy installed(w.get(), &MainWindow::snapshotInstalled);
        w->start();
        if (!installed.wait(120000))
            return nullptr;
        if (results)
            for (const auto &args : std::as_const(finished))
                results->append(args.first().value<Indexer::Result>());
        return w;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QApplication::setOrganizationName(QStringLiteral("vse-tests"));
        QApplication::setApplicationName(QStringLiteral("tst_indexprocess"));
        m_realProgram = IndexProgramRun::programPath();
        QVERIFY2(!m_realProgram.isEmpty(), "virt-support-index is not built");
    }

    void cleanup()
    {
        qunsetenv("VSE_INDEX_PROGRAM");
        SourceSettings::setSources(SourceSettings::defaults());
    }

    void corpusReleaseIndexedByChildProcess()
    {
        VSE_REQUIRE_CORPUS();
        const QString tree = testdata::corpusDir() + QStringLiteral("/1.3.5");
        QVERIFY(QDir(tree).exists());
        // The program the window runs, through a wrapper that records how.
        const QString log = guitest::tempDir().filePath(QStringLiteral("runs.log"));
        const QString wrapper = guitest::tempDir().filePath(QStringLiteral("index-wrapper.sh"));
        QFile script(wrapper);
        QVERIFY(script.open(QIODevice::WriteOnly));
        script.write("#!/bin/sh\necho \"$@\" >> '" + log.toUtf8() + "'\nexec '" +
                     m_realProgram.toUtf8() + "' \"$@\"\n");
        script.close();
        script.setPermissions(script.permissions() | QFileDevice::ExeOwner);
        qputenv("VSE_INDEX_PROGRAM", QFile::encodeName(wrapper));

        const QString index = guitest::tempDir().filePath(QStringLiteral("corpus.sqlite"));
        QList<Indexer::Result> results;
        auto w = indexInWindow({tree}, index, &results);
        QVERIFY2(w, "nothing was installed");
        QCOMPARE(results.size(), 1);
        QVERIFY(results.first().ok);
        QCOMPARE(results.first().releases, 1);
        QVERIFY(w->statusBar()->currentMessage().contains(QLatin1String("Indexed 1 release")));
        const QString runs = QString::fromUtf8(fileBytes(log));
        QVERIFY2(
            runs.contains(QStringLiteral("--index %1 index --json --source=%2").arg(index, tree)),
            qPrintable(runs));

        // The window shows every row the child wrote, and the tree's rows
        // are its own: each numbered procedure of its .x files is an item (the
        // release history adds the procedures of later releases apart).
        const auto &rows = w->snapshot()->summaries();
        QCOMPARE(qint64(rows.size()),
                 guitest::sqlCount(index, QStringLiteral("SELECT count(*) FROM items")));
        const qint64 treeRelease =
            guitest::sqlCount(index, QStringLiteral("SELECT id FROM releases WHERE source_kind != 'history'"));
        const int procedures =
            int(std::count_if(rows.cbegin(), rows.cend(), [treeRelease](const ItemSummary &s) {
                return s.kind == ItemKind::RpcProcedure && s.releaseId == treeRelease;
            }));
        QVERIFY(procedures > 300);
        QCOMPARE(procedures, proceduresInTree(tree));
        QVERIFY(w->selectName(QStringLiteral("REMOTE_PROC_CONNECT_OPEN")));
    }

    void failingIndexNamesFileAndLineAndKeepsPrevious()
    {
        VSE_REQUIRE_CORPUS();
        const QString tree = guitest::tempDir().filePath(QStringLiteral("broken-1.3.5"));
        QVERIFY(copyTree(testdata::corpusDir() + QStringLiteral("/1.3.5"), tree));
        const QString index = guitest::tempDir().filePath(QStringLiteral("kept.sqlite"));
        auto w = indexInWindow({tree}, index);
        QVERIFY(w);
        const SnapshotPtr shown = w->snapshot();
        const QByteArray before =
            QCryptographicHash::hash(fileBytes(index), QCryptographicHash::Sha256);

        // Cut the remote protocol in the middle of a definition: the parser
        // meets the end of the file on the last line kept.
        const QString x = tree + QStringLiteral("/src/remote/remote_protocol.x");
        const QByteArray cut = fileBytes(x).left(20000);
        QFile f(x);
        QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
        f.write(cut);
        f.close();
        const int lastLine = int(cut.count('\n')) + 1;

        QSignalSpy finished(w->controller(), &IndexController::indexFinished);
        QAction *reindex = menuAction(*w, QStringLiteral("&Re-index now"));
        QVERIFY(reindex);
        reindex->trigger();
        QVERIFY(w->controller()->isBusy());
        QVERIFY(finished.wait(120000));
        const auto r = finished.first().first().value<Indexer::Result>();
        QVERIFY(!r.ok);
        QVERIFY(!r.cancelled);
        QVERIFY(w->problems()->errorCount() > 0);
        const QString where = QStringLiteral("%1:%2:").arg(x).arg(lastLine);
        bool named = false;
        for (int i = 0; i < w->problems()->count(); ++i)
            named = named || (w->problems()->item(i)->text().startsWith(where) &&
                              w->problems()->item(i)->text().contains(QLatin1String("error")));
        QVERIFY2(named,
                 qPrintable(QStringLiteral("no error at %1 in the Problems panel").arg(where)));
        QVERIFY(w->statusBar()->currentMessage().contains(QLatin1String("Indexing failed")));
        // The previous index: the same file, still shown.
        QCOMPARE(QCryptographicHash::hash(fileBytes(index), QCryptographicHash::Sha256), before);
        QVERIFY(!QFileInfo::exists(index + QStringLiteral(".new")));
        QCOMPARE(w->snapshot(), shown);
        QVERIFY(!w->isShowingEmptyState());
    }

    // An index opened after the files it was made from changed (a libvirt
    // upgrade, here a schema file gone) is updated by itself, as the query
    // commands do, and the window then shows the new rows; --no-auto-index
    // only reports it.
    void staleIndexIsUpdatedWhenOpened()
    {
        VSE_REQUIRE_CORPUS();
        const QString tree = guitest::tempDir().filePath(QStringLiteral("upgraded-1.3.5"));
        QVERIFY(copyTree(testdata::corpusDir() + QStringLiteral("/1.3.5"), tree));
        const QString index = guitest::tempDir().filePath(QStringLiteral("stale.sqlite"));
        {
            auto first = indexInWindow({tree}, index);
            QVERIFY(first);
        }
        const auto secretInTree = [](const SnapshotPtr &snapshot) {
            const auto &rows = snapshot->summaries();
            return std::count_if(rows.cbegin(), rows.cend(), [&](const ItemSummary &s) {
                return s.name == QLatin1String("secret") && s.kind == ItemKind::XmlElement &&
                       snapshot->release(s.releaseId).sourceKind != QLatin1String("history");
            });
        };
        QVERIFY(QFile::remove(tree + QStringLiteral("/docs/schemas/secret.rng")));

        AppOptions quiet;
        quiet.indexPath = index;
        quiet.noAutoIndex = true;
        {
            MainWindow w(quiet);
            w.show();
            QSignalSpy stale(w.controller(), &IndexController::loadedStale);
            QSignalSpy finished(w.controller(), &IndexController::indexFinished);
            w.start();
            QVERIFY(stale.wait(60000));
            QVERIFY(!finished.wait(1500));
            QCOMPARE(secretInTree(w.snapshot()), 1); // as it was
        }

        AppOptions o;
        o.indexPath = index;
        MainWindow w(o);
        w.show();
        QSignalSpy finished(w.controller(), &IndexController::indexFinished);
        QSignalSpy installed(&w, &MainWindow::snapshotInstalled);
        w.start();
        QVERIFY(installed.wait(60000)); // the index as it was, at once
        QVERIFY2(w.statusBar()->currentMessage().contains(QLatin1String("have changed")) || w.controller()->isBusy(),
                 qPrintable(w.statusBar()->currentMessage()));
        QVERIFY(finished.wait(120000));
        QVERIFY(finished.first().first().value<Indexer::Result>().ok);
        QVERIFY(installed.size() == 2 || installed.wait(60000));
        QCOMPARE(secretInTree(w.snapshot()), 0);
        // Fresh now: opened again, nothing to do.
        MainWindow again(o);
        QSignalSpy stale(again.controller(), &IndexController::loadedStale);
        QSignalSpy againInstalled(&again, &MainWindow::snapshotInstalled);
        again.start();
        QVERIFY(againInstalled.wait(60000));
        QCOMPARE(stale.size(), 0);
    }

    void missingProgramIsReported()
    {
        const QString missing =
            guitest::tempDir().filePath(QStringLiteral("no-such-virt-support-index"));
        qputenv("VSE_INDEX_PROGRAM", QFile::encodeName(missing));
        SourceSettings::setSources({QStringLiteral("/")});
        AppOptions o;
        o.indexPath = guitest::tempDir().filePath(QStringLiteral("never.sqlite"));
        MainWindow w(o);
        w.show();
        QSignalSpy finished(w.controller(), &IndexController::indexFinished);
        w.start();
        QVERIFY(finished.wait(30000));
        QVERIFY(!finished.first().first().value<Indexer::Result>().ok);
        QCOMPARE(w.problems()->errorCount(), 1);
        QVERIFY2(w.problems()->item(0)->text().contains(missing),
                 qPrintable(w.problems()->item(0)->text()));
        QVERIFY(!QFileInfo::exists(o.indexPath));
    }

    void explorerLoadsNoExtractorLibrary()
    {
        VSE_REQUIRE_INSTALLED_INDEX(index);
        QProcess p;
        p.start(QStringLiteral(VSE_EXPLORER_BINARY),
                {QStringLiteral("--index"), index, QStringLiteral("--benchmark-startup"),
                 QStringLiteral("--no-auto-index")});
        QVERIFY(p.waitForFinished(60000));
        QCOMPARE(p.exitCode(), 0);
        const QString out = QString::fromUtf8(p.readAllStandardOutput());
        QVERIFY2(out.contains(QStringLiteral("items)")) &&
                     out.contains(QLatin1String("resident memory")),
                 qPrintable(out));
        QVERIFY2(out.contains(QLatin1String("startup: libclang, LLVM or libelf mapped: none\n")),
                 qPrintable(out));
        // This test program links them (it builds indexes itself), so the
        // check above can tell: here they are mapped.
        QVERIFY(!StartupProbe::mappedFiles({"libclang"}).isEmpty());
    }
};

QTEST_MAIN(TestIndexProcess)
#include "tst_indexprocess.moc"
