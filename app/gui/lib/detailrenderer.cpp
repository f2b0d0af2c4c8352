#include "detailrenderer.h"

#include "htmlbits.h"
#include "model/policy.h"
#include "releasefactshtml.h"
#include "policytext.h"
#include "toolfactshtml.h"

#include <QJsonArray>

namespace vse::gui {

using namespace html;

QUrl DetailRenderer::nameLink(const QString &name)
{
    QUrl url;
    url.setScheme(QStringLiteral("vse"));
    url.setPath(QStringLiteral("name/") + name);
    return url;
}

QUrl DetailRenderer::itemLink(qint64 id)
{
    QUrl url;
    url.setScheme(QStringLiteral("vse"));
    url.setPath(QStringLiteral("item/") + QString::number(id));
    return url;
}

QStringList DetailRenderer::relatedNames(const Item &item)
{
    QStringList out;
    if (!item.parent.isEmpty())
        out << item.parent;
    out << namesOf(item.attrs.value(QStringLiteral("procedures")));
    out << stringsOf(item.attrs.value(QStringLiteral("api")));
    out.removeDuplicates();
    return out;
}

QString DetailRenderer::banners(const Item &item) const
{
    QString html;
    for (const QString &t : item.taints)
        html += banner(QStringLiteral("#f8c4c4"), tr("Taints the guest: %1.").arg(t), esc(policytext::taintMeaning(t)));
    html += ReleaseFactsHtml::removedBanner(item);
    const QString group = Policy::instance().tier(item.tier).group;
    if (item.tier == QLatin1String("namespace-extension"))
        html += banner(QStringLiteral("#fde8b0"), tr("Namespace extension."),
                       esc(tr("This XML lives in a hypervisor namespace; libvirt gives it no long-term guarantee.")));
    if (item.tier == QLatin1String("private"))
        html += banner(QStringLiteral("#fde8b0"), tr("Private protocol."),
                       esc(tr("Only libvirt's own daemons speak this protocol; applications must not use it.")));
    else if (group == QLatin1String("hypervisor-specific"))
        html += banner(QStringLiteral("#fde8b0"), tr("Hypervisor-specific."),
                       esc(tr("This interface may change or disappear in any release.")));
    for (const QString &w : item.warnings)
        html += banner(QStringLiteral("#fde8b0"), tr("Warning."), esc(w));
    if (item.inconsistent())
        html += banner(QStringLiteral("#d7e3fc"), tr("Sources disagree."),
                       esc(tr("The evidence below names different releases; the strongest one is shown as \"since\".")));
    return html;
}

QString DetailRenderer::evidenceHtml(const Item &item) const
{
    const SinceRange since = item.sinceRange();
    QString html = QStringLiteral("<p><b>") + esc(tr("Since:")) + QStringLiteral("</b> ");
    html += since.isKnown() ? esc(since.explain()) : esc(tr("unknown (no evidence)"));
    html += QStringLiteral("</p>");
    if (item.evidence.size() > 1 || item.inconsistent()) {
        html += QStringLiteral("<p>") + esc(tr("All evidence:")) + QStringLiteral("</p><ul>");
        for (const Evidence &e : item.evidence)
            html += QStringLiteral("<li>") + esc(e.describe()) + QStringLiteral("</li>");
        html += QStringLiteral("</ul>");
    }
    return html;
}

QString DetailRenderer::relatedHtml(const Item &item, const Context &context) const
{
    QString html;
    QString asOf;
    if (!context.linksFrom.isEmpty())
        asOf = QLatin1Char(' ') + tr("(as of %1)").arg(context.linksFrom);
    const auto row = [&html](const QString &label, const QString &value) {
        html += QStringLiteral("<tr><td valign=\"top\"><b>") + esc(label) + QStringLiteral("</b></td><td>") + value
                + QStringLiteral("</td></tr>");
    };
    if (!item.parent.isEmpty())
        row(tr("Part of"), link(nameLink(item.parent), item.parent));
    const auto links = [](const QStringList &names) {
        QStringList parts;
        for (const QString &n : names)
            parts << link(nameLink(n), n);
        return parts.join(QStringLiteral(", "));
    };
    if (const QStringList p = namesOf(item.attrs.value(QStringLiteral("procedures"))); !p.isEmpty())
        row(tr("RPC procedures") + asOf, links(p));
    // The access checks of the procedures an API travels as.
    QStringList procedureAcl;
    for (const QJsonValue &p : item.attrs.value(QStringLiteral("procedures")).toArray())
        procedureAcl << stringsOf(p.toObject().value(QStringLiteral("acl")));
    procedureAcl.removeDuplicates();
    if (const QStringList a = stringsOf(item.attrs.value(QStringLiteral("api"))); !a.isEmpty())
        row(tr("Carries the API") + asOf, links(a));
    QStringList acl = stringsOf(item.attrs.value(QStringLiteral("acl")));
    if (acl.isEmpty())
        acl = procedureAcl;
    if (!acl.isEmpty())
        row(tr("Access control") + asOf, esc(acl.join(QStringLiteral(", "))));
    html += ReleaseFactsHtml::historyRows(item, context.otherReleases);
    if (!html.isEmpty())
        html = QStringLiteral("<table cellspacing=\"4\">") + html + QStringLiteral("</table>");
    return html + ReleaseFactsHtml::driversTable(item);
}

QString DetailRenderer::itemHtml(const Item &item, const Context &context) const
{
    const TierInfo tier = Policy::instance().tier(item.tier);
    QString html = QStringLiteral("<h2>") + esc(item.name) + QStringLiteral("</h2>");
    html += QStringLiteral("<p>") + esc(kindLabel(item.kind));
    if (!item.hypervisor.isEmpty())
        html += QStringLiteral(" \u00b7 ") + esc(tr("hypervisor: %1").arg(item.hypervisor));
    if (!context.releaseLabel.isEmpty())
        html += QStringLiteral(" \u00b7 ") + esc(tr("release %1").arg(context.releaseLabel));
    html += QStringLiteral("</p>");
    html += QStringLiteral("<table cellpadding=\"4\"><tr><td bgcolor=\"#3465a4\" style=\"color:#ffffff;\"><b>")
            + esc(policytext::tierLabel(item.tier)) + QStringLiteral("</b></td><td>")
            + esc(tier.rule.isEmpty() ? tr("No rule known for this tier.") : policytext::tierRule(item.tier))
            + QStringLiteral("</td></tr></table>");
    html += banners(item);
    html += evidenceHtml(item);
    if (!item.doc.isEmpty())
        html += QStringLiteral("<p>") + esc(item.doc) + QStringLiteral("</p>");
    if (!item.signature.isEmpty())
        html += m_highlighter.toHtml(item.signature, item.kind, context.palette);
    html += ToolFactsHtml::factsTable(item);
    html += relatedHtml(item, context);
    if (!item.file.isEmpty()) {
        const QString where = item.line > 0 ? item.file + QLatin1Char(':') + QString::number(item.line) : item.file;
        html += QStringLiteral("<p><small>") + esc(tr("Defined in %1").arg(where)) + QStringLiteral("</small></p>");
    }
    return html;
}

QString DetailRenderer::taintReasonHtml(const QString &reasonId) const
{
    QString html = QStringLiteral("<h2>") + esc(tr("Taint reason: %1").arg(reasonId)) + QStringLiteral("</h2>");
    html += banner(QStringLiteral("#f8c4c4"), tr("Meaning."), esc(policytext::taintMeaning(reasonId)));
    QString triggers;
    for (const TaintTrigger &t : Policy::instance().taintTriggers()) {
        if (t.taint != reasonId)
            continue;
        // Configuration settings and host conditions are no indexed item: no link.
        const bool indexed = t.match == QLatin1String("api") || t.match == QLatin1String("xml");
        triggers +=
            QStringLiteral("<li>") + (indexed ? link(nameLink(t.name), t.name) : esc(t.name)) +
            QStringLiteral("<br/><small>") + esc(t.source) + QStringLiteral("</small></li>");
    }
    if (triggers.isEmpty())
        html += QStringLiteral("<p>") + esc(tr("The catalogue knows no API or XML that triggers this reason; "
                                               "libvirt sets it from the guest's configuration or the host."))
                + QStringLiteral("</p>");
    else
        html += QStringLiteral("<p>") + esc(tr("Known triggers:")) + QStringLiteral("</p><ul>") + triggers
                + QStringLiteral("</ul>");
    return html;
}

QString DetailRenderer::messageHtml(const QString &title, const QString &text) const
{
    return QStringLiteral("<h3>") + esc(title) + QStringLiteral("</h3><p>") + esc(text) + QStringLiteral("</p>");
}

} // namespace vse::gui
