#pragma once

#include <QHash>
#include <QString>
#include <QStringList>
#include <QStringView>

#include <optional>

namespace vse {

// Maps a path as written in a document (domain/devices/disk/address) to the
// canonical item path the index uses (an element shared by many parents has
// one canonical path). Built by the SchemaExtractor from the element graph.
class SchemaNavigator
{
public:
    void addRoot(const QString &segment, const QString &path, const QString &schemaFile);
    void addChild(const QString &parentPath, const QString &segment, const QString &childPath);

    bool isEmpty() const { return m_roots.isEmpty(); }
    // Canonical path of a document's root element, empty when no schema has it.
    QString rootPath(const QString &segment) const;
    // The schema file (e.g. "domain.rng") whose start accepts that root.
    QString rootSchema(const QString &segment) const;
    // The canonical paths of the roots whose documents `schemaFile` is the
    // schema of ("storagevol.rng" -> volume), sorted; and every such file.
    QStringList rootsOfSchema(const QString &schemaFile) const;
    QStringList schemaFiles() const;
    // Canonical path of a child element; falls back to a "*" (anyName) child.
    QString childPath(const QString &parentPath, const QString &segment) const;

    // A text form (one line per root and per child) the index keeps, so a
    // check need not read and walk the schema files again; empty when a
    // name holds a tab or a line break. fromText() of anything else than
    // toText() wrote gives nullopt.
    QString toText() const;
    static std::optional<SchemaNavigator> fromText(QStringView text);

private:
    QHash<QString, QString> m_roots;
    QHash<QString, QString> m_rootSchemas;
    QHash<QString, QHash<QString, QString>> m_children;
};

} // namespace vse
