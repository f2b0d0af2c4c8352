#include "auditdialog.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QHeaderView>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QStackedWidget>
#include <QTableView>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

namespace vse::gui {

AuditDialog::AuditDialog(SnapshotPtr snapshot, QWidget *parent)
    : QDialog(parent), m_snapshot(std::move(snapshot)), m_model(new AuditModel(this)),
      m_table(new QTableView(this)), m_empty(new QLabel(this)), m_stack(new QStackedWidget(this)),
      m_status(new QLabel(this)), m_allowed(new QCheckBox(tr("Show &allowed changes too"), this)),
      m_export(new QPushButton(tr("&Export\u2026"), this))
{
    setWindowTitle(tr("Policy audit"));
    auto *intro =
        new QLabel(tr("Items of a stable tier that a newer indexed release removed or changed are "
                      "violations of libvirt's policy; hypervisor-specific, namespace, private and "
                      "unclassified items may change."),
                   this);
    intro->setWordWrap(true);
    m_table->setModel(m_model);
    m_table->setAccessibleName(tr("Audit findings"));
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 6);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->setColumnWidth(AuditModel::RuleColumn, 260);
    m_table->setColumnWidth(AuditModel::ItemColumn, 220);
    m_empty->setWordWrap(true);
    m_empty->setAlignment(Qt::AlignCenter);
    m_empty->setAccessibleName(tr("Empty audit explanation"));
    m_stack->addWidget(m_table);
    m_stack->addWidget(m_empty);
    m_status->setAccessibleName(tr("Audit summary"));

    connect(m_table, &QTableView::activated, this, [this](const QModelIndex &index) {
        Q_EMIT itemRequested(index.data(AuditModel::ItemNameRole).toString());
    });
    connect(m_allowed, &QCheckBox::toggled, this, [this](bool on) {
        m_model->setShowAllowed(on);
        updateStatus();
    });
    connect(m_export, &QPushButton::clicked, this, &AuditDialog::exportFile);
    connect(&m_watcher, &QFutureWatcherBase::finished, this, &AuditDialog::onFinished);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    buttons->addButton(m_export, QDialogButtonBox::ActionRole);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addWidget(m_allowed);
    layout->addWidget(m_stack, 1);
    layout->addWidget(m_status);
    layout->addWidget(buttons);
    resize(1100, 600);
    runAudit();
}

// A running audit holds only the index path and opens its own store: closing
// the dialog does not wait for it, its result is simply dropped.
AuditDialog::~AuditDialog() = default;

void AuditDialog::runAudit()
{
    if (m_watcher.isRunning())
        return;
    m_model->setReport({});
    if (!m_snapshot || m_snapshot->releases().size() < 2) {
        updateStatus();
        Q_EMIT finished();
        return;
    }
    m_export->setEnabled(false);
    m_empty->setText(
        tr("Auditing %n release(s)\u2026", nullptr, int(m_snapshot->releases().size())));
    m_stack->setCurrentWidget(m_empty);
    m_status->clear();
    m_watcher.setFuture(
        QtConcurrent::run([path = m_snapshot->path()] { return AuditRunner::run(path); }));
}

void AuditDialog::onFinished()
{
    m_model->setReport(m_watcher.result());
    updateStatus();
    Q_EMIT finished();
}

void AuditDialog::updateStatus()
{
    const AuditReport &r = m_model->report();
    QString empty;
    if (!r.error.isEmpty())
        empty = r.error;
    else if (r.versions.size() < 2 && (!m_snapshot || m_snapshot->releases().size() < 2))
        empty = tr("Index at least two releases to audit them (Settings \u2192 Sources).");
    else if (m_model->rowCount() == 0)
        empty = r.findings.isEmpty()
                    ? tr("No item was removed or changed between the indexed releases.")
                    : tr("No violations: every change is one the policy allows.");
    m_empty->setText(empty);
    m_stack->setCurrentWidget(empty.isEmpty() ? static_cast<QWidget *>(m_table) : m_empty);
    m_export->setEnabled(m_model->rowCount() > 0);
    if (r.versions.size() >= 2)
        m_status->setText(
            tr("%n violation(s)", nullptr, r.violations) + QStringLiteral(", ") +
            tr("%n allowed change(s)", nullptr, int(r.findings.size()) - r.violations) +
            QStringLiteral(" \u2014 ") +
            tr("releases %1").arg(r.versions.join(QStringLiteral(", "))));
    else
        m_status->clear();
}

bool AuditDialog::isShowingEmptyState() const
{
    return m_stack->currentWidget() == m_empty;
}

QString AuditDialog::statusText() const
{
    return isShowingEmptyState() ? m_empty->text() : m_status->text();
}

QString AuditDialog::exportText(ViewExporter::Format format) const
{
    return ViewExporter::tableText(*m_model, format);
}

void AuditDialog::exportFile()
{
    const QString path =
        QFileDialog::getSaveFileName(this, tr("Export audit"), QStringLiteral("libvirt-audit.md"),
                                     tr("Markdown (*.md);;CSV (*.csv)"));
    if (path.isEmpty())
        return;
    QString error;
    if (!ViewExporter::writeText(exportText(ViewExporter::formatForPath(path)), path, &error))
        QMessageBox::warning(this, tr("Export failed"),
                             tr("Could not write %1: %2").arg(path, error));
}

} // namespace vse::gui
