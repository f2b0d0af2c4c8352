#pragma once

#include "index/search.h"
#include "index/store.h"

#include <QHash>
#include <QSet>
#include <QString>
#include <memory>
#include <optional>

namespace vse::gui {

// One loaded index: the open store (for full items), the search engine over
// every item summary, the releases and the taint reasons of tainted items.
// Built off the GUI thread by load(), then only read; a new index replaces
// the whole snapshot, so views never see half of an old and half of a new one.
class IndexSnapshot
{
public:
    static std::shared_ptr<IndexSnapshot> load(const QString &path, Diagnostics *diagnostics);

    const Store &store() const { return m_store; }
    const SearchEngine &engine() const { return m_engine; }
    const QList<ItemSummary> &summaries() const { return m_engine.items(); }
    const QList<StoredRelease> &releases() const { return m_releases; }
    const QHash<qint64, QStringList> &taintsById() const { return m_taints; }
    QString path() const { return m_store.path(); }

    // The newest release's id, 0 when the index is empty.
    qint64 newestReleaseId() const;
    StoredRelease release(qint64 id) const;
    // Full item, 0 when unknown (id < 1).
    Item item(qint64 id) const;
    // The item called `name`, preferring the given release; -1 when none.
    qint64 findByName(const QString &name, qint64 preferredRelease) const;
    // Items per family ("api", "xml", "rpc") of the given release (0: the
    // newest row of every item).
    int countFamily(const QString &family, qint64 releaseId) const;
    // When the item was removed (see Removal); invalid when it was not.
    Version removedIn(qint64 id) const { return m_removedIn.value(id); }
    // The release holding the shipped history's rows, if the index has one.
    const std::optional<StoredRelease> &historyRelease() const { return m_history; }
    // Where a row comes from, as the table marks it and the welcome counts it.
    enum class Origin {
        Indexed,      // a row of an indexed release
        HistoryNewer, // the history's row of an item added after the newest indexed release
        HistoryRemoved, // the history's row of an item removed before the indexed releases
        HistoryOther, // the history's row of data the indexed releases lack (virsh, configuration, RPC)
    };
    Origin originOf(const ItemSummary &s) const
    {
        if (s.releaseId != m_newerRule.historyId)
            return Origin::Indexed;
        if (m_newerRule.applies(s))
            return Origin::HistoryNewer;
        return s.removed || m_removedIn.contains(s.id) ? Origin::HistoryRemoved : Origin::HistoryOther;
    }
    // The newest indexed release (the one "newer" and "removed before" refer to).
    Version newestIndexed() const { return m_newerRule.newest; }
    // The file a configuration option belongs to ("qemu.conf"); the same
    // option name is in several files. Empty for other kinds.
    QString fileOf(qint64 id) const { return m_fileOf.value(id); }
    // Distinct hypervisor drivers the items name, sorted.
    const QStringList &drivers() const { return m_drivers; }
    // Whether a summary is shown for the release choice (0: newest row of each item).
    static bool inRelease(const ItemSummary &s, qint64 releaseId)
    {
        return releaseId == 0 ? s.latest : s.releaseId == releaseId;
    }

private:
    Store m_store;
    SearchEngine m_engine;
    QList<StoredRelease> m_releases;
    QHash<qint64, QStringList> m_taints;
    QHash<QString, QList<int>> m_byName;
    QHash<qint64, Version> m_removedIn;
    QStringList m_drivers;
    std::optional<StoredRelease> m_history;
    Store::NewerRule m_newerRule;
    QHash<qint64, QString> m_fileOf;

    void loadRemovedIn();
    static QSet<qint64> notLatest(const Store &store);
};

using SnapshotPtr = std::shared_ptr<const IndexSnapshot>;

} // namespace vse::gui
