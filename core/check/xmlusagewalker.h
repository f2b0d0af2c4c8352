#pragma once

#include "xmlcheckreport.h"

#include "extract/schema/schemanavigator.h"
#include "model/item.h"

#include <QHash>

#include <functional>
#include <memory>
#include <mutex>
#include <thread>
#include <unordered_map>
#include <utility>

typedef struct _xmlNode xmlNode;

namespace vse {

using ItemLookup = std::function<const Item *(const QString &path)>;

struct XmlUsageTables;

// What the walker works out once per path of a document (its canonical
// item, the findings a use of it makes, with their messages), kept for the
// documents that follow: they repeat the same few thousand paths, and
// working each out again (QString paths, lookups, messages) cost more than
// the RelaxNG validation. Valid for one navigator, one lookup and one target
// release: a caller checking many documents with those creates one memo and
// hands it to each walker. Each thread gets its own tables, so walks take
// no lock.
class XmlUsageMemo
{
public:
    // `notableOnly`: the caller shows only what NodeFindings::notable()
    // lets through (check-xml's text without --all), so the findings of
    // plain uses of stable items are not even made (see XmlUsageWalker).
    explicit XmlUsageMemo(bool notableOnly = false);
    ~XmlUsageMemo();
    XmlUsageMemo(const XmlUsageMemo &) = delete;
    XmlUsageMemo &operator=(const XmlUsageMemo &) = delete;

    XmlUsageTables &forThisThread();

    bool notableOnly() const { return m_notableOnly; }

private:
    bool m_notableOnly = false;
    std::mutex m_lock;
    std::unordered_map<std::thread::id, std::unique_ptr<XmlUsageTables>> m_tables;
};

// Walks a parsed document and reports every element, attribute and
// enumerated value it uses, mapped to index items through the schema's
// navigator: tier and since from the index, namespace extensions, the taints
// they cause (from the item and from the policy's catalogue, so a taint is
// reported even when the index lacks the item), and what is newer than the
// target release.
class XmlUsageWalker
{
public:
    // `memo` (may be null: the walker then keeps what it works out for this
    // document only) must have been made for this navigator, lookup and target.
    XmlUsageWalker(const SchemaNavigator &navigator, const ItemLookup &lookup, Version maxVersion,
                   XmlUsageMemo *memo = nullptr);
    ~XmlUsageWalker();

    void walk(xmlNode *root);
    QList<XmlCheckFinding> findings() const { return m_findings; }
    // The findings, moved out: the walker is done with (it starts empty).
    QList<XmlCheckFinding> takeFindings()
    {
        m_seen.clear();
        m_skippedKeys.clear();
        return std::exchange(m_findings, {});
    }

private:
    friend struct XmlUsageTables;
    struct Use;
    struct ElementEntry;
    struct AttributeEntry;
    struct ValueEntry;

    void element(xmlNode *node, ElementEntry &entry, int depth);
    void attributes(xmlNode *node, ElementEntry &entry);
    ElementEntry &childEntry(ElementEntry &parent, xmlNode *child);
    AttributeEntry &attributeEntry(ElementEntry &element, const void *attr);
    ValueEntry &elementValueEntry(ElementEntry &element, const char *raw);
    ValueEntry &attributeValueEntry(AttributeEntry &attribute, const char *raw);
    // `guess`: the item path the element would have if the schema had it
    // (its parent's item path and its name), used when the schema graph does
    // not know it but the release history has it as a newer item.
    void initElement(ElementEntry &entry, const QString &path, const QString &canonical, const QString &guess);
    // The item of `path` itself when the index has one and it is not the
    // canonical path, else that of `canonical`; `used` gets the name found.
    const Item *lookupOwn(const QString &path, const QString &canonical, QString *used);
    // The findings one use makes (in the order they are added); false when
    // the index has no such item.
    bool uses(ItemKind kind, const QString &path, const QString &canonical, const Item *item, QList<Use> *out);
    void unknown(const QString &path, const QString &message, QList<Use> *out);
    quint64 key(XmlCheckFinding::Kind kind, const QString &itemOrPath, const QString &taint);
    // Adds the findings of one use at `line`, or counts them again.
    void apply(const QList<Use> &uses, int line);
    // Whether a use's findings (or a node and its value's) are left out: the
    // memo says only notable nodes are shown, and they make none.
    bool skipped(bool plain) const { return m_notableOnly && plain; }
    // Leaves out the findings of one use, keeping their keys (see walk()).
    void skip(const QList<Use> &uses);

    const SchemaNavigator &m_navigator;
    ItemLookup m_lookup;
    Version m_max;
    std::unique_ptr<XmlUsageTables> m_own; // without a memo
    XmlUsageTables *m_tables = nullptr;
    bool m_notableOnly = false;
    QList<XmlCheckFinding> m_findings;
    QHash<quint64, qsizetype> m_seen; // kind|item|taint -> index in m_findings
    QList<quint64> m_skippedKeys; // this document's, of findings left out
};

} // namespace vse
