#include "historyapplier.h"

#include "extract/tools/configextractor.h"
#include "historyitem.h"

#include "model/releaseseries.h"
#include "releasemerger.h"
#include "xmlresolver.h"

#include <QHash>
#include <QJsonArray>
#include <QSet>

#include <algorithm>
#include <memory>
#include <optional>

namespace vse {

namespace {

// The C API's declarations (enums and their values, macros, types) come
// from the headers or the API XML, which a host without libvirt-dev lacks
// while its libraries still give the functions: filled from the history
// apart from the functions, as a family of their own.
constexpr char kApiDeclarations[] = "api-declarations";

QString fillFamily(ItemKind kind)
{
    const QString family = kindFamily(kind);
    if (family == QLatin1String("api") && kind != ItemKind::Function && kind != ItemKind::Variable)
        return QString::fromLatin1(kApiDeclarations);
    return family;
}

const QString kFromHistory = QStringLiteral("fromHistory");
const QString kHistorySpans = QStringLiteral("historySpans");
const QString kRemovedEvidence = QStringLiteral("removedEvidence");
const QString kRemovedAfter = QStringLiteral("removedAfter");
const QString kTextBefore = QStringLiteral("acceptedAsTextIn");
// A configuration option's shipped value per release ([[VERSION, VALUE]...]).
const QString kDefaults = QStringLiteral("defaults");
// Error messages an indexed release without virerror.c takes from the pack.
const QString kHistoryMessage = QStringLiteral("historyMessage");
const QString kDriversFromHistory = QStringLiteral("driversFromHistory");
// A row for an item newer than every indexed release with its kind of data:
// that newest release's version.
const QString kNewerThan = Item::newerThanIndexedKey();
// The newest history release with data for the item, when newer ones have none.
const QString kNoDataAfter = QStringLiteral("historyNoDataAfter");
// On a row apply() adds for an XML path the release's schema reaches through
// a shared define (network/route, domain/devices/interface/teaming): the
// canonical item it stands beside. Such rows are dropped and made again on
// every run.
const QString kAliasPathOf = Item::aliasPathOfKey();

// An enumerated value first seen in release f may have been accepted before
// as plain text: when, in the release before (a), its attribute or element
// existed with no enumerated value at all (a name or pattern then, an
// enumeration from f on: disk driver@type became one in 1.0.0). Returns a,
// or an invalid Version.
Version acceptedAsTextIn(const HistoryPack &pack, const HistoryEntry &value,
                         const QHash<QString, const HistoryEntry *> &byKey,
                         const QHash<QString, QList<const HistoryEntry *>> &valuesOf)
{
    if (value.kind != ItemKind::XmlValue)
        return {};
    const Version before = pack.lastAbsentBefore(value);
    const int a = pack.releaseIndex(before);
    const HistoryEntry *parent = byKey.value(value.parent);
    if (a < 0 || !parent || !pack.hasIn(*parent, a))
        return {};
    for (const HistoryEntry *sibling : valuesOf.value(value.parent))
        if (pack.hasIn(*sibling, a))
            return {};
    return before;
}

// The document root and the last two path segments of an XML item
// ("domain|disk/driver@cache"): a path of the newest history release with
// the same root and tail may be the same thing under another canonical path,
// so its absence proves nothing.
QString xmlTail(const QString &path)
{
    const qsizetype first = path.indexOf(QLatin1Char('/'));
    const QString root = first < 0 ? path : path.left(first);
    const qsizetype last = path.lastIndexOf(QLatin1Char('/'));
    if (last < 0)
        return path;
    const qsizetype before = path.lastIndexOf(QLatin1Char('/'), last - 1);
    return root + QLatin1Char('|') + path.mid(before + 1);
}

QString releaseSource(const HistoryPack &pack, const Version &v)
{
    const int i = pack.releaseIndex(v);
    return i >= 0 ? pack.releases().at(i).source : v.toString();
}

QJsonArray spansJson(const HistoryPack &pack, const HistoryEntry &e)
{
    QJsonArray a;
    for (const HistorySpan &s : e.spans)
        a.append(QJsonObject{{QStringLiteral("from"), pack.releases().at(s.from).version.toString()},
                             {QStringLiteral("to"), pack.releases().at(s.to).version.toString()},
                             {QStringLiteral("name"), s.name}});
    return a;
}

// The spans, and where the history stops knowing: an item whose last span
// ends before the newest release without being removed has no data in the
// releases after it (package sets carry no .conf files of the daemons, no
// virsh sources), so its history ends there for want of data, not removal.
void insertSpans(Item &it, const HistoryPack &pack, const HistoryEntry &e)
{
    it.attrs.insert(kHistorySpans, spansJson(pack, e));
    if (!e.spans.isEmpty() && e.spans.constLast().to + 1 < int(pack.releases().size()) &&
        !pack.removedIn(e).isValid())
        it.attrs.insert(kNoDataAfter, pack.releases().at(e.spans.constLast().to).version.toString());
}

Evidence historyEvidence(const HistoryPack &pack, const HistoryEntry &e)
{
    const Version first = pack.firstSeen(e);
    Evidence h(Evidence::Kind::History, first);
    h.after = pack.lastAbsentBefore(e);
    QString detail = QStringLiteral("first in ") + releaseSource(pack, first);
    if (!e.file.isEmpty())
        detail += QLatin1Char(' ') + e.file + (e.line > 0 ? QLatin1Char(':') + QString::number(e.line) : QString());
    if (h.after.isValid())
        detail += QStringLiteral(", absent from ") + releaseSource(pack, h.after);
    else
        h.upperBoundOnly = true;
    h.detail = detail;
    return h;
}

// A C name that changed kind without a gap keeps its source compatibility:
// VIR_KEYCODE_SET_RFB was an enum value in 0.9.5 - 1.3.5 and is a macro for
// another value since, so code naming it compiled against every release from
// 0.9.5. Returns the history of the name under its former kind, when that
// history runs up to where this one starts.
std::optional<Evidence> formerKindEvidence(const HistoryPack &pack, const Item &it, const HistoryEntry &e)
{
    if ((it.kind != ItemKind::Macro && it.kind != ItemKind::EnumValue) || e.spans.isEmpty())
        return std::nullopt;
    const ItemKind former = it.kind == ItemKind::Macro ? ItemKind::EnumValue : ItemKind::Macro;
    const HistoryEntry *o = pack.find(kindId(former) + QLatin1Char('|') + it.identity());
    if (!o || o->spans.isEmpty() || o->spans.constFirst().from >= e.spans.constFirst().from ||
        o->spans.constLast().to + 1 < e.spans.constFirst().from)
        return std::nullopt;
    Evidence h = historyEvidence(pack, *o);
    h.detail = QStringLiteral("as %1: ").arg(kindLabel(former)) + h.detail;
    return h;
}

// Documentation evidence that came from the pack (a docs note of a source
// tree, measured when the pack was built), not from the installed HTML.
bool fromPackDocs(const Evidence &e)
{
    return e.kind == Evidence::Kind::Documentation && e.detail.startsWith(QLatin1String("docs/")) &&
           e.detail.contains(QLatin1String(", agreement "));
}

// An entry's own since the pack kept (ownSinceEvidence), added to an
// indexed item: applied again on each update, so an index merged from its
// own rows must drop it first, or it would sit wherever the earlier merge
// put it. (The history's own rows are made afresh each time.)
bool fromPackOwnSince(const Evidence &e)
{
    return e.kind != Evidence::Kind::History && e.detail.endsWith(QLatin1String(" (release history)"));
}

// "docs/formatdomain.rst:7784 in 9.0.0, agreement 97 %" for an entry's kept docs note.
std::optional<Evidence> packDocsEvidence(const HistoryPack &pack, const HistoryEntry &e)
{
    const Version v = Version::parse(e.attrs.value(QStringLiteral("docSince")).toString());
    if (!v.isValid())
        return std::nullopt;
    const QString at = e.attrs.value(QStringLiteral("docSinceAt")).toString();
    const QString source = at.section(QLatin1Char(':'), 0, 0).endsWith(QLatin1String(".rst"))
                               ? QStringLiteral("rst")
                               : QStringLiteral("html.in");
    const HistoryDocsAgreement *a = pack.docsAgreementFor(source, e.kind);
    if (!a || !a->kept || !at.startsWith(QLatin1String("docs/")))
        return std::nullopt;
    return Evidence(Evidence::Kind::Documentation, v,
                    QStringLiteral("%1 in %2, agreement %3 %")
                        .arg(at, e.attrs.value(QStringLiteral("docSinceIn")).toString())
                        .arg(a->percent()));
}

// What apply() adds to documentation evidence when the notes disagree too
// often with the history (and marks it unreliable): taken off again before
// the next apply, so an index updated release by release says the same as
// one written at once.
const QString kDocsDistrust = QStringLiteral("; documentation notes agree with the release history for ");

void strip(Item &it)
{
    for (Evidence &e : it.evidence)
        if (e.kind == Evidence::Kind::Documentation) {
            const qsizetype at = e.detail.indexOf(kDocsDistrust);
            if (at >= 0) {
                e.detail.truncate(at);
                e.unreliable = false;
            }
        }
    it.evidence.erase(std::remove_if(it.evidence.begin(), it.evidence.end(),
                                     [](const Evidence &e) {
                                         return e.kind == Evidence::Kind::History || fromPackDocs(e) ||
                                                fromPackOwnSince(e);
                                     }),
                      it.evidence.end());
    // Drivers this applier gave go with its mark, to be given again.
    if (it.attrs.contains(kDriversFromHistory))
        it.attrs.remove(QStringLiteral("drivers"));
    for (const QString &k : HistoryApplier::ownedKeys())
        it.attrs.remove(k);
}

// The newest history release older than `before` with complete data for an
// item of this kind and name; -1 if none.
int newestDating(const HistoryPack &pack, ItemKind kind, const QString &name, const Version &before)
{
    const HistoryPack::DataScope scope = HistoryPack::scopeOf(kind, name);
    for (int i = int(pack.releases().size()) - 1; i >= 0; --i)
        if (pack.releases().at(i).version < before && pack.datesIn(scope, i))
            return i;
    return -1;
}

// Removed in `removed` as the history shows: the release after its last
// span that has data of its family lacks it.
void markRemoved(Item &it, const HistoryPack &pack, const HistoryEntry &e, const Version &removed)
{
    it.attrs.insert(QStringLiteral("removedIn"), removed.toString());
    it.attrs.insert(kRemovedAfter, pack.lastSeen(e).toString());
    it.attrs.insert(kRemovedEvidence,
                    QString(QStringLiteral("release history: absent from ") + releaseSource(pack, removed)));
}

// The entry's own exact since the pack kept (HistoryPack::kOwnSince).
std::optional<Evidence> ownSinceEvidence(const HistoryEntry &e)
{
    const QJsonArray own = e.attrs.value(HistoryPack::kOwnSince).toArray();
    const Version v = Version::parse(own.at(1).toString());
    if (!v.isValid())
        return std::nullopt;
    return Evidence(Evidence::kindFromId(own.at(0).toString()), v,
                    QStringLiteral("%1 in %2 (release history)").arg(own.at(2).toString(), own.at(3).toString()));
}

// A procedure is as new as the public API it carries (numbers only grow):
// the API's own exact since, where the releases leave the procedure a range
// (REMOTE_PROC_DOMAIN_FD_ASSOCIATE: 7.0.0 < since <= 9.0.0; its API 9.0.0).
void addCarriedApiSince(Item &it, const HistoryPack &pack, const HistoryEntry &e)
{
    if (e.kind != ItemKind::RpcProcedure)
        return;
    if (const HistoryEntry *api = pack.find(QStringLiteral("symbol|") + e.attrs.value(QStringLiteral("api")).toString()))
        if (const auto own = ownSinceEvidence(*api))
            it.evidence.append(Evidence(Evidence::Kind::ApiVersion, own->version, api->key));
}

Item rowFor(const HistoryPack &pack, const HistoryEntry &e, const QString &name)
{
    Item it = historyItemOf(e, name);
    it.file = e.file;
    it.line = e.line;
    it.evidence.append(historyEvidence(pack, e));
    // The item's own exact since, which the pack keeps where its releases
    // leave a range (a symbol version of a release the pack lacks).
    if (const auto own = ownSinceEvidence(e))
        it.evidence.append(*own);
    insertSpans(it, pack, e);
    it.attrs.insert(QStringLiteral("latest"), true);
    const QStringList names = pack.names(e);
    QStringList others = names;
    others.removeAll(name);
    if (!others.isEmpty())
        it.attrs.insert(QStringLiteral("otherNames"), QJsonArray::fromStringList(others));
    return it;
}

} // namespace

const QStringList &HistoryApplier::ownedKeys()
{
    static const QStringList keys{kFromHistory, kHistorySpans,   kRemovedEvidence, kRemovedAfter,
                                  kTextBefore,  kDefaults,       kHistoryMessage,  kNewerThan,
                                  kNoDataAfter, kDriversFromHistory};
    return keys;
}

QString HistoryApplier::spansText(const QJsonObject &attrs)
{
    const QJsonArray spans = attrs.value(kHistorySpans).toArray();
    QSet<QString> names;
    for (const auto &v : spans)
        names.insert(v.toObject().value(QStringLiteral("name")).toString());
    QStringList parts;
    for (const auto &v : spans) {
        const QJsonObject o = v.toObject();
        const QString from = o.value(QStringLiteral("from")).toString();
        const QString to = o.value(QStringLiteral("to")).toString();
        QString part = from == to ? from : from + QStringLiteral(" \u2013 ") + to;
        if (names.size() > 1)
            part += QStringLiteral(" as ") + o.value(QStringLiteral("name")).toString();
        parts << part;
    }
    return parts.join(QStringLiteral(", "));
}

QString HistoryApplier::removalText(const QJsonObject &attrs)
{
    const Version in = Version::parse(attrs.value(QStringLiteral("removedIn")).toString());
    if (!in.isValid())
        return {};
    const Version after = Version::parse(attrs.value(kRemovedAfter).toString());
    QString text = after.isValid() && !ReleaseSeries::adjacent(after, in)
                       ? QString(after.toString() + QStringLiteral(" < removed \u2264 ") + in.toString())
                       : QString(QStringLiteral("in ") + in.toString());
    if (const QString how = attrs.value(kRemovedEvidence).toString(); !how.isEmpty())
        text += QStringLiteral(" (") + how + QLatin1Char(')');
    return text;
}

HistoryApplier::Stats HistoryApplier::apply(QList<Release> &releases, const HistoryPack &pack)
{
    Stats stats;
    releases.erase(std::remove_if(releases.begin(), releases.end(),
                                  [](const Release &r) { return r.sourceKind == Release::SourceKind::History; }),
                   releases.end());
    for (Release &r : releases) {
        r.items.erase(std::remove_if(r.items.begin(), r.items.end(),
                                     [](const Item &it) { return it.attrs.contains(kAliasPathOf); }),
                      r.items.end());
        for (Item &it : r.items)
            strip(it);
    }
    if (pack.isEmpty() || releases.isEmpty())
        return stats;

    // Which families each indexed release has data for, and the newest
    // release with XML (its element graph tells a moved path from a removed one).
    QList<QSet<QString>> families(releases.size());
    int newestXml = -1;
    for (int r = 0; r < int(releases.size()); ++r) {
        for (const Item &it : std::as_const(releases[r].items)) {
            families[r].insert(kindFamily(it.kind));
            families[r].insert(fillFamily(it.kind));
        }
        if (families[r].contains(QStringLiteral("xml")))
            newestXml = r;
    }
    std::unique_ptr<XmlResolver> resolver;
    if (newestXml >= 0)
        resolver = std::make_unique<XmlResolver>(releases.at(newestXml));
    QHash<int, QSet<QString>> tailsOf; // history release index -> XML tails present

    QHash<QString, const HistoryEntry *> xmlByKey;
    QHash<QString, QList<const HistoryEntry *>> valuesOf;
    for (const HistoryEntry &h : pack.entries()) {
        if (h.kind == ItemKind::XmlAttribute || h.kind == ItemKind::XmlElement)
            xmlByKey.insert(h.key, &h);
        else if (h.kind == ItemKind::XmlValue)
            valuesOf[h.parent].append(&h);
    }

    QSet<QString> indexed;
    QSet<QString> indexedNames; // "family|name": a C name that changed kind (enum value -> macro) is not removed
    QHash<QString, Version> lastIndexed; // identity -> newest indexed release that has it
    for (int r = 0; r < int(releases.size()); ++r) {
        for (Item &it : releases[r].items) {
            const QString id = ReleaseMerger::identityOf(it);
            indexed.insert(id);
            indexedNames.insert(kindFamily(it.kind) + QLatin1Char('|') + it.name);
            lastIndexed.insert(id, releases.at(r).version);
        }
    }
    for (int r = 0; r < int(releases.size()); ++r) {
        // A release with driver data of its own (hvsupport.html, driver
        // tables) says which functions no driver implements; only one
        // without any takes the history's.
        const bool ownDrivers = std::any_of(releases[r].items.cbegin(), releases[r].items.cend(), [](const Item &it) {
            return it.kind == ItemKind::Function && it.attrs.contains(QLatin1String("drivers"));
        });
        for (Item &it : releases[r].items) {
            const QString id = ReleaseMerger::identityOf(it);
            const bool latest = it.attrs.value(QStringLiteral("latest")).toBool(true);
            if (const HistoryEntry *e = pack.find(id)) {
                it.evidence.append(historyEvidence(pack, *e));
                if (const auto former = formerKindEvidence(pack, it, *e))
                    it.evidence.append(*former);
                // An enum value of 1.3.5 < since <= 7.0.0 is dated by a newer
                // release's "Since:" tag the installed headers lack.
                // So is a function whose version node is older than the
                // release that added it (a newer release's Since tag).
                if (const auto own = ownSinceEvidence(*e);
                    own && (!it.sinceRange().exact ||
                            (own->kind == Evidence::Kind::SinceTag && it.sinceRange().upTo < own->version)))
                    it.evidence.append(*own);
                if (const Version text = acceptedAsTextIn(pack, *e, xmlByKey, valuesOf); text.isValid())
                    it.attrs.insert(kTextBefore, text.toString());
                if (const auto doc = packDocsEvidence(pack, *e)) {
                    it.evidence.append(*doc);
                    ++stats.packDocs;
                }
                ++stats.matched;
                if (e->attrs.contains(kDefaults))
                    it.attrs.insert(kDefaults, e->attrs.value(kDefaults));
                if (e->attrs.contains(QStringLiteral("message")) && !it.attrs.contains(QStringLiteral("message")))
                    it.attrs.insert(kHistoryMessage, e->attrs.value(QStringLiteral("message")));
                // No hvsupport.html indexed (a host without libvirt-doc): the history's drivers.
                if (it.kind == ItemKind::Function && !ownDrivers)
                    if (const QJsonArray drivers = historyDrivers(*e); !drivers.isEmpty()) {
                        it.attrs.insert(QStringLiteral("drivers"), drivers);
                        it.attrs.insert(kDriversFromHistory, true);
                        ++stats.historyDrivers;
                    }
                if (!latest)
                    continue;
                insertSpans(it, pack, *e);
                QStringList others;
                for (const auto &v : it.attrs.value(QStringLiteral("otherNames")).toArray())
                    others << v.toString();
                for (const QString &n : pack.names(*e))
                    if (n != it.name && !others.contains(n))
                        others << n;
                if (!others.isEmpty())
                    it.attrs.insert(QStringLiteral("otherNames"), QJsonArray::fromStringList(others));
                // Removed after the newest indexed release that has it, as the history shows.
                const Version removed = pack.removedIn(*e);
                if (!it.attrs.contains(QStringLiteral("removedIn")) && removed.isValid() &&
                    lastIndexed.value(id) < removed) {
                    markRemoved(it, pack, *e, removed);
                }
                continue;
            }
            // Not in the history: absent from its newest release of this
            // family that is older than the item's first indexed release.
            const SinceRange range = it.sinceRange();
            if (range.exact || !range.upTo.isValid())
                continue;
            const QString family = kindFamily(it.kind);
            const int k = newestDating(pack, it.kind, it.name, range.upTo);
            if (k < 0 || (range.after.isValid() && !(range.after < pack.releases().at(k).version)))
                continue;
            if (family == QLatin1String("xml")) {
                auto tails = tailsOf.find(k);
                if (tails == tailsOf.end()) {
                    QSet<QString> t;
                    for (const HistoryEntry &h : pack.entries())
                        if (kindFamily(h.kind) == QLatin1String("xml") && pack.hasIn(h, k))
                            for (const HistorySpan &s : h.spans)
                                if (s.from <= k && k <= s.to)
                                    t.insert(xmlTail(s.name));
                    tails = tailsOf.insert(k, t);
                }
                if (tails->contains(xmlTail(it.name))) {
                    ++stats.movedSkipped;
                    continue;
                }
            }
            const HistoryRelease &hr = pack.releases().at(k);
            Evidence absent(Evidence::Kind::History, Version(), QStringLiteral("not in ") + hr.source);
            absent.after = hr.version;
            it.evidence.append(absent);
            ++stats.lowerBounded;
        }
    }

    // XML paths a release's schema reaches only through a define it shares
    // with another path (network.rng's route and the domain's hostdev route
    // are one define since 1.2.12): the index has one item, under the
    // canonical path, dated as that path. A path with its own history gets
    // its own row, dated by it, so that a check of a network with a route
    // does not call it as new as the hostdev route.
    QMap<QString, QList<int>> aliasReleases; // name -> indexed releases with a row for it
    for (int r = 0; r < int(releases.size()); ++r) {
        if (!families[r].contains(QStringLiteral("xml")))
            continue;
        Release &rel = releases[r];
        const XmlResolver graph(rel);
        QHash<QString, qsizetype> byName;
        for (qsizetype i = 0; i < rel.items.size(); ++i)
            if (kindFamily(rel.items.at(i).kind) == QLatin1String("xml"))
                byName.insert(rel.items.at(i).name, i);
        QList<Item> rows;
        for (const HistoryEntry &e : pack.entries()) {
            if (kindFamily(e.kind) != QLatin1String("xml"))
                continue;
            const QString name = e.spans.constLast().name;
            // An indexed release that has the path as an item of its own
            // (canonical there) carries its history already.
            if (byName.contains(name) || rel.version < pack.firstSeen(e) ||
                indexed.contains(HistoryPack::identityOf(e)))
                continue;
            const QString canonical = graph.canonical(name);
            const auto base = byName.constFind(canonical);
            if (canonical.isEmpty() || base == byName.cend())
                continue;
            const Item &of = rel.items.at(*base);
            if (of.kind != e.kind)
                continue;
            Item it = of;
            it.name = name;
            it.key.clear();
            it.parent = e.parent;
            it.line = 0;
            it.file = of.file;
            it.attrs.remove(QStringLiteral("aliases"));
            it.attrs.remove(QStringLiteral("otherNames"));
            it.attrs.remove(QStringLiteral("releases"));
            it.attrs.remove(QStringLiteral("latest"));
            it.attrs.insert(kAliasPathOf, canonical);
            // The top-level schema of its own document (network.rng for network/route).
            if (const auto root = byName.constFind(HistoryPack::xmlRootOf(name)); root != byName.cend())
                it.attrs.insert(QStringLiteral("schema"), rel.items.at(*root).attrs.value(QStringLiteral("schema")));
            // The canonical item's evidence dates the canonical path: this
            // one is in this release, and the history dates it.
            it.evidence = {Evidence(Evidence::Kind::FirstRelease, rel.version, rel.sourcePath, true)};
            it.evidence.append(historyEvidence(pack, e));
            if (const auto doc = packDocsEvidence(pack, e))
                it.evidence.append(*doc);
            insertSpans(it, pack, e);
            rows.append(std::move(it));
        }
        for (Item &it : rows) {
            byName.insert(it.name, rel.items.size());
            indexed.insert(ReleaseMerger::identityOf(it));
            aliasReleases[it.name].append(r);
            rel.items.append(std::move(it));
            ++stats.aliasRows;
        }
    }
    // What the merge says of every item, said of these rows: the indexed
    // releases that have them, which row is the newest, and the oldest of
    // those releases as the first that has it.
    for (auto a = aliasReleases.cbegin(); a != aliasReleases.cend(); ++a) {
        QJsonArray versions;
        for (int r : a.value())
            versions.append(releases.at(r).version.toString());
        // As the merge words it: first in the oldest release with the row,
        // and absent from the indexed release with XML data before it.
        const int r0 = a.value().constFirst();
        Evidence first(Evidence::Kind::FirstRelease, releases.at(r0).version, releases.at(r0).sourcePath, true);
        for (int p = r0 - 1; p >= 0; --p)
            if (families[p].contains(QStringLiteral("xml"))) {
                first.upperBoundOnly = false;
                first.after = releases.at(p).version;
                break;
            }
        for (int r : a.value())
            for (Item &it : releases[r].items)
                if (it.name == a.key() && it.attrs.contains(kAliasPathOf)) {
                    it.attrs.insert(QStringLiteral("releases"), versions);
                    it.attrs.insert(QStringLiteral("latest"), r == a.value().constLast());
                    it.evidence.first() = first;
                }
    }

    // How far documentation "Since" notes can be trusted: against the
    // history's exact since where both exist.
    for (const Release &r : std::as_const(releases))
        for (const Item &it : r.items) {
            if (kindFamily(it.kind) != QLatin1String("xml"))
                continue;
            const Evidence *doc = nullptr, *hist = nullptr;
            for (const Evidence &e : it.evidence) {
                if (e.kind == Evidence::Kind::Documentation && e.version.isValid() &&
                    !fromPackDocs(e))
                    doc = &e;
                if (e.kind == Evidence::Kind::History && e.version.isValid() && e.after.isValid() &&
                    ReleaseSeries::adjacent(e.after, e.version))
                    hist = &e;
            }
            if (doc && hist)
                ++(doc->version == hist->version ? stats.docsAgree : stats.docsDisagree);
        }
    const int docsCompared = stats.docsAgree + stats.docsDisagree;
    stats.docsUsed = docsCompared == 0 || stats.docsAgree >= kDocsAgreement * docsCompared;
    if (!stats.docsUsed) {
        const QString why = kDocsDistrust.mid(2) + QStringLiteral("%1 of %2 items")
                                                        .arg(stats.docsAgree)
                                                        .arg(docsCompared);
        for (Release &r : releases)
            for (Item &it : r.items)
                for (Evidence &e : it.evidence)
                    if (e.kind == Evidence::Kind::Documentation &&
                        kindFamily(it.kind) == QLatin1String("xml") && !fromPackDocs(e)) {
                        e.unreliable = true;
                        if (!e.detail.contains(why))
                            e.detail += QStringLiteral("; ") + why;
                    }
    }

    // What the indexed releases cannot show.
    Release extra;
    extra.sourceKind = Release::SourceKind::History;
    extra.version = pack.releases().constLast().version;
    extra.sourcePath = QStringLiteral("history");
    extra.versionEvidence = QStringLiteral("shipped release history, ") + pack.releases().constFirst().version.toString() +
                            QStringLiteral(" \u2013 ") + extra.version.toString();
    const Version newestIndexed = releases.constLast().version;
    // Families no indexed release has data for (a package set carries no .x
    // files; a default install has neither virsh nor the daemons' files): rows
    // from the history's nearest release with that family not newer than the
    // newest indexed one (else the oldest after it), said so on each row.
    QHash<QString, int> fillFrom;
    for (const QString &family : {QStringLiteral("rpc"), QStringLiteral("virsh"), QStringLiteral("config"),
                                  QString::fromLatin1(kApiDeclarations)}) {
        bool any = false;
        for (const auto &f : families)
            any = any || f.contains(family);
        if (any)
            continue;
        const QString packFamily = family == QLatin1String(kApiDeclarations) ? QStringLiteral("api") : family;
        int best = -1;
        for (int i = 0; i < int(pack.releases().size()); ++i)
            if (pack.releases().at(i).families.contains(packFamily) &&
                (best < 0 || !(newestIndexed < pack.releases().at(i).version)))
                best = i;
        if (best >= 0)
            fillFrom.insert(family, best);
    }
    // Configuration files count one by one: a machine with only the client's
    // libvirt.conf (libvirt-clients) still takes the daemons' files from the
    // history. A file's options are keyed "FILE:option".
    const auto configFile = [](const QString &key) { return key.section(QLatin1Char(':'), 0, 0); };
    QSet<QString> configFiles;
    for (const Release &r : std::as_const(releases))
        for (const Item &it : r.items)
            if (it.kind == ItemKind::ConfigOption)
                configFiles.insert(configFile(it.identity()));
    int configFrom = -1;
    for (int i = 0; i < int(pack.releases().size()); ++i)
        if (pack.releases().at(i).families.contains(QStringLiteral("config")) &&
            (configFrom < 0 || !(newestIndexed < pack.releases().at(i).version)))
            configFrom = i;
    const int rpcFrom = fillFrom.value(QStringLiteral("rpc"), -1);
    // The newest indexed release with data of each family.
    QHash<QString, int> newestWith;
    for (int r = 0; r < int(releases.size()); ++r)
        for (const QString &f : std::as_const(families[r]))
            newestWith.insert(f, r);
    // A row for an entry first seen after `newest`, the newest release with
    // data of its family that the user has (indexed, or the history's
    // release standing in for it when no indexed release has that family).
    const auto addNewer = [&](const HistoryEntry &e, const Version &newest, const QString &where) {
        const QString family = kindFamily(e.kind);
        const QString newestName = e.spans.constLast().name;
        if (family == QLatin1String("xml") && resolver && resolver->has(newestName))
            return; // the indexed schema has it under another path
        if (indexedNames.contains(family + QLatin1Char('|') + newestName))
            return; // the same name as another kind of item: changed, not new
        Item it = rowFor(pack, e, newestName);
        if (const Version after = pack.lastAbsentBefore(e); !after.isValid() || after < newest) {
            Evidence absent(Evidence::Kind::History, Version(),
                            QStringLiteral("not in %1 (%2)").arg(newest.toString(), where));
            absent.after = newest;
            it.evidence.append(absent);
        }
        addCarriedApiSince(it, pack, e);
        it.attrs.insert(kNewerThan, newest.toString());
        it.attrs.insert(kFromHistory, pack.releases().at(e.spans.constLast().to).version.toString());
        if (const Version removed = pack.removedIn(e); removed.isValid())
            markRemoved(it, pack, e, removed);
        extra.items.append(std::move(it));
        ++stats.newerRows;
    };
    for (const HistoryEntry &e : pack.entries()) {
        const QString id = HistoryPack::identityOf(e);
        if (indexed.contains(id))
            continue;
        const QString family = kindFamily(e.kind);
        int from = fillFrom.value(fillFamily(e.kind), -1);
        if (from < 0 && e.kind == ItemKind::ConfigOption && !configFiles.contains(configFile(e.key)))
            from = configFrom;
        if (from >= 0) {
            if (!pack.hasIn(e, from)) {
                const HistoryRelease &stand = pack.releases().at(from);
                if (stand.version < pack.firstSeen(e)) {
                    addNewer(e, stand.version, QStringLiteral("release history, ") + stand.source);
                } else if (const Version removed = pack.removedIn(e);
                           removed.isValid() && !(stand.version < removed) && pack.datesIn(e, from)) {
                    // Gone before the release standing in for the user's
                    // (libvirtd.conf's max_requests, gone by 7.0.0): findable,
                    // and said to be removed rather than never to have been.
                    const QString lastName = e.spans.constLast().name;
                    if (indexedNames.contains(family + QLatin1Char('|') + lastName))
                        continue;
                    Item it = rowFor(pack, e, lastName);
                    markRemoved(it, pack, e, removed);
                    it.attrs.insert(kFromHistory, pack.lastSeen(e).toString());
                    extra.items.append(std::move(it));
                    ++stats.removedRows;
                }
                continue;
            }
            QString name = HistoryPack::nameIn(e, from);
            if (name.isEmpty())
                name = e.key;
            Item it = rowFor(pack, e, name);
            addCarriedApiSince(it, pack, e);
            it.attrs.insert(kFromHistory, pack.releases().at(from).version.toString());
            // The newest entry's facts, but the shipped value of the release the row stands for.
            if (e.kind == ItemKind::ConfigOption) {
                const QJsonValue v = configDefaultIn(it.attrs, pack.releases().at(from).version);
                if (v.isString())
                    it.attrs.insert(QStringLiteral("default"), v);
                else
                    it.attrs.remove(QStringLiteral("default"));
            }
            extra.items.append(std::move(it));
            ++stats.filledRows[family];
            if (family == QLatin1String("rpc"))
                ++stats.rpcRows;
            continue;
        }
        // Newer than every indexed release with data of its family: those
        // cannot show it, yet a program or guest may ask for it ("which
        // libvirt does virDomainGraphicsReload need?").
        if (const int n = newestWith.value(family, -1);
            n >= 0 && releases.at(n).version < pack.firstSeen(e)) {
            addNewer(e, releases.at(n).version, releases.at(n).sourcePath);
            continue;
        }
        // Removed before an indexed release that has data of this family.
        const Version last = pack.lastSeen(e);
        int seenWithout = -1;
        for (int r = 0; r < int(releases.size()); ++r)
            if (last < releases.at(r).version && families[r].contains(family)) {
                seenWithout = r;
                break;
            }
        if (seenWithout < 0)
            continue;
        const QString lastName = e.spans.constLast().name;
        if (family == QLatin1String("xml") && resolver && resolver->has(lastName))
            continue; // moved, not removed
        if (indexedNames.contains(family + QLatin1Char('|') + lastName))
            continue; // the same name as another kind of item: changed, not removed
        Item it = rowFor(pack, e, lastName);
        const Version removed = pack.removedIn(e);
        if (removed.isValid()) {
            markRemoved(it, pack, e, removed);
        } else {
            // Still in the history's newest release: removed after it, by the indexed one.
            it.attrs.insert(QStringLiteral("removedIn"), releases.at(seenWithout).version.toString());
            it.attrs.insert(kRemovedAfter, last.toString());
            it.attrs.insert(kRemovedEvidence, QStringLiteral("in %1 (release history), not in %2 (%3)")
                                                  .arg(last.toString(), releases.at(seenWithout).version.toString(),
                                                       releases.at(seenWithout).sourcePath));
        }
        it.attrs.insert(kFromHistory, last.toString());
        extra.items.append(std::move(it));
        ++stats.removedRows;
    }
    if (rpcFrom >= 0)
        stats.rpcFrom = pack.releases().at(rpcFrom).version;
    for (auto it = fillFrom.cbegin(); it != fillFrom.cend(); ++it)
        stats.filledFrom.insert(it.key(), pack.releases().at(it.value()).version);
    if (!extra.items.isEmpty())
        releases.append(std::move(extra));
    return stats;
}

} // namespace vse
