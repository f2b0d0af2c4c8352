#include "auditmodel.h"

#include <QApplication>
#include <QFont>
#include <QPalette>

namespace vse::gui {

AuditModel::AuditModel(QObject *parent) : QAbstractTableModel(parent) {}

void AuditModel::setReport(const AuditReport &report)
{
    beginResetModel();
    m_report = report;
    endResetModel();
}

void AuditModel::setShowAllowed(bool show)
{
    if (show == m_showAllowed)
        return;
    beginResetModel();
    m_showAllowed = show;
    endResetModel();
}

const AuditFinding *AuditModel::finding(int row) const
{
    // The findings are sorted violations first, so the visible rows are a prefix.
    if (row < 0 || row >= rowCount())
        return nullptr;
    return &m_report.findings.at(row);
}

int AuditModel::rowCount(const QModelIndex &parent) const
{
    if (parent.isValid())
        return 0;
    return m_showAllowed ? int(m_report.findings.size()) : m_report.violations;
}

int AuditModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString AuditModel::itemName(const AuditFinding &f)
{
    return f.change.kind == ItemChange::Added ? f.change.after.name : f.change.before.name;
}

QString AuditModel::cellText(const AuditFinding &f, int column) const
{
    switch (column) {
    case VerdictColumn:
        return f.violation ? tr("Violation") : tr("Allowed");
    case ReleasesColumn:
        return f.from.toString() + QStringLiteral(" \u2192 ") + f.to.toString();
    case RuleColumn:
        return f.rule;
    case ItemColumn:
        return itemName(f);
    case WhatColumn:
        if (f.change.kind == ItemChange::Removed)
            return tr("removed");
        return f.change.what;
    case BeforeColumn:
        return AuditRunner::where(f.change.before);
    case AfterColumn:
        return AuditRunner::where(f.change.after);
    default:
        return {};
    }
}

QVariant AuditModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const AuditFinding *f = finding(index.row());
    if (!f)
        return {};
    switch (role) {
    case Qt::DisplayRole:
        return cellText(*f, index.column());
    case Qt::ToolTipRole:
        if (index.column() == ItemColumn)
            return tr("Activate to show %1 in the explorer").arg(itemName(*f));
        if (index.column() == BeforeColumn || index.column() == AfterColumn)
            return cellText(*f, index.column());
        return {};
    case Qt::ForegroundRole:
        if (index.column() == ItemColumn)
            return QApplication::palette().brush(QPalette::Link);
        if (!f->violation)
            return QApplication::palette().brush(QPalette::Disabled, QPalette::Text);
        return {};
    case Qt::FontRole:
        if (index.column() == VerdictColumn && f->violation) {
            QFont font;
            font.setBold(true);
            return font;
        }
        return {};
    case ItemNameRole:
        return itemName(*f);
    case ViolationRole:
        return f->violation;
    default:
        return {};
    }
}

QVariant AuditModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case VerdictColumn:
        return tr("Verdict");
    case ReleasesColumn:
        return tr("From \u2192 to");
    case RuleColumn:
        return tr("Rule");
    case ItemColumn:
        return tr("Item");
    case WhatColumn:
        return tr("What changed");
    case BeforeColumn:
        return tr("Before (file:line)");
    case AfterColumn:
        return tr("After (file:line)");
    default:
        return {};
    }
}

Qt::ItemFlags AuditModel::flags(const QModelIndex &index) const
{
    if (!index.isValid())
        return Qt::NoItemFlags;
    return Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemNeverHasChildren;
}

} // namespace vse::gui
