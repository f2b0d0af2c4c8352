#pragma once

#include "indexsnapshot.h"

#include "index/indexer.h"

#include <QElapsedTimer>
#include <QFutureWatcher>
#include <QObject>
#include <memory>

namespace vse::gui {

class IndexProgramRun;

// Runs the long work off the GUI thread: loading an index file into a
// snapshot (a worker thread) and (re)building the index (the indexing
// program `virt-support-index index --json`, a child process, so the
// explorer never loads libclang / LLVM; IndexProgramRun). Progress reaches
// the GUI throttled; a job that was superseded or cancelled has its result
// dropped, so the window only ever shows the latest index.
class IndexController final : public QObject
{
    Q_OBJECT
public:
    explicit IndexController(QObject *parent = nullptr);
    ~IndexController() override;

    // Loads `path` in the background; emits loaded() or loadFailed().
    void load(const QString &path);
    // Indexes `sources` into `path` in the background, then loads the result.
    void reindex(const QStringList &sources, const QString &path, bool force = false);
    void cancel();
    bool isBusy() const { return m_busy; }
    // Blocks until the running job is done (tests, shutdown).
    void waitForIdle();

Q_SIGNALS:
    void busyChanged(bool busy);
    void progress(int done, int total, const QString &what);
    void loaded(vse::gui::SnapshotPtr snapshot);
    // After loaded(), for an index loaded as it was (not one just built):
    // the files it was made from have changed since (a libvirt upgrade, a
    // new release of this tool's history), as the query commands would find.
    void loadedStale();
    void loadFailed(const vse::Diagnostics &diagnostics);
    void indexFinished(const vse::Indexer::Result &result);

private:
    struct LoadResult
    {
        std::shared_ptr<IndexSnapshot> snapshot;
        Diagnostics diagnostics;
        bool stale = false; // Indexer::upToDate() said no
    };
    struct JobResult
    {
        bool indexed = false;
        Indexer::Result index;
        LoadResult load;
    };

    QFutureWatcher<JobResult> m_watcher;
    IndexProgramRun *m_run;
    QString m_runIndexPath; // the index the running child writes
    bool m_indexJob = false;    // the job builds an index (cancel applies), not only loads one
    bool m_cancelled = false;
    bool m_superseding = false; // a child being stopped for a new job: its result is dropped
    bool m_loading = false;     // m_watcher holds the current job's load
    quint64 m_generation = 0;
    bool m_busy = false;
    QElapsedTimer m_progressClock;
    int m_lastDone = -1;

    void start(QFuture<JobResult> future);
    void stopRunning();
    void onRunFinished();
    void finished();
    void setBusy(bool busy);
    void reportProgress(quint64 generation, int done, int total, const QString &what);
    // checkFresh: also decide LoadResult::stale (a load of the index as it
    // is; one just written is fresh).
    static LoadResult loadFile(const QString &path, bool checkFresh = false);
};

} // namespace vse::gui

Q_DECLARE_METATYPE(vse::Indexer::Result)
