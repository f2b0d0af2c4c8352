#pragma once

#include "viewfilter.h"

#include "index/search.h"

#include <QHash>
#include <QList>
#include <vector>

namespace vse::gui {

// The result of one filter pass: ranked hits, which of them are newer than
// the target release (shown greyed) and how many the target release excluded.
struct FindResult
{
    QList<SearchHit> hits;
    std::vector<bool> newer; // parallel to hits
    int excludedNewer = 0;   // items newer than the target (hidden or greyed)
};

// Ranks and filters the item summaries of a SearchEngine on every keystroke.
// Same ranking as SearchEngine::search (exact > prefix > substring > fuzzy,
// then kindRank, then shorter names, then name order) but without sorting per
// keystroke: the items are put in (kind rank, length, name) order once, so
// one pass that buckets by match class yields the ranked list. When the new text only extends the
// previous one, only the previous matches can match again, so the pass skips
// everything else; typing "virDomainGet" gets cheaper with every letter.
// Backspace returns to a text typed a moment ago, so the last few results
// are kept and reused.
class HitFinder
{
public:
    void setEngine(const SearchEngine *engine, const QHash<qint64, QStringList> &taintsById = {});
    FindResult find(const ViewFilter &filter);
    // Whether an item passes the non-text filters; `newer` tells the target release check apart.
    bool passes(int index, const ViewFilter &filter, bool *newer) const;
    // SearchEngine::matchName's ranking, with the last path segment and a
    // character mask precomputed per item so most non-matches cost one AND.
    // wildcard: SearchEngine::isWildcard(lowerQuery), decided once per search.
    // `fuzzyGaps`: for a fuzzy match, how tight it is (SearchEngine::fuzzyMatch).
    MatchClass match(size_t index, const QString &lowerQuery, quint64 queryMask, bool wildcard = false,
                     int *fuzzyGaps = nullptr) const;
    static quint64 charMask(QStringView text);
    // Distinct hypervisor drivers of the items, sorted.
    QStringList driverIds() const;

private:
    const SearchEngine *m_engine = nullptr;
    // Lower-cased names come from the engine (SearchEngine::lowerName()),
    // not a copy: a vector of QStrings would cost 24 bytes a row even with
    // the text shared.
    const QString &lower(size_t i) const { return m_engine->lowerName(qsizetype(i)); }
    std::vector<quint16> m_segment; // start of the last path segment in the name
    std::vector<quint64> m_mask;    // charMask() of the lower-cased name
    std::vector<int> m_order; // indices in (kind rank, name length, name) order
    // Without search text: browsing order, where users start: the C API
    // (functions first, by name), then the XML schemas, then the protocol.
    std::vector<int> m_browseOrder;
    std::vector<quint8> m_family;
    std::vector<quint8> m_tier;
    std::vector<quint8> m_group;
    std::vector<qint64> m_sinceNumber; // too new for targets below this number; -1: never certainly too new
    std::vector<quint64> m_drivers;    // bit per driver id in m_driverIds (the last bit: any further one)
    QStringList m_driverIds;
    mutable QString m_driverQuery; // the last driver filter and its position in m_driverIds
    mutable qsizetype m_driverIndex = -1;
    QStringList m_tierIds;
    QStringList m_groupIds;
    QHash<qint64, QStringList> m_taints;

    // Narrowing cache: which items matched the last text under the same filter.
    ViewFilter m_last;
    bool m_haveLast = false;
    bool m_lastNamedTaints = false; // m_last's text named taint reasons: its hits are no narrower set
    std::vector<char> m_alive;

    struct Cached
    {
        ViewFilter filter;
        FindResult result;
        std::vector<int> alive;
    };
    std::vector<Cached> m_cache; // most recent last
    static constexpr size_t kCacheSize = 8;
    void remember(const ViewFilter &filter, const FindResult &result);
};

} // namespace vse::gui
