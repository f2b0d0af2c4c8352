#include "schemagraph.h"

#include "model/policy.h"

#include <QMap>

#include <algorithm>

namespace vse {

QString SchemaGraph::prefixForNamespace(const QString &uri)
{
    if (uri.isEmpty())
        return {};
    const HypervisorNamespace known = Policy::instance().namespaceForUri(uri);
    if (!known.prefix.isEmpty())
        return known.prefix;
    // libvirt's namespace URIs end in ".../<what>/<version>".
    const QStringList parts = uri.split(QLatin1Char('/'), Qt::SkipEmptyParts);
    for (qsizetype i = parts.size() - 1; i >= 0; --i)
        if (!parts.at(i).isEmpty() && !parts.at(i).at(0).isDigit() && !parts.at(i).contains(QLatin1Char('.')))
            return parts.at(i);
    return QStringLiteral("ns");
}

int SchemaGraph::elementFor(xmlNode *node)
{
    if (auto it = m_index.constFind(node); it != m_index.constEnd())
        return *it;
    SchemaElement e;
    e.node = node;
    const QString name = RngWalker::patternName(node, &e.ns);
    const QString prefix = prefixForNamespace(e.ns);
    e.segment = prefix.isEmpty() || name == QLatin1String("*") ? name : prefix + QLatin1Char(':') + name;
    m_elements.push_back(std::move(e));
    const int index = int(m_elements.size() - 1);
    m_index.insert(node, index);
    return index;
}

void SchemaGraph::addRoot(const QString &schemaFile, RngGrammar *grammar, bool preferred)
{
    const RngContent start = m_walker->startOf(grammar);
    for (const auto &ref : start.elements) {
        const int index = elementFor(ref.node);
        m_roots.append({schemaFile, index, preferred});
        explore(index, ref.grammar);
    }
}

void SchemaGraph::explore(int rootIndex, RngGrammar *rootGrammar)
{
    // Iterative, so a deep schema cannot overflow the stack.
    QList<QPair<int, RngGrammar *>> todo{{rootIndex, rootGrammar}};
    while (!todo.isEmpty()) {
        const auto [index, grammar] = todo.takeLast();
        xmlNode *node = m_elements[size_t(index)].node;
        const auto key = qMakePair(node, grammar);
        if (m_expanded.contains(key))
            continue;
        m_expanded.insert(key);
        const RngContent content = m_walker->contentOf(node, grammar);
        for (const auto &ref : content.elements) {
            const int child = elementFor(ref.node);
            SchemaElement &c = m_elements[size_t(child)];
            c.optional = c.optional || ref.optional;
            SchemaElement &e = m_elements[size_t(index)];
            if (!e.children.contains(child))
                e.children.append(child);
            todo.append({child, ref.grammar});
        }
        SchemaElement &e = m_elements[size_t(index)];
        e.attributes.append(content.attributes);
        for (const auto &v : content.values) {
            const bool known = std::any_of(e.values.cbegin(), e.values.cend(),
                                           [&](const RngContent::Value &x) { return x.value == v.value; });
            if (!known)
                e.values.append(v);
        }
        for (const QString &t : content.datatypes)
            if (!e.datatypes.contains(t))
                e.datatypes.append(t);
        mergeParams(e.params, content.params);
    }
}

void SchemaGraph::addAlias(SchemaElement &e, const QString &path)
{
    if (path != e.path && e.aliases.size() < kMaxAliases && !e.aliases.contains(path))
        e.aliases.append(path);
}

void SchemaGraph::assignPaths()
{
    // libvirt's standalone schemas reuse parts of the domain (cpu.rng's root
    // is the domain's <cpu>); people and the taint catalogue name those by
    // their domain path, so preferred roots claim paths before the others.
    QList<Root> preferred, others;
    for (const Root &r : std::as_const(m_roots))
        (r.preferred ? preferred : others).append(r);
    bfs(preferred);
    bfs(others);
}

void SchemaGraph::bfs(const QList<Root> &roots)
{
    QMap<int, QPair<QString, QString>> level; // element -> (path, schema)
    for (const Root &r : roots) {
        SchemaElement &e = m_elements[size_t(r.element)];
        if (!e.path.isEmpty()) {
            addAlias(e, e.segment);
            continue;
        }
        // Two schemas with the same root: prefer the one named after it.
        auto it = level.find(r.element);
        const bool named = r.schemaFile == e.segment + QStringLiteral(".rng");
        if (it == level.end() || named)
            level.insert(r.element, {e.segment, r.schemaFile});
    }
    for (int depth = 0; !level.isEmpty() && depth < kMaxDepth; ++depth) {
        for (auto it = level.cbegin(); it != level.cend(); ++it) {
            SchemaElement &e = m_elements[size_t(it.key())];
            e.path = it->first;
            e.schema = it->second;
        }
        QMap<int, QPair<QString, QString>> next;
        for (auto it = level.cbegin(); it != level.cend(); ++it) {
            const SchemaElement &parent = m_elements[size_t(it.key())];
            for (int child : parent.children) {
                SchemaElement &c = m_elements[size_t(child)];
                const QString candidate = parent.path + QLatin1Char('/') + c.segment;
                if (!c.path.isEmpty()) {
                    addAlias(c, candidate);
                    continue;
                }
                auto n = next.find(child);
                if (n == next.end()) {
                    next.insert(child, {candidate, parent.schema});
                } else if (candidate < n->first) {
                    c.aliases.removeAll(candidate);
                    if (c.aliases.size() < kMaxAliases && !c.aliases.contains(n->first))
                        c.aliases.append(n->first);
                    *n = {candidate, parent.schema};
                } else if (candidate != n->first && c.aliases.size() < kMaxAliases &&
                           !c.aliases.contains(candidate)) {
                    c.aliases.append(candidate);
                }
            }
        }
        level = std::move(next);
    }
}

} // namespace vse
