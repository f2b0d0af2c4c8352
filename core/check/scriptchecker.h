#pragma once

#include "model/diagnostic.h"
#include "model/item.h"
#include "model/version.h"

#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

namespace vse {

struct ShellCommand;

// One thing check-script has to say about a virsh invocation in a script.
struct ScriptFinding
{
    enum Kind
    {
        UnknownCommand, // no release's virsh has this command
        UnknownOption,  // the command has no such option in any release
        Removed,        // gone by the target release
        TooNew,         // the command or option came after the target
        MaybeTooNew,    // its since range contains the target
        ParsesOutput,   // the table or list a command prints is parsed (not stable)
        AliasUsed,      // a deprecated spelling kept as an alias (a note)
    };
    Kind kind = UnknownCommand;
    int line = 0;
    int column = 0;
    QString subject; // "list", "attach-disk --iothread"
    QString message;
    QString suggestion;          // nearest known name for UnknownCommand / UnknownOption
    QStringList alternatives;    // stable ways to get the same data, for ParsesOutput
    static QString kindId(Kind kind);
    bool isProblem() const { return kind != MaybeTooNew && kind != AliasUsed; }
};

struct ScriptCheckReport
{
    QString file;
    int invocations = 0;      // virsh commands found
    QList<ScriptFinding> findings;
    QStringList parseNotes;   // the tokenizer's "LINE:COL: unterminated quote"
    Diagnostics diagnostics;  // errors: the file was refused
    QJsonObject toJson() const;
};

// What the index knows of virsh: the newest row of each command and option
// across every release (history rows included).
class VirshCatalogue
{
public:
    explicit VirshCatalogue(const ItemList &items);
    const Item *command(const QString &name) const { return m_commands.value(name); }
    const Item *option(const QString &command, const QString &option) const
    {
        return m_options.value(command + QStringLiteral(" --") + option);
    }
    QStringList commandNames() const { return m_commandNames; }
    QStringList optionNames(const QString &command) const { return m_optionNames.value(command); }
    bool isEmpty() const { return m_commands.isEmpty(); }

private:
    ItemList m_items;
    QHash<QString, const Item *> m_commands;
    QHash<QString, const Item *> m_options;
    QStringList m_commandNames;
    QHash<QString, QStringList> m_optionNames;
};

// Checks the virsh invocations of a shell script a user hands us: commands
// and options unknown to every release (with the nearest known name), newer
// than or removed by the target release, deprecated aliases, and pipelines or
// command substitutions that parse the compound output of a command (a
// table or a list, which the support policy does not keep stable), with the
// stable alternatives the index knows (a --name / --uuid option of the same
// command, single-item commands such as domstate or dumpxml).
//
// The script is untrusted: read with readUntrustedText, at most kMaxSize
// bytes, and never run; only a tokenizer looks at it (check/shelltokenizer.h).
class ScriptChecker
{
public:
    static constexpr qint64 kMaxSize = 4 * 1024 * 1024;
    struct Options
    {
        Version maxVersion; // the release the script must work with
    };
    static ScriptCheckReport check(const QString &path, const VirshCatalogue &virsh,
                                   const Options &options);
    // The same on text already read (tests, fuzzing).
    static ScriptCheckReport checkText(const QString &file, const QString &text,
                                       const VirshCatalogue &virsh, const Options &options);
};

} // namespace vse
