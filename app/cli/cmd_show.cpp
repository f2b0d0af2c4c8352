#include "cli.h"

#include "extract/xdr/rpcitembuilder.h"
#include "index/historyapplier.h"
#include "index/itemjson.h"
#include "index/search.h"
#include "model/policy.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <optional>

namespace vse::cli {

namespace {

QString attrText(const QJsonValue &v)
{
    if (v.isString())
        return v.toString();
    if (v.isDouble())
        return QString::number(v.toDouble(), 'g', 17);
    if (v.isBool())
        return v.toBool() ? QStringLiteral("yes") : QStringLiteral("no");
    if (v.isArray()) {
        QStringList parts;
        for (const auto &e : v.toArray()) {
            if (e.isObject()) {
                const auto o = e.toObject();
                QStringList kv;
                for (auto it = o.begin(); it != o.end(); ++it)
                    kv << it.key() + QLatin1Char('=') + attrText(it.value());
                parts << QLatin1Char('{') + kv.join(QStringLiteral(", ")) + QLatin1Char('}');
            } else {
                parts << attrText(e);
            }
        }
        return parts.join(QStringLiteral(", "));
    }
    if (v.isObject())
        return QString::fromUtf8(QJsonDocument(v.toObject()).toJson(QJsonDocument::Compact));
    return {};
}

void printItem(Context &ctx, const Item &it, const QString &releaseLabel)
{
    const Policy &policy = Policy::instance();
    QTextStream &o = ctx.out;
    const auto field = [&](const char *label, const QString &value) {
        if (value.isEmpty())
            return;
        QString l = QString::fromLatin1(label).leftJustified(12);
        if (!l.endsWith(QLatin1Char(' ')))
            l += QLatin1Char(' ');
        o << "  " << l << value << '\n';
    };
    o << it.name << "  (" << kindLabel(it.kind) << ")\n";
    if (it.identity() != it.name)
        field("Identity:", it.identity());
    const TierInfo tier = policy.tier(it.tier);
    field("Tier:", tier.label + QStringLiteral(" \u2014 ") + tier.rule);
    field("Hypervisor:", it.hypervisor);
    if (const SinceRange since = it.sinceRange(); since.isKnown())
        field("Since:", since.explain());
    else
        field("Since:", QStringLiteral("unknown (no evidence in the indexed data)"));
    if (const QString removed = HistoryApplier::removalText(it.attrs); !removed.isEmpty())
        field("Removed:", removed);
    if (it.evidence.size() > 1 || it.inconsistent()) {
        o << "  Evidence:" << (it.inconsistent() ? "   sources DISAGREE:\n" : "\n");
        for (const auto &e : it.evidence)
            o << "    - " << e.describe() << '\n';
    }
    for (const auto &t : it.taints)
        field("Taint:", t + QStringLiteral(" \u2014 ") + policy.taintReason(t).meaning);
    for (const auto &trig : policy.triggersFor(it))
        field("  source:", trig.source);
    for (const auto &w : it.warnings)
        field("Warning:", w);
    field("Parent:", it.parent);
    if (!it.file.isEmpty())
        field("Defined in:", it.line > 0 ? it.file + QLatin1Char(':') + QString::number(it.line) : it.file);
    field("Release:", releaseLabel);
    field("History:", HistoryApplier::spansText(it.attrs));
    if (const QString text = it.attrs.value(QStringLiteral("acceptedAsTextIn")).toString(); !text.isEmpty())
        field("Accepted:", QStringLiteral("as plain text in %1 and before, while %2 took any value; checks for older "
                                          "targets follow %2")
                               .arg(text, it.parent));
    if (const QString from = it.attrs.value(QStringLiteral("fromHistory")).toString(); !from.isEmpty())
        field("From:", QStringLiteral("the release history's %1 (no indexed release has this item's files)").arg(from));
    QStringList drivers;
    for (const auto &d : it.attrs.value(QStringLiteral("drivers")).toArray()) {
        const QJsonObject o = d.toObject();
        QString text = o.value(QStringLiteral("driver")).toString() + QLatin1Char(' ') +
                       o.value(QStringLiteral("since")).toString();
        if (o.contains(QStringLiteral("removed")))
            text += QStringLiteral(" (removed ") + o.value(QStringLiteral("removed")).toString() + QLatin1Char(')');
        drivers << text;
    }
    if (!drivers.isEmpty())
        field("Drivers:", drivers.join(QStringLiteral(", ")));
    // A configuration option's shipped value in each release where it changed.
    QStringList shipped;
    for (const auto &step : it.attrs.value(QStringLiteral("defaults")).toArray()) {
        const QJsonArray a = step.toArray();
        shipped << a.at(0).toString() + QStringLiteral(": ") +
                       (a.at(1).isString() ? a.at(1).toString() : QStringLiteral("(not in the shipped file)"));
    }
    if (!shipped.isEmpty())
        field("Shipped:", shipped.join(QStringLiteral("; ")));
    if (const QString m = it.attrs.value(QStringLiteral("historyMessage")).toString(); !m.isEmpty())
        field("Message:", m + QStringLiteral(" (from the release history's virerror.c)"));
    for (auto a = it.attrs.begin(); a != it.attrs.end(); ++a) {
        if (a.key().startsWith(QLatin1Char('_')) || a.key() == QLatin1String("drivers") ||
            a.key() == QLatin1String("children") || a.key() == QLatin1String("latest") ||
            a.key() == QLatin1String("removedIn") || a.key() == QLatin1String("removedEvidence") ||
            HistoryApplier::ownedKeys().contains(a.key()))
            continue;
        const QString text = attrText(a.value());
        if (!text.isEmpty())
            field((a.key() + QLatin1Char(':')).toLatin1().constData(), text);
    }
    if (!it.signature.isEmpty()) {
        o << "  Definition:\n";
        for (const auto &line : it.signature.split(QLatin1Char('\n')))
            o << "    " << line << '\n';
    }
    if (!it.doc.isEmpty())
        o << "  Summary:\n    " << it.doc.simplified() << '\n';
}

} // namespace

int runShow(Context &ctx, const QStringList &args)
{
    QCommandLineParser p;
    const QCommandLineOption json(QStringLiteral("json"), QStringLiteral("Print JSON."));
    const QCommandLineOption all(QStringLiteral("all-releases"),
                                 QStringLiteral("Show the item in every indexed release, not only the newest."));
    p.addOptions({json, all});
    p.addPositionalArgument(QStringLiteral("NAME"),
                            QStringLiteral("Exact name (virConnectOpen, domain/devices/disk/driver@cache, "
                                           "REMOTE_PROC_DOMAIN_CREATE_XML) or identity (remote/1)."));
    if (int rc = parseOrExit(ctx, p, args, "show",
                             "Everything about one item: tier and its rule, since with evidence, taint, "
                             "hypervisor, where it is defined and its summary.");
        rc >= 0)
        return rc;
    if (p.positionalArguments().size() != 1) {
        ctx.err << "virt-support show: give one NAME\n";
        return Usage;
    }
    const QString name = p.positionalArguments().first();
    Store store;
    if (int rc = openIndex(ctx, store); rc != Ok)
        return rc;
    ItemList found = store.itemsByName(name);
    if (found.isEmpty())
        found = store.itemsByKey(name);
    // How the item was found when `name` is not its own name.
    QJsonObject lookup;
    if (found.isEmpty()) {
        // A former name (a renamed RPC procedure): the item under its current name, saying so.
        found = store.itemsByOtherName(name);
        if (!found.isEmpty()) {
            lookup = QJsonObject{{QStringLiteral("query"), name},
                                 {QStringLiteral("via"), QStringLiteral("former-name")}};
            if (!p.isSet(json))
                ctx.out << name << " is a former name of " << found.constLast().name << "\n\n";
        }
    }
    std::optional<SearchEngine> engine;
    if (found.isEmpty()) {
        engine.emplace();
        engine->setItems(store.summaries());
        // An API name no header declares, carried by an RPC procedure
        // (virDomainMigratePerform3Params): the procedure answers.
        for (int i : engine->proceduresCarrying(name)) {
            const ItemSummary &proc = engine->items().at(i);
            const QString program =
                proc.name.left(proc.name.indexOf(QLatin1String("_PROC_"))).toLower();
            const Item item = store.item(proc.id);
            const QString apiKind = rpcApiKind(program, proc.name);
            if (!p.isSet(json))
                ctx.out << name
                        << (apiKind == QLatin1String("internal")
                                ? " is not a public API: it is an internal API"
                                : " is not in the indexed API: it is the API")
                        << " carried by " << item.name << " (" << item.identity() << ")\n\n";
            lookup = QJsonObject{{QStringLiteral("query"), name},
                                 {QStringLiteral("via"), QStringLiteral("carried-api")},
                                 {QStringLiteral("apiKind"), apiKind}};
            found.append(item);
        }
    }
    if (found.isEmpty()) {
        ctx.err << "virt-support show: no match for '" << name << "'";
        const auto hits = engine->nearest(name, SearchQuery(), 5);
        if (!hits.isEmpty()) {
            ctx.err << "; nearest names:\n";
            for (const auto &h : hits)
                ctx.err << "  " << engine->items().at(h.index).name << '\n';
        } else {
            ctx.err << '\n';
        }
        return NotFound;
    }
    QHash<qint64, QString> releaseLabel;
    for (const auto &r : store.releases())
        releaseLabel.insert(r.id, r.version.toString() + QStringLiteral(" (") + r.sourcePath + QLatin1Char(')'));
    if (const auto h = store.historyRelease())
        releaseLabel.insert(h->id, QStringLiteral("release history (") + h->versionEvidence + QLatin1Char(')'));
    // Without --all-releases: per kind, the item of the newest release that has it.
    ItemList shown;
    if (p.isSet(all)) {
        shown = found;
    } else {
        QHash<int, Item> latest;
        for (const auto &it : std::as_const(found))
            latest.insert(int(it.kind), it); // found is ordered by release
        for (auto it : std::as_const(latest)) {
            // Package sets ship no .x files: an API's newest row may lack the
            // RPC procedures an older source-tree release linked; show those,
            // saying which release they come from.
            if (!it.attrs.contains(QStringLiteral("procedures"))) {
                for (auto older = found.crbegin(); older != found.crend(); ++older) {
                    if (older->kind == it.kind && older->attrs.contains(QStringLiteral("procedures"))) {
                        const QString from = releaseLabel.value(
                            older->attrs.value(QStringLiteral("_release")).toString().toLongLong());
                        it.attrs.insert(QStringLiteral("procedures"), older->attrs.value(QStringLiteral("procedures")));
                        it.attrs.insert(QStringLiteral("proceduresFrom"), from);
                        break;
                    }
                }
            }
            shown.append(it);
        }
    }
    if (p.isSet(json)) {
        QJsonArray a;
        for (const auto &it : std::as_const(shown)) {
            QJsonObject o = itemToJson(it);
            o.insert(QStringLiteral("release"), releaseLabel.value(it.attrs.value(QStringLiteral("_release")).toString().toLongLong()));
            if (!lookup.isEmpty())
                o.insert(QStringLiteral("lookup"), lookup);
            a.append(o);
        }
        ctx.out << QJsonDocument(shown.size() == 1 ? QJsonDocument(a.first().toObject()) : QJsonDocument(a))
                       .toJson(QJsonDocument::Indented);
        return Ok;
    }
    for (qsizetype i = 0; i < shown.size(); ++i) {
        if (i)
            ctx.out << '\n';
        const Item &it = shown.at(i);
        printItem(ctx, it, releaseLabel.value(it.attrs.value(QStringLiteral("_release")).toString().toLongLong()));
    }
    return Ok;
}

} // namespace vse::cli
