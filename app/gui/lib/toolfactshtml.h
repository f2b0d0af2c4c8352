#pragma once

#include "model/item.h"

#include <QCoreApplication>
#include <QString>

namespace vse::gui {

// The detail pane's facts of the interfaces beyond the C API, XML and RPC:
// a virsh command (output kind, its stable alternative, the command it is an
// alias of), a virsh option (type, required, positional, alias), a
// configuration option (file, lens, type, whether the shipped file and the
// lens have it, the shipped value per release) and an error code's message.
class ToolFactsHtml
{
    Q_DECLARE_TR_FUNCTIONS(vse::gui::ToolFactsHtml)
public:
    // A small table; empty for other kinds of item.
    static QString factsTable(const Item &item);
};

} // namespace vse::gui
