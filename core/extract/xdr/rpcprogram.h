#pragma once

#include "xdrast.h"

#include <QString>

namespace vse {

// Which libvirt program a .x file defines, and where its parts are. Programs
// are recognised by their number first (what travels on the wire), then by
// the *_PROGRAM constant's file: 0.10.0 and 1.0.0 ship the LXC monitor
// protocol as src/lxc/lxc_protocol.x, a name later used by the LXC API
// program, and only the number 0x12341234 tells them apart.
struct RpcProgramInfo
{
    QString
        id; // "remote", "qemu", "lxc", "admin", "lock", "log", "lxc-monitor", "keepalive", "virnet"
    QString origin;     // "protocol:remote"...; the policy turns it into a tier
    QString label;      // "virtlockd", for people
    QString constant;   // "REMOTE_PROGRAM"; empty for the packet header
    QString numberText; // "0x20008086" as written
    qint64 number = -1;
    QString version;        // value of the *_PROTOCOL_VERSION / *_PROGRAM_VERSION constant
    int procedureEnum = -1; // index into XdrFile::definitions, -1 when the file has none
    QString
        typePrefix; // lower-case, no '_': "remote", "virlockspaceprotocol"; finds _args/_ret types
    bool known = false; // false: the file is not one of libvirt's known protocols

    bool isValid() const { return !id.isEmpty(); }
};

RpcProgramInfo identifyRpcProgram(const XdrFile &file);

// Normalised form of a type name for matching procedure names to their
// argument structs: "remote_domain_create_xml_args" and
// "virLockSpaceProtocolRegisterArgs" styles both reduce to lower case without '_'.
QString normalizedTypeName(const QString &name);

} // namespace vse
