// File → Open host… and File → Open sosreport… of the main window.
#include "hostreportdialog.h"
#include "mainwindow.h"

#include <QFileDialog>
#include <QInputDialog>

namespace vse::gui {

namespace {

HostReportDialog *newReportWindow(MainWindow *window, const QString &indexPath)
{
    auto *dialog = new HostReportDialog(indexPath, window);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    QObject::connect(dialog, &HostReportDialog::itemRequested, window,
                     [window](const QString &name) { window->selectName(name); });
    dialog->show();
    return dialog;
}

} // namespace

void MainWindow::openHost()
{
    bool ok = false;
    const QString uri = QInputDialog::getText(
        this, tr("Open host"),
        tr("libvirt URI (read-only connection; empty: libvirt's default, e.g. qemu:///system):"),
        QLineEdit::Normal, QString(), &ok);
    if (!ok)
        return;
    newReportWindow(this, m_indexPath)->openHost(uri.trimmed());
}

void MainWindow::openSosReport()
{
    const QString folder =
        QFileDialog::getExistingDirectory(this, tr("Open sosreport (unpacked folder)"));
    if (folder.isEmpty())
        return;
    newReportWindow(this, m_indexPath)->openSosReport(folder);
}

} // namespace vse::gui
