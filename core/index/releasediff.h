#pragma once

#include "model/release.h"

#include <QList>

namespace vse {

// What changed for one item between two releases.
struct ItemChange
{
    enum Kind { Added, Removed, Changed, Renamed };
    Kind kind = Changed;
    Item before; // empty for Added
    Item after;  // empty for Removed
    QString what; // "prototype", "value 3 -> 4", "fields", "args", ...
    // The change keeps every promise even of a stable tier: a value still
    // accepted through a wider data type, a signed/unsigned swap XDR encodes
    // identically, an RPC type or constant name (names are not on the wire).
    bool compatible = false;

    static QString kindId(Kind kind);
};

// Items of release `a` against release `b`, matched by kind and identity.
// Comparison is limited to what both releases can show: a kind that one
// release has no data for at all (a Debian package set has no .x files; a
// source tree without headers has no enums) is neither added nor removed.
// An XML path that is missing under its canonical name but still present as
// an alias of a moved element is not removed.
QList<ItemChange> diffReleases(const Release &a, const Release &b);

// A change between consecutive releases judged by the policy for the tier
// the item had: stable interfaces must not lose items or change them;
// hypervisor-specific, namespace, private and unclassified ones may.
struct AuditFinding
{
    bool violation = false;
    QString rule; // "stable function removed", "enum value renumbered", ...
    Version from;
    Version to;
    ItemChange change;
};

QList<AuditFinding> auditReleases(const QList<Release> &releasesByVersion);

} // namespace vse
