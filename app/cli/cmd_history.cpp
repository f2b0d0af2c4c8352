#include "cli.h"

#include "model/releaseseries.h"

#ifndef VSE_CLI_QUERY_ONLY
#include "index/historybuilder.h"
#endif
#include "index/historypack.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMap>
#include <QSaveFile>

namespace vse::cli {

namespace {

int runHistoryBuild(Context &ctx, const QStringList &args)
{
#ifdef VSE_CLI_QUERY_ONLY
    Q_UNUSED(args);
    return runFullProgram(ctx);
#else
    QCommandLineParser p;
    const QCommandLineOption git(QStringLiteral("git"),
                                 QStringLiteral("A libvirt git repository: every tag vX.Y.Z."),
                                 QStringLiteral("REPO"));
    const QCommandLineOption source(
        QStringLiteral("source"),
        QStringLiteral("An unpacked source tree or package set (repeatable)."),
        QStringLiteral("DIR"));
    const QCommandLineOption tarball(
        QStringLiteral("tarball"),
        QStringLiteral(
            "An upstream libvirt release tarball, e.g. Debian's .orig.tar.xz (repeatable)."),
        QStringLiteral("FILE"));
    const QCommandLineOption output(QStringLiteral("output"),
                                    QStringLiteral("The pack file to write."),
                                    QStringLiteral("FILE"));
    const QCommandLineOption tags(QStringLiteral("tags"),
                                  QStringLiteral("Only these tags (comma-separated)."),
                                  QStringLiteral("LIST"));
    const QCommandLineOption maxTags(
        QStringLiteral("max-tags"), QStringLiteral("Only the oldest N tags."), QStringLiteral("N"));
    const QCommandLineOption threads(QStringLiteral("threads"),
                                     QStringLiteral("Releases read at once (default 2)."),
                                     QStringLiteral("N"), QStringLiteral("2"));
    p.addOptions({git, source, tarball, output, tags, maxTags, threads});
    if (int rc = parseOrExit(
            ctx, p, args, "history build",
            "Reads every release of a libvirt git repository (and the folders given) and "
            "writes a history pack. Progress and timing go to stderr.");
        rc >= 0)
        return rc;
    if (!p.positionalArguments().isEmpty() || !p.isSet(output) ||
        (!p.isSet(git) && !p.isSet(source) && !p.isSet(tarball))) {
        ctx.err << "virt-support history build: give --output FILE and --git REPO, --source DIR "
                   "and/or --tarball FILE\n";
        return Usage;
    }
    HistoryBuilder::Options o;
    o.gitRepo = p.value(git);
    o.sourceDirs = p.values(source);
    o.tarballs = p.values(tarball);
    if (p.isSet(tags))
        o.onlyTags = p.value(tags).split(QLatin1Char(','), Qt::SkipEmptyParts);
    bool ok = true;
    if (p.isSet(maxTags))
        o.maxTags = p.value(maxTags).toInt(&ok);
    bool okThreads = true;
    o.threads = p.value(threads).toInt(&okThreads);
    if (!ok || !okThreads || o.maxTags < 0 || o.threads < 1 || o.threads > 64) {
        ctx.err << "virt-support history build: --max-tags and --threads take a positive number\n";
        return Usage;
    }
    o.progress = [&ctx](const QString &line) {
        ctx.err << line << '\n';
        ctx.err.flush();
    };
    QElapsedTimer timer;
    timer.start();
    Diagnostics d;
    const auto pack = HistoryBuilder::build(o, &d);
    printDiagnostics(ctx, d);
    if (!pack)
        return InputError;
    const QByteArray data = pack->serialize();
    QSaveFile f(p.value(output));
    if (!f.open(QIODevice::WriteOnly) || f.write(data) != data.size() || !f.commit()) {
        ctx.err << "virt-support history build: cannot write " << p.value(output) << ": "
                << f.errorString() << '\n';
        return InputError;
    }
    ctx.err << "wrote " << p.value(output) << ": " << pack->releases().size() << " releases, "
            << pack->entries().size() << " items, " << data.size() << " bytes in "
            << timer.elapsed() << " ms\n";
    return Ok;
#endif
}

} // namespace

int runHistory(Context &ctx, const QStringList &args)
{
    if (args.size() > 1 && args.at(1) == QLatin1String("build"))
        return runHistoryBuild(ctx, args.mid(1));
    QCommandLineParser p;
    const QCommandLineOption json(QStringLiteral("json"), QStringLiteral("Print JSON."));
    p.addOption(json);
    if (int rc =
            parseOrExit(ctx, p, args, "history",
                        "What the built-in history pack covers ($VSE_HISTORY_PACK replaces it). "
                        "'virt-support history build --help' makes one.");
        rc >= 0)
        return rc;
    if (!p.positionalArguments().isEmpty()) {
        ctx.err << "virt-support history: unexpected argument "
                << p.positionalArguments().constFirst() << '\n';
        return Usage;
    }
    const HistoryPack &pack = HistoryPack::builtin();
    const QString origin = qEnvironmentVariableIsSet("VSE_HISTORY_PACK")
                               ? qEnvironmentVariable("VSE_HISTORY_PACK")
                               : QStringLiteral("built in");
    if (pack.isEmpty()) {
        for (const Diagnostic &d : HistoryPack::builtinProblems())
            ctx.err << d.toString() << '\n';
        ctx.err << "virt-support history: no history pack (" << origin << ")\n";
        return InputError;
    }
    const auto &rels = pack.releases();
    QMap<QString, int> families, kinds;
    for (const auto &r : rels)
        for (const auto &f : r.families)
            families[f]++;
    int exact = 0, ranged = 0, upToFirst = 0, removed = 0, docsDated = 0, ownDated = 0;
    for (const auto &e : pack.entries()) {
        kinds[kindId(e.kind)]++;
        if (e.attrs.contains(QStringLiteral("docSince")))
            ++docsDated;
        if (e.attrs.contains(HistoryPack::kOwnSince))
            ++ownDated;
        if (pack.removedIn(e).isValid())
            ++removed;
        const Version below = pack.lastAbsentBefore(e);
        if (!below.isValid()) {
            ++upToFirst;
            continue;
        }
        // Exact as the index will call it: absent from the upstream release
        // right before (ReleaseSeries knows the untagged ones).
        ReleaseSeries::adjacent(below, pack.firstSeen(e)) ? ++exact : ++ranged;
    }
    const int total = int(pack.entries().size());
    QJsonArray docs;
    for (const auto &a : pack.docsAgreement())
        docs.append(QJsonObject{{QStringLiteral("source"), a.source},
                                {QStringLiteral("kind"), kindId(a.kind)},
                                {QStringLiteral("agree"), a.agree},
                                {QStringLiteral("compared"), a.compared},
                                {QStringLiteral("percent"), a.percent()},
                                {QStringLiteral("kept"), a.kept},
                                {QStringLiteral("verdict"), a.verdict()}});
    if (p.isSet(json)) {
        QJsonObject fam, kin;
        for (auto it = families.cbegin(); it != families.cend(); ++it)
            fam.insert(it.key(), it.value());
        for (auto it = kinds.cbegin(); it != kinds.cend(); ++it)
            kin.insert(it.key(), it.value());
        ctx.out << QJsonDocument(
                       QJsonObject{{QStringLiteral("pack"), origin},
                                   {QStringLiteral("digest"), pack.digest()},
                                   {QStringLiteral("releases"), int(rels.size())},
                                   {QStringLiteral("first"), rels.constFirst().version.toString()},
                                   {QStringLiteral("last"), rels.constLast().version.toString()},
                                   {QStringLiteral("releasesWithFamily"), fam},
                                   {QStringLiteral("items"), total},
                                   {QStringLiteral("kinds"), kin},
                                   {QStringLiteral("exact"), exact},
                                   {QStringLiteral("ranged"), ranged + upToFirst},
                                   {QStringLiteral("rangedUpToFirst"), upToFirst},
                                   {QStringLiteral("removed"), removed},
                                   {QStringLiteral("docsAgreement"), docs},
                                   {QStringLiteral("docsDated"), docsDated},
                                   {QStringLiteral("ownSinceDated"), ownDated}})
                       .toJson(QJsonDocument::Indented);
        return Ok;
    }
    ctx.out << "History pack: " << origin << " (digest " << pack.digest().left(12) << ")\n"
            << "Releases: " << rels.size() << ", " << rels.constFirst().version.toString() << " - "
            << rels.constLast().version.toString() << "\n";
    for (auto it = families.cbegin(); it != families.cend(); ++it)
        ctx.out << "  with " << it.key() << " data: " << it.value() << '\n';
    ctx.out << "Items: " << total << " (" << removed << " removed since)\n";
    for (auto it = kinds.cbegin(); it != kinds.cend(); ++it)
        ctx.out << "  " << it.key().leftJustified(16) << it.value() << '\n';
    ctx.out << "Since: " << exact << " exact (absent in the release before), " << ranged + upToFirst
            << " ranged (" << upToFirst
            << " of them \"<= first seen\": no older release has data of their family)\n"
            << "  " << ownDated
            << " ranged API items dated by their own evidence (symbol version, .syms, \"Since:\" tag)\n";
    if (!pack.docsAgreement().isEmpty()) {
        ctx.out << "Docs \"Since\" notes against the exact history since:\n";
        for (const auto &a : pack.docsAgreement())
            ctx.out << "  " << a.source.leftJustified(8) << kindId(a.kind).leftJustified(15)
                    << a.agree << " of " << a.compared << " agree (" << a.percent() << " %), "
                    << a.verdict() << '\n';
        ctx.out << "  " << docsDated << " ranged items narrowed by a kept note\n";
    }
    return Ok;
}

} // namespace vse::cli
