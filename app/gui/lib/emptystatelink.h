#pragma once

#include <QString>

namespace vse::gui::emptystate {

// A link in the empty view's hints ("In libvirt-python, virDomain.messages
// calls virDomainGetMessages", "libvirt's error code 42 is
// VIR_ERR_NO_DOMAIN"): following it searches for the item and selects it.
QString link(const QString &name);
// The item a hint's link names; empty for any other link.
QString linkedName(const QString &href);
// A link to a taint reason ("custom-argv is a reason ..."): following it
// shows the reason's sidebar entry, its items and what sets it.
QString taintLink(const QString &reasonId);
// The reason a taintLink() names; empty for any other link.
QString linkedTaint(const QString &href);

} // namespace vse::gui::emptystate
