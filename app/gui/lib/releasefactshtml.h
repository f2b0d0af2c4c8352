#pragma once

#include "index/itemanswer.h"

#include <QCoreApplication>
#include <QString>
#include <QUrl>

namespace vse::gui {

// The detail pane's facts about an item across indexed releases, rendered
// from its ItemAnswer: the "removed in"
// banner (allowed for the tier, or a broken promise pointing to the audit),
// the releases that have it, its other names, and the drivers implementing it.
class ReleaseFactsHtml
{
    Q_DECLARE_TR_FUNCTIONS(vse::gui::ReleaseFactsHtml)
public:
    // vse:audit opens the policy audit.
    static QUrl auditLink();
    // Empty when the item was never removed.
    static QString removedBanner(const ItemAnswer &answer);
    // Table rows (<tr>...</tr>) for releases, removed-in and other names.
    static QString historyRows(const ItemAnswer &answer);
    // The drivers as a small table (driver, since, removed); empty when unknown.
    static QString driversTable(const ItemAnswer &answer);
};

} // namespace vse::gui
