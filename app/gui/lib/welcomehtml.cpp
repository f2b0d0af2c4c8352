#include "welcomehtml.h"

#include "detailrenderer.h"
#include "htmlbits.h"

#include <QLocale>

#include <functional>

namespace vse::gui {

using namespace html;

namespace {

// The first of `names` the index has, else the first item `fallback` accepts.
QString pickName(const IndexSnapshot &snapshot, const QStringList &names,
                 const std::function<bool(const ItemSummary &)> &fallback)
{
    for (const QString &n : names)
        if (snapshot.findByName(n, 0) >= 0)
            return n;
    for (const ItemSummary &s : snapshot.summaries())
        if (s.latest && fallback(s))
            return s.name;
    return {};
}

} // namespace

QUrl WelcomeHtml::newerLink(const QString &version)
{
    QUrl url;
    url.setScheme(QStringLiteral("vse"));
    url.setPath(QStringLiteral("newer/") + version);
    return url;
}

QString WelcomeHtml::exampleTarget(const IndexSnapshot &snapshot)
{
    const QList<StoredRelease> &releases = snapshot.releases();
    if (releases.isEmpty())
        return {};
    const Version six = Version::parse(QStringLiteral("6.0.0"));
    Version newest;
    for (const StoredRelease &r : releases)
        if (!newest.isValid() || newest < r.version)
            newest = r.version;
    if (six < newest)
        return six.toString();
    Version before;
    for (const StoredRelease &r : releases)
        if (r.version < newest && (!before.isValid() || before < r.version))
            before = r.version;
    return before.isValid() ? before.toString() : QString();
}

QString WelcomeHtml::html(const IndexSnapshot &snapshot)
{
    const QLocale locale;
    // Counted as `virt-support stats` counts: the indexed releases' items
    // (one per item, its newest indexed row), and apart from them the rows
    // only the shipped history has. Mixing the two made 9.0.0 look bigger
    // than it is.
    int functions = 0, api = 0, elements = 0, xml = 0, procedures = 0, rpc = 0, tainted = 0, indexed = 0;
    int historyNewer = 0, historyRemoved = 0, historyOther = 0, historyRpc = 0, historyProcedures = 0;
    for (const ItemSummary &s : snapshot.summaries()) {
        if (!s.latest)
            continue;
        switch (snapshot.originOf(s)) {
        case IndexSnapshot::Origin::HistoryNewer:
            ++historyNewer;
            continue;
        case IndexSnapshot::Origin::HistoryRemoved:
            ++historyRemoved;
            continue;
        case IndexSnapshot::Origin::HistoryOther:
            ++historyOther;
            historyRpc += kindFamily(s.kind) == QLatin1String("rpc");
            historyProcedures += s.kind == ItemKind::RpcProcedure;
            continue;
        case IndexSnapshot::Origin::Indexed:
            break;
        }
        ++indexed;
        const QString family = kindFamily(s.kind);
        api += family == QLatin1String("api");
        xml += family == QLatin1String("xml");
        rpc += family == QLatin1String("rpc");
        functions += s.kind == ItemKind::Function;
        elements += s.kind == ItemKind::XmlElement;
        procedures += s.kind == ItemKind::RpcProcedure;
        tainted += s.tainted;
    }
    QStringList versions;
    for (const StoredRelease &r : snapshot.releases())
        versions << (r.version.isValid() ? r.version.toString() : tr("version unknown"));
    versions.removeDuplicates();

    QString out = QStringLiteral("<h2>") + esc(tr("Can I rely on this libvirt interface?")) +
                  QStringLiteral("</h2>");
    out += QStringLiteral("<p>") +
           esc(tr("The indexed release(s) (%2) hold %1 items:", nullptr, int(versions.size()))
                   .arg(locale.toString(indexed), versions.join(QStringLiteral(", ")))) +
           QStringLiteral("</p><ul>");
    out += QStringLiteral("<li>") +
           esc(tr("C API: %1 items, %2 of them functions")
                   .arg(locale.toString(api), locale.toString(functions))) +
           QStringLiteral("</li>");
    out += QStringLiteral("<li>") +
           esc(tr("XML schemas: %1 elements, attributes and values, %2 of them elements")
                   .arg(locale.toString(xml), locale.toString(elements))) +
           QStringLiteral("</li>");
    out += QStringLiteral("<li>") +
           esc(rpc > 0 ? tr("RPC protocols: %1 items, %2 of them procedures")
                             .arg(locale.toString(rpc), locale.toString(procedures))
               // Installed packages ship no .x files; the release history has them.
               : historyRpc > 0
                   ? tr("RPC protocols: not in the installed files; from the release history, %1 items of %3, "
                        "%2 of them procedures")
                         .arg(locale.toString(historyRpc), locale.toString(historyProcedures),
                              snapshot.newestIndexed().toString())
                   : tr("RPC protocols: none (index a libvirt source tree for them)")) +
           QStringLiteral("</li>");
    out += QStringLiteral("<li>") +
           esc(tr("%1 of them mark the guest tainted").arg(locale.toString(tainted))) +
           QStringLiteral("</li></ul>");
    if (const auto &h = snapshot.historyRelease();
        h && historyNewer + historyRemoved + historyOther > 0 && snapshot.newestIndexed().isValid()) {
        const QString newest = snapshot.newestIndexed().toString();
        // The store words it "shipped release history, 0.0.1 – 12.9.0": only the span is shown.
        const QString span = h->versionEvidence.section(QStringLiteral(", "), -1);
        out += QStringLiteral("<p>") +
               esc(tr("The shipped release history (%1) adds %2 items no indexed release has: %3 added after "
                      "%4, %5 removed before it, and %6 of the data it lacks (virsh, configuration files, "
                      "RPC). The table marks them.")
                       .arg(span, locale.toString(historyNewer + historyRemoved + historyOther),
                            locale.toString(historyNewer), newest, locale.toString(historyRemoved),
                            locale.toString(historyOther))) +
               QStringLiteral("</p>");
    }

    out += QStringLiteral("<p><b>") + esc(tr("Try:")) + QStringLiteral("</b></p><ul>");
    const QString api1 = pickName(
        snapshot, {QStringLiteral("virDomainGetGuestInfo"), QStringLiteral("virConnectOpen")},
        [](const ItemSummary &s) { return s.kind == ItemKind::Function; });
    if (!api1.isEmpty())
        out += QStringLiteral("<li>") +
               link(DetailRenderer::nameLink(api1),
                    tr("Since when does %1 exist, and which drivers implement it?").arg(api1)) +
               QStringLiteral("</li>");
    const QString taint = pickName(snapshot, {QStringLiteral("domain/qemu:commandline")},
                                   [](const ItemSummary &s) { return s.tainted; });
    if (!taint.isEmpty())
        out += QStringLiteral("<li>") +
               link(DetailRenderer::nameLink(taint),
                    tr("Is %1 supported, and does it taint the guest?").arg(taint)) +
               QStringLiteral("</li>");
    const QString target = exampleTarget(snapshot);
    if (!target.isEmpty())
        out += QStringLiteral("<li>") +
               link(newerLink(target),
                    tr("Which public APIs are newer than libvirt %1?").arg(target)) +
               QStringLiteral("</li>");
    out += QStringLiteral("</ul><p>") +
           esc(tr("Or select a row, or search: api:lookup, xml:disk, rpc:migrate, virDomainGet*. Paste what a "
                  "ticket quotes: an error message, a guest log's \"is tainted\" line, a loader's \"version "
                  "not found\". Click a column header to sort.")) +
           QStringLiteral("</p>");
    return out;
}

} // namespace vse::gui
