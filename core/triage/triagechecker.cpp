#include "triagechecker.h"

#include "check/domainxmlchecker.h"
#include "model/policy.h"

#include <QHash>

namespace vse {

namespace {

// Where the catalogue says this taint of this XML node comes from.
QString catalogueSource(const NodeFindings &n, const QString &taint)
{
    for (const TaintTrigger &t : Policy::instance().taintTriggers())
        if (t.taint == taint && t.match == QLatin1String("xml") &&
            (n.item == t.name || n.item.startsWith(t.name + QLatin1Char('/')) ||
             n.item.startsWith(t.name + QLatin1Char('@'))))
            return t.source;
    return {};
}

} // namespace

TriageChecker::TriageChecker(const Store &store, Version hostVersion)
    : m_store(store), m_host(hostVersion)
{
    const QList<StoredRelease> releases = store.releases();
    if (!releases.isEmpty())
        m_itemRelease = releases.constLast().id;
    if (const auto history = store.historyRelease())
        m_historyRelease = history->id;
    // The host's own release when it is indexed, else the newest with schemas.
    const auto source = store.schemaSource(hostVersion);
    if (!source) {
        m_notes << QStringLiteral(
            "no indexed release has XML schemas: guests' XML is not validated "
            "(index one with 'virt-support index --source PATH')");
        return;
    }
    m_schemaDir = source->dir;
    m_schemaRelease = source->release.label();
    if (hostVersion.isValid() && !(source->release.version == hostVersion))
        m_notes << QStringLiteral(
                       "the host runs libvirt %1 but the index has no schemas of that release: XML "
                       "is validated with %2's; what is newer than %1 is found from the since "
                       "facts (index and release history)")
                       .arg(hostVersion.toString(), source->release.version.toString());
}

const Item *TriageChecker::xmlItem(const QString &path)
{
    auto it = m_items.find(path);
    if (it == m_items.end()) {
        std::optional<Item> found;
        if (m_itemRelease != 0)
            found = m_store.xmlItemOrNewer(path, m_itemRelease, m_historyRelease);
        it = m_items.emplace(path, std::move(found)).first;
    }
    return it->second ? &*it->second : nullptr;
}

void TriageChecker::checkGuest(GuestReport &guest, const QByteArray &xml, const QString &shown)
{
    guest.xmlSource = shown;
    if (m_schemaDir.isEmpty()) {
        guest.xmlProblems << QStringLiteral("%1: no schemas to validate it with").arg(shown);
        return;
    }
    const ItemLookup lookup = [this](const QString &p) { return xmlItem(p); };
    const XmlCheckReport raw = checkXmlData(xml, shown, m_schemaDir, lookup, m_host);
    if (hasErrors(raw.diagnostics)) {
        for (const Diagnostic &d : raw.diagnostics)
            guest.xmlProblems << d.toString();
        return;
    }
    guest.xmlChecked = true;
    guest.xml = CheckReport::of(raw, m_host);
    // One piece of evidence per taint: the first node that causes it (an
    // element and its attributes usually all do), with how many more.
    QHash<QString, int> more;
    for (const NodeFindings &n : guest.xml.nodes)
        for (const QString &t : n.taints)
            ++more[t];
    for (const NodeFindings &n : guest.xml.nodes) {
        for (const QString &t : n.taints) {
            if (!more.contains(t))
                continue;
            const int others = more.take(t) - 1;
            const QString source = catalogueSource(n, t);
            guest.taints.append(
                {t,
                 QStringLiteral("%1 line %2: %3%4%5")
                     .arg(shown)
                     .arg(n.line)
                     .arg(n.path,
                          others > 0 ? QStringLiteral(" and %1 more node(s)").arg(others)
                                     : QString(),
                          source.isEmpty() ? QString() : QStringLiteral("; catalogue: ") + source),
                 guest.xml.verdict.conditions.value(t)});
        }
        if (n.target == SinceRange::Fit::TooNew || n.target == SinceRange::Fit::MaybeTooNew)
            guest.newerThanHost << QStringLiteral("line %1: %2%3 %4 %5")
                                       .arg(n.line)
                                       .arg(n.path,
                                            n.value.isEmpty() ? QString()
                                                              : QLatin1Char('=') + n.value,
                                            n.target == SinceRange::Fit::TooNew
                                                ? (n.since.exact ? QStringLiteral("since") : QStringLiteral("came after the host:"))
                                                : QStringLiteral("maybe newer:"),
                                            n.since.toString());
    }
}

ConfigCheckReport TriageChecker::checkConfig(const QString &path, const QString &shown)
{
    if (!m_configItems)
        m_configItems = m_store.itemsOfKinds({ItemKind::ConfigOption});
    ConfigChecker::Options options;
    options.maxVersion = m_host;
    ConfigCheckReport r = ConfigChecker::check(path, *m_configItems, options);
    r.file = shown;
    for (Diagnostic &d : r.diagnostics)
        d.file = shown;
    return r;
}

} // namespace vse
