#include "policyguidedialog.h"

#include "guidepdf.h"
#include "policytext.h"

#include <QLocale>
#include <QDate>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QListWidget>
#include <QMessageBox>
#include <QPrintDialog>
#include <QPrinter>
#include <QPushButton>
#include <QStackedWidget>
#include <QTextBrowser>
#include <QUrl>
#include <QVBoxLayout>

namespace vse::gui {

PolicyGuideDialog::PolicyGuideDialog(SnapshotPtr snapshot, QWidget *parent)
    : QDialog(parent), m_guide(std::move(snapshot)), m_list(new QListWidget(this)),
      m_pages(new QStackedWidget(this))
{
    setWindowTitle(tr("Policy guide"));
    m_list->setAccessibleName(tr("Tiers"));
    for (const QString &id : PolicyGuide::tierIds()) {
        auto *page = new QTextBrowser(m_pages);
        page->setOpenLinks(false);
        page->setHtml(m_guide.pageHtml(id));
        page->setAccessibleName(tr("Tier %1").arg(policytext::tierLabel(id)));
        connect(page, &QTextBrowser::anchorClicked, this, [this](const QUrl &url) {
            if (url.scheme() == QLatin1String("vse") &&
                url.path().startsWith(QLatin1String("name/")))
                Q_EMIT itemRequested(url.path().mid(5));
        });
        m_pages->addWidget(page);
        m_list->addItem(
            QStringLiteral("%1 (%2)").arg(policytext::tierLabel(id), QLocale().toString(m_guide.count(id))));
    }
    connect(m_list, &QListWidget::currentRowChanged, m_pages, &QStackedWidget::setCurrentIndex);
    m_list->setCurrentRow(0);
    // Wide enough for the longest tier label: no horizontal scrolling.
    int widest = 0;
    for (int i = 0; i < m_list->count(); ++i)
        widest = qMax(widest, m_list->fontMetrics().horizontalAdvance(m_list->item(i)->text()));
    m_list->setFixedWidth(widest + 4 * m_list->frameWidth() + 16);
    m_list->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    QPushButton *present = buttons->addButton(tr("Pre&sent"), QDialogButtonBox::ActionRole);
    QPushButton *quiz = buttons->addButton(tr("Self-&check\u2026"), QDialogButtonBox::ActionRole);
    QPushButton *printButton = buttons->addButton(tr("&Print\u2026"), QDialogButtonBox::ActionRole);
    QPushButton *pdfButton =
        buttons->addButton(tr("Export &PDF\u2026"), QDialogButtonBox::ActionRole);
    connect(present, &QPushButton::clicked, this, &PolicyGuideDialog::presentationRequested);
    connect(quiz, &QPushButton::clicked, this, &PolicyGuideDialog::selfCheckRequested);
    connect(printButton, &QPushButton::clicked, this, &PolicyGuideDialog::print);
    connect(pdfButton, &QPushButton::clicked, this, &PolicyGuideDialog::askExportPdf);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    auto *body = new QHBoxLayout;
    body->addWidget(m_list);
    body->addWidget(m_pages, 1);
    layout->addLayout(body);
    layout->addWidget(buttons);
    resize(960, 600);
}

QTextBrowser *PolicyGuideDialog::page(int index) const
{
    return qobject_cast<QTextBrowser *>(m_pages->widget(index));
}

void PolicyGuideDialog::showTier(const QString &tierId)
{
    const int row = int(PolicyGuide::tierIds().indexOf(tierId));
    if (row >= 0)
        m_list->setCurrentRow(row);
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
    const QString path =
        QFileDialog::getSaveFileName(this, tr("Export policy guide"),
                                     QStringLiteral("policy-guide.pdf"), tr("PDF files (*.pdf)"));
    if (path.isEmpty())
        return;
    QString error;
    if (!exportPdf(path, &error))
        QMessageBox::warning(this, tr("Export failed"), error);
}

} // namespace vse::gui
