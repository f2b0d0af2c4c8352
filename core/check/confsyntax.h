#pragma once

#include <QList>
#include <QString>

namespace vse {

// A place where libvirt's configuration-file parser (virConf, used for
// qemu.conf, libvirtd.conf, virtqemud.conf...) gives up. The daemon reads
// the whole file or nothing: at the first such error it refuses the file
// and does not start (or the driver fails to load).
struct ConfSyntaxError
{
    int line = 0;          // 1-based line where the parser stops
    int statementLine = 0; // line the setting it was reading starts on
    QString option;        // the setting's name, when it got that far
    QString message;
    // Not libvirt's grammar but a bound of this reader (lists nested too
    // deep to follow): the file is refused, and nothing after it was read.
    bool toolLimit = false;
};

// Reads `text` with the grammar of libvirt's virConf parser in its default
// mode (the one the daemons use; not the LXC or VMX variants), written here
// from its rules, not its code:
//   file      := { statement separator }
//   statement := blanks/newlines then '#' comment to end of line
//              | NAME blanks '=' blanks VALUE blanks [ '#' comment ]
//   NAME      := letter { letter | digit | '_' }
//   VALUE     := "..." or '...' (one line) | """...""" (any lines)
//              | [+-]digits | '[' [ VALUE { ',' VALUE } [','] ] ']'
//                 (newlines allowed between list items; no comments there)
//   separator := end of file | newline | ';'
// Returns every error, the first being the one the daemon reports; after an
// error, reading resumes at the next line so one pass shows all of them.
QList<ConfSyntaxError> confSyntaxErrors(const QString &text);

} // namespace vse
