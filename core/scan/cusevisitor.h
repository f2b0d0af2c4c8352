#pragma once

#include "preprocessorguards.h"
#include "scanuse.h"

#include <clang-c/Index.h>

#include <QHash>
#include <QList>
#include <QRegularExpression>
#include <QSet>
#include <QString>
#include <QStringList>

#include <memory>

namespace vse::scan {

// Walks one parsed translation unit and collects, per application file it
// touches (the main file and the project's own headers), the references to
// libvirt's public headers and the guards around them. Subtrees of files
// outside the roots (system and libvirt headers) are skipped at the top level,
// which keeps the walk a small fraction of the parse.
class CUseVisitor
{
public:
    CUseVisitor(CXTranslationUnit tu, const QStringList &roots);
    QList<FileScan> run();

private:
    struct Range
    {
        int from = 0, to = 0;
        Version version;
    };
    struct FileState
    {
        FileScan scan;
        PreprocessorGuards pp;
        QSet<QString> versionVariables;       // filled by virConnectGetLibVersion / virGetVersion
        QList<Range> runtime;                 // if-blocks guarded by a run-time version check
        QList<int> noSupportLines;            // VIR_ERR_NO_SUPPORT checks
        QList<std::pair<int, int>> functions; // bodies, for "a fallback in the same function"
    };

    static CXChildVisitResult visit(CXCursor c, CXCursor parent, CXClientData data);
    CXChildVisitResult visitCursor(CXCursor c, CXCursor parent);
    FileState *stateOf(CXFile file);
    bool isLibvirtHeader(CXFile file);
    void recordUse(CXCursor c, CXCursor referenced, FileState *fs, unsigned line, unsigned column);
    // Names the headers do not declare but that are spelled like libvirt's.
    void recordUndeclared();
    void recordUndeclared(FileState *fs, const QString &name, unsigned line, unsigned column);
    static const QRegularExpression &undeclaredLibvirtName();
    void noteVersionVariable(CXCursor call, FileState *fs);
    void noteIf(CXCursor ifStmt, FileState *fs);
    QStringList tokens(CXSourceRange range) const;
    void finish(FileState &fs);

    CXTranslationUnit m_tu;
    QStringList m_roots;
    QHash<CXFile, FileState *> m_files; // null: not an application file
    QHash<CXFile, bool> m_libvirtHeaders;
    std::vector<std::unique_ptr<FileState>> m_states;
};

} // namespace vse::scan
