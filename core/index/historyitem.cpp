#include "historyitem.h"

#include "extract/drivers/driversupport.h"
#include "model/policy.h"

namespace vse {

Item historyItemOf(const HistoryEntry &e, const QString &name)
{
    Item it;
    it.kind = e.kind;
    it.name = name;
    it.key = e.key == name ? QString() : e.key;
    it.parent = e.parent;
    it.origin = e.origin;
    it.attrs = e.attrs;
    // The pack's record of the entry's own since is evidence, not a fact of
    // the item: the applier turns it into evidence where it is needed.
    it.attrs.remove(HistoryPack::kOwnSince);
    if (const QJsonArray drivers = historyDrivers(e); !drivers.isEmpty())
        it.attrs.insert(QStringLiteral("drivers"), drivers);
    it.attrs.remove(HistoryPack::kDriverSupport);
    it.attrs.remove(HistoryPack::kDriverSupportIn);
    Policy::instance().apply(it);
    return it;
}

QJsonArray historyDrivers(const HistoryEntry &e)
{
    const QString compact = e.attrs.value(HistoryPack::kDriverSupport).toString();
    if (compact.isEmpty())
        return {};
    const QString in = e.attrs.value(HistoryPack::kDriverSupportIn).toString();
    return driverSupportToJson(driverSupportFromCompact(
        compact, in.isEmpty() ? QStringLiteral("release history") : QStringLiteral("release history, %1").arg(in)));
}

} // namespace vse
