#pragma once

#include "schemagraph.h"

#include "model/item.h"

namespace vse {

// Turns the element graph into index items: one XmlElement per canonical
// path (patterns sharing a path are merged), its XmlAttributes and the
// enumerated XmlValues of both, with origin, tier and taints from the policy.
class SchemaItemBuilder
{
public:
    explicit SchemaItemBuilder(RngWalker *walker) : m_walker(walker) {}

    ItemList build(const SchemaGraph &graph);

    // "schema:namespace" + hypervisor when a segment of the name (before any
    // "=value") carries a namespace prefix, else "schema:core"; then the policy.
    static void classify(Item &item);

private:
    struct Attribute
    {
        QString name;
        xmlNode *node = nullptr;
        QString ns;
        bool optional = false;
        QList<RngContent::Value> values;
        QStringList datatypes;
        QJsonObject params;
    };
    void addAttributes(const SchemaGraph &graph, const QList<int> &elements, const QString &path,
                       const QString &schema, ItemList &out);
    const RngContent &attributeContent(const RngContent::Ref &ref);

    RngWalker *m_walker;
    QHash<QPair<xmlNode *, RngGrammar *>, RngContent> m_attributeContent;
};

} // namespace vse
