#pragma once

#include "diagnostic.h"
#include "item.h"

namespace vse {

// What every extractor returns: the items it found and the problems it met.
// An extractor that hits an error still returns what it could read, and the
// caller decides (the indexer refuses to store a release with errors).
struct ExtractResult
{
    ItemList items;
    Diagnostics diagnostics;

    void append(ExtractResult &&other)
    {
        items.append(std::move(other.items));
        diagnostics.append(std::move(other.diagnostics));
    }
};

} // namespace vse
