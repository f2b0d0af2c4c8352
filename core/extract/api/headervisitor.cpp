#include "headervisitor.h"

#include "cdeclformat.h"
#include "clangsupport.h"
#include "doccomment.h"

#include <QDir>
#include <QFileInfo>

namespace vse {

using clangsupport::take;

namespace {

QString originForHeader(const QString &fileName)
{
    // DESIGN section 1: each public header belongs to one library, and the
    // library decides the tier.
    if (fileName == QLatin1String("libvirt-qemu.h"))
        return QStringLiteral("header:libvirt-qemu");
    if (fileName == QLatin1String("libvirt-lxc.h"))
        return QStringLiteral("header:libvirt-lxc");
    if (fileName == QLatin1String("libvirt-admin.h"))
        return QStringLiteral("header:libvirt-admin");
    return QStringLiteral("header:libvirt");
}

// Cites the header line, so a support engineer can open it.
Evidence sinceEvidence(const Version &since, const Item &item)
{
    return {Evidence::Kind::SinceTag, since,
            item.file + QLatin1Char(':') + QString::number(item.line), false};
}

bool isIncludeGuard(const QString &name, const QString &body)
{
    if (!body.isEmpty())
        return false;
    return name.endsWith(QLatin1String("_H")) || name.endsWith(QLatin1String("_H_")) ||
           name.endsWith(QLatin1String("_H__"));
}

} // namespace

HeaderVisitor::HeaderVisitor(CXTranslationUnit tu, const QString &includeDir)
    : m_tu(tu), m_libvirtDir(QDir::cleanPath(includeDir) + QStringLiteral("/libvirt/")),
      m_includeDir(QDir::cleanPath(includeDir))
{
}

void HeaderVisitor::run()
{
    m_items.reserve(4096);
    m_seen.reserve(4096);
    clang_visitChildren(clang_getTranslationUnitCursor(m_tu), &HeaderVisitor::visitTop, this);
    finish();
}

CXChildVisitResult HeaderVisitor::visitTop(CXCursor c, CXCursor, CXClientData data)
{
    static_cast<HeaderVisitor *>(data)->visit(c);
    return CXChildVisit_Continue;
}

const HeaderVisitor::FileInfo &HeaderVisitor::fileInfo(CXFile file)
{
    auto it = m_files.find(file);
    if (it != m_files.end())
        return *it;
    FileInfo info;
    if (file) {
        const QString path = QDir::cleanPath(take(clang_getFileName(file)));
        if (path.startsWith(m_libvirtDir)) {
            info.libvirt = true;
            info.path = path.mid(m_includeDir.size() + 1);
            info.origin = originForHeader(path.mid(m_libvirtDir.size()));
            size_t size = 0;
            const char *text = clang_getFileContents(m_tu, file, &size);
            if (text)
                info.text = QByteArrayView(text, qsizetype(size));
        }
    }
    return *m_files.insert(file, info);
}

HeaderVisitor::Place HeaderVisitor::place(CXSourceLocation loc)
{
    CXFile file = nullptr;
    Place p;
    // The expansion location: a declaration that starts with a macro
    // (VIR_EXPORT_VAR) belongs where the macro is used, not in the header
    // defining it. libclang <= 15 returned that for "spelling" too; newer
    // ones return the macro's own place.
    clang_getExpansionLocation(loc, &file, &p.line, nullptr, &p.offset);
    p.file = &fileInfo(file);
    return p;
}

unsigned HeaderVisitor::endOffset(CXCursor c)
{
    unsigned offset = 0;
    clang_getExpansionLocation(clang_getRangeEnd(clang_getCursorExtent(c)), nullptr, nullptr,
                               nullptr, &offset);
    return offset;
}

void HeaderVisitor::visit(CXCursor c)
{
    const CXCursorKind kind = clang_getCursorKind(c);
    switch (kind) {
    case CXCursor_FunctionDecl:
    case CXCursor_EnumDecl:
    case CXCursor_StructDecl:
    case CXCursor_UnionDecl:
    case CXCursor_TypedefDecl:
    case CXCursor_MacroDefinition:
    case CXCursor_VarDecl:
        break;
    default:
        return;
    }
    const Place at = place(clang_getRangeStart(clang_getCursorExtent(c)));
    if (!at.file->libvirt)
        return;
    switch (kind) {
    case CXCursor_FunctionDecl:
        addFunction(c, at);
        break;
    case CXCursor_EnumDecl:
        addEnum(c, at);
        break;
    case CXCursor_StructDecl:
        addRecord(c, at, ItemKind::Struct);
        break;
    case CXCursor_UnionDecl:
        addRecord(c, at, ItemKind::Union);
        break;
    case CXCursor_TypedefDecl:
        addTypedef(c, at);
        break;
    case CXCursor_MacroDefinition:
        addMacro(c, at);
        break;
    case CXCursor_VarDecl:
        addVariable(c, at);
        break;
    default:
        break;
    }
}

Item HeaderVisitor::makeItem(ItemKind kind, const QString &name, const Place &at) const
{
    Item item;
    item.kind = kind;
    item.name = name;
    item.origin = at.file->origin;
    item.file = at.file->path;
    item.line = int(at.line);
    return item;
}

bool HeaderVisitor::remember(const Item &item)
{
    // One bit per kind for each name: no key strings to build per declaration.
    quint32 &kinds = m_seen[item.name];
    const quint32 bit = 1u << int(item.kind);
    if (kinds & bit)
        return false;
    kinds |= bit;
    return true;
}

void HeaderVisitor::applyDoc(Item &item, const Place &at) const
{
    const DocComment doc = doccomment::leading(at.file->text, at.offset);
    // A block titled with another name documents something else (the
    // previous declaration had no blank line, or the block is a section note).
    if (!doc.found || (!doc.title.isEmpty() && doc.title != item.name))
        return;
    if (!doc.docBlock && doc.title.isEmpty() && !doc.since.isValid())
        return;
    if (item.doc.isEmpty())
        item.doc = doc.summary;
    if (doc.since.isValid())
        item.evidence.append(sinceEvidence(doc.since, item));
}

void HeaderVisitor::addFunction(CXCursor c, const Place &at)
{
    Item item = makeItem(ItemKind::Function, take(clang_getCursorSpelling(c)), at);
    if (!remember(item))
        return;
    item.signature = cdecl::functionSignature(c);
    if (clang_getCursorAvailability(c) == CXAvailability_Deprecated)
        item.attrs.insert(QStringLiteral("deprecated"), true);
    applyDoc(item, at);
    m_items.append(std::move(item));
}

void HeaderVisitor::addMacro(CXCursor c, const Place &at)
{
    if (clang_Cursor_isMacroBuiltin(c))
        return;
    const QString name = take(clang_getCursorSpelling(c));
    // Reserved names (__VIR_LIBVIRT_H_INCLUDES__) are header plumbing.
    if (name.startsWith(QLatin1String("__")))
        return;
    const QByteArrayView text = at.file->text;
    const unsigned end = endOffset(c);
    if (end <= at.offset || qsizetype(end) > text.size())
        return;
    QString definition = QString::fromUtf8(text.sliced(at.offset, end - at.offset));
    definition.replace(QLatin1String("\\\r\n"), QLatin1String(" "));
    definition.replace(QLatin1String("\\\n"), QLatin1String(" "));
    QString rest = definition.mid(name.size());
    QString params;
    if (clang_Cursor_isMacroFunctionLike(c)) {
        const qsizetype close = rest.indexOf(QLatin1Char(')'));
        params = rest.left(close + 1).remove(QLatin1Char(' '));
        rest = rest.mid(close + 1);
    }
    const QString body = rest.simplified();
    if (isIncludeGuard(name, body))
        return;
    Item item = makeItem(ItemKind::Macro, name, at);
    if (!remember(item))
        return;
    item.signature = QStringLiteral("#define ") + name + params;
    if (!body.isEmpty()) {
        item.signature += QLatin1Char(' ') + body;
        item.attrs.insert(QStringLiteral("value"), body);
    }
    if (!params.isEmpty())
        item.attrs.insert(QStringLiteral("params"), params);
    if (name == QLatin1String("LIBVIR_VERSION_NUMBER"))
        m_versionNumber = body;
    applyDoc(item, at);
    m_items.append(std::move(item));
}

void HeaderVisitor::addVariable(CXCursor c, const Place &at)
{
    Item item = makeItem(ItemKind::Variable, take(clang_getCursorSpelling(c)), at);
    if (!remember(item))
        return;
    item.signature = QStringLiteral("extern ") +
                     cdecl::declare(take(clang_getTypeSpelling(clang_getCursorType(c))), item.name);
    applyDoc(item, at);
    m_items.append(std::move(item));
}

} // namespace vse
