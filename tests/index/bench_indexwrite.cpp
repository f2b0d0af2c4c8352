// Index reading and writing figures (prints, never asserts), in one run:
//   - reading the releases: each one alone, one after the other (their sum
//     and the slowest), against the wall time of reading them all at once
//     (ParallelReader, one thread per core) — DESIGN §6 wants the slowest,
//     not the sum;
//   - a full index of all of them from scratch (wall and CPU);
//   - adding the newest release to an index of the others, in place
//     (IndexUpdate) against writing a new file as before
//     (VSE_INDEX_IN_PLACE=0): the same reading either way;
//   - one release re-read with unchanged content (its files touched).
// Releases: the corpus ($VSE_CORPUS_DIR) and the Debian package sets in
// $VSE_RELEASES_DIR, else the installed one. $VSE_BENCH_RUNS (default 3)
// runs of each; medians.
#include "index/indexer.h"
#include "index/releasereader.h"
#include "index/sourcelayout.h"

#include "benchsources.h"

#include <QCoreApplication>
#include <QDir>
#include <QDirIterator>
#include <QElapsedTimer>
#include <QFile>
#include <QTemporaryDir>
#include <QThread>

#include <algorithm>
#include <cstdio>
#include <ctime>
#include <functional>
#include <vector>

using namespace vse;

namespace {

double cpuMs()
{
    timespec ts{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return double(ts.tv_sec) * 1e3 + double(ts.tv_nsec) / 1e6;
}

struct Run
{
    double wall = 0, cpu = 0;
    Indexer::Result result;
};

double median(std::vector<double> v)
{
    std::sort(v.begin(), v.end());
    return v.empty() ? 0 : v[v.size() / 2];
}

// The median run of `runs` (by wall time); `before` prepares each one untimed.
Run medianRun(int runs, const std::function<void()> &before, const std::function<Indexer::Result()> &work)
{
    std::vector<Run> all;
    for (int i = 0; i < runs; ++i) {
        before();
        QElapsedTimer t;
        t.start();
        const double c = cpuMs();
        Run r;
        r.result = work();
        r.wall = double(t.nsecsElapsed()) / 1e6;
        r.cpu = cpuMs() - c;
        all.push_back(r);
    }
    std::sort(all.begin(), all.end(), [](const Run &a, const Run &b) { return a.wall < b.wall; });
    return all[all.size() / 2];
}

void copyTree(const QString &from, const QString &to)
{
    QDirIterator it(from, QDir::Files | QDir::NoDotAndDotDot, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString f = it.next();
        const QString target = to + f.mid(from.size());
        QDir().mkpath(QFileInfo(target).absolutePath());
        QFile::copy(f, target);
    }
}

void printWrite(const char *what, const Run &r)
{
    const Indexer::Result &x = r.result;
    std::printf("  %-34s %8.0f ms wall %8.0f ms CPU  (read %lld, write %lld ms; %s", what, r.wall, r.cpu,
                (long long)x.readWallMs, (long long)x.writeMs, x.rewritten ? "new file" : "in place");
    if (!x.rewritten)
        std::printf(": %lld rows kept, %lld merged columns, %lld whole, %lld deleted", (long long)x.rowsUnchanged,
                    (long long)x.rowsMerged, (long long)x.rowsReplaced, (long long)x.rowsDeleted);
    std::printf(")%s\n", x.ok ? "" : " FAILED");
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    bool ok = false;
    const int runs = std::max(1, qEnvironmentVariableIntValue("VSE_BENCH_RUNS", &ok));
    const int n = ok ? runs : 3;

    bool haveDebian = false;
    const QStringList sources = vse::testdata::benchSources(&haveDebian);
    if (sources.size() < 2) {
        std::printf("set VSE_CORPUS_DIR (and VSE_RELEASES_DIR) for the multi-release figures\n");
        return 0;
    }
    std::printf("%lld releases (%s), %d cores, median of %d\n", (long long)sources.size(),
                haveDebian ? "corpus + Debian 7.0.0, 9.0.0, 11.3.0" : "corpus + installed", QThread::idealThreadCount(),
                n);

    // Each release alone, one after the other.
    double sum = 0, slowest = 0;
    QString slowestName;
    for (const QString &s : sources) {
        Diagnostics d;
        const auto layout = SourceLayout::detect(s, &d);
        if (!layout)
            continue;
        std::vector<double> times;
        for (int i = 0; i < n; ++i) {
            QElapsedTimer t;
            t.start();
            ReleaseReader::read(*layout);
            times.push_back(double(t.nsecsElapsed()) / 1e6);
        }
        const double ms = median(times);
        sum += ms;
        if (ms > slowest) {
            slowest = ms;
            slowestName = QFileInfo(s).fileName();
        }
    }

    QTemporaryDir dir;
    const QString full = dir.filePath(QStringLiteral("full.sqlite"));
    const auto noPrep = [] {};
    const Run scratch = medianRun(n, noPrep, [&] { return Indexer::run(sources, full, {}, nullptr, true); });
    std::printf("reading\n");
    std::printf("  each release alone, summed           %8.0f ms\n", sum);
    std::printf("  slowest release alone                %8.0f ms  (%s)\n", slowest, qPrintable(slowestName));
    std::printf("  all at once (parallel), wall         %8.0f ms  (their own times sum to %lld ms)\n",
                double(scratch.result.readWallMs), (long long)scratch.result.readSumMs);
    std::printf("  parallel ratio: sum alone / wall     %8.2f x; wall / slowest %.2f x (goal: near 1)\n",
                sum / std::max<double>(1, double(scratch.result.readWallMs)),
                double(scratch.result.readWallMs) / std::max(1.0, slowest));
    std::printf("writing\n");
    printWrite("full index from scratch", scratch);

    // The index of all but the newest source, then the newest added to it.
    const QStringList older = sources.mid(0, sources.size() - 1);
    const QString base = dir.filePath(QStringLiteral("base.sqlite"));
    Indexer::run(older, base, {}, nullptr, true);
    const QString grown = dir.filePath(QStringLiteral("grown.sqlite"));
    const auto fromBase = [&] {
        QFile::remove(grown);
        QFile::copy(base, grown);
    };
    const Run inPlace = medianRun(n, fromBase, [&] { return Indexer::run(sources, grown); });
    qputenv("VSE_INDEX_IN_PLACE", "0");
    const Run newFile = medianRun(n, fromBase, [&] { return Indexer::run(sources, grown); });
    qunsetenv("VSE_INDEX_IN_PLACE");
    printWrite("add newest release, in place", inPlace);
    printWrite("add newest release, new file", newFile);
    std::printf("  in place / new file: write %.2f x, total %.2f x\n",
                double(inPlace.result.writeMs) / std::max<double>(1, double(newFile.result.writeMs)),
                inPlace.wall / std::max(1.0, newFile.wall));

    // A source tree re-read whose content did not change (times touched).
    if (!qEnvironmentVariable("VSE_CORPUS_DIR").isEmpty() && sources.size() > 2) {
        const QString copy = dir.filePath(QStringLiteral("tree"));
        copyTree(sources.first(), copy);
        QStringList withCopy = sources;
        withCopy.first() = copy;
        const QString touched = dir.filePath(QStringLiteral("touched.sqlite"));
        Indexer::run(withCopy, touched, {}, nullptr, true);
        const auto touch = [&] {
            QDirIterator it(copy, QDir::Files, QDirIterator::Subdirectories);
            while (it.hasNext()) {
                QFile f(it.next());
                f.open(QIODevice::ReadWrite);
                f.setFileTime(QDateTime::currentDateTime().addSecs(1), QFileDevice::FileModificationTime);
            }
        };
        const Run same = medianRun(n, touch, [&] { return Indexer::run(withCopy, touched); });
        printWrite("one release re-read, same content", same);
    }
    return 0;
}
