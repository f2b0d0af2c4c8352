#pragma once

#include "model/item.h"

namespace vse {

class Store;

// The items an answer about `item` lists with their own facts: a virsh
// command's options (the newest row of each, so each keeps its own since),
// in the order of the command's option table. Empty for other kinds.
ItemList partsOf(const Store &store, const Item &item);

} // namespace vse
