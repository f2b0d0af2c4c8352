#include "itemjson.h"

#include "model/policy.h"

#include <QJsonArray>

namespace vse {

namespace {

QJsonObject evidenceToJson(const Evidence &e)
{
    QJsonObject o{{QStringLiteral("kind"), Evidence::kindId(e.kind)},
                  {QStringLiteral("version"), e.version.toString()},
                  {QStringLiteral("detail"), e.detail}};
    if (e.upperBoundOnly)
        o.insert(QStringLiteral("upperBoundOnly"), true);
    if (e.after.isValid())
        o.insert(QStringLiteral("notIn"), e.after.toString());
    if (e.unreliable)
        o.insert(QStringLiteral("unreliable"), true);
    return o;
}

} // namespace

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
    const Policy &policy = Policy::instance();
    QJsonObject o;
    o.insert(QStringLiteral("name"), item.name);
    o.insert(QStringLiteral("kind"), kindId(item.kind));
    if (item.identity() != item.name)
        o.insert(QStringLiteral("key"), item.identity());
    if (!item.parent.isEmpty())
        o.insert(QStringLiteral("parent"), item.parent);
    o.insert(QStringLiteral("tier"), item.tier);
    o.insert(QStringLiteral("tierLabel"), policy.tier(item.tier).label);
    o.insert(QStringLiteral("tierRule"), policy.tier(item.tier).rule);
    if (!item.hypervisor.isEmpty())
        o.insert(QStringLiteral("hypervisor"), item.hypervisor);
    o.insert(QStringLiteral("origin"), item.origin);
    insertSince(o, item.sinceRange());
    if (item.sinceRange().isKnown())
        o.insert(QStringLiteral("sinceEvidence"), evidenceToJson(item.sinceRange().upper));
    QJsonArray ev;
    for (const auto &e : item.evidence)
        ev.append(evidenceToJson(e));
    o.insert(QStringLiteral("evidence"), ev);
    o.insert(QStringLiteral("inconsistent"), item.inconsistent());
    o.insert(QStringLiteral("taints"), taintsToJson(item));
    if (!item.warnings.isEmpty())
        o.insert(QStringLiteral("warnings"), QJsonArray::fromStringList(item.warnings));
    if (!item.signature.isEmpty())
        o.insert(QStringLiteral("signature"), item.signature);
    if (!item.doc.isEmpty())
        o.insert(QStringLiteral("doc"), item.doc);
    if (!item.file.isEmpty()) {
        o.insert(QStringLiteral("file"), item.file);
        o.insert(QStringLiteral("line"), item.line);
    }
    QJsonObject attrs = item.attrs;
    attrs.remove(QStringLiteral("_id"));
    attrs.remove(QStringLiteral("_release"));
    if (!attrs.isEmpty())
        o.insert(QStringLiteral("attrs"), attrs);
    return o;
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
    const Policy &policy = Policy::instance();
    const QList<TaintTrigger> triggers = policy.triggersFor(item);
    QJsonArray taints;
    for (const auto &t : item.taints) {
        QJsonArray sources;
        for (const auto &trig : triggers)
            if (trig.taint == t && !sources.contains(trig.source))
                sources.append(trig.source);
        taints.append(QJsonObject{{QStringLiteral("reason"), t},
                                  {QStringLiteral("meaning"), policy.taintReason(t).meaning},
                                  {QStringLiteral("sources"), sources}});
    }
    return taints;
}

} // namespace vse
