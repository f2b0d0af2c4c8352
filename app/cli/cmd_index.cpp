#include "cli.h"

#ifndef VSE_CLI_QUERY_ONLY
#include "index/indexer.h"
#include "index/indexresultjson.h"

#include <QJsonDocument>
#endif

#include <QElapsedTimer>

namespace vse::cli {

int runIndex(Context &ctx, const QStringList &args)
{
#ifdef VSE_CLI_QUERY_ONLY
    Q_UNUSED(args);
    return runFullProgram(ctx);
#else
    QCommandLineParser p;
    const QCommandLineOption source(
        QStringList{QStringLiteral("s"), QStringLiteral("source")},
        QStringLiteral("A libvirt release to index: '/' (the installed libvirt), an unpacked package set or a "
                       "source tree. Repeat for several releases. Default: the sources already indexed, or '/'."),
        QStringLiteral("PATH"));
    const QCommandLineOption force(QStringLiteral("force"), QStringLiteral("Re-read every source even if unchanged."));
    const QCommandLineOption quiet(QStringList{QStringLiteral("q"), QStringLiteral("quiet")},
                                   QStringLiteral("Print only problems."));
    // For programs that run the indexer (the explorer): the outcome and every
    // problem as one JSON document on stdout; progress stays on stderr.
    const QCommandLineOption json(QStringLiteral("json"),
                                  QStringLiteral("Print the outcome and the problems as one JSON document."));
    p.addOption(source);
    p.addOption(force);
    p.addOption(quiet);
    p.addOption(json);
    if (int rc = parseOrExit(ctx, p, args, "index", "Build or refresh the index. Only changed sources are re-read; "
                                                    "on any error the previous index is kept as it was.");
        rc >= 0)
        return rc;
    if (!p.positionalArguments().isEmpty()) {
        ctx.err << "virt-support index: unexpected argument " << p.positionalArguments().first()
                << " (use --source PATH)\n";
        return Usage;
    }
    QStringList sources = p.values(source);
    if (sources.isEmpty())
        sources = Indexer::indexedSources(ctx.indexPath);
    if (sources.isEmpty())
        sources << QStringLiteral("/");

    QElapsedTimer timer;
    timer.start();
    const bool isQuiet = p.isSet(quiet);
    const auto progress = [&](int done, int total, const QString &what) {
        if (!isQuiet)
            ctx.err << "[" << done << "/" << total << "] " << what << "\n";
        ctx.err.flush();
    };
    const Indexer::Result r = Indexer::run(sources, ctx.indexPath, progress, nullptr, p.isSet(force));
    if (p.isSet(json)) {
        ctx.out << QJsonDocument(indexResultToJson(r, ctx.indexPath)).toJson(QJsonDocument::Indented);
        return r.ok ? Ok : r.storeFailed ? IndexError : InputError;
    }
    printDiagnostics(ctx, r.diagnostics);
    if (!r.ok) {
        ctx.err << "virt-support index: failed; the previous index (if any) is unchanged\n";
        return r.storeFailed ? IndexError : InputError;
    }
    if (!isQuiet) {
        if (r.upToDate)
            ctx.out << "Index is up to date: ";
        else
            ctx.out << "Indexed " << r.reparsed << " changed source(s) in " << timer.elapsed() << " ms: ";
        ctx.out << r.releases << " release(s), " << r.items << " items in " << ctx.indexPath << "\n";
    }
    return Ok;
#endif
}

} // namespace vse::cli
