#pragma once

#include "model/item.h"

#include <QPair>

namespace vse {

class Store;

// The items an answer about `item` lists with their own facts: a virsh
// command's options (the newest row of each, so each keeps its own since),
// in the order of the command's option table. Empty for other kinds.
ItemList partsOf(const Store &store, const Item &item);

// For an XML item the schemas no longer have: the items of the same kind
// that end in the same element (and attribute and value) under another
// parent and are still there, with their since (domain/clock/timer, since
// 0.8.6, for domain/timer, removed in 0.8.6). The longest shared tail that
// has any wins; at most five. Empty for other items. Only a hint: the
// history knows paths, not moves, and the answer says so.
QList<QPair<QString, SinceRange>> sameNameElsewhere(const Store &store, const Item &item); // path, since

} // namespace vse
