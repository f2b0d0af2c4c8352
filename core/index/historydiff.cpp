#include "historydiff.h"

#include "historyitem.h"

namespace vse {

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
        const QString before = HistoryPack::nameIn(e, from);
        const QString after = HistoryPack::nameIn(e, to);
        if (before.isEmpty() && after.isEmpty())
            continue;
        if (before.isEmpty())
            out.append({ItemChange::Added, Item(), historyItemOf(e, after), QString(), true});
        else if (after.isEmpty()) {
            ItemChange removed{ItemChange::Removed, historyItemOf(e, before), Item(), QString(), false};
            // As diffReleases says it: a name that never travels on the wire.
            if (e.kind == ItemKind::RpcType || e.kind == ItemKind::RpcConstant) {
                removed.what = QStringLiteral("names of types and constants do not travel on the wire");
                removed.compatible = true;
            }
            out.append(removed);
        }
        else if (before != after)
            out.append({ItemChange::Renamed, historyItemOf(e, before), historyItemOf(e, after),
                        before + QStringLiteral(" -> ") + after, e.kind == ItemKind::RpcProcedure});
    }
    return out;
}

} // namespace vse
