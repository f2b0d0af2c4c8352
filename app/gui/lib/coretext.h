#pragma once

#include "index/itemanswer.h"

#include <QCoreApplication>
#include <QString>

namespace vse::gui {

// The explorer's wording of texts the core makes in English for the CLI
// (which must stay English: `show` is what Copy answer copies): the
// answering release, a removal, a virsh option's flags. lupdate reads only
// the GUI and core/model, core/check, so these get their tr() here.
class CoreText
{
    Q_DECLARE_TR_FUNCTIONS(vse::gui::CoreText)
public:
    // StoredRelease::label(): "9.0.0 (installed, /)" → "release 9.0.0 (installed, /)";
    // "release history (shipped release history, 0.0.1 – 12.9.0)" → "release history (0.0.1 – 12.9.0)".
    static QString releaseLabel(const QString &coreLabel);
    // ItemAnswer::Removal::text().
    static QString removal(const ItemAnswer::Removal &removal);
    // ItemAnswer::Option::flagsText() and sinceText().
    static QString optionFlags(const ItemAnswer::Option &option);
    static QString optionSince(const ItemAnswer::Option &option);
    // A kind fact's label ("Shipped", "Type (lens)") and its wording where
    // the core words it ("in the shipped file and read by the lens", "yes");
    // data (values, paths, versions) passes through.
    static QString factLabel(const QString &label);
    static QString factText(const QString &text);
};

} // namespace vse::gui
