// History pack figures (prints, never asserts):
//   - loading the built-in pack (resource, rcc-compressed): median of 10,
//     and the first HistoryPack::builtin() call;
//   - parsing and serializing it from memory;
//   - building the pack from the git bundle of libvirt 0.0.1 - 1.3.5
//     ($VSE_HISTORY_BUNDLE, else ../shared/history next to the sources):
//     all 109 releases with 2 threads, and the oldest 30 with 1 and 2.
#include "index/historybuilder.h"
#include "index/historypack.h"

#include "benchtiming.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QTemporaryDir>

#include <cstdio>

using namespace vse;
using vse::bench::medianMs;

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QString resource = QStringLiteral(":/vse/history/libvirt-history.tsv");

    QElapsedTimer first;
    first.start();
    const HistoryPack &builtin = HistoryPack::builtin();
    const double firstMs = double(first.nsecsElapsed()) / 1e6;
    std::printf("built-in pack: %lld releases, %lld items\n", (long long)builtin.releases().size(),
                (long long)builtin.entries().size());
    std::printf("  first HistoryPack::builtin()        %8.1f ms (DESIGN budget <= 50 ms)\n",
                firstMs);
    const double load = medianMs(10, [&] {
        Diagnostics d;
        (void)HistoryPack::load(resource, &d);
    });
    std::printf("  load from the resource (median/10)  %8.1f ms\n", load);
    QFile f(resource);
    QByteArray data;
    if (f.open(QIODevice::ReadOnly))
        data = f.readAll();
    const double read = medianMs(10, [&] {
        QFile g(resource);
        if (g.open(QIODevice::ReadOnly))
            (void)g.readAll();
    });
    const double parse = medianMs(10, [&] {
        Diagnostics d;
        (void)HistoryPack::parse(data, resource, &d);
    });
    const double serialize = medianMs(10, [&] { (void)builtin.serialize(); });
    std::printf("  of which decompressing (median/10)  %8.1f ms (%lld bytes)\n", read,
                (long long)data.size());
    std::printf("  parse from memory (median/10)       %8.1f ms\n", parse);
    std::printf("  serialize (median/10)               %8.1f ms\n", serialize);

    QString bundle = qEnvironmentVariable("VSE_HISTORY_BUNDLE");
    if (bundle.isEmpty())
        bundle = QStringLiteral(VSE_PROJECT_SOURCE_DIR
                                "/../shared/history/libvirt-releases-0.0.1-1.3.5.bundle");
    if (!QFileInfo::exists(bundle)) {
        std::printf("build: skipped, no bundle at %s (set VSE_HISTORY_BUNDLE)\n",
                    qPrintable(bundle));
        return 0;
    }
    QTemporaryDir tmp;
    const QString repo = tmp.path() + QStringLiteral("/libvirt");
    QProcess git;
    git.start(QStringLiteral("git"),
              {QStringLiteral("-c"), QStringLiteral("core.hooksPath=/dev/null"),
               QStringLiteral("clone"), QStringLiteral("--quiet"), QStringLiteral("--no-checkout"),
               bundle, repo});
    if (!git.waitForFinished(300000) || git.exitCode() != 0) {
        std::printf("build: skipped, cannot clone %s\n", qPrintable(bundle));
        return 1;
    }
    const auto timeBuild = [&](int maxTags, int threads) {
        HistoryBuilder::Options o;
        o.gitRepo = repo;
        o.maxTags = maxTags;
        o.threads = threads;
        Diagnostics d;
        qsizetype items = 0;
        const double ms = medianMs(maxTags ? 3 : 1, [&] {
            const auto p = HistoryBuilder::build(o, &d);
            items = p ? p->entries().size() : 0;
        });
        std::printf("  %3s releases, %d thread%s %s %8.0f ms (%lld items)\n",
                    maxTags ? qPrintable(QString::number(maxTags)) : "all", threads,
                    threads > 1 ? "s" : " ", maxTags ? "(median/3)" : "(one run) ", ms,
                    (long long)items);
    };
    std::printf("build from the bundle:\n");
    timeBuild(30, 1);
    timeBuild(30, 2);
    timeBuild(0, 2);
    return 0;
}
