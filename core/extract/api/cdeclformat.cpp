#include "cdeclformat.h"

#include "clangsupport.h"

#include <QJsonObject>
#include <QList>

namespace vse::cdecl {

using clangsupport::take;

namespace {

QString typeName(CXType type)
{
    return take(clang_getTypeSpelling(type));
}

QList<CXCursor> childrenOfKind(CXCursor parent, CXCursorKind kind)
{
    struct Data
    {
        CXCursorKind kind;
        QList<CXCursor> found;
    } data{kind, {}};
    clang_visitChildren(
        parent,
        [](CXCursor c, CXCursor, CXClientData d) {
            auto *data = static_cast<Data *>(d);
            if (clang_getCursorKind(c) == data->kind)
                data->found.append(c);
            return CXChildVisit_Continue;
        },
        &data);
    return data.found;
}

QString joinParameters(const QStringList &params, bool variadic, bool hasPrototype)
{
    if (params.isEmpty() && !variadic)
        return hasPrototype ? QStringLiteral("void") : QString();
    QString s = params.join(QStringLiteral(", "));
    if (variadic)
        s += params.isEmpty() ? QStringLiteral("...") : QStringLiteral(", ...");
    return s;
}

// "char *" + "name" without a space, "int" + " name" with one.
QString prefixed(const QString &type, const QString &rest)
{
    if (type.endsWith(QLatin1Char('*')))
        return type + rest;
    return type + QLatin1Char(' ') + rest;
}

} // namespace

QString declare(const QString &type, const QString &name)
{
    if (name.isEmpty())
        return type;
    const qsizetype fp = type.indexOf(QLatin1String("(*"));
    if (fp >= 0)
        return type.left(fp + 2) + name + type.mid(fp + 2);
    const qsizetype arr = type.indexOf(QLatin1Char('['));
    if (arr >= 0)
        return type.left(arr).trimmed() + QLatin1Char(' ') + name + type.mid(arr);
    return prefixed(type, name);
}

QString functionSignature(CXCursor function)
{
    const CXType type = clang_getCursorType(function);
    const QString name = take(clang_getCursorSpelling(function));
    QStringList params;
    const int n = clang_Cursor_getNumArguments(function);
    for (int i = 0; i < n; ++i) {
        const CXCursor arg = clang_Cursor_getArgument(function, unsigned(i));
        params.append(
            declare(typeName(clang_getCursorType(arg)), take(clang_getCursorSpelling(arg))));
    }
    const bool proto = type.kind == CXType_FunctionProto;
    const QString result = typeName(clang_getCursorResultType(function));
    return prefixed(result, name) + QLatin1Char('(') +
           joinParameters(params, proto && clang_isFunctionTypeVariadic(type), proto) +
           QLatin1Char(')');
}

bool isCallbackType(CXType underlying)
{
    CXType t = clang_getCanonicalType(underlying);
    if (t.kind == CXType_Pointer)
        t = clang_getCanonicalType(clang_getPointeeType(t));
    return t.kind == CXType_FunctionProto || t.kind == CXType_FunctionNoProto;
}

QString callbackSignature(CXCursor typedefCursor)
{
    const QString name = take(clang_getCursorSpelling(typedefCursor));
    CXType t = clang_getCanonicalType(clang_getTypedefDeclUnderlyingType(typedefCursor));
    const bool pointer = t.kind == CXType_Pointer;
    if (pointer)
        t = clang_getCanonicalType(clang_getPointeeType(t));
    // Argument types from the declaration keep libvirt's typedef names
    // (virConnectPtr), which the canonical type would expand.
    const QList<CXCursor> parms = childrenOfKind(typedefCursor, CXCursor_ParmDecl);
    QStringList params;
    const int n = clang_getNumArgTypes(t);
    for (int i = 0; i < n; ++i) {
        if (i < parms.size())
            params.append(declare(typeName(clang_getCursorType(parms[i])),
                                  take(clang_getCursorSpelling(parms[i]))));
        else
            params.append(typeName(clang_getArgType(t, unsigned(i))));
    }
    // The result type as declared keeps "virConnectPtr" where the canonical
    // type would say "struct _virConnect *".
    const CXType declared = clang_getTypedefDeclUnderlyingType(typedefCursor);
    CXType resultType = clang_getResultType(pointer ? clang_getPointeeType(declared) : declared);
    if (resultType.kind == CXType_Invalid)
        resultType = clang_getResultType(t);
    const bool proto = t.kind == CXType_FunctionProto;
    const QString declarator = pointer ? QStringLiteral("(*") + name + QLatin1Char(')') : name;
    return QStringLiteral("typedef ") + prefixed(typeName(resultType), declarator) +
           QLatin1Char('(') +
           joinParameters(params, proto && clang_isFunctionTypeVariadic(t), proto) +
           QLatin1Char(')');
}

namespace {

// The definition's keyword is followed by its body, not by a tag name:
// "typedef enum { ... } virDomainState;". libclang 16 and later spell such a
// definition by the typedef's name and do not call it anonymous, which made
// every such enum two items (an enum and a typedef) on Debian 13.
bool bodyFollowsKeyword(CXCursor record)
{
    CXTranslationUnit tu = clang_Cursor_getTranslationUnit(record);
    CXToken *tokens = nullptr;
    unsigned n = 0;
    clang_tokenize(tu, clang_getCursorExtent(record), &tokens, &n);
    const bool body = n >= 2 && clang_getTokenKind(tokens[1]) == CXToken_Punctuation &&
                      take(clang_getTokenSpelling(tu, tokens[1])) == QLatin1String("{");
    clang_disposeTokens(tu, tokens, n);
    return body;
}

} // namespace

bool isAnonymousRecord(CXCursor record)
{
    if (clang_Cursor_isAnonymous(record))
        return true;
    const QString spelling = take(clang_getCursorSpelling(record));
    return spelling.isEmpty() || spelling.contains(QLatin1Char('(')) || bodyFollowsKeyword(record);
}

QJsonArray fields(CXCursor record)
{
    QJsonArray result;
    for (const CXCursor &field : childrenOfKind(record, CXCursor_FieldDecl)) {
        QJsonObject f;
        f.insert(QStringLiteral("name"), take(clang_getCursorSpelling(field)));
        const CXType type = clang_getCursorType(field);
        const CXCursor decl = clang_getTypeDeclaration(type);
        const CXCursorKind declKind = clang_getCursorKind(decl);
        if ((declKind == CXCursor_StructDecl || declKind == CXCursor_UnionDecl) &&
            isAnonymousRecord(decl)) {
            f.insert(QStringLiteral("type"), declKind == CXCursor_UnionDecl
                                                 ? QStringLiteral("union")
                                                 : QStringLiteral("struct"));
            f.insert(QStringLiteral("fields"), fields(decl));
        } else {
            f.insert(QStringLiteral("type"), typeName(type));
        }
        result.append(f);
    }
    return result;
}

} // namespace vse::cdecl
