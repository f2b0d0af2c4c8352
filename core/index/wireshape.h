#pragma once

#include "model/item.h"

#include <QHash>
#include <QJsonValue>

namespace vse {

// What a list of XDR fields looks like on the wire, with every named type
// expanded through the release's own RPC type items. Used to tell a real
// protocol break from a change XDR encodes identically: int vs unsigned int,
// a renamed struct with the same layout, an array bound renamed, a union
// that only gained arms at the end.
class WireShapes
{
public:
    explicit WireShapes(const ItemList &items);
    // True when data encoded for `before` (fields of release A, resolved with
    // `a`) decodes unchanged as `after` (fields of release B, resolved with this).
    static bool compatible(const WireShapes &a, const QJsonValue &before, const WireShapes &b,
                           const QJsonValue &after);

private:
    struct Shape;
    Shape fields(const QJsonValue &list, int depth) const;
    Shape type(const QString &text, int depth) const;
    static bool compatible(const Shape &a, const Shape &b);
    QHash<QString, const Item *> m_types;
};

} // namespace vse
