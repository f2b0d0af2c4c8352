#pragma once

#include "model/diagnostic.h"

#include <QList>
#include <QString>
#include <memory>

namespace vse {

struct XdrDefinition;

// A comment as written, kept because libvirt puts facts in them: dispatch
// annotations above procedures, "insert@N" on fields, skipgen/autogen words.
struct XdrComment
{
    QString text; // including the /* */ markers
    int line = 0;
    int column = 0;
    int endLine = 0;
};

// A type as used in a declaration: a built-in ("unsigned hyper", "string"),
// a name defined elsewhere ("remote_nonnull_string", "struct foo"), or an
// anonymous inline struct/union/enum body (RFC 4506 allows it; libvirt does not
// use it, but hostile input may, so nesting is bounded by the parser).
struct XdrTypeSpec
{
    QString name; // "unsigned int", "remote_uuid", "struct foo"; empty for inline bodies
    QString
        referenced; // the defined name it refers to ("foo" for "struct foo"), empty for built-ins
    bool builtin = false;
    std::shared_ptr<const XdrDefinition> inlineBody;
    int line = 0;
    int column = 0;

    QString toXdr(int indent = 0) const;
};

// "type name", "type name[N]", "type name<N>", "type *name" or "void".
struct XdrDeclaration
{
    enum class Array
    {
        None,
        Fixed,
        Variable
    };

    XdrTypeSpec type;
    QString name;
    Array array = Array::None;
    QString size; // "16", "VIR_UUID_BUFLEN"; empty for "<>" (unbounded)
    bool optional = false;
    bool isVoid = false;
    int line = 0;
    int column = 0;
    QString doc;      // comment on the lines before the declaration
    QString trailing; // comment after the ';' on the same line

    // The type part as people read it: "opaque<REMOTE_MIGRATE_COOKIE_MAX>", "remote_uuid[16]",
    // "remote_nonnull_domain *".
    QString typeText() const;
    QString toXdr(int indent = 0) const; // "opaque cookie<REMOTE_MIGRATE_COOKIE_MAX>;"
};

struct XdrEnumValue
{
    QString name;
    QString value;     // as written ("1", "0x10", "REMOTE_FOO"); empty when implicit
    qint64 number = 0; // resolved value (implicit values count up like C)
    bool resolved = false;
    int line = 0;
    int column = 0;
    QString doc;      // comment block before the value (libvirt's @annotations)
    QString trailing; // comment after the value on the same line (older annotations)
};

struct XdrUnionArm
{
    QStringList labels; // case values; empty for "default"
    bool isDefault = false;
    XdrDeclaration declaration;
    int line = 0;
};

struct XdrDefinition
{
    enum class Kind
    {
        Const,
        Typedef,
        Struct,
        Union,
        Enum
    };

    Kind kind = Kind::Const;
    QString name; // empty for inline bodies
    int line = 0;
    int column = 0;
    int endLine = 0;
    QString doc;         // comment before the definition
    QString headComment; // comment after the opening '{' on the same line ("insert@1")

    QString constValue;           // Const
    QList<XdrDeclaration> fields; // Struct fields; Typedef: exactly one
    QList<XdrEnumValue> values;   // Enum
    XdrDeclaration discriminant;  // Union
    QList<XdrUnionArm> arms;      // Union, in order, default included

    static QString kindName(Kind kind); // "const", "typedef", "struct", "union", "enum"
    // The definition as XDR text, normalised (comments on values and fields kept).
    QString toXdr() const;
    QString bodyToXdr(int indent) const; // "{ ... }" part of struct/union/enum
};

struct XdrPassThrough
{
    QString text; // the line without the leading '%'
    int line = 0;
};

// One parsed .x file: definitions in source order, '%' pass-through lines and
// the problems found. Produced by parseXdr(); never throws.
struct XdrFile
{
    QString fileName;
    QList<XdrDefinition> definitions;
    QList<XdrPassThrough> passThrough;
    Diagnostics diagnostics;

    const XdrDefinition *find(const QString &name) const;
    bool hasErrors() const { return vse::hasErrors(diagnostics); }
};

} // namespace vse
