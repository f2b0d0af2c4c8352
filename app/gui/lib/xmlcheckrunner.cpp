#include "xmlcheckrunner.h"

#include "check/domainxmlchecker.h"
#include "detailrenderer.h"
#include "index/sourcelayout.h"
#include "policytext.h"

namespace vse::gui {

XmlCheckReport XmlCheckRunner::check(const SnapshotPtr &snapshot, const QByteArray &xml, const QString &name,
                                     Version target)
{
    XmlCheckReport report;
    report.file = name;
    QString schemaDir;
    qint64 releaseId = 0;
    if (snapshot) {
        const QList<StoredRelease> &releases = snapshot->releases();
        for (auto it = releases.crbegin(); it != releases.crend() && schemaDir.isEmpty(); ++it) {
            Diagnostics ignored;
            const auto layout = SourceLayout::detect(it->sourcePath, &ignored);
            if (layout && !layout->schemaDir.isEmpty()) {
                schemaDir = layout->schemaDir;
                releaseId = it->id;
            }
        }
    }
    if (schemaDir.isEmpty()) {
        report.diagnostics.append(Diagnostic::error(
            name, 0, tr("No indexed release has XML schemas: add an installed libvirt or a source tree in Settings "
                        "\u2192 Sources.")));
        return report;
    }
    QHash<QString, Item> items;
    for (Item &it : snapshot->store().releaseItems(releaseId))
        if (kindFamily(it.kind) == QLatin1String("xml"))
            items.insert(it.name, std::move(it));
    const ItemLookup lookup = [&items](const QString &path) -> const Item * {
        const auto it = items.constFind(path);
        return it == items.constEnd() ? nullptr : &*it;
    };
    return checkXmlData(xml, name, schemaDir, lookup, target);
}

QString XmlCheckRunner::reportHtml(const XmlCheckReport &report)
{
    QString html;
    for (const Diagnostic &d : report.diagnostics)
        html += QStringLiteral("<p style=\"color:#a40000;\"><b>") + d.toString().toHtmlEscaped()
                + QStringLiteral("</b></p>");
    if (!report.diagnostics.isEmpty() && report.findings.isEmpty())
        return html;
    html += QStringLiteral("<p>") + (report.valid ? tr("Valid against %1.") : tr("Not valid against %1."))
                                        .arg(report.schema).toHtmlEscaped() + QStringLiteral("</p>");
    html += QStringLiteral("<table cellspacing=\"4\"><tr><th>") + tr("Line").toHtmlEscaped() + QStringLiteral("</th><th>")
            + tr("Finding").toHtmlEscaped() + QStringLiteral("</th><th>") + tr("Where").toHtmlEscaped()
            + QStringLiteral("</th><th>") + tr("Tier").toHtmlEscaped() + QStringLiteral("</th><th>")
            + tr("Since").toHtmlEscaped() + QStringLiteral("</th><th>") + tr("Message").toHtmlEscaped()
            + QStringLiteral("</th></tr>");
    for (const XmlCheckFinding &f : report.findings) {
        const QString where = f.item.isEmpty()
                                  ? f.path.toHtmlEscaped()
                                  : QStringLiteral("<a href=\"")
                                        + DetailRenderer::nameLink(f.item).toString(QUrl::FullyEncoded).toHtmlEscaped()
                                        + QStringLiteral("\">") + f.path.toHtmlEscaped() + QStringLiteral("</a>");
        QString message = f.message;
        if (f.kind == XmlCheckFinding::Taint)
            message = f.taint + QStringLiteral(": ") + policytext::taintMeaning(f.taint);
        html += QStringLiteral("<tr><td>") + QString::number(f.line) + QStringLiteral("</td><td>")
                + XmlCheckFinding::kindId(f.kind).toHtmlEscaped() + QStringLiteral("</td><td>") + where
                + QStringLiteral("</td><td>") + policytext::tierLabel(f.tier).toHtmlEscaped() + QStringLiteral("</td><td>")
                + (f.since.isKnown() ? f.since.toString().toHtmlEscaped() : QString()) + QStringLiteral("</td><td>")
                + message.toHtmlEscaped()
                + (f.occurrences > 1 ? QStringLiteral(" (\u00d7%1)").arg(f.occurrences) : QString())
                + QStringLiteral("</td></tr>");
    }
    return html + QStringLiteral("</table>");
}

} // namespace vse::gui
