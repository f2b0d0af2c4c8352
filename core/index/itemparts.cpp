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

QList<QPair<QString, SinceRange>> sameNameElsewhere(const Store &store, const Item &item)
{
    if (kindFamily(item.kind) != QLatin1String("xml") || !item.attrs.contains(QStringLiteral("removedIn")))
        return {};
    // The element segments of the path; the last one carries the attribute
    // and value, if any (domain/timer/catchup@limit: domain, timer, catchup@limit).
    const QStringList segments = item.name.split(QLatin1Char('/'));
    // From the longest tail that leaves the root out, down to the last segment.
    for (qsizetype from = 1; from < segments.size(); ++from) {
        const QString tail = segments.mid(from).join(QLatin1Char('/'));
        QList<QPair<QString, SinceRange>> out;
        // Rows come oldest release first: the last row of a name is its newest.
        QHash<QString, Item> newest;
        QStringList order;
        for (Item &row : store.itemsEndingWith(kindId(item.kind), tail)) {
            if (row.name == item.name)
                continue;
            if (!newest.contains(row.name))
                order << row.name;
            newest.insert(row.name, std::move(row));
        }
        for (const QString &name : std::as_const(order)) {
            const Item &row = newest.value(name);
            if (row.attrs.contains(QStringLiteral("removedIn")))
                continue;
            out.append(qMakePair(name, row.sinceRange()));
            if (out.size() == 5)
                break;
        }
        if (!out.isEmpty())
            return out;
    }
    return {};
}

} // namespace vse
