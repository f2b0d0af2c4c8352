#include "storelookup.h"

namespace vse::scan {

ApiLookup storeLookup(const Store &store)
{
    return [&store](const QString &name) -> std::optional<Item> {
        std::optional<Item> best;
        for (Item &it : store.itemsByName(name)) {
            if (kindFamily(it.kind) != QLatin1String("api"))
                continue;
            // Rows come in release order; the merger marks the newest "latest".
            const bool latest = it.attrs.value(QStringLiteral("latest")).toBool();
            if (!best || latest)
                best = std::move(it);
        }
        return best;
    };
}

} // namespace vse::scan
