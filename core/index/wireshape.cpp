#include "wireshape.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QRegularExpression>

namespace vse {

struct WireShapes::Shape
{
    enum Kind { Leaf, Struct, Union, VarArray, FixedArray, Optional };
    Kind kind = Leaf;
    QString leaf; // primitive, or the fixed array size
    QList<Shape> parts;
};

namespace {
constexpr int kMaxDepth = 8;
}

WireShapes::WireShapes(const ItemList &items)
{
    for (const Item &it : items)
        if (it.kind == ItemKind::RpcType)
            m_types.insert(it.name, &it);
}

WireShapes::Shape WireShapes::fields(const QJsonValue &list, int depth) const
{
    Shape s;
    s.kind = Shape::Struct;
    for (const auto &f : list.toArray())
        s.parts.append(type(f.toObject().value(QStringLiteral("type")).toString(), depth + 1));
    return s;
}

WireShapes::Shape WireShapes::type(const QString &raw, int depth) const
{
    static const QRegularExpression fixed(QStringLiteral("^(.*)\\[(.*)\\]$"));
    static const QRegularExpression variable(QStringLiteral("^(.*)<.*>$"));
    const QString text = raw.simplified();
    Shape s;
    if (depth > kMaxDepth) {
        s.leaf = text;
        return s;
    }
    if (text.endsWith(QLatin1Char('*'))) {
        s.kind = Shape::Optional;
        s.parts.append(type(text.chopped(1), depth + 1));
        return s;
    }
    if (const auto m = fixed.match(text); m.hasMatch()) {
        s.kind = Shape::FixedArray;
        s.leaf = m.captured(2).simplified();
        s.parts.append(type(m.captured(1), depth + 1));
        return s;
    }
    if (const auto m = variable.match(text); m.hasMatch()) {
        // The bound only limits what is accepted; the encoding is a count
        // followed by the elements, whatever the bound is called.
        const QString element = m.captured(1).simplified();
        if (element == QLatin1String("string") || element == QLatin1String("opaque")) {
            s.leaf = element;
            return s;
        }
        s.kind = Shape::VarArray;
        s.parts.append(type(element, depth + 1));
        return s;
    }
    QString t = text;
    t.remove(QStringLiteral("unsigned "));
    // rpcgen also takes the C library spellings (u_int in libvirt <= 0.9).
    static const QStringList fourBytes{QStringLiteral("int"),   QStringLiteral("bool"),  QStringLiteral("unsigned"),
                                       QStringLiteral("enum"),  QStringLiteral("u_int"), QStringLiteral("long"),
                                       QStringLiteral("u_long"), QStringLiteral("short"), QStringLiteral("u_short")};
    if (t == QLatin1String("u_hyper") || t == QLatin1String("quad_t") || t == QLatin1String("u_quad_t"))
        t = QStringLiteral("hyper");
    if (fourBytes.contains(t)) {
        s.leaf = QStringLiteral("int");
        return s;
    }
    if (t == QLatin1String("hyper") || t == QLatin1String("float") || t == QLatin1String("double") ||
        t == QLatin1String("void")) {
        s.leaf = t;
        return s;
    }
    const Item *def = m_types.value(text);
    if (!def) {
        s.leaf = text; // unknown here: only equal names are equal
        return s;
    }
    const QString kind = def->attrs.value(QStringLiteral("xdrKind")).toString();
    if (kind == QLatin1String("typedef"))
        return type(def->attrs.value(QStringLiteral("type")).toString(), depth + 1);
    if (kind == QLatin1String("enum")) {
        s.leaf = QStringLiteral("int");
        return s;
    }
    if (kind == QLatin1String("struct"))
        return fields(def->attrs.value(QStringLiteral("fields")), depth);
    if (kind == QLatin1String("union")) {
        s.kind = Shape::Union;
        const QJsonObject disc = def->attrs.value(QStringLiteral("discriminant")).toObject();
        s.parts.append(type(disc.value(QStringLiteral("type")).toString(), depth + 1));
        for (const auto &arm : def->attrs.value(QStringLiteral("arms")).toArray())
            s.parts.append(type(arm.toObject().value(QStringLiteral("type")).toString(), depth + 1));
        return s;
    }
    s.leaf = text;
    return s;
}

bool WireShapes::compatible(const Shape &a, const Shape &b)
{
    if (a.kind != b.kind || a.leaf != b.leaf)
        return false;
    // A union may gain arms at the end: old data still decodes.
    if (a.kind == Shape::Union ? a.parts.size() > b.parts.size() : a.parts.size() != b.parts.size())
        return false;
    for (qsizetype i = 0; i < a.parts.size(); ++i)
        if (!compatible(a.parts.at(i), b.parts.at(i)))
            return false;
    return true;
}

bool WireShapes::compatible(const WireShapes &a, const QJsonValue &before, const WireShapes &b,
                            const QJsonValue &after)
{
    return compatible(a.fields(before, 0), b.fields(after, 0));
}

} // namespace vse
