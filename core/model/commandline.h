#pragma once

#include <QString>
#include <QStringList>

namespace vse {

// Splits a shell command line the way a POSIX shell would for plain words,
// quotes and backslashes (no expansion): compile_commands' "command", a
// virsh command line typed into a lookup.
QStringList splitCommandLine(const QString &command);

} // namespace vse
