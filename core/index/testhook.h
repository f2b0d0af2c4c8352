#pragma once

#include <QString>

#include <functional>

namespace vse::testhook {

// Named points in the indexer where a test can hold the work until it is
// ready, so tests of cancelling, killing or a responsive window do not
// depend on how fast the machine is:
//   "read"  before each source is read (after its progress report),
//   "write" in the middle of writing the new index file (items stored,
//           not yet committed nor renamed into place).
//
// In-process tests install a callback that blocks until they release it.
// Tests that run the binaries set VSE_TEST_HOLD=POINT:FILE: at POINT the
// process creates FILE and waits for as long as FILE exists.
// A program that runs the indexer as a child process (the explorer) relays
// the child's hold at "read" to the hook installed in its own process, so
// in-process tests hold the child as they would hold the Indexer itself.
using Hook = std::function<void(const QString &point)>;
void setHook(Hook hook);
bool hasHook();
void reached(const char *point);

} // namespace vse::testhook
