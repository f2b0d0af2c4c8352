#pragma once

#include "io/fswatch.h"

#include <QList>
#include <QString>

namespace vse {

// A note beside the index ("INDEX.fresh") of what the last full freshness
// check looked at: every folder it listed, every path it probed and every
// input file it stat()ed, with what stat() said then, plus the index file
// itself and the shipped history's digest. When all of it is still the same,
// the check would decide the same, so the query commands skip it: about 150
// stat() calls instead of listing a dozen folders, matching ~300 names and
// hashing every input file's size and time (Indexer::upToDate).
//
// The note only ever shortens a check that passed: anything unexpected (no
// note, another index file, another history, one changed observation, a
// malformed line) means "run the full check", which writes a new note when
// it passes. Nothing changed in the last few seconds is trusted (no note is
// written then: see write()). Writing is best effort (a read-only cache folder just has none)
// and atomic (a temporary file renamed over the old note).
namespace FreshnessStamp {

QString pathFor(const QString &indexPath);
// Nothing the last passing check looked at has changed since.
bool confirms(const QString &indexPath);
// After a check that passed: `index` is the index file as observed before it.
void write(const QString &indexPath, const FsObservation &index, const QList<FsObservation> &observed);

} // namespace FreshnessStamp

} // namespace vse
