#pragma once

#include "historypack.h"
#include "model/item.h"

#include <QJsonArray>

namespace vse {

// The item an entry of the release history stands for under one of its
// names: kind, name, identity, parent, origin, the pack's facts and the tier
// and taints the policy gives them. No file:line: the pack keeps the newest
// release's, which would mislead for another release. The applier's rows add
// it with the history's evidence and spans; diff uses the item as is.
Item historyItemOf(const HistoryEntry &e, const QString &name);

// A function's drivers as the pack keeps them, in the "drivers" attrs form
// (driverSupportToJson), each with "release history, 12.9.0" as evidence;
// empty when the pack has none.
QJsonArray historyDrivers(const HistoryEntry &e);

} // namespace vse
