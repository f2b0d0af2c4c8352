#include "itemtablemodel.h"

#include <QFont>
#include <QHash>

#include "policytext.h"

#include <QApplication>
#include <QPalette>

namespace vse::gui {

ItemTableModel::ItemTableModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

void ItemTableModel::setSnapshot(SnapshotPtr snapshot)
{
    beginResetModel();
    m_snapshot = std::move(snapshot);
    m_result = {};
    m_excludedNewer = 0;
    if (m_snapshot) {
        m_finder.setEngine(&m_snapshot->engine(), m_snapshot->taintsById());
        m_result = m_finder.find(m_filter);
        m_excludedNewer = m_result.excludedNewer;
        sortRows();
    } else {
        m_finder = HitFinder();
    }
    countMaybeNewer();
    endResetModel();
    Q_EMIT filtered(rowCount(), m_excludedNewer);
}

void ItemTableModel::setFilter(const ViewFilter &filter)
{
    beginResetModel();
    m_filter = filter;
    if (m_snapshot) {
        m_result = m_finder.find(m_filter);
        m_excludedNewer = m_result.excludedNewer;
        sortRows();
    }
    countMaybeNewer();
    endResetModel();
    Q_EMIT filtered(rowCount(), m_excludedNewer);
}

void ItemTableModel::sort(int column, Qt::SortOrder order)
{
    if (column == m_sortColumn && order == m_sortOrder)
        return;
    Q_EMIT layoutAboutToBeChanged({}, QAbstractItemModel::VerticalSortHint);
    const QModelIndexList before = persistentIndexList();
    QList<qint64> ids; // persistent indexes follow their item
    for (const QModelIndex &i : before)
        ids.append(summary(i.row()) ? summary(i.row())->id : -1);
    m_sortColumn = column;
    m_sortOrder = order;
    if (m_snapshot) {
        m_result = m_finder.find(m_filter); // rank order (cached), then the column's
        sortRows();
    }
    QHash<qint64, int> rowOf;
    for (int r = 0; r < rowCount(); ++r)
        rowOf.insert(summary(r)->id, r);
    QModelIndexList after;
    for (qsizetype k = 0; k < before.size(); ++k) {
        const int r = rowOf.value(ids.at(k), -1);
        after.append(r < 0 ? QModelIndex() : index(r, before.at(k).column()));
    }
    changePersistentIndexList(before, after);
    Q_EMIT layoutChanged({}, QAbstractItemModel::VerticalSortHint);
}

void ItemTableModel::sortRows()
{
    if (m_sortColumn < 0 || !m_snapshot || m_result.hits.isEmpty())
        return;
    const QList<ItemSummary> &items = m_snapshot->summaries();
    // Keys computed once per row; `missing` rows (unknown since, not
    // removed, no hypervisor) go last in both directions.
    struct Row
    {
        qint64 number = 0;
        QString text;
        bool missing = false;
        int hit = 0;
    };
    std::vector<Row> rows(size_t(m_result.hits.size()));
    for (qsizetype i = 0; i < m_result.hits.size(); ++i) {
        const ItemSummary &s = items.at(m_result.hits.at(i).index);
        Row &r = rows[size_t(i)];
        r.hit = int(i);
        switch (m_sortColumn) {
        case SinceColumn:
            r.missing = !s.sinceUpTo.isValid();
            r.number = s.sinceRange().sortKey();
            break;
        case RemovedColumn: {
            const Version removed = m_snapshot->removedIn(s.id);
            r.missing = !removed.isValid();
            r.number = removed.isValid() ? removed.toNumber() : 0;
            break;
        }
        case HypervisorColumn:
            r.missing = s.hypervisor.isEmpty();
            r.text = s.hypervisor;
            break;
        case NameColumn: // by the option's own name: the same option of several files stays together
            r.text = s.name;
            break;
        default:
            r.text = cellText(int(i), m_sortColumn);
            break;
        }
    }
    const bool descending = m_sortOrder == Qt::DescendingOrder;
    std::stable_sort(rows.begin(), rows.end(), [&](const Row &a, const Row &b) {
        if (a.missing != b.missing)
            return b.missing;
        int c = 0;
        if (a.number != b.number)
            c = a.number < b.number ? -1 : 1;
        else
            c = a.text.compare(b.text, Qt::CaseInsensitive);
        return descending ? c > 0 : c < 0;
    });
    FindResult sorted;
    sorted.excludedNewer = m_result.excludedNewer;
    sorted.hits.reserve(m_result.hits.size());
    sorted.newer.reserve(m_result.newer.size());
    for (const Row &r : rows) {
        sorted.hits.append(m_result.hits.at(r.hit));
        sorted.newer.push_back(m_result.newer.at(size_t(r.hit)));
    }
    m_result = std::move(sorted);
}

bool ItemTableModel::maybeNewerAt(int row) const
{
    const ItemSummary *s = summary(row);
    return s && m_filter.target.isValid() &&
           s->sinceRange().fit(m_filter.target) == SinceRange::Fit::MaybeTooNew;
}

void ItemTableModel::countMaybeNewer()
{
    m_maybeNewer = 0;
    if (!m_snapshot || !m_filter.target.isValid())
        return;
    for (int r = 0; r < rowCount(); ++r)
        m_maybeNewer += maybeNewerAt(r) ? 1 : 0;
}

const ItemSummary *ItemTableModel::summary(int row) const
{
    if (!m_snapshot || row < 0 || row >= m_result.hits.size())
        return nullptr;
    return &m_snapshot->summaries().at(m_result.hits.at(row).index);
}

int ItemTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_result.hits.size());
}

int ItemTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString ItemTableModel::sinceText(const ItemSummary &s)
{
    const SinceRange range = s.sinceRange();
    if (!range.isKnown())
        return tr("unknown");
    QString text = range.displayText();
    if (s.inconsistent)
        text += QStringLiteral(" \u26a0");
    return text;
}

QString ItemTableModel::cellText(int row, int column) const
{
    const ItemSummary *s = summary(row);
    if (!s)
        return {};
    switch (column) {
    case NameColumn:
        return displayName(*s);
    case NoteColumn:
        return noteText(*s);
    case KindColumn:
        return kindLabel(s->kind);
    case TierColumn:
        return policytext::tierLabel(s->tier);
    case HypervisorColumn:
        return s->hypervisor;
    case SinceColumn:
        return sinceText(*s);
    case RemovedColumn: {
        const Version removed = m_snapshot->removedIn(s->id);
        return removed.isValid() ? removed.toString() : QString();
    }
    default:
        return {};
    }
}

QString ItemTableModel::displayName(const ItemSummary &s) const
{
    if (s.kind != ItemKind::ConfigOption)
        return s.name;
    const QString file = m_snapshot->fileOf(s.id);
    return file.isEmpty() ? s.name : file + QLatin1Char(':') + s.name;
}

QString ItemTableModel::noteText(const ItemSummary &s) const
{
    QStringList notes;
    switch (m_snapshot->originOf(s)) {
    case IndexSnapshot::Origin::HistoryNewer:
        notes << tr("newer");
        break;
    case IndexSnapshot::Origin::HistoryRemoved:
        notes << tr("removed");
        break;
    default:
        break;
    }
    if (s.tainted)
        notes << tr("taints");
    return notes.join(QStringLiteral(", "));
}

QString ItemTableModel::noteToolTip(const ItemSummary &s) const
{
    QStringList lines;
    const QString newest = m_snapshot->newestIndexed().toString();
    switch (m_snapshot->originOf(s)) {
    case IndexSnapshot::Origin::HistoryNewer:
        lines << tr("Not in the indexed releases: added after %1.").arg(newest);
        break;
    case IndexSnapshot::Origin::HistoryRemoved:
        lines << tr("Not in the indexed releases: removed before %1.").arg(newest);
        break;
    default:
        break;
    }
    if (s.tainted)
        lines << tr("Taints the guest: %1.")
                     .arg(m_snapshot->taintsById().value(s.id).join(QStringLiteral(", ")));
    return lines.join(QLatin1Char('\n'));
}

QVariant ItemTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const ItemSummary *s = summary(index.row());
    if (!s)
        return {};
    const bool newer = m_result.newer.at(size_t(index.row()));
    const Version removed = m_snapshot->removedIn(s->id);
    switch (role) {
    case Qt::DisplayRole:
        return cellText(index.row(), index.column());
    case Qt::ToolTipRole:
        // Long names are elided in the middle; the tooltip has them whole,
        // with what the row's colour or italics mean.
        if (index.column() == NameColumn) {
            QString note;
            if (newer)
                note = tr("Newer than the target release %1").arg(m_filter.target.toString());
            else if (maybeNewerAt(index.row()))
                note = tr("May be newer than %1: %2 (the releases looked at cannot tell)")
                           .arg(m_filter.target.toString(), s->sinceRange().displayText());
            else if (removed.isValid())
                note = tr("Removed in %1; the details say how.").arg(removed.toString());
            const QString name = displayName(*s);
            return note.isEmpty() ? name : name + QLatin1Char('\n') + note;
        }
        if (index.column() == NoteColumn)
            return noteToolTip(*s);
        if (index.column() == TierColumn)
            return policytext::tierRule(s->tier);
        if (index.column() == SinceColumn && s->inconsistent)
            return tr("The sources disagree about this release; see the details.");
        if (index.column() == SinceColumn && !s->sinceExact && s->sinceUpTo.isValid())
            return s->sinceAfter.isValid()
                       ? tr("Introduced after %1 (a release known without it) and at the latest in %2.")
                             .arg(s->sinceAfter.toString(), s->sinceUpTo.toString())
                       : tr("Present in %1; no older release was looked at.").arg(s->sinceUpTo.toString());
        if (newer)
            return tr("Newer than the target release %1").arg(m_filter.target.toString());
        if (maybeNewerAt(index.row()))
            return tr("May be newer than %1: %2 (the releases looked at cannot tell)")
                .arg(m_filter.target.toString(), s->sinceRange().displayText());
        if (removed.isValid())
            return tr("Removed in %1; the details say how.").arg(removed.toString());
        return {};
    case Qt::ForegroundRole:
        if (newer || removed.isValid())
            return QApplication::palette().brush(QPalette::Disabled, QPalette::Text);
        return {};
    case Qt::FontRole:
        if (!newer && maybeNewerAt(index.row())) {
            QFont italic;
            italic.setItalic(true);
            return italic;
        }
        return {};
    case MaybeNewerRole:
        return maybeNewerAt(index.row());
    case ItemIdRole:
        return s->id;
    case SummaryIndexRole:
        return m_result.hits.at(index.row()).index;
    case NewerRole:
        return newer;
    case TierIdRole:
        return s->tier.toString();
    case RemovedInRole:
        return removed.isValid() ? removed.toString() : QString();
    default:
        return {};
    }
}

QVariant ItemTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation == Qt::Horizontal && role == Qt::ToolTipRole && section == NoteColumn)
        return tr("taints: using it marks the guest tainted; newer / removed: a row of the shipped release "
                  "history for an item the indexed releases do not have (added after the newest of them, or "
                  "removed before).");
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case NameColumn:
        return tr("Name");
    case KindColumn:
        return tr("Kind");
    case TierColumn:
        return tr("Tier");
    case HypervisorColumn:
        return tr("Hypervisor");
    case SinceColumn:
        return tr("Since");
    case RemovedColumn:
        return tr("Removed in");
    case NoteColumn:
        return tr("Note");
    default:
        return {};
    }
}

Qt::ItemFlags ItemTableModel::flags(const QModelIndex &index) const
{
    if (!index.isValid())
        return Qt::NoItemFlags;
    return Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemNeverHasChildren;
}

} // namespace vse::gui
