#include "indexcontroller.h"

#include <QCoreApplication>
#include <QtConcurrent/QtConcurrentRun>

namespace vse::gui {

IndexController::IndexController(QObject *parent)
    : QObject(parent)
{
    qRegisterMetaType<vse::gui::SnapshotPtr>("vse::gui::SnapshotPtr");
    qRegisterMetaType<vse::Diagnostics>("vse::Diagnostics");
    qRegisterMetaType<vse::Indexer::Result>("vse::Indexer::Result");
    connect(&m_watcher, &QFutureWatcherBase::finished, this, &IndexController::finished);
}

IndexController::~IndexController()
{
    cancel();
    m_watcher.waitForFinished();
}

IndexController::LoadResult IndexController::loadFile(const QString &path)
{
    LoadResult r;
    r.snapshot = IndexSnapshot::load(path, &r.diagnostics);
    return r;
}

void IndexController::load(const QString &path)
{
    start(QtConcurrent::run([path] {
        JobResult r;
        r.load = loadFile(path);
        return r;
    }));
}

void IndexController::reindex(const QStringList &sources, const QString &path, bool force)
{
    const quint64 generation = m_generation + 1;
    auto cancelFlag = std::make_shared<std::atomic_bool>(false);
    auto job = [this, sources, path, force, cancelFlag, generation] {
        JobResult r;
        r.indexed = true;
        r.index = Indexer::run(
            sources, path,
            [this, generation](int done, int total, const QString &what) {
                // Called on the worker thread: hop to the GUI thread.
                QMetaObject::invokeMethod(
                    this, [this, generation, done, total, what] { reportProgress(generation, done, total, what); },
                    Qt::QueuedConnection);
            },
            cancelFlag.get(), force);
        if (r.index.ok && !cancelFlag->load())
            r.load = loadFile(path);
        return r;
    };
    m_cancel = cancelFlag;
    start(QtConcurrent::run(job));
}

void IndexController::start(QFuture<JobResult> future)
{
    // Only one job at a time: a new one supersedes the old, whose result is dropped.
    if (m_watcher.isRunning()) {
        cancel();
        m_watcher.waitForFinished();
    }
    ++m_generation;
    m_lastDone = -1;
    m_progressClock.start();
    setBusy(true);
    m_watcher.setFuture(future);
}

void IndexController::cancel()
{
    if (m_cancel)
        m_cancel->store(true);
}

void IndexController::waitForIdle()
{
    m_watcher.waitForFinished();
    QCoreApplication::sendPostedEvents(this);
    // The finished signal is queued; deliver it now.
    if (m_busy)
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
    if (!m_busy)
        return;
    const JobResult r = m_watcher.future().resultCount() > 0 ? m_watcher.result() : JobResult();
    const bool cancelled = m_cancel && m_cancel->load();
    m_cancel.reset();
    setBusy(false);
    if (r.indexed)
        Q_EMIT indexFinished(r.index);
    if (cancelled || (r.indexed && !r.index.ok))
        return;
    if (r.load.snapshot)
        Q_EMIT loaded(r.load.snapshot);
    else
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
