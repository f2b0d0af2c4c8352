#pragma once

#include <QList>
#include <QString>
#include <QStringList>

namespace vse {

// One word of a simple command after quote removal, where it starts in the
// script (1-based line and column of its first character).
struct ShellWord
{
    QString text;         // quotes removed; expansions kept as written ("$x", "$(…)")
    int line = 0;
    int column = 0;
    bool literal = true;  // no unquoted or quoted expansion: the text is what runs
};

// A simple command: its words (redirections and their targets left out),
// which pipeline it belongs to and where in it, and whether its output is
// captured by a command substitution ($(…), `…`, <(…)).
struct ShellCommand
{
    QList<ShellWord> words;
    int pipeline = 0;     // unique per pipeline across the whole script
    int stage = 0;        // 0 for the first command of the pipeline
    int substitution = 0; // 0: top level; else the id of the enclosing substitution
};

// A small POSIX-shell (and bash) tokenizer, enough to find the commands a
// script runs and how their output flows: quotes, backslash escapes, line
// continuations, comments, `;` `&` `&&` `||` `|` `|&` separators, redirections
// (their targets are not words of the command), here-documents (bodies
// skipped), command substitutions $(…) and `…` (their commands are parsed as
// well, marked as captured), $((…)) and ${…} skipped. It does not evaluate
// anything: a word with an expansion is marked not literal.
//
// Not handled, knowingly: `case` patterns inside $(…) (a `)` there ends the
// substitution early), aliases and functions (their bodies are parsed as
// commands, which is what a checker wants).
class ShellTokenizer
{
public:
    struct Result
    {
        QList<ShellCommand> commands;
        QStringList problems; // "LINE:COLUMN: unterminated quote" and the like
    };
    // Nesting of substitutions deeper than this is not followed (a problem).
    static constexpr int kMaxDepth = 64;
    static Result parse(const QString &script);
};

} // namespace vse
