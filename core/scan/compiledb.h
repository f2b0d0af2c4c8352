#pragma once

#include "model/commandline.h" // splitCommandLine, for compile_commands' "command"
#include "model/diagnostic.h"

#include <QHash>
#include <QString>
#include <QStringList>

namespace vse::scan {

// A compile_commands.json (CMake's CMAKE_EXPORT_COMPILE_COMMANDS, meson,
// bear): how the project compiles each file, so libclang sees the same
// include paths and macros the compiler does. Only what a parse needs is
// kept (-I, -D, -std, -include ...); the compiler, -c, -o and dependency
// output are dropped, and relative paths are made absolute against the
// entry's directory.
struct CompileDatabase
{
    QString path;
    QHash<QString, QStringList> argsByFile; // canonical absolute file -> clang arguments
    QStringList files;                      // in the database's order, existing files only

    // Problems (unreadable, not JSON, an entry naming a missing file) are
    // added to *diagnostics; the entries that are fine are still returned.
    static CompileDatabase load(const QString &path, Diagnostics *diagnostics);
    // PATH/compile_commands.json or PATH/build/compile_commands.json, if any.
    static QString find(const QString &dir);
};

} // namespace vse::scan
