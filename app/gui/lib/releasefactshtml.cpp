#include "releasefactshtml.h"

#include "coretext.h"

#include "detailrenderer.h"
#include "htmlbits.h"
#include "policytext.h"

#include <QJsonObject>

namespace vse::gui {

using namespace html;

QUrl ReleaseFactsHtml::auditLink()
{
    QUrl url;
    url.setScheme(QStringLiteral("vse"));
    url.setPath(QStringLiteral("audit"));
    return url;
}

QString ReleaseFactsHtml::removedBanner(const ItemAnswer &answer)
{
    const ItemAnswer::Removal &removal = answer.removal;
    if (!removal.isRemoved())
        return {};
    const QString removed = removal.in.toString();
    const QString how =
        removal.byDrivers ? QLatin1Char(' ') +
                                esc(tr("No hypervisor driver implements it any more; the symbol is "
                                       "still exported and calls fail."))
                          : QString();
    // Only the stable tiers promise that an item stays; for the others a
    // removal is what the policy allows, and the banner says so.
    if (answer.tierGroup == QLatin1String("stable"))
        return banner(QStringLiteral("#f8c4c4"), tr("Removed in %1").arg(removed),
                      esc(tr("\u2014 a stable interface:")) + QLatin1Char(' ') +
                          link(auditLink(), tr("see the audit")) + how);
    return banner(QStringLiteral("#e0e0e0"), tr("Removed in %1").arg(removed),
                  esc(tr("(allowed for %1)")
                          .arg(policytext::tierGroupLabel(answer.tierGroup.isEmpty() ? answer.item.tier
                                                                                     : answer.tierGroup))) +
                      how);
}

QString ReleaseFactsHtml::historyRows(const ItemAnswer &answer)
{
    QString html;
    const auto row = [&html](const QString &label, const QString &valueHtml) {
        html += QStringLiteral("<tr><td valign=\"top\"><b>") + esc(label) +
                QStringLiteral("</b></td><td>") + valueHtml + QStringLiteral("</td></tr>");
    };
    QStringList releases = answer.releases;
    releases.removeAll(QString());
    if (!releases.isEmpty())
        row(tr("Indexed releases that have it"), esc(releases.join(QStringLiteral(", "))));
    else if (!answer.releases.isEmpty() || !answer.history.isEmpty())
        // Known only from the shipped history (virsh on a default install).
        row(tr("Indexed releases that have it"), esc(tr("none")));
    if (!answer.history.isEmpty()) {
        QStringList notes;
        if (!answer.historyGapFrom.isEmpty())
            notes << tr("the history's first release from %1 on is %2").arg(answer.historyGapFrom, answer.historyGapTo);
        if (!answer.historyNoDataAfter.isEmpty())
            notes << tr("the history's releases after %1 have no data for it").arg(answer.historyNoDataAfter);
        row(tr("Release history"),
            esc(notes.isEmpty() ? answer.history
                                : tr("%1 (%2)").arg(answer.history, notes.join(QStringLiteral("; ")))));
    }
    if (!answer.acceptedAsText.isEmpty())
        row(tr("Accepted before"),
            esc(tr("as plain text in %1 and before, while %2 took any value")
                    .arg(answer.acceptedAsText, answer.item.parent)));
    if (answer.fromHistoryReason == QLatin1String("newer"))
        row(tr("Shown from"), esc(tr("the release history's %1: newer than every indexed release with this kind of "
                                     "data (the newest is %2)")
                                      .arg(answer.fromHistory, answer.newerThanIndexed)));
    else if (answer.fromHistoryReason == QLatin1String("removed"))
        row(tr("Shown from"),
            esc(tr("the release history's %1: removed before the indexed releases").arg(answer.fromHistory)));
    else if (!answer.fromHistory.isEmpty())
        row(tr("Shown from"),
            esc(tr("the release history's %1: no indexed release has this item's files").arg(answer.fromHistory)));
    if (answer.removal.isRemoved())
        row(tr("Removed in"), esc(CoreText::removal(answer.removal)));
    QStringList others;
    for (const QString &n : answer.otherNames)
        others << link(DetailRenderer::nameLink(n), n);
    if (!others.isEmpty())
        row(tr("Other names"), others.join(QStringLiteral(", ")));
    return html;
}

QString ReleaseFactsHtml::driversTable(const ItemAnswer &answer)
{
    if (answer.drivers.isEmpty())
        return {};
    QString html =
        QStringLiteral("<p><b>") + esc(tr("Hypervisor drivers implementing it:")) +
        QStringLiteral("</b></p><table border=\"1\" cellspacing=\"0\" cellpadding=\"3\"><tr><th>") +
        esc(tr("Driver")) + QStringLiteral("</th><th>") + esc(tr("Since")) +
        QStringLiteral("</th><th>") + esc(tr("Removed")) + QStringLiteral("</th></tr>");
    for (const ItemAnswer::Driver &d : answer.drivers) {
        html += QStringLiteral("<tr><td>") + esc(d.driver) + QStringLiteral("</td><td") +
                (d.evidence.isEmpty() ? QString() : QStringLiteral(" title=\"") + esc(d.evidence) + QLatin1Char('"')) +
                QLatin1Char('>') + esc(d.since) + QStringLiteral("</td><td>") + esc(d.removed) +
                QStringLiteral("</td></tr>");
    }
    html += QStringLiteral("</table>");
    // No indexed file said (no libvirt-doc installed): where the list is from.
    if (answer.drivers.constFirst().evidence.startsWith(QLatin1String("release history")))
        html += QStringLiteral("<p><small>") +
                esc(tr("From the shipped release history (%1): no indexed release has hvsupport.html or driver "
                       "tables.")
                        .arg(answer.drivers.constFirst().evidence.section(QStringLiteral(", "), 1))) +
                QStringLiteral("</small></p>");
    return html;
}

} // namespace vse::gui
