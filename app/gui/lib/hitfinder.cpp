#include "hitfinder.h"

#include "index/taintmentions.h"

#include "model/policy.h"

#include <algorithm>

namespace vse::gui {

namespace {

quint8 familyCode(const QString &family)
{
    if (family == QLatin1String("api"))
        return 1;
    if (family == QLatin1String("xml"))
        return 2;
    if (family == QLatin1String("rpc"))
        return 3;
    // The CLI's search scopes them too ("virsh:domstate", "virsh domstate").
    if (family == QLatin1String("virsh"))
        return 4;
    if (family == QLatin1String("config"))
        return 5;
    return 0;
}

quint8 intern(QStringList &ids, const QString &id)
{
    qsizetype i = ids.indexOf(id);
    if (i < 0) {
        ids.append(id);
        i = ids.size() - 1;
    }
    return quint8(std::min<qsizetype>(i, 255));
}

// libvirt has about 30 drivers: one bit each keeps the driver filter at one
// AND per item. Should there ever be more than 63, they share the last bit
// and passes() compares the names for them.
constexpr int kDriverBits = 63;

quint64 driverBits(QStringList &ids, const QString &drivers)
{
    quint64 bits = 0;
    for (const QStringView d : QStringView(drivers).split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        qsizetype i = ids.indexOf(d);
        if (i < 0) {
            ids.append(d.toString());
            i = ids.size() - 1;
        }
        bits |= quint64(1) << std::min<qsizetype>(i, kDriverBits);
    }
    return bits;
}

} // namespace

QStringList HitFinder::driverIds() const
{
    QStringList ids = m_driverIds;
    ids.sort();
    return ids;
}

void HitFinder::setEngine(const SearchEngine *engine, const QHash<qint64, QStringList> &taintsById)
{
    m_engine = engine;
    m_taints = taintsById;
    m_haveLast = false;
    m_tierIds.clear();
    m_groupIds.clear();
    const QList<ItemSummary> &items = engine->items();
    const size_t n = size_t(items.size());
    m_family.assign(n, 0);
    m_tier.assign(n, 0);
    m_group.assign(n, 0);
    m_sinceNumber.assign(n, -1);
    m_alive.assign(n, 0);
    m_segment.assign(n, 0);
    m_mask.assign(n, 0);
    m_drivers.assign(n, 0);
    m_driverIds.clear();
    m_driverQuery.clear();
    m_driverIndex = -1;
    m_cache.clear();
    QHash<QString, quint8> groupOfTier;
    for (size_t i = 0; i < n; ++i) {
        const ItemSummary &s = items.at(qsizetype(i));
        m_mask[i] = charMask(lower(i));
        // Last segment of an XML path or RPC key ("domain/devices/disk" → "disk"),
        // as SearchEngine::matchName cuts it.
        qsizetype cut = lower(i).size();
        while (cut > 0) {
            const QChar c = lower(i).at(cut - 1);
            if (c == QLatin1Char('/') || c == QLatin1Char('@') || c == QLatin1Char('='))
                break;
            --cut;
        }
        m_segment[i] = quint16(std::min<qsizetype>(cut, 0xFFFF));
        m_family[i] = familyCode(kindFamily(s.kind));
        m_tier[i] = intern(m_tierIds, s.tier);
        auto g = groupOfTier.constFind(s.tier);
        if (g == groupOfTier.constEnd())
            g = groupOfTier.insert(s.tier, intern(m_groupIds, tierGroup(s.tier)));
        m_group[i] = *g;
        // Only a lower end excludes an item: it is too new for a target T
        // when exact and newer than T, or when a release at or after T is
        // known not to have it. A range containing T keeps the item.
        if (s.sinceExact)
            m_sinceNumber[i] = s.sinceUpTo.toNumber();
        else if (s.sinceAfter.isValid())
            m_sinceNumber[i] = s.sinceAfter.toNumber() + 1;
        if (!s.drivers.isEmpty())
            m_drivers[i] = driverBits(m_driverIds, s.drivers);
    }
    m_order.resize(n);
    for (size_t i = 0; i < n; ++i)
        m_order[i] = int(i);
    std::sort(m_order.begin(), m_order.end(), [&items](int a, int b) {
        const int ka = kindRank(items.at(a).kind);
        const int kb = kindRank(items.at(b).kind);
        if (ka != kb)
            return ka < kb;
        const QString &na = items.at(a).name;
        const QString &nb = items.at(b).name;
        if (na.size() != nb.size())
            return na.size() < nb.size();
        if (const int c = na.compare(nb); c != 0)
            return c < 0;
        return a < b;
    });
    m_browseOrder = m_order;
    std::sort(m_browseOrder.begin(), m_browseOrder.end(), [this, &items](int a, int b) {
        // familyCode: api 1, xml 2, rpc 3; anything else (0) last.
        const int fa = m_family[size_t(a)] == 0 ? 4 : m_family[size_t(a)];
        const int fb = m_family[size_t(b)] == 0 ? 4 : m_family[size_t(b)];
        if (fa != fb)
            return fa < fb;
        const int ka = kindRank(items.at(a).kind);
        const int kb = kindRank(items.at(b).kind);
        if (ka != kb)
            return ka < kb;
        if (const int c = lower(size_t(a)).compare(lower(size_t(b))); c != 0)
            return c < 0;
        return a < b;
    });
}

bool HitFinder::passes(int index, const ViewFilter &f, bool *newer) const
{
    const ItemSummary &s = m_engine->items().at(index);
    *newer = false;
    if (!f.family.isEmpty() && m_family[size_t(index)] != familyCode(f.family))
        return false;
    if (!f.tiers.isEmpty() && !f.tiers.contains(m_tierIds.at(m_tier[size_t(index)])))
        return false;
    if (!f.tierGroup.isEmpty() && m_groupIds.at(m_group[size_t(index)]) != f.tierGroup)
        return false;
    if (!f.hypervisor.isEmpty()) {
        const bool none = f.hypervisor == QLatin1String("-");
        if (none ? !s.hypervisor.isEmpty() : s.hypervisor != f.hypervisor)
            return false;
    }
    if (!f.driver.isEmpty()) {
        if (f.driver != m_driverQuery) {
            m_driverQuery = f.driver;
            m_driverIndex = m_driverIds.indexOf(f.driver);
        }
        const qsizetype d = m_driverIndex;
        if (d < 0 || !(m_drivers[size_t(index)] & (quint64(1) << std::min<qsizetype>(d, kDriverBits))))
            return false;
        if (d >= kDriverBits && !s.drivers.toString().split(QLatin1Char(',')).contains(f.driver))
            return false;
    }
    if (f.kind && s.kind != *f.kind)
        return false;
    if (f.releaseId == 0 ? !s.latest : s.releaseId != f.releaseId)
        return false;
    if (!f.taint.isEmpty() && (!s.tainted || !m_taints.value(s.id).contains(f.taint)))
        return false;
    if (f.target.isValid() && f.newerOnly) {
        const SinceRange::Fit fit = s.sinceRange().fit(f.target);
        return fit == SinceRange::Fit::TooNew || fit == SinceRange::Fit::MaybeTooNew;
    }
    if (f.target.isValid() && m_sinceNumber[size_t(index)] > f.target.toNumber())
        *newer = true;
    return true;
}

quint64 HitFinder::charMask(QStringView text)
{
    quint64 mask = 0;
    for (const QChar c : text)
        mask |= quint64(1) << (c.unicode() % 64);
    return mask;
}

MatchClass HitFinder::match(size_t i, const QString &q, quint64 queryMask, bool wildcard, int *fuzzyGaps) const
{
    if (q.isEmpty())
        return MatchClass::Exact;
    // Every match class needs every query character somewhere in the name.
    if ((queryMask & ~m_mask[i]) != 0)
        return MatchClass::None;
    const QStringView name(lower(i));
    const QStringView last = name.mid(m_segment[i]);
    if (name == q || last == q)
        return MatchClass::Exact;
    if (wildcard)
        return SearchEngine::wildcardMatch(name, q) ? MatchClass::Wildcard : MatchClass::None;
    if (name.startsWith(q) || last.startsWith(q))
        return MatchClass::Prefix;
    if (name.contains(q))
        return MatchClass::Substring;
    return SearchEngine::fuzzyMatch(name, q, m_engine->items().at(qsizetype(i)).name, fuzzyGaps) ? MatchClass::Fuzzy
                                                                                                   : MatchClass::None;
}

void HitFinder::remember(const ViewFilter &filter, const FindResult &result)
{
    Cached c{filter, result, {}};
    for (size_t i = 0; i < m_alive.size(); ++i)
        if (m_alive[i])
            c.alive.push_back(int(i));
    if (m_cache.size() >= kCacheSize)
        m_cache.erase(m_cache.begin());
    m_cache.push_back(std::move(c));
}

FindResult HitFinder::find(const ViewFilter &filter)
{
    FindResult result;
    if (!m_engine)
        return result;
    for (auto it = m_cache.begin(); it != m_cache.end(); ++it) {
        if (it->filter.text == filter.text && it->filter.sameExceptText(filter)) {
            // Restore the narrowing state too, so typing on after a backspace stays cheap.
            std::fill(m_alive.begin(), m_alive.end(), 0);
            for (const int a : it->alive)
                m_alive[size_t(a)] = 1;
            m_last = filter;
            m_haveLast = true;
            m_lastNamedTaints = !taintMentionsIn(filter.text).known.isEmpty();
            Cached hit = std::move(*it);
            m_cache.erase(it);
            m_cache.push_back(std::move(hit));
            return m_cache.back().result;
        }
    }
    const SearchQuery q = SearchQuery::parse(filter.text);
    const QString needle = q.text.toLower();
    const quint8 scope = familyCode(q.family);
    const bool wildcard = SearchEngine::isWildcard(needle); // once, not per row
    // A pattern's wildcards stand for letters of the name: only its others must be there.
    const quint64 queryMask = charMask(QString(needle).remove(QLatin1Char('*')).remove(QLatin1Char('?')));
    const SearchQuery lastQ = SearchQuery::parse(m_last.text);
    // A taint reason as a ticket quotes it ("custom-argv", a guest log's
    // "Domain id=3 is tainted: custom-argv"): the items that set it, as
    // `search` lists them.
    QStringList reasons;
    for (const TaintMention &m : taintMentionsIn(filter.text).known)
        reasons << m.reason.id;
    // Typing on after a pattern can match what it did not ("a*b" then
    // "a*bc" matches "axbc"): narrow only from a plain text; nor from or to
    // a text that named taint reasons.
    const bool narrow = m_haveLast && filter.sameExceptText(m_last) && lastQ.family == q.family
                        && lastQ.configFile == q.configFile && needle.startsWith(lastQ.text.toLower())
                        && !SearchEngine::isWildcard(lastQ.text) && reasons.isEmpty() && !m_lastNamedTaints;
    const auto setsReason = [&](int idx) {
        const ItemSummary &s = m_engine->items().at(idx);
        if (!s.tainted)
            return false;
        const QStringList taints = m_taints.value(s.id);
        return std::any_of(reasons.cbegin(), reasons.cend(), [&](const QString &r) { return taints.contains(r); });
    };

    // Buckets per match class; a negative entry (~index) marks a greyed newer item.
    std::vector<int> buckets[kMatchClasses];
    std::vector<std::pair<quint8, int>> fuzzy; // (how tight, entry as in the buckets)
    for (const int idx : needle.isEmpty() ? m_browseOrder : m_order) {
        const size_t i = size_t(idx);
        if (narrow && !m_alive[i])
            continue;
        m_alive[i] = 0;
        if (scope != 0 && m_family[i] != scope)
            continue;
        // "qemu.conf:vnc": that file's options only.
        if (!q.configFile.isEmpty() && m_engine->configFileOf(m_engine->items().at(idx).id) != q.configFile)
            continue;
        bool newer = false;
        if (!passes(idx, filter, &newer))
            continue;
        int gaps = 0;
        const MatchClass m = !reasons.isEmpty() ? (setsReason(idx) ? MatchClass::Exact : MatchClass::None)
                                                : match(i, needle, queryMask, wildcard, &gaps);
        if (m == MatchClass::None)
            continue;
        m_alive[i] = 1;
        if (newer) {
            ++result.excludedNewer;
            if (!filter.greyNewer)
                continue;
        }
        if (m == MatchClass::Fuzzy)
            fuzzy.push_back({quint8(std::clamp(gaps, 0, 0xFF)), newer ? ~idx : idx});
        else
            buckets[int(m)].push_back(newer ? ~idx : idx);
    }
    // Fuzzy matches the tighter first ("lstdom": virConnectListDomains before
    // virGetLastErrorDomain), as `search` ranks them; otherwise in the
    // order above (kind, then shorter names).
    std::stable_sort(fuzzy.begin(), fuzzy.end(), [](const auto &a, const auto &b) { return a.first < b.first; });
    for (const auto &f : fuzzy)
        buckets[int(MatchClass::Fuzzy)].push_back(f.second);
    size_t total = 0;
    for (const auto &b : buckets)
        total += b.size();
    result.hits.reserve(qsizetype(total));
    result.newer.reserve(total);
    // A tag with attributes (<disk type='file' device='cdrom'>): what it
    // reads as comes first, as `search` lists it; then the elements.
    std::vector<int> fromTag;
    for (const int idx : m_engine->tagReading(filter.text)) {
        bool newer = false;
        if (passes(idx, filter, &newer) && (!newer || filter.greyNewer))
            fromTag.push_back(newer ? ~idx : idx);
    }
    for (auto &b : buckets)
        std::erase_if(b, [&](int v) { return std::find(fromTag.cbegin(), fromTag.cend(), v) != fromTag.cend(); });
    for (const int v : fromTag) {
        result.hits.append({v < 0 ? ~v : v, MatchClass::Exact});
        result.newer.push_back(v < 0);
    }
    for (int c = 0; c < kMatchClasses; ++c) {
        for (const int v : buckets[c]) {
            result.hits.append({v < 0 ? ~v : v, MatchClass(c)});
            result.newer.push_back(v < 0);
        }
    }
    m_last = filter;
    m_haveLast = true;
    m_lastNamedTaints = !reasons.isEmpty();
    remember(filter, result);
    return result;
}

} // namespace vse::gui
