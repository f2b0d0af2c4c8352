#pragma once

#include "indexsnapshot.h"

#include <QCoreApplication>
#include <QString>
#include <QUrl>

namespace vse::gui {

// The detail pane before anything is selected: what the index holds (its
// releases, counts per kind of interface) and three example questions as
// links that act: an item (vse:name/...), a taint reason (vse:taint/...) and
// "what is newer than release X" (vse:newer/X), each picked from what this
// index actually has.
class WelcomeHtml
{
    Q_DECLARE_TR_FUNCTIONS(vse::gui::WelcomeHtml)
public:
    static QString html(const IndexSnapshot &snapshot);
    // The release the "newer than" example asks about: 6.0.0 when the index
    // has anything newer, else the release before the newest one.
    static QString exampleTarget(const IndexSnapshot &snapshot);
    static QUrl newerLink(const QString &version);
};

} // namespace vse::gui
