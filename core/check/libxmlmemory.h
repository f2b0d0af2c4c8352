#pragma once

namespace vse {

// libxml2's memory functions, installed once per process.
//
// Kept at exit: libxml2 (2.9.11 on) calls xmlCleanupParser() from a library
// destructor at exit, unless the application installed its own memory
// functions. Threads that used libxml2 may still be ending then: Qt detaches
// its pooled threads, which run their thread-local clean-up (libxml2's
// per-thread state, freed with that global state's help) after the pool
// reports them done. The two clean-ups racing corrupted the heap once in CI
// (glibc aborted after every test had passed). With functions of our own
// (glibc's malloc and free underneath, so blocks allocated before or after
// the call mix freely) libxml2 leaves its state to the end of the process.
//
// Call at the start of main(), before any other thread exists: libxml2's
// function pointers are plain globals. Calling it again does nothing.
void installLibxml2MemoryFunctions();

// While one lives, the thread keeps the small blocks libxml2 frees and
// hands them back to libxml2's next allocations of that size. Validating a
// document allocates and frees some two thousand small blocks in bursts,
// far more than glibc's per-thread cache holds (7 a size), so most frees
// took glibc's slow path: a sixth of a batch check-xml's instructions.
// Every block stays a glibc block (taken with malloc, given back with free
// when the scope ends), so one freed on another thread, or with free(), is
// still right. No effect unless installLibxml2MemoryFunctions() installed the
// functions, nor in sanitizer builds (they must see every free).
class LibxmlBlockCache
{
public:
    LibxmlBlockCache();
    ~LibxmlBlockCache(); // gives the kept blocks back to glibc
    LibxmlBlockCache(const LibxmlBlockCache &) = delete;
    LibxmlBlockCache &operator=(const LibxmlBlockCache &) = delete;

private:
    bool m_outer; // the thread's first scope: it owns the cache
};

} // namespace vse
