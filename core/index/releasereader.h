#pragma once

#include "sourcelayout.h"

#include <atomic>

namespace vse {

// Reads one release from its layout: runs every extractor that has input
// (headers, API XML, symbol versions, schemas, docs, protocols), links RPC
// procedures to their APIs and applies the policy. Extractor problems land in
// Release::diagnostics with the file they came from.
class ReleaseReader
{
public:
    static Release read(const SourceLayout &layout, const std::atomic_bool *cancel = nullptr);
};

} // namespace vse
