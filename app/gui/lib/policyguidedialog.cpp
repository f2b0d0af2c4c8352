#include "policyguidedialog.h"

#include "policyguide.h"
#include "policytext.h"

#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QMessageBox>
#include <QPrintDialog>
#include <QPrinter>
#include <QPushButton>
#include <QTabWidget>
#include <QTextBrowser>
#include <QTextDocument>
#include <QVBoxLayout>

namespace vse::gui {

PolicyGuideDialog::PolicyGuideDialog(SnapshotPtr snapshot, QWidget *parent)
    : QDialog(parent)
    , m_snapshot(std::move(snapshot))
    , m_tabs(new QTabWidget(this))
{
    setWindowTitle(tr("Policy guide"));
    for (const QString &id : PolicyGuide::tierIds()) {
        auto *page = new QTextBrowser(m_tabs);
        page->setHtml(PolicyGuide::pageHtml(m_snapshot.get(), id));
        page->setAccessibleName(tr("Tier %1").arg(policytext::tierLabel(id)));
        m_tabs->addTab(page, policytext::tierLabel(id));
    }
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    QPushButton *printButton = buttons->addButton(tr("&Print\u2026"), QDialogButtonBox::ActionRole);
    QPushButton *pdfButton = buttons->addButton(tr("Export &PDF\u2026"), QDialogButtonBox::ActionRole);
    connect(printButton, &QPushButton::clicked, this, &PolicyGuideDialog::print);
    connect(pdfButton, &QPushButton::clicked, this, &PolicyGuideDialog::askExportPdf);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_tabs);
    layout->addWidget(buttons);
    resize(720, 520);
}

bool PolicyGuideDialog::exportPdf(const QString &path, QString *error) const
{
    QPrinter printer(QPrinter::HighResolution);
    printer.setOutputFormat(QPrinter::PdfFormat);
    printer.setOutputFileName(path);
    QTextDocument doc;
    doc.setHtml(PolicyGuide::guideHtml(m_snapshot.get()));
    doc.print(&printer);
    if (!QFileInfo(path).exists() || QFileInfo(path).size() == 0) {
        *error = tr("Could not write %1.").arg(path);
        return false;
    }
    return true;
}

void PolicyGuideDialog::print()
{
    QPrinter printer;
    QPrintDialog dialog(&printer, this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    QTextDocument doc;
    doc.setHtml(PolicyGuide::guideHtml(m_snapshot.get()));
    doc.print(&printer);
}

void PolicyGuideDialog::askExportPdf()
{
    const QString path = QFileDialog::getSaveFileName(this, tr("Export policy guide"), QStringLiteral("policy-guide.pdf"),
                                                      tr("PDF files (*.pdf)"));
    if (path.isEmpty())
        return;
    QString error;
    if (!exportPdf(path, &error))
        QMessageBox::warning(this, tr("Export failed"), error);
}

} // namespace vse::gui
