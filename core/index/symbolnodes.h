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

// For a public node no indexed function names: the nodes of its library
// that the indexed functions' evidence names nearest below and above it
// (empty where there is none). A node between two known ones exists in no
// release (a release that adds no function adds no node); one above the
// newest known may be a newer libvirt's.
struct NodeNeighbours
{
    QString before; // LIBVIRT_9.0.0
    QString after;  // LIBVIRT_9.7.0
};
NodeNeighbours knownNeighbours(const Store &store, const SymbolNode &node);

// What a node without indexed functions means, from its neighbours: "No
// libvirt release has it ..." or "It is newer than ...". One sentence, no full stop.
QString missingNodeMeaning(const SymbolNode &node, const NodeNeighbours &n);

// What the node says, for show and the explorer: "LIBVIRT_7.1.0 is
// libvirt.so.0's symbol version node of libvirt 7.1.0: a program that needs
// it runs on libvirt 7.1.0 or newer", or the private node's meaning.
QString symbolNodeMeaning(const SymbolNode &node);

} // namespace vse
