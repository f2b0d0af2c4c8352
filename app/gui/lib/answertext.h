#pragma once

#include "model/item.h"

#include <QCoreApplication>
#include <QString>

namespace vse::gui {

// The "Copy answer" text of one item, to paste into a support ticket: the
// item's ItemAnswer as plain text, the same text `virt-support show` prints.
class AnswerText
{
    Q_DECLARE_TR_FUNCTIONS(vse::gui::AnswerText)
public:
    static QString forItem(const Item &item, const QString &releaseLabel = {});
};

} // namespace vse::gui
