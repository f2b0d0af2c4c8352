#pragma once

#include "model/extractresult.h"
#include "xdrast.h"

#include <QList>
#include <QString>

namespace vse {

// Indexes libvirt's RPC protocols (the src/**/*.x files): one RpcProgram item
// per program, its RpcProcedure items keyed "<program>/<number>", and its
// RpcType and RpcConstant items, each with file and line, origin set to the
// program ("protocol:remote", ...) and the policy's tier applied. Type names
// used but defined nowhere (in the file or in the protocol files it
// '%#include's) are errors.
class ProtocolExtractor
{
public:
    // One .x file; included protocol files are looked for next to it.
    // With a sourceRoot, the file and what it includes are read through it
    // (SourceRoot); without, the includes come from the file's own folder only.
    ExtractResult extractFile(const QString &path, const QString &sourceRoot = {});
    // Every .x file under <sourceRoot>/src, recursively; item files are relative to sourceRoot.
    ExtractResult extractTree(const QString &sourceRoot);

    // Items of an already parsed file: `included` are the protocol files it
    // builds on, `displayPath` the file name stored in the items.
    static ExtractResult extractParsed(const XdrFile &file, const QList<const XdrFile *> &included,
                                       const QString &displayPath);
};

} // namespace vse
