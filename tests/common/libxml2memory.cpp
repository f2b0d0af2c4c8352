// Linked into the tests that can run libxml2 on threads of their own (the
// GUI's dialogs, in-process checks and indexing): what the programs' main()
// does (check/libxmlmemory.h says why), before the tests' main() runs.
#include "check/libxmlmemory.h"

namespace {

const bool kInstalled = [] {
    vse::installLibxml2MemoryFunctions();
    return true;
}();

} // namespace
