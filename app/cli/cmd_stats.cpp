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
    QMap<qint64, QMap<QString, int>> perKind, perTier;
    int tainted = 0, inconsistent = 0, noSince = 0, exact = 0, ranged = 0, upperOnly = 0;
    const auto summaries = store.summaries();
    for (const auto &s : summaries) {
        perKind[s.releaseId][kindId(s.kind)]++;
        perTier[s.releaseId][s.tier]++;
        tainted += s.tainted;
        inconsistent += s.inconsistent;
        if (!s.latest)
            continue; // one count per item, not per release row
        noSince += !s.sinceUpTo.isValid();
        exact += s.sinceExact;
        ranged += !s.sinceExact && s.sinceAfter.isValid();
        upperOnly += !s.sinceExact && !s.sinceAfter.isValid() && s.sinceUpTo.isValid();
    }
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
        ctx.out << QJsonDocument(QJsonObject{{QStringLiteral("index"), ctx.indexPath},
                                             {QStringLiteral("history"), history},
                                             {QStringLiteral("items"), int(summaries.size())},
                                             {QStringLiteral("tainting"), tainted},
                                             {QStringLiteral("inconsistent"), inconsistent},
                                             {QStringLiteral("withoutSince"), noSince},
                                             {QStringLiteral("sinceExact"), exact},
                                             {QStringLiteral("docsSinceAgreement"), store.meta(QStringLiteral("docsSinceAgreement"))},
                                             {QStringLiteral("sinceRanged"), ranged},
                                             {QStringLiteral("sinceUpperBoundOnly"), upperOnly},
                                             {QStringLiteral("releases"), rels}})
                       .toJson(QJsonDocument::Indented);
        return Ok;
    }
    ctx.out << "Index: " << ctx.indexPath << "\n"
            << "Items: " << summaries.size() << " (" << tainted << " tainting, " << inconsistent
            << " with disagreeing evidence, " << noSince << " without a known since)\n"
            << "Since (one per item): " << exact << " exact, " << ranged << " ranges (after < since \u2264 upTo), "
            << upperOnly << " upper bound only\n";
    if (const QString docs = store.meta(QStringLiteral("docsSinceAgreement")); !docs.isEmpty()) {
        const QStringList parts = docs.split(QLatin1Char(' '));
        ctx.out << "Documentation 'Since' notes agree with the release history for " << parts.value(0)
                << " XML items; " << (parts.value(1) == QLatin1String("used") ? "used to date items"
                                                                             : "below 95 %: kept as evidence, not used to date items")
                << "\n";
    }
    if (const auto h = store.historyRelease())
        ctx.out << "History rows: " << h->itemCount << " (" << h->versionEvidence
                << "; items removed before the indexed releases, protocol data they lack)\n";
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
