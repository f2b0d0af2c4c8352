#pragma once

#include "indexsnapshot.h"

#include <QAbstractListModel>

namespace vse::gui {

// One entry of the sidebar: an interface as the policy names it, or a taint
// reason. `family`/`tiers`/`taint` become the table's filter.
struct SidebarEntry
{
    QString id;    // "all", "public-api", "taint:custom-monitor"...
    QString label;
    QString family;
    QStringList tiers;
    QString taint;
    bool header = false; // a section title, not selectable
    // What to add when the entry has no items ("add a libvirt source tree").
    QString emptyHint;
};

// The sidebar: interfaces (Public API, Hypervisor APIs, XML schemas, RPC
// protocols...) then the taint reasons of the policy, each with the number of
// items the current index has for it.
class SidebarModel final : public QAbstractListModel
{
    Q_OBJECT
public:
    enum Role { EntryIdRole = Qt::UserRole + 1, CountRole };

    explicit SidebarModel(QObject *parent = nullptr);

    void setSnapshot(const SnapshotPtr &snapshot, qint64 releaseId);
    const SidebarEntry &entry(int row) const { return m_entries.at(row); }
    int rowOf(const QString &id) const;
    int count(int row) const { return m_counts.value(row); }

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;

    // Whether a summary belongs to an entry (taints need the snapshot's reasons).
    static bool matches(const SidebarEntry &e, const ItemSummary &s, const QHash<qint64, QStringList> &taints);
    // Shown when a taint reason has no items: host or configuration triggers
    // only, or triggers the indexed releases do not have.
    static QString emptyTaintHint(const QString &reasonId);

private:
    QList<SidebarEntry> m_entries;
    QList<int> m_counts;
};

} // namespace vse::gui
