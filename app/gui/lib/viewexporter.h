#pragma once

#include <QString>

class QAbstractItemModel;

namespace vse::gui {

class ItemTableModel;

// Writes the rows of the current view (what the table shows, in its order)
// as CSV (RFC 4180 quoting), JSON (an array of objects with ids, not labels,
// so scripts can rely on them) or a Markdown table.
class ViewExporter
{
public:
    enum class Format { Csv, Json, Markdown };

    static QString toText(const ItemTableModel &model, Format format);
    static bool writeFile(const ItemTableModel &model, Format format, const QString &path, QString *error);
    // Any table model's display text as CSV or Markdown (Json is written as CSV).
    static QString tableText(const QAbstractItemModel &model, Format format);
    static bool writeText(const QString &text, const QString &path, QString *error);
    // From a file name suffix; Csv when unknown.
    static Format formatForPath(const QString &path);
};

} // namespace vse::gui
