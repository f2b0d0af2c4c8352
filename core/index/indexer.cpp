#include "indexer.h"

#include "historyapplier.h"
#include "historypack.h"
#include "indexupdate.h"
#include "parallelreader.h"
#include "releasemerger.h"
#include "store.h"
#include "testhook.h"

#include "extract/schema/schemaextractor.h"

#include <QElapsedTimer>
#include <QFileInfo>

#include <algorithm>

#include <cstdio>
#include <ctime>

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

// CPU time of the whole process: merging and writing run on one thread, so
// their share says what they cost whatever else the machine is doing.
double processCpuMs()
{
    timespec ts{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return double(ts.tv_sec) * 1e3 + double(ts.tv_nsec) / 1e6;
}

} // namespace

Indexer::Result Indexer::run(const QStringList &sources, const QString &indexPath, const Progress &progress,
                             const std::atomic_bool *cancel, bool force)
{
    Result result;
    // Never replace a file that is not ours (a typo in --index).
    if (const QString why = Store::replaceRefusal(indexPath); !why.isEmpty()) {
        result.diagnostics.append(Diagnostic::error(
            indexPath, 0,
            QFileInfo(indexPath).isDir()
                ? QStringLiteral("a folder, not an index file: give the index a file name (such as %1/index.sqlite)").arg(indexPath)
                : QStringLiteral("not an index of this tool (%1): left alone; remove it or give another index file").arg(why)));
        result.storeFailed = true;
        return result;
    }
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
    // An existing index is updated in place, row by row, from what it
    // holds now; --force writes a new file from scratch.
    // ($VSE_INDEX_IN_PLACE=0 always writes a new file, for comparison.)
    const bool inPlace = haveOld && !force && qEnvironmentVariable("VSE_INDEX_IN_PLACE") != QLatin1String("0");
    IndexUpdate::Baseline baseline;
    if (inPlace)
        baseline.begin(old);

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

    // Changed sources are read in parallel (at most one per core); the
    // unchanged ones are loaded from the old index on this thread meanwhile.
    // Releases keep the order of the sources whatever finishes first, so the
    // index is the same as reading them one after the other.
    QElapsedTimer readClock;
    readClock.start();
    QList<Release> releases(layouts.size());
    {
        ParallelReader reader(cancel);
        QList<int> reading;
        for (qsizetype i = 0; i < layouts.size(); ++i) {
            if (unchanged.at(i))
                continue;
            if (cancelled())
                break;
            const SourceLayout &l = layouts.at(i);
            if (progress)
                progress(int(i), int(layouts.size()), QStringLiteral("reading %1").arg(l.root));
            testhook::reached("read");
            if (cancelled())
                break;
            reader.start(int(i), l);
            reading << int(i);
        }
        if (cancelled()) {
            result.cancelled = true;
            return result;
        }
        // The shipped history is merged in afterwards: loaded meanwhile.
        reader.run([] { HistoryPack::builtin(); });
        // A source read again may well say what it said before (its files
        // were touched, not changed): its old rows are compared too.
        if (inPlace)
            for (int i : std::as_const(reading))
                for (const StoredRelease &s : stored)
                    if (s.sourcePath == layouts.at(i).root)
                        baseline.add(old, s, old.releaseItems(s.id));
        for (qsizetype i = 0; i < layouts.size(); ++i) {
            if (const StoredRelease *same = unchanged.at(i)) {
                if (progress)
                    progress(int(i), int(layouts.size()), QStringLiteral("unchanged: %1").arg(layouts.at(i).root));
                // Unchanged input files: copied from the old index, not read again.
                releases[i] = old.loadRelease(*same);
                if (inPlace)
                    baseline.add(old, *same, releases[i].items);
            }
        }
        for (int i : std::as_const(reading)) {
            Release r = reader.take(i);
            r.fingerprint = fingerprints.at(i);
            ++result.reparsed;
            result.readSumMs += reader.readMs(i);
            result.diagnostics.append(r.diagnostics);
            releases[i] = std::move(r);
        }
    }
    result.readWallMs = readClock.elapsed();
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
    if (inPlace)
        baseline.addHistory(old);
    old.close();
    if (progress)
        progress(int(layouts.size()), int(layouts.size()), QStringLiteral("writing %1").arg(indexPath));
    QElapsedTimer phase;
    phase.start();
    const double mergeCpu = processCpuMs();
    const QString navigator = navigatorMeta(layouts, releases);
    ReleaseMerger::merge(releases);
    const HistoryPack &pack = HistoryPack::builtin();
    const HistoryApplier::Stats history = HistoryApplier::apply(releases, pack);
    const qint64 mergeMs = phase.restart();
    const double writeCpu = processCpuMs();
    const QHash<QString, QString> meta{
        {QStringLiteral("historyDigest"), packDigest},
        {QStringLiteral("docsSinceAgreement"),
         QStringLiteral("%1/%2 %3")
             .arg(history.docsAgree)
             .arg(history.docsAgree + history.docsDisagree)
             .arg(history.docsUsed ? QStringLiteral("used") : QStringLiteral("not-used"))},
        {QStringLiteral("schemaNavigator"), navigator}};
    if (inPlace) {
        IndexUpdate::Stats update;
        result.ok = IndexUpdate::write(indexPath, releases, baseline, &result.diagnostics, meta, &update);
        result.rewritten = update.rewritten;
        result.rowsUnchanged = update.unchanged;
        result.rowsMerged = update.merged;
        result.rowsReplaced = update.replaced;
        result.rowsDeleted = update.deleted;
    } else {
        result.ok = Store::write(indexPath, releases, &result.diagnostics, meta);
        result.rewritten = true;
    }
    result.writeMs = phase.elapsed();
    result.writeCpuMs = qint64(processCpuMs() - writeCpu);
    result.mergeCpuMs = qint64(writeCpu - mergeCpu);
    if (qEnvironmentVariableIsSet("VSE_TRACE_TIMING"))
        std::fprintf(stderr,
                     "  history: %d matched, %d lower-bounded, %d moved (no bound), %d removed rows, %d newer rows, %d rpc rows; "
                     "docs since agree %d / %d: %s\n",
                     history.matched, history.lowerBounded, history.movedSkipped, history.removedRows, history.newerRows, history.rpcRows,
                     history.docsAgree, history.docsAgree + history.docsDisagree,
                     history.docsUsed ? "used" : "not used to date items");
    if (qEnvironmentVariableIsSet("VSE_TRACE_TIMING"))
        std::fprintf(stderr, "  read %lld ms wall (%lld ms summed over sources), merge %lld ms (CPU %lld), write %lld ms (CPU %lld; %s: %lld rows "
                             "unchanged, %lld merged columns only, %lld whole, %lld deleted)\n",
                     (long long)result.readWallMs, (long long)result.readSumMs, (long long)mergeMs,
                     (long long)result.mergeCpuMs, (long long)result.writeMs, (long long)result.writeCpuMs, result.rewritten ? "new file" : "in place",
                     (long long)result.rowsUnchanged, (long long)result.rowsMerged, (long long)result.rowsReplaced,
                     (long long)result.rowsDeleted);
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
