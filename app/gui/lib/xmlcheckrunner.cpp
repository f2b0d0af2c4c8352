#include "xmlcheckrunner.h"
#include "xmlcheckrunner_p.h"

#include "check/checkreport.h"
#include "check/domainxmlchecker.h"
#include "detailrenderer.h"
#include "policytext.h"

#include <map>
#include <optional>

namespace vse::gui {

XmlCheckReport XmlCheckRunner::check(const SnapshotPtr &snapshot, const QByteArray &xml, const QString &name,
                                     Version target)
{
    Lookup lookup(snapshot);
    return check(lookup, xml, name, target);
}

XmlCheckReport XmlCheckRunner::check(Lookup &lookup, const QByteArray &xml, const QString &name, Version target)
{
    if (lookup.schemaDir.isEmpty()) {
        XmlCheckReport report;
        report.file = name;
        report.diagnostics.append(Diagnostic::error(
            name, 0, tr("No indexed release has XML schemas: add an installed libvirt or a source tree in Settings "
                        "\u2192 Sources.")));
        return report;
    }
    return checkXmlData(xml, name, lookup.schemaDir, lookup.function(), target, &lookup.memo);
}

namespace {

QString escapedHtml(const QString &s)
{
    return s.toHtmlEscaped();
}

// Background of the verdict box: red when it cannot be used as is, amber for
// the caveats, green when supported as is.
QString verdictColour(CheckVerdict::Kind kind)
{
    switch (kind) {
    case CheckVerdict::NotChecked:
    case CheckVerdict::Invalid:
    case CheckVerdict::TooNew:
        return QStringLiteral("#f8d7da");
    case CheckVerdict::MaybeTooNew:
    case CheckVerdict::Tainted:
    case CheckVerdict::NamespaceExtensions:
        return QStringLiteral("#fff3cd");
    case CheckVerdict::Supported:
        break;
    }
    return QStringLiteral("#d4edda");
}

QString nodeFacts(const NodeFindings &n, Version target)
{
    QStringList facts;
    for (const QString &t : n.taints)
        facts << QStringLiteral("<b>") + escapedHtml(XmlCheckRunner::tr("taints: %1").arg(t)) + QStringLiteral("</b>");
    if (n.namespaceExtension)
        facts << escapedHtml(XmlCheckRunner::tr("namespace extension (%1)").arg(n.hypervisor));
    if (n.target == SinceRange::Fit::TooNew)
        facts << QStringLiteral("<b>") + escapedHtml(XmlCheckRunner::tr("too new for %1").arg(target.toString()))
                     + QStringLiteral("</b>");
    else if (n.target == SinceRange::Fit::MaybeTooNew)
        facts << escapedHtml(XmlCheckRunner::tr("may be too new for %1").arg(target.toString()));
    if (!n.tier.isEmpty() && !n.namespaceExtension) // "namespace extension (qemu)" says it already
        facts << escapedHtml(policytext::tierLabel(n.tier));
    if (n.since.isKnown())
        facts << escapedHtml(n.since.displayPhrase());
    if (n.occurrences > 1)
        facts << escapedHtml(XmlCheckRunner::tr("%1 times").arg(n.occurrences));
    for (const QString &p : n.problems)
        facts << QStringLiteral("<span style=\"color:#a40000;\">") + escapedHtml(p) + QStringLiteral("</span>");
    return facts.join(QStringLiteral(" \u00b7 "));
}

} // namespace

QString XmlCheckRunner::reportHtml(const XmlCheckReport &raw, Version target)
{
    const CheckReport report = CheckReport::of(raw, target);
    QString html = QStringLiteral("<table width=\"100%\" cellpadding=\"8\" style=\"background:%1;\"><tr><td>")
                       .arg(verdictColour(report.verdict.kind));
    html += QStringLiteral("<span style=\"font-size:large;\"><b>") + escapedHtml(report.verdict.text())
            + QStringLiteral("</b></span>");
    for (const QString &t : report.verdict.taints)
        html += QStringLiteral("<br><b>") + escapedHtml(t) + QStringLiteral("</b>: ") + escapedHtml(policytext::taintMeaning(t))
                + (report.verdict.recorded.contains(t)
                       ? escapedHtml(QStringLiteral(" (") + CheckVerdict::recordedText(report.verdict.recorded.value(t)) + QLatin1Char(')'))
                   : report.verdict.conditions.contains(t)
                       ? escapedHtml(tr(" (libvirt taints %1)").arg(report.verdict.conditions.value(t)))
                       : QString());
    if (!report.verdict.hypervisors.isEmpty())
        html += QStringLiteral("<br>") + escapedHtml(policytext::tierRule(QStringLiteral("namespace-extension")));
    html += QStringLiteral("</td></tr></table>");
    for (const Diagnostic &d : report.diagnostics)
        html += QStringLiteral("<p style=\"color:#a40000;\"><b>") + escapedHtml(d.toString()) + QStringLiteral("</b></p>");
    if (report.verdict.kind == CheckVerdict::NotChecked)
        return html;
    // A status file: what was checked of it, and what it records besides.
    if (const auto &status = report.status) {
        html += QStringLiteral("<p>") +
                escapedHtml((status->state.isEmpty() ? tr("The status file of an active guest: its <domain>, from line %1, "
                                                          "is what was checked.")
                                                           .arg(status->firstLine)
                                                     : tr("The status file of an active guest (state: %1): its <domain>, "
                                                          "from line %2, is what was checked.")
                                                           .arg(status->state)
                                                           .arg(status->firstLine)));
        if (!status->setAside.isEmpty())
            html += QStringLiteral(" ") + escapedHtml(tr("Set aside before validation, as libvirt writes them only into "
                                                         "status files: %1.")
                                                          .arg(status->setAside.join(QStringLiteral(", "))));
        for (const DomainStatus::Line &d : status->deprecations)
            html += QStringLiteral("<br>") + escapedHtml(tr("Deprecated, libvirt's record (line %1): %2").arg(d.line).arg(d.text));
        html += QStringLiteral("</p>");
    }
    html += QStringLiteral("<p>") + escapedHtml((report.valid ? tr("Valid against %1.") : tr("Not valid against %1.")).arg(report.schema))
            + QStringLiteral("</p>");
    // The nodes that carry a caveat first, then the plain uses of stable items.
    QList<const NodeFindings *> order;
    for (const NodeFindings &n : report.nodes)
        if (n.notable())
            order.append(&n);
    const qsizetype notable = order.size();
    for (const NodeFindings &n : report.nodes)
        if (!n.notable())
            order.append(&n);
    html += QStringLiteral("<table cellspacing=\"4\"><tr><th align=\"left\">") + escapedHtml(tr("Line"))
            + QStringLiteral("</th><th align=\"left\">") + escapedHtml(tr("Node")) + QStringLiteral("</th><th align=\"left\">")
            + escapedHtml(tr("Findings")) + QStringLiteral("</th></tr>");
    for (qsizetype i = 0; i < order.size(); ++i) {
        const NodeFindings &n = *order.at(i);
        if (i == notable && notable > 0)
            html += QStringLiteral("<tr><td colspan=\"3\"><i>") + escapedHtml(tr("Also uses (stable):"))
                    + QStringLiteral("</i></td></tr>");
        const QString shown = n.path.isEmpty() ? tr("(schema)")
                                               : n.value.isEmpty() ? n.path : n.path + QLatin1Char('=') + n.value;
        const QString where = n.item.isEmpty() ? escapedHtml(shown)
                                               : QStringLiteral("<a href=\"")
                                                     + escapedHtml(DetailRenderer::nameLink(n.item).toString(QUrl::FullyEncoded))
                                                     + QStringLiteral("\">") + escapedHtml(shown) + QStringLiteral("</a>");
        html += QStringLiteral("<tr><td>") + QString::number(n.line) + QStringLiteral("</td><td>") + where
                + QStringLiteral("</td><td>") + nodeFacts(n, target) + QStringLiteral("</td></tr>");
    }
    return html + QStringLiteral("</table>");
}

} // namespace vse::gui
