#pragma once

#include <QList>
#include <QString>

namespace vse {

// A problem found while reading an input, reported as a value (never printed
// by the parser itself) so the CLI, the GUI and tests decide what to do.
struct Diagnostic
{
    enum class Severity { Warning, Error };

    Severity severity = Severity::Error;
    QString file;
    int line = 0;   // 1-based; 0 when the problem concerns the whole file
    int column = 0; // 1-based; 0 when unknown
    QString message;

    // "file:line:column: error: message", the form compilers use.
    QString toString() const;
    bool isError() const { return severity == Severity::Error; }

    static Diagnostic error(const QString &file, int line, const QString &message, int column = 0)
    {
        return {Severity::Error, file, line, column, message};
    }
    static Diagnostic warning(const QString &file, int line, const QString &message, int column = 0)
    {
        return {Severity::Warning, file, line, column, message};
    }
};

using Diagnostics = QList<Diagnostic>;

bool hasErrors(const Diagnostics &diagnostics);

} // namespace vse
