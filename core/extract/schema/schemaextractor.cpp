#include "schemaextractor.h"

#include "schemagraph.h"
#include "schemaitembuilder.h"

#include <QDir>
#include <QHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QFileInfo>

#include <libxml/tree.h>

namespace vse {

namespace {
bool hasRng(const QString &dir)
{
    return !QDir(dir).entryList({QStringLiteral("*.rng")}, QDir::Files).isEmpty();
}
} // namespace

ExtractResult SchemaExtractor::extractDir(const QString &schemaDir, const QString &sourceRoot, bool recoverMalformed)
{
    return indexDir(schemaDir, true, sourceRoot, recoverMalformed).result;
}

QString SchemaExtractor::findSchemaDir(const QString &sourceTree)
{
    for (const char *sub : {"src/conf/schemas", "docs/schemas"}) {
        const QString dir = QDir(sourceTree).filePath(QLatin1String(sub));
        if (hasRng(dir))
            return QDir::cleanPath(dir);
    }
    return {};
}

SchemaIndex SchemaExtractor::indexDir(const QString &schemaDir, bool withItems, const QString &sourceRoot,
                                      bool recoverMalformed)
{
    SchemaIndex index;
    Diagnostics &diagnostics = index.result.diagnostics;
    const QDir dir(schemaDir);
    if (!dir.exists() || !QFileInfo(schemaDir).isDir()) {
        diagnostics.append(Diagnostic::error(schemaDir, 0, QStringLiteral("schema folder not found")));
        return index;
    }
    if (!QFileInfo(schemaDir).isReadable()) {
        diagnostics.append(Diagnostic::error(schemaDir, 0, QStringLiteral("schema folder is not readable")));
        return index;
    }
    const QStringList files = dir.entryList({QStringLiteral("*.rng")}, QDir::Files, QDir::Name);
    if (files.isEmpty()) {
        diagnostics.append(Diagnostic::error(schemaDir, 0, QStringLiteral("no .rng files in the schema folder")));
        return index;
    }

    RngDocuments documents(&diagnostics, SourceRoot(sourceRoot.isEmpty() ? schemaDir : sourceRoot));
    documents.setRecoverMalformed(recoverMalformed);
    indexDocuments(index, dir, files, documents, withItems);
    return index;
}

SchemaIndex SchemaExtractor::indexFiles(const QMap<QString, QByteArray> &files, bool withItems)
{
    // A folder that does not exist, so nothing on disk can stand in for a
    // file that is not in `files`.
    const QDir dir(QStringLiteral("/nonexistent/vse-in-memory-schemas"));
    QHash<QString, QByteArray> memory;
    QStringList names;
    for (auto it = files.constBegin(); it != files.constEnd(); ++it) {
        memory.insert(QDir::cleanPath(dir.filePath(it.key())), it.value());
        if (it.key().endsWith(QLatin1String(".rng")))
            names.append(it.key());
    }
    SchemaIndex index;
    RngDocuments documents(&index.result.diagnostics);
    documents.setMemoryFiles(std::move(memory));
    indexDocuments(index, dir, names, documents, withItems);
    return index;
}

void SchemaExtractor::indexDocuments(SchemaIndex &index, const QDir &dir, const QStringList &files,
                                     RngDocuments &documents, bool withItems)
{
    Diagnostics &diagnostics = index.result.diagnostics;
    RngGrammars grammars(&documents, &diagnostics);
    RngWalker walker(&grammars, &diagnostics);
    SchemaGraph graph(&walker);
    for (const QString &file : files) {
        const QString path = dir.filePath(file);
        xmlNode *root = documents.load(path);
        if (!root)
            continue;
        RngGrammar *grammar = grammars.forFile(path);
        // Only files with a start are schemas of a document; the rest
        // (basictypes.rng, domaincommon.rng...) are reached through includes.
        if (!grammar || grammar->start.bodies.isEmpty())
            continue;
        index.rootSchemas.append(file);
        graph.addRoot(file, grammar, file == QLatin1String("domain.rng"));
    }
    graph.assignPaths();

    if (withItems) {
        SchemaItemBuilder builder(&walker);
        index.result.items = builder.build(graph);
    }

    const auto &elements = graph.elements();
    for (const auto &root : graph.roots()) {
        const SchemaElement &e = elements[size_t(root.element)];
        index.navigator.addRoot(e.segment, e.path, root.schemaFile);
    }
    // Each element item also records its child edges (segment -> canonical
    // path), so the graph survives in the index: comparing releases needs to
    // know whether a document path of one release still resolves in another.
    QHash<QString, qsizetype> elementItem;
    for (qsizetype i = 0; i < index.result.items.size(); ++i)
        if (index.result.items.at(i).kind == ItemKind::XmlElement)
            elementItem.insert(index.result.items.at(i).name, i);
    for (const SchemaElement &e : elements) {
        if (e.path.isEmpty())
            continue;
        QJsonObject children;
        for (int child : e.children) {
            const SchemaElement &c = elements[size_t(child)];
            if (!c.path.isEmpty()) {
                index.navigator.addChild(e.path, c.segment, c.path);
                if (!withItems)
                    continue;
                // Two different elements of one name may share a parent
                // (alternatives in a choice): keep every target.
                QJsonArray targets = children.value(c.segment).toArray();
                if (!targets.contains(c.path))
                    targets.append(c.path);
                children.insert(c.segment, targets);
            }
        }
        // Several <element> definitions can share one canonical path (the
        // per-pool-type <source> elements): their children are merged.
        const auto it = elementItem.constFind(e.path);
        if (it == elementItem.constEnd() || children.isEmpty())
            continue;
        QJsonObject merged = index.result.items[*it].attrs.value(QStringLiteral("children")).toObject();
        for (auto c = children.constBegin(); c != children.constEnd(); ++c) {
            QJsonArray targets = merged.value(c.key()).toArray();
            for (const auto &t : c.value().toArray())
                if (!targets.contains(t))
                    targets.append(t);
            merged.insert(c.key(), targets);
        }
        index.result.items[*it].attrs.insert(QStringLiteral("children"), merged);
    }
}

} // namespace vse
