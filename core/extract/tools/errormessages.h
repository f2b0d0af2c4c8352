#pragma once

#include "model/diagnostic.h"
#include "model/item.h"

#include <QHash>
#include <QString>

namespace vse {

// The short message libvirt prints for each error code (virErrorNumber
// value), read from a source tree's virerror.c: the virErrorMsgStrings table
// of new releases (`[VIR_ERR_X] = { N_("short"), N_("short: %1$s") }`) or the
// switch of virErrorMsg() in old ones (`case VIR_ERR_X: ... errmsg =
// _("short")`). The message without a placeholder is kept: it is a fact (a
// few words per code), shown next to the code.
class ErrorMessages
{
public:
    struct Message
    {
        QString text;
        int line = 0;
    };
    // Code name -> message; empty when the tree has no virerror.c.
    static QHash<QString, Message> readTree(const QString &root, QString *file,
                                            Diagnostics *diagnostics);
    static QHash<QString, Message> parse(const QString &text, const QString &file,
                                         Diagnostics *diagnostics);
    // Sets attrs "message" (and "messageAt" FILE:LINE) on the error-code enum values.
    static int apply(ItemList &items, const QHash<QString, Message> &messages, const QString &file);
    static QString sourceFile(const QString &root); // empty when none
};

} // namespace vse
