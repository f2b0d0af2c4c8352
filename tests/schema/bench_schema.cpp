// Prints how long indexing all schemas of a release takes (median of runs).
#include "extract/schema/schemaextractor.h"

#include <QCoreApplication>
#include <QElapsedTimer>

#include <algorithm>
#include <cstdio>

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QString dir = argc > 1 ? QString::fromLocal8Bit(argv[1]) : vse::SchemaExtractor::installedSchemaDir();
    const int runs = argc > 2 ? std::max(1, atoi(argv[2])) : 7;
    QList<double> ms;
    qsizetype items = 0, errors = 0;
    for (int i = 0; i < runs; ++i) {
        QElapsedTimer t;
        t.start();
        const auto result = vse::SchemaExtractor::extractDir(dir);
        ms.append(double(t.nsecsElapsed()) / 1e6);
        items = result.items.size();
        errors = std::count_if(result.diagnostics.cbegin(), result.diagnostics.cend(),
                               [](const vse::Diagnostic &d) { return d.isError(); });
        if (i == 0 && qEnvironmentVariableIsSet("VSE_BENCH_DUMP")) {
            for (const auto &item : result.items)
                std::printf("%s\t%s\t%s\n", qPrintable(vse::kindId(item.kind)), qPrintable(item.name),
                            qPrintable(item.tier));
            for (const auto &d : result.diagnostics)
                std::printf("%s\n", qPrintable(d.toString()));
        }
    }
    std::sort(ms.begin(), ms.end());
    std::printf("bench_schema: %s: %lld items, %lld errors; median %.1f ms, min %.1f ms, max %.1f ms over %d runs\n",
                qPrintable(dir), qlonglong(items), qlonglong(errors), ms.at(ms.size() / 2), ms.first(), ms.last(),
                runs);
    return 0;
}
