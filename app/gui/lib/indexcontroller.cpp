#include "indexcontroller.h"

#include "indexprogramrun.h"

#include "index/indexresultjson.h"
#include "index/store.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QtConcurrent/QtConcurrentRun>

namespace vse::gui {

IndexController::IndexController(QObject *parent)
    : QObject(parent)
    , m_run(new IndexProgramRun(this))
{
    qRegisterMetaType<vse::gui::SnapshotPtr>("vse::gui::SnapshotPtr");
    qRegisterMetaType<vse::Diagnostics>("vse::Diagnostics");
    qRegisterMetaType<vse::Indexer::Result>("vse::Indexer::Result");
    connect(&m_watcher, &QFutureWatcherBase::finished, this, &IndexController::finished);
    connect(m_run, &IndexProgramRun::progress, this,
            [this](int done, int total, const QString &what) { reportProgress(m_generation, done, total, what); });
    connect(m_run, &IndexProgramRun::finished, this, &IndexController::onRunFinished);
}

IndexController::~IndexController()
{
    cancel();
    m_run->disconnect(this);
    m_run->waitForFinished();
    m_watcher.waitForFinished();
}

IndexController::LoadResult IndexController::loadFile(const QString &path, bool checkFresh)
{
    LoadResult r;
    r.snapshot = IndexSnapshot::load(path, &r.diagnostics);
    // The query commands' own test (a stamp of file sizes and times, a few
    // milliseconds): the explorer must not show an older libvirt's answers
    // where `virt-support show` would re-index first.
    if (checkFresh && r.snapshot) {
        Store store;
        Diagnostics ignored;
        r.stale = store.open(path, &ignored) && !Indexer::upToDate(store);
    }
    return r;
}

void IndexController::load(const QString &path)
{
    stopRunning();
    m_indexJob = false;
    start(QtConcurrent::run([path] {
        JobResult r;
        r.load = loadFile(path, true);
        return r;
    }));
}

void IndexController::reindex(const QStringList &sources, const QString &path, bool force)
{
    stopRunning();
    if (m_watcher.isRunning())
        m_watcher.waitForFinished();
    m_loading = false; // a load still to be reported is superseded
    ++m_generation;
    m_lastDone = -1;
    m_progressClock.start();
    m_indexJob = true;
    m_cancelled = false;
    m_runIndexPath = path;
    setBusy(true);
    if (sources.isEmpty()) {
        // The indexing program would fall back to the sources already
        // indexed; the explorer indexes what Settings → Sources lists.
        Indexer::Result r;
        r.diagnostics.append(Diagnostic::error(path, 0, QStringLiteral("no sources to index")));
        setBusy(false);
        Q_EMIT indexFinished(r);
        return;
    }
    QStringList args{QStringLiteral("--index"), path, QStringLiteral("index"), QStringLiteral("--json")};
    for (const QString &s : sources)
        args << QStringLiteral("--source=") + s;
    if (force)
        args << QStringLiteral("--force");
    m_run->start(args);
}

void IndexController::stopRunning()
{
    // A superseded child's result is dropped, not reported.
    if (!m_run->isRunning())
        return;
    m_superseding = true;
    m_run->cancel();
    m_run->waitForFinished();
    m_superseding = false;
    Store::removeStaleTemporary(m_runIndexPath);
}

void IndexController::onRunFinished()
{
    if (m_superseding)
        return;
    Indexer::Result r;
    if (m_cancelled || m_run->wasCancelled()) {
        // Killed: whatever it was writing is not in place. A new file it
        // left half-written is removed now rather than at the next run.
        r.cancelled = true;
        Store::removeStaleTemporary(m_runIndexPath);
    } else {
        const QJsonDocument doc = QJsonDocument::fromJson(m_run->output());
        if (!indexResultFromJson(doc.object(), &r)) {
            r = Indexer::Result();
            r.diagnostics.append(Diagnostic::error(
                m_runIndexPath, 0, tr("indexing failed; the previous index is unchanged: %1").arg(m_run->failure())));
        }
    }
    if (!r.ok || r.cancelled) {
        setBusy(false);
        Q_EMIT indexFinished(r);
        return;
    }
    // Written: load it off the GUI thread, then report both together.
    const QString path = m_runIndexPath;
    m_loading = true;
    m_watcher.setFuture(QtConcurrent::run([r, path] {
        JobResult job;
        job.indexed = true;
        job.index = r;
        job.load = loadFile(path);
        return job;
    }));
}

void IndexController::start(QFuture<JobResult> future)
{
    // Only one job at a time: a new one supersedes the old, whose result is dropped.
    if (m_watcher.isRunning())
        m_watcher.waitForFinished();
    ++m_generation;
    m_lastDone = -1;
    m_progressClock.start();
    setBusy(true);
    m_loading = true;
    m_watcher.setFuture(future);
}

void IndexController::cancel()
{
    if (!m_indexJob || !m_busy)
        return;
    m_cancelled = true;
    m_run->cancel();
}

void IndexController::waitForIdle()
{
    m_run->waitForFinished(); // may start loading what it wrote
    m_watcher.waitForFinished();
    QCoreApplication::sendPostedEvents(this);
    // The finished signal is queued; deliver it now.
    if (m_busy && m_loading)
        finished();
}

void IndexController::reportProgress(quint64 generation, int done, int total, const QString &what)
{
    if (generation != m_generation)
        return;
    // Throttle: a step change always shows, otherwise at most ten updates a second.
    if (done == m_lastDone && m_progressClock.elapsed() < 100)
        return;
    m_lastDone = done;
    m_progressClock.restart();
    Q_EMIT progress(done, total, what);
}

void IndexController::finished()
{
    if (!m_busy || !m_loading)
        return;
    m_loading = false;
    const JobResult r = m_watcher.future().resultCount() > 0 ? m_watcher.result() : JobResult();
    const bool cancelled = m_indexJob && m_cancelled;
    setBusy(false);
    if (r.indexed)
        Q_EMIT indexFinished(r.index);
    if (cancelled || (r.indexed && !r.index.ok))
        return;
    if (r.load.snapshot) {
        Q_EMIT loaded(r.load.snapshot);
        if (r.load.stale && !r.indexed)
            Q_EMIT loadedStale();
    } else
        Q_EMIT loadFailed(r.load.diagnostics);
}

void IndexController::setBusy(bool busy)
{
    if (m_busy == busy)
        return;
    m_busy = busy;
    Q_EMIT busyChanged(busy);
}

} // namespace vse::gui
