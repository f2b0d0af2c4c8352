#include "historydiff.h"

#include "model/policy.h"

namespace vse {

namespace {

QString nameIn(const HistoryEntry &e, int release)
{
    for (const HistorySpan &s : e.spans)
        if (release >= s.from && release <= s.to)
            return s.name;
    return {};
}

Item itemOf(const HistoryEntry &e, const QString &name)
{
    Item it;
    it.kind = e.kind;
    it.name = name;
    it.key = e.key == name ? QString() : e.key;
    it.parent = e.parent;
    it.origin = e.origin;
    it.attrs = e.attrs;
    it.attrs.remove(HistoryPack::kOwnSince);
    Policy::instance().apply(it);
    return it;
}

} // namespace

QList<ItemChange> diffHistoryReleases(const HistoryPack &pack, int from, int to)
{
    QList<ItemChange> out;
    const int n = int(pack.releases().size());
    if (from < 0 || to < 0 || from >= n || to >= n || from == to)
        return out;
    for (const HistoryEntry &e : pack.entries()) {
        const HistoryPack::DataScope scope = HistoryPack::scopeOf(e.kind, e.key);
        if (!pack.datesIn(scope, from) || !pack.datesIn(scope, to))
            continue;
        const QString before = nameIn(e, from);
        const QString after = nameIn(e, to);
        if (before.isEmpty() && after.isEmpty())
            continue;
        if (before.isEmpty())
            out.append({ItemChange::Added, Item(), itemOf(e, after), QString(), true});
        else if (after.isEmpty()) {
            ItemChange removed{ItemChange::Removed, itemOf(e, before), Item(), QString(), false};
            // As diffReleases says it: a name that never travels on the wire.
            if (e.kind == ItemKind::RpcType || e.kind == ItemKind::RpcConstant) {
                removed.what = QStringLiteral("names of types and constants do not travel on the wire");
                removed.compatible = true;
            }
            out.append(removed);
        }
        else if (before != after)
            out.append({ItemChange::Renamed, itemOf(e, before), itemOf(e, after),
                        before + QStringLiteral(" -> ") + after, e.kind == ItemKind::RpcProcedure});
    }
    return out;
}

} // namespace vse
