#pragma once

#include "scanuse.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <atomic>
#include <functional>

namespace vse::scan {

// One translation unit to parse: the file and the clang arguments it gets
// (from compile_commands.json, or the installed libvirt's cflags).
struct CompileJob
{
    QString file;
    QStringList args;
    bool fromDatabase = false;
};

// What to scan of a C / C++ project.
struct CScanOptions
{
    // Folders (canonical) whose files are the application: uses written in
    // them are reported, whatever TU includes them; everything else (system
    // and libvirt headers) only resolves names.
    QStringList roots;
    // A compile_commands.json; empty: look in each root and its build/.
    QString compileCommands;
    std::atomic<bool> *cancel = nullptr;
    std::function<void(int done, int total, const QString &file)> progress;
};

// The C and C++ scanner of `virt-support scan`: parses each translation unit
// with libclang and records every reference to a declaration of libvirt's
// public headers (functions, enum constants, macros, types, struct fields)
// with its position and the guards that cover it (see PreprocessorGuards for
// #if LIBVIR_CHECK_VERSION, and run-time comparisons of a variable filled by
// virConnectGetLibVersion / virGetVersion with a number in an if condition).
// A file that does not parse still yields the uses in what clang could read,
// plus a message; binary files are refused with a message.
class CScanner
{
public:
    explicit CScanner(CScanOptions options);

    // The translation units for these files (C/C++ sources and headers found
    // under the roots): the database's entries under the roots, then the
    // other files with the fallback arguments. Missing database entries and
    // unreadable databases go to *problems.
    QList<CompileJob> plan(const QStringList &files, Diagnostics *problems) const;
    // One FileScan per application file that has uses, guards or problems.
    QList<FileScan> scan(const QList<CompileJob> &jobs) const;
    // The same parses without anything else, as the yardstick of the
    // benchmark: returns the number of TUs clang produced.
    static int bareParse(const QList<CompileJob> &jobs);

    // `pkg-config --cflags libvirt` (empty when pkg-config has no libvirt),
    // read once per process.
    static QStringList libvirtCflags();
    static bool isCSource(const QString &file);

private:
    CScanOptions m_options;
};

} // namespace vse::scan
