#include "cli.h"

#include "extract/xdr/rpcitembuilder.h"
#include "index/itemjson.h"
#include "model/policy.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <algorithm>

namespace vse::cli {

namespace {

// Where the listed procedures come from: an indexed source tree, or the
// shipped history's entry for a release (package sets ship no .x files).
struct ProtocolSource {
    QString version;  // the release whose procedures are listed
    QString origin;   // "index" or "history"
    QString path;     // the indexed tree (index only)
    QString nearestTo; // history: the indexed release it stands in for, when different
    ItemList items;

    QString label() const
    {
        if (origin == QLatin1String("index"))
            return version + QStringLiteral(" (") + path + QLatin1Char(')');
        QString s = version + QStringLiteral(" (release history: the indexed releases have no protocol files");
        if (!nearestTo.isEmpty())
            s += QStringLiteral("; nearest release with protocol data to ") + nearestTo;
        return s + QLatin1Char(')');
    }

    void describe(QJsonObject &o) const
    {
        o.insert(QStringLiteral("release"), version);
        o.insert(QStringLiteral("source"), origin);
        if (!path.isEmpty())
            o.insert(QStringLiteral("path"), path);
        if (!nearestTo.isEmpty())
            o.insert(QStringLiteral("nearestTo"), nearestTo);
    }
};

// RPC items come from source trees only (installed packages ship no .x
// files); use the newest release that has any.
ProtocolSource rpcItemsOfNewest(const Store &store)
{
    ProtocolSource src;
    const auto releases = store.releases();
    for (auto r = releases.crbegin(); r != releases.crend(); ++r) {
        for (Item &it : store.releaseItems(r->id))
            if (it.kind == ItemKind::RpcProgram || it.kind == ItemKind::RpcProcedure)
                src.items.append(std::move(it));
        if (!src.items.isEmpty()) {
            src.version = r->version.toString();
            src.origin = QStringLiteral("index");
            src.path = r->sourcePath;
            return src;
        }
    }
    // No indexed release has .x files (package sets ship none): the shipped
    // history's nearest release with protocol data, said so.
    if (const auto history = store.historyRelease()) {
        for (Item &it : store.releaseItems(history->id)) {
            // Rows of procedures added after that release (the history's
            // rows of what is newer than the indexed one) are not its.
            if ((it.kind == ItemKind::RpcProgram || it.kind == ItemKind::RpcProcedure) &&
                !it.attrs.value(QStringLiteral("fromHistory")).toString().isEmpty() &&
                !it.attrs.contains(QStringLiteral("removedIn")) && it.newerThanIndexed().isEmpty()) {
                src.version = it.attrs.value(QStringLiteral("fromHistory")).toString();
                src.items.append(std::move(it));
            }
        }
        if (!src.items.isEmpty()) {
            src.origin = QStringLiteral("history");
            const auto indexed = store.releases();
            if (!indexed.isEmpty() && indexed.constLast().version.toString() != src.version)
                src.nearestTo = indexed.constLast().version.toString();
        }
    }
    return src;
}

QString str(const Item &it, const char *key)
{
    const QJsonValue v = it.attrs.value(QLatin1String(key));
    if (v.isUndefined() && qstrcmp(key, "apiKind") == 0 && it.kind == ItemKind::RpcProcedure)
        return rpcApiKind(it.attrs.value(QLatin1String("program")).toString(),
                          it.name); // history rows carry none
    return v.isDouble() ? QString::number(v.toInteger()) : v.toString();
}

// The program's procedureCount, or (history rows carry none) its procedures counted.
qint64 procedureCount(const ItemList &items, const Item &program)
{
    if (program.attrs.contains(QLatin1String("procedureCount")))
        return program.attrs.value(QLatin1String("procedureCount")).toInteger();
    return std::count_if(items.cbegin(), items.cend(), [&](const Item &it) {
        return it.kind == ItemKind::RpcProcedure && str(it, "program") == program.name;
    });
}

} // namespace

int runProtocol(Context &ctx, const QStringList &args)
{
    QCommandLineParser p;
    const QCommandLineOption json(QStringLiteral("json"), QStringLiteral("Print JSON."));
    p.addOption(json);
    p.addPositionalArgument(QStringLiteral("PROGRAM"),
                            QStringLiteral("remote, qemu, lxc, admin, virtlockd, virtlogd, ... (omit to list programs)"));
    if (int rc = parseOrExit(ctx, p, args, "protocol",
                             "List the RPC programs, or one program's procedures in number order with their API, "
                             "ACL and priority. From the .x files of an indexed source tree, else from the shipped "
                             "release history's entry for the newest indexed release (the first line says which).");
        rc >= 0)
        return rc;
    if (p.positionalArguments().size() > 1) {
        ctx.err << "virt-support protocol: give at most one PROGRAM\n";
        return Usage;
    }
    Store store;
    if (int rc = openIndex(ctx, store); rc != Ok)
        return rc;
    const ProtocolSource source = rpcItemsOfNewest(store);
    const ItemList &items = source.items;
    const QString release = source.label();
    if (items.isEmpty()) {
        ctx.err << "virt-support protocol: no protocol files indexed; add a libvirt source tree with "
                   "'virt-support index --source /path/to/libvirt --source /'\n";
        return NotFound;
    }
    const Policy &policy = Policy::instance();
    if (p.positionalArguments().isEmpty()) {
        QJsonArray a;
        for (const auto &it : items) {
            if (it.kind != ItemKind::RpcProgram)
                continue;
            if (p.isSet(json)) {
                a.append(QJsonObject{{QStringLiteral("program"), it.name},
                                     {QStringLiteral("tier"), it.tier},
                                     {QStringLiteral("procedures"), procedureCount(items, it)},
                                     {QStringLiteral("file"), it.file}});
                continue;
            }
            ctx.out << it.name.leftJustified(14) << ' '
                    << policy.tier(it.tier).label.leftJustified(44) << ' '
                    << QString::number(procedureCount(items, it)).rightJustified(4)
                    << " procedures  " << it.file << '\n';
        }
        if (p.isSet(json)) {
            QJsonObject o;
            source.describe(o);
            o.insert(QStringLiteral("programs"), a);
            ctx.out << QJsonDocument(o).toJson(QJsonDocument::Indented);
        } else
            ctx.out << "(release " << release << ")\n";
        return Ok;
    }
    // Daemon names and spellings people use for the programs they serve.
    static const QHash<QString, QString> aliases{
        {QStringLiteral("virtlockd"), QStringLiteral("lock")},
        {QStringLiteral("virtlogd"), QStringLiteral("log")},
        {QStringLiteral("lxc_monitor"), QStringLiteral("lxc-monitor")},
    };
    QString program = p.positionalArguments().first().toLower();
    for (const char *suffix : {"_protocol.x", "_protocol"})
        if (program.endsWith(QLatin1String(suffix)))
            program.chop(qsizetype(qstrlen(suffix)));
    program = aliases.value(program, program);
    ItemList procs;
    for (const auto &it : items)
        if (it.kind == ItemKind::RpcProcedure && str(it, "program") == program)
            procs.append(it);
    if (procs.isEmpty()) {
        QStringList known;
        for (const auto &it : items)
            if (it.kind == ItemKind::RpcProgram)
                known << it.name;
        ctx.err << "virt-support protocol: no program '" << p.positionalArguments().first()
                << "' in release " << release << "; programs: " << known.join(QStringLiteral(", "))
                << " (daemons: virtlockd = lock, virtlogd = log)\n";
        return NotFound;
    }
    std::sort(procs.begin(), procs.end(), [](const Item &a, const Item &b) {
        return a.attrs.value(QLatin1String("number")).toInteger() < b.attrs.value(QLatin1String("number")).toInteger();
    });
    if (p.isSet(json)) {
        QJsonArray a;
        for (const auto &it : procs) {
            QJsonObject o{{QStringLiteral("number"), it.attrs.value(QLatin1String("number"))},
                          {QStringLiteral("name"), it.name},
                          {QStringLiteral("key"), it.identity()},
                          {QStringLiteral("tier"), it.tier},
                          {QStringLiteral("apiKind"), str(it, "apiKind")},
                          {QStringLiteral("acl"), it.attrs.value(QLatin1String("acl"))}};
            if (!str(it, "api").isEmpty())
                o.insert(QStringLiteral("api"), str(it, "api"));
            if (!str(it, "priority").isEmpty())
                o.insert(QStringLiteral("priority"), str(it, "priority"));
            insertSince(o, it.sinceRange());
            a.append(o);
        }
        QJsonObject o{{QStringLiteral("program"), program},
                      {QStringLiteral("tier"), procs.first().tier},
                      {QStringLiteral("procedureCount"), qint64(procs.size())}};
        source.describe(o);
        o.insert(QStringLiteral("procedures"), a);
        ctx.out << QJsonDocument(o).toJson(QJsonDocument::Indented);
        return Ok;
    }
    ctx.out << "Program " << program << " in release " << release << ": " << procs.size() << " procedures, tier "
            << policy.tier(procs.first().tier).label << "\n";
    for (const auto &it : procs) {
        QStringList acl;
        for (const auto &v : it.attrs.value(QLatin1String("acl")).toArray())
            acl << v.toString();
        const QString api = str(it, "api").isEmpty() ? QLatin1Char('(') + str(it, "apiKind") + QLatin1Char(')')
                                                     : str(it, "api");
        const SinceRange since = it.sinceRange();
        ctx.out << str(it, "number").rightJustified(4) << "  " << it.name.leftJustified(52) << ' '
                << api.leftJustified(40) << ' ' << (since.isKnown() ? since.toString() : QStringLiteral("?")).leftJustified(22)
                << ' ' << acl.join(QLatin1Char(' ')) << '\n';
    }
    return Ok;
}

} // namespace vse::cli
