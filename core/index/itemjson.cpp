#include "itemjson.h"

#include "itemanswer.h"

#include <QJsonArray>

namespace vse {


void insertSince(QJsonObject &o, const SinceRange &range)
{
    range.insertInto(o);
}

QJsonObject itemToJson(const Item &item)
{
    return ItemAnswer::of(item).toJson();
}

QJsonObject summaryToJson(const ItemSummary &s)
{
    QJsonObject o{{QStringLiteral("name"), s.name},
                  {QStringLiteral("kind"), kindId(s.kind)},
                  {QStringLiteral("tier"), s.tier.toString()}};
    if (!s.hypervisor.isEmpty())
        o.insert(QStringLiteral("hypervisor"), s.hypervisor.toString());
    insertSince(o, s.sinceRange());
    if (s.sinceUpTo.isValid())
        o.insert(QStringLiteral("sinceEvidence"), s.sinceEvidence.toString());
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
