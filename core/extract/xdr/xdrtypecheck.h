#pragma once

#include "xdrast.h"

#include <QList>
#include <QStringList>

namespace vse {

// The protocol files a .x file builds on, from its '%#include "foo_protocol.h"'
// lines (rpcgen passes them to the C compiler; libvirt's qemu and lxc programs
// use the remote program's types this way). Returns base names: "remote_protocol".
QStringList xdrIncludedProtocols(const XdrFile &file);

// Reports, as errors at the use's line and column, every type name that
// neither `file` nor one of `included` defines.
Diagnostics checkXdrTypes(const XdrFile &file, const QList<const XdrFile *> &included);

} // namespace vse
