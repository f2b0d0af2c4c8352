#pragma once

#include "model/extractresult.h"
#include "rpcprogram.h"
#include "xdrast.h"

#include <QHash>

namespace vse {

// Turns one parsed .x file into index items: the program, its procedures
// (identity = program + number, since libvirt renamed procedures but never
// renumbered them), its types and constants. Checks what only makes sense per
// program, such as a procedure number used twice.
class RpcItemBuilder
{
public:
    RpcItemBuilder(const XdrFile &file, const RpcProgramInfo &program, const QString &displayPath);

    ExtractResult build();

private:
    const XdrFile &m_file;
    RpcProgramInfo m_program;
    QString m_path;
    QHash<QString, int> m_byNormalizedName; // struct/union/typedef -> definition index
    ExtractResult m_result;

    Item makeItem(ItemKind kind, const QString &name, int line) const;
    void addProgram(int procedureCount, qint64 highest);
    void addProcedures(int *count, qint64 *highest);
    void addType(const XdrDefinition &def);
    void addConstant(const XdrDefinition &def);
    const XdrDefinition *messageType(const QString &words, const char *suffix) const;
};

// Fields of a struct as [{name, type}] (with "insert" when the field carries
// libvirt's insert@N hint), the form procedures and types store in attrs.
QJsonArray xdrFieldsJson(const XdrDefinition &def);

// What a procedure is for, before any API list is consulted: "event" for
// event messages and callback registrations, "internal" for authentication,
// migration steps, feature probes and the private daemons' programs, else "api".
QString rpcApiKind(const QString &programId, const QString &procedureName);

} // namespace vse
