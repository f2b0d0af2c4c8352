#pragma once

#include "xmlcheckreport.h"

#include "extract/schema/schemanavigator.h"
#include "model/item.h"

#include <QHash>

#include <functional>

typedef struct _xmlNode xmlNode;

namespace vse {

using ItemLookup = std::function<const Item *(const QString &path)>;

// Walks a parsed document and reports every element, attribute and
// enumerated value it uses, mapped to index items through the schema's
// navigator: tier and since from the index, namespace extensions, the taints
// they cause (from the item and from the policy's catalogue, so a taint is
// reported even when the index lacks the item), and what is newer than the
// target release.
class XmlUsageWalker
{
public:
    XmlUsageWalker(const SchemaNavigator &navigator, const ItemLookup &lookup, Version maxVersion)
        : m_navigator(navigator), m_lookup(lookup), m_max(maxVersion)
    {
    }

    void walk(xmlNode *root);
    QList<XmlCheckFinding> findings() const { return m_findings; }

private:
    void element(xmlNode *node, const QString &path, const QString &canonical, int depth);
    void attributes(xmlNode *node, const QString &path, const QString &canonical);
    // Reports one use; false when the index has no such item.
    bool use(ItemKind kind, const QString &path, const QString &canonical, int line);
    // The same with the item of `canonical` already looked up (may be null).
    bool use(ItemKind kind, const QString &path, const QString &canonical, int line, const Item *item);
    void add(XmlCheckFinding f);
    // Counts one more occurrence of the finding of `key`; false if it is new.
    bool repeated(const QString &key);
    void addNew(const QString &key, XmlCheckFinding f);

    const SchemaNavigator &m_navigator;
    ItemLookup m_lookup;
    Version m_max;
    QList<XmlCheckFinding> m_findings;
    QHash<QString, qsizetype> m_seen; // kind|item|taint -> index in m_findings
};

} // namespace vse
