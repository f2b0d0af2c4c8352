#include "schemanavigator.h"

namespace vse {

void SchemaNavigator::addRoot(const QString &segment, const QString &path, const QString &schemaFile)
{
    const bool named = schemaFile == segment + QStringLiteral(".rng");
    if (!m_roots.contains(segment) || named) {
        m_roots.insert(segment, path);
        m_rootSchemas.insert(segment, schemaFile);
    }
}

void SchemaNavigator::addChild(const QString &parentPath, const QString &segment, const QString &childPath)
{
    QString &slot = m_children[parentPath][segment];
    // Two different patterns with one name under one parent: the one whose
    // canonical path is right here wins, else the shorter.
    const QString direct = parentPath + QLatin1Char('/') + segment;
    if (slot.isEmpty() || childPath == direct ||
        (slot != direct && childPath.size() < slot.size()))
        slot = childPath;
}

QString SchemaNavigator::rootPath(const QString &segment) const
{
    return m_roots.value(segment);
}

QString SchemaNavigator::rootSchema(const QString &segment) const
{
    return m_rootSchemas.value(segment);
}

QString SchemaNavigator::childPath(const QString &parentPath, const QString &segment) const
{
    const auto it = m_children.constFind(parentPath);
    if (it == m_children.constEnd())
        return {};
    QString path = it->value(segment);
    if (path.isEmpty())
        path = it->value(QStringLiteral("*"));
    return path;
}

} // namespace vse
