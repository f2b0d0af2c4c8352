// Explorer benchmarks: filter latency per keystroke over >= 150 000 items,
// start-up to the first painted window, and resident memory with that index
// loaded. Prints figures; not run by ctest.
//
// Memory is measured in a fresh process (this program run again with
// --memory-stages INDEX): the process that wrote the big index keeps its
// heap, and loading into that heap would cost no new pages at all.
// `bench_gui --keep-index FILE` also leaves the big index at FILE, for
// heaptrack or massif runs of the explorer on it.
#include "guitestindex.h"
#include "memorystages.h"

#include "indexsnapshot.h"
#include "itemtablemodel.h"
#include "startupprobe.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QTextStream>

#include <algorithm>

using namespace vse;
using namespace vse::gui;

namespace {

double median(std::vector<double> v)
{
    std::sort(v.begin(), v.end());
    return v.empty() ? 0 : v[v.size() / 2];
}

// The installed release's real items written again under distinct versions
// until the index holds at least `minItems` items.
QString buildBigIndex(const QString &installedIndex, int minItems, int *copies, int *items)
{
    Store store;
    Diagnostics d;
    if (!store.open(installedIndex, &d))
        return {};
    const StoredRelease base = store.releases().constFirst();
    const ItemList baseItems = store.releaseItems(base.id);
    QList<Release> releases;
    *items = 0;
    for (int i = 0; *items < minItems; ++i) {
        Release r;
        r.version = Version(base.version.major(), base.version.minor(), i);
        r.versionEvidence = QStringLiteral("benchmark copy %1 of the installed release").arg(i);
        r.sourcePath = QStringLiteral("/benchmark-copy-%1").arg(i);
        r.items = baseItems;
        *items += int(r.items.size());
        releases << r;
        r.fingerprint = QString::number(i);
    }
    *copies = int(releases.size());
    const QString path = guitest::tempDir().filePath(QStringLiteral("big.sqlite"));
    if (!Store::write(path, releases, &d))
        return {};
    return path;
}

} // namespace

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    QTextStream out(stdout);
    const QStringList args = QApplication::arguments();
    if (args.size() == 3 && args.at(1) == QLatin1String("--memory-stages"))
        return guitest::printMemoryStages(args.at(2), out);
    const QString keepAt = args.size() == 3 && args.at(1) == QLatin1String("--keep-index") ? args.at(2) : QString();
    QString problem;
    const QString installed = guitest::installedIndex(&problem);
    if (installed.isEmpty()) {
        out << "bench_gui: " << problem << '\n';
        return 1;
    }
    int copies = 0, items = 0;
    const QString big = buildBigIndex(installed, 150000, &copies, &items);
    if (big.isEmpty()) {
        out << "bench_gui: cannot write the benchmark index\n";
        return 1;
    }
    out << "bench_gui: index of " << items << " items = the installed libvirt's real items written " << copies
        << " times under " << copies << " different versions with Store::write\n";
    if (!keepAt.isEmpty()) {
        QFile::remove(keepAt);
        if (!QFile::copy(big, keepAt)) {
            out << "bench_gui: cannot copy the benchmark index to " << keepAt << '\n';
            return 1;
        }
        out << "bench_gui: the benchmark index is kept at " << keepAt << '\n';
    }
    out.flush();
    {
        QProcess child;
        child.setProcessChannelMode(QProcess::ForwardedChannels);
        child.start(QApplication::applicationFilePath(), {QStringLiteral("--memory-stages"), big});
        if (!child.waitForFinished(120000) || child.exitCode() != 0) {
            out << "bench_gui: the memory measurement failed\n";
            return 1;
        }
    }

    QElapsedTimer t;
    t.start();
    Diagnostics d;
    SnapshotPtr snap = IndexSnapshot::load(big, &d);
    const qint64 loadMs = t.elapsed();
    ItemTableModel model;
    model.setSnapshot(snap);
    out << "load: " << loadMs << " ms to read " << snap->summaries().size() << " summaries and fill the model\n";

    // Typing "virDomainGet" one character at a time over every release (no
    // release filter, so all items are scanned), 15 rounds.
    const QString word = QStringLiteral("virDomainGet");
    std::vector<double> perKey;
    std::vector<double> backspace;
    ViewFilter f;
    for (int round = 0; round < 15; ++round) {
        f.text.clear();
        model.setFilter(f);
        for (qsizetype n = 1; n <= word.size(); ++n) {
            f.text = word.left(n);
            t.restart();
            model.setFilter(f);
            perKey.push_back(double(t.nsecsElapsed()) / 1e6);
        }
        // Backspace cannot narrow the previous result; the finder keeps the
        // last few results for it.
        f.text = word.left(word.size() - 1);
        t.restart();
        model.setFilter(f);
        backspace.push_back(double(t.nsecsElapsed()) / 1e6);
    }
    out << "filter: typing \"" << word << "\" over " << snap->summaries().size() << " items: median "
        << QString::number(median(perKey), 'f', 2) << " ms per keystroke, max "
        << QString::number(*std::max_element(perKey.begin(), perKey.end()), 'f', 2) << " ms (target <= 10 ms median)\n";
    out << "filter: backspace to a text typed before: median " << QString::number(median(backspace), 'f', 2)
        << " ms\n";
    // Pasting a new name: no narrowing and no earlier result, a full pass over every item.
    std::vector<double> paste;
    for (int i = 0; i < 15; ++i) {
        f.text = snap->summaries().at((i * 7919) % snap->summaries().size()).name;
        t.restart();
        model.setFilter(f);
        paste.push_back(double(t.nsecsElapsed()) / 1e6);
    }
    out << "filter: pasting a new name (full pass over every item): median "
        << QString::number(median(paste), 'f', 2) << " ms\n";
    f.text = QStringLiteral("v");
    t.restart();
    model.setFilter(f);
    out << "filter: one letter \"v\" from scratch: " << QString::number(double(t.nsecsElapsed()) / 1e6, 'f', 2)
        << " ms, " << model.rowCount() << " rows\n";

    // Start-up: the real executable on the big index.
    std::vector<double> paint, shown, resident;
    QString lastOutput, mapped;
    for (int i = 0; i < 5; ++i) {
        QProcess p;
        p.start(QStringLiteral(VSE_EXPLORER_BINARY),
                {QStringLiteral("--index"), big, QStringLiteral("--benchmark-startup"), QStringLiteral("--no-auto-index")});
        if (!p.waitForFinished(60000)) {
            out << "startup: the explorer did not finish\n";
            return 1;
        }
        lastOutput = QString::fromUtf8(p.readAllStandardOutput());
        for (const QString &line : lastOutput.split(QLatin1Char('\n'))) {
            if (line.startsWith(QLatin1String("startup: first paint ")))
                paint.push_back(line.section(QLatin1Char(' '), 3, 3).toDouble());
            if (line.startsWith(QLatin1String("startup: index loaded and shown ")))
                shown.push_back(line.section(QLatin1Char(' '), 5, 5).toDouble());
            if (line.startsWith(QLatin1String("startup: resident memory ")))
                resident.push_back(line.section(QLatin1Char(' '), 3, 3).toDouble());
            if (line.startsWith(QLatin1String("startup: libclang, LLVM or libelf mapped: ")))
                mapped = line.section(QLatin1String(": "), 2);
        }
    }
    out << "startup: first painted window median " << median(paint) << " ms after main() (target <= 300 ms); index of "
        << snap->summaries().size() << " items loaded and shown median " << median(shown) << " ms after main()\n";
    // The figure the goal is about: the explorer itself, which indexes and
    // scans through virt-support-index (this program links the extractors
    // to build its index, so its own memory stages above include them).
    out << "memory: the explorer with the " << snap->summaries().size() << " items loaded and shown: median "
        << median(resident) << " MB resident (VmRSS; target <= 120 MB); libclang, LLVM or libelf mapped: " << mapped
        << '\n';
    out << "startup: last run said:\n" << lastOutput;
    return 0;
}
