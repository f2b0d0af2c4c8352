#pragma once

#include "evidence.h"
#include "sincerange.h"

#include <QJsonObject>
#include <QString>
#include <QStringList>

namespace vse {

// What sort of interface an item is. The id strings are what the CLI's
// --kind option, the index and JSON output use.
enum class ItemKind {
    Function,
    Enum,
    EnumValue,
    Struct,
    Union,
    Typedef,
    Callback, // typedef of a function pointer
    Macro,
    Variable,
    XmlElement,
    XmlAttribute,
    XmlValue,
    RpcProcedure,
    RpcType,
    RpcConstant,
    RpcProgram,
    VirshCommand,
    VirshOption,
    ConfigOption, // one setting of a daemon configuration file
};

QString kindId(ItemKind kind);                              // "function", "enum-value", "rpc-procedure"...
bool kindFromId(const QString &id, ItemKind *kind);        // false when unknown
QString kindLabel(ItemKind kind);                          // translated, for people
QStringList allKindIds();
// The coarse family used by search scopes and the GUI sidebar: "api", "xml", "rpc",
// "virsh", "config".
QString kindFamily(ItemKind kind);

// One indexed interface of one release: a function, an enum value, an XML
// attribute, an RPC procedure... Extractors fill what they know; the policy
// (tier, hypervisor) is assigned from `origin` by the TierTable, and "since"
// is derived from the evidence.
struct Item
{
    ItemKind kind = ItemKind::Function;
    QString name;   // what people type: virConnectOpen, domain/devices/disk@cache, REMOTE_PROC_OPEN
    QString key;    // identity across releases; empty means "same as name"
    QString parent; // enclosing item: the enum of a value, the element of an attribute
    // Where the item comes from, in the tier table's terms: "header:libvirt",
    // "header:libvirt-qemu", "schema:core", "schema:ns:qemu", "protocol:remote"...
    QString origin;
    QString tier;       // tier id, e.g. "stable"; filled by TierTable::classify()
    QString hypervisor; // "qemu", "lxc"... empty when hypervisor-agnostic
    QString signature;  // prototype, XML fragment or XDR definition
    QString doc;        // one-paragraph summary
    QString file;       // where it is defined
    int line = 0;
    QStringList taints;   // taint reason ids, e.g. "custom-monitor"
    QStringList warnings; // e.g. "_LAST values grow between releases"
    EvidenceList evidence;
    QJsonObject attrs; // kind-specific facts: enum value, fields, acl, aliases...

    QString identity() const { return key.isEmpty() ? name : key; }
    // The introduction range the evidence supports.
    SinceRange sinceRange() const { return SinceRange::fromEvidence(evidence); }
    // The release that introduced the item when the evidence says exactly;
    // invalid while only a range is known.
    Version since() const { return sinceRange().exactVersion(); }
    // The evidence behind the range's upper end (the since itself when exact).
    const Evidence *sinceEvidence() const;
    bool inconsistent() const { return evidenceDisagrees(evidence); }

    // The history's row of an item added after every indexed release with
    // its kind of data carries that newest release in this attr (set by
    // HistoryApplier; read by show, search, the XML checks and scan).
    static QString newerThanIndexedKey() { return QStringLiteral("newerThanIndexed"); }
    // That release ("9.0.0"), empty for an item of an indexed release.
    QString newerThanIndexed() const { return attrs.value(newerThanIndexedKey()).toString(); }
    // A row HistoryApplier adds to an indexed release for an XML path its
    // schema reaches through a define another path owns (network/route,
    // defined as domain/devices/hostdev/route) carries that canonical path
    // here. Derived data: dropped before every merge and made again.
    static QString aliasPathOfKey() { return QStringLiteral("aliasPathOf"); }
};

using ItemList = QList<Item>;

} // namespace vse
