// Scanning libvirt-glib's C sources against a bare libclang parse of the
// same translation units with the same arguments (the yardstick of the
// design's "scan <= 1.5 x a bare parse"), measured in one run, alternating.
#include "benchtiming.h"
#include "scantestsupport.h"

#include <QCoreApplication>
#include <QDirIterator>

#include <cstdio>

using namespace vse;
using namespace vse::scan;

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QTemporaryDir dir;
    QString why;
    const QString root = scantest::unpackLibvirtGlib(dir.path(), &why);
    if (root.isEmpty()) {
        std::printf("bench_scan: skipped: %s\n", qPrintable(why));
        return 0;
    }
    const ProjectFiles files = collectProjectFiles({root});
    CScanOptions options;
    options.roots = files.roots;
    const CScanner scanner(options);
    Diagnostics problems;
    const QList<CompileJob> jobs = scanner.plan(files.c, &problems);
    QList<CompileJob> sources; // the TUs the database builds (headers ride along)
    for (const CompileJob &j : jobs)
        if (j.fromDatabase)
            sources.append(j);
    int uses = 0;
    const int runs = 3;
    double bare = 0, scan = 0;
    std::vector<double> ratios;
    for (int i = 0; i < runs; ++i) {
        const double b = bench::medianMs(1, [&] { CScanner::bareParse(sources); });
        const double s = bench::medianMs(1, [&] {
            uses = 0;
            for (const FileScan &fs : scanner.scan(sources))
                uses += int(fs.uses.size());
        });
        bare += b;
        scan += s;
        ratios.push_back(s / b);
    }
    std::sort(ratios.begin(), ratios.end());
    std::printf("bench_scan: libvirt-glib %d translation units, %d uses found\n",
                int(sources.size()), uses);
    std::printf("  bare libclang parse: %.0f ms (mean of %d)\n", bare / runs, runs);
    std::printf("  scan (parse with preprocessing record + walk + guards): %.0f ms (mean of %d)\n",
                scan / runs, runs);
    std::printf("  ratio scan / bare parse: median %.2f (min %.2f, max %.2f; goal <= 1.5)\n",
                ratios[ratios.size() / 2], ratios.front(), ratios.back());
    return 0;
}
