#include "cusevisitor.h"

#include "extract/api/clangsupport.h"
#include "io/confinedfile.h"

#include <QFileInfo>
#include <QRegularExpression>

namespace vse::scan {

using clangsupport::take;

namespace {

// libvirt's public headers: libvirt/libvirt.h, libvirt/libvirt-*.h and
// libvirt/virterror.h, wherever they are installed or unpacked.
bool isLibvirtHeaderPath(const QString &path)
{
    static const QRegularExpression re(
        QStringLiteral("/libvirt/(libvirt(-[a-z-]+)?|virterror)\\.h$"));
    return re.match(path).hasMatch();
}

// The version guard machinery itself: reported as guards, not as uses.
bool isGuardMacro(const QString &name)
{
    return name == QLatin1String("LIBVIR_CHECK_VERSION") ||
           name == QLatin1String("LIBVIR_VERSION_NUMBER");
}

// How far after a call a VIR_ERR_NO_SUPPORT check still counts as its fallback.
constexpr int kFallbackLines = 15;

} // namespace

CUseVisitor::CUseVisitor(CXTranslationUnit tu, const QStringList &roots) : m_tu(tu), m_roots(roots)
{
}

QList<FileScan> CUseVisitor::run()
{
    clang_visitChildren(clang_getTranslationUnitCursor(m_tu), &CUseVisitor::visit, this);
    recordUndeclared();
    QList<FileScan> out;
    for (auto &fs : m_states) {
        finish(*fs);
        out.append(std::move(fs->scan));
    }
    return out;
}

CXChildVisitResult CUseVisitor::visit(CXCursor c, CXCursor parent, CXClientData data)
{
    return static_cast<CUseVisitor *>(data)->visitCursor(c, parent);
}

CUseVisitor::FileState *CUseVisitor::stateOf(CXFile file)
{
    auto it = m_files.find(file);
    if (it != m_files.end())
        return it.value();
    FileState *state = nullptr;
    const QString path = QFileInfo(take(clang_getFileName(file))).canonicalFilePath();
    bool inside = false;
    for (const QString &r : m_roots)
        if (path.startsWith(r + QLatin1Char('/')) || path == r)
            inside = true;
    if (inside && !isLibvirtHeaderPath(path)) {
        m_states.push_back(std::make_unique<FileState>());
        state = m_states.back().get();
        state->scan.file = path;
        const QString suffix = QFileInfo(path).suffix().toLower();
        state->scan.language = suffix == QLatin1String("c") || suffix == QLatin1String("h")
                                   ? QStringLiteral("c")
                                   : QStringLiteral("c++");
        QByteArray text;
        QString why;
        if (SourceRoot().read(path, &text, &why)) {
            state->pp = PreprocessorGuards::of(text, path);
            state->scan.guards = state->pp.sites;
        }
    }
    m_files.insert(file, state);
    return state;
}

bool CUseVisitor::isLibvirtHeader(CXFile file)
{
    auto it = m_libvirtHeaders.find(file);
    if (it == m_libvirtHeaders.end())
        it = m_libvirtHeaders.insert(file, isLibvirtHeaderPath(take(clang_getFileName(file))));
    return it.value();
}

CXChildVisitResult CUseVisitor::visitCursor(CXCursor c, CXCursor parent)
{
    CXFile file = nullptr;
    unsigned line = 0, column = 0;
    clang_getFileLocation(clang_getCursorLocation(c), &file, &line, &column, nullptr);
    if (!file)
        return CXChildVisit_Continue;
    FileState *fs = stateOf(file);
    if (!fs)
        return CXChildVisit_Continue; // system and libvirt headers: their bodies are not the
                                      // application
    Q_UNUSED(parent);
    const CXCursorKind kind = clang_getCursorKind(c);
    switch (kind) {
    case CXCursor_FunctionDecl:
    case CXCursor_CXXMethod:
    case CXCursor_Constructor:
    case CXCursor_Destructor:
        if (clang_isCursorDefinition(c)) {
            const CXSourceRange r = clang_getCursorExtent(c);
            unsigned from = 0, to = 0;
            clang_getFileLocation(clang_getRangeStart(r), nullptr, &from, nullptr, nullptr);
            clang_getFileLocation(clang_getRangeEnd(r), nullptr, &to, nullptr, nullptr);
            fs->functions.append({int(from), int(to)});
        }
        break;
    case CXCursor_CallExpr:
        noteVersionVariable(c, fs);
        break;
    case CXCursor_IfStmt:
        noteIf(c, fs);
        break;
    case CXCursor_DeclRefExpr:
    case CXCursor_MemberRefExpr:
    case CXCursor_TypeRef:
    case CXCursor_MemberRef:
    case CXCursor_MacroExpansion: {
        const CXCursor ref = clang_getCursorReferenced(c);
        if (clang_Cursor_isNull(ref))
            break;
        CXFile refFile = nullptr;
        clang_getFileLocation(clang_getCursorLocation(ref), &refFile, nullptr, nullptr, nullptr);
        if (refFile && isLibvirtHeader(refFile)) {
            recordUse(c, ref, fs, line, column);
        } else if (kind == CXCursor_DeclRefExpr && clang_getCursorKind(ref) == CXCursor_FunctionDecl &&
                   !clang_isCursorDefinition(ref)) {
            // A function only the application declares: in C before clang 16
            // an implicit declaration where it is first called (-w hides the
            // warning). Spelled like libvirt's, it is a newer libvirt's call.
            const QString name = take(clang_getCursorSpelling(ref));
            if (undeclaredLibvirtName().match(name).hasMatch())
                recordUndeclared(fs, name, line, column);
        }
        break;
    }
    default:
        break;
    }
    return CXChildVisit_Recurse;
}

void CUseVisitor::recordUse(CXCursor c, CXCursor ref, FileState *fs, unsigned line, unsigned column)
{
    // Inside the body of a libvirt macro (VIR_CPU_USABLE expanding to other
    // names): the macro itself is the use the application wrote.
    CXFile spelled = nullptr;
    clang_getSpellingLocation(clang_getCursorLocation(c), &spelled, nullptr, nullptr, nullptr);
    if (spelled && isLibvirtHeader(spelled))
        return;
    QString name = take(clang_getCursorSpelling(ref));
    if (isGuardMacro(name) || name.isEmpty())
        return;
    UseKind kind = UseKind::Type;
    switch (clang_getCursorKind(ref)) {
    case CXCursor_FunctionDecl:
        kind = UseKind::Function;
        break;
    case CXCursor_EnumConstantDecl:
        kind = UseKind::Constant;
        break;
    case CXCursor_MacroDefinition:
        kind = UseKind::Macro;
        break;
    case CXCursor_FieldDecl:
        kind = UseKind::Field;
        // Fields are facts of their struct: "_virDomainInfo.state".
        name = take(clang_getCursorSpelling(clang_getCursorSemanticParent(ref))) +
               QLatin1Char('.') + name;
        break;
    default:
        break;
    }
    Use u;
    u.pos = {fs->scan.file, int(line), int(column)};
    u.symbol = name;
    u.spelled = take(clang_getCursorSpelling(c));
    u.kind = kind;
    u.language = fs->scan.language;
    fs->scan.uses.append(u);
    if (name == QLatin1String("VIR_ERR_NO_SUPPORT"))
        fs->noSupportLines.append(int(line));
}

// Names the headers did not declare leave no reference in the AST (C++ and
// clang >= 16: an error; clang 14's C: an implicit declaration at the call),
// only clang's diagnostic, which names the identifier in quotes:
// "use of undeclared identifier 'X'", "call to undeclared function 'X'",
// "implicit declaration of function 'X' is invalid in C99".
void CUseVisitor::recordUndeclared()
{
    static const QRegularExpression undeclared(
        QStringLiteral("^(?:use of undeclared identifier|call to undeclared (?:library )?function|"
                       "implicit declaration of function) '(\\w+)'"));
    const unsigned count = clang_getNumDiagnostics(m_tu);
    for (unsigned i = 0; i < count; ++i) {
        CXDiagnostic d = clang_getDiagnostic(m_tu, i);
        const QString text = take(clang_getDiagnosticSpelling(d));
        CXFile file = nullptr;
        unsigned line = 0, column = 0;
        clang_getFileLocation(clang_getDiagnosticLocation(d), &file, &line, &column, nullptr);
        clang_disposeDiagnostic(d);
        const auto m = undeclared.match(text);
        FileState *fs = m.hasMatch() && file ? stateOf(file) : nullptr;
        if (fs && undeclaredLibvirtName().match(m.captured(1)).hasMatch())
            recordUndeclared(fs, m.captured(1), line, column);
    }
}

const QRegularExpression &CUseVisitor::undeclaredLibvirtName()
{
    static const QRegularExpression name(QStringLiteral("^(?:vir[A-Z]|VIR_|LIBVIR_)\\w*$"));
    return name;
}

void CUseVisitor::recordUndeclared(FileState *fs, const QString &name, unsigned line, unsigned column)
{
    Use u;
    u.pos = {fs->scan.file, int(line), int(column)};
    u.symbol = name;
    u.spelled = name;
    u.kind = name.startsWith(QLatin1String("vir"))    ? UseKind::Function
             : name.startsWith(QLatin1String("VIR_")) ? UseKind::Constant
                                                      : UseKind::Macro;
    u.language = fs->scan.language;
    u.undeclared = true;
    fs->scan.uses.append(u);
}

QStringList CUseVisitor::tokens(CXSourceRange range) const
{
    CXToken *toks = nullptr;
    unsigned n = 0;
    clang_tokenize(m_tu, range, &toks, &n);
    unsigned end = 0;
    clang_getFileLocation(clang_getRangeEnd(range), nullptr, nullptr, nullptr, &end);
    QStringList out;
    for (unsigned i = 0; i < n; ++i) {
        // Older libclang hands back one token past the range's end.
        unsigned start = 0;
        clang_getFileLocation(clang_getRangeStart(clang_getTokenExtent(m_tu, toks[i])), nullptr,
                              nullptr, nullptr, &start);
        if (start >= end)
            break;
        out << take(clang_getTokenSpelling(m_tu, toks[i]));
    }
    clang_disposeTokens(m_tu, toks, n);
    return out;
}

void CUseVisitor::noteVersionVariable(CXCursor call, FileState *fs)
{
    const QString callee = take(clang_getCursorSpelling(call));
    // virConnectGetLibVersion(conn, &v): the running daemon's library;
    // virGetVersion(&v, ...): the client library the application loaded.
    int arg = -1;
    if (callee == QLatin1String("virConnectGetLibVersion"))
        arg = 1;
    else if (callee == QLatin1String("virGetVersion"))
        arg = 0;
    if (arg < 0 || clang_Cursor_getNumArguments(call) <= arg)
        return;
    const QStringList toks =
        tokens(clang_getCursorExtent(clang_Cursor_getArgument(call, unsigned(arg))));
    // "&v" (or "&ctx->v": the last name is what later comparisons spell).
    for (auto it = toks.crbegin(); it != toks.crend(); ++it)
        if (!it->isEmpty() && (it->at(0).isLetter() || it->at(0) == QLatin1Char('_'))) {
            fs->versionVariables.insert(*it);
            return;
        }
}

void CUseVisitor::noteIf(CXCursor ifStmt, FileState *fs)
{
    QList<CXCursor> kids;
    clang_visitChildren(
        ifStmt,
        [](CXCursor c, CXCursor, CXClientData d) {
            static_cast<QList<CXCursor> *>(d)->append(c);
            return CXChildVisit_Continue;
        },
        &kids);
    if (kids.size() < 2)
        return;
    const QStringList toks = tokens(clang_getCursorExtent(kids.at(0)));
    // "if (virConnectGetLibVersion(conn, &v) == 0 && v >= N)": the variable
    // is filled in the condition itself.
    for (qsizetype i = 0; i + 1 < toks.size(); ++i)
        if ((toks.at(i) == QLatin1String("virConnectGetLibVersion") ||
             toks.at(i) == QLatin1String("virGetVersion")))
            for (qsizetype j = i + 1; j + 1 < toks.size(); ++j)
                if (toks.at(j) == QLatin1String("&")) {
                    fs->versionVariables.insert(toks.at(j + 1));
                    if (toks.at(i) == QLatin1String("virGetVersion"))
                        break;
                }
    if (fs->versionVariables.isEmpty())
        return;
    const QString text = toks.join(QLatin1Char(' '));
    for (const QString &var : std::as_const(fs->versionVariables)) {
        Version whenTrue, whenFalse;
        if (!parseVersionCondition(text, var, &whenTrue, &whenFalse))
            continue;
        const auto lines = [](CXCursor c) {
            const CXSourceRange r = clang_getCursorExtent(c);
            unsigned from = 0, to = 0;
            clang_getFileLocation(clang_getRangeStart(r), nullptr, &from, nullptr, nullptr);
            clang_getFileLocation(clang_getRangeEnd(r), nullptr, &to, nullptr, nullptr);
            return std::pair<int, int>(int(from), int(to));
        };
        unsigned line = 0, column = 0;
        clang_getFileLocation(clang_getCursorLocation(kids.at(0)), nullptr, &line, &column,
                              nullptr);
        if (whenTrue.isValid()) {
            const auto [from, to] = lines(kids.at(1));
            fs->runtime.append({from, to, whenTrue});
        }
        if (whenFalse.isValid() && kids.size() > 2) {
            const auto [from, to] = lines(kids.at(2));
            fs->runtime.append({from, to, whenFalse});
        }
        fs->scan.guards.append({{fs->scan.file, int(line), int(column)},
                                whenTrue.isValid() ? whenTrue : whenFalse,
                                text});
        return;
    }
}

void CUseVisitor::finish(FileState &fs)
{
    for (Use &u : fs.scan.uses) {
        const int line = u.pos.line;
        Version guard = fs.pp.guardAt(line);
        for (const Range &r : std::as_const(fs.runtime))
            if (line >= r.from && line <= r.to)
                guard = std::max(guard, r.version);
        if (guard.isValid())
            u.guardedFrom = guard;
        u.presenceChecked = fs.pp.presenceChecked(u.symbol, line);
        if (u.kind != UseKind::Function || fs.noSupportLines.isEmpty())
            continue;
        for (const auto &[from, to] : std::as_const(fs.functions)) {
            if (line < from || line > to)
                continue;
            for (int l : std::as_const(fs.noSupportLines))
                if (l >= line && l <= std::min(to, line + kFallbackLines))
                    u.hasFallback = true;
        }
    }
}

} // namespace vse::scan
