#pragma once

#include "io/confinedfile.h"

#include "model/diagnostic.h"
#include "model/evidence.h"

#include <QList>
#include <QString>

namespace vse {

// One exported symbol and the version node that introduced it.
struct SymbolVersion
{
    QString symbol;  // virConnectOpen
    QString node;    // LIBVIRT_0.0.3, LIBVIRT_QEMU_0.8.3
    Version version; // 0.0.3
    QString library; // libvirt, libvirt-qemu, libvirt-lxc, libvirt-admin (from the node)
    QString source;  // libvirt.so.0 or libvirt_public.syms
    bool fromSymsFile = false;
    int line = 0; // line of the symbol in a .syms file

    // SymbolVersion "libvirt.so.0: LIBVIRT_0.0.3" or SymsFile "libvirt_public.syms: LIBVIRT_0.0.3".
    Evidence evidence() const;
};

struct SymbolVersionResult
{
    QList<SymbolVersion> symbols;
    Diagnostics diagnostics;
};

// The strongest evidence for when a function appeared: libvirt never changes
// a symbol's version node once released, so the node names the release that
// introduced it. Read either from an installed shared library's ELF
// .gnu.version_d / .gnu.versym tables (libelf), or from a source tree's
// linker version script (src/libvirt_public.syms...). Nodes named *_PRIVATE_*
// export libvirt's internals to its own daemons and are not public API:
// they are skipped.
class SymbolVersions
{
public:
    // Files are read through root (see SourceRoot); "/" confines nothing.
    static SymbolVersionResult readSharedLibrary(const QString &path, const SourceRoot &root = SourceRoot());
    static SymbolVersionResult readSymsFile(const QString &path, const SourceRoot &root = SourceRoot());
    static SymbolVersionResult parseSyms(const QByteArray &text, const QString &fileName);

    // "LIBVIRT_QEMU_0.8.3" -> "libvirt-qemu"; "LIBVIRT_1.2.3" -> "libvirt".
    static QString libraryForNode(const QString &node);
    static bool isPrivateNode(const QString &node);
    // Largest .syms file read (libvirt_public.syms is about 30 kB).
    static constexpr qint64 maxSymsSize = SourceRoot::kMaxFileSize;
    // Symbols in one version script: each becomes an indexed item, and a
    // hostile 16 MiB file could name a million of them (half a million took
    // 70 s and 1 GB to index).
    static constexpr int maxSymbols = 100000;
};

} // namespace vse
