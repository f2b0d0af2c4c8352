#pragma once

#include "hitfinder.h"
#include "indexsnapshot.h"

#include <QAbstractTableModel>

namespace vse::gui {

// The central table: one row per search hit, in rank order. Items a later
// indexed release no longer has are greyed, with "removed in" in their own
// column and tooltip. Holds only hit
// indices into the snapshot's summaries, so re-filling it on a keystroke
// costs a reset and no copies, even with 150 000 items indexed.
class ItemTableModel final : public QAbstractTableModel
{
    Q_OBJECT
public:
    // NoteColumn is last in the model (exports end with it) and shown right
    // after the name by the window.
    enum Column {
        NameColumn,
        KindColumn,
        TierColumn,
        HypervisorColumn,
        SinceColumn,
        RemovedColumn,
        NoteColumn,
        ColumnCount
    };
    enum Role {
        ItemIdRole = Qt::UserRole + 1, // qint64 item id in the store
        SummaryIndexRole,              // int index into the snapshot's summaries
        NewerRole,                     // bool: newer than the target release (greyed)
        MaybeNewerRole,                // bool: its since range contains the target release
        TierIdRole,                    // QString tier id
        RemovedInRole,                 // QString release that no longer has the item; empty if none
    };

    explicit ItemTableModel(QObject *parent = nullptr);

    void setSnapshot(SnapshotPtr snapshot);
    SnapshotPtr snapshot() const { return m_snapshot; }
    // Runs the filter and resets the rows.
    void setFilter(const ViewFilter &filter);
    const ViewFilter &filter() const { return m_filter; }
    int excludedNewer() const { return m_excludedNewer; }
    // Shown rows whose since range contains the target release: they may be
    // newer than it (the history cannot tell), so they are marked, not hidden.
    int maybeNewer() const { return m_maybeNewer; }
    const ItemSummary *summary(int row) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    // Column -1: rank order (best match first; without search text, the
    // public API first). Since sorts by version, a range by its upper end
    // then its lower end; unknown since and no removal sort last either way.
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;

    // Display text of a cell, also used by the exporters.
    QString cellText(int row, int column) const;
    static QString sinceText(const ItemSummary &s);
    // The name as the table shows it: a configuration option with its file
    // ("qemu.conf:max_clients", as `show` names it), since the same option is
    // in several files.
    QString displayName(const ItemSummary &s) const;
    // The note column: "taints", and for the history's rows of items no
    // indexed release has, "newer" or "removed"; its tooltip says why in the
    // detail pane's words.
    QString noteText(const ItemSummary &s) const;
    QString noteToolTip(const ItemSummary &s) const;

Q_SIGNALS:
    void filtered(int rows, int excludedNewer);

private:
    SnapshotPtr m_snapshot;
    HitFinder m_finder;
    ViewFilter m_filter;
    FindResult m_result;
    int m_excludedNewer = 0;
    int m_maybeNewer = 0;
    int m_sortColumn = -1;
    Qt::SortOrder m_sortOrder = Qt::AscendingOrder;
    void countMaybeNewer();
    void sortRows();
    bool maybeNewerAt(int row) const;
};

} // namespace vse::gui
