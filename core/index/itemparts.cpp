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
    // Positional arguments first, in the order the command takes them (their
    // place in the table), then the options by name: the rows of the
    // history keep the file and line of the release that first had each
    // option, so the table's order is not known for the others.
    const auto positional = [](const Item &it) {
        return it.attrs.value(QStringLiteral("positional")).toBool();
    };
    std::stable_sort(out.begin(), out.end(), [&](const Item &a, const Item &b) {
        if (positional(a) != positional(b))
            return positional(a);
        if (positional(a))
            return std::tie(a.file, a.line) < std::tie(b.file, b.line);
        return a.name < b.name;
    });
    return out;
}

} // namespace vse
