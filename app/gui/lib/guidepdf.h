#pragma once

#include <QCoreApplication>
#include <QDate>
#include <QString>

class QPagedPaintDevice;

namespace vse::gui {

class PolicyGuide;

// Writes the policy guide as a PDF for a class: a title page (tool, date,
// indexed releases), then exactly one page per tier. Each page is laid out
// on its own and, when it would overflow, drawn in a smaller type until it
// fits, so a heading can never be left at the bottom of a page and an
// example table never splits across pages.
class GuidePdf
{
    Q_DECLARE_TR_FUNCTIONS(vse::gui::GuidePdf)
public:
    // False with `error` set when the file cannot be written.
    static bool write(const PolicyGuide &guide, const QString &path, const QDate &date,
                      QString *error);
    // Draws the guide on any paged device (a printer too), one page each.
    static bool render(const PolicyGuide &guide, QPagedPaintDevice *device, const QDate &date);
    // The pages in order (title first) as HTML, as write() lays them out.
    static QStringList pagesHtml(const PolicyGuide &guide, const QDate &date);
};

} // namespace vse::gui
