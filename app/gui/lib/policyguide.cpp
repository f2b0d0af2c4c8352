#include "policyguide.h"

#include "model/policy.h"
#include "htmlbits.h"
#include "policytext.h"

#include <QLocale>
#include <QDate>
#include <QUrl>

namespace vse::gui {

QStringList PolicyGuide::tierIds()
{
    QStringList ids;
    for (const TierInfo &t : Policy::instance().tiers())
        ids << t.id;
    return ids;
}

QString PolicyGuide::explanation(const QString &tierId)
{
    if (tierId == QLatin1String("stable"))
        return tr("This is the ground an application can build on. Once an interface of this tier ships in a "
                  "release, later releases keep it, with the same name, meaning and binary layout. What grows "
                  "is the set of options: a function may learn new flags, an enumeration may gain members, an "
                  "XML element may accept new attributes. Code must therefore tolerate values it does not "
                  "know, and must never treat the current end of an enumeration (the *_LAST members) as fixed. "
                  "A hypervisor driver may still refuse a stable call or a stable XML value it does not "
                  "implement, so check the error as well as the release.");
    if (tierId == QLatin1String("hypervisor-specific"))
        return tr("These calls reach past libvirt's abstraction into one hypervisor. They exist for "
                  "debugging, testing and features that have no portable form yet, and they carry no promise "
                  "between releases. Some of them mark the running guest as tainted, which support teams read "
                  "as \"the state of this guest may not be what libvirt believes\". Prefer a portable call "
                  "whenever one exists, and keep any use behind a switch you can turn off.");
    if (tierId == QLatin1String("stable-value"))
        return tr("Error codes keep their numbers forever, so a stored or logged code stays meaningful. What is "
                  "not promised is which code a given failure produces: a new release may report a more "
                  "precise code for the same problem. Match on codes to present errors, not to decide program "
                  "flow that must not change.");
    if (tierId == QLatin1String("namespace-extension"))
        return tr("Domain XML may carry elements from a hypervisor's own namespace, for example to pass extra "
                  "arguments to QEMU. They are an escape hatch, not an interface: they may change with the "
                  "hypervisor, and several of them taint the guest. A configuration that needs one should "
                  "record why, and be reviewed on every upgrade.");
    if (tierId == QLatin1String("stable-abi"))
        return tr("The protocol between clients and libvirtd only ever grows. A message is known by its program "
                  "and procedure number, which are never reused even when a procedure is renamed in the "
                  "source. Alternative client implementations can rely on this, but most applications should "
                  "use the C API or a language binding instead of the wire format.");
    if (tierId == QLatin1String("stable-wire"))
        return tr("The hypervisor-specific programs of libvirtd keep their message layout, but they only carry "
                  "the hypervisor-specific API calls, so their meaning is exactly as unstable as those calls.");
    if (tierId == QLatin1String("private"))
        return tr("These protocols connect libvirt's own daemons to each other (locking, logging, "
                  "administration, the container monitor). Both ends always come from the same libvirt "
                  "build, so they may change at any time. An application must never speak them.");
    if (tierId == QLatin1String("not-guaranteed"))
        return tr("Daemon configuration files are meant for administrators. Options may be removed and default "
                  "values may change from one release to the next, so a deployment should set every value it "
                  "depends on explicitly and check its configuration after an upgrade.");
    if (tierId == QLatin1String("stable-command"))
        return tr("virsh keeps its commands and their options, so a script that calls a command keeps "
                  "working. What a command prints for a table or a list is meant for people and may change "
                  "its columns or spacing. A script should ask for one item at a time (a name with --name, "
                  "domname, an XML document with dumpxml) rather than cut columns out of a table.");
    if (tierId == QLatin1String("unclassified"))
        return tr("libvirt's support policy does not say what it promises for these interfaces (the "
                  "administration library, for instance). This tool does not guess: treat them as you would "
                  "a hypervisor-specific call until the project documents a guarantee.");
    return {};
}

PolicyGuide::PolicyGuide(SnapshotPtr snapshot)
    : m_snapshot(std::move(snapshot))
    , m_picker(m_snapshot)
{
}

int PolicyGuide::count(const QString &tierId) const
{
    return m_picker.tierCount(tierId);
}

QList<GuideExample> PolicyGuide::examples(const QString &tierId) const
{
    auto it = m_examples.constFind(tierId);
    if (it == m_examples.cend())
        it = m_examples.insert(tierId, m_picker.pick(tierId, kExamples));
    return *it;
}

QString PolicyGuide::releasesText() const
{
    if (!m_snapshot)
        return {};
    QStringList parts;
    for (const StoredRelease &r : m_snapshot->releases())
        parts << tr("%1 (%2: %3)").arg(r.version.toString(), r.sourceKind, r.sourcePath);
    return parts.join(QStringLiteral(", "));
}

QString PolicyGuide::exampleFacts(const GuideExample &e) const
{
    QString facts = e.since;
    const QStringList taints = m_snapshot ? m_snapshot->taintsById().value(e.id) : QStringList();
    if (!taints.isEmpty())
        facts += QStringLiteral("; ") + tr("taints: %1").arg(taints.join(QStringLiteral(", ")));
    return facts;
}

QString PolicyGuide::pageHtml(const QString &tierId, bool links) const
{
    QString html = QStringLiteral("<h2>") + policytext::tierLabel(tierId).toHtmlEscaped() + QStringLiteral("</h2>");
    html += QStringLiteral("<p><b>") + policytext::tierRule(tierId).toHtmlEscaped() + QStringLiteral("</b></p>");
    html += QStringLiteral("<p>") + explanation(tierId).toHtmlEscaped() + QStringLiteral("</p>");
    const int n = count(tierId);
    if (n == 0) {
        html += QStringLiteral("<p><i>") + tr("The current index has no items of this tier.").toHtmlEscaped()
                + QStringLiteral("</i></p>");
        return html;
    }
    html += QStringLiteral("<p>") + (n == 1 ? tr("The index holds 1 item of this tier.") : tr("The index holds %1 items of this tier.").arg(QLocale().toString(n))).toHtmlEscaped()
            + QStringLiteral("</p>");
    const QList<GuideExample> ex = examples(tierId);
    if (ex.isEmpty())
        return html;
    html += QStringLiteral("<p>") + tr("Examples from the index:").toHtmlEscaped() + QStringLiteral("</p>");
    html += QStringLiteral("<table cellspacing=\"0\" cellpadding=\"3\" border=\"1\" width=\"100%\">");
    html += QStringLiteral("<tr><th align=\"left\">") + html::esc(tr("Name")) + QStringLiteral("</th><th align=\"left\">")
            + html::esc(tr("Kind")) + QStringLiteral("</th><th align=\"left\">") + html::esc(tr("Since and taints"))
            + QStringLiteral("</th></tr>");
    for (const GuideExample &e : ex) {
        const QString name = links ? html::link(QUrl(QStringLiteral("vse:name/") + e.name), e.name)
                                   : html::esc(e.name);
        html += QStringLiteral("<tr><td style=\"white-space:nowrap\"><code>") + name + QStringLiteral("</code></td><td>")
                + html::esc(kindLabel(e.kind)) + QStringLiteral("</td><td>") + html::esc(exampleFacts(e))
                + QStringLiteral("</td></tr>");
    }
    html += QStringLiteral("</table>");
    return html;
}

QString PolicyGuide::titleHtml(const QDate &date) const
{
    QString html = QStringLiteral("<h1>") + tr("libvirt support policy: a guide").toHtmlEscaped()
                   + QStringLiteral("</h1>");
    html += QStringLiteral("<p>") + tr("Made with %1 %2 on %3.")
                                        .arg(QCoreApplication::applicationName(),
                                             QCoreApplication::applicationVersion(),
                                             date.toString(Qt::ISODate))
                                        .toHtmlEscaped()
            + QStringLiteral("</p>");
    html += QStringLiteral("<p>") + tr("Indexed releases:").toHtmlEscaped() + QStringLiteral("</p><ul>");
    if (m_snapshot)
        for (const StoredRelease &r : m_snapshot->releases())
            html += QStringLiteral("<li>") + html::esc(r.version.toString()) + QStringLiteral(" \u2014 ")
                    + html::esc(r.sourceKind) + QStringLiteral(" <code>") + html::esc(r.sourcePath)
                    + QStringLiteral("</code></li>");
    html += QStringLiteral("</ul><p>") + tr("One page per tier follows: what the tier promises, what it does not, "
                                            "how many items of the index it covers, and examples.")
                                             .toHtmlEscaped()
            + QStringLiteral("</p>");
    return html;
}

} // namespace vse::gui
