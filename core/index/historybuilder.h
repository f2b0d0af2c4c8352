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
    struct Options
    {
        QString gitRepo;        // may be empty when only folders are given
        QStringList sourceDirs; // unpacked source trees or package sets
        QStringList onlyTags;   // when not empty, only these tags (e.g. "v1.0.0")
        int maxTags = 0;        // when > 0, only the oldest N tags (after onlyTags)
        int threads = 2;        // releases read at the same time
        // Called once per release, in release order, with a one-line summary.
        std::function<void(const QString &)> progress;
    };

    // The release tags of a repository, oldest first; an error when git
    // fails or the folder is no repository.
    static std::optional<QStringList> releaseTags(const QString &repo, Diagnostics *diagnostics);

    // Problems of single releases (a failed family) are warnings naming the
    // tag or folder; the build fails (nullopt, an error) only when an input
    // cannot be read at all.
    static std::optional<HistoryPack> build(const Options &options, Diagnostics *diagnostics);
};

} // namespace vse
