#include "scriptchecker.h"

#include "nearestname.h"
#include "shelltokenizer.h"
#include "untrustedtext.h"

#include "model/virshline.h"

#include <QFileInfo>
#include <QJsonArray>
#include <QRegularExpression>
#include <QSet>

namespace vse {

namespace {

bool isTrue(const QJsonObject &a, const char *key)
{
    return a.value(QLatin1String(key)).toBool();
}

QString textOf(const QJsonObject &a, const char *key)
{
    return a.value(QLatin1String(key)).toString();
}

// The words a command line starts with before the program it runs.
qsizetype programIndex(const QList<ShellWord> &words)
{
    static const QSet<QString> reserved{
        QStringLiteral("if"),   QStringLiteral("then"),    QStringLiteral("else"),
        QStringLiteral("elif"), QStringLiteral("do"),      QStringLiteral("while"),
        QStringLiteral("until"), QStringLiteral("!"),      QStringLiteral("{"),
        QStringLiteral("time"), QStringLiteral("exec"),    QStringLiteral("command"),
        QStringLiteral("nohup"), QStringLiteral("builtin")};
    // Wrappers with options of their own; which of those take a value.
    static const QHash<QString, QSet<QString>> wrappers{
        {QStringLiteral("sudo"),
         {QStringLiteral("-u"), QStringLiteral("-g"), QStringLiteral("-C"), QStringLiteral("-h"),
          QStringLiteral("-p"), QStringLiteral("-U")}},
        {QStringLiteral("env"), {QStringLiteral("-u"), QStringLiteral("-C")}},
        {QStringLiteral("nice"), {QStringLiteral("-n")}},
        {QStringLiteral("timeout"), {QStringLiteral("-s"), QStringLiteral("-k")}},
    };
    static const QRegularExpression assignment(QStringLiteral("^[A-Za-z_][A-Za-z0-9_]*(\\[.*\\])?\\+?="));
    qsizetype i = 0;
    while (i < words.size()) {
        const QString &w = words.at(i).text;
        if (reserved.contains(w) || assignment.match(w).hasMatch()) {
            ++i;
            continue;
        }
        const auto wrapper = wrappers.constFind(w);
        if (wrapper == wrappers.cend())
            return i;
        ++i;
        while (i < words.size() && words.at(i).text.startsWith(QLatin1Char('-'))) {
            const bool value = wrapper->contains(words.at(i).text);
            i += value ? 2 : 1;
        }
        if (w == QLatin1String("timeout") && i < words.size())
            ++i; // the duration
    }
    return i;
}

bool isVirsh(const ShellWord &w)
{
    return w.literal && (w.text == QLatin1String("virsh") || w.text.endsWith(QLatin1String("/virsh")));
}

// Programs that take text apart: what follows a listing in a pipe to parse it.
bool isTextParser(const QString &program)
{
    static const QSet<QString> parsers{
        QStringLiteral("awk"),  QStringLiteral("gawk"),  QStringLiteral("mawk"),
        QStringLiteral("grep"), QStringLiteral("egrep"), QStringLiteral("fgrep"),
        QStringLiteral("cut"),  QStringLiteral("sed"),   QStringLiteral("tail"),
        QStringLiteral("head"), QStringLiteral("sort"),  QStringLiteral("uniq"),
        QStringLiteral("wc"),   QStringLiteral("tr"),    QStringLiteral("while"),
        QStringLiteral("read"), QStringLiteral("xargs"), QStringLiteral("perl"),
        QStringLiteral("python"), QStringLiteral("python3"), QStringLiteral("column"),
        QStringLiteral("jq")};
    return parsers.contains(QFileInfo(program).fileName());
}

class Checker
{
public:
    Checker(const VirshCatalogue &virsh, const ScriptChecker::Options &options,
            ScriptCheckReport *report)
        : m_virsh(virsh), m_options(options), m_report(report)
    {
    }

    void run(const QList<ShellCommand> &commands)
    {
        QHash<QPair<int, int>, const ShellCommand *> byStage;
        for (const ShellCommand &c : commands)
            byStage.insert({c.pipeline, c.stage}, &c);
        for (const ShellCommand &c : commands) {
            const qsizetype p = programIndex(c.words);
            if (p >= c.words.size() || !isVirsh(c.words.at(p)))
                continue;
            const ShellCommand *next = byStage.value({c.pipeline, c.stage + 1});
            invocation(c.words.mid(p + 1), c.words.at(p), next, c.substitution != 0);
        }
    }

private:
    const VirshCatalogue &m_virsh;
    const ScriptChecker::Options &m_options;
    ScriptCheckReport *m_report;

    void add(ScriptFinding::Kind kind, const ShellWord &at, const QString &subject,
             const QString &message, const QString &suggestion = {},
             const QStringList &alternatives = {})
    {
        ScriptFinding f;
        f.kind = kind;
        f.line = at.line;
        f.column = at.column;
        f.subject = subject;
        f.message = message;
        f.suggestion = suggestion;
        f.alternatives = alternatives;
        m_report->findings.append(f);
    }

    // Removed by / newer than the target release, for a command or an option.
    void checkRelease(const Item &it, const ShellWord &at, const QString &subject)
    {
        if (!m_options.maxVersion.isValid())
            return;
        const Version &target = m_options.maxVersion;
        const Version removed = Version::parse(textOf(it.attrs, "removedIn"));
        const SinceRange since = it.sinceRange();
        if (removed.isValid() && !(target < removed)) {
            add(ScriptFinding::Removed, at, subject,
                QStringLiteral("not in libvirt %1's virsh: removed in %2")
                    .arg(target.toString(), removed.toString()));
        } else if (const auto fit = since.fit(target); fit == SinceRange::Fit::TooNew) {
            add(ScriptFinding::TooNew, at, subject,
                QStringLiteral("not in libvirt %1's virsh: %2")
                    .arg(target.toString(), since.phrase()));
        } else if (fit == SinceRange::Fit::MaybeTooNew) {
            add(ScriptFinding::MaybeTooNew, at, subject,
                QStringLiteral("may be newer than libvirt %1: %2")
                    .arg(target.toString(), since.phrase()));
        }
    }

    // "virsh list --name", with "(since X)" when the target may lack it.
    QString alternative(const Item &it, const QString &text) const
    {
        if (!m_options.maxVersion.isValid() ||
            it.sinceRange().fit(m_options.maxVersion) == SinceRange::Fit::Supported)
            return text;
        return text + QStringLiteral(" (since ") + it.sinceRange().toString() + QLatin1Char(')');
    }

    // Stable ways to get what a compound listing prints, from what the index
    // knows: options that print one name or UUID per line, and the commands
    // of the same object family that print a single item.
    QStringList alternatives(const QString &command) const
    {
        QStringList out;
        for (const char *o : {"name", "uuid"})
            if (const Item *opt = m_virsh.option(command, QLatin1String(o)))
                out << alternative(*opt, QStringLiteral("virsh %1 --%2").arg(command, QLatin1String(o)));
        QString family;
        if (command.endsWith(QLatin1String("-list")))
            family = command.chopped(4);
        else if (const qsizetype dash = command.indexOf(QLatin1Char('-')); dash > 0)
            family = command.left(dash + 1);
        QStringList candidates;
        if (family.isEmpty()) // the domain commands have no prefix
            candidates = {QStringLiteral("domname"), QStringLiteral("domuuid"),
                          QStringLiteral("domid"), QStringLiteral("domstate"),
                          QStringLiteral("dumpxml")};
        else
            for (const char *s : {"name", "uuid", "key", "path", "dumpxml"})
                candidates << family + QLatin1String(s);
        for (const QString &c : std::as_const(candidates)) {
            const Item *it = m_virsh.command(c);
            if (it && c != command && textOf(it->attrs, "output") != QLatin1String("compound") &&
                textOf(it->attrs, "aliasOf").isEmpty())
                out << alternative(*it, QStringLiteral("virsh ") + c);
        }
        return out;
    }

    void invocation(const QList<ShellWord> &args, const ShellWord &virshWord,
                    const ShellCommand *next, bool captured)
    {
        qsizetype i = 0;
        while (i < args.size() && args.at(i).text.startsWith(QLatin1Char('-')) &&
               args.at(i).text != QLatin1String("--")) {
            i += virshGlobalOptionTakesValue(args.at(i).text) ? 2 : 1;
        }
        if (i >= args.size())
            return; // the interactive shell: nothing to check
        const ShellWord &cmdWord = args.at(i);
        if (!cmdWord.literal)
            return; // chosen at run time
        ++m_report->invocations;
        Q_UNUSED(virshWord);
        QString name = cmdWord.text;
        const Item *cmd = m_virsh.command(name);
        if (!cmd) {
            const QString near = nearestName(name, m_virsh.commandNames());
            add(ScriptFinding::UnknownCommand, cmdWord, name,
                QStringLiteral("no libvirt release's virsh has a command '%1'").arg(name) +
                    (near.isEmpty() ? QString() : QStringLiteral("; did you mean '%1'?").arg(near)),
                near);
            return;
        }
        checkRelease(*cmd, cmdWord, name);
        if (const QString target = textOf(cmd->attrs, "aliasOf"); !target.isEmpty()) {
            add(ScriptFinding::AliasUsed, cmdWord, name,
                QStringLiteral("'%1' is an alias of '%2', kept for old scripts; '%2' is the "
                               "documented name")
                    .arg(name, target));
            if (const Item *real = m_virsh.command(target)) {
                cmd = real;
                name = target;
            }
        }
        bool stableOutput = false;
        bool optionsEnded = false;
        for (++i; i < args.size(); ++i) {
            const ShellWord &w = args.at(i);
            if (optionsEnded || !w.literal || !w.text.startsWith(QLatin1String("--")))
                continue; // a positional value, or chosen at run time
            if (w.text == QLatin1String("--")) {
                optionsEnded = true;
                continue;
            }
            const qsizetype eq = w.text.indexOf(QLatin1Char('='));
            const QString opt = w.text.mid(2, eq < 0 ? -1 : eq - 2);
            const QString subject = name + QStringLiteral(" --") + opt;
            const Item *o = m_virsh.option(name, opt);
            if (!o) {
                const QString near = nearestName(opt, m_virsh.optionNames(name));
                add(ScriptFinding::UnknownOption, w, subject,
                    QStringLiteral("virsh %1 has no option --%2 in any release").arg(name, opt) +
                        (near.isEmpty() ? QString()
                                        : QStringLiteral("; did you mean --%1?").arg(near)),
                    near.isEmpty() ? QString() : QStringLiteral("--") + near);
                continue;
            }
            checkRelease(*o, w, subject);
            QString type = textOf(o->attrs, "type");
            if (type == QLatin1String("alias")) {
                const QString to = textOf(o->attrs, "aliasOf");
                add(ScriptFinding::AliasUsed, w, subject,
                    QStringLiteral("--%1 is an alias of --%2, kept for old scripts")
                        .arg(opt, QString(to).replace(QLatin1Char('='), QLatin1Char(' '))));
                const Item *real = m_virsh.option(name, to.section(QLatin1Char('='), 0, 0));
                type = to.contains(QLatin1Char('=')) || !real ? QStringLiteral("bool")
                                                             : textOf(real->attrs, "type");
            }
            if (opt == QLatin1String("name") || opt == QLatin1String("uuid") ||
                opt == QLatin1String("xml"))
                stableOutput = true;
            if (eq < 0 && type != QLatin1String("bool"))
                ++i; // the option's value
        }
        if (stableOutput || textOf(cmd->attrs, "output") != QLatin1String("compound"))
            return;
        QString how;
        if (next && !next->words.isEmpty() && isTextParser(next->words.first().text))
            how = QStringLiteral("piped into %1").arg(QFileInfo(next->words.first().text).fileName());
        else if (!next && captured)
            how = QStringLiteral("captured by a command substitution");
        if (how.isEmpty())
            return;
        const QStringList alt = alternatives(name);
        add(ScriptFinding::ParsesOutput, cmdWord, name,
            QStringLiteral("the output of 'virsh %1' is a table or list (compound output, whose "
                           "layout the support policy does not keep stable) and is %2")
                    .arg(name, how) +
                (alt.isEmpty() ? QString()
                               : QStringLiteral("; stable instead: ") + alt.join(QStringLiteral(", "))),
            {}, alt);
    }
};

} // namespace

QString ScriptFinding::kindId(Kind kind)
{
    switch (kind) {
    case UnknownCommand:
        return QStringLiteral("unknown-command");
    case UnknownOption:
        return QStringLiteral("unknown-option");
    case Removed:
        return QStringLiteral("removed");
    case TooNew:
        return QStringLiteral("newer-than-target");
    case MaybeTooNew:
        return QStringLiteral("maybe-newer-than-target");
    case ParsesOutput:
        return QStringLiteral("parses-compound-output");
    case AliasUsed:
        return QStringLiteral("alias");
    }
    return {};
}

QJsonObject ScriptCheckReport::toJson() const
{
    QJsonArray list;
    for (const ScriptFinding &f : findings) {
        QJsonObject o{{QStringLiteral("kind"), ScriptFinding::kindId(f.kind)},
                      {QStringLiteral("line"), f.line},
                      {QStringLiteral("column"), f.column},
                      {QStringLiteral("subject"), f.subject},
                      {QStringLiteral("message"), f.message},
                      {QStringLiteral("problem"), f.isProblem()}};
        if (!f.suggestion.isEmpty())
            o.insert(QStringLiteral("suggestion"), f.suggestion);
        if (!f.alternatives.isEmpty())
            o.insert(QStringLiteral("alternatives"), QJsonArray::fromStringList(f.alternatives));
        list.append(o);
    }
    QJsonObject o{{QStringLiteral("file"), file},
                  {QStringLiteral("invocations"), invocations},
                  {QStringLiteral("findings"), list}};
    if (!parseNotes.isEmpty())
        o.insert(QStringLiteral("parseNotes"), QJsonArray::fromStringList(parseNotes));
    return o;
}

VirshCatalogue::VirshCatalogue(const ItemList &items)
{
    for (const Item &it : items)
        if (it.kind == ItemKind::VirshCommand || it.kind == ItemKind::VirshOption)
            m_items.append(it);
    // The newest row of each (the index has one per release).
    for (const Item &it : std::as_const(m_items)) {
        auto &table = it.kind == ItemKind::VirshCommand ? m_commands : m_options;
        const Item *&slot = table[it.name];
        if (!slot || slot->sinceRange().upTo < it.sinceRange().upTo ||
            isTrue(it.attrs, "latest"))
            slot = &it;
    }
    for (auto it = m_commands.cbegin(); it != m_commands.cend(); ++it)
        m_commandNames << it.key();
    m_commandNames.sort();
    for (auto it = m_options.cbegin(); it != m_options.cend(); ++it)
        m_optionNames[it.value()->parent] << it.key().section(QStringLiteral(" --"), 1);
    for (QStringList &names : m_optionNames)
        names.sort();
}

ScriptCheckReport ScriptChecker::checkText(const QString &file, const QString &text,
                                           const VirshCatalogue &virsh, const Options &options)
{
    ScriptCheckReport report;
    report.file = file;
    const ShellTokenizer::Result parsed = ShellTokenizer::parse(text);
    report.parseNotes = parsed.problems;
    Checker(virsh, options, &report).run(parsed.commands);
    std::stable_sort(report.findings.begin(), report.findings.end(),
                     [](const ScriptFinding &x, const ScriptFinding &y) {
                         return std::pair(x.line, x.column) < std::pair(y.line, y.column);
                     });
    return report;
}

ScriptCheckReport ScriptChecker::check(const QString &path, const VirshCatalogue &virsh,
                                       const Options &options)
{
    QString text;
    Diagnostics refused;
    if (!readUntrustedText(path, kMaxSize, QStringLiteral("a shell script"), &text, &refused)) {
        ScriptCheckReport report;
        report.file = path;
        report.diagnostics = refused;
        return report;
    }
    return checkText(path, text, virsh, options);
}

} // namespace vse
