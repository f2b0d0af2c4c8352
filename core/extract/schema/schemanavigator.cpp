#include "schemanavigator.h"

#include <QStringList>

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

QStringList SchemaNavigator::rootsOfSchema(const QString &schemaFile) const
{
    QStringList roots;
    for (auto it = m_rootSchemas.cbegin(); it != m_rootSchemas.cend(); ++it)
        if (it.value() == schemaFile)
            roots << rootPath(it.key());
    roots.sort();
    return roots;
}

QStringList SchemaNavigator::schemaFiles() const
{
    QStringList files = m_rootSchemas.values();
    files.sort();
    files.removeDuplicates();
    return files;
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

namespace {

// "vse-navigator 1", then "r<TAB>segment<TAB>path<TAB>schema file" per root
// and "c<TAB>parent<TAB>segment<TAB>child" per child, sorted so the text of
// one schema folder is always the same.
constexpr QLatin1String kNavigatorHeader("vse-navigator 1");

bool plain(const QString &s)
{
    return !s.contains(QLatin1Char('\t')) && !s.contains(QLatin1Char('\n'));
}

} // namespace

QString SchemaNavigator::toText() const
{
    QStringList lines;
    for (auto it = m_roots.cbegin(); it != m_roots.cend(); ++it) {
        const QString schema = m_rootSchemas.value(it.key());
        if (!plain(it.key()) || !plain(it.value()) || !plain(schema))
            return {};
        lines << QStringLiteral("r\t") + it.key() + QLatin1Char('\t') + it.value() + QLatin1Char('\t') + schema;
    }
    for (auto p = m_children.cbegin(); p != m_children.cend(); ++p)
        for (auto c = p->cbegin(); c != p->cend(); ++c) {
            if (!plain(p.key()) || !plain(c.key()) || !plain(c.value()))
                return {};
            lines << QStringLiteral("c\t") + p.key() + QLatin1Char('\t') + c.key() + QLatin1Char('\t') + c.value();
        }
    lines.sort();
    lines.prepend(QString(kNavigatorHeader));
    return lines.join(QLatin1Char('\n'));
}

std::optional<SchemaNavigator> SchemaNavigator::fromText(QStringView text)
{
    SchemaNavigator n;
    bool first = true;
    for (const QStringView line : text.split(QLatin1Char('\n'))) {
        if (first) {
            if (line != kNavigatorHeader)
                return std::nullopt;
            first = false;
            continue;
        }
        const auto f = line.split(QLatin1Char('\t'));
        if (f.size() != 4)
            return std::nullopt;
        if (f.at(0) == u"r") {
            n.m_roots.insert(f.at(1).toString(), f.at(2).toString());
            n.m_rootSchemas.insert(f.at(1).toString(), f.at(3).toString());
        } else if (f.at(0) == u"c") {
            n.m_children[f.at(1).toString()].insert(f.at(2).toString(), f.at(3).toString());
        } else {
            return std::nullopt;
        }
    }
    if (first)
        return std::nullopt;
    return n;
}

} // namespace vse
