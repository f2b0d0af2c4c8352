// Indexer::upToDate() lives apart from Indexer::run() so that a program that
// only queries the index links it without the extractors (libclang, LLVM).
#include "historyapplier.h"
#include "historypack.h"
#include "indexer.h"
#include "sourcelayout.h"
#include "store.h"

#include <algorithm>

namespace vse {

bool Indexer::upToDate(const Store &store)
{
    if (!store.isOpen())
        return false;
    const QList<StoredRelease> stored = store.releases();
    if (stored.isEmpty())
        return false;
    // The same decision as run() with the recorded sources: each source is
    // found again with the same fingerprint, and the history is the same.
    for (const StoredRelease &s : stored) {
        Diagnostics d;
        const auto layout = SourceLayout::detect(s.sourcePath, &d);
        if (!layout || hasErrors(d))
            return false;
        const QString fingerprint = layout->fingerprint();
        const bool same = std::any_of(stored.cbegin(), stored.cend(), [&](const StoredRelease &o) {
            return o.sourcePath == layout->root && o.fingerprint == fingerprint;
        });
        if (!same)
            return false;
    }
    return store.meta(QStringLiteral("historyDigest")) == HistoryApplier::indexDigest();
}

} // namespace vse
