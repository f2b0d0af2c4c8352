#pragma once

#include "indexsnapshot.h"

#include <QHash>
#include <QList>
#include <QString>

namespace vse::gui {

// One example the policy guide shows for a tier, and why it was picked.
struct GuideExample
{
    qint64 id = 0; // the item's newest row
    QString name;
    ItemKind kind = ItemKind::Function;
    int drivers = 0; // hypervisor drivers implementing it (the API a procedure carries)
    bool tainted = false;
    QString since; // as a phrase: "since 0.0.3", "1.3.5 < since ≤ 7.0.0", "since unknown"
};

// Picks representative examples of a tier from an index: what people
// actually use, never the names the policy itself warns about. The rule is
// computed from the index, not listed by hand, so it follows the releases:
//
//  - candidates are the newest rows of items of the tier, not removed;
//  - names that are not interfaces an application uses are left out:
//    underscore names (the policy lets them be renamed), macros, variables,
//    typedefs, callbacks and structs, and the *_LAST enum values;
//  - where a tier can taint (hypervisor-specific, namespace extensions),
//    tainting items come first: those are the ones a class must hear about;
//  - then usage: how many hypervisor drivers implement the API (for a
//    procedure, the API it carries) — virConnectOpen is everywhere;
//  - then the oldest since (the longest in use: qemu:commandline is older
//    than qemu:override or bhyve:commandline), then the shallowest path;
//  - then a weaker signal: how often the index's documentation mentions a
//    C name, how much lives under an XML element; then the shortest name;
//  - the first picks spread over kinds (functions first, then XML elements,
//    procedures, enums, attributes, values) and skip what lives inside an
//    item already picked, so the list is not nine rows of one element.
class GuideExamples
{
public:
    explicit GuideExamples(SnapshotPtr snapshot);

    // Up to `count` examples of the tier, best first.
    QList<GuideExample> pick(const QString &tierId, int count = 8) const;
    // The number of items of the tier in the index: one per item (its
    // newest row), the count the explorer's "all releases" view lists.
    int tierCount(const QString &tierId) const;

    // Whether a name may appear as an example at all (see the class comment).
    static bool isExampleCandidate(const ItemSummary &s);

private:
    SnapshotPtr m_snapshot;
    QHash<QString, int> m_mentions; // C name -> documentation mentions
    QHash<QString, int> m_inside;   // XML path -> items under it
    QHash<QString, int> m_drivers;  // API or procedure -> drivers implementing it

    void countSignals();
    int secondarySignalOf(const ItemSummary &s) const;
};

} // namespace vse::gui
