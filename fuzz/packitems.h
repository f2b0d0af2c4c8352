#pragma once

// The shipped history pack's entries of some kinds as items (name, parent,
// attrs; no since), so the checkers' harnesses look inputs up in real data.
#include "index/historypack.h"
#include "model/item.h"

#include <cstdio>
#include <cstdlib>

namespace vsefuzz {

inline vse::ItemList packItems(const QList<vse::ItemKind> &kinds, const char *harness)
{
    vse::ItemList out;
    for (const vse::HistoryEntry &e : vse::HistoryPack::builtin().entries()) {
        if (!kinds.contains(e.kind))
            continue;
        vse::Item it;
        it.kind = e.kind;
        it.key = e.key;
        // Configuration options are keyed "FILE:setting", named by the setting.
        it.name = e.kind == vse::ItemKind::ConfigOption ? e.key.section(QLatin1Char(':'), 1) : e.key;
        it.parent = e.parent;
        it.attrs = e.attrs;
        out.append(it);
    }
    if (out.isEmpty()) {
        std::fprintf(stderr, "%s: the history pack has no entries of the kinds needed\n", harness);
        std::exit(1);
    }
    return out;
}

} // namespace vsefuzz
