#pragma once

#include "historypack.h"

#include <QString>
#include <QStringList>
#include <functional>
#include <optional>

namespace vse {

// Makes a history pack from many libvirt releases: every release tag vX.Y.Z
// of a git repository (4-part maintenance tags and release candidates are
// left out) and any unpacked source tree or package set given as a folder.
//
// The repository is untrusted: it is read with plumbing only (`git ls-tree`,
// `git cat-file --batch`, hooks and fsmonitor off), so no hook, filter or
// attribute of the repository runs; only regular files on the paths the
// extractors read are written to a private temporary folder (no symlinks).
// A family ("api", "rpc", "xml") whose extractor reports an error in a
// release (or API data without headers) is not listed for that release, and
// the build says so: the items read are kept as facts of presence, but that
// release dates neither an addition nor a removal of the family's items.
class HistoryBuilder
{
public:
    // How many XML entries the move handling changed (see build()).
    struct XmlMoveStats
    {
        int entries = 0;  // entries with any extension
        int backward = 0; // first seen moved to an older release
        int forward = 0;  // last seen moved to a newer release (a false removal gone)
        int gaps = 0;     // gaps between spans filled
    };

    struct Options
    {
        QString gitRepo;        // may be empty when only folders are given
        QStringList sourceDirs; // unpacked source trees or package sets
        // Upstream release tarballs (e.g. Debian's libvirt_9.0.0.orig.tar.xz),
        // read like a source tree after extractTarball().
        QStringList tarballs;
        QStringList onlyTags;   // when not empty, only these tags (e.g. "v1.0.0")
        int maxTags = 0;        // when > 0, only the oldest N tags (after onlyTags)
        int threads = 2;        // releases read at the same time
        // Called once per release, in release order, with a one-line summary.
        std::function<void(const QString &)> progress;
        XmlMoveStats *xmlMoves = nullptr; // when set, receives the move counts
        // When set, receives the agreement of the documentation "Since"
        // notes with the exact history, per source kind and item kind.
        QList<HistoryDocsAgreement> *docs = nullptr;
    };

    // The release tags of a repository, oldest first; an error when git
    // fails or the folder is no repository.
    static std::optional<QStringList> releaseTags(const QString &repo, Diagnostics *diagnostics);

    // Extracts the files the extractors read from an upstream release
    // tarball (one top folder "libvirt-X.Y.Z/") into dest, as a source tree,
    // and returns the release number its top folder names (nullopt and an
    // error naming the tarball, and the member when one is at fault, when it
    // cannot be used). The tarball is untrusted: it is refused whole when a
    // member has an absolute name or a ".." component, a link points outside
    // the top folder, or members lie outside one top folder; only regular
    // files on wanted paths are extracted (by GNU tar, with no owner or
    // permission from the archive).
    static std::optional<Version> extractTarball(const QString &tarball, const QString &dest,
                                                 Diagnostics *diagnostics);

    // XML paths that moved (a schema restructured, the canonical path
    // changed) read as continuous presence: an XML entry's presence is
    // extended over the releases whose element graph (XmlResolver) still
    // resolves its path, backward from its first name and forward from its
    // last, so neither a late "first seen" nor a false removal results.
    //
    // Documentation "Since" notes (DocSinceExtractor::readSourceTree of each
    // release with XML data) are measured against the history where its since
    // is exact; a source kind and item kind whose notes agree 95 % of the time
    // (20 compared at least) is kept, and dates entries whose since the
    // history cannot pin down (attrs "docSince", only inside their bounds).
    //
    // Problems of single releases (a failed family) are warnings naming the
    // tag or folder; the build fails (nullopt, an error) only when an input
    // cannot be read at all.
    static std::optional<HistoryPack> build(const Options &options, Diagnostics *diagnostics);
};

} // namespace vse
