#pragma once

#include "auditrunner.h"

#include <QAbstractTableModel>

namespace vse::gui {

// The audit's findings as a table: violations first; the changes the policy
// allows only when asked for, since they outnumber the violations by far.
class AuditModel final : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column
    {
        VerdictColumn,
        ReleasesColumn,
        RuleColumn,
        ItemColumn,
        WhatColumn,
        BeforeColumn,
        AfterColumn,
        ColumnCount
    };
    enum Role
    {
        ItemNameRole = Qt::UserRole + 1,
        ViolationRole
    };

    explicit AuditModel(QObject *parent = nullptr);

    void setReport(const AuditReport &report);
    const AuditReport &report() const { return m_report; }
    void setShowAllowed(bool show);
    bool showAllowed() const { return m_showAllowed; }
    const AuditFinding *finding(int row) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;

    // The name the finding is about (the older release's name).
    static QString itemName(const AuditFinding &f);

private:
    AuditReport m_report;
    bool m_showAllowed = false;

    QString cellText(const AuditFinding &f, int column) const;
};

} // namespace vse::gui
