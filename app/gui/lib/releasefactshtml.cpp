#include "releasefactshtml.h"

#include "index/historyapplier.h"

#include "detailrenderer.h"
#include "htmlbits.h"
#include "model/policy.h"
#include "policytext.h"
#include "removal.h"

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

QString ReleaseFactsHtml::removedBanner(const Item &item)
{
    const Removal removal = Removal::of(item.attrs);
    if (!removal.isRemoved())
        return {};
    const QString removed = removal.version.toString();
    const QString how =
        removal.byDrivers ? QLatin1Char(' ') +
                                esc(tr("No hypervisor driver implements it any more; the symbol is "
                                       "still exported and calls fail."))
                          : QString();
    const QString group = Policy::instance().tier(item.tier).group;
    // Only the stable tiers promise that an item stays; for the others a
    // removal is what the policy allows, and the banner says so.
    if (group == QLatin1String("stable"))
        return banner(QStringLiteral("#f8c4c4"), tr("Removed in %1").arg(removed),
                      esc(tr("\u2014 a stable interface:")) + QLatin1Char(' ') +
                          link(auditLink(), tr("see the audit")) + how);
    return banner(QStringLiteral("#e0e0e0"), tr("Removed in %1").arg(removed),
                  esc(tr("(allowed for %1)")
                          .arg(policytext::tierGroupLabel(group.isEmpty() ? item.tier : group))) +
                      how);
}

QString ReleaseFactsHtml::historyRows(const Item &item, const QStringList &fallbackReleases)
{
    QString html;
    const auto row = [&html](const QString &label, const QString &valueHtml) {
        html += QStringLiteral("<tr><td valign=\"top\"><b>") + esc(label) +
                QStringLiteral("</b></td><td>") + valueHtml + QStringLiteral("</td></tr>");
    };
    QStringList releases = stringsOf(item.attrs.value(QStringLiteral("releases")));
    if (releases.isEmpty())
        releases = fallbackReleases;
    if (!releases.isEmpty())
        row(tr("Indexed releases that have it"), esc(releases.join(QStringLiteral(", "))));
    if (const QString spans = HistoryApplier::spansText(item.attrs); !spans.isEmpty())
        row(tr("Release history"), esc(spans));
    if (const QString text = item.attrs.value(QStringLiteral("acceptedAsTextIn")).toString(); !text.isEmpty())
        row(tr("Accepted before"),
            esc(tr("as plain text in %1 and before, while %2 took any value").arg(text, item.parent)));
    if (const QString from = item.attrs.value(QStringLiteral("fromHistory")).toString(); !from.isEmpty())
        row(tr("Shown from"), esc(tr("the release history's %1: no indexed release has this item's files").arg(from)));
    const Removal removal = Removal::of(item.attrs);
    if (removal.isRemoved()) {
        QString text = removal.byDrivers ? tr("%1 (by every hypervisor driver)").arg(removal.version.toString())
                                         : removal.version.toString();
        if (const QString how = item.attrs.value(QStringLiteral("removedEvidence")).toString(); !how.isEmpty())
            text += QStringLiteral(" (") + how + QLatin1Char(')');
        row(tr("Removed in"), esc(text));
    }
    QStringList others;
    for (const QString &n : stringsOf(item.attrs.value(QStringLiteral("otherNames"))))
        others << link(DetailRenderer::nameLink(n), n);
    if (!others.isEmpty())
        row(tr("Other names"), others.join(QStringLiteral(", ")));
    return html;
}

QString ReleaseFactsHtml::driversTable(const Item &item)
{
    const QJsonValue drivers = item.attrs.value(QStringLiteral("drivers"));
    if (!drivers.isArray() || drivers.toArray().isEmpty())
        return {};
    QString html =
        QStringLiteral("<p><b>") + esc(tr("Hypervisor drivers implementing it:")) +
        QStringLiteral("</b></p><table border=\"1\" cellspacing=\"0\" cellpadding=\"3\"><tr><th>") +
        esc(tr("Driver")) + QStringLiteral("</th><th>") + esc(tr("Since")) +
        QStringLiteral("</th><th>") + esc(tr("Removed")) + QStringLiteral("</th></tr>");
    for (const QJsonValue &v : drivers.toArray()) {
        const QJsonObject o = v.toObject();
        const QString driver = o.value(QStringLiteral("driver")).toString();
        if (driver.isEmpty())
            continue;
        const QString evidence = o.value(QStringLiteral("evidence")).toString();
        html +=
            QStringLiteral("<tr><td>") + esc(driver) + QStringLiteral("</td><td") +
            (evidence.isEmpty() ? QString()
                                : QStringLiteral(" title=\"") + esc(evidence) + QLatin1Char('"')) +
            QLatin1Char('>') + esc(o.value(QStringLiteral("since")).toString()) +
            QStringLiteral("</td><td>") + esc(o.value(QStringLiteral("removed")).toString()) +
            QStringLiteral("</td></tr>");
    }
    return html + QStringLiteral("</table>");
}

} // namespace vse::gui
