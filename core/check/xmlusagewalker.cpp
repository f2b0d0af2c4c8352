#include "xmlusagewalker.h"

#include "extract/schema/schemagraph.h"
#include "model/policy.h"

#include <QCoreApplication>

#include <algorithm>
#include <optional>
#include <string>
#include <string_view>

#include <libxml/tree.h>

namespace vse {

namespace {

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

// Tables keyed by the bytes of a name or value, looked up with a view of
// libxml2's string (no copy, no QString). Named, not file-local: the walker's
// entry structs hold them, and in a unity build this file is not the main one.
namespace xmlusage {
struct ViewHash
{
    using is_transparent = void;
    size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
};
template <typename T>
using ByBytes = std::unordered_map<std::string, T, ViewHash, std::equal_to<>>;
} // namespace xmlusage
using xmlusage::ByBytes;

namespace {

// The key of an element or attribute name: the local name alone, or with
// its namespace (rare in libvirt XML: qemu:commandline and the like).
struct NameKey
{
    NameKey(const xmlChar *name, const xmlNs *ns)
    {
        const char *local = name ? reinterpret_cast<const char *>(name) : "";
        if (ns && ns->href) {
            owned = reinterpret_cast<const char *>(ns->href);
            owned += '\n';
            owned += local;
            view = owned;
        } else {
            view = local;
        }
    }
    std::string owned;
    std::string_view view;
};

template <typename T>
std::pair<T *, bool> findOrAdd(ByBytes<T> &table, std::string_view key)
{
    if (auto it = table.find(key); it != table.end())
        return {&it->second, false};
    return {&table.emplace(std::string(key), T{}).first->second, true};
}

// The catalogue's taints for one item name: the answer only depends on kind
// and name, asked once per path of the memo.
QStringList catalogueTaints(ItemKind kind, const QString &name)
{
    Item probe;
    probe.kind = kind;
    probe.name = name;
    QStringList taints;
    for (const auto &t : Policy::instance().triggersFor(probe))
        if (!taints.contains(t.taint))
            taints.append(t.taint);
    return taints;
}

// A value the release history knows as enumerated only in releases before
// the indexed one (the lookup gives such rows for values the indexed
// release does not list).
bool isEarlierValue(const Item &item)
{
    return item.kind == ItemKind::XmlValue && item.attrs.contains(QStringLiteral("removedIn"));
}

} // namespace

// One finding a use adds, with the key it is counted under in a document.
struct XmlUsageWalker::Use
{
    quint64 key = 0;
    XmlCheckFinding finding;
};

namespace {

// Whether a node made only of these findings is left out of a report of
// notable nodes (NodeFindings::notable(): a plain use of a stable item).
template <typename Uses>
bool allPlain(const Uses &uses)
{
    for (const auto &u : uses)
        if (u.finding.kind != XmlCheckFinding::Uses ||
            Policy::instance().tier(u.finding.tier).group != QLatin1String("stable"))
            return false;
    return true;
}

} // namespace

struct XmlUsageWalker::ValueEntry
{
    QList<Use> uses;
    bool plain = true; // allPlain(uses)
};

struct XmlUsageWalker::AttributeEntry
{
    QString path;      // domain/devices/disk@type
    QString canonical; // the schema graph's name of it
    QString item;      // the item it is counted as: its own row, the canonical one, or the element's "@*"
    QList<Use> uses;
    bool plain = true;      // allPlain(uses)
    bool hasValues = false; // known, with enumerated values
    bool datatype = false;  // also takes a datatype
    ByBytes<ValueEntry> values;
};

struct XmlUsageWalker::ElementEntry
{
    QString path;
    QString canonical; // the schema graph's path, to find children by
    QString item;      // the item it is counted as: `path` when the index has a row of its own
    QList<Use> uses;
    bool plain = true; // allPlain(uses)
    bool known = false;
    bool hasValues = false;
    ByBytes<ElementEntry> children;
    ByBytes<AttributeEntry> attributes;
    ByBytes<ValueEntry> values; // by the raw text content
};

struct XmlUsageTables
{
    ByBytes<XmlUsageWalker::ElementEntry> roots;
    // Ids of the strings finding keys are made of (item or path, taint).
    QHash<QString, quint32> ids;
};

XmlUsageMemo::XmlUsageMemo(bool notableOnly) : m_notableOnly(notableOnly) {}
XmlUsageMemo::~XmlUsageMemo() = default;

XmlUsageTables &XmlUsageMemo::forThisThread()
{
    const std::lock_guard<std::mutex> locked(m_lock);
    auto &slot = m_tables[std::this_thread::get_id()];
    if (!slot)
        slot = std::make_unique<XmlUsageTables>();
    return *slot;
}

XmlUsageWalker::XmlUsageWalker(const SchemaNavigator &navigator, const ItemLookup &lookup, Version maxVersion,
                               XmlUsageMemo *memo)
    : m_navigator(navigator), m_lookup(lookup), m_max(maxVersion)
{
    if (memo) {
        m_tables = &memo->forThisThread();
        m_notableOnly = memo->notableOnly();
    } else {
        m_own = std::make_unique<XmlUsageTables>();
        m_tables = m_own.get();
    }
}

XmlUsageWalker::~XmlUsageWalker() = default;

void XmlUsageWalker::walk(xmlNode *root)
{
    // A domain of libvirt's test suite makes 30 to 150 findings: room made
    // once instead of growing (and moving every finding) five times.
    m_findings.reserve(m_findings.size() + 128);
    m_seen.reserve(m_seen.size() + 128);
    const NameKey name(root->name, root->ns);
    auto [entry, added] = findOrAdd(m_tables->roots, name.view);
    if (added) {
        const QString segment = segmentOf(root->name, root->ns);
        initElement(*entry, segment, m_navigator.rootPath(segment), segment);
    }
    const qsizetype before = m_findings.size();
    element(root, *entry, 0);
    // A finding left out whose key was also added (a node given a plain
    // value here and a notable one there, two paths of one canonical item):
    // the report would count, place or group that node differently without
    // it. Rare; the document is then walked again with nothing left out.
    if (m_notableOnly) {
        const bool conflict = std::any_of(m_skippedKeys.cbegin(), m_skippedKeys.cend(),
                                          [this](quint64 k) { return m_seen.contains(k); });
        m_skippedKeys.clear();
        if (conflict) {
            m_findings.resize(before);
            m_seen.removeIf([before](const QHash<quint64, qsizetype>::iterator it) { return it.value() >= before; });
            m_notableOnly = false;
            element(root, *entry, 0);
            m_notableOnly = true;
        }
    }
}

void XmlUsageWalker::skip(const QList<Use> &uses)
{
    for (const Use &u : uses)
        m_skippedKeys.append(u.key);
}

const Item *XmlUsageWalker::lookupOwn(const QString &path, const QString &canonical, QString *used)
{
    // A path the schema reaches through a define it shares with another
    // (network/route and the hostdev route) has its own row and history
    // where the index knows one; else it is counted as the canonical item.
    if (path != canonical && !canonical.isEmpty())
        if (const Item *own = m_lookup(path)) {
            *used = path;
            return own;
        }
    *used = canonical;
    return canonical.isEmpty() ? nullptr : m_lookup(canonical);
}

void XmlUsageWalker::initElement(ElementEntry &e, const QString &path, const QString &canonical,
                                 const QString &guess)
{
    e.path = path;
    e.canonical = canonical;
    const Item *item = lookupOwn(path, canonical, &e.item);
    // Not in the validating release's schema, but an item the history knows
    // as added after the indexed releases (<pstore> on 9.0.0): the finding
    // then names the release it needs instead of "not in the schema index".
    if (!item && canonical.isEmpty() && !guess.isEmpty())
        if (const Item *newer = m_lookup(guess); newer && !newer->newerThanIndexed().isEmpty()) {
            e.canonical = guess;
            e.item = guess;
            item = newer;
        }
    e.known = !e.canonical.isEmpty() && uses(ItemKind::XmlElement, path, e.item, item, &e.uses);
    // One finding for the unknown element; its subtree would only repeat it.
    if (!e.known)
        unknown(path, QCoreApplication::translate("XmlCheck", "element not in the schema index: %1").arg(path), &e.uses);
    e.hasValues = e.known && item->attrs.contains(QStringLiteral("values"));
    e.plain = allPlain(e.uses);
}

XmlUsageWalker::ElementEntry &XmlUsageWalker::childEntry(ElementEntry &parent, xmlNode *child)
{
    const NameKey name(child->name, child->ns);
    auto [entry, added] = findOrAdd(parent.children, name.view);
    if (added) {
        const QString segment = segmentOf(child->name, child->ns);
        initElement(*entry, parent.path + QLatin1Char('/') + segment, m_navigator.childPath(parent.canonical, segment),
                    parent.canonical.isEmpty() ? QString() : parent.canonical + QLatin1Char('/') + segment);
    }
    return *entry;
}

void XmlUsageWalker::element(xmlNode *node, ElementEntry &e, int depth)
{
    const int line = int(xmlGetLineNo(node));
    // An element and its text value are one node: left out together or not
    // at all (the value's item and tier are the node's).
    const ValueEntry *value = nullptr;
    if (e.known && e.hasValues) {
        xmlChar *raw = xmlNodeGetContent(node);
        value = &elementValueEntry(e, reinterpret_cast<const char *>(raw));
        xmlFree(raw);
    }
    const bool leftOut = skipped(e.plain && (!value || value->plain));
    if (leftOut) {
        skip(e.uses);
        if (value)
            skip(value->uses);
    } else {
        apply(e.uses, line);
    }
    if (!e.known)
        return;
    attributes(node, e);
    if (value && !leftOut)
        apply(value->uses, line);
    if (depth >= kMaxDepth)
        return;
    for (xmlNode *c = node->children; c; c = c->next) {
        if (c->type == XML_ELEMENT_NODE)
            element(c, childEntry(e, c), depth + 1);
    }
}

XmlUsageWalker::ValueEntry &XmlUsageWalker::elementValueEntry(ElementEntry &e, const char *raw)
{
    auto [entry, added] = findOrAdd(e.values, std::string_view(raw ? raw : ""));
    if (added) {
        const QString text = QString::fromUtf8(raw).trimmed();
        if (!text.isEmpty()) {
            const QString path = e.path + QLatin1Char('=') + text;
            QString used;
            const Item *item = lookupOwn(path, e.canonical + QLatin1Char('=') + text, &used);
            if (item && isEarlierValue(*item))
                item = nullptr;
            uses(ItemKind::XmlValue, path, used, item, &entry->uses);
        }
        entry->plain = allPlain(entry->uses);
    }
    return *entry;
}

XmlUsageWalker::AttributeEntry &XmlUsageWalker::attributeEntry(ElementEntry &e, const void *attr)
{
    const auto *a = static_cast<const xmlAttr *>(attr);
    const NameKey name(a->name, a->ns);
    auto [entry, added] = findOrAdd(e.attributes, name.view);
    if (!added)
        return *entry;
    const QString segment = segmentOf(a->name, a->ns);
    entry->path = e.path + QLatin1Char('@') + segment;
    entry->canonical = e.canonical + QLatin1Char('@') + segment;
    const Item *item = lookupOwn(entry->path, entry->canonical, &entry->item);
    if (!item) {
        entry->item = e.canonical + QStringLiteral("@*"); // anyName attributes
        item = m_lookup(entry->item);
    }
    if (!uses(ItemKind::XmlAttribute, entry->path, entry->item, item, &entry->uses)) {
        unknown(entry->path, QCoreApplication::translate("XmlCheck", "attribute not in the schema index: %1").arg(entry->path), &entry->uses);
        entry->plain = false;
        return *entry;
    }
    entry->plain = allPlain(entry->uses);
    entry->hasValues = item->attrs.contains(QStringLiteral("values"));
    entry->datatype = item->attrs.contains(QStringLiteral("datatype"));
    return *entry;
}

XmlUsageWalker::ValueEntry &XmlUsageWalker::attributeValueEntry(AttributeEntry &a, const char *raw)
{
    auto [entry, added] = findOrAdd(a.values, std::string_view(raw ? raw : ""));
    if (!added)
        return *entry;
    const QString value = raw ? QString::fromUtf8(raw) : QString();
    const QString path = a.path + QLatin1Char('=') + value;
    QString name;
    // Values are looked up under the attribute's own row first, then under
    // the item it otherwise counts as (the canonical one, or "@*").
    const QString base = a.item == a.path ? a.canonical : a.item;
    const Item *item = lookupOwn(path, base + QLatin1Char('=') + value, &name);
    // A value enumerated only before the indexed release counts where the
    // attribute takes text now; elsewhere it is not among the values.
    if (item && isEarlierValue(*item) && !a.datatype)
        item = nullptr;
    const bool used = uses(ItemKind::XmlValue, path, name, item, &entry->uses);
    // Many attributes take a datatype next to their enumerated values
    // (vcpu placement: "auto" or a number); only purely enumerated ones
    // are worth a word, and validation has the final say anyway.
    if (!used && !a.datatype)
        unknown(path, QCoreApplication::translate("XmlCheck", "value not among the enumerated values in the schema index: %1").arg(value), &entry->uses);
    entry->plain = allPlain(entry->uses);
    return *entry;
}

void XmlUsageWalker::attributes(xmlNode *node, ElementEntry &e)
{
    const int line = int(xmlGetLineNo(node));
    for (xmlAttr *a = node->properties; a; a = a->next) {
        AttributeEntry &attr = attributeEntry(e, a);
        if (!attr.hasValues) {
            if (skipped(attr.plain))
                skip(attr.uses);
            else
                apply(attr.uses, line);
            continue;
        }
        // The value: a lone text child as it is (the usual case), else what
        // libxml2 makes of the children.
        const xmlNode *text = a->children;
        const ValueEntry *value = nullptr;
        if (!text || (text->type == XML_TEXT_NODE && !text->next)) {
            value = &attributeValueEntry(attr, text ? reinterpret_cast<const char *>(text->content) : nullptr);
        } else {
            xmlChar *raw = xmlNodeListGetString(node->doc, a->children, 1);
            value = &attributeValueEntry(attr, reinterpret_cast<const char *>(raw));
            xmlFree(raw);
        }
        // An attribute and its value are one node: both or neither (the
        // value's item and tier are the node's).
        if (skipped(attr.plain && value->plain)) {
            skip(attr.uses);
            skip(value->uses);
        } else {
            apply(attr.uses, line);
            apply(value->uses, line);
        }
    }
}

quint64 XmlUsageWalker::key(XmlCheckFinding::Kind kind, const QString &itemOrPath, const QString &taint)
{
    const auto id = [this](const QString &s) -> quint64 {
        if (s.isEmpty())
            return 0;
        auto it = m_tables->ids.constFind(s);
        if (it == m_tables->ids.constEnd())
            it = m_tables->ids.insert(s, quint32(m_tables->ids.size() + 1));
        return *it;
    };
    return (quint64(kind) << 56) | (id(itemOrPath) << 28) | id(taint);
}

void XmlUsageWalker::unknown(const QString &path, const QString &message, QList<Use> *out)
{
    // Unknown paths are keyed by the document path.
    out->append({key(XmlCheckFinding::Unknown, path, {}),
                 {XmlCheckFinding::Unknown, path, QString(), 0, message, {}, {}, {}, {}, 1}});
}

bool XmlUsageWalker::uses(ItemKind kind, const QString &path, const QString &canonical, const Item *item,
                          QList<Use> *out)
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
    // Repeated uses of one item collapse into one finding, keeping the
    // first line: each is keyed by kind, item (else path) and taint.
    const QString &itemOrPath = canonical.isEmpty() ? path : canonical;
    for (const QString &taint : std::as_const(taints))
        out->append({key(XmlCheckFinding::Taint, itemOrPath, taint),
                     {XmlCheckFinding::Taint, path, canonical, 0, QCoreApplication::translate("XmlCheck", "%1 marks the guest tainted: %2").arg(path, taint),
                      item ? item->tier : QString(), item ? item->sinceRange() : SinceRange(), taint,
                      item ? item->hypervisor : QString(), 1}});
    if (!item)
        return false;
    const SinceRange since = item->sinceRange();
    // A value enumerated only before the indexed release is text there: its
    // since matters only to an older target (below), not as a use.
    if (!isEarlierValue(*item))
        out->append({key(XmlCheckFinding::Uses, itemOrPath, {}),
                     {XmlCheckFinding::Uses, path, canonical, 0, QCoreApplication::translate("XmlCheck", "uses %1").arg(canonical), item->tier,
                      since, {}, item->hypervisor, 1}});
    if (item->origin == QLatin1String("schema:namespace"))
        out->append({key(XmlCheckFinding::NamespaceExtension, itemOrPath, {}),
                     {XmlCheckFinding::NamespaceExtension, path, canonical, 0,
                      QCoreApplication::translate("XmlCheck", "%1 is a hypervisor namespace extension: no long-term guarantee").arg(path), item->tier,
                      since, {}, item->hypervisor, 1}});
    // An item only the history knows says why the validating schema lacks
    // it, where "not in the schema index" stood, unless the target already
    // finds it too new. The schema errors it causes are then explained by
    // the report instead of standing alone (a host newer than the index).
    if (const QString newer = item->newerThanIndexed();
        !newer.isEmpty() && (!m_max.isValid() || since.fit(m_max) != SinceRange::Fit::TooNew))
        out->append({key(XmlCheckFinding::NewerThanSchema, itemOrPath, {}),
                     {XmlCheckFinding::NewerThanSchema, path, canonical, 0,
                      QCoreApplication::translate("XmlCheck", "not in the schema of the indexed %1: added after it (%2, release history)")
                          .arg(newer, since.toString()),
                      item->tier, since, {}, item->hypervisor, 1}});
    if (!m_max.isValid())
        return true;
    // A value that was plain text its attribute accepted before it became an
    // enumerated value: the document is accepted as long as the attribute is.
    SinceRange accepted = since;
    const QString asText = item->attrs.value(QStringLiteral("acceptedAsTextIn")).toString();
    if (!asText.isEmpty()) {
        if (const Item *parent = m_lookup(item->parent))
            accepted = parent->sinceRange();
    }
    // An enumerated value from `since` on, until the attribute took text:
    // whether the target, older than `since`, took it as text (x86's machine
    // pattern in 1.0.0) or not at all (machine with arch='s390x' in 1.0.0:
    // s390-virtio only) the history cannot say: neither passed nor failed.
    if (isEarlierValue(*item) && accepted.fit(m_max) == SinceRange::Fit::TooNew) {
        out->append({key(XmlCheckFinding::MaybeNewerThanTarget, itemOrPath, {}),
                     {XmlCheckFinding::MaybeNewerThanTarget, path, canonical, 0,
                      QCoreApplication::translate("XmlCheck", "%1 may be too new for %2: an enumerated value only from %3 to %4, text after that; "
                                                              "whether %2 took it as text is not known")
                          .arg(path, m_max.toString(), accepted.toString(), item->attrs.value(QStringLiteral("removedAfter")).toString()),
                      item->tier, accepted, {}, item->hypervisor, 1}});
        return true;
    }
    switch (accepted.fit(m_max)) {
    case SinceRange::Fit::TooNew:
        out->append({key(XmlCheckFinding::NewerThanTarget, itemOrPath, {}),
                     {XmlCheckFinding::NewerThanTarget, path, canonical, 0,
                      accepted.exact
                          ? QCoreApplication::translate("XmlCheck", "%1 needs libvirt %2, newer than %3").arg(path, accepted.toString(), m_max.toString())
                          : QCoreApplication::translate("XmlCheck", "%1 came after %2 (%3)").arg(path, m_max.toString(), accepted.toString()),
                      item->tier, accepted, {}, item->hypervisor, 1}});
        break;
    case SinceRange::Fit::MaybeTooNew:
        out->append({key(XmlCheckFinding::MaybeNewerThanTarget, itemOrPath, {}),
                     {XmlCheckFinding::MaybeNewerThanTarget, path, canonical, 0,
                      QCoreApplication::translate("XmlCheck", "%1 may be too new for %2: %3").arg(path, m_max.toString(), accepted.toString()), item->tier,
                      accepted, {}, item->hypervisor, 1}});
        break;
    case SinceRange::Fit::Supported:
    case SinceRange::Fit::Unknown:
        break;
    }
    return true;
}

void XmlUsageWalker::apply(const QList<Use> &uses, int line)
{
    for (const Use &u : uses) {
        if (const auto it = m_seen.constFind(u.key); it != m_seen.constEnd()) {
            ++m_findings[*it].occurrences;
            continue;
        }
        m_seen.insert(u.key, m_findings.size());
        m_findings.append(u.finding);
        m_findings.last().line = line;
    }
}

} // namespace vse
