#include "itemparts.h"

#include "store.h"

#include <QHash>

#include <algorithm>

namespace vse {

ItemList partsOf(const Store &store, const Item &item)
{
    if (item.kind != ItemKind::VirshCommand)
        return {};
    // Rows come oldest release first: the last one of a name is its newest.
    QHash<QString, qsizetype> at;
    ItemList out;
    for (Item &row : store.itemsByParent(kindId(ItemKind::VirshOption), item.name)) {
        const auto found = at.constFind(row.name);
        if (found == at.cend()) {
            at.insert(row.name, out.size());
            out.append(std::move(row));
        } else {
            out[*found] = std::move(row);
        }
    }
    // The table's order: where each option is defined.
    std::stable_sort(out.begin(), out.end(), [](const Item &a, const Item &b) {
        return std::tie(a.file, a.line) < std::tie(b.file, b.line);
    });
    return out;
}

} // namespace vse
