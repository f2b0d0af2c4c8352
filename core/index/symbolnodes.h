#pragma once

#include "model/item.h"
#include "model/version.h"

#include <QString>

#include <optional>

namespace vse {

class Store;

// libvirt's libraries version every exported symbol: the public API in one
// node per release that added functions (LIBVIRT_7.1.0 in libvirt.so.0,
// LIBVIRT_QEMU_8.2.0 in libvirt-qemu.so.0, LIBVIRT_ADMIN_2.0.0 in
// libvirt-admin.so.0), and libvirt's own internals in LIBVIRT_PRIVATE_X.Y.Z,
// a node of exactly one release that only libvirt's own programs use. The
// names reach tickets in the dynamic loader's and the linker's errors:
// "version `LIBVIRT_7.1.0' not found (required by ./app)", "undefined
// reference to `virDomainGetMessages@LIBVIRT_7.1.0'".
struct SymbolNode
{
    QString node;    // LIBVIRT_7.1.0
    QString library; // libvirt.so.0
    Version release; // 7.1.0
    bool isPrivate = false;
};

// The first node named in `typed`, if any.
std::optional<SymbolNode> symbolNodeIn(const QString &typed);

// "virDomainGetMessages@LIBVIRT_7.1.0" (also "@@", as nm prints the default
// version) or the linker's "undefined reference to `virDomainGetMessages'":
// the function; empty when `typed` holds no such symbol.
QString versionedSymbolFunction(const QString &typed);

// The functions of a public node: those whose symbol-version evidence names
// it, newest rows, sorted by name.
ItemList functionsOfNode(const Store &store, const SymbolNode &node);

// What the node says, for show and the explorer: "LIBVIRT_7.1.0 is
// libvirt.so.0's symbol version node of libvirt 7.1.0: a program that needs
// it runs on libvirt 7.1.0 or newer", or the private node's meaning.
QString symbolNodeMeaning(const SymbolNode &node);

} // namespace vse
