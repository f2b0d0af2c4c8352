#include "hugepageheap.h"

#include <cstdint>
#include <cstdlib>

#include <malloc.h>
#include <sys/mman.h>
#include <unistd.h>

namespace vse {

namespace {

constexpr std::uintptr_t kHugePage = std::uintptr_t(2) << 20;
// glibc reserves each thread heap as one mapping of this size, aligned to
// it (HEAP_MAX_SIZE on 64-bit, unchanged from 2.26 to 2.41).
constexpr std::uintptr_t kThreadHeap = std::uintptr_t(64) << 20;
constexpr std::size_t kGrowth = std::size_t(32) << 20;

void advise(std::uintptr_t from, std::uintptr_t to)
{
    from = (from + kHugePage - 1) & ~(kHugePage - 1);
    to &= ~(kHugePage - 1);
    if (to > from)
        ::madvise(reinterpret_cast<void *>(from), to - from, MADV_HUGEPAGE);
}

// A block allocated only to grow a heap: without this the compiler drops
// the malloc/free pair as unused.
void *kept(void *block)
{
    asm volatile("" : : "r"(block) : "memory");
    return block;
}

std::uintptr_t brkNow()
{
    return reinterpret_cast<std::uintptr_t>(::sbrk(0));
}

} // namespace

void useHugePagesForHeap()
{
    if (!kHeapIsGlibcMalloc)
        return;
    // Large blocks from the heaps too (an mmap'd block would not be
    // advised), heaps grown in whole huge pages, and nothing given back.
    ::mallopt(M_MMAP_THRESHOLD, int(kGrowth));
    ::mallopt(M_TOP_PAD, int(kGrowth));
    ::mallopt(M_TRIM_THRESHOLD, int(8 * kGrowth));
    // Grow the main heap now, past its free top, so that the memory the
    // next allocations take is the advised one.
    const std::uintptr_t before = brkNow();
    void *block = kept(std::malloc(::mallinfo2().keepcost + 4096));
    const std::uintptr_t after = brkNow();
    std::free(block);
    advise(before, after);
}

void useHugePagesForThisThread()
{
    if (!kHeapIsGlibcMalloc)
        return;
    void *block = kept(std::malloc(16));
    const auto at = reinterpret_cast<std::uintptr_t>(block);
    std::free(block);
    // Served by the main heap (glibc ran out of arenas): advised already.
    const std::uintptr_t brk = brkNow();
    if (at < brk && brk - at < (std::uintptr_t(1) << 32))
        return;
    ::madvise(reinterpret_cast<void *>(at & ~(kThreadHeap - 1)), kThreadHeap, MADV_HUGEPAGE);
    // A thread heap is made writable only as far as its blocks reach, a
    // few pages at a time, and a huge page needs 2 MiB of it writable: grow
    // it once by a big block (given back to the heap, not to the system:
    // see M_TRIM_THRESHOLD above).
    std::free(kept(std::malloc(kGrowth - 4096)));
}

} // namespace vse
