#pragma once

#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

namespace vse {

// A C file read the way libvirt's static tables need it, without a compiler:
// comments and preprocessor directives blanked (line numbers kept), macros
// (#define, with parameters) collected so table entries written as macro
// calls can be expanded, and helpers to cut an initializer into its
// top-level elements. Enough for virsh's command tables and virerror.c,
// which are plain initializers; nothing here evaluates C.
class CSource
{
public:
    struct Macro
    {
        QStringList params; // empty for an object-like macro
        bool functionLike = false;
        QString body;
    };
    // One top-level element of an initializer and where it starts.
    struct Element
    {
        QString text;
        int offset = 0; // in code()
    };

    CSource() = default;
    CSource(const QString &file, const QString &text);

    const QString &file() const { return m_file; }
    const QString &code() const { return m_code; }
    const QHash<QString, Macro> &macros() const { return m_macros; }
    int lineAt(int offset) const;

    // Offset just after the '}' matching the '{' at `open`, or -1.
    static int matchBrace(const QString &s, int open);
    // The top-level comma-separated elements of `s` (strings, parentheses
    // and braces respected), trimmed, empty ones dropped.
    static QList<Element> splitTopLevel(const QString &s, int baseOffset = 0);
    // The concatenation of the string literals of an expression
    // (N_("a" "b") -> "ab"), escapes kept as written except \" and \\.
    static QString stringValue(const QString &expr);
    // Expands a macro call `NAME(args)` or `NAME` with `macros`; returns the
    // text unchanged when it is not one. Nested calls expand up to `depth`.
    static QString expand(const QString &text, const QHash<QString, Macro> &macros, int depth = 8);

private:
    QString m_file;
    QString m_code;
    QList<int> m_lineStarts;
    QHash<QString, Macro> m_macros;
};

} // namespace vse
