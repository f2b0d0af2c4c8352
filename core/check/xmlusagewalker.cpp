#include "xmlusagewalker.h"

#include "extract/schema/schemagraph.h"
#include "model/policy.h"

#include <QCoreApplication>

#include <optional>

#include <libxml/tree.h>

namespace vse {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("XmlCheck", text);
}

QString fromXml(const xmlChar *s)
{
    return s ? QString::fromUtf8(reinterpret_cast<const char *>(s)) : QString();
}

QString segmentOf(const xmlChar *name, const xmlNs *ns)
{
    const QString local = fromXml(name);
    const QString prefix = ns ? SchemaGraph::prefixForNamespace(fromXml(ns->href)) : QString();
    return prefix.isEmpty() ? local : prefix + QLatin1Char(':') + local;
}

// libxml2 stops at depth 256 without XML_PARSE_HUGE; this keeps the walk's
// own recursion bounded whatever the parser allows.
constexpr int kMaxDepth = 512;

} // namespace

void XmlUsageWalker::walk(xmlNode *root)
{
    const QString segment = segmentOf(root->name, root->ns);
    const QString canonical = m_navigator.rootPath(segment);
    element(root, segment, canonical, 0);
}

void XmlUsageWalker::element(xmlNode *node, const QString &path, const QString &canonical, int depth)
{
    const int line = int(xmlGetLineNo(node));
    if (canonical.isEmpty() || !use(ItemKind::XmlElement, path, canonical, line)) {
        // One finding for the unknown element; its subtree would only repeat it.
        add({XmlCheckFinding::Unknown, path, QString(), line,
             tr("element not in the schema index: %1").arg(path), {}, {}, {}, {}, 1});
        return;
    }
    attributes(node, path, canonical);
    if (const Item *item = m_lookup(canonical); item && item->attrs.contains(QStringLiteral("values"))) {
        xmlChar *raw = xmlNodeGetContent(node);
        const QString text = fromXml(raw).trimmed();
        xmlFree(raw);
        if (!text.isEmpty())
            use(ItemKind::XmlValue, path + QLatin1Char('=') + text, canonical + QLatin1Char('=') + text, line);
    }
    if (depth >= kMaxDepth)
        return;
    for (xmlNode *c = node->children; c; c = c->next) {
        if (c->type != XML_ELEMENT_NODE)
            continue;
        const QString segment = segmentOf(c->name, c->ns);
        element(c, path + QLatin1Char('/') + segment, m_navigator.childPath(canonical, segment), depth + 1);
    }
}

void XmlUsageWalker::attributes(xmlNode *node, const QString &path, const QString &canonical)
{
    const int line = int(xmlGetLineNo(node));
    for (xmlAttr *a = node->properties; a; a = a->next) {
        const QString segment = segmentOf(a->name, a->ns);
        const QString attrPath = path + QLatin1Char('@') + segment;
        QString attrItem = canonical + QLatin1Char('@') + segment;
        const Item *item = m_lookup(attrItem);
        if (!item) {
            attrItem = canonical + QStringLiteral("@*"); // anyName attributes
            item = m_lookup(attrItem);
        }
        if (!use(ItemKind::XmlAttribute, attrPath, attrItem, line, item)) {
            add({XmlCheckFinding::Unknown, attrPath, QString(), line,
                 tr("attribute not in the schema index: %1").arg(attrPath), {}, {}, {}, {}, 1});
            continue;
        }
        if (!item->attrs.contains(QStringLiteral("values")))
            continue;
        xmlChar *raw = xmlNodeListGetString(node->doc, a->children, 1);
        const QString value = fromXml(raw);
        xmlFree(raw);
        const bool used =
            use(ItemKind::XmlValue, attrPath + QLatin1Char('=') + value, attrItem + QLatin1Char('=') + value, line);
        // Many attributes take a datatype next to their enumerated values
        // (vcpu placement: "auto" or a number); only purely enumerated ones
        // are worth a word, and validation has the final say anyway.
        if (!used && !item->attrs.contains(QStringLiteral("datatype"))) {
            add({XmlCheckFinding::Unknown, attrPath + QLatin1Char('=') + value, QString(), line,
                 tr("value not among the enumerated values in the schema index: %1").arg(value), {}, {}, {}, {}, 1});
        }
    }
}

bool XmlUsageWalker::use(ItemKind kind, const QString &path, const QString &canonical, int line)
{
    return use(kind, path, canonical, line, m_lookup(canonical));
}

namespace {

// The catalogue's taints for one item name, asked for every node of every
// document: the answer only depends on kind and name, so each thread keeps
// what the built-in policy said (documents repeat the same few hundred paths).
const QStringList &catalogueTaints(ItemKind kind, const QString &name)
{
    static thread_local QHash<QString, QStringList> known;
    const QString key = QChar(ushort(kind)) + name;
    if (auto it = known.constFind(key); it != known.constEnd())
        return *it;
    Item probe;
    probe.kind = kind;
    probe.name = name;
    QStringList taints;
    for (const auto &t : Policy::instance().triggersFor(probe))
        if (!taints.contains(t.taint))
            taints.append(t.taint);
    return *known.insert(key, taints);
}

QString findingKey(XmlCheckFinding::Kind kind, const QString &itemOrPath, const QString &taint)
{
    return QString::number(int(kind)) + QLatin1Char('|') + itemOrPath + QLatin1Char('|') + taint;
}

} // namespace

bool XmlUsageWalker::use(ItemKind kind, const QString &path, const QString &canonical, int line, const Item *item)
{
    // Taints come from the catalogue too, by document and canonical path
    // (most often one and the same).
    QStringList taints = item ? item->taints : QStringList();
    for (int i = 0; i < 2; ++i) {
        if (i == 1 && canonical == path)
            break;
        for (const QString &t : catalogueTaints(kind, i == 0 ? path : canonical))
            if (!taints.contains(t))
                taints.append(t);
    }
    // Most uses repeat a finding already made in this document: those only
    // count (messages, since ranges and the like are made for new ones).
    const QString &itemOrPath = canonical.isEmpty() ? path : canonical;
    for (const QString &taint : std::as_const(taints)) {
        const QString key = findingKey(XmlCheckFinding::Taint, itemOrPath, taint);
        if (!repeated(key))
            addNew(key, {XmlCheckFinding::Taint, path, canonical, line,
                         tr("%1 marks the guest tainted: %2").arg(path, taint), item ? item->tier : QString(),
                         item ? item->sinceRange() : SinceRange(), taint, item ? item->hypervisor : QString(), 1});
    }
    if (!item)
        return false;
    std::optional<SinceRange> sinceOnce;
    const auto since = [&]() -> const SinceRange & {
        if (!sinceOnce)
            sinceOnce = item->sinceRange();
        return *sinceOnce;
    };
    if (const QString key = findingKey(XmlCheckFinding::Uses, itemOrPath, {}); !repeated(key))
        addNew(key, {XmlCheckFinding::Uses, path, canonical, line, tr("uses %1").arg(canonical), item->tier, since(),
                     {}, item->hypervisor, 1});
    if (item->origin == QLatin1String("schema:namespace")) {
        if (const QString key = findingKey(XmlCheckFinding::NamespaceExtension, itemOrPath, {}); !repeated(key))
            addNew(key, {XmlCheckFinding::NamespaceExtension, path, canonical, line,
                         tr("%1 is a hypervisor namespace extension: no long-term guarantee").arg(path), item->tier,
                         since(), {}, item->hypervisor, 1});
    }
    if (!m_max.isValid())
        return true;
    // A value that was plain text its attribute accepted before it became an
    // enumerated value: the document is accepted as long as the attribute is.
    SinceRange accepted = since();
    const QString asText = item->attrs.value(QStringLiteral("acceptedAsTextIn")).toString();
    if (!asText.isEmpty()) {
        if (const Item *parent = m_lookup(item->parent))
            accepted = parent->sinceRange();
    }
    switch (accepted.fit(m_max)) {
    case SinceRange::Fit::TooNew:
        add({XmlCheckFinding::NewerThanTarget, path, canonical, line,
             accepted.exact ? tr("%1 needs libvirt %2, newer than %3").arg(path, accepted.toString(), m_max.toString())
                            : tr("%1 came after %2 (%3)").arg(path, m_max.toString(), accepted.toString()),
             item->tier, accepted, {}, item->hypervisor, 1});
        break;
    case SinceRange::Fit::MaybeTooNew:
        add({XmlCheckFinding::MaybeNewerThanTarget, path, canonical, line,
             tr("%1 may be too new for %2: %3").arg(path, m_max.toString(), accepted.toString()), item->tier,
             accepted, {}, item->hypervisor, 1});
        break;
    case SinceRange::Fit::Supported:
    case SinceRange::Fit::Unknown:
        break;
    }
    return true;
}

void XmlUsageWalker::add(XmlCheckFinding f)
{
    // Repeated uses of one item collapse into one finding, keeping the first
    // line; unknown paths are keyed by the document path.
    const QString key = findingKey(f.kind, f.item.isEmpty() ? f.path : f.item, f.taint);
    if (!repeated(key))
        addNew(key, std::move(f));
}

bool XmlUsageWalker::repeated(const QString &key)
{
    const auto it = m_seen.constFind(key);
    if (it == m_seen.constEnd())
        return false;
    ++m_findings[*it].occurrences;
    return true;
}

void XmlUsageWalker::addNew(const QString &key, XmlCheckFinding f)
{
    m_seen.insert(key, m_findings.size());
    m_findings.append(std::move(f));
}

} // namespace vse
