#include "toolfactshtml.h"

#include "htmlbits.h"

#include <QJsonArray>

namespace vse::gui {

using html::esc;

namespace {

QString yesNo(bool b)
{
    return b ? ToolFactsHtml::tr("yes") : ToolFactsHtml::tr("no");
}

} // namespace

QString ToolFactsHtml::factsTable(const Item &item)
{
    const QJsonObject &a = item.attrs;
    QString rows;
    const auto row = [&rows](const QString &label, const QString &valueHtml) {
        rows += QStringLiteral("<tr><td valign=\"top\"><b>") + esc(label) +
                QStringLiteral("</b></td><td>") + valueHtml + QStringLiteral("</td></tr>");
    };
    const auto text = [&a](const char *key) { return a.value(QLatin1String(key)).toString(); };
    switch (item.kind) {
    case ItemKind::VirshCommand:
        if (!text("aliasOf").isEmpty())
            row(tr("Alias of"), esc(text("aliasOf")));
        if (text("output") == QLatin1String("compound"))
            row(tr("Output"),
                esc(tr("compound (a table or list): its layout is not stable")) +
                    (text("stableAlternative").isEmpty()
                         ? QString()
                         : QStringLiteral("<br/>") +
                               esc(tr("for scripts: %1").arg(text("stableAlternative")))));
        else if (text("output") == QLatin1String("single"))
            row(tr("Output"), esc(tr("a single item (stable)")));
        if (a.contains(QStringLiteral("options")))
            row(tr("Options"), QString::number(a.value(QStringLiteral("options")).toInt()));
        break;
    case ItemKind::VirshOption:
        row(tr("Type"), esc(text("type")));
        if (!text("aliasOf").isEmpty())
            row(tr("Stands for"), esc(text("aliasOf")));
        else {
            row(tr("Required"), yesNo(a.value(QStringLiteral("required")).toBool()));
            row(tr("Positional"), yesNo(a.value(QStringLiteral("positional")).toBool()));
        }
        break;
    case ItemKind::ConfigOption: {
        row(tr("File"), esc(text("file")));
        if (!text("type").isEmpty())
            row(tr("Type (lens)"), esc(text("type")));
        if (!text("lens").isEmpty())
            row(tr("Lens"), esc(text("lens")));
        const bool inConf = a.value(QStringLiteral("inConf")).toBool(true);
        const bool inLens = a.value(QStringLiteral("inLens")).toBool(true);
        row(tr("State"),
            esc(inConf && inLens    ? tr("in the shipped file and read by the lens")
                : !inConf && inLens ? tr("dropped from the shipped file, still read by the lens")
                : inConf            ? tr("in the shipped file, no lens entry")
                                    : tr("unknown")));
        QString shipped;
        for (const QJsonValue &step : a.value(QStringLiteral("defaults")).toArray()) {
            const QJsonArray s = step.toArray();
            shipped +=
                QStringLiteral("<tr><td>") + esc(s.at(0).toString()) +
                QStringLiteral("</td><td><tt>") +
                esc(s.at(1).isString() ? s.at(1).toString() : tr("(not in the shipped file)")) +
                QStringLiteral("</tt></td></tr>");
        }
        if (!shipped.isEmpty())
            row(tr("Shipped value from"),
                QStringLiteral("<table>") + shipped + QStringLiteral("</table>"));
        else if (a.contains(QStringLiteral("default")))
            row(tr("Shipped value"),
                QStringLiteral("<tt>") + esc(text("default")) + QStringLiteral("</tt>"));
        break;
    }
    case ItemKind::EnumValue: {
        const QString message =
            text("message").isEmpty() ? text("historyMessage") : text("message");
        if (!message.isEmpty())
            row(tr("Message"), esc(message));
        break;
    }
    default:
        break;
    }
    return rows.isEmpty()
               ? rows
               : QStringLiteral("<table cellspacing=\"4\">") + rows + QStringLiteral("</table>");
}

} // namespace vse::gui
