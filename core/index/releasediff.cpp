#include "releasediff.h"

#include "model/policy.h"
#include "releasemerger.h"
#include "wireshape.h"
#include "xmlresolver.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QSet>

namespace vse {

QString ItemChange::kindId(Kind kind)
{
    switch (kind) {
    case Added:
        return QStringLiteral("added");
    case Removed:
        return QStringLiteral("removed");
    case Changed:
        return QStringLiteral("changed");
    case Renamed:
        return QStringLiteral("renamed");
    }
    return {};
}

namespace {

QString normalized(const QString &s)
{
    return s.simplified().remove(QLatin1Char(' '));
}

QByteArray json(const QJsonValue &v)
{
    if (v.isArray())
        return QJsonDocument(v.toArray()).toJson(QJsonDocument::Compact);
    if (v.isObject())
        return QJsonDocument(v.toObject()).toJson(QJsonDocument::Compact);
    return v.toVariant().toString().toUtf8();
}

struct Comparison
{
    QString what;
    bool compatible = true;
};

Comparison compare(const Item &a, const Item &b, const WireShapes &shapesA, const WireShapes &shapesB)
{
    Comparison c;
    QStringList what;
    const auto breaking = [&](const QString &w) {
        what << w;
        c.compatible = false;
    };
    if (!a.signature.isEmpty() && !b.signature.isEmpty() && kindFamily(a.kind) == QLatin1String("api") &&
        a.kind != ItemKind::Macro && a.kind != ItemKind::EnumValue && normalized(a.signature) != normalized(b.signature))
        breaking(QStringLiteral("definition: '%1' -> '%2'").arg(a.signature.simplified(), b.signature.simplified()));
    const auto attr = [&](const char *key) {
        const QJsonValue x = a.attrs.value(QLatin1String(key));
        const QJsonValue y = b.attrs.value(QLatin1String(key));
        return !x.isUndefined() && !y.isUndefined() && json(x) != json(y);
    };
    // The policy lets a *_LAST value grow: it marks the current end of the list.
    if (a.kind == ItemKind::EnumValue && attr("value") && a.name.endsWith(QLatin1String("_LAST")))
        what << QStringLiteral("value %1 -> %2 (a _LAST value grows by design)")
                    .arg(QString::fromUtf8(json(a.attrs.value(QStringLiteral("value")))),
                         QString::fromUtf8(json(b.attrs.value(QStringLiteral("value")))));
    else if (a.kind == ItemKind::EnumValue && attr("value"))
        breaking(QStringLiteral("value %1 -> %2").arg(QString::fromUtf8(json(a.attrs.value(QStringLiteral("value")))),
                                                      QString::fromUtf8(json(b.attrs.value(QStringLiteral("value"))))));
    if ((a.kind == ItemKind::Struct || a.kind == ItemKind::Union) && attr("fields"))
        breaking(QStringLiteral("fields"));
    if (a.kind == ItemKind::RpcProcedure) {
        for (const char *key : {"args", "ret"}) {
            if (!attr(key))
                continue;
            const QString label = QLatin1String(key) == QLatin1String("args") ? QStringLiteral("argument fields")
                                                                              : QStringLiteral("reply fields");
            const QJsonValue x = a.attrs.value(QLatin1String(key));
            const QJsonValue y = b.attrs.value(QLatin1String(key));
            if (WireShapes::compatible(shapesA, x, shapesB, y))
                what << label + QStringLiteral(" (wire-compatible: %1 -> %2)")
                                    .arg(QString::fromUtf8(json(x)), QString::fromUtf8(json(y)));
            else
                breaking(label + QStringLiteral(": %1 -> %2").arg(QString::fromUtf8(json(x)), QString::fromUtf8(json(y))));
        }
    }
    c.what = what.join(QStringLiteral("; "));
    return c;
}

// An enumerated XML value that disappeared may still be accepted because
// its element or attribute now takes a data type (a pattern, or any string).
QString stillAccepted(const Item &value, const QHash<QString, const Item *> &xmlInB)
{
    const Item *parent = xmlInB.value(value.parent);
    if (!parent)
        return {};
    const QString datatype = parent->attrs.value(QStringLiteral("datatype")).toString();
    if (datatype.isEmpty())
        return {};
    const QString literal = value.name.mid(value.name.lastIndexOf(QLatin1Char('=')) + 1);
    const QJsonObject params = parent->attrs.value(QStringLiteral("params")).toObject();
    QJsonArray patterns = params.value(QStringLiteral("patterns")).toArray();
    if (patterns.isEmpty() && params.contains(QStringLiteral("pattern")))
        patterns.append(params.value(QStringLiteral("pattern")));
    if (!patterns.isEmpty()) {
        for (const auto &p : patterns) {
            const QRegularExpression re(QRegularExpression::anchoredPattern(p.toString()));
            if (re.isValid() && re.match(literal).hasMatch())
                return QStringLiteral("no longer enumerated, but still matches the pattern '%1' of %2")
                    .arg(p.toString(), parent->name);
        }
        return {};
    }
    static const QStringList anyText{QStringLiteral("string"), QStringLiteral("token"),
                                     QStringLiteral("normalizedString")};
    if (anyText.contains(datatype))
        return QStringLiteral("no longer enumerated, but %1 takes any %2").arg(parent->name, datatype);
    return {};
}

} // namespace

QList<ItemChange> diffReleases(const Release &a, const Release &b)
{
    QSet<ItemKind> kindsA, kindsB;
    QHash<QString, const Item *> inA, inB, xmlInB;
    for (const Item &it : a.items) {
        kindsA.insert(it.kind);
        inA.insert(ReleaseMerger::identityOf(it), &it);
    }
    for (const Item &it : b.items) {
        kindsB.insert(it.kind);
        inB.insert(ReleaseMerger::identityOf(it), &it);
        if (kindFamily(it.kind) == QLatin1String("xml"))
            xmlInB.insert(it.name, &it);
    }
    const XmlResolver xmlB(b);
    const XmlResolver xmlA(a);
    const WireShapes shapesA(a.items);
    const WireShapes shapesB(b.items);
    QList<ItemChange> out;
    for (const Item &it : a.items) {
        const Item *other = inB.value(ReleaseMerger::identityOf(it));
        if (!other) {
            if (!kindsB.contains(it.kind))
                continue;
            if (kindFamily(it.kind) == QLatin1String("xml") && xmlB.has(it.name))
                continue;
            ItemChange removed{ItemChange::Removed, it, Item(), QString(), false};
            if (it.kind == ItemKind::XmlValue)
                removed.what = stillAccepted(it, xmlInB);
            if (it.kind == ItemKind::RpcType || it.kind == ItemKind::RpcConstant)
                removed.what = QStringLiteral("names of types and constants do not travel on the wire");
            removed.compatible = !removed.what.isEmpty();
            out.append(removed);
            continue;
        }
        if (other->name != it.name)
            out.append({ItemChange::Renamed, it, *other, it.name + QStringLiteral(" -> ") + other->name,
                        it.kind == ItemKind::RpcProcedure});
        const Comparison c = compare(it, *other, shapesA, shapesB);
        if (!c.what.isEmpty())
            out.append({ItemChange::Changed, it, *other, c.what, c.compatible});
    }
    for (const Item &it : b.items) {
        if (inA.contains(ReleaseMerger::identityOf(it)) || !kindsA.contains(it.kind))
            continue;
        if (kindFamily(it.kind) == QLatin1String("xml") && xmlA.has(it.name))
            continue;
        out.append({ItemChange::Added, Item(), it, QString(), true});
    }
    return out;
}

QList<AuditFinding> auditReleases(const QList<Release> &releases)
{
    const Policy &policy = Policy::instance();
    QList<AuditFinding> out;
    for (qsizetype i = 0; i + 1 < releases.size(); ++i) {
        const Release &a = releases.at(i);
        const Release &b = releases.at(i + 1);
        for (const ItemChange &c : diffReleases(a, b)) {
            if (c.kind == ItemChange::Added)
                continue;
            const Item &item = c.before;
            const bool stable = policy.tier(item.tier).group == QLatin1String("stable");
            AuditFinding f{false, QString(), a.version, b.version, c};
            const QString kind = kindLabel(item.kind);
            if (c.kind == ItemChange::Renamed)
                f.rule = QStringLiteral("%1 renamed").arg(kind);
            else if (c.kind == ItemChange::Removed)
                f.rule = QStringLiteral("%1 removed").arg(kind);
            else
                f.rule = QStringLiteral("%1 changed").arg(kind);
            f.violation = stable && !c.compatible;
            f.rule = (stable ? policy.tier(item.tier).label + QLatin1Char(' ') : QString()) + f.rule;
            if (!stable)
                f.rule += QStringLiteral(" (allowed for %1)").arg(policy.tier(item.tier).label);
            else if (c.compatible)
                f.rule += QStringLiteral(" (compatible)");
            out.append(f);
        }
    }
    return out;
}

} // namespace vse
