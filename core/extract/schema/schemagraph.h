#pragma once

#include "rngwalker.h"

#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

#include <vector>

namespace vse {

// One <element> pattern of the schemas, merged over every grammar scope it
// was reached in, with its canonical path.
struct SchemaElement
{
    xmlNode *node = nullptr;
    QString segment; // "disk", "qemu:commandline", "*" for anyName / nsName
    QString ns;      // namespace URI, empty for libvirt's core XML
    QList<int> children;
    QList<RngContent::Ref> attributes;
    QList<RngContent::Value> values;
    QStringList datatypes;
    QJsonObject params;
    bool optional = false;
    QString path;   // canonical: shortest from a root, then alphabetically first
    QString schema; // the schema file (with a start) whose root leads here
    QStringList aliases;
};

// The element graph of a set of schemas. Elements are identified by their
// pattern node, not by path, so a define used in many places (address,
// alias, source...) is one element with one canonical path plus aliases, and
// recursive definitions (customElement inside itself) terminate: each
// (element, scope) pair is expanded once.
class SchemaGraph
{
public:
    static constexpr int kMaxAliases = 32;
    static constexpr int kMaxDepth = 64;

    SchemaGraph(RngWalker *walker) : m_walker(walker) {}

    // Explores everything reachable from the start of a schema file.
    // `preferred` roots claim paths first (see assignPaths).
    void addRoot(const QString &schemaFile, RngGrammar *grammar, bool preferred);
    void assignPaths();

    const std::vector<SchemaElement> &elements() const { return m_elements; }
    struct Root
    {
        QString schemaFile;
        int element;
        bool preferred;
    };
    const QList<Root> &roots() const { return m_roots; }

    // "qemu" for a known hypervisor namespace; else a prefix derived from the
    // URI (".../storagepool/fs/1.0" -> "fs").
    static QString prefixForNamespace(const QString &uri);

private:
    int elementFor(xmlNode *node);
    void explore(int index, RngGrammar *grammar);
    void bfs(const QList<Root> &roots);
    void addAlias(SchemaElement &e, const QString &path);

    RngWalker *m_walker;
    std::vector<SchemaElement> m_elements;
    QHash<xmlNode *, int> m_index;
    QSet<QPair<xmlNode *, RngGrammar *>> m_expanded;
    QList<Root> m_roots;
};

} // namespace vse
