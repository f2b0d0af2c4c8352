#pragma once

#include "scanuse.h"

#include <QByteArray>
#include <QList>
#include <QString>

namespace vse::scan {

// The compile-time version guards of one C file, line by line. libclang
// parses one configuration (the branch the installed headers select) and
// says nothing about the others, so the file's #if / #elif / #else / #endif
// lines are read here directly: libvirt's convention is
//   #if LIBVIR_CHECK_VERSION(a, b, c)   and   #if LIBVIR_VERSION_NUMBER >= N
// (or < N with the new code in #else). A condition that is an && of such
// tests guards its branch with the highest of them; || and anything else
// implies nothing. Nested conditions combine: the active guard of a line is
// the highest of its enclosing branches.
struct PreprocessorGuards
{
    // guardAt(line): the libvirt the code on that line needs at least; invalid: none.
    QList<Version> perLine; // index 0 is line 1
    QList<GuardSite> sites;
    // #ifdef NAME / #if defined(NAME) of a libvirt macro: the lines under it
    // are presence-checked for that name (lines, per macro name).
    QList<std::pair<QString, std::pair<int, int>>> presence;

    Version guardAt(int line) const
    {
        return line >= 1 && line <= perLine.size() ? perLine.at(line - 1) : Version();
    }
    bool presenceChecked(const QString &name, int line) const;

    static PreprocessorGuards of(const QByteArray &text, const QString &file);
};

// Reads a version condition: LIBVIR_CHECK_VERSION(a,b,c), LIBVIR_VERSION_NUMBER
// (or a run-time variable when `variable` is given) compared with a number.
// *whenTrue: the condition holding implies libvirt >= it; *whenFalse: its
// failing does ("< N" -> the else branch has N). Returns false when the text
// is not such a condition.
bool parseVersionCondition(const QString &condition, const QString &variable, Version *whenTrue,
                           Version *whenFalse);

} // namespace vse::scan
