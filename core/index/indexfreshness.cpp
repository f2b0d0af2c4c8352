// Indexer::upToDate() lives apart from Indexer::run() so that a program that
// only queries the index links it without the extractors (libclang, LLVM).
#include "freshnessstamp.h"
#include "historyapplier.h"
#include "historypack.h"
#include "indexer.h"
#include "sourcelayout.h"
#include "store.h"

#include <QFile>

#include <algorithm>

namespace vse {

QList<const StoredRelease *> Indexer::matchStored(const QList<StoredRelease> &stored,
                                                  const QList<SourceLayout> &layouts, QStringList *fingerprints)
{
    QList<const StoredRelease *> matches;
    for (const SourceLayout &l : layouts) {
        const QString fingerprint = l.fingerprint();
        if (fingerprints)
            *fingerprints << fingerprint;
        const auto it = std::find_if(stored.cbegin(), stored.cend(), [&](const StoredRelease &s) {
            return s.sourcePath == l.root && s.fingerprint == fingerprint;
        });
        matches << (it == stored.cend() ? nullptr : &*it);
    }
    return matches;
}

bool Indexer::nothingChanged(const Store &store, const QList<StoredRelease> &stored,
                             const QList<const StoredRelease *> &matches)
{
    // A different shipped history, or a change in how it is applied (both in
    // the digest), means merging again even when no input file changed.
    return store.isOpen() && !stored.isEmpty() && stored.size() == matches.size() && !matches.contains(nullptr) &&
           store.meta(QStringLiteral("historyDigest")) == HistoryApplier::indexDigest();
}

bool Indexer::upToDate(const Store &store)
{
    if (!store.isOpen())
        return false;
    // What the last passing check looked at is unchanged: it would pass again.
    if (FreshnessStamp::confirms(store.path()))
        return true;
    const FsObservation index = FsObservation::of(QFile::encodeName(store.path()));
    FsRecorder recorder;
    const bool fresh = fullCheck(store);
    if (fresh)
        FreshnessStamp::write(store.path(), index, recorder.observations());
    return fresh;
}

bool Indexer::fullCheck(const Store &store)
{
    const QList<StoredRelease> stored = store.releases();
    // run() with the recorded sources: each is found again, unchanged.
    QList<SourceLayout> layouts;
    for (const StoredRelease &s : stored) {
        Diagnostics d;
        const auto layout = SourceLayout::detect(s.sourcePath, &d);
        if (!layout || hasErrors(d))
            return false;
        layouts << *layout;
    }
    return nothingChanged(store, stored, matchStored(stored, layouts, nullptr));
}

} // namespace vse
