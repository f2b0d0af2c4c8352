#pragma once

#include "model/version.h"

#include <QJsonObject>

namespace vse::gui {

// When an item stopped being usable, as far as the index knows. Two facts
// say so: ReleaseMerger's "removedIn" (a newer indexed release lacks the
// item), and the driver matrix, when every hypervisor driver that implemented
// an API dropped it although libvirt still exports the symbol (the qemu
// driver's virDomainQemuAttach, gone in 5.5.0). The remote driver only
// forwards calls, so its column does not keep an API alive.
struct Removal
{
    Version version;        // invalid: not removed
    bool byDrivers = false; // from the driver matrix, not from a missing item

    bool isRemoved() const { return version.isValid(); }
    static Removal of(const QJsonObject &attrs);
};

} // namespace vse::gui
