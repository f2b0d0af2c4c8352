#include "guidepdf.h"

#include "policyguide.h"

#include <QAbstractTextDocumentLayout>
#include <QFileInfo>
#include <QPainter>
#include <QPdfWriter>
#include <QTextDocument>

namespace vse::gui {

namespace {

// Base type size in points for a page, and the smallest it may shrink to.
constexpr qreal kBasePoints = 11.0;
constexpr qreal kMinPoints = 6.0;

// Lays `html` out for one page of `pageSize` device pixels, shrinking the
// type until it fits.
void layOut(QTextDocument &doc, const QString &html, QPagedPaintDevice *device,
            const QSizeF &pageSize)
{
    doc.documentLayout()->setPaintDevice(device);
    for (qreal pt = kBasePoints; pt >= kMinPoints; pt -= 0.5) {
        QFont f = doc.defaultFont();
        f.setPointSizeF(pt);
        doc.setDefaultFont(f);
        doc.setDefaultStyleSheet(QStringLiteral("h1 { font-size: %1pt; } h2 { font-size: %2pt; } "
                                                "td { font-size: %3pt; }")
                                     .arg(pt * 2.2)
                                     .arg(pt * 1.6)
                                     .arg(pt * 0.9));
        doc.setHtml(html);
        doc.setTextWidth(pageSize.width());
        // Too wide happens too: names never wrap, so a long one widens the table.
        if (doc.size().height() <= pageSize.height() && doc.idealWidth() <= pageSize.width())
            return;
    }
}

} // namespace

QStringList GuidePdf::pagesHtml(const PolicyGuide &guide, const QDate &date)
{
    QStringList pages{guide.titleHtml(date)};
    for (const QString &tier : PolicyGuide::tierIds())
        pages << guide.pageHtml(tier, false);
    return pages;
}

bool GuidePdf::render(const PolicyGuide &guide, QPagedPaintDevice *device, const QDate &date)
{
    QPainter painter;
    if (!painter.begin(device))
        return false;
    const QSizeF page = device->pageLayout().paintRectPixels(device->logicalDpiX()).size();
    const QStringList pages = pagesHtml(guide, date);
    for (qsizetype i = 0; i < pages.size(); ++i) {
        if (i > 0)
            device->newPage();
        QTextDocument doc;
        layOut(doc, pages.at(i), device, page);
        doc.drawContents(&painter, QRectF(QPointF(0, 0), page));
    }
    return painter.end();
}

bool GuidePdf::write(const PolicyGuide &guide, const QString &path, const QDate &date,
                     QString *error)
{
    {
        QPdfWriter writer(path);
        writer.setPageSize(QPageSize(QPageSize::A4));
        writer.setPageMargins(QMarginsF(20, 20, 20, 20), QPageLayout::Millimeter);
        writer.setResolution(300);
        writer.setTitle(tr("libvirt support policy: a guide"));
        writer.setCreator(QCoreApplication::applicationName());
        if (!render(guide, &writer, date)) {
            *error = tr("Could not write %1.").arg(path);
            return false;
        }
    }
    if (!QFileInfo(path).exists() || QFileInfo(path).size() == 0) {
        *error = tr("Could not write %1.").arg(path);
        return false;
    }
    return true;
}

} // namespace vse::gui
