#pragma once

#include "model/item.h"
#include "model/version.h"

#include <QString>
#include <QStringList>
#include <optional>

namespace vse::gui {

// Everything that decides which rows the item table shows: the search text
// (with its api:/xml:/rpc: scope), the sidebar section and the filter bar.
struct ViewFilter
{
    QString text;        // search box content, scope prefix included
    QString family;      // "api", "xml", "rpc" from the sidebar; empty: all
    QStringList tiers;   // tier ids from the sidebar; empty: all
    QString tierGroup;   // filter bar tier group; empty: all
    QString hypervisor;  // empty: all; "-" for hypervisor-agnostic items
    QString driver;      // only APIs this hypervisor driver implements; empty: all
    std::optional<ItemKind> kind;
    QString taint;       // only items with this taint reason (sidebar)
    Version target;      // "I must support libvirt >= target": newer items are excluded
    bool greyNewer = false; // show excluded newer items greyed instead of hiding them
    // "Newer than target": only items certainly newer or whose since range
    // contains the target (those in italics), the question "what is too new for X".
    bool newerOnly = false;
    // 0: one row per item, from the newest release that has it (so items
    // removed before the newest release stay findable); else that release only.
    qint64 releaseId = 0;

    // True when only the text differs; lets the finder narrow the last result.
    bool sameExceptText(const ViewFilter &o) const
    {
        return family == o.family && tiers == o.tiers && tierGroup == o.tierGroup && hypervisor == o.hypervisor
               && driver == o.driver && kind == o.kind && taint == o.taint && target == o.target && greyNewer == o.greyNewer && newerOnly == o.newerOnly
               && releaseId == o.releaseId;
    }
};

} // namespace vse::gui
