#pragma once

#include "model/item.h"
#include "model/release.h"

namespace vse::sql {
class Statement;
}

namespace vse::itemrow {

// How an Item and its release fill one row of the index's items and
// releases tables. The full writer (Store::write) and the in-place update
// (IndexUpdate) both bind through these, so the same item gives the same
// row either way.

// The items columns after id, in the order bindRow() binds them.
extern const char kColumns[];
constexpr int kColumnCount = 28;
void bindRow(sql::Statement &q, int first, qint64 releaseId, const Item &it);

// Parts of a row, for updates that rewrite only what merging changed.
// The seven columns since, since_num, since_after, since_after_num,
// since_upto, since_upto_num, since_evidence, from `first` on.
void bindSince(sql::Statement &q, int first, const Item &it);
// removed_in, latest, drivers: what the attrs say about the row.
void bindAttrFacts(sql::Statement &q, int removedIn, int latest, int drivers, const Item &it);

// The releases columns after id: version, version_num, version_evidence,
// source_kind, source_path, fingerprint, item_count.
extern const char kReleaseColumns[];
void bindRelease(sql::Statement &q, int first, const Release &release);

} // namespace vse::itemrow
