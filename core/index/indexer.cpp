#include "indexer.h"

#include "releasemerger.h"
#include "releasereader.h"
#include "store.h"

#include <QElapsedTimer>
#include <QFileInfo>

#include <cstdio>

namespace vse {

namespace {

Release::SourceKind sourceKindFromId(const QString &id)
{
    if (id == QLatin1String("source-tree"))
        return Release::SourceKind::SourceTree;
    if (id == QLatin1String("package-set"))
        return Release::SourceKind::PackageSet;
    return Release::SourceKind::Installed;
}

// A release whose input files did not change is copied from the old index.
Release reuse(const Store &store, const StoredRelease &stored)
{
    Release r;
    r.version = stored.version;
    r.versionEvidence = stored.versionEvidence;
    r.sourceKind = sourceKindFromId(stored.sourceKind);
    r.sourcePath = stored.sourcePath;
    r.items = store.releaseItems(stored.id);
    return r;
}

} // namespace

Indexer::Result Indexer::run(const QStringList &sources, const QString &indexPath, const Progress &progress,
                             const std::atomic_bool *cancel, bool force)
{
    Result result;
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

    // The common case: nothing changed. Decide it from the fingerprints
    // alone, before loading any stored item.
    QStringList fingerprints;
    for (const SourceLayout &l : std::as_const(layouts))
        fingerprints << l.fingerprint();
    if (!force && stored.size() == layouts.size()) {
        bool same = true;
        for (qsizetype i = 0; i < layouts.size() && same; ++i)
            same = std::any_of(stored.cbegin(), stored.cend(), [&](const StoredRelease &s) {
                return s.sourcePath == layouts.at(i).root && s.fingerprint == fingerprints.at(i);
            });
        if (same) {
            result.ok = result.upToDate = true;
            result.releases = int(stored.size());
            for (const auto &s : stored)
                result.items += s.itemCount;
            return result;
        }
    }

    QList<Release> releases;
    for (qsizetype i = 0; i < layouts.size(); ++i) {
        if (cancelled()) {
            result.cancelled = true;
            return result;
        }
        const SourceLayout &l = layouts.at(i);
        const QString &fp = fingerprints.at(i);
        const StoredRelease *same = nullptr;
        for (const auto &s : stored)
            if (s.sourcePath == l.root && s.fingerprint == fp)
                same = &s;
        if (same && !force) {
            if (progress)
                progress(int(i), int(layouts.size()), QStringLiteral("unchanged: %1").arg(l.root));
            releases.append(reuse(old, *same));
            releases.last().fingerprint = fp;
            continue;
        }
        if (progress)
            progress(int(i), int(layouts.size()), QStringLiteral("reading %1").arg(l.root));
        Release r = ReleaseReader::read(l, cancel);
        r.fingerprint = fp;
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
    if (result.reparsed == 0 && stored.size() == releases.size()) {
        result.ok = true;
        result.upToDate = true;
        return result;
    }
    // Errors mean a release was read only in part: keep the old index.
    if (hasErrors(result.diagnostics))
        return result;
    old.close();
    if (progress)
        progress(int(layouts.size()), int(layouts.size()), QStringLiteral("writing %1").arg(indexPath));
    QElapsedTimer phase;
    phase.start();
    ReleaseMerger::merge(releases);
    const qint64 mergeMs = phase.restart();
    result.ok = Store::write(indexPath, releases, &result.diagnostics);
    if (qEnvironmentVariableIsSet("VSE_TRACE_TIMING"))
        std::fprintf(stderr, "  merge %lld ms, write %lld ms\n", (long long)mergeMs, (long long)phase.elapsed());
    result.storeFailed = !result.ok;
    return result;
}

QStringList Indexer::indexedSources(const QString &indexPath)
{
    Store s;
    Diagnostics d;
    QStringList out;
    if (!s.open(indexPath, &d))
        return out;
    for (const auto &r : s.releases())
        out << r.sourcePath;
    return out;
}

} // namespace vse
