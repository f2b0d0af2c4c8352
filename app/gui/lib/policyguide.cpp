#include "policyguide.h"

#include "model/policy.h"
#include "policytext.h"

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

QStringList PolicyGuide::examples(const IndexSnapshot *snapshot, const QString &tierId, int count)
{
    QStringList out;
    if (!snapshot)
        return out;
    const qint64 rel = snapshot->newestReleaseId();
    // Spread the examples over kinds: the first items of each kind, in index order.
    QList<ItemKind> seenKinds;
    for (int round = 0; round < 2 && out.size() < count; ++round) {
        for (const ItemSummary &s : snapshot->summaries()) {
            if (out.size() >= count)
                break;
            if (s.releaseId != rel || s.tier != tierId || out.contains(s.name))
                continue;
            if (round == 0 && seenKinds.contains(s.kind))
                continue;
            seenKinds << s.kind;
            out << s.name;
        }
    }
    return out;
}

QString PolicyGuide::pageHtml(const IndexSnapshot *snapshot, const QString &tierId)
{
    QString html = QStringLiteral("<h2>") + policytext::tierLabel(tierId).toHtmlEscaped() + QStringLiteral("</h2>");
    html += QStringLiteral("<p><b>") + policytext::tierRule(tierId).toHtmlEscaped() + QStringLiteral("</b></p>");
    html += QStringLiteral("<p>") + explanation(tierId).toHtmlEscaped() + QStringLiteral("</p>");
    const QStringList ex = examples(snapshot, tierId);
    if (ex.isEmpty()) {
        html += QStringLiteral("<p><i>") + tr("The current index has no items of this tier.").toHtmlEscaped()
                + QStringLiteral("</i></p>");
    } else {
        html += QStringLiteral("<p>") + tr("Examples from the index:").toHtmlEscaped() + QStringLiteral("</p><ul>");
        for (const QString &n : ex)
            html += QStringLiteral("<li><code>") + n.toHtmlEscaped() + QStringLiteral("</code></li>");
        html += QStringLiteral("</ul>");
    }
    return html;
}

QString PolicyGuide::guideHtml(const IndexSnapshot *snapshot)
{
    QString html = QStringLiteral("<h1>") + tr("libvirt support policy: a guide").toHtmlEscaped() + QStringLiteral("</h1>");
    for (const QString &id : tierIds())
        html += pageHtml(snapshot, id);
    return html;
}

} // namespace vse::gui
