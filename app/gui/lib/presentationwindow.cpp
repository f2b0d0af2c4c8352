#include "presentationwindow.h"

#include "htmlbits.h"
#include "policytext.h"

#include <QLocale>
#include <QDate>
#include <QKeyEvent>
#include <QLabel>
#include <QStyle>
#include <QTextBrowser>
#include <QVBoxLayout>

namespace vse::gui {

PresentationWindow::PresentationWindow(SnapshotPtr snapshot, QWidget *parent)
    : QWidget(parent, Qt::Window), m_guide(std::move(snapshot)), m_view(new QTextBrowser(this)),
      m_footer(new QLabel(this))
{
    setWindowTitle(tr("Policy guide \u2014 presentation"));
    setAttribute(Qt::WA_DeleteOnClose);
    // Keys must reach the window, not scroll the text.
    m_view->setFocusPolicy(Qt::NoFocus);
    m_view->setFrameShape(QFrame::NoFrame);
    m_view->setVerticalScrollBarPolicy(Qt::ScrollBarAsNeeded);
    // Names never break mid-word: a slide too narrow for one gets smaller type.
    m_view->setWordWrapMode(QTextOption::WordWrap);
    m_view->setAccessibleName(tr("Slide"));
    m_footer->setAlignment(Qt::AlignRight);
    setFocusPolicy(Qt::StrongFocus);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(48, 32, 48, 16);
    layout->addWidget(m_view, 1);
    layout->addWidget(m_footer);
    buildSlides();
    showSlide(0);
}

void PresentationWindow::buildSlides()
{
    m_slides.clear();
    QStringList versions;
    const QList<StoredRelease> releases = m_guide.snapshot() ? m_guide.snapshot()->releases() : QList<StoredRelease>();
    for (const StoredRelease &r : releases)
        if (!versions.contains(r.version.toString()))
            versions << r.version.toString();
    m_slides << QStringLiteral("<h1>") + html::esc(tr("libvirt support policy")) +
                    QStringLiteral("</h1><p>") +
                    html::esc(
                        tr("What each kind of interface promises, with examples from the index.")) +
                    QStringLiteral("</p><p>") +
                    html::esc(tr("Indexed releases: %1").arg(versions.join(QStringLiteral(", ")))) +
                    QStringLiteral("</p><p>") +
                    html::esc(QDate::currentDate().toString(Qt::ISODate)) + QStringLiteral("</p>");
    for (const QString &tier : PolicyGuide::tierIds()) {
        QString html = QStringLiteral("<h1>") + html::esc(policytext::tierLabel(tier)) +
                       QStringLiteral("</h1>");
        html += QStringLiteral("<p><b>") + html::esc(policytext::tierRule(tier)) +
                QStringLiteral("</b></p>");
        const int n = m_guide.count(tier);
        html += QStringLiteral("<p>") +
                html::esc(n == 0   ? tr("The current index has no items of this tier.")
                          : n == 1 ? tr("The index holds 1 item of this tier.")
                                   : tr("The index holds %1 items of this tier.").arg(QLocale().toString(n))) +
                QStringLiteral("</p>");
        const QList<GuideExample> ex = m_guide.examples(tier);
        if (!ex.isEmpty()) {
            QStringList names;
            for (const GuideExample &e : ex.mid(0, 5))
                names << QStringLiteral("<li><code>") + html::esc(e.name) +
                             QStringLiteral("</code></li>");
            html += QStringLiteral("<p>") + html::esc(tr("For example:")) +
                    QStringLiteral("</p><ul>") + names.join(QString()) + QStringLiteral("</ul>");
        }
        m_slides << html;
        for (int i = 0; i < kExampleSlides && i < ex.size(); ++i)
            m_slides << exampleSlide(tier, ex.at(i));
    }
}

QString PresentationWindow::exampleSlide(const QString &tierId, const GuideExample &e) const
{
    const Item item = m_guide.snapshot()->item(e.id);
    QString html =
        QStringLiteral("<h2><code>") + html::esc(e.name) + QStringLiteral("</code></h2>");
    html += QStringLiteral("<p>") + html::esc(kindLabel(e.kind)) + QStringLiteral(" \u2014 ") +
            html::esc(tr("tier: %1").arg(policytext::tierLabel(tierId))) + QStringLiteral("</p>");
    html += QStringLiteral("<p>") + html::esc(tr("Since %1").arg(item.sinceRange().explain())) +
            QStringLiteral("</p>");
    for (const QString &reason : item.taints)
        html += QStringLiteral("<p><b>") + html::esc(tr("Taints the guest: %1").arg(reason)) +
                QStringLiteral("</b> ") + html::esc(policytext::taintMeaning(reason)) +
                QStringLiteral("</p>");
    if (!item.doc.isEmpty())
        html +=
            QStringLiteral("<p><i>") + html::esc(item.doc.left(300)) + QStringLiteral("</i></p>");
    return html;
}

void PresentationWindow::showSlide(int index)
{
    if (m_slides.isEmpty())
        return;
    m_current = qBound(0, index, int(m_slides.size()) - 1);
    m_view->setHtml(m_slides.at(m_current));
    applyTypeSize();
    m_footer->setText(tr("%1 / %2   \u2190 \u2192 Space: next / previous \u2014 Esc: leave")
                          .arg(m_current + 1)
                          .arg(m_slides.size()));
}

void PresentationWindow::keyPressEvent(QKeyEvent *event)
{
    switch (event->key()) {
    case Qt::Key_Right:
    case Qt::Key_Space:
    case Qt::Key_PageDown:
    case Qt::Key_Down:
        showSlide(m_current + 1);
        break;
    case Qt::Key_Left:
    case Qt::Key_Backspace:
    case Qt::Key_PageUp:
    case Qt::Key_Up:
        showSlide(m_current - 1);
        break;
    case Qt::Key_Home:
        showSlide(0);
        break;
    case Qt::Key_End:
        showSlide(int(m_slides.size()) - 1);
        break;
    case Qt::Key_Escape:
        close();
        break;
    default:
        QWidget::keyPressEvent(event);
        return;
    }
    event->accept();
}

void PresentationWindow::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    applyTypeSize();
}

void PresentationWindow::applyTypeSize()
{
    // Type that reads from the back of a room: about 1/22 of the height,
    // smaller only as far as needed for the slide to fit without scrolling.
    QFont small = font();
    small.setPixelSize(qMax(12, height() / 60));
    m_footer->setFont(small);
    // The view's own geometry: its viewport is only resized once shown.
    const int room = m_view->height();
    const int width = m_view->width() - m_view->style()->pixelMetric(QStyle::PM_ScrollBarExtent);
    QFont f = font();
    for (int px = qMax(18, height() / 22); px >= 14; px -= 2) {
        f.setPixelSize(px);
        m_view->document()->setDefaultFont(f);
        m_view->document()->setTextWidth(width);
        // A name wider than the line would break mid-word: shrink for that too.
        if (m_view->document()->size().height() <= room &&
            m_view->document()->idealWidth() <= width)
            break;
    }
}

} // namespace vse::gui
