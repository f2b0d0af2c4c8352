#pragma once

namespace vse {

// Whether the process's heap is glibc's malloc: not under a sanitizer, which
// brings its own allocator and must see every allocation and free.
#if defined(__SANITIZE_ADDRESS__) || defined(__SANITIZE_THREAD__)
inline constexpr bool kHeapIsGlibcMalloc = false;
#else
inline constexpr bool kHeapIsGlibcMalloc = true;
#endif

// For a short-lived process that allocates a lot (check-xml: libxml2 builds
// the compiled schema and every document from tens of thousands of small
// blocks). On this kind of machine a page fault costs some 10 µs, and first
// touching the heap's memory 4 KiB at a time was a third of a one-file
// check. These ask the kernel for transparent huge pages on the malloc heaps
// instead (what glibc's glibc.malloc.hugetlb=1 tunable does, which can only
// be set in the environment before the process starts). Only a hint: a
// kernel with THP off, or another allocator (sanitizers), just ignores it.
//
// Once, on the main thread, before other threads start: the main heap is
// grown by 32 MiB now and advised; it and every thread's heap then grow by
// at least that much and are not trimmed (memory freed stays for reuse).
void useHugePagesForHeap();
// In each new thread before it allocates much: advises the 64 MiB mapping
// glibc reserves for the thread's own heap (arena).
void useHugePagesForThisThread();

} // namespace vse
