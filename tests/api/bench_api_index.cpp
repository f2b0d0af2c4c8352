// Prints how long indexing the installed libvirt's API takes compared with a
// bare libclang parse of libvirt.h, measured in the same run (DESIGN section 6:
// the ratio must stay at or below 2).
#include "extract/api/apireader.h"
#include "extract/api/clangsupport.h"

#include "benchtiming.h"

#include <QCoreApplication>
#include <QElapsedTimer>

#include <algorithm>
#include <cstdio>
#include <functional>
#include <vector>

using namespace vse;
using vse::bench::medianMs;


int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QString prefix = app.arguments().value(1, QStringLiteral("/"));
    const ApiInputs inputs = ApiInputs::forInstalled(prefix);
    const QByteArray header = (inputs.includeDir + QStringLiteral("/libvirt/libvirt.h")).toUtf8();
    QList<QByteArray> args = {"-x", "c"};
    for (const QString &a : clangsupport::resourceDirArguments())
        args.append(a.toUtf8());
    std::vector<const char *> argv2;
    for (const QByteArray &a : args)
        argv2.push_back(a.constData());

    const int runs = 5;
    bool parsed = true;
    const double bare = medianMs(runs, [&] {
        clangsupport::Index index;
        clangsupport::TranslationUnit tu(
            clang_parseTranslationUnit(index.get(), header.constData(), argv2.data(),
                                       int(argv2.size()), nullptr, 0, CXTranslationUnit_None));
        parsed &= tu.get() != nullptr;
    });
    qsizetype items = 0, errors = 0;
    const double full = medianMs(runs, [&] {
        ApiReader reader;
        const ExtractResult r = reader.read(inputs);
        items = r.items.size();
        errors = std::count_if(r.diagnostics.begin(), r.diagnostics.end(),
                               [](const Diagnostic &d) { return d.isError(); });
    });
    std::printf("bench_api_index (%s, median of %d runs)\n", qPrintable(prefix), runs);
    std::printf("  bare libclang parse of libvirt.h : %8.1f ms%s\n", bare,
                parsed ? "" : " (parse FAILED)");
    std::printf("  ApiReader::read (%lld items, %lld errors): %8.1f ms\n", (long long)items,
                (long long)errors, full);
    std::printf("  ratio                            : %8.2f x (target <= 2.00)\n", full / bare);
    return 0;
}
