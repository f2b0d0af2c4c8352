#pragma once

#include "model/release.h"
#include "sourcelayout.h"

#include <QFuture>
#include <QHash>
#include <QThreadPool>
#include <atomic>
#include <functional>

namespace vse {

// Reads several releases at the same time, on a pool of at most one thread
// per core, so reading them costs about the slowest one rather than their
// sum. Every release is read by its own ReleaseReader::read (its own
// libclang index, libxml2 parser contexts and ELF handles); results are
// taken back by slot in the caller's order, so the merge that follows does
// not depend on which read finished first.
class ParallelReader
{
public:
    explicit ParallelReader(const std::atomic_bool *cancel = nullptr);
    // Waits for reads still running (a cancelled run returns early).
    ~ParallelReader();
    ParallelReader(const ParallelReader &) = delete;
    ParallelReader &operator=(const ParallelReader &) = delete;

    // Starts reading `layout` into `slot` and returns at once.
    void start(int slot, const SourceLayout &layout);
    // Runs other work on the same pool (loading the shipped history pack
    // while the releases are read); the destructor waits for it.
    void run(const std::function<void()> &work);
    // Waits for the release of `slot`; its read took readMs(slot) of wall time.
    Release take(int slot);
    qint64 readMs(int slot) const { return m_ms.value(slot); }
    // Threads of the pool: the cores, or $VSE_INDEX_THREADS.
    static int threads();

private:
    struct Timed
    {
        Release release;
        qint64 ms = 0;
    };
    QThreadPool m_pool;
    const std::atomic_bool *m_cancel;
    QHash<int, QFuture<Timed>> m_reads;
    QHash<int, qint64> m_ms;
};

} // namespace vse
