// Indexing and query figures (prints, never asserts):
//   - one release: bare libclang parse of libvirt.h vs reading the whole
//     release (headers, API XML, symbols, schemas, docs, drivers) — DESIGN §6
//     asks for <= 2x;
//   - all releases from scratch, then adding one release to that index;
//   - query time over the merged index.
// Releases: the corpus ($VSE_CORPUS_DIR) and the Debian package sets in
// $VSE_RELEASES_DIR (scripts/fetch-debian-releases), else the installed one.
#include "index/indexer.h"
#include "index/releasereader.h"
#include "index/search.h"
#include "index/store.h"

#include "benchtiming.h"
#include "benchsources.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QTemporaryDir>

#include <algorithm>
#include <clang-c/Index.h>
#include <cstdio>
#include <functional>
#include <vector>

using namespace vse;
using vse::bench::medianMs;


int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const int runs = 5;

    Diagnostics d;
    const auto installed = SourceLayout::detect(QStringLiteral("/"), &d);
    if (installed && !installed->includeDir.isEmpty()) {
        const QByteArray header = (installed->includeDir + QStringLiteral("/libvirt/libvirt.h")).toUtf8();
        const char *args[] = {"-x", "c"};
        const double bare = medianMs(runs, [&] {
            CXIndex index = clang_createIndex(0, 0);
            CXTranslationUnit tu = clang_parseTranslationUnit(index, header.constData(), args, 2, nullptr, 0, 0);
            clang_disposeTranslationUnit(tu);
            clang_disposeIndex(index);
        });
        qsizetype items = 0;
        const double release = medianMs(runs, [&] { items = ReleaseReader::read(*installed).items.size(); });
        std::printf("one release (installed, median of %d)\n", runs);
        std::printf("  bare libclang parse of libvirt.h   %8.1f ms\n", bare);
        std::printf("  ReleaseReader::read (%lld items) %8.1f ms\n", (long long)items, release);
        std::printf("  ratio                              %8.2f x (DESIGN target <= 2x)\n", release / bare);
    }

    bool haveDebian = false;
    const QStringList sources = vse::testdata::benchSources(&haveDebian);
    if (sources.size() < 2) {
        std::printf("set VSE_CORPUS_DIR (and VSE_RELEASES_DIR) for the multi-release figures\n");
        return 0;
    }
    QTemporaryDir dir;
    const QString index = dir.filePath(QStringLiteral("bench.sqlite"));
    QElapsedTimer t;
    t.start();
    Indexer::Result all = Indexer::run(sources, index, {}, nullptr, true);
    const double scratch = double(t.nsecsElapsed()) / 1e6;
    std::printf("%lld releases (%s)\n", (long long)sources.size(),
                haveDebian ? "corpus + Debian 7.0.0, 9.0.0, 11.3.0" : "corpus + installed; set VSE_RELEASES_DIR for Debian's");
    std::printf("  index from scratch                 %8.1f ms (%d items, ok=%d)\n", scratch, all.items, all.ok);

    const QString grown = dir.filePath(QStringLiteral("grown.sqlite"));
    Indexer::run(sources.mid(0, sources.size() - 1), grown);
    t.restart();
    const Indexer::Result add = Indexer::run(sources, grown);
    std::printf("  add one release to that index      %8.1f ms (re-read %d release)\n",
                double(t.nsecsElapsed()) / 1e6, add.reparsed);
    t.restart();
    const Indexer::Result same = Indexer::run(sources, grown);
    std::printf("  up-to-date check, nothing changed  %8.1f ms (upToDate=%d)\n", double(t.nsecsElapsed()) / 1e6,
                same.upToDate);

    Store store;
    SearchEngine engine;
    t.restart();
    store.open(index, &d);
    engine.setItems(store.summaries());
    std::printf("  open index + load %lld summaries  %8.1f ms\n", (long long)engine.items().size(),
                double(t.nsecsElapsed()) / 1e6);
    for (const char *q : {"virDomainGet", "xml:disk", "dmcrxml", "v"}) {
        qsizetype hits = 0;
        const double ms = medianMs(21, [&] { hits = engine.search(SearchQuery::parse(QString::fromLatin1(q)), 50).size(); });
        std::printf("  search %-14s (top 50)         %8.2f ms\n", q, ms);
        Q_UNUSED(hits);
    }
    const double show = medianMs(21, [&] { store.itemsByName(QStringLiteral("virConnectOpen")); });
    std::printf("  show virConnectOpen (all releases) %8.2f ms\n", show);
    return 0;
}
