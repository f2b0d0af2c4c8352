#pragma once

namespace vse {

// Keeps libxml2 from tearing its global state down when the process exits.
//
// libxml2 (2.9.11 on) calls xmlCleanupParser() from a library destructor at
// exit, unless the application installed its own memory functions. Threads
// that used libxml2 may still be ending then: Qt detaches its pooled threads,
// which run their thread-local clean-up (libxml2's per-thread state, freed
// with that global state's help) after the pool reports them done. The two
// clean-ups racing corrupted the heap once in CI (glibc aborted after every
// test had passed). With memory functions of our own (the same malloc and
// free, so blocks allocated before or after the call mix freely) libxml2
// leaves its state to the end of the process.
//
// Call at the start of main(), before any other thread exists: libxml2's
// function pointers are plain globals. Calling it again does nothing.
void keepLibxml2StateAtExit();

} // namespace vse
