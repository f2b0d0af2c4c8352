#include "itemjson.h"

#include "itemanswer.h"

#include <QJsonArray>

namespace vse {


void insertSince(QJsonObject &o, const SinceRange &range)
{
    // "since" only when exact, so a script comparing versions never mistakes
    // a bound for the answer; the range is always there.
    o.insert(QStringLiteral("since"), range.exact ? QJsonValue(range.upTo.toString()) : QJsonValue());
    o.insert(QStringLiteral("sinceRange"), range.toJson());
    o.insert(QStringLiteral("sinceText"), range.toString());
}

QJsonObject itemToJson(const Item &item)
{
    return ItemAnswer::of(item).toJson();
}

QJsonObject summaryToJson(const ItemSummary &s)
{
    QJsonObject o{{QStringLiteral("name"), s.name},
                  {QStringLiteral("kind"), kindId(s.kind)},
                  {QStringLiteral("tier"), s.tier}};
    if (!s.hypervisor.isEmpty())
        o.insert(QStringLiteral("hypervisor"), s.hypervisor);
    insertSince(o, s.sinceRange());
    if (s.sinceUpTo.isValid())
        o.insert(QStringLiteral("sinceEvidence"), s.sinceEvidence);
    if (s.tainted)
        o.insert(QStringLiteral("tainted"), true);
    if (s.removed)
        o.insert(QStringLiteral("removed"), true);
    return o;
}

QJsonArray taintsToJson(const Item &item)
{
    return ItemAnswer::of(item).toJson().value(QStringLiteral("taints")).toArray();
}

} // namespace vse
