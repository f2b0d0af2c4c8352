#include "indexer.h"

#include "historyapplier.h"
#include "historypack.h"
#include "releasemerger.h"
#include "releasereader.h"
#include "store.h"
#include "testhook.h"

#include "extract/schema/schemaextractor.h"

#include <QElapsedTimer>
#include <QFileInfo>

#include <algorithm>

#include <cstdio>

namespace vse {

namespace {

// check-xml's map from document paths to item paths, for the schemas of the
// newest release that has any (the folder it validates against): kept in the
// index so a check does not read and walk every schema file again. Empty
// when there is none or it cannot be written as text.
QString navigatorMeta(const QList<SourceLayout> &layouts, const QList<Release> &releases)
{
    qsizetype newest = -1;
    for (qsizetype i = 0; i < layouts.size() && i < releases.size(); ++i)
        if (!layouts.at(i).schemaDir.isEmpty() && (newest < 0 || releases.at(i).version >= releases.at(newest).version))
            newest = i;
    if (newest < 0)
        return {};
    const SourceLayout &l = layouts.at(newest);
    const SchemaIndex index = SchemaExtractor::indexDir(l.schemaDir, false, l.root);
    const QString text = index.navigator.isEmpty() ? QString() : index.navigator.toText();
    return text.isEmpty() ? QString() : l.schemaDir + QLatin1Char('\n') + text;
}

} // namespace

Indexer::Result Indexer::run(const QStringList &sources, const QString &indexPath, const Progress &progress,
                             const std::atomic_bool *cancel, bool force)
{
    Result result;
    // A run killed while writing leaves index.sqlite.new behind.
    Store::removeStaleTemporary(indexPath);
    const auto cancelled = [&] { return cancel && cancel->load(); };
    QList<SourceLayout> layouts;
    for (const QString &src : sources) {
        auto layout = SourceLayout::detect(src, &result.diagnostics);
        if (layout)
            layouts.append(*layout);
    }
    if (layouts.isEmpty() && !hasErrors(result.diagnostics))
        result.diagnostics.append(Diagnostic::error(indexPath, 0, QStringLiteral("no sources to index")));
    if (hasErrors(result.diagnostics))
        return result;
    // A pack named by $VSE_HISTORY_PACK that does not load is an error, not
    // "no history": the index would silently lose every range it gives. (The
    // built-in pack is only loaded when the index must be written.)
    if (qEnvironmentVariableIsSet("VSE_HISTORY_PACK") && !HistoryPack::builtinProblems().isEmpty()) {
        result.diagnostics.append(HistoryPack::builtinProblems());
        return result;
    }

    Store old;
    Diagnostics openProblems;
    const bool haveOld = old.open(indexPath, &openProblems);
    if (!haveOld && QFileInfo::exists(indexPath)) {
        for (auto d : std::as_const(openProblems)) {
            d.severity = Diagnostic::Severity::Warning;
            d.message += QStringLiteral("; rebuilding it");
            result.diagnostics.append(d);
        }
    }
    const QList<StoredRelease> stored = haveOld ? old.releases() : QList<StoredRelease>();

    // Which stored release, if any, has the same source and input files.
    // With force, none does: everything is read again.
    QStringList fingerprints;
    QList<const StoredRelease *> unchanged = matchStored(stored, layouts, &fingerprints);
    if (force)
        unchanged.fill(nullptr);
    const QString packDigest = HistoryApplier::indexDigest();
    // The common case, nothing changed, is decided before loading any item,
    // by the same rule upToDate() uses.
    if (haveOld && nothingChanged(old, stored, unchanged)) {
        result.ok = result.upToDate = true;
        result.releases = int(stored.size());
        for (const auto &s : stored)
            result.items += s.itemCount;
        return result;
    }

    QList<Release> releases;
    for (qsizetype i = 0; i < layouts.size(); ++i) {
        if (cancelled()) {
            result.cancelled = true;
            return result;
        }
        const SourceLayout &l = layouts.at(i);
        if (const StoredRelease *same = unchanged.at(i)) {
            if (progress)
                progress(int(i), int(layouts.size()), QStringLiteral("unchanged: %1").arg(l.root));
            // Unchanged input files: copied from the old index, not read again.
            releases.append(old.loadRelease(*same));
            continue;
        }
        if (progress)
            progress(int(i), int(layouts.size()), QStringLiteral("reading %1").arg(l.root));
        testhook::reached("read");
        Release r = ReleaseReader::read(l, cancel);
        r.fingerprint = fingerprints.at(i);
        ++result.reparsed;
        result.diagnostics.append(r.diagnostics);
        releases.append(std::move(r));
    }
    if (cancelled()) {
        result.cancelled = true;
        return result;
    }
    result.releases = int(releases.size());
    for (const auto &r : std::as_const(releases))
        result.items += int(r.items.size());
    // Errors mean a release was read only in part: keep the old index.
    if (hasErrors(result.diagnostics))
        return result;
    old.close();
    if (progress)
        progress(int(layouts.size()), int(layouts.size()), QStringLiteral("writing %1").arg(indexPath));
    QElapsedTimer phase;
    phase.start();
    const QString navigator = navigatorMeta(layouts, releases);
    ReleaseMerger::merge(releases);
    const HistoryPack &pack = HistoryPack::builtin();
    const HistoryApplier::Stats history = HistoryApplier::apply(releases, pack);
    const qint64 mergeMs = phase.restart();
    result.ok = Store::write(indexPath, releases, &result.diagnostics,
                             {{QStringLiteral("historyDigest"), packDigest},
                              {QStringLiteral("docsSinceAgreement"),
                               QStringLiteral("%1/%2 %3")
                                   .arg(history.docsAgree)
                                   .arg(history.docsAgree + history.docsDisagree)
                                   .arg(history.docsUsed ? QStringLiteral("used") : QStringLiteral("not-used"))},
                              {QStringLiteral("schemaNavigator"), navigator}});
    if (qEnvironmentVariableIsSet("VSE_TRACE_TIMING"))
        std::fprintf(stderr,
                     "  history: %d matched, %d lower-bounded, %d moved (no bound), %d removed rows, %d rpc rows; "
                     "docs since agree %d / %d: %s\n",
                     history.matched, history.lowerBounded, history.movedSkipped, history.removedRows, history.rpcRows,
                     history.docsAgree, history.docsAgree + history.docsDisagree,
                     history.docsUsed ? "used" : "not used to date items");
    if (qEnvironmentVariableIsSet("VSE_TRACE_TIMING"))
        std::fprintf(stderr, "  merge %lld ms, write %lld ms\n", (long long)mergeMs, (long long)phase.elapsed());
    result.storeFailed = !result.ok;
    return result;
}

QStringList Indexer::indexedSources(const QString &indexPath)
{
    // Read even from an index of another schema version (an older build):
    // rebuilding it must keep the sources the user added, not fall back to
    // the installed libvirt alone.
    return Store::recordedSources(indexPath);
}

} // namespace vse
