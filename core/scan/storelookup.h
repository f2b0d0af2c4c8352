#pragma once

#include "index/store.h"
#include "scanengine.h"

namespace vse::scan {

// The engine's lookup over an open index: the newest row of a C API name,
// the shipped history's rows included, so a name newer than the installed
// libvirt still has its since.
ApiLookup storeLookup(const Store &store);

} // namespace vse::scan
