#pragma once

#include "triage/triagereport.h"

namespace vse {

class Store;

// The support report of a running host, read through libvirt's own client
// library over a read-only connection (nothing on the host changes): the
// daemon's libvirt release, the local library's, the driver and hypervisor
// version, the host's architecture, and every guest (active and inactive)
// with its XML checked against the facts for the daemon's release, its
// taint and deprecation messages where the daemon has virDomainGetMessages
// (7.1.0 and later), and its state. `uri` empty: libvirt's default.
// Returns false with *error set when the connection cannot be made.
bool readLiveHost(const QString &uri, const Store &store, HostReport *report, QString *error);

} // namespace vse
