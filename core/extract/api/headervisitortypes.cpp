#include "headervisitor.h"

#include "cdeclformat.h"
#include "clangsupport.h"
#include "doccomment.h"

// Enums, structs, unions and typedefs: the part of the header walk that has
// to connect an anonymous definition with the typedef that names it.

namespace vse {

using clangsupport::take;

namespace {

bool isUnsignedKind(CXTypeKind kind)
{
    switch (kind) {
    case CXType_Bool:
    case CXType_Char_U:
    case CXType_UChar:
    case CXType_UShort:
    case CXType_UInt:
    case CXType_ULong:
    case CXType_ULongLong:
        return true;
    default:
        return false;
    }
}

} // namespace

void HeaderVisitor::addEnum(CXCursor c, const Place &at)
{
    if (!clang_isCursorDefinition(c))
        return;
    Record record{c, at, -1, 0, 0, cdecl::isAnonymousRecord(c)};
    const QString name = record.anonymous ? QString() : take(clang_getCursorSpelling(c));
    if (!record.anonymous) {
        Item item = makeItem(ItemKind::Enum, name, at);
        if (remember(item)) {
            item.signature = QStringLiteral("enum ") + name;
            applyDoc(item, at);
            record.item = m_items.size();
            m_items.append(std::move(item));
        }
    }
    const bool isUnsigned =
        isUnsignedKind(clang_getCanonicalType(clang_getEnumDeclIntegerType(c)).kind);
    record.firstValue = m_items.size();
    struct Ctx
    {
        HeaderVisitor *self;
        QString parent;
        bool isUnsigned;
    } ctx{this, name, isUnsigned};
    clang_visitChildren(
        c,
        [](CXCursor v, CXCursor, CXClientData d) {
            if (clang_getCursorKind(v) != CXCursor_EnumConstantDecl)
                return CXChildVisit_Continue;
            auto *ctx = static_cast<Ctx *>(d);
            HeaderVisitor *self = ctx->self;
            const Place at = self->place(clang_getRangeStart(clang_getCursorExtent(v)));
            Item value = self->makeItem(ItemKind::EnumValue, take(clang_getCursorSpelling(v)), at);
            if (!self->remember(value))
                return CXChildVisit_Continue;
            value.parent = ctx->parent;
            const qint64 number = ctx->isUnsigned
                                      ? qint64(clang_getEnumConstantDeclUnsignedValue(v))
                                      : qint64(clang_getEnumConstantDeclValue(v));
            value.attrs.insert(QStringLiteral("value"), number);
            value.signature = value.name + QStringLiteral(" = ") + QString::number(number);
            DocComment doc = doccomment::trailing(at.file->text, self->endOffset(v));
            if (!doc.found)
                doc = doccomment::above(at.file->text, at.offset);
            value.doc = doc.summary;
            if (doc.since.isValid())
                value.evidence.append({Evidence::Kind::SinceTag, doc.since,
                                       value.file + QLatin1Char(':') + QString::number(value.line),
                                       false});
            self->m_items.append(std::move(value));
            return CXChildVisit_Continue;
        },
        &ctx);
    record.endValue = m_items.size();
    m_records.append(record);
}

void HeaderVisitor::addRecord(CXCursor c, const Place &at, ItemKind kind)
{
    // Opaque handles (virDomain, virConnect) are only forward-declared; their
    // typedef is the interface.
    if (!clang_isCursorDefinition(c))
        return;
    Record record{c, at, -1, 0, 0, cdecl::isAnonymousRecord(c)};
    Item item = makeItem(kind, record.anonymous ? QString() : take(clang_getCursorSpelling(c)), at);
    if (!record.anonymous && !remember(item))
        return;
    const QString keyword =
        kind == ItemKind::Union ? QStringLiteral("union ") : QStringLiteral("struct ");
    item.signature = keyword + item.name;
    item.attrs.insert(QStringLiteral("fields"), cdecl::fields(c));
    if (!record.anonymous)
        applyDoc(item, at);
    record.item = m_items.size();
    m_items.append(std::move(item));
    m_records.append(record);
}

void HeaderVisitor::addTypedef(CXCursor c, const Place &at)
{
    const QString name = take(clang_getCursorSpelling(c));
    const CXType underlying = clang_getTypedefDeclUnderlyingType(c);
    const CXCursor decl = clang_getTypeDeclaration(underlying);
    for (qsizetype i = m_records.size() - 1; i >= 0; --i) {
        Record &r = m_records[i];
        if (!clang_equalCursors(r.cursor, decl))
            continue;
        // libvirt's enums are named by their typedef: values point at it.
        for (qsizetype v = r.firstValue; v < r.endValue; ++v)
            m_items[v].parent = name;
        if (!r.anonymous)
            break;
        // "typedef enum { ... } name;" is one interface, not two: the
        // definition takes the typedef's name and no Typedef item is made.
        if (r.item < 0) {
            r.item = m_items.size();
            m_items.append(makeItem(ItemKind::Enum, QString(), r.at));
        }
        Item &item = m_items[r.item];
        item.name = name;
        if (!remember(item)) {
            item.name.clear(); // dropped by finish()
            return;
        }
        const QString keyword = item.kind == ItemKind::Enum    ? QStringLiteral("enum")
                                : item.kind == ItemKind::Union ? QStringLiteral("union")
                                                               : QStringLiteral("struct");
        item.signature = QStringLiteral("typedef ") + keyword + QStringLiteral(" { ... } ") + name;
        applyDoc(item, r.at);
        return;
    }
    const bool callback = cdecl::isCallbackType(underlying);
    Item item = makeItem(callback ? ItemKind::Callback : ItemKind::Typedef, name, at);
    if (!remember(item))
        return;
    const QString type = take(clang_getTypeSpelling(underlying));
    if (callback) {
        item.signature = cdecl::callbackSignature(c);
    } else {
        item.signature = QStringLiteral("typedef ") + cdecl::declare(type, name);
        item.attrs.insert(QStringLiteral("type"), type);
    }
    applyDoc(item, at);
    m_items.append(std::move(item));
}

void HeaderVisitor::finish()
{
    // "struct _virFoo" -> its typedef; virFoo is preferred over aliases such
    // as virMemoryParameter for struct _virTypedParameter.
    QHash<QString, qsizetype> typedefOf;
    for (qsizetype i = 0; i < m_items.size(); ++i) {
        const Item &t = m_items[i];
        if (t.kind != ItemKind::Typedef)
            continue;
        const QString type = t.attrs.value(QStringLiteral("type")).toString();
        if (!typedefOf.contains(type) || type.endsWith(QStringLiteral(" _") + t.name))
            typedefOf.insert(type, i);
    }
    for (Item &item : m_items) {
        // DESIGN section 1: error numbers are a tier of their own.
        if (item.kind == ItemKind::EnumValue && item.parent == QLatin1String("virErrorNumber"))
            item.origin = QStringLiteral("error-code");
        // libvirt documents "struct _virFoo { ... }" on the typedef above it.
        if ((item.kind == ItemKind::Struct || item.kind == ItemKind::Union) && item.doc.isEmpty() &&
            item.evidence.isEmpty()) {
            const auto it = typedefOf.constFind(item.signature);
            if (it != typedefOf.constEnd()) {
                item.doc = m_items[*it].doc;
                item.evidence = m_items[*it].evidence;
                item.attrs.insert(QStringLiteral("typedef"), m_items[*it].name);
            }
        }
    }
    ItemList kept;
    kept.reserve(m_items.size());
    for (Item &item : m_items)
        if (!item.name.isEmpty()) // else an anonymous definition no typedef named
            kept.append(std::move(item));
    m_items = std::move(kept);
}

} // namespace vse
