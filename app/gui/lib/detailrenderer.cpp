#include "detailrenderer.h"

#include "index/taintmentions.h"

#include "coretext.h"

#include "htmlbits.h"
#include "model/policy.h"
#include "releasefactshtml.h"
#include "policytext.h"

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

ItemAnswer DetailRenderer::answerFor(const Item &item, const Context &context)
{
    ItemAnswer::Context c;
    c.releaseLabel = context.releaseLabel;
    c.fallbackReleases = context.otherReleases;
    c.proceduresFrom = context.linksFrom;
    c.parts = context.parts;
    c.sameNameElsewhere = context.sameNameElsewhere;
    return ItemAnswer::of(item, c);
}

QString DetailRenderer::banners(const ItemAnswer &answer) const
{
    // Which banners, and in which order, is the answer's; the wording here
    // is only the translated form of each kind.
    QString html;
    bool removedShown = false;
    for (const ItemAnswer::Note &n : answer.notes) {
        if (n.kind == QLatin1String("taint")) {
            continue; // below, with the translated meaning of each reason
        } else if (n.kind == QLatin1String("removed")) {
            if (!removedShown)
                html += ReleaseFactsHtml::removedBanner(answer);
            removedShown = true;
        } else if (n.kind == QLatin1String("newer")) {
            html += banner(QStringLiteral("#d7e3fc"),
                           tr("Not in the indexed releases: added after %1.").arg(answer.newerThanIndexed),
                           esc(answer.since.exact
                                   ? tr("Needs libvirt %1 or newer; the release history knows it.")
                                         .arg(answer.since.upTo.toString())
                                   : tr("Needs a libvirt newer than %1 (%2); the release history knows it.")
                                         .arg(answer.newerThanIndexed, answer.since.toString())));
        } else if (n.kind == QLatin1String("namespace-extension")) {
            html += banner(QStringLiteral("#fde8b0"), tr("Namespace extension."),
                           esc(tr("This XML lives in a hypervisor namespace; libvirt gives it no long-term guarantee.")));
        } else if (n.kind == QLatin1String("private")) {
            html += banner(QStringLiteral("#fde8b0"), tr("Private protocol."),
                           esc(tr("Only libvirt's own daemons speak this protocol; applications must not use it.")));
        } else if (n.kind == QLatin1String("hypervisor-specific")) {
            html += banner(QStringLiteral("#fde8b0"), tr("Hypervisor-specific."),
                           esc(tr("This interface may change or disappear in any release.")));
        } else if (n.kind == QLatin1String("warning")) {
            html += banner(QStringLiteral("#fde8b0"), tr("Warning."), esc(n.text));
        } else if (n.kind == QLatin1String("sources-disagree")) {
            html += banner(QStringLiteral("#d7e3fc"), tr("Sources disagree."),
                           esc(tr("The evidence below names different releases; the strongest one is shown as \"since\", "
                                  "or a function's own Since tag when it names a later release than the version "
                                  "node it was exported in.")));
        } else {
            html += banner(QStringLiteral("#fde8b0"), n.title, esc(n.text));
        }
    }
    QString taints;
    for (const ItemAnswer::Taint &t : answer.taints) {
        QString sources;
        for (const QString &s : t.sources)
            sources += QStringLiteral("<br/><small>") + esc(s) + QStringLiteral("</small>");
        const QString title =
            !t.isConditional() ? tr("Taints the guest: %1.").arg(t.reason)
            : t.whenNonEmpty   ? tr("Taints every guest the daemon starts when the list is not empty: %1.").arg(t.reason)
                               : tr("Taints every guest the daemon starts when set to %1: %2.")
                                   .arg(t.whenValues.join(QStringLiteral(", ")), t.reason);
        taints += banner(QStringLiteral("#f8c4c4"), title, esc(policytext::taintMeaning(t.reason)) + sources);
    }
    return taints + html;
}

QString DetailRenderer::evidenceHtml(const ItemAnswer &answer) const
{
    QString html = QStringLiteral("<p><b>") + esc(tr("Since:")) + QStringLiteral("</b> ");
    html += answer.since.isKnown() ? esc(answer.sinceText) : esc(tr("unknown (no evidence)"));
    html += QStringLiteral("</p>");
    if (answer.item.evidence.size() > 1 || answer.inconsistent) {
        html += QStringLiteral("<p>") + esc(tr("All evidence:")) + QStringLiteral("</p><ul>");
        for (const Evidence &e : answer.item.evidence)
            html += QStringLiteral("<li>") + esc(e.describe()) + QStringLiteral("</li>");
        html += QStringLiteral("</ul>");
    }
    return html;
}

QString DetailRenderer::relatedHtml(const ItemAnswer &answer) const
{
    QString html;
    QString asOf;
    if (!answer.proceduresFrom.isEmpty())
        asOf = QLatin1Char(' ') + tr("(as of %1)").arg(answer.proceduresFrom);
    const auto row = [&html](const QString &label, const QString &value) {
        html += QStringLiteral("<tr><td valign=\"top\"><b>") + esc(label) + QStringLiteral("</b></td><td>") + value
                + QStringLiteral("</td></tr>");
    };
    if (!answer.item.parent.isEmpty())
        row(tr("Part of"), link(nameLink(answer.item.parent), answer.item.parent));
    // A removed XML item's namesakes that are still there: one click away.
    if (!answer.sameNameElsewhere.isEmpty()) {
        QStringList at;
        for (const auto &[name, since] : answer.sameNameElsewhere)
            at << link(nameLink(name), name) + QStringLiteral(" (") + esc(since.displayPhrase()) +
                      (answer.appearedWhenRemoved(since) ? esc(tr(", the release that dropped this path")) : QString()) +
                      QLatin1Char(')');
        row(tr("Also at"), at.join(QStringLiteral("; ")) + QStringLiteral("<br/><small>") +
                               esc(tr("the same name, still there: perhaps it moved (the release history records paths, not moves)")) +
                               QStringLiteral("</small>"));
    }
    const auto links = [](const QStringList &names) {
        QStringList parts;
        for (const QString &n : names)
            parts << link(nameLink(n), n);
        return parts.join(QStringLiteral(", "));
    };
    if (!answer.procedures.isEmpty())
        row(tr("RPC procedures") + asOf, links(answer.procedures));
    if (!answer.api.isEmpty())
        row(tr("Carries the API") + asOf, links(answer.api));
    if (!answer.acl.isEmpty())
        row(tr("Access control") + asOf, esc(answer.acl.join(QStringLiteral(", "))));
    html += ReleaseFactsHtml::historyRows(answer);
    if (!html.isEmpty())
        html = QStringLiteral("<table cellspacing=\"4\">") + html + QStringLiteral("</table>");
    return html + ReleaseFactsHtml::driversTable(answer);
}

QString DetailRenderer::kindFactsHtml(const ItemAnswer &answer) const
{
    // A virsh command's output, an option's type, a setting's shipped values,
    // an error code's message: the answer's facts of the item's kind.
    QString rows;
    for (const ItemAnswer::Fact &f : answer.kindFacts)
        rows += QStringLiteral("<tr><td valign=\"top\"><b>") + esc(CoreText::factLabel(f.label)) +
                QStringLiteral("</b></td><td>") + esc(CoreText::factText(f.text)).replace(QLatin1Char('\n'), QStringLiteral("<br/>")) + QStringLiteral("</td></tr>");
    return rows.isEmpty() ? rows : QStringLiteral("<table cellspacing=\"4\">") + rows + QStringLiteral("</table>");
}

QString DetailRenderer::itemHtml(const Item &item, const Context &context) const
{
    return itemHtml(answerFor(item, context), context.palette);
}

QString DetailRenderer::itemHtml(const ItemAnswer &answer, const QPalette &palette) const
{
    const Item &item = answer.item;
    QString html = QStringLiteral("<h2>") + breakable(item.name) + QStringLiteral("</h2>");
    // log_level is an option of three files: say which, as show's heading does.
    html += QStringLiteral("<p>") + esc(item.kind == ItemKind::ConfigOption && !item.parent.isEmpty()
                                            ? tr("%1 of %2").arg(kindLabel(item.kind), item.parent)
                                            : kindLabel(item.kind));
    if (!item.hypervisor.isEmpty())
        html += QStringLiteral(" \u00b7 ") + esc(tr("hypervisor: %1").arg(item.hypervisor));
    if (!answer.releaseLabel.isEmpty())
        html += QStringLiteral(" \u00b7 ") + esc(CoreText::releaseLabel(answer.releaseLabel));
    html += QStringLiteral("</p>");
    html += QStringLiteral("<table cellpadding=\"4\"><tr><td bgcolor=\"#3465a4\" style=\"color:#ffffff;\"><b>")
            + esc(policytext::tierLabel(item.tier)) + QStringLiteral("</b></td><td>")
            + esc(answer.tierRule.isEmpty() ? tr("No rule known for this tier.") : policytext::tierRule(item.tier))
            + QStringLiteral("</td></tr></table>");
    html += banners(answer);
    html += evidenceHtml(answer);
    if (!item.doc.isEmpty())
        html += QStringLiteral("<p>") + esc(item.doc) + QStringLiteral("</p>");
    if (!item.signature.isEmpty())
        html += m_highlighter.toHtml(item.signature, item.kind, palette);
    html += kindFactsHtml(answer);
    // A virsh command's options, each with its own since: an option may be
    // younger than its command, which is what a script's author must know.
    if (!answer.options.isEmpty()) {
        QString rows;
        for (const ItemAnswer::Option &o : answer.options)
            rows += QStringLiteral("<tr><td>") + link(nameLink(item.name + QLatin1Char(' ') + o.name), o.name) +
                    QStringLiteral("</td><td>") + esc(CoreText::optionFlags(o)) + QStringLiteral("</td><td>") +
                    esc(CoreText::optionSince(o)) + QStringLiteral("</td></tr>");
        html += QStringLiteral("<p><b>") + esc(tr("Synopsis")) + QStringLiteral("</b><br/><tt>") +
                esc(answer.synopsis) + QStringLiteral("</tt></p>");
        html += QStringLiteral("<p><b>") + esc(tr("Options")) +
                QStringLiteral("</b></p><table cellspacing=\"2\" cellpadding=\"2\"><tr><th align=\"left\">") +
                esc(tr("option")) + QStringLiteral("</th><th align=\"left\">") + esc(tr("kind")) +
                QStringLiteral("</th><th align=\"left\">") + esc(tr("since")) + QStringLiteral("</th></tr>") + rows +
                QStringLiteral("</table>");
    }
    html += relatedHtml(answer);
    if (!answer.otherFacts.isEmpty()) {
        QString facts;
        for (const auto &[key, value] : answer.otherFacts)
            facts += QStringLiteral("<tr><td valign=\"top\"><b>") + esc(CoreText::factLabel(key)) +
                     QStringLiteral("</b></td><td>") + esc(CoreText::factText(value)) + QStringLiteral("</td></tr>");
        html += QStringLiteral("<table cellspacing=\"4\">") + facts + QStringLiteral("</table>");
    }
    if (!answer.definedIn.isEmpty())
        html += QStringLiteral("<p><small>") + esc(tr("Defined in %1").arg(answer.definedIn)) + QStringLiteral("</small></p>");
    return html;
}

QString DetailRenderer::taintReasonHtml(const QString &reasonId) const
{
    QString html = QStringLiteral("<h2>") + esc(tr("Taint reason: %1").arg(reasonId)) + QStringLiteral("</h2>");
    html += banner(QStringLiteral("#f8c4c4"), tr("Meaning."), esc(policytext::taintMeaning(reasonId)));
    // How it reaches a ticket: the guest log's line and the daemon's words.
    html += QStringLiteral("<p>") + esc(tr("The guest's log says:")) + QStringLiteral(" <code>") +
            esc(taintLogLine(reasonId)) + QStringLiteral("</code>");
    if (const QString words = Policy::instance().taintReason(reasonId).daemonMessage; !words.isEmpty())
        html += QStringLiteral("<br/>") + esc(tr("virDomainGetMessages (libvirt 7.1.0 and newer) says:")) +
                QStringLiteral(" <code>tainted: ") + esc(words) + QStringLiteral("</code>");
    html += QStringLiteral("</p>");
    QString triggers;
    bool interfaceTrigger = false;
    for (const TaintTrigger &t : triggersOfTaint(reasonId)) {
        // Host conditions are no indexed item: no link. A daemon setting
        // links to its options (qemu.conf:user), which the index has.
        interfaceTrigger |= t.isInterface();
        QString settings;
        if (t.match == QLatin1String("config") && !t.file.isEmpty()) {
            QStringList links;
            for (const QString &option : t.options)
                links << link(nameLink(t.file + QLatin1Char(':') + option), t.file + QLatin1Char(':') + option);
            if (!links.isEmpty())
                settings = QStringLiteral("<br/>") + esc(tr("Settings:")) + QLatin1Char(' ') +
                           links.join(QStringLiteral(", "));
        }
        triggers += QStringLiteral("<li>") + (t.isInterface() ? link(nameLink(t.name), t.name) : esc(t.name)) +
                    settings + QStringLiteral("<br/><small>") + esc(t.source) + QStringLiteral("</small></li>");
    }
    if (!triggers.isEmpty() && !interfaceTrigger)
        html += QStringLiteral("<p>") + esc(tr("No API or XML sets this reason: libvirt sets it from a host condition "
                                               "or the daemon's configuration, so no indexed item carries it."))
                + QStringLiteral("</p>");
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
