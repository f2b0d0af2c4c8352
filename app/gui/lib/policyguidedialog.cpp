#include "policyguidedialog.h"

#include "guidepdf.h"
#include "policytext.h"

#include <QDate>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QMessageBox>
#include <QPrintDialog>
#include <QPrinter>
#include <QPushButton>
#include <QTabWidget>
#include <QTextBrowser>
#include <QUrl>
#include <QVBoxLayout>

namespace vse::gui {

PolicyGuideDialog::PolicyGuideDialog(SnapshotPtr snapshot, QWidget *parent)
    : QDialog(parent)
    , m_guide(std::move(snapshot))
    , m_tabs(new QTabWidget(this))
{
    setWindowTitle(tr("Policy guide"));
    for (const QString &id : PolicyGuide::tierIds()) {
        auto *page = new QTextBrowser(m_tabs);
        page->setOpenLinks(false);
        page->setHtml(m_guide.pageHtml(id));
        page->setAccessibleName(tr("Tier %1").arg(policytext::tierLabel(id)));
        connect(page, &QTextBrowser::anchorClicked, this, [this](const QUrl &url) {
            if (url.scheme() == QLatin1String("vse") && url.path().startsWith(QLatin1String("name/")))
                Q_EMIT itemRequested(url.path().mid(5));
        });
        m_tabs->addTab(page, QStringLiteral("%1 (%2)").arg(policytext::tierLabel(id)).arg(m_guide.count(id)));
    }
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    QPushButton *present = buttons->addButton(tr("Pre&sent"), QDialogButtonBox::ActionRole);
    QPushButton *quiz = buttons->addButton(tr("Self-&check\u2026"), QDialogButtonBox::ActionRole);
    QPushButton *printButton = buttons->addButton(tr("&Print\u2026"), QDialogButtonBox::ActionRole);
    QPushButton *pdfButton = buttons->addButton(tr("Export &PDF\u2026"), QDialogButtonBox::ActionRole);
    connect(present, &QPushButton::clicked, this, &PolicyGuideDialog::presentationRequested);
    connect(quiz, &QPushButton::clicked, this, &PolicyGuideDialog::selfCheckRequested);
    connect(printButton, &QPushButton::clicked, this, &PolicyGuideDialog::print);
    connect(pdfButton, &QPushButton::clicked, this, &PolicyGuideDialog::askExportPdf);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_tabs);
    layout->addWidget(buttons);
    resize(900, 620);
}

bool PolicyGuideDialog::exportPdf(const QString &path, QString *error) const
{
    return GuidePdf::write(m_guide, path, QDate::currentDate(), error);
}

void PolicyGuideDialog::print()
{
    QPrinter printer;
    QPrintDialog dialog(&printer, this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    if (!GuidePdf::render(m_guide, &printer, QDate::currentDate()))
        QMessageBox::warning(this, tr("Print failed"), tr("The printer could not be started."));
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
