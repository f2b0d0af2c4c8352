#pragma once

#include "model/item.h"
#include "store.h"

#include <QJsonArray>
#include <QJsonObject>

namespace vse {

// The JSON shape of an item in `--json` output and exports: every fact with
// its evidence, tier rule and taint meanings spelt out so a script needs no
// other lookup.
QJsonObject itemToJson(const Item &item);
QJsonObject summaryToJson(const ItemSummary &summary);
// The item's taints: [{reason, meaning, sources: [where each trigger that
// applies to this item comes from]}].
QJsonArray taintsToJson(const Item &item);
// "since" (exact only, else null), "sinceRange" {after, upTo, exact} and
// "sinceText" (as people read it).
void insertSince(QJsonObject &o, const SinceRange &range);

} // namespace vse
