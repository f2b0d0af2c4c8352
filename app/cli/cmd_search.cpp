#include "cli.h"

#include "index/itemjson.h"
#include "index/search.h"
#include "model/policy.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace vse::cli {

namespace {

const char *matchLabel(MatchClass m)
{
    switch (m) {
    case MatchClass::Exact:
        return "exact";
    case MatchClass::Prefix:
        return "prefix";
    case MatchClass::Substring:
        return "substring";
    case MatchClass::Fuzzy:
        return "fuzzy";
    case MatchClass::None:
        break;
    }
    return "text";
}

bool knownTier(const QString &t)
{
    for (const auto &info : Policy::instance().tiers())
        if (info.id == t || info.group == t)
            return true;
    return false;
}

} // namespace

int runSearch(Context &ctx, const QStringList &args)
{
    QCommandLineParser p;
    const QCommandLineOption kind(QStringLiteral("kind"),
                                  QStringLiteral("Only items of this kind: ") + allKindIds().join(QStringLiteral(", ")),
                                  QStringLiteral("K"));
    const QCommandLineOption tier(QStringLiteral("tier"),
                                  QStringLiteral("Only this tier or tier group (stable, hypervisor-specific, "
                                                 "namespace-extension, private, not-guaranteed, unclassified, ...)"),
                                  QStringLiteral("T"));
    const QCommandLineOption hv(QStringLiteral("hypervisor"), QStringLiteral("Only items of this hypervisor (qemu, lxc, ...)"),
                                QStringLiteral("H"));
    const QCommandLineOption maxVersion(QStringLiteral("max-version"),
                                        QStringLiteral("Hide items introduced after release V; items whose since "
                                                       "range contains V are kept and marked 'may be too new'"),
                                        QStringLiteral("V"));
    const QCommandLineOption limit(QStringLiteral("limit"), QStringLiteral("At most N results (default 50, 0 = all)"),
                                   QStringLiteral("N"), QStringLiteral("50"));
    const QCommandLineOption json(QStringLiteral("json"), QStringLiteral("Print JSON."));
    const QCommandLineOption driver(QStringLiteral("driver"),
                                    QStringLiteral("Only APIs this hypervisor driver implements (qemu, lxc, test, ...; "
                                                   "from hvsupport.html or a source tree's driver tables)"),
                                    QStringLiteral("D"));
    p.addOptions({kind, tier, hv, driver, maxVersion, limit, json});
    p.addPositionalArgument(QStringLiteral("QUERY"),
                            QStringLiteral("Name or part of it; 'api:', 'xml:' or 'rpc:' scopes it; fuzzy letters "
                                           "also match (dmcrxml finds virDomainCreateXML)."));
    if (int rc = parseOrExit(ctx, p, args, "search",
                             "Find items by name. Ranking: exact match, then prefix, then substring, then fuzzy; "
                             "then doc-text matches.");
        rc >= 0)
        return rc;
    if (p.positionalArguments().size() != 1) {
        ctx.err << "virt-support search: give one QUERY (quote it if it has spaces)\n";
        return Usage;
    }
    SearchQuery q = SearchQuery::parse(p.positionalArguments().first());
    if (p.isSet(kind)) {
        ItemKind k;
        if (!kindFromId(p.value(kind), &k)) {
            ctx.err << "virt-support search: unknown kind '" << p.value(kind) << "'; kinds: "
                    << allKindIds().join(QStringLiteral(", ")) << "\n";
            return Usage;
        }
        q.kind = k;
    }
    if (p.isSet(tier)) {
        if (!knownTier(p.value(tier))) {
            ctx.err << "virt-support search: unknown tier '" << p.value(tier) << "'\n";
            return Usage;
        }
        q.tier = p.value(tier);
    }
    q.hypervisor = p.value(hv);
    q.driver = p.value(driver);
    if (p.isSet(maxVersion)) {
        q.maxVersion = Version::parse(p.value(maxVersion));
        if (!q.maxVersion.isValid()) {
            ctx.err << "virt-support search: '" << p.value(maxVersion) << "' is not a version like 6.0.0\n";
            return Usage;
        }
    }
    bool ok = false;
    const int max = p.value(limit).toInt(&ok);
    if (!ok || max < 0) {
        ctx.err << "virt-support search: --limit takes a number >= 0\n";
        return Usage;
    }

    Store store;
    if (int rc = openIndex(ctx, store); rc != Ok)
        return rc;
    // Only the rows that can match are read: every match class (exact,
    // prefix, substring, fuzzy) holds the query's letters in order.
    SearchEngine engine;
    auto candidates = store.summariesMatching(q.text);
    engine.setItems(candidates ? std::move(*candidates) : store.summaries());
    const QList<SearchHit> hits = engine.search(q, max == 0 ? -1 : max);

    // Doc text matches come after every name match.
    QList<ItemSummary> textHits;
    if ((max == 0 || hits.size() < max) && !q.text.isEmpty()) {
        QSet<qint64> seen;
        for (const auto &h : hits)
            seen.insert(engine.items().at(h.index).id);
        const QList<qint64> textIds = store.fullText(q.text, 200);
        QHash<qint64, ItemSummary> byId;
        for (const ItemSummary &s : store.summariesOf(textIds))
            byId.insert(s.id, s);
        for (qint64 id : textIds) {
            if (seen.contains(id) || !byId.contains(id))
                continue;
            const ItemSummary &s = byId[id];
            if (!engine.passesFilters(s, q))
                continue;
            textHits.append(s);
            if (max && hits.size() + textHits.size() >= max)
                break;
        }
    }

    if (p.isSet(json)) {
        QJsonArray a;
        const auto withFit = [&](const ItemSummary &s, QJsonObject o) {
            if (q.maxVersion.isValid())
                o.insert(QStringLiteral("target"), SinceRange::fitId(s.sinceRange().fit(q.maxVersion)));
            return o;
        };
        for (const auto &h : hits) {
            QJsonObject o = withFit(engine.items().at(h.index), summaryToJson(engine.items().at(h.index)));
            o.insert(QStringLiteral("match"), QString::fromLatin1(matchLabel(h.match)));
            a.append(o);
        }
        for (const auto &s : textHits) {
            QJsonObject o = withFit(s, summaryToJson(s));
            o.insert(QStringLiteral("match"), QStringLiteral("text"));
            a.append(o);
        }
        ctx.out << QJsonDocument(a).toJson(QJsonDocument::Indented);
    } else {
        const auto row = [&](const ItemSummary &s, const char *match) {
            const SinceRange range = s.sinceRange();
            const QString since = range.isKnown() ? range.toString() : QStringLiteral("?");
            const bool maybe = q.maxVersion.isValid() && range.fit(q.maxVersion) != SinceRange::Fit::Supported;
            ctx.out << s.name.leftJustified(48) << ' ' << kindId(s.kind).leftJustified(13) << ' '
                    << s.tier.leftJustified(20) << ' ' << since.leftJustified(9) << ' ' << match
                    << (s.tainted ? "  [taints]" : "") << (s.removed ? "  [removed]" : "")
                    << (maybe ? "  [may be too new]" : "") << '\n';
        };
        for (const auto &h : hits)
            row(engine.items().at(h.index), matchLabel(h.match));
        for (const auto &s : textHits)
            row(s, "text");
    }
    return hits.isEmpty() && textHits.isEmpty() ? NotFound : Ok;
}

} // namespace vse::cli
