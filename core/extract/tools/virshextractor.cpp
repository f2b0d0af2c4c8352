#include "virshextractor.h"

#include "csource.h"
#include "io/confinedfile.h"
#include "io/dirlisting.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QRegularExpression>

namespace vse {

namespace {

constexpr qint64 kMaxVirshFile = 8 * 1024 * 1024;

struct Field
{
    QHash<QString, QString> named; // ".name" -> value text
    QStringList positional;
};

// `{ .name = "x", .type = VSH_OT_BOOL }` or `{"x", VSH_OT_BOOL, 0, N_("..")}`.
Field parseInitializer(const QString &element)
{
    Field f;
    QString inner = element.trimmed();
    if (inner.startsWith(QLatin1Char('{')) && inner.endsWith(QLatin1Char('}')))
        inner = inner.mid(1, inner.size() - 2);
    for (const CSource::Element &e : CSource::splitTopLevel(inner)) {
        if (e.text.startsWith(QLatin1Char('.'))) {
            const qsizetype eq = e.text.indexOf(QLatin1Char('='));
            if (eq > 0)
                f.named.insert(e.text.mid(1, eq - 1).trimmed(), e.text.mid(eq + 1).trimmed());
        } else {
            f.positional << e.text;
        }
    }
    return f;
}

QString fieldAt(const Field &f, const char *name, int position)
{
    const auto it = f.named.constFind(QLatin1String(name));
    if (it != f.named.cend())
        return *it;
    return position >= 0 && position < f.positional.size() ? f.positional.at(position) : QString();
}

bool isNull(const QString &v)
{
    return v.isEmpty() || v == QLatin1String("NULL") || v == QLatin1String("0");
}

QString typeId(const QString &t)
{
    static const QHash<QString, QString> map{
        {QStringLiteral("VSH_OT_BOOL"), QStringLiteral("bool")},
        {QStringLiteral("VSH_OT_STRING"), QStringLiteral("string")},
        {QStringLiteral("VSH_OT_INT"), QStringLiteral("number")},
        {QStringLiteral("VSH_OT_DATA"), QStringLiteral("data")},
        {QStringLiteral("VSH_OT_ARGV"), QStringLiteral("argv")},
        {QStringLiteral("VSH_OT_ALIAS"), QStringLiteral("alias")},
    };
    // 9.0.0's VIRSH_COMMON_OPT_FILE picks the type with its macro argument:
    // `.type = true ? VSH_OT_DATA : VSH_OT_STRING` after expansion.
    static const QRegularExpression choice(QStringLiteral(
        "^\\s*\\(?\\s*(true|false|1|0)\\s*\\)?\\s*\\?\\s*(\\w+)\\s*:\\s*(\\w+)\\s*$"));
    if (const auto m = choice.match(t); m.hasMatch()) {
        const bool yes =
            m.captured(1) == QLatin1String("true") || m.captured(1) == QLatin1String("1");
        return map.value(m.captured(yes ? 2 : 3), QStringLiteral("unknown"));
    }
    return map.value(t.trimmed(), QStringLiteral("unknown"));
}

struct ParsedFile
{
    CSource src;
    QString rel;
};

// An initializer `TYPE NAME[] = { ... };` or `TYPE NAME = { ... };` of one of
// the given types, by name.
struct Table
{
    QString body;
    int offset = 0;
    int file = 0;
};

QHash<QString, Table> findTables(const QList<ParsedFile> &files, const QString &type)
{
    QHash<QString, Table> out;
    const QRegularExpression re(
        QStringLiteral("\\b%1\\s+([A-Za-z_]\\w*)\\s*(\\[\\s*\\])?\\s*=\\s*\\{").arg(type));
    for (int fi = 0; fi < files.size(); ++fi) {
        const QString &code = files.at(fi).src.code();
        auto it = re.globalMatch(code);
        while (it.hasNext()) {
            const auto m = it.next();
            const int open = int(m.capturedEnd(0)) - 1;
            const int close = CSource::matchBrace(code, open);
            if (close < 0)
                continue;
            out.insert(m.captured(1), {code.mid(open + 1, close - open - 2), open + 1, fi});
        }
    }
    return out;
}

// Elements of a table with macro entries expanded; each keeps the offset of
// the text it came from.
QList<CSource::Element> tableElements(const Table &t, const QHash<QString, CSource::Macro> &macros)
{
    QList<CSource::Element> out;
    for (const CSource::Element &e : CSource::splitTopLevel(t.body, t.offset)) {
        if (e.text.startsWith(QLatin1Char('{'))) {
            out << e;
            continue;
        }
        for (const CSource::Element &x : CSource::splitTopLevel(CSource::expand(e.text, macros)))
            out.append({x.text, e.offset});
    }
    return out;
}

// The one-line help of a command: `info_x[] = {{"help", N_("..")}, ...}`,
// `{.name = "help", .data = N_("..")}` or `info_x = {.help = N_("..")}`.
QString infoHelp(const Table &t)
{
    const Field whole = parseInitializer(QLatin1Char('{') + t.body + QLatin1Char('}'));
    if (whole.named.contains(QStringLiteral("help")))
        return CSource::stringValue(whole.named.value(QStringLiteral("help")));
    for (const CSource::Element &e : CSource::splitTopLevel(t.body)) {
        const Field f = parseInitializer(e.text);
        if (CSource::stringValue(fieldAt(f, "name", 0)) == QLatin1String("help"))
            return CSource::stringValue(fieldAt(f, "data", 1));
    }
    return {};
}

// How the handler prints: a vshTable is compound output by construction.
QString outputKind(const QString &command, const QString &handlerBody)
{
    if (handlerBody.contains(QLatin1String("vshTableNew")) ||
        command.endsWith(QLatin1String("list")))
        return QStringLiteral("compound");
    if (command.endsWith(QLatin1String("dumpxml")))
        return QStringLiteral("single");
    return {};
}

QString handlerBody(const ParsedFile &f, const QString &handler)
{
    if (handler.isEmpty())
        return {};
    const QRegularExpression re(QStringLiteral("\\bbool\\s+%1\\s*\\([^)]*\\)\\s*\\{")
                                    .arg(QRegularExpression::escape(handler)));
    const auto m = re.match(f.src.code());
    if (!m.hasMatch())
        return {};
    const int open = int(m.capturedEnd(0)) - 1;
    const int close = CSource::matchBrace(f.src.code(), open);
    return close < 0 ? QString() : f.src.code().mid(open, close - open);
}

} // namespace

QStringList VirshExtractor::inputFiles(const QString &root)
{
    QStringList out;
    // DirListing: noted for the index freshness stamp (io/fswatch.h).
    const QString tools = root + QStringLiteral("/tools");
    for (const QString &p : DirListing::entries(tools,
                                                {QStringLiteral("virsh*.c"), QStringLiteral("virsh*.h"),
                                                 QStringLiteral("vsh.c"), QStringLiteral("vsh.h"),
                                                 QStringLiteral("vsh-*.c"), QStringLiteral("vsh-*.h")},
                                                DirListing::Type::Files))
        if (!QStringView(p).mid(tools.size()).contains(QLatin1String("completer")))
            out << p;
    return out;
}

ExtractResult VirshExtractor::extractTree(const QString &root)
{
    ExtractResult r;
    if (!QFileInfo::exists(root + QStringLiteral("/tools/virsh.c")))
        return r;
    QList<SourceText> sources;
    // Inside the tree after symlinks, regular files only, bounded.
    const SourceRoot confined(root);
    for (const QString &path : inputFiles(root)) {
        QByteArray data;
        if (!confined.read(path, &data, &r.diagnostics))
            continue;
        if (data.size() > kMaxVirshFile) {
            r.diagnostics << Diagnostic::error(
                path, 0, QStringLiteral("larger than %1 bytes").arg(kMaxVirshFile));
            continue;
        }
        sources.append({path, QString::fromUtf8(data)});
    }
    ExtractResult parsed = parseSources(sources);
    parsed.diagnostics = r.diagnostics + parsed.diagnostics;
    return parsed;
}

ExtractResult VirshExtractor::parseSources(const QList<SourceText> &sources)
{
    ExtractResult r;
    QList<ParsedFile> files;
    QHash<QString, CSource::Macro> macros;
    QString virshC;
    for (const SourceText &in : sources) {
        CSource src(in.path, in.text);
        if (in.path.endsWith(QLatin1String(".h")))
            for (auto it = src.macros().cbegin(); it != src.macros().cend(); ++it)
                macros.insert(it.key(), it.value());
        if (in.path.endsWith(QLatin1String("/virsh.c")) || in.path == QLatin1String("virsh.c"))
            virshC = in.path;
        files.append({std::move(src), QStringLiteral("tools/") + QFileInfo(in.path).fileName()});
    }
    // A .c file's own macros come on top of the headers' (virsh-pool.c and
    // virsh-volume.c each define VIRSH_COMMON_OPT_POOL_FULL their own way).
    QList<QHash<QString, CSource::Macro>> macrosOf;
    for (const ParsedFile &pf : std::as_const(files)) {
        QHash<QString, CSource::Macro> m = macros;
        for (auto it = pf.src.macros().cbegin(); it != pf.src.macros().cend(); ++it)
            m.insert(it.key(), it.value());
        macrosOf.append(std::move(m));
    }
    const QHash<QString, Table> optTables = findTables(files, QStringLiteral("vshCmdOptDef"));
    const QHash<QString, Table> infos = findTables(files, QStringLiteral("vshCmdInfo"));
    const QHash<QString, Table> cmdTables = findTables(files, QStringLiteral("vshCmdDef"));

    QStringList tableNames = cmdTables.keys();
    tableNames.sort();
    QHash<QString, QString> primaryByHandler; // for positional alias entries (VSH_CMD_FLAG_ALIAS)
    struct Pending
    {
        Field f;
        int file;
        int offset;
    };
    QList<Pending> entries;
    // Entries that stay a macro name: defined in a file this tree lacks (the
    // generic commands of tools/vsh.h, in a trimmed history).
    struct Unresolved
    {
        QString macro;
        int file;
        int offset;
    };
    QList<Unresolved> unresolved;
    static const QRegularExpression commandMacro(QStringLiteral("^VSH_CMD_([A-Z][A-Z0-9_]*)$"));
    for (const QString &tn : std::as_const(tableNames)) {
        const Table &t = cmdTables.value(tn);
        for (const CSource::Element &e : tableElements(t, macrosOf.at(t.file))) {
            if (commandMacro.match(e.text.trimmed()).hasMatch()) {
                unresolved.append({e.text.trimmed(), t.file, e.offset});
                continue;
            }
            const Field f = parseInitializer(e.text);
            const QString name = CSource::stringValue(fieldAt(f, "name", 0));
            if (name.isEmpty())
                continue; // the {NULL} terminator
            const bool alias =
                fieldAt(f, "flags", 4).contains(QLatin1String("VSH_CMD_FLAG_ALIAS")) ||
                f.named.contains(QStringLiteral("alias"));
            if (!alias)
                primaryByHandler.insert(fieldAt(f, "handler", 1).trimmed(), name);
            entries.append({f, t.file, e.offset});
        }
    }
    QSet<QString> seen;
    for (const Pending &p : std::as_const(entries)) {
        const ParsedFile &pf = files.at(p.file);
        const Field &f = p.f;
        Item cmd;
        cmd.kind = ItemKind::VirshCommand;
        cmd.name = CSource::stringValue(fieldAt(f, "name", 0));
        if (seen.contains(cmd.name))
            continue;
        seen.insert(cmd.name);
        cmd.origin = QStringLiteral("virsh");
        cmd.file = pf.src.file();
        cmd.line = pf.src.lineAt(p.offset);
        const QString flags = fieldAt(f, "flags", 4);
        const QString handler = fieldAt(f, "handler", 1).trimmed();
        if (f.named.contains(QStringLiteral("alias")) ||
            flags.contains(QLatin1String("VSH_CMD_FLAG_ALIAS"))) {
            const QString target =
                f.named.contains(QStringLiteral("alias"))
                    ? CSource::stringValue(f.named.value(QStringLiteral("alias")))
                    : primaryByHandler.value(handler);
            cmd.attrs.insert(QStringLiteral("aliasOf"), target);
            cmd.signature = cmd.name;
            r.items.append(std::move(cmd));
            continue;
        }
        if (flags.contains(QLatin1String("VSH_CMD_FLAG_HIDDEN")))
            cmd.attrs.insert(QStringLiteral("hidden"), true);
        QString infoName = fieldAt(f, "info", 3).trimmed();
        if (infoName.startsWith(QLatin1Char('&')))
            infoName = infoName.mid(1).trimmed();
        if (infos.contains(infoName))
            cmd.doc = infoHelp(infos.value(infoName));
        const QString body = handlerBody(pf, handler);
        const QString output = outputKind(cmd.name, body);
        // A command that calls the QEMU or LXC library (qemu-monitor-command,
        // lxc-enter-namespace) is as hypervisor-specific as what it calls,
        // options included, and taints as that does (Policy::apply).
        static const QRegularExpression hvCall(
            QStringLiteral("\\b(vir(?:Connect)?Domain(Qemu|Lxc)\\w*)\\s*\\("));
        QStringList calls;
        QString hypervisor;
        for (auto it = hvCall.globalMatch(body); it.hasNext();) {
            const auto m = it.next();
            if (!calls.contains(m.captured(1)))
                calls << m.captured(1);
            hypervisor = m.captured(2).toLower();
        }
        if (!calls.isEmpty()) {
            calls.sort();
            cmd.origin = QStringLiteral("virsh:") + hypervisor;
            cmd.attrs.insert(QStringLiteral("calls"), QJsonArray::fromStringList(calls));
        }
        const QString optName = fieldAt(f, "opts", 2).trimmed();
        QStringList synopsis{cmd.name};
        int optionCount = 0;
        bool hasNameOption = false;
        if (!isNull(optName) && optTables.contains(optName)) {
            const Table &ot = optTables.value(optName);
            const ParsedFile &of = files.at(ot.file);
            for (const CSource::Element &oe : tableElements(ot, macrosOf.at(ot.file))) {
                const Field o = parseInitializer(oe.text);
                const QString oname = CSource::stringValue(fieldAt(o, "name", 0));
                if (oname.isEmpty())
                    continue;
                Item opt;
                opt.kind = ItemKind::VirshOption;
                opt.name = cmd.name + QStringLiteral(" --") + oname;
                opt.parent = cmd.name;
                opt.origin = cmd.origin;
                opt.file = of.src.file();
                opt.line = of.src.lineAt(oe.offset);
                const QString type = typeId(fieldAt(o, "type", 1));
                const QString oflags = fieldAt(o, "flags", 2);
                const QString help = CSource::stringValue(fieldAt(o, "help", 3));
                const bool required = oflags.contains(QLatin1String("VSH_OFLAG_REQ")) ||
                                      fieldAt(o, "required", -1) == QLatin1String("true");
                // DATA and ARGV are positional by definition; newer tables say so explicitly.
                const bool positional = type == QLatin1String("data") ||
                                        type == QLatin1String("argv") ||
                                        fieldAt(o, "positional", -1) == QLatin1String("true");
                opt.attrs.insert(QStringLiteral("type"), type);
                if (type == QLatin1String("alias")) {
                    opt.attrs.insert(QStringLiteral("aliasOf"), help);
                } else {
                    opt.doc = help;
                    opt.attrs.insert(QStringLiteral("required"), required);
                    opt.attrs.insert(QStringLiteral("positional"), positional);
                    const QString word =
                        type == QLatin1String("bool") ? QString(QStringLiteral("--") + oname)
                        : positional ? QStringLiteral("[--%1] <%2>").arg(oname, oname)
                                     : QStringLiteral("--%1 <%2>").arg(oname, type);
                    synopsis << (required ? word
                                          : QString(QLatin1Char('[') + word + QLatin1Char(']')));
                }
                opt.signature = opt.name;
                if (oname == QLatin1String("name"))
                    hasNameOption = true;
                ++optionCount;
                r.items.append(std::move(opt));
            }
        }
        if (!output.isEmpty())
            cmd.attrs.insert(QStringLiteral("output"), output);
        // The policy keeps the command, not the layout of what it prints.
        if (output == QLatin1String("compound") && cmd.origin == QLatin1String("virsh"))
            cmd.origin = QStringLiteral("virsh:compound-output");
        // The stable way to get names out of a listing command.
        if (output == QLatin1String("compound") && hasNameOption)
            cmd.attrs.insert(QStringLiteral("stableAlternative"), QStringLiteral("--name"));
        cmd.attrs.insert(QStringLiteral("options"), optionCount);
        cmd.signature = synopsis.join(QLatin1Char(' '));
        r.items.append(std::move(cmd));
    }
    // The command is there (its table lists it) under the name libvirt gives
    // such a macro (VSH_CMD_SELF_TEST is "self-test"), but its options are
    // not known: marked, so a release history does not take their absence
    // for a removal.
    for (const Unresolved &u : std::as_const(unresolved)) {
        const ParsedFile &pf = files.at(u.file);
        const QString name = u.macro.mid(8).toLower().replace(QLatin1Char('_'), QLatin1Char('-'));
        if (seen.contains(name))
            continue;
        seen.insert(name);
        Item cmd;
        cmd.kind = ItemKind::VirshCommand;
        cmd.name = name;
        cmd.signature = name;
        cmd.origin = QStringLiteral("virsh");
        cmd.file = pf.src.file();
        cmd.line = pf.src.lineAt(u.offset);
        cmd.attrs.insert(QStringLiteral("optionsUnknown"), true);
        r.diagnostics << Diagnostic::warning(
            cmd.file, cmd.line,
            QStringLiteral("%1 is defined in a file this tree lacks: command '%2' recorded by its name, "
                           "its options unknown")
                .arg(u.macro, name));
        r.items.append(std::move(cmd));
    }
    if (r.items.isEmpty())
        r.diagnostics << Diagnostic::error(
            virshC.isEmpty() ? QStringLiteral("tools/virsh.c") : virshC, 0,
            QStringLiteral("no virsh command table (vshCmdDef) found"));
    return r;
}

} // namespace vse
