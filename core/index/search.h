#pragma once

#include "store.h"

#include <QList>
#include <QHash>
#include <QString>
#include <optional>

namespace vse {

// A parsed search: "xml:disk" scopes to XML items, "rpc:migrate" to the
// protocol, "api:lookup" to the C API. Filters combine with AND.
struct SearchQuery
{
    QString text;                 // what to match against names (scope prefix removed)
    QString family;               // "api", "xml", "rpc" or empty
    std::optional<ItemKind> kind; // exact kind filter
    QString tier;                 // tier id or tier group ("stable" also matches stable-abi)
    QString hypervisor;
    QString driver;            // only APIs this hypervisor driver implements
    Version maxVersion;        // hide items certainly newer (a range containing it, or unknown, is kept)
    Version newerThan;         // keep only items certainly or maybe newer (the range contains it); unknown since: dropped
    QList<qint64> releaseIds;  // empty: every release
    // Only this configuration file's options ("qemu.conf"): from "qemu.conf",
    // "qemu.conf:vnc", "/etc/libvirt/qemu.conf vnc_listen" (the family is
    // then "config" and the text the option part, perhaps empty).
    QString configFile;
    bool latestOnly = true;    // one row per item: the newest release that has it

    static SearchQuery parse(const QString &input);
    // "api:virConnectOpen", "XML: domain/devices/tpm": the family a scope
    // prefix names ("api", "xml", "rpc", "virsh", "config") and the rest in
    // `rest`; empty (and `rest` untouched) without one.
    static QString familyScope(const QString &input, QString *rest);
};

// How a name matched, best first. The order is the ranking users asked of
// similar tools: exact, then prefix, then substring, then fuzzy. A query with
// shell wildcards ("virDomainGet*", "*Migrate?Params") matches as a pattern
// only: its hits are Wildcard (or Exact, a name spelled with the characters).
enum class MatchClass { Exact = 0, Prefix = 1, Substring = 2, Fuzzy = 3, Wildcard = 4, None = 5 };
inline constexpr int kMatchClasses = 5; // every class but None

struct SearchHit
{
    int index = -1; // into SearchEngine::items()
    MatchClass match = MatchClass::None;
};

// In-memory name search over every item summary. Kept in memory because a
// keystroke must be answered in milliseconds over 150 000 items, which a
// LIKE query cannot do; doc-text search goes through the index's FTS5 table.
class SearchEngine
{
public:
    void setItems(QList<ItemSummary> items);
    // The file of each configuration option row (item id -> "qemu.conf"),
    // for SearchQuery::configFile; summaries do not carry it.
    void setConfigFiles(QHash<qint64, QString> fileOfId) { m_configFiles = std::move(fileOfId); }
    QString configFileOf(qint64 id) const { return m_configFiles.value(id); }
    const QList<ItemSummary> &items() const { return m_items; }
    // The lower-cased name of items().at(i); one string per distinct name.
    const QString &lowerName(qsizetype i) const { return m_lowerText.at(m_lowerOf.at(i)); }

    // Hits ranked best first; limit < 0 means all.
    QList<SearchHit> search(const SearchQuery &query, int limit = -1) const;
    // Whether an item passes the query's filters (not the text).
    bool passesFilters(const ItemSummary &item, const SearchQuery &query) const;
    // The match class of one name against lower-cased query text;
    // `original`, the name as written, tells where its words start.
    // `fuzzyGaps`: for a fuzzy match, how tight it is (fuzzyMatch).
    static MatchClass matchName(const QString &lowerName, const QString &lowerQuery, QStringView original = {},
                                int *fuzzyGaps = nullptr);
    // A fuzzy match: the query's letters in order, the first at the start
    // of a word of the name, at most six letters of the name between two of
    // them ("dmcrxml" in virDomainCreateXML), so letters picked out of words
    // and scattered over a long name ("memfd" in remote_num_of_domains_ret)
    // do not count. Queries of two letters or more; `name` and `query`
    // lower-cased, `original` the name as written (its upper-case letters
    // start words; without it only separators and digits do).
    // With `gaps`, also how tight the match is (for ranking, fewer first):
    // the fewest letters of the name skipped between the query's, taking
    // them as early as they come from some word start of the first letter;
    // kFuzzyGapUnknown when only a later choice of letters matches.
    static bool fuzzyMatch(QStringView lowerName, QStringView lowerQuery, QStringView original = {},
                           int *gaps = nullptr);
    static constexpr int kFuzzyGapUnknown = 255;
    // Whether position i of a name starts one of its words.
    static bool wordStart(QStringView lowerName, QStringView original, qsizetype i);
    // Whether the query is a shell wildcard pattern: it has '*' or '?'.
    static bool isWildcard(QStringView query);
    // '*' any run of characters, '?' one; the whole name or its last path
    // segment (domain/devices/disk matches "dis?"). Both lower-cased.
    static bool wildcardMatch(QStringView lowerName, QStringView lowerPattern);

    // For a query nothing matched: the names nearest to `text` by edit
    // distance (case-insensitive, against the whole name and its last path
    // segment), closest first, then by kind rank and name; only items that
    // pass the query's filters, and only reasonably close ones.
    QList<SearchHit> nearest(const QString &text, const SearchQuery &filters, int limit) const;
    // Levenshtein distance (insert, delete, substitute: 1 each).
    static int editDistance(QStringView a, QStringView b);
    // RPC procedures (newest rows) whose name, by libvirt's naming rule,
    // carries the API `apiName` (virDomainMigratePerform3Params ->
    // REMOTE_PROC_DOMAIN_MIGRATE_PERFORM3_PARAMS), as indexes into items().
    QList<int> proceduresCarrying(const QString &apiName) const;

    // A name as people type it where the index spells it otherwise: in
    // another case (virdomaincreatexml), after the tool's name (virsh
    // domstate --reason), or as an XML tag (<pstore>, <pstore/>, <disk
    // type='file'>, matched against the elements' last segment), or as an
    // XPath or the end of a path (domain/@type, tpm/backend[@type='emulator'],
    // qemu:commandline: the XML items whose path ends so). `names` gets the
    // distinct names it stands for (newest rows); `via` says how: "case",
    // "call" (virDomainCreateXML() or with arguments), "c-type" (struct
    // _virDomainInfo: the type without its keyword), "virsh-prefix",
    // "virsh-command-line" (a pasted command line: its options, else its command),
    // "element-tag", "tag-value" (<interface type='bridge'>: the value the
    // tag's attribute names), "tag-attributes" (<disk type='file'
    // device='cdrom'>: per attribute given, in order, its value when the
    // schema lists it, else the attribute, all of one element), "xml-path".
    struct TolerantMatch
    {
        QStringList names;
        QString via;
        // With several names, the one a reader most likely means, else
        // empty: the root element a tag names (<domain> is the domain
        // document, not capabilities/guest/arch/domain).
        QString best;
        // A virsh command line's options no release's virsh has ("list
        // --frobnicate"), a tag's attributes or values no release's schema
        // has for its element ("disk@devise"): said, not silently dropped.
        QStringList unknown;
        // A tag several elements could be (<disk> is in the domain, backup
        // and snapshot documents): the one it was read as (a document's
        // root, else the domain document's) and the others.
        QString element;
        QStringList otherElements;
        // The item to show: the only name, else `best`, else the element a
        // tag with several attributes was read as (may be empty).
        QString one() const { return names.size() == 1 ? names.constFirst() : !best.isEmpty() ? best : element; }
    };
    TolerantMatch tolerantMatch(const QString &typed) const;
    // A tag with attributes (<interface type='bridge'>, <disk type='file'
    // device='cdrom'>): the rows (newest) of what tolerantMatch reads it as,
    // the preferred reading first; `search` and the explorer list them
    // before the elements. Empty for any other text.
    QList<int> tagReading(const QString &typed) const;

private:
    QList<ItemSummary> m_items;
    QHash<qint64, QString> m_configFiles;
    // Lower-cased names: each distinct one once, and its position per item
    // (4 bytes a row rather than a QString's 24; the GUI keeps 150 000 rows).
    QList<QString> m_lowerText;
    QList<quint32> m_lowerOf; // parallel to m_items
};

// A configuration option as people write it with its file, as the index's
// key "FILE:OPTION": "qemu.conf vnc_listen", "/etc/libvirt/qemu.conf:vnc_listen",
// "qemu.conf: vnc_listen"; empty when `typed` is not such a pair.
QString configKeyForm(const QString &typed);

// The function a call or a prototype pasted from C code names
// ("ret = virDomainCreate(dom);", "const char *virConnectGetType(virConnectPtr
// conn)"): its name, or empty when `text` is neither.
QString calledFunction(const QString &text);

// Within one match class, what people most often mean comes first: the
// function, the XML element, the procedure; then types and attributes;
// then values and constants ("xml:disk" is the <disk> element before
// pool@type=disk).
int kindRank(ItemKind kind);

// Tier group of a tier id, from the policy ("stable-abi" → "stable").
QString tierGroup(const QString &tierId);

} // namespace vse
