#include "viewexporter.h"

#include "index/itemjson.h"

#include "itemtablemodel.h"

#include <QAbstractItemModel>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>

namespace vse::gui {

namespace {

QString csvField(const QString &s)
{
    if (!s.contains(QLatin1Char(',')) && !s.contains(QLatin1Char('"')) && !s.contains(QLatin1Char('\n')))
        return s;
    QString q = s;
    q.replace(QLatin1Char('"'), QStringLiteral("\"\""));
    return QLatin1Char('"') + q + QLatin1Char('"');
}

QString mdField(const QString &s)
{
    QString q = s;
    q.replace(QLatin1Char('|'), QStringLiteral("\\|"));
    q.replace(QLatin1Char('\n'), QLatin1Char(' '));
    return q;
}

} // namespace

ViewExporter::Format ViewExporter::formatForPath(const QString &path)
{
    if (path.endsWith(QLatin1String(".json"), Qt::CaseInsensitive))
        return Format::Json;
    if (path.endsWith(QLatin1String(".md"), Qt::CaseInsensitive))
        return Format::Markdown;
    return Format::Csv;
}

QString ViewExporter::toText(const ItemTableModel &model, Format format)
{
    if (format != Format::Json)
        return tableText(model, format);
    QJsonArray array;
    for (int r = 0; r < model.rowCount(); ++r) {
        const ItemSummary *s = model.summary(r);
        QJsonObject o;
        o.insert(QStringLiteral("name"), s->name);
        if (const QString file = model.snapshot()->fileOf(s->id); !file.isEmpty())
            o.insert(QStringLiteral("file"), file);
        o.insert(QStringLiteral("kind"), kindId(s->kind));
        o.insert(QStringLiteral("tier"), s->tier.toString());
        o.insert(QStringLiteral("hypervisor"), s->hypervisor.toString());
        insertSince(o, s->sinceRange());
        o.insert(QStringLiteral("sinceEvidence"), s->sinceEvidence.toString());
        o.insert(QStringLiteral("removedIn"), model.cellText(r, ItemTableModel::RemovedColumn));
        o.insert(QStringLiteral("tainted"), s->tainted);
        o.insert(QStringLiteral("inconsistent"), s->inconsistent);
        array.append(o);
    }
    return QString::fromUtf8(QJsonDocument(array).toJson(QJsonDocument::Indented));
}

QString ViewExporter::tableText(const QAbstractItemModel &model, Format format)
{
    const int rows = model.rowCount();
    const int cols = model.columnCount();
    const auto cell = [&model](int r, int c) { return model.index(r, c).data(Qt::DisplayRole).toString(); };
    QStringList header;
    for (int c = 0; c < cols; ++c)
        header << model.headerData(c, Qt::Horizontal).toString();
    QString out;
    if (format != Format::Markdown) {
        QStringList h;
        for (const QString &s : std::as_const(header))
            h << csvField(s);
        out += h.join(QLatin1Char(',')) + QStringLiteral("\r\n");
        for (int r = 0; r < rows; ++r) {
            QStringList f;
            for (int c = 0; c < cols; ++c)
                f << csvField(cell(r, c));
            out += f.join(QLatin1Char(',')) + QStringLiteral("\r\n");
        }
        return out;
    }
    out += QStringLiteral("| ") + header.join(QStringLiteral(" | ")) + QStringLiteral(" |\n|");
    for (int c = 0; c < cols; ++c)
        out += QStringLiteral("---|");
    out += QLatin1Char('\n');
    for (int r = 0; r < rows; ++r) {
        QStringList f;
        for (int c = 0; c < cols; ++c)
            f << mdField(cell(r, c));
        out += QStringLiteral("| ") + f.join(QStringLiteral(" | ")) + QStringLiteral(" |\n");
    }
    return out;
}

bool ViewExporter::writeFile(const ItemTableModel &model, Format format, const QString &path, QString *error)
{
    return writeText(toText(model, format), path, error);
}

bool ViewExporter::writeText(const QString &text, const QString &path, QString *error)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        *error = file.errorString();
        return false;
    }
    file.write(text.toUtf8());
    if (!file.commit()) {
        *error = file.errorString();
        return false;
    }
    return true;
}

} // namespace vse::gui
