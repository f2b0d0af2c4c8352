#pragma once

#include "diagnostic.h"
#include "item.h"
#include "version.h"

#include <QString>

namespace vse {

// One indexed libvirt release: where its files came from, which version the
// data says it is (and how we know), and the items extracted from it.
struct Release
{
    // History: rows the shipped release history adds (items removed before
    // the indexed releases, protocol data they lack); not a source to read.
    enum class SourceKind { Installed, SourceTree, PackageSet, History };

    Version version;
    QString versionEvidence; // "LIBVIR_VERSION_NUMBER in libvirt-common.h", "folder name"...
    SourceKind sourceKind = SourceKind::Installed;
    QString sourcePath; // "/" for the installed libvirt, else the tree or prefix
    QString fingerprint; // of the input files; decides whether to read them again
    ItemList items;
    Diagnostics diagnostics;

    static QString sourceKindId(SourceKind kind); // "installed", "source-tree", "package-set"
    static SourceKind sourceKindFromId(const QString &id); // inverse; Installed when unknown
};

} // namespace vse
