// MainWindow's dialogs: sources, export, policy guide, domain XML check and
// the policy audit. Split from mainwindow.cpp to keep each file readable.
#include "mainwindow.h"

#include "auditdialog.h"
#include "checkconfigdialog.h"
#include "checkxmldialog.h"
#include "detailview.h"
#include "filterbar.h"
#include "itemtablemodel.h"
#include "policyguidedialog.h"
#include "sourcesdialog.h"
#include "sourcesettings.h"
#include "viewexporter.h"

#include <QFileDialog>
#include <QMessageBox>

namespace vse::gui {

void MainWindow::editSources()
{
    SourcesDialog dialog(SourceSettings::sources(), this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    if (dialog.sources() == SourceSettings::sources())
        return;
    SourceSettings::setSources(dialog.sources());
    reindex(false);
}

void MainWindow::exportView()
{
    QString filter;
    const QString path =
        QFileDialog::getSaveFileName(this, tr("Export view"), QStringLiteral("libvirt-items.csv"),
                                     tr("CSV (*.csv);;JSON (*.json);;Markdown (*.md)"), &filter);
    if (path.isEmpty())
        return;
    QString error;
    if (!ViewExporter::writeFile(*m_model, ViewExporter::formatForPath(path), path, &error))
        QMessageBox::warning(this, tr("Export failed"),
                             tr("Could not write %1: %2").arg(path, error));
}

void MainWindow::showPolicyGuide()
{
    PolicyGuideDialog dialog(m_snapshot, this);
    dialog.exec();
}

void MainWindow::checkXml()
{
    auto *dialog = new CheckXmlDialog(m_snapshot, m_filterBar->filter().target, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &CheckXmlDialog::itemRequested, this,
            [this](const QString &name) { selectName(name); });
    dialog->show();
}

void MainWindow::checkConfig()
{
    auto *dialog = new CheckConfigDialog(m_snapshot, m_filterBar->filter().target, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->show();
}

AuditDialog *MainWindow::showAudit()
{
    if (!m_audit) {
        m_audit = new AuditDialog(m_snapshot, this);
        m_audit->setAttribute(Qt::WA_DeleteOnClose);
        connect(m_audit, &AuditDialog::itemRequested, this,
                [this](const QString &name) { selectName(name); });
    }
    m_audit->show();
    m_audit->raise();
    return m_audit;
}

} // namespace vse::gui
