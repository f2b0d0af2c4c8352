#pragma once

#include "model/item.h"

#include <QCoreApplication>
#include <QString>

namespace vse::gui {

// The "Copy answer" text: a plain-text summary of one item to paste into a
// support ticket (name, kind, tier and rule, since and evidence, taints and
// their meaning, hypervisor, file:line).
class AnswerText
{
    Q_DECLARE_TR_FUNCTIONS(vse::gui::AnswerText)
public:
    static QString forItem(const Item &item, const QString &releaseLabel = {});
};

} // namespace vse::gui
