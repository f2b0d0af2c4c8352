#pragma once

#include "model/release.h"

#include <QList>

namespace vse {

// Joins the releases of one index: an item is the same across releases by
// kind and identity (name for C items, canonical path for XML, program +
// number for RPC procedures). For every item it records the indexed releases
// that have it (attrs "releases"), the first release without it after its
// last appearance ("removedIn"), the other names it had in other releases ("otherNames", e.g. a renamed RPC procedure), whether
// its row is the newest one ("latest"), and adds "first indexed release"
// evidence — an upper bound ("<= R") when R is the oldest indexed release,
// since nothing older was looked at.
class ReleaseMerger
{
public:
    // Sorts the releases by version and annotates their items in place.
    // Idempotent: facts of an earlier merge are replaced.
    static void merge(QList<Release> &releases);

    // The attrs keys this class owns.
    static const QStringList &mergedKeys();
    // Identity across releases: kind + key.
    static QString identityOf(const Item &item);
};

} // namespace vse
