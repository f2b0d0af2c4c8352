#include "protocolextractor.h"

#include "rpcitembuilder.h"
#include "rpcprogram.h"
#include "xdrparser.h"
#include "xdrtypecheck.h"

#include <QDir>
#include <QDirIterator>
#include <QFileInfo>
#include <QHash>

#include <memory>

namespace vse {

ExtractResult ProtocolExtractor::extractParsed(const XdrFile &file,
                                               const QList<const XdrFile *> &included,
                                               const QString &displayPath)
{
    ExtractResult result;
    result.diagnostics = file.diagnostics;
    // A file that could not be read at all (too big, binary) yields its error
    // only, not an empty "unknown program".
    if (file.definitions.isEmpty() && file.hasErrors())
        return result;
    result.diagnostics.append(checkXdrTypes(file, included));
    RpcProgramInfo program = identifyRpcProgram(file);
    if (!program.known) {
        const QString base = QFileInfo(file.fileName).completeBaseName();
        if (program.id.isEmpty())
            program.id = base;
        program.label = program.id;
        result.diagnostics.append(Diagnostic::warning(
            file.fileName, 0,
            QStringLiteral("not one of libvirt's known RPC programs; its items are indexed as "
                           "program '%1' without a tier")
                .arg(program.id)));
    }
    result.append(RpcItemBuilder(file, program, displayPath).build());
    return result;
}

ExtractResult ProtocolExtractor::extractFile(const QString &path, const QString &sourceRoot)
{
    const QDir dir = QFileInfo(path).absoluteDir();
    const SourceRoot confined(sourceRoot.isEmpty() ? dir.path() : sourceRoot);
    const XdrFile file = sourceRoot.isEmpty() ? parseXdrFile(path) : parseXdrFile(path, confined);
    std::vector<std::unique_ptr<XdrFile>> includes;
    QList<const XdrFile *> included;
    for (const QString &base : xdrIncludedProtocols(file)) {
        const QString candidate = dir.filePath(base + QStringLiteral(".x"));
        if (!QFileInfo::exists(candidate))
            continue;
        includes.push_back(std::make_unique<XdrFile>(parseXdrFile(candidate, confined)));
        included.append(includes.back().get());
    }
    return extractParsed(file, included, path);
}

ExtractResult ProtocolExtractor::extractTree(const QString &sourceRoot)
{
    ExtractResult result;
    const QDir root(sourceRoot);
    const QString src = root.filePath(QStringLiteral("src"));
    if (!QFileInfo(src).isDir()) {
        result.diagnostics.append(Diagnostic::error(
            src, 0, QStringLiteral("no src/ directory: not a libvirt source tree")));
        return result;
    }
    QStringList paths;
    QDirIterator it(src, {QStringLiteral("*.x")}, QDir::Files | QDir::Readable,
                    QDirIterator::Subdirectories);
    while (it.hasNext())
        paths.append(it.next());
    paths.sort();

    // Parse everything first: qemu_protocol.x needs remote_protocol.x's types.
    std::vector<XdrFile> files;
    files.reserve(paths.size());
    QHash<QString, const XdrFile *> byBase;
    const SourceRoot confined(sourceRoot);
    for (const QString &p : paths)
        files.push_back(parseXdrFile(p, confined));
    for (const XdrFile &f : files)
        byBase.insert(QFileInfo(f.fileName).completeBaseName(), &f);

    for (const XdrFile &f : files) {
        QList<const XdrFile *> included;
        for (const QString &base : xdrIncludedProtocols(f))
            if (const XdrFile *inc = byBase.value(base))
                included.append(inc);
        result.append(extractParsed(f, included, root.relativeFilePath(f.fileName)));
    }
    return result;
}

} // namespace vse
