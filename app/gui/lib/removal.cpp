#include "removal.h"

#include <QJsonArray>

namespace vse::gui {

Removal Removal::of(const QJsonObject &attrs)
{
    Removal r;
    r.version = Version::parse(attrs.value(QStringLiteral("removedIn")).toString());
    if (r.isRemoved())
        return r;
    Version last;
    int implementations = 0;
    for (const QJsonValue &v : attrs.value(QStringLiteral("drivers")).toArray()) {
        const QJsonObject d = v.toObject();
        if (d.value(QStringLiteral("driver")).toString() == QLatin1String("remote"))
            continue;
        ++implementations;
        const Version removed = Version::parse(d.value(QStringLiteral("removed")).toString());
        if (!removed.isValid())
            return r; // a driver still implements it
        if (!last.isValid() || last < removed)
            last = removed;
    }
    if (implementations > 0) {
        r.version = last;
        r.byDrivers = true;
    }
    return r;
}

} // namespace vse::gui
