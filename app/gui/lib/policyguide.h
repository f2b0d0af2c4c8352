#pragma once

#include "indexsnapshot.h"

#include <QCoreApplication>
#include <QString>
#include <QStringList>

namespace vse::gui {

// The policy guide's content: one page per tier in the project's own words
// (what the tier promises, what it does not, what to do about it), each with
// live examples drawn from the loaded index.
class PolicyGuide
{
    Q_DECLARE_TR_FUNCTIONS(vse::gui::PolicyGuide)
public:
    // The tier ids in guide order.
    static QStringList tierIds();
    // A few sentences on what the tier means in practice.
    static QString explanation(const QString &tierId);
    // Up to `count` example names of this tier from the snapshot's newest release.
    static QStringList examples(const IndexSnapshot *snapshot, const QString &tierId, int count = 8);
    // The page for one tier as HTML; the whole guide for printing.
    static QString pageHtml(const IndexSnapshot *snapshot, const QString &tierId);
    static QString guideHtml(const IndexSnapshot *snapshot);
};

} // namespace vse::gui
