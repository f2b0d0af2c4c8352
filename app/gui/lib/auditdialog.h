#pragma once

#include "auditmodel.h"
#include "indexsnapshot.h"
#include "viewexporter.h"

#include <QDialog>
#include <QFutureWatcher>

class QCheckBox;
class QLabel;
class QPushButton;
class QStackedWidget;
class QTableView;

namespace vse::gui {

// Tools → Policy audit…: checks in the background that libvirt kept its
// promises between consecutive indexed releases, lists the violations (and,
// on request, the allowed changes) with links to the items, and exports the
// list as Markdown or CSV.
class AuditDialog final : public QDialog
{
    Q_OBJECT
public:
    explicit AuditDialog(SnapshotPtr snapshot, QWidget *parent = nullptr);
    ~AuditDialog() override;

    // Starts the audit (again); with fewer than two releases shows the empty state.
    void runAudit();
    bool isRunning() const { return m_watcher.isRunning(); }
    AuditModel *model() const { return m_model; }
    QTableView *table() const { return m_table; }
    QCheckBox *allowedBox() const { return m_allowed; }
    bool isShowingEmptyState() const;
    QString statusText() const;
    QString exportText(ViewExporter::Format format) const;

Q_SIGNALS:
    void itemRequested(const QString &name);
    void finished();

private:
    SnapshotPtr m_snapshot;
    AuditModel *m_model;
    QTableView *m_table;
    QLabel *m_empty;
    QStackedWidget *m_stack;
    QLabel *m_status;
    QCheckBox *m_allowed;
    QPushButton *m_export;
    QFutureWatcher<AuditReport> m_watcher;

    void onFinished();
    void exportFile();
    void updateStatus();
};

} // namespace vse::gui
