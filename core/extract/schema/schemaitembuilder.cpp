#include "schemaitembuilder.h"

#include "model/policy.h"

#include <QJsonArray>
#include <QMap>

namespace vse {

namespace {

QString parentOf(const QString &path)
{
    const qsizetype slash = path.lastIndexOf(QLatin1Char('/'));
    return slash < 0 ? QString() : path.left(slash);
}

void addValue(QList<RngContent::Value> &values, const RngContent::Value &v)
{
    for (const auto &x : std::as_const(values))
        if (x.value == v.value)
            return;
    values.append(v);
}

QJsonArray valueArray(const QList<RngContent::Value> &values)
{
    QJsonArray a;
    for (const auto &v : values)
        a.append(v.value);
    return a;
}

Item valueItem(const QString &owner, const RngContent::Value &v, const QString &schema)
{
    Item item;
    item.kind = ItemKind::XmlValue;
    item.name = owner + QLatin1Char('=') + v.value;
    item.parent = owner;
    item.file = rng::file(v.node);
    item.line = rng::line(v.node);
    item.signature = v.value;
    item.attrs.insert(QStringLiteral("schema"), schema);
    item.attrs.insert(QStringLiteral("define"), rng::enclosingDefine(v.node));
    SchemaItemBuilder::classify(item);
    return item;
}

void setCommon(Item &item, xmlNode *node, const QString &schema, bool optional,
               const QStringList &datatypes, const QJsonObject &params)
{
    item.file = rng::file(node);
    item.line = rng::line(node);
    item.attrs.insert(QStringLiteral("schema"), schema);
    item.attrs.insert(QStringLiteral("define"), rng::enclosingDefine(node));
    item.attrs.insert(QStringLiteral("optional"), optional);
    if (!datatypes.isEmpty())
        item.attrs.insert(QStringLiteral("datatype"), datatypes.join(QLatin1Char('|')));
    if (!params.isEmpty())
        item.attrs.insert(QStringLiteral("params"), params);
}

} // namespace

void SchemaItemBuilder::classify(Item &item)
{
    QStringView name(item.name);
    if (const qsizetype eq = name.indexOf(QLatin1Char('=')); eq >= 0)
        name = name.left(eq);
    item.origin = QStringLiteral("schema:core");
    qsizetype start = 0;
    for (qsizetype i = 0; i <= name.size(); ++i) {
        if (i < name.size() && name.at(i) != QLatin1Char('/') && name.at(i) != QLatin1Char('@'))
            continue;
        const QStringView segment = name.mid(start, i - start);
        start = i + 1;
        const qsizetype colon = segment.indexOf(QLatin1Char(':'));
        if (colon <= 0)
            continue;
        item.origin = QStringLiteral("schema:namespace");
        const QStringView prefix = segment.left(colon);
        for (const auto &ns : Policy::instance().namespaces())
            if (ns.prefix == prefix)
                item.hypervisor = ns.hypervisor;
        break;
    }
    Policy::instance().apply(item);
}

const RngContent &SchemaItemBuilder::attributeContent(const RngContent::Ref &ref)
{
    const auto key = qMakePair(ref.node, ref.grammar);
    auto it = m_attributeContent.find(key);
    if (it == m_attributeContent.end())
        it = m_attributeContent.insert(key, m_walker->contentOf(ref.node, ref.grammar));
    return *it;
}

ItemList SchemaItemBuilder::build(const SchemaGraph &graph)
{
    const auto &elements = graph.elements();
    QMap<QString, QList<int>> byPath;
    for (size_t i = 0; i < elements.size(); ++i)
        if (!elements[i].path.isEmpty())
            byPath[elements[i].path].append(int(i));

    ItemList out;
    for (auto it = byPath.cbegin(); it != byPath.cend(); ++it) {
        const QString &path = it.key();
        const SchemaElement &first = elements[size_t(it->constFirst())];
        bool optional = false;
        QStringList aliases, datatypes;
        QList<RngContent::Value> values;
        QJsonObject params;
        for (int index : *it) {
            const SchemaElement &e = elements[size_t(index)];
            optional = optional || e.optional;
            for (const QString &a : e.aliases)
                if (!aliases.contains(a) && aliases.size() < SchemaGraph::kMaxAliases)
                    aliases.append(a);
            for (const QString &t : e.datatypes)
                if (!datatypes.contains(t))
                    datatypes.append(t);
            for (const auto &v : e.values)
                addValue(values, v);
            mergeParams(params, e.params);
        }
        Item item;
        item.kind = ItemKind::XmlElement;
        item.name = path;
        item.parent = parentOf(path);
        item.signature = QLatin1Char('<') + first.segment + QLatin1Char('>');
        setCommon(item, first.node, first.schema, optional, datatypes, params);
        if (!aliases.isEmpty())
            item.attrs.insert(QStringLiteral("aliases"), QJsonArray::fromStringList(aliases));
        if (!first.ns.isEmpty())
            item.attrs.insert(QStringLiteral("ns"), first.ns);
        if (!values.isEmpty())
            item.attrs.insert(QStringLiteral("values"), valueArray(values));
        classify(item);
        out.append(item);
        for (const auto &v : std::as_const(values))
            out.append(valueItem(path, v, first.schema));
        addAttributes(graph, *it, path, first.schema, out);
    }
    return out;
}

void SchemaItemBuilder::addAttributes(const SchemaGraph &graph, const QList<int> &indexes,
                                      const QString &path, const QString &schema, ItemList &out)
{
    QList<Attribute> attributes;
    QHash<QString, qsizetype> byName;
    QSet<QPair<xmlNode *, RngGrammar *>> seen;
    for (int index : indexes) {
        for (const auto &ref : graph.elements()[size_t(index)].attributes) {
            Attribute probe;
            const QString local = RngWalker::patternName(ref.node, &probe.ns);
            const QString prefix = SchemaGraph::prefixForNamespace(probe.ns);
            const QString name = prefix.isEmpty() || local == QLatin1String("*")
                                     ? local : prefix + QLatin1Char(':') + local;
            qsizetype slot = byName.value(name, -1);
            if (slot < 0) {
                probe.name = name;
                probe.node = ref.node;
                attributes.append(probe);
                slot = attributes.size() - 1;
                byName.insert(name, slot);
            }
            Attribute &a = attributes[slot];
            a.optional = a.optional || ref.optional;
            if (seen.contains(qMakePair(ref.node, ref.grammar)))
                continue;
            seen.insert(qMakePair(ref.node, ref.grammar));
            const RngContent &content = attributeContent(ref);
            for (const auto &v : content.values)
                addValue(a.values, v);
            for (const QString &t : content.datatypes)
                if (!a.datatypes.contains(t))
                    a.datatypes.append(t);
            mergeParams(a.params, content.params);
        }
    }
    for (const Attribute &a : std::as_const(attributes)) {
        Item item;
        item.kind = ItemKind::XmlAttribute;
        item.name = path + QLatin1Char('@') + a.name;
        item.parent = path;
        // An attribute without content is text by RelaxNG's rules.
        QStringList datatypes = a.datatypes;
        if (datatypes.isEmpty() && a.values.isEmpty())
            datatypes.append(QStringLiteral("text"));
        setCommon(item, a.node, schema, a.optional, datatypes, a.params);
        if (!a.values.isEmpty())
            item.attrs.insert(QStringLiteral("values"), valueArray(a.values));
        if (!a.ns.isEmpty())
            item.attrs.insert(QStringLiteral("ns"), a.ns);
        QStringList shown;
        for (const auto &v : a.values)
            shown.append(v.value);
        item.signature = a.name + QStringLiteral("=\"") +
                         (shown.isEmpty() ? datatypes.join(QLatin1Char('|')) : shown.join(QLatin1Char('|'))) +
                         QLatin1Char('"');
        classify(item);
        out.append(item);
        for (const auto &v : a.values)
            out.append(valueItem(item.name, v, schema));
    }
}

} // namespace vse
