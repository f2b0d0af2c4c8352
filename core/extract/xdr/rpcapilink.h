#pragma once

#include "model/item.h"

#include <QString>
#include <QStringList>

namespace vse {

// libvirt's naming rule from a procedure to the public API it carries, in
// libvirt's spelling, best guess first: REMOTE_PROC_DOMAIN_CREATE_XML ->
// virDomainCreateXML; QEMU_PROC_DOMAIN_MONITOR_COMMAND ->
// virDomainQemuMonitorCommand (the hypervisor programs put Qemu/Lxc after the
// object); ADMIN_PROC_CONNECT_OPEN -> virAdmConnectOpen. Old remote names
// without the CONNECT word (REMOTE_PROC_OPEN, before 1.2.0) also yield
// virConnect...  Empty for programs that carry no public API.
QStringList apiNameCandidates(const QString &programId, const QString &procedureName);

// CamelCase of upper-case words, with libvirt's all-capitals words kept
// (XML, UUID, CPU, ...): {"GET", "XML", "DESC"} -> "GetXMLDesc".
QString apiCamelCase(const QStringList &words);

// Sets attrs["api"] on procedures whose API exists in apiItems (matched
// case-insensitively against the real names), attrs["procedures"] (array of
// {program, number, name, acl}) on those API items, and gives each linked
// procedure Evidence{Kind::ApiVersion} = the API's since. A procedure that
// links is an "api" procedure whatever its name suggested.
void linkProceduresToApis(ItemList &rpcItems, ItemList &apiItems);

} // namespace vse
