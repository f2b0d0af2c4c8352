#include "parallelreader.h"

#include "releasereader.h"

#include "extract/api/apireader.h"
#include "model/policy.h"

#include <QElapsedTimer>
#include <QThread>
#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>

namespace vse {

ParallelReader::ParallelReader(const std::atomic_bool *cancel)
    : m_cancel(cancel)
{
    m_pool.setMaxThreadCount(threads());
    // Process-wide state is set up here, once, before any reader runs:
    // libxml2's and libelf's globals and the policy every extractor applies.
    ApiReader::prepareThreads();
    Policy::instance();
}

int ParallelReader::threads()
{
    // $VSE_INDEX_THREADS: 1 reads one source after the other (as tests and
    // benchmarks compare); more than the cores only for testing.
    bool ok = false;
    const int wanted = qEnvironmentVariableIntValue("VSE_INDEX_THREADS", &ok);
    return ok && wanted > 0 ? std::min(wanted, 64) : std::max(1, QThread::idealThreadCount());
}

ParallelReader::~ParallelReader()
{
    m_pool.waitForDone();
}

void ParallelReader::start(int slot, const SourceLayout &layout)
{
    QThreadPool *pool = &m_pool;
    const std::atomic_bool *cancel = m_cancel;
    m_reads.insert(slot, QtConcurrent::run(pool, [layout, cancel, pool] {
        QElapsedTimer t;
        t.start();
        Timed r;
        // Not started before a cancel: nothing to read.
        if (!(cancel && cancel->load()))
            r.release = ReleaseReader::read(layout, cancel, pool);
        r.ms = t.elapsed();
        return r;
    }));
}

void ParallelReader::run(const std::function<void()> &work)
{
    m_pool.start(work);
}

Release ParallelReader::take(int slot)
{
    QFuture<Timed> f = m_reads.take(slot);
    Timed r = f.result();
    m_ms.insert(slot, r.ms);
    return std::move(r.release);
}

} // namespace vse
