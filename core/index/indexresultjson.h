#pragma once

#include "indexer.h"

#include <QJsonObject>

namespace vse {

// What `virt-support index --json` prints and the explorer reads back when
// it runs the indexing program instead of the Indexer in its own process
// (so it never loads libclang / LLVM): the outcome and every diagnostic,
// structured. {"ok", "upToDate", "cancelled", "storeFailed", "releases",
// "items", "reparsed", "index", "diagnostics": [...]}; the benchmark-only
// timings are not carried.
QJsonObject indexResultToJson(const Indexer::Result &r, const QString &indexPath);
// False (and *r untouched) when `o` is not such an object.
bool indexResultFromJson(const QJsonObject &o, Indexer::Result *r);

} // namespace vse
