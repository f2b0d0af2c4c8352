#pragma once

#include "model/diagnostic.h"
#include "model/item.h"
#include "model/release.h"
#include "model/vocabularytext.h"

#include <QList>
#include <QString>
#include <QStringList>
#include <QHash>
#include <memory>
#include <optional>

struct sqlite3;

namespace vse::sql {
class Statement;
}

namespace vse {

// What the index knows about one stored release.
struct StoredRelease
{
    qint64 id = 0;
    Version version;
    QString versionEvidence;
    QString sourceKind;
    QString sourcePath;
    QString fingerprint;
    int itemCount = 0;

    // How every rendering names the release an item row was read from:
    // "9.0.0 (installed, /)", or "release history (…)" for the history's rows.
    QString label() const;
};

// The compact row the search and the GUI keep in memory for every item:
// enough to rank, filter and display a table without touching the disk.
// The explorer holds one per row of every release (150 000 and more), so
// the fields are ordered to leave no padding and the recurring vocabulary
// (tier, hypervisor, evidence kind, drivers) is held by pointer.
struct ItemSummary
{
    qint64 id = 0;
    qint64 releaseId = 0;
    QString name;
    VocabularyText tier;
    VocabularyText hypervisor;
    VocabularyText sinceEvidence; // Evidence kind id of the upper end
    VocabularyText drivers;       // comma-separated hypervisor drivers implementing an API, if known
    Version sinceAfter; // exclusive lower bound of the introduction, invalid when none
    Version sinceUpTo;  // inclusive upper bound; the since itself when exact
    ItemKind kind = ItemKind::Function;
    bool sinceExact = false;
    bool removed = false;  // removed before the newest indexed release
    bool tainted = false;
    bool inconsistent = false;
    bool latest = true; // the newest indexed release that has this item

    SinceRange sinceRange() const
    {
        SinceRange r;
        r.after = sinceAfter;
        r.upTo = sinceUpTo;
        r.exact = sinceExact;
        return r;
    }
    Version since() const { return sinceExact ? sinceUpTo : Version(); }
};

// The hypervisor drivers the summaries name (their comma-separated
// `drivers`), each once, sorted: what --driver and the Driver filter take.
QStringList driverIdsOf(const QList<ItemSummary> &items);

// The SQLite index: one file (default in the XDG cache directory) holding
// every indexed release. The schema carries a version number; a file with
// another version, or one that fails SQLite's integrity check, is rebuilt.
// Writers never modify the live file in place: Store::write() builds a new
// file beside it and renames it over the old one, so a crash or Ctrl-C while
// indexing leaves the previous index usable.
class Store
{
public:
    static constexpr int kSchemaVersion = 4;

    Store();
    ~Store();
    Store(const Store &) = delete;
    Store &operator=(const Store &) = delete;

    // The source paths an index file records, whatever its schema version
    // (empty when the file is missing or unreadable); never the history rows.
    static QStringList recordedSources(const QString &path);

    // $XDG_CACHE_HOME/virt-support-explorer/index.sqlite (or $VSE_INDEX_PATH).
    static QString defaultPath();

    // Opens an existing index read-only. Returns false (with a diagnostic)
    // when the file is missing, not a database, corrupt or of another schema
    // version; the caller then rebuilds it.
    bool open(const QString &path, Diagnostics *diagnostics);
    bool isOpen() const { return m_db != nullptr; }
    // Keeps the read lock this connection takes at its next query until
    // close() or the next call, reading one snapshot of the file: a batch of
    // many small queries (check-xml's item lookups) then does not lock and
    // unlock the file, a handful of system calls, for each. An update in
    // place waits for the lock to go: call again (which lets it in) at
    // least every second or so.
    void holdReadLock() const;
    QString path() const { return m_path; }
    void close();

    // Writes a complete index with these releases to `path` atomically.
    static bool write(const QString &path, const QList<Release> &releases, Diagnostics *diagnostics,
                      const QHash<QString, QString> &meta = {});
    // Why an existing file at `path` that does not open as an index must not
    // be replaced by one (empty: it may be). A typo in --index (a report, a
    // guest's XML, another program's database) must not cost the user that
    // file: only an empty file, the default index, a file with this tool's
    // freshness note beside it, or an SQLite file with the index's tables
    // (an older schema, a damaged one) is rebuilt.
    static QString replaceRefusal(const QString &path);
    // Removes path + ".new" left by a writer that was killed (SIGKILL, power
    // loss); one a live writer holds locked is left alone. True if removed.
    static bool removeStaleTemporary(const QString &path);

    // The indexed releases, oldest first; without the History rows' release.
    QList<StoredRelease> releases() const;
    // The release holding rows from the shipped history, if any.
    std::optional<StoredRelease> historyRelease() const;
    // Both in one query (the indexed releases in order, then the history's
    // row if any): for a command that needs each release's label.
    QList<StoredRelease> releasesWithHistory() const;
    // Every row of the releases table in the order it was written (ids),
    // the history's included.
    QList<StoredRelease> releasesById() const { return releaseRows("ORDER BY id"); }
    // Tells the history's rows for items added after the newest indexed
    // release (HistoryApplier's "newerThanIndexed") from a summary alone: in
    // the history release, not removed, absent from a release at least as
    // new as the newest indexed one.
    struct NewerRule
    {
        qint64 historyId = -1;
        Version newest; // the newest indexed release
        bool applies(const ItemSummary &s) const
        {
            return s.releaseId == historyId && !s.removed && s.sinceAfter.isValid() && !(s.sinceAfter < newest);
        }
    };
    NewerRule newerRule() const;
    // The XML item an XML check looks up by path: the last XML row of that
    // name in `releaseId`, else the history's row (`historyId`, 0 for none)
    // of an item added after the indexed releases, which says what release
    // the node needs where the validating schema lacks it. Only what a usage
    // check reads is filled in: kind, name, parent, origin, tier, hypervisor,
    // taints, evidence and attrs (no definition, doc, file:line or warnings).
    std::optional<Item> xmlItemOrNewer(const QString &path, qint64 releaseId, qint64 historyId) const;
    // The indexed release XML checks validate against and its schema folder:
    // `prefer` when that release is indexed with schemas, else the newest
    // one with schemas; nullopt when no indexed release has any.
    struct SchemaSource
    {
        StoredRelease release;
        QString dir;
    };
    std::optional<SchemaSource> schemaSource(const Version &prefer = {}) const;
    // A value of the meta table ("historyDigest", "written"), empty if unset.
    QString meta(const QString &key) const;
    QList<ItemSummary> summaries() const;
    // The summaries whose name holds these letters in this order, ignoring
    // ASCII case (a superset of every name match of the search for `text`);
    // nullopt when SQL cannot decide that (empty or non-ASCII text).
    std::optional<QList<ItemSummary>> summariesMatching(const QString &text) const;
    // The summaries of these item ids, in id order.
    QList<ItemSummary> summariesOf(const QList<qint64> &ids) const;
    // The identities of these rows that differ from their names
    // (libvirtd.conf:log_level, remote/10); summaries do not carry them.
    QHash<qint64, QString> keysOf(const QList<qint64> &ids) const;
    // Every configuration option row's file (item id -> "qemu.conf").
    QHash<qint64, QString> configFilesById() const;
    // What `stats` prints, counted by SQL without loading the summaries.
    struct Counts
    {
        QHash<qint64, QHash<QString, int>> perKind, perTier; // per release id
        int items = 0, tainted = 0, inconsistent = 0;
        // Over the latest row of each item: no since, exact, a range, an upper bound only.
        int noSince = 0, exact = 0, ranged = 0, upperOnly = 0;
    };
    Counts counts() const;
    // Full items by name (several when the name exists in several releases or kinds).
    ItemList itemsByName(const QString &name) const;
    // Those of one release only, in id order.
    ItemList itemsByName(const QString &name, qint64 releaseId) const;
    ItemList itemsByKey(const QString &key) const;
    // Every row of one kind (a kind id such as "virsh-option") whose parent
    // is `parent`, oldest release first.
    ItemList itemsByParent(const QString &kind, const QString &parent) const;
    // Every row of one kind whose name is `tail` or ends with "/" + `tail`
    // (domain/clock/timer for "timer"), oldest release first.
    ItemList itemsEndingWith(const QString &kind, const QString &tail) const;
    // The newest rows of the functions whose evidence mentions `text` (a
    // symbol version node such as "LIBVIRT_7.1.0"); the caller keeps those
    // whose symbol-version evidence names it exactly.
    ItemList functionsWithEvidenceText(const QString &text) const;
    // The newest rows whose taints column holds `text` (a quoted reason id,
    // '"custom-argv"'), by name; the caller keeps those whose taints name it.
    ItemList itemsWithTaintText(const QString &text) const;
    // Items that had this name in another release (attrs "otherNames").
    ItemList itemsByOtherName(const QString &name) const;
    Item item(qint64 id) const;
    // Every item of one stored release, ready to be written again.
    // With kinds (kind ids such as "xml-element"): only items of those kinds.
    ItemList releaseItems(qint64 releaseId, const QStringList &kinds = {}) const;
    // Every row of these kinds in every indexed release, then the history's
    // rows: what check-config and check-script judge against.
    ItemList itemsOfKinds(const QList<ItemKind> &kinds) const;
    // A stored release with its items, as diff, audit and re-indexing need it.
    Release loadRelease(const StoredRelease &stored) const;
    // Full-text search over names and doc text; returns item ids, best first.
    QList<qint64> fullText(const QString &query, int limit) const;
    int itemCount() const;

    sqlite3 *handle() const { return m_db; }

private:
    // The releases table's rows, selected and ordered by `whereAndOrder`.
    QList<StoredRelease> releaseRows(const char *whereAndOrder) const;
    // Full items, selected and ordered by `whereAndOrder`, whose ?1, ?2...
    // are `args`.
    ItemList itemRows(const char *whereAndOrder, const QStringList &args) const;

    sqlite3 *m_db = nullptr;
    QString m_path;
    // itemsByName(name, release) runs once per path a checked document uses:
    // prepared once per open index (a Store is not shared between threads).
    mutable std::unique_ptr<sql::Statement> m_byNameInRelease;
    mutable std::unique_ptr<sql::Statement> m_usageByName; // xmlItemOrNewer
};

} // namespace vse
