#pragma once

#include "model/diagnostic.h"
#include "model/release.h"

#include <QString>
#include <QStringList>
#include <optional>

namespace vse {

// Where the files of one libvirt release are, whatever its shape: the
// installed libvirt ("/"), an unpacked Debian package set (the same layout
// under a folder) or a source tree (git checkout or release tarball).
struct SourceLayout
{
    Release::SourceKind kind = Release::SourceKind::Installed;
    QString root;       // absolute, canonical
    QString includeDir; // folder holding libvirt/*.h, empty when none
    QString schemaDir;  // *.rng
    QString docDir;     // libvirt-doc HTML
    QString protocolRoot; // folder searched recursively for *.x
    QStringList symsFiles;

    // Recognises the layout; an error names the path when it is none of them.
    static std::optional<SourceLayout> detect(const QString &path, Diagnostics *diagnostics);

    // Every input file, for the fingerprint that decides whether to re-index.
    QStringList inputFiles() const;
    // A hash over the input files' paths, sizes and modification times.
    QString fingerprint() const;
    // The release number the data states, and how we know it.
    Version detectVersion(QString *evidence) const;
};

} // namespace vse
