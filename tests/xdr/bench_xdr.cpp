// Prints how long parsing every .x file of a release takes, and how long the
// whole protocol extraction (parse, type check, items, policy) takes; medians of runs.
#include "extract/xdr/protocolextractor.h"
#include "extract/xdr/xdrparser.h"

#include <QCoreApplication>
#include <QDirIterator>
#include <QElapsedTimer>
#include <QFile>

#include <algorithm>
#include <cstdio>

namespace {

struct Figures
{
    double median, min, max;
};

template <typename F> Figures measure(int runs, F &&work)
{
    QList<double> ms;
    for (int i = 0; i < runs; ++i) {
        QElapsedTimer t;
        t.start();
        work();
        ms.append(double(t.nsecsElapsed()) / 1e6);
    }
    std::sort(ms.begin(), ms.end());
    return {ms.at(ms.size() / 2), ms.first(), ms.last()};
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QString root = argc > 1 ? QString::fromLocal8Bit(argv[1]) : QString();
    if (root.isEmpty() && qEnvironmentVariableIsSet("VSE_CORPUS_DIR"))
        root = qEnvironmentVariable("VSE_CORPUS_DIR") + QStringLiteral("/1.3.5");
    if (root.isEmpty() || !QFileInfo::exists(root + QStringLiteral("/src"))) {
        std::printf(
            "bench_xdr: give a libvirt source tree (e.g. $VSE_CORPUS_DIR/1.3.5) as argument or set "
            "VSE_CORPUS_DIR\n");
        return 1;
    }
    const int runs = argc > 2 ? std::max(1, atoi(argv[2])) : 11;

    // Parse from memory so the figure is the parser's, not the disk's.
    QList<QPair<QString, QByteArray>> files;
    qint64 bytes = 0;
    QDirIterator it(root + QStringLiteral("/src"), {QStringLiteral("*.x")}, QDir::Files,
                    QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        QFile f(path);
        if (f.open(QIODevice::ReadOnly))
            files.append({path, f.readAll()});
        bytes += files.constLast().second.size();
    }
    qsizetype definitions = 0;
    const Figures parse = measure(runs, [&] {
        definitions = 0;
        for (const auto &[path, data] : files)
            definitions += vse::parseXdr(data, path).definitions.size();
    });
    std::printf(
        "bench_xdr: parse %lld .x files (%lld KiB, %lld definitions): median %.2f ms, min %.2f ms, "
        "max %.2f ms over %d runs (%.1f MiB/s)\n",
        qlonglong(files.size()), qlonglong(bytes / 1024), qlonglong(definitions), parse.median,
        parse.min, parse.max, runs, double(bytes) / (1024.0 * 1024.0) / (parse.median / 1000.0));

    qsizetype items = 0, errors = 0;
    const Figures extract = measure(runs, [&] {
        const auto r = vse::ProtocolExtractor().extractTree(root);
        items = r.items.size();
        if (qEnvironmentVariableIsSet("VSE_BENCH_DUMP") && runs == 1) {
            for (const auto &item : r.items)
                std::printf("%s\t%s\t%s\t%s\t%s:%d\n%s\n\n", qPrintable(vse::kindId(item.kind)),
                            qPrintable(item.identity()), qPrintable(item.name),
                            qPrintable(item.tier), qPrintable(item.file), item.line,
                            qPrintable(item.signature));
            for (const auto &d : r.diagnostics)
                std::printf("%s\n", qPrintable(d.toString()));
        }
        errors = std::count_if(r.diagnostics.cbegin(), r.diagnostics.cend(),
                               [](const vse::Diagnostic &d) { return d.isError(); });
    });
    std::printf(
        "bench_xdr: extractTree %s (read, parse, check, %lld items, %lld errors): median %.2f ms, "
        "min %.2f ms, max %.2f ms over %d runs\n",
        qPrintable(root), qlonglong(items), qlonglong(errors), extract.median, extract.min,
        extract.max, runs);
    return 0;
}
