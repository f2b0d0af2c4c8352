#pragma once

#include <clang-c/Index.h>

#include <QJsonArray>
#include <QString>

namespace vse::cdecl {

// Prototypes rebuilt from libclang's types, in libvirt's own layout
// ("char *virConnectGetURI(virConnectPtr conn)"), so the signature shown to a
// user does not depend on how the header happens to be indented.

// "type name", placing the name inside function-pointer and array declarators.
QString declare(const QString &type, const QString &name);
// Full prototype of a function declaration.
QString functionSignature(CXCursor function);
// True when a typedef names a function or a pointer to one (a callback).
bool isCallbackType(CXType underlying);
// "typedef int (*name)(args)" of a callback typedef, parameter names included.
QString callbackSignature(CXCursor typedefCursor);
// Fields of a struct or union definition: [{name, type}], nested anonymous
// records as {name, type: "union", fields: [...]}.
QJsonArray fields(CXCursor record);
// libclang spells anonymous records "union (unnamed at file:line)",
// "(anonymous union at ...)" or, from 16 on, by the typedef that names them,
// depending on the version; the tokens say it for all of them.
bool isAnonymousRecord(CXCursor record);

} // namespace vse::cdecl
