#pragma once

#include "model/extractresult.h"
#include "model/version.h"

#include <QString>
#include <QStringList>

namespace vse {

// Where the API facts of one release are. Any part may be empty.
struct ApiInputs
{
    QString includeDir;          // holds libvirt/*.h
    QString apiXmlDir;           // holds libvirt-api.xml, libvirt-qemu-api.xml...
    QStringList sharedLibraries; // libvirt.so.0, libvirt-qemu.so.0... (ELF symbol versions)
    QStringList symsFiles;       // src/libvirt_public.syms... (linker version scripts)
    // src/libvirt-*.c, src/admin/libvirt-admin.c: the functions' own doc
    // blocks and "Since:" tags (functionsincetags.h); source trees only.
    QStringList implementationFiles;
    // Every file above is read through this root (SourceRoot): the prefix of
    // an installed libvirt or package set, the source tree; "/" when empty.
    QString sourceRoot;

    // An installed libvirt under `prefix`: "/" for the system, or the folder
    // an unpacked Debian package set was extracted to (same layout).
    static ApiInputs forInstalled(const QString &prefix = QStringLiteral("/"));
    // A libvirt source tree: include/ and src/*.syms (no API XML, no .so).
    static ApiInputs forSourceTree(const QString &root);
};

// The API part of indexing a release: runs the header, API XML and symbol
// version extractors, merges what they say about each item (matched by kind
// and name), and applies the support policy. Every function of the API XML
// ends up as an item even when the headers miss it (with a warning), and
// each function gets the symbol version of its own library (libvirt.so for
// libvirt.h, libvirt-qemu.so for libvirt-qemu.h...).
class ApiReader
{
public:
    ExtractResult read(const ApiInputs &inputs);

    // Sets up libxml2's and libelf's globals once, on the calling thread,
    // before several releases are read at the same time (each read then
    // uses its own parser contexts, libclang index and ELF handles).
    static void prepareThreads();

    // The release the data describes (LIBVIR_VERSION_NUMBER), invalid when
    // the data does not say; and where that came from, for Release::versionEvidence.
    Version releaseVersion() const { return m_version; }
    QString releaseVersionEvidence() const { return m_versionEvidence; }

private:
    Version m_version;
    QString m_versionEvidence;
};

} // namespace vse
