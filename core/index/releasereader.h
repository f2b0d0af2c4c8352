#pragma once

#include "sourcelayout.h"

#include <atomic>

class QThreadPool;

namespace vse {

// Reads one release from its layout: runs every extractor that has input
// (headers, API XML, symbol versions, schemas, docs, protocols), links RPC
// procedures to their APIs and applies the policy. Extractor problems land in
// Release::diagnostics with the file they came from.
class ReleaseReader
{
public:
    // The API extractors run as a task of `pool` (default: Qt's global pool)
    // while this thread reads the schemas and protocols. When several
    // releases share one pool and it is full, waiting for that task runs it
    // here instead, so the pool's size bounds the threads at work.
    // recoverMalformedSchemas: also read a schema file that is not
    // well-formed as libxml2 mends it, still reporting it (the release
    // history, which counts what it declares as present, nothing as absent).
    static Release read(const SourceLayout &layout, const std::atomic_bool *cancel = nullptr,
                        QThreadPool *pool = nullptr, bool recoverMalformedSchemas = false);
};

} // namespace vse
