#include "xmlresolver.h"

#include <QJsonArray>
#include <QJsonObject>

namespace vse {

XmlResolver::XmlResolver(const Release &r)
{
    for (const Item &it : r.items) {
        if (kindFamily(it.kind) != QLatin1String("xml"))
            continue;
        m_names.insert(it.name);
        if (it.kind != ItemKind::XmlElement)
            continue;
        if (!it.name.contains(QLatin1Char('/')))
            m_roots.insert(it.name, it.name);
        const QJsonObject children = it.attrs.value(QStringLiteral("children")).toObject();
        for (auto c = children.begin(); c != children.end(); ++c)
            for (const auto &target : c.value().toArray())
                m_children[it.name][c.key()].append(target.toString());
    }
}

QString XmlResolver::canonical(const QString &name) const
{
    if (m_names.contains(name))
        return name;
    // Split "a/b/c@attr=value" into the element path and the rest.
    qsizetype cut = name.indexOf(QLatin1Char('@'));
    if (cut < 0)
        cut = name.indexOf(QLatin1Char('='));
    const QString element = cut < 0 ? name : name.left(cut);
    const QString rest = cut < 0 ? QString() : name.mid(cut);
    const QStringList segments = element.split(QLatin1Char('/'));
    // Several elements of one name can sit under one parent (alternatives
    // of a choice), so follow every candidate path.
    QStringList at;
    if (m_roots.contains(segments.first()))
        at << m_roots.value(segments.first());
    for (qsizetype i = 1; i < segments.size() && !at.isEmpty(); ++i) {
        QStringList next;
        for (const QString &p : std::as_const(at)) {
            const auto &kids = m_children.value(p);
            const QStringList named = kids.value(segments.at(i));
            next << (named.isEmpty() ? kids.value(QStringLiteral("*")) : named);
        }
        next.removeDuplicates();
        at = next;
    }
    for (const QString &p : std::as_const(at))
        if (m_names.contains(p + rest))
            return p + rest;
    return {};
}

} // namespace vse
