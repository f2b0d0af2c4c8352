#include "cli.h"


#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMap>

namespace vse::cli {

int runStats(Context &ctx, const QStringList &args)
{
    QCommandLineParser p;
    const QCommandLineOption json(QStringLiteral("json"), QStringLiteral("Print JSON."));
    p.addOption(json);
    if (int rc = parseOrExit(ctx, p, args, "stats", "What the index holds: releases, and items per kind and tier.");
        rc >= 0)
        return rc;
    Store store;
    if (int rc = openIndex(ctx, store); rc != Ok)
        return rc;
    const auto releases = store.releases();
    // Counted by SQL: no item is loaded.
    const Store::Counts counts = store.counts();
    QMap<qint64, QMap<QString, int>> perKind, perTier;
    for (auto it = counts.perKind.cbegin(); it != counts.perKind.cend(); ++it)
        for (auto k = it->cbegin(); k != it->cend(); ++k)
            perKind[it.key()][k.key()] = k.value();
    for (auto it = counts.perTier.cbegin(); it != counts.perTier.cend(); ++it)
        for (auto k = it->cbegin(); k != it->cend(); ++k)
            perTier[it.key()][k.key()] = k.value();
    const int tainted = counts.tainted, inconsistent = counts.inconsistent,
              noSince = counts.noSince, exact = counts.exact, ranged = counts.ranged,
              upperOnly = counts.upperOnly, items = counts.items;
    if (p.isSet(json)) {
        QJsonArray rels;
        for (const auto &r : releases) {
            QJsonObject kinds, tiers;
            for (auto it = perKind[r.id].cbegin(); it != perKind[r.id].cend(); ++it)
                kinds.insert(it.key(), it.value());
            for (auto it = perTier[r.id].cbegin(); it != perTier[r.id].cend(); ++it)
                tiers.insert(it.key(), it.value());
            rels.append(QJsonObject{{QStringLiteral("version"), r.version.toString()},
                                    {QStringLiteral("versionEvidence"), r.versionEvidence},
                                    {QStringLiteral("source"), r.sourcePath},
                                    {QStringLiteral("sourceKind"), r.sourceKind},
                                    {QStringLiteral("items"), r.itemCount},
                                    {QStringLiteral("kinds"), kinds},
                                    {QStringLiteral("tiers"), tiers}});
        }
        QJsonObject history;
        if (const auto h = store.historyRelease()) {
            QJsonObject kinds;
            for (auto it = perKind[h->id].cbegin(); it != perKind[h->id].cend(); ++it)
                kinds.insert(it.key(), it.value());
            history = {{QStringLiteral("items"), h->itemCount},
                       {QStringLiteral("covers"), h->versionEvidence},
                       {QStringLiteral("kinds"), kinds}};
        }
        // The meta string "42/51 not-used", structured; absent when nothing was compared.
        QJsonObject docsSince;
        if (const QString docs = store.meta(QStringLiteral("docsSinceAgreement")); !docs.isEmpty()) {
            const QString counts = docs.section(QLatin1Char(' '), 0, 0);
            const int agree = counts.section(QLatin1Char('/'), 0, 0).toInt();
            const int compared = counts.section(QLatin1Char('/'), 1, 1).toInt();
            if (compared > 0)
                docsSince = {{QStringLiteral("agree"), agree},
                             {QStringLiteral("compared"), compared},
                             {QStringLiteral("used"), docs.section(QLatin1Char(' '), 1) == QLatin1String("used")}};
        }
        ctx.out << QJsonDocument(QJsonObject{{QStringLiteral("index"), ctx.indexPath},
                                             {QStringLiteral("docsSince"),
                                              docsSince.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(docsSince)},
                                             {QStringLiteral("history"), history},
                                             {QStringLiteral("items"), items},
                                             {QStringLiteral("tainting"), tainted},
                                             {QStringLiteral("inconsistent"), inconsistent},
                                             {QStringLiteral("withoutSince"), noSince},
                                             {QStringLiteral("sinceExact"), exact},
                                             {QStringLiteral("docsSinceAgreement"),
                                              store.meta(QStringLiteral("docsSinceAgreement"))},
                                             {QStringLiteral("sinceRanged"), ranged},
                                             {QStringLiteral("sinceUpperBoundOnly"), upperOnly},
                                             {QStringLiteral("releases"), rels}})
                       .toJson(QJsonDocument::Indented);
        return Ok;
    }
    ctx.out << "Index: " << ctx.indexPath << "\n"
            << "Items: " << items << " (" << tainted << " tainting, " << inconsistent
            << " with disagreeing evidence, " << noSince << " without a known since)\n"
            << "Since (one per item): " << exact << " exact, " << ranged
            << " ranges (after < since \u2264 upTo), " << upperOnly << " upper bound only\n";
    // "0/0": no documentation read (no libvirt-doc), nothing to say.
    if (const QString docs = store.meta(QStringLiteral("docsSinceAgreement"));
        !docs.isEmpty() && !docs.startsWith(QLatin1String("0/0"))) {
        const QStringList parts = docs.split(QLatin1Char(' '));
        ctx.out << "Documentation 'Since' notes agree with the release history for " << parts.value(0)
                << " XML items; " << (parts.value(1) == QLatin1String("used") ? "used to date items"
                                                                             : "below 95 %: kept as evidence, not used to date items")
                << "\n";
    }
    if (const auto h = store.historyRelease())
        ctx.out << "History rows: " << h->itemCount << " (" << h->versionEvidence
                << "; items removed before the indexed releases or added after them, and data they lack: RPC, virsh, configuration, "
                   "C declarations without libvirt-dev)\n";
    for (const auto &r : releases) {
        ctx.out << "\nRelease " << r.version.toString() << " [" << r.sourceKind << " " << r.sourcePath
                << "; version from " << r.versionEvidence << "]: " << r.itemCount << " items\n";
        for (auto it = perKind[r.id].cbegin(); it != perKind[r.id].cend(); ++it)
            ctx.out << "  " << it.key().leftJustified(16) << it.value() << '\n';
        ctx.out << "  by tier:\n";
        for (auto it = perTier[r.id].cbegin(); it != perTier[r.id].cend(); ++it)
            ctx.out << "  " << it.key().leftJustified(22) << it.value() << '\n';
    }
    return Ok;
}

} // namespace vse::cli
