#pragma once

#include "model/diagnostic.h"

#include <QString>
#include <QStringList>
#include <atomic>
#include <functional>

namespace vse {

class Store;
struct StoredRelease;
struct SourceLayout;

// Builds or refreshes the index file from a list of sources (paths: "/" for
// the installed libvirt, unpacked package sets, source trees). Sources whose
// input files did not change are taken from the existing index without
// parsing again. Any error leaves the existing index untouched: a partial
// index is never written.
class Indexer
{
public:
    struct Result
    {
        bool ok = false;
        bool upToDate = false; // nothing changed, the index was not rewritten
        bool cancelled = false;
        int releases = 0;
        int items = 0;
        int reparsed = 0; // releases parsed in this run
        bool storeFailed = false; // the inputs were fine but the index file could not be written
        // Figures for benchmarks: wall time of reading the changed sources
        // (in parallel) and the sum of each one's own read time.
        qint64 readWallMs = 0;
        qint64 readSumMs = 0;
        qint64 writeMs = 0;
        qint64 mergeCpuMs = 0, writeCpuMs = 0; // CPU time of merging and of writing
        // How the index was written: a new file, or in place with these rows
        // left as they were, given new merged columns, written whole, removed.
        bool rewritten = false;
        qint64 rowsUnchanged = 0, rowsMerged = 0, rowsReplaced = 0, rowsDeleted = 0;
        Diagnostics diagnostics;
    };
    // done/total count sources; what names the current step.
    using Progress = std::function<void(int done, int total, const QString &what)>;

    static Result run(const QStringList &sources, const QString &indexPath, const Progress &progress = {},
                      const std::atomic_bool *cancel = nullptr, bool force = false);

    // The sources recorded in an index (empty if none).
    static QStringList indexedSources(const QString &indexPath);

    // Whether run(store's own sources, store's path) would find nothing to do:
    // every recorded source still has the same input files and the shipped
    // history is the one merged. Reads file sizes and times only, never an
    // extractor, so the query commands can check it on every start (it is
    // defined apart from run(), and links without the extractors).
    // The answer is kept beside the index (FreshnessStamp), so that a later
    // call stats what this one looked at instead of looking again.
    static bool upToDate(const Store &store);
    // upToDate() without the stamp: every recorded source found again.
    static bool fullCheck(const Store &store);

    // The one rule both run() and upToDate() decide by. For each layout, the
    // stored release read from the same root with the same input files
    // (nullptr: new or changed); fingerprints receives each layout's.
    static QList<const StoredRelease *> matchStored(const QList<StoredRelease> &stored,
                                                    const QList<SourceLayout> &layouts, QStringList *fingerprints);
    // Nothing to do: the same sources, none changed, and the index was merged
    // with the shipped history it would be merged with now.
    static bool nothingChanged(const Store &store, const QList<StoredRelease> &stored,
                               const QList<const StoredRelease *> &matches);
};

} // namespace vse
