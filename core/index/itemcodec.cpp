#include "itemcodec.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace vse {

QByteArray encodeEvidence(const EvidenceList &evidence)
{
    QJsonArray a;
    for (const auto &e : evidence) {
        QJsonObject o{{QStringLiteral("kind"), Evidence::kindId(e.kind)},
                      {QStringLiteral("version"), e.version.toString()},
                      {QStringLiteral("detail"), e.detail}};
        if (e.upperBoundOnly)
            o.insert(QStringLiteral("upperBound"), true);
        if (e.after.isValid())
            o.insert(QStringLiteral("after"), e.after.toString());
        if (e.unreliable)
            o.insert(QStringLiteral("unreliable"), true);
        a.append(o);
    }
    return QJsonDocument(a).toJson(QJsonDocument::Compact);
}

EvidenceList decodeEvidence(const QByteArray &json)
{
    EvidenceList out;
    const auto a = QJsonDocument::fromJson(json).array();
    for (const auto &v : a) {
        const auto o = v.toObject();
        Evidence e;
        e.kind = Evidence::kindFromId(o.value(QStringLiteral("kind")).toString());
        e.version = Version::parse(o.value(QStringLiteral("version")).toString());
        e.detail = o.value(QStringLiteral("detail")).toString();
        e.upperBoundOnly = o.value(QStringLiteral("upperBound")).toBool();
        e.after = Version::parse(o.value(QStringLiteral("after")).toString());
        e.unreliable = o.value(QStringLiteral("unreliable")).toBool();
        out.append(e);
    }
    return out;
}

QByteArray encodeStrings(const QStringList &list)
{
    if (list.isEmpty())
        return {};
    return QJsonDocument(QJsonArray::fromStringList(list)).toJson(QJsonDocument::Compact);
}

QStringList decodeStrings(const QByteArray &json)
{
    QStringList out;
    if (json.isEmpty())
        return out;
    for (const auto &v : QJsonDocument::fromJson(json).array())
        out.append(v.toString());
    return out;
}

QByteArray encodeAttrs(const QJsonObject &attrs)
{
    if (attrs.isEmpty())
        return {};
    return QJsonDocument(attrs).toJson(QJsonDocument::Compact);
}

QJsonObject decodeAttrs(const QByteArray &json)
{
    if (json.isEmpty())
        return {};
    return QJsonDocument::fromJson(json).object();
}

} // namespace vse
