#pragma once

#include "model/extractresult.h"

#include <QString>

namespace vse {

// Reads virsh's commands and their options from a source tree's command
// tables (tools/virsh*.c with the shared option macros of tools/virsh*.h and
// tools/vsh.{c,h}): every `vshCmdDef` table entry is a virsh-command item,
// every entry of the `vshCmdOptDef` array it points to a virsh-option item
// named "COMMAND --OPTION".
//
// Facts kept in attrs: command `aliasOf` (a deprecated spelling kept as an
// alias entry), `hidden`, `output` ("compound" when the handler builds a
// table with vshTable or the command lists objects, "single" for *dumpxml),
// `options` (count); option `type` (bool, string, number, data, argv,
// alias), `required`, `positional`, `aliasOf` (what a VSH_OT_ALIAS entry
// stands for, e.g. "mode=shareable"). The one-line help string goes to
// Item::doc, read live from the user's tree (the history pack never stores
// it). Both versions of the table syntax are read: positional initializers
// (before 1.2.x) and designated ones, `.flags = VSH_OFLAG_REQ` as well as
// `.required = true`.
class VirshExtractor
{
public:
    // `root` is the source tree; no tools/virsh.c → no items, no error.
    static ExtractResult extractTree(const QString &root);
    // The same on files already read (path as read, text), for fuzzing:
    // headers first, as inputFiles() orders them by name.
    struct SourceText
    {
        QString path;
        QString text;
    };
    static ExtractResult parseSources(const QList<SourceText> &sources);
    // The files read, for the index fingerprint.
    static QStringList inputFiles(const QString &root);
};

} // namespace vse
