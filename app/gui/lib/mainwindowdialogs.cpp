// MainWindow's dialogs: sources, export, policy guide (with its presentation
// and self-check), domain XML check and the policy audit. Split from mainwindow.cpp to keep each file readable.
#include "mainwindow.h"

#include "auditdialog.h"
#include "checkconfigdialog.h"
#include "checkscriptdialog.h"
#include "checkxmldialog.h"
#include "detailview.h"
#include "filterbar.h"
#include "guidepdf.h"
#include "itemtablemodel.h"
#include "policyguidedialog.h"
#include "presentationwindow.h"
#include "scandialog.h"
#include "selfcheckdialog.h"
#include "sourcesdialog.h"
#include "sourcesettings.h"
#include "viewexporter.h"

#include <QApplication>
#include <QDate>
#include <QFileDialog>
#include <QMessageBox>
#include <QTextStream>
#include <QTimer>

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

PolicyGuideDialog *MainWindow::showPolicyGuide()
{
    if (!m_guide) {
        m_guide = new PolicyGuideDialog(m_snapshot, this);
        m_guide->setAttribute(Qt::WA_DeleteOnClose);
        connect(m_guide, &PolicyGuideDialog::itemRequested, this, [this](const QString &name) {
            selectName(name);
            raise();
            activateWindow();
        });
        connect(m_guide, &PolicyGuideDialog::presentationRequested, this, &MainWindow::startPresentation);
        connect(m_guide, &PolicyGuideDialog::selfCheckRequested, this,
                [this] { startSelfCheck(quint32(QDate::currentDate().toJulianDay() % 999999) + 1); });
    }
    m_guide->show();
    m_guide->raise();
    return m_guide;
}

PresentationWindow *MainWindow::startPresentation()
{
    if (!m_presentation)
        m_presentation = new PresentationWindow(m_snapshot, this);
    m_presentation->showFullScreen();
    m_presentation->raise();
    m_presentation->activateWindow();
    m_presentation->setFocus();
    return m_presentation;
}

SelfCheckDialog *MainWindow::startSelfCheck(quint32 seed)
{
    if (!m_selfCheck) {
        m_selfCheck = new SelfCheckDialog(m_snapshot, seed, this);
        m_selfCheck->setAttribute(Qt::WA_DeleteOnClose);
        connect(m_selfCheck, &SelfCheckDialog::itemRequested, this, [this](const QString &name) { selectName(name); });
    } else {
        m_selfCheck->restart(seed);
    }
    m_selfCheck->show();
    m_selfCheck->raise();
    return m_selfCheck;
}

void MainWindow::openFromOptions()
{
    // Only for the first index: a re-index must not open them again.
    if (m_openedFromOptions)
        return;
    m_openedFromOptions = true;
    if (!m_options.exportGuidePath.isEmpty()) {
        QString error;
        const bool ok = GuidePdf::write(PolicyGuide(m_snapshot), m_options.exportGuidePath, QDate::currentDate(), &error);
        if (!ok)
            QTextStream(stderr) << error << '\n';
        QTimer::singleShot(0, qApp, [ok] { QCoreApplication::exit(ok ? 0 : 1); });
        return;
    }
    if (m_options.guide)
        showPolicyGuide();
    if (m_options.present)
        startPresentation();
    if (m_options.selfCheckSeed > 0)
        startSelfCheck(m_options.selfCheckSeed);
}

QWidget *MainWindow::screenshotTarget()
{
    if (m_presentation && m_presentation->isVisible())
        return m_presentation;
    if (m_selfCheck && m_selfCheck->isVisible())
        return m_selfCheck;
    if (m_guide && m_guide->isVisible())
        return m_guide;
    return this;
}

void MainWindow::checkXml()
{
    openCheckXml();
}

CheckXmlDialog *MainWindow::openCheckXml(const QString &path)
{
    auto *dialog = new CheckXmlDialog(m_snapshot, m_filterBar->filter().target, this, m_filterBar->targetText());
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &CheckXmlDialog::itemRequested, this,
            [this](const QString &name) { selectName(name); });
    dialog->show();
    if (!path.isEmpty())
        dialog->openPath(path);
    return dialog;
}

void MainWindow::checkConfig()
{
    auto *dialog = new CheckConfigDialog(m_snapshot, m_filterBar->filter().target, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->show();
}

void MainWindow::checkScript()
{
    auto *dialog = new CheckScriptDialog(m_snapshot, m_filterBar->filter().target, this);
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

ScanDialog *MainWindow::showScan()
{
    if (!m_scan) {
        m_scan = new ScanDialog(m_indexPath, this);
        m_scan->setAttribute(Qt::WA_DeleteOnClose);
        connect(m_scan, &ScanDialog::itemRequested, this, [this](const QString &name) { selectName(name); });
    }
    m_scan->show();
    m_scan->raise();
    return m_scan;
}

} // namespace vse::gui
