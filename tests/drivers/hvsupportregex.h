#pragma once

#include <QFile>
#include <QHash>
#include <QRegularExpression>
#include <QStringList>

// An independent reading of hvsupport.html for the tests: plain regular
// expressions over the raw text, no HTML parser, so a mistake in the
// libxml2-based reader does not repeat itself here.
namespace vse::testregex {

struct Cell
{
    QString driver;
    QString since;
    QString removed;
};

struct Page
{
    QHash<QString, QList<Cell>> rows;         // function -> non-empty cells, in column order
    QHash<QString, QStringList> emptyDrivers; // function -> drivers with an empty cell
    int nonEmptyCells = 0;
    int removalCells = 0;
    int tables = 0;
};

inline QString stripTags(QString s)
{
    static const QRegularExpression tag(QStringLiteral("<[^>]*>"));
    return s.remove(tag).simplified();
}

inline Page readPage(const QString &path)
{
    Page page;
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return page;
    const QString html = QString::fromUtf8(f.readAll());
    static const QRegularExpression table(QStringLiteral("<table\\b.*?</table>"),
                                          QRegularExpression::DotMatchesEverythingOption);
    static const QRegularExpression th(QStringLiteral("<th>([^<]*)</th>"));
    static const QRegularExpression tr(QStringLiteral("<tr>(.*?)</tr>"),
                                       QRegularExpression::DotMatchesEverythingOption);
    static const QRegularExpression td(QStringLiteral("<td\\s*/>|<td>(.*?)</td>"),
                                       QRegularExpression::DotMatchesEverythingOption);
    static const QRegularExpression range(QStringLiteral("^([0-9.]+)(?: - ([0-9.]+))?$"));
    for (auto t = table.globalMatch(html); t.hasNext();) {
        const QString body = t.next().captured(0);
        // Long tables repeat their header row; the first one names the columns.
        QStringList columns;
        for (auto r = tr.globalMatch(body); r.hasNext() && columns.isEmpty();) {
            for (auto h = th.globalMatch(r.next().captured(1)); h.hasNext();)
                columns.append(h.next().captured(1).trimmed());
        }
        if (columns.size() < 3)
            continue;
        ++page.tables;
        for (auto r = tr.globalMatch(body); r.hasNext();) {
            const QString row = r.next().captured(1);
            if (row.contains(QLatin1String("<th>")))
                continue;
            QStringList cells;
            for (auto d = td.globalMatch(row); d.hasNext();)
                cells.append(stripTags(d.next().captured(1)));
            if (cells.size() != columns.size())
                continue;
            const QString name = cells.at(0);
            for (qsizetype i = 2; i < cells.size(); ++i) {
                if (cells.at(i).isEmpty()) {
                    page.emptyDrivers[name].append(columns.at(i));
                    continue;
                }
                const auto m = range.match(cells.at(i));
                if (!m.hasMatch())
                    continue;
                page.rows[name].append({columns.at(i), m.captured(1), m.captured(2)});
                ++page.nonEmptyCells;
                if (m.hasCaptured(2))
                    ++page.removalCells;
            }
        }
    }
    return page;
}

} // namespace vse::testregex
