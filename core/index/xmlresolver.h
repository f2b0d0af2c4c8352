#pragma once

#include "model/release.h"

#include <QHash>
#include <QSet>
#include <QStringList>

namespace vse {

// Whether a document path of another release still names something here:
// walks the element graph (roots and each element's child edges) segment by
// segment, so an element that moved under a shared define, or whose
// canonical path changed, still resolves.
class XmlResolver
{
public:
    explicit XmlResolver(const Release &r);
    bool has(const QString &name) const { return !canonical(name).isEmpty(); }
    // The item of this release a document path names: itself, or the
    // canonical path of the element it reaches through the graph
    // ("network/route" -> "domain/devices/hostdev/route" where both use one
    // define); empty when it names nothing here.
    QString canonical(const QString &name) const;

private:
    QSet<QString> m_names;
    QHash<QString, QString> m_roots;
    QHash<QString, QHash<QString, QStringList>> m_children;
};

} // namespace vse
