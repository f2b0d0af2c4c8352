#include "cli.h"

#include "index/indexer.h"

#include <QFileInfo>

namespace vse::cli {

const QList<Command> &commands()
{
    static const QList<Command> list{
        {"index", "build or refresh the index from libvirt sources", runIndex},
        {"search", "find items by name (exact, prefix, substring, fuzzy) with filters", runSearch},
        {"show", "everything about one item: tier, since and evidence, taint, definition", runShow},
        {"stats", "what the index holds: releases, items per kind and tier", runStats},
        {"check-xml", "validate a libvirt XML file; report tiers, taints, namespace extensions, newer items",
         runCheckXml},
        {"protocol", "list an RPC program's procedures in number order", runProtocol},
        {"diff", "added / removed / renamed / changed items between two indexed releases", runDiff},
        {"audit", "policy violations between consecutive indexed releases", runAudit},
        {"history", "what the built-in release history covers; 'history build' makes one", runHistory},
    };
    return list;
}

void printDiagnostics(Context &ctx, const Diagnostics &diagnostics)
{
    for (const auto &d : diagnostics)
        ctx.err << d.toString() << '\n';
}

int parseOrExit(Context &ctx, QCommandLineParser &parser, const QStringList &args, const char *command,
                const char *description)
{
    parser.setApplicationDescription(QString::fromLatin1(description));
    const QCommandLineOption help(QStringList{QStringLiteral("h"), QStringLiteral("help")},
                                  QStringLiteral("Show this help."));
    parser.addOption(help);
    QStringList full = args;
    full[0] = QStringLiteral("virt-support ") + QString::fromLatin1(command);
    if (!parser.parse(full)) {
        ctx.err << "virt-support " << command << ": " << parser.errorText() << "\n";
        return Usage;
    }
    if (parser.isSet(help)) {
        // QCommandLineParser names the binary path; say the command instead.
        QString text = parser.helpText();
        const qsizetype eol = text.indexOf(QLatin1Char('\n'));
        const qsizetype opts = text.indexOf(QLatin1String(" [options]"));
        if (opts > 0 && opts < eol)
            text.replace(0, opts, QStringLiteral("Usage: virt-support ") + QString::fromLatin1(command));
        ctx.out << text;
        return Ok;
    }
    return -1;
}

int openIndex(Context &ctx, Store &store)
{
    Diagnostics d;
    QStringList sources = Indexer::indexedSources(ctx.indexPath);
    const bool firstRun = sources.isEmpty();
    if (firstRun)
        sources << QStringLiteral("/");
    // Cheap when nothing changed: only file sizes and times are compared.
    const auto progress = [&](int, int, const QString &what) {
        if (!what.startsWith(QLatin1String("unchanged")))
            ctx.err << "virt-support: " << what << "\n";
    };
    const Indexer::Result r = Indexer::run(sources, ctx.indexPath, progress);
    if (!r.ok) {
        printDiagnostics(ctx, r.diagnostics);
        if (firstRun)
            ctx.err << "virt-support: could not index the installed libvirt; run 'virt-support index "
                       "--source PATH' with a libvirt source tree or package set\n";
        return r.storeFailed ? IndexError : InputError;
    }
    // Queries stay readable: a rebuild only mentions how many input warnings
    // it met, but always says why the index itself had to be rebuilt.
    int inputWarnings = 0;
    for (const auto &x : r.diagnostics) {
        if (x.file == ctx.indexPath)
            ctx.err << x.toString() << '\n';
        else
            ++inputWarnings;
    }
    if (!r.upToDate && inputWarnings > 0)
        ctx.err << "virt-support: indexed with " << inputWarnings
                << " warning(s); 'virt-support index --force' lists them\n";
    if (!store.open(ctx.indexPath, &d)) {
        printDiagnostics(ctx, d);
        return IndexError;
    }
    return Ok;
}

} // namespace vse::cli
