#include "cli.h"
#include "index/errorcodes.h"

#include "extract/xdr/rpcitembuilder.h"
#include "index/itemjson.h"
#include "index/search.h"
#include "model/policy.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>

#include <optional>
#include <algorithm>

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
    case MatchClass::Wildcard:
        return "wildcard";
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
    const QCommandLineOption newerThan(
        QStringLiteral("newer-than"),
        QStringLiteral("Only items newer than release V: certainly newer (introduced after V) first, then "
                       "those that may be newer (their since range contains V); QUERY may then be left out"),
        QStringLiteral("V"));
    const QCommandLineOption limit(QStringLiteral("limit"), QStringLiteral("At most N results (default 50, 0 = all)"),
                                   QStringLiteral("N"), QStringLiteral("50"));
    const QCommandLineOption json(QStringLiteral("json"), QStringLiteral("Print JSON."));
    const QCommandLineOption driver(QStringLiteral("driver"),
                                    QStringLiteral("Only APIs this hypervisor driver implements (qemu, lxc, test, ...; "
                                                   "from hvsupport.html or a source tree's driver tables)"),
                                    QStringLiteral("D"));
    p.addOptions({kind, tier, hv, driver, maxVersion, newerThan, limit, json});
    p.addPositionalArgument(QStringLiteral("QUERY"),
                            QStringLiteral("Name or part of it; 'api:', 'xml:' or 'rpc:' scopes it; fuzzy letters "
                                           "also match (dmcrxml finds virDomainCreateXML). Left out, the filters "
                                           "list all that pass them (--driver lxc: what the lxc driver implements)."),
                            QStringLiteral("[QUERY]"));
    if (int rc = parseOrExit(ctx, p, args, "search",
                             "Find items by name. Ranking: exact match, then prefix, then substring, then fuzzy; "
                             "then doc-text matches.");
        rc >= 0)
        return rc;
    // "Which APIs are too new for 6.0.0?", "what does the lxc driver
    // implement?", "what is hypervisor-specific?" need no name: a filter
    // alone lists what passes it.
    // An empty QUERY ("") is none: a script passing "$name" unset.
    const bool noQuery = p.positionalArguments().isEmpty() ||
                         (p.positionalArguments().size() == 1 && p.positionalArguments().first().trimmed().isEmpty());
    const bool listAll =
        noQuery && (p.isSet(newerThan) || p.isSet(kind) || p.isSet(tier) || p.isSet(hv) || p.isSet(driver));
    const bool listNewer = listAll && p.isSet(newerThan);
    if ((p.positionalArguments().size() != 1 || noQuery) && !listAll) {
        ctx.err << "virt-support search: give one QUERY (quote it if it has spaces), or list by --kind, --tier, "
                   "--hypervisor, --driver or --newer-than alone\n";
        return Usage;
    }
    const QString queryText = listAll ? QString() : p.positionalArguments().first();
    SearchQuery q = SearchQuery::parse(queryText);
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
            ctx.err << "virt-support search: unknown tier '" << p.value(tier)
                    << "'; tiers and tier groups: " << tierChoices().join(QStringLiteral(", "))
                    << "\n";
            return Usage;
        }
        q.tier = p.value(tier);
    }
    q.hypervisor = p.value(hv).toLower(); // ids are lower-case: "QEMU" is qemu
    q.driver = p.value(driver).toLower();
    if (p.isSet(maxVersion)) {
        if (!parseRelease(ctx, "search", p.value(maxVersion), &q.maxVersion))
            return Usage;
    }
    if (p.isSet(newerThan) && !parseRelease(ctx, "search", p.value(newerThan), &q.newerThan))
        return Usage;
    bool ok = false;
    const int max = p.value(limit).toInt(&ok);
    if (!ok || max < 0) {
        ctx.err << "virt-support search: --limit takes a number >= 0\n";
        return Usage;
    }

    Store store;
    if (int rc = openIndex(ctx, store); rc != Ok)
        return rc;
    if (q.maxVersion.isValid())
        noteIfBeyondKnown(ctx, "search", store, q.maxVersion);
    if (q.newerThan.isValid())
        noteIfBeyondKnown(ctx, "search", store, q.newerThan);
    // Only the rows that can match are read: every match class (exact,
    // prefix, substring, fuzzy) holds the query's letters in order. Without
    // an exact match, every row: a typo or an internal API name matches none.
    SearchEngine engine;
    auto candidates = store.summariesMatching(q.text);
    engine.setItems(candidates ? std::move(*candidates) : store.summaries());
    if (!q.configFile.isEmpty())
        engine.setConfigFiles(store.configFilesById());
    // "search qemu.conf": every option of the file, by name.
    const bool wholeFile = !q.configFile.isEmpty() && q.text.isEmpty();
    // With --newer-than the certainly newer come first, and a whole file or
    // a list by filters is sorted by name: rank all, then cut.
    const int wanted = max == 0 || q.newerThan.isValid() || wholeFile || listAll ? -1 : max;
    qsizetype listed = 0; // a list without a name: how many pass, shown or not
    QList<SearchHit> hits = engine.search(q, wanted);
    if (wholeFile || (listAll && !listNewer)) {
        // By kind (functions, then enums...), then name.
        std::sort(hits.begin(), hits.end(), [&](const SearchHit &a, const SearchHit &b) {
            const ItemSummary &x = engine.items().at(a.index);
            const ItemSummary &y = engine.items().at(b.index);
            return x.kind != y.kind ? x.kind < y.kind : x.name < y.name;
        });
        listed = hits.size();
        if (max > 0 && hits.size() > max)
            hits.resize(max);
    }
    bool allItems = !candidates; // the engine holds every row, not only those sharing the query's letters
    // A pattern ("virDomainGet*") matches nothing outside the rows holding
    // its letters, and a near name of a pattern means nothing.
    const bool wildcard = SearchEngine::isWildcard(q.text);
    if (candidates && !wildcard && (hits.isEmpty() || hits.first().match != MatchClass::Exact)) {
        engine.setItems(store.summaries());
        hits = engine.search(q, wanted);
        allItems = true;
    }
    // The lookups below name rows that need not share the query's letters:
    // they read every row, and put what they found first.
    const auto readEveryRow = [&] {
        if (allItems)
            return;
        engine.setItems(store.summaries());
        hits = engine.search(q, wanted);
        allItems = true;
    };
    const auto putFirst = [&](const QList<SearchHit> &found, const QHash<int, QString> &labelled) {
        hits.removeIf([&](const SearchHit &h) { return labelled.contains(h.index); });
        hits = found + hits;
        if (max > 0 && hits.size() > max)
            hits.resize(max);
    };
    // libvirt's error numbers as bindings print them ("virError(Code=42,
    // Domain=10, ...)", "error code 42"): the values they are, first.
    QHash<int, QString> errorNumber; // hit index -> "error code 42"
    if (q.family.isEmpty() || q.family == QLatin1String("api"))
        if (const auto numbers = errorNumbersIn(queryText)) {
            const ErrorNumberLookup e = lookUpErrorNumbers(store, *numbers);
            readEveryRow();
            QList<SearchHit> found;
            for (qsizetype i = 0; i < engine.items().size(); ++i) {
                const ItemSummary &s = engine.items().at(i);
                if (!s.latest || s.kind != ItemKind::EnumValue || (s.name != e.code && s.name != e.domain) ||
                    !engine.passesFilters(s, q))
                    continue;
                const bool code = s.name == e.code;
                found.insert(code ? 0 : found.size(), {int(i), MatchClass::Exact});
                errorNumber.insert(int(i), code ? QStringLiteral("error code %1").arg(*numbers->code)
                                                : QStringLiteral("error domain %1").arg(*numbers->domain));
            }
            putFirst(found, errorNumber);
        }
    // libvirt's message for an error code, quoted from virsh or a log
    // ("error: Domain not found: no domain ..."): that code first.
    QHash<int, QString> errorMessage; // hit index -> "Domain not found"
    if (errorNumber.isEmpty() && (q.family.isEmpty() || q.family == QLatin1String("api")))
        if (const QList<QuotedErrorMessage> quoted = quotedErrorMessages(store, queryText); !quoted.isEmpty()) {
            readEveryRow();
            QList<SearchHit> found;
            for (const QuotedErrorMessage &m : quoted)
                for (qsizetype i = 0; i < engine.items().size(); ++i) {
                    const ItemSummary &s = engine.items().at(i);
                    if (s.latest && s.kind == ItemKind::EnumValue && s.name == m.code && engine.passesFilters(s, q)) {
                        found.append({int(i), MatchClass::Exact});
                        errorMessage.insert(int(i), m.message);
                        break;
                    }
                }
            putFirst(found, errorMessage);
        }
    // A taint reason ("custom-argv", the guest log's "Domain id=3 is
    // tainted: custom-argv"): the items that set it, first.
    QHash<int, QString> taintReason; // hit index -> "custom-argv"
    if (errorNumber.isEmpty() && errorMessage.isEmpty() && q.family.isEmpty())
        if (const TaintMentions taints = taintMentionsIn(queryText); !taints.known.isEmpty()) {
            readEveryRow();
            QHash<qint64, int> indexOfId;
            for (qsizetype i = 0; i < engine.items().size(); ++i)
                indexOfId.insert(engine.items().at(i).id, int(i));
            QList<SearchHit> found;
            for (const TaintMention &m : taints.known)
                for (const Item &it : itemsSettingTaint(store, m.reason.id))
                    if (const int i = indexOfId.value(it.attrs.value(QStringLiteral("_id")).toString().toLongLong(), -1);
                        i >= 0 && !taintReason.contains(i) && engine.passesFilters(engine.items().at(i), q)) {
                        found.append({i, MatchClass::Exact});
                        taintReason.insert(i, m.reason.id);
                    }
            putFirst(found, taintReason);
        }
    // A tag with attributes (<interface type='bridge'>, <disk type='file'
    // device='cdrom'>): what show reads it as (each attribute's listed value,
    // else the attribute, of one element), first; the elements follow.
    QHash<int, QString> fromTag; // hit index -> the element the tag was read in
    if (q.family.isEmpty() || q.family == QLatin1String("xml"))
        if (queryText.trimmed().startsWith(QLatin1Char('<')) && queryText.contains(QLatin1Char('='))) {
            readEveryRow();
            QList<SearchHit> found;
            for (const int i : engine.tagReading(queryText)) {
                const ItemSummary &s = engine.items().at(i);
                if (engine.passesFilters(s, q)) {
                    found.append({i, MatchClass::Exact});
                    fromTag.insert(i, s.name.left(s.name.indexOf(QLatin1Char('@'))));
                }
            }
            putFirst(found, fromTag);
        }

    const auto newerFit = [&](const ItemSummary &s) { return s.sinceRange().fit(q.newerThan); };
    if (q.newerThan.isValid()) {
        std::stable_partition(hits.begin(), hits.end(), [&](const SearchHit &h) {
            return newerFit(engine.items().at(h.index)) == SinceRange::Fit::TooNew;
        });
        // A list without a name reads like a changelog: oldest since first.
        if (listNewer)
            std::stable_sort(hits.begin(), hits.end(), [&](const SearchHit &a, const SearchHit &b) {
                const ItemSummary &x = engine.items().at(a.index);
                const ItemSummary &y = engine.items().at(b.index);
                const bool cx = newerFit(x) == SinceRange::Fit::TooNew;
                const bool cy = newerFit(y) == SinceRange::Fit::TooNew;
                if (cx != cy)
                    return cx;
                if (x.sinceRange().sortKey() != y.sinceRange().sortKey())
                    return x.sinceRange().sortKey() < y.sinceRange().sortKey();
                return x.name < y.name;
            });
        if (listNewer)
            listed = hits.size();
        if (max > 0 && hits.size() > max)
            hits.resize(max);
    }

    // An internal API name (virDomainMigratePerform3Params) is no item of its
    // own: the RPC procedure carrying it answers, first unless a name matched exactly.
    QHash<int, QString> carried; // hit index -> the API name it carries
    if (!q.text.isEmpty() && (q.family.isEmpty() || q.family == QLatin1String("rpc") ||
                              q.family == QLatin1String("api"))) {
        // Only for names no item has (a public API is its own answer).
        const bool exact = !hits.isEmpty() && hits.first().match == MatchClass::Exact;
        bool named = std::any_of(hits.cbegin(), hits.cend(), [&](const SearchHit &h) {
            return h.match == MatchClass::Exact &&
                   engine.items().at(h.index).name.compare(q.text, Qt::CaseInsensitive) == 0;
        });
        // A public API a filter hid (--newer-than, --kind) is still no internal name.
        if (!named && (q.newerThan.isValid() || q.maxVersion.isValid() || q.kind || !q.tier.isEmpty()))
            named = std::any_of(engine.items().cbegin(), engine.items().cend(), [&](const ItemSummary &s) {
                return kindFamily(s.kind) == QLatin1String("api") &&
                       s.name.compare(q.text, Qt::CaseInsensitive) == 0;
            });
        QList<SearchHit> carriers;
        for (int i : named ? QList<int>() : engine.proceduresCarrying(q.text)) {
            // "api:virDomainMigratePerform3Params" still finds the procedure.
            SearchQuery unscoped = q;
            unscoped.family.clear();
            if (!engine.passesFilters(engine.items().at(i), unscoped))
                continue;
            carriers.append({i, MatchClass::Exact});
            carried.insert(i, q.text);
        }
        if (!carriers.isEmpty()) {
            hits.removeIf([&](const SearchHit &h) { return carried.contains(h.index); });
            if (exact)
                hits.append(carriers);
            else
                hits = carriers + hits;
            if (max > 0 && hits.size() > max)
                hits.resize(max);
        }
    }

    // libvirt-python's spelling (dom.messages(), libvirt.open): the C items
    // it calls, first, when no name matched exactly.
    QHash<int, QString> python; // hit index -> the binding's name for it
    QStringList pythonHidden;   // those the filters hide, for the no-match message
    bool pythonCSpelled = false; // typed the C way (dom.getState): not the binding's name
    if (!q.text.isEmpty() && (q.family.isEmpty() || q.family == QLatin1String("api")) &&
        (hits.isEmpty() || hits.first().match != MatchClass::Exact)) {
        const PythonLookup py = lookUpPythonName(store, queryText);
        pythonCSpelled = py.cSpelling;
        QList<SearchHit> found;
        for (qsizetype i = 0; i < engine.items().size(); ++i) {
            const ItemSummary &s = engine.items().at(i);
            if (!s.latest || !py.names.contains(s.name))
                continue;
            if (!engine.passesFilters(s, q)) {
                pythonHidden << QStringLiteral("%1 (%2)").arg(s.name, s.sinceRange().phrase());
                continue;
            }
            found.append({int(i), MatchClass::Exact});
            python.insert(int(i), py.bindingNames.value(s.name).join(QStringLiteral(", ")));
        }
        if (!found.isEmpty())
            putFirst(found, python);
    }

    // Only subsequence matches: a typo is likelier than an abbreviation, so
    // names a small edit away come first (virConnectOpenn -> virConnectOpen).
    QSet<int> near;
    if (!hits.isEmpty() && hits.first().match == MatchClass::Fuzzy) {
        const QList<SearchHit> close = engine.nearest(q.text, q, max == 0 ? -1 : max);
        for (const auto &h : close)
            near.insert(h.index);
        hits.removeIf([&](const SearchHit &h) { return near.contains(h.index); });
        hits = close + hits;
        if (max > 0 && hits.size() > max)
            hits.resize(max);
    }

    // Doc text matches come after every name match.
    QList<ItemSummary> textHits;
    if ((max == 0 || hits.size() < max) && !q.text.isEmpty() && !wildcard) {
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

    // The history's rows for items the indexed releases are too old to have
    // say so ("[not in 9.0.0]"); asked only when there is something to print.
    std::optional<Store::NewerRule> newerRule;
    const auto notIndexedYet = [&](const ItemSummary &s) -> QString {
        if (!newerRule)
            newerRule = store.newerRule();
        return newerRule->applies(s) ? newerRule->newest.toString() : QString();
    };
    // The identity where the name is not one (libvirtd.conf:log_level and
    // virtlogd.conf:log_level are two items): JSON's "key", as in show.
    QList<qint64> shownIds;
    for (const auto &h : hits)
        shownIds << engine.items().at(h.index).id;
    for (const auto &s : textHits)
        shownIds << s.id;
    const QHash<qint64, QString> keys = store.keysOf(shownIds);
    if (p.isSet(json)) {
        QJsonArray a;
        const auto withFit = [&](const ItemSummary &s, QJsonObject o) {
            if (const QString v = notIndexedYet(s); !v.isEmpty())
                o.insert(Item::newerThanIndexedKey(), v);
            if (q.maxVersion.isValid())
                o.insert(QStringLiteral("target"), SinceRange::fitId(s.sinceRange().fit(q.maxVersion)));
            if (q.newerThan.isValid())
                o.insert(QStringLiteral("newer"), newerFit(s) == SinceRange::Fit::TooNew
                                                      ? QStringLiteral("certainly")
                                                      : QStringLiteral("maybe"));
            return o;
        };
        // The taint reasons (with meaning and source) need the full item;
        // only tainted hits are loaded.
        const auto withTaints = [&](const ItemSummary &s, QJsonObject o) {
            if (const auto key = keys.constFind(s.id); key != keys.constEnd())
                o.insert(QStringLiteral("key"), *key);
            if (s.tainted)
                o.insert(QStringLiteral("taints"), taintsToJson(store.item(s.id)));
            return o;
        };
        for (const auto &h : hits) {
            const ItemSummary &s = engine.items().at(h.index);
            QJsonObject o = withTaints(s, withFit(s, summaryToJson(s)));
            if (carried.contains(h.index)) {
                o.insert(QStringLiteral("match"), QStringLiteral("carried-api"));
                o.insert(QStringLiteral("carriedApi"), carried.value(h.index));
            } else if (errorNumber.contains(h.index)) {
                o.insert(QStringLiteral("match"), QStringLiteral("error-number"));
                o.insert(QStringLiteral("errorNumber"), errorNumber.value(h.index));
            } else if (errorMessage.contains(h.index)) {
                o.insert(QStringLiteral("match"), QStringLiteral("error-message"));
                o.insert(QStringLiteral("errorMessage"), errorMessage.value(h.index));
            } else if (taintReason.contains(h.index)) {
                o.insert(QStringLiteral("match"), QStringLiteral("taint-reason"));
                o.insert(QStringLiteral("taintReason"), taintReason.value(h.index));
            } else if (fromTag.contains(h.index)) {
                o.insert(QStringLiteral("match"), QStringLiteral("tag"));
                o.insert(QStringLiteral("element"), fromTag.value(h.index));
            } else if (python.contains(h.index)) {
                o.insert(QStringLiteral("match"), QStringLiteral("python-binding"));
                o.insert(QStringLiteral("binding"),
                         QJsonArray::fromStringList(python.value(h.index).split(QStringLiteral(", "))));
                o.insert(QStringLiteral("cSpelling"), pythonCSpelled);
            } else {
                o.insert(QStringLiteral("match"), listAll || wholeFile ? QStringLiteral("all")
                                                  : near.contains(h.index) ? QStringLiteral("near")
                                                                           : QString::fromLatin1(matchLabel(h.match)));
            }
            a.append(o);
        }
        for (const auto &s : textHits) {
            QJsonObject o = withTaints(s, withFit(s, summaryToJson(s)));
            o.insert(QStringLiteral("match"), QStringLiteral("text"));
            a.append(o);
        }
        ctx.out << QJsonDocument(a).toJson(QJsonDocument::Indented);
    } else {
        const auto row = [&](const ItemSummary &s, const char *match) {
            const SinceRange range = s.sinceRange();
            const QString since = range.isKnown() ? range.toString() : QStringLiteral("?");
            const bool maybe = q.maxVersion.isValid() && range.fit(q.maxVersion) != SinceRange::Fit::Supported;
            QString newer;
            if (q.newerThan.isValid())
                newer = (newerFit(s) == SinceRange::Fit::TooNew ? QStringLiteral("  [newer than %1]")
                                                                 : QStringLiteral("  [may be newer than %1]"))
                            .arg(q.newerThan.toString());
            const QString notIn = notIndexedYet(s);
            // "(exact match)", not a bare "exact" that reads as if it spoke of
            // the since beside it ("9.0.0 < since ≤ 11.3.0 exact").
            const QByteArray how = qstrncmp(match, "carries ", 8) == 0 || qstrncmp(match, "libvirt-python", 14) == 0 ||
                                           qstrncmp(match, "libvirt's ", 10) == 0 || qstrncmp(match, "sets taint ", 11) == 0 ||
                                           qstrncmp(match, "as the tag says", 15) == 0
                                       ? QByteArray(match)
                                   : qstrcmp(match, "all") == 0      ? QByteArray()
                                                                     : "(" + QByteArray(match) + " match)";
            // A configuration option is read with its file (log_level is in three).
            const QString name = s.kind == ItemKind::ConfigOption ? keys.value(s.id, s.name) : s.name;
            QString line = name.leftJustified(48) + QLatin1Char(' ') + kindId(s.kind).leftJustified(13) +
                           QLatin1Char(' ') + s.tier.toString().leftJustified(20) + QLatin1Char(' ') +
                           since.leftJustified(9) + (how.isEmpty() ? QString() : QLatin1Char(' ') + QString::fromUtf8(how)) +
                           (s.tainted ? QStringLiteral("  [taints]") : QString()) +
                           (s.removed ? QStringLiteral("  [removed]") : QString()) +
                           (notIn.isEmpty() ? QString() : QStringLiteral("  [not in %1]").arg(notIn)) +
                           (maybe ? QStringLiteral("  [may be too new]") : QString()) + newer;
            // A row without a match label ("search qemu.conf") ends at its since, not in padding.
            while (line.endsWith(QLatin1Char(' ')))
                line.chop(1);
            ctx.out << line << '\n';
        };
        for (const auto &h : hits) {
            if (carried.contains(h.index)) {
                const ItemSummary &proc = engine.items().at(h.index);
                const QString program =
                    proc.name.left(proc.name.indexOf(QLatin1String("_PROC_"))).toLower();
                QByteArray label = "carries " + carried.value(h.index).toUtf8();
                if (rpcApiKind(program, proc.name) == QLatin1String("internal"))
                    label += " (internal API)";
                row(proc, label.constData());
            } else if (errorNumber.contains(h.index)) {
                row(engine.items().at(h.index), QByteArray("libvirt's " + errorNumber.value(h.index).toUtf8()).constData());
            } else if (errorMessage.contains(h.index)) {
                row(engine.items().at(h.index),
                    QByteArray("libvirt's message '" + errorMessage.value(h.index).toUtf8() + "'").constData());
            } else if (taintReason.contains(h.index)) {
                row(engine.items().at(h.index), QByteArray("sets taint " + taintReason.value(h.index).toUtf8()).constData());
            } else if (fromTag.contains(h.index)) {
                row(engine.items().at(h.index), "as the tag says");
            } else if (python.contains(h.index)) {
                // dom.getState(): the binding has no such method; say what it has.
                const QByteArray label = pythonCSpelled ? QByteArray("libvirt-python has it as " + python.value(h.index).toUtf8())
                                                        : QByteArray("libvirt-python's " + python.value(h.index).toUtf8());
                row(engine.items().at(h.index), label.constData());
            } else {
                row(engine.items().at(h.index), listAll || wholeFile     ? "all"
                                                : near.contains(h.index) ? "near"
                                                                         : matchLabel(h.match));
            }
        }
        for (const auto &s : textHits)
            row(s, "text");
    }
    if (hits.isEmpty() && textHits.isEmpty()) {
        // A driver or hypervisor no item names ("--driver kvm", whose
        // driver is qemu): the ones there are, as for an unknown --tier.
        if (!q.driver.isEmpty() || !q.hypervisor.isEmpty()) {
            readEveryRow();
            const QStringList drivers = driverIdsOf(engine.items());
            QStringList hypervisors;
            for (const ItemSummary &s : engine.items())
                if (const QString h = s.hypervisor.toString(); !h.isEmpty() && !hypervisors.contains(h))
                    hypervisors << h;
            hypervisors.sort();
            if (!q.driver.isEmpty() && !drivers.contains(q.driver)) {
                ctx.err << "virt-support search: no indexed API names the driver '" << q.driver
                        << "'; drivers: " << drivers.join(QStringLiteral(", ")) << "\n";
                return Usage;
            }
            if (!q.hypervisor.isEmpty() && !hypervisors.contains(q.hypervisor)) {
                ctx.err << "virt-support search: no indexed item is of the hypervisor '" << q.hypervisor
                        << "'; hypervisors: " << hypervisors.join(QStringLiteral(", ")) << "\n";
                return Usage;
            }
        }
        if (listNewer) {
            ctx.err << "virt-support search: nothing newer than " << q.newerThan.toString() << "\n";
            return NotFound;
        }
        if (listAll) {
            ctx.err << "virt-support search: no item passes those filters\n";
            return NotFound;
        }
        // The filters may be what hides it: an item --max-version calls too
        // new is not "no match" to someone asking whether they may use it.
        if (q.maxVersion.isValid()) {
            SearchQuery unfiltered = q;
            unfiltered.maxVersion = Version();
            QStringList hidden;
            for (const SearchHit &h : engine.search(unfiltered, 5))
                if (h.match == MatchClass::Exact) {
                    const ItemSummary &s = engine.items().at(h.index);
                    hidden << QStringLiteral("%1 (%2)").arg(s.name, s.sinceRange().phrase());
                }
            hidden << pythonHidden;
            if (!hidden.isEmpty()) {
                ctx.err << "virt-support search: " << hidden.join(QStringLiteral(", ")) << " is newer than "
                        << q.maxVersion.toString() << ": --max-version " << q.maxVersion.toString() << " hides it\n";
                return NotFound;
            }
        }
        if (wildcard) {
            // '*' any run of characters, '?' one: said, as a pattern may be meant literally.
            ctx.err << "virt-support search: no name matches the pattern '" << q.text
                    << "' ('*' stands for any characters, '?' for one)\n";
            return NotFound;
        }
        ctx.err << "virt-support search: no match for '" << queryText << "'";
        const QList<SearchHit> near = engine.nearest(q.text, q, 5);
        if (near.isEmpty()) {
            ctx.err << "\n";
        } else {
            ctx.err << "; nearest names:\n";
            for (const auto &h : near)
                ctx.err << "  " << engine.items().at(h.index).name << '\n';
        }
        return NotFound;
    }
    // A list cut at --limit says so: the rest is not "nothing more".
    if (listed > hits.size())
        ctx.err << "virt-support search: " << hits.size() << " of " << listed << " shown; --limit 0 lists all\n";
    return Ok;
}

} // namespace vse::cli
