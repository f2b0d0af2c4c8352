#include "historyitem.h"

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
    Policy::instance().apply(it);
    return it;
}

} // namespace vse
