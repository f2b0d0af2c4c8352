#include "indexstatusbar.h"

#include <QLabel>
#include <QLocale>
#include <QProgressBar>
#include <QPushButton>

namespace vse::gui {

IndexStatusBar::IndexStatusBar(QWidget *parent)
    : QStatusBar(parent)
    , m_counts(new QLabel(this))
    , m_step(new QLabel(this))
    , m_progress(new QProgressBar(this))
    , m_cancel(new QPushButton(tr("Cancel"), this))
{
    m_counts->setAccessibleName(tr("Number of items shown"));
    m_progress->setAccessibleName(tr("Indexing progress"));
    m_progress->setMaximumWidth(200);
    m_cancel->setAccessibleName(tr("Cancel indexing"));
    addWidget(m_counts);
    addWidget(m_step, 1);
    addPermanentWidget(m_progress);
    addPermanentWidget(m_cancel);
    connect(m_cancel, &QPushButton::clicked, this, &IndexStatusBar::cancelRequested);
    setBusy(false);
}

void IndexStatusBar::setCounts(int rows, int total)
{
    const QLocale l;
    m_counts->setText(tr("%1 of %2 items").arg(l.toString(rows), l.toString(total)));
}

QString IndexStatusBar::countText() const
{
    return m_counts->text();
}

void IndexStatusBar::setBusy(bool busy, const QString &what)
{
    m_progress->setVisible(busy);
    m_cancel->setVisible(busy);
    m_progress->setRange(0, 0); // busy indicator until the first progress report
    m_step->setText(what);
}

void IndexStatusBar::setProgress(int done, int total, const QString &what)
{
    m_progress->setRange(0, std::max(1, total));
    m_progress->setValue(done);
    m_step->setText(what);
}

} // namespace vse::gui
