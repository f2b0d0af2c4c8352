#pragma once

#include "historypack.h"
#include "releasediff.h"

namespace vse {

// What the shipped history says changed between two of its releases (indexes
// into pack.releases(), from < to or not): items added, removed and renamed
// (an RPC procedure or a moved XML path under a new name). The history keeps
// no definitions, so changed prototypes, values or fields are not reported
// here: that needs both releases indexed (diffReleases). An entry is compared
// only where both releases have data of its family (and, for XML, its root):
// a release without .x files neither adds nor removes RPC items.
// Items carry kind, name, parent, origin and the tier the policy gives them;
// no file:line (the pack keeps only the first release's).
QList<ItemChange> diffHistoryReleases(const HistoryPack &pack, int from, int to);

} // namespace vse
