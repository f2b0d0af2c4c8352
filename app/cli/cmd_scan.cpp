#include "cli.h"

#ifndef VSE_CLI_QUERY_ONLY
#include "check/domainxmlchecker.h"
#include "scan/projectscan.h"
#include "scan/scanengine.h"
#include "scan/storelookup.h"
#include "scan/targets.h"

#include "vse-config.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QTranslator>
#include <QMutex>
#include <QRegularExpression>
#include <map>
#endif

namespace vse::cli {

#ifndef VSE_CLI_QUERY_ONLY
namespace {

QString scanSchemaDirOf(const Store &store)
{
    const auto source = store.schemaSource();
    return source ? source->dir : QString();
}

} // namespace
#endif

int runScan(Context &ctx, const QStringList &args)
{
#ifdef VSE_CLI_QUERY_ONLY
    // Scanning C needs libclang, which the query program never loads.
    Q_UNUSED(args);
    return runFullProgram(ctx);
#else
    QCommandLineParser p;
    // Also --max-version, as the other commands spell it.
    const QCommandLineOption target(
        QStringList{QStringLiteral("target"), QStringLiteral("max-version")},
        QStringLiteral(
            "The oldest libvirt the code must run on: a release (6.0.0), or distribution "
            "releases (debian-12,ubuntu-22.04,rhel-9: the lowest libvirt among them). Uses newer "
            "than it are reported, guards it always passes are called obsolete."),
        QStringLiteral("V|DISTROS"));
    const QCommandLineOption format(
        QStringLiteral("format"),
        QStringLiteral("text (default), json, sarif (SARIF 2.1.0) or gcc "
                       "(file:line:col: warning: ...)."),
        QStringLiteral("FORMAT"), QStringLiteral("text"));
    const QCommandLineOption compileCommands(
        QStringLiteral("compile-commands"),
        QStringLiteral(
            "The compile_commands.json to parse C/C++ with (default: PATH/compile_commands.json or "
            "PATH/build/compile_commands.json; else each file with the installed libvirt's "
            "cflags)."),
        QStringLiteral("FILE"));
    const QCommandLineOption exclude(
        QStringLiteral("exclude"),
        QStringLiteral("Leave out files and folders under PATH that match this shell pattern (repeatable). "
                       "Without '/' it matches a name at any depth (tests, *_test.py); with '/' the path "
                       "below PATH (lib/testmock.py, vendor/*). Files named as PATH are always scanned."),
        QStringLiteral("PATTERN"));
    // For programs that run the scan (the explorer): progress lines, and the
    // index they show used as it is rather than rebuilt under them.
    const QCommandLineOption progress(
        QStringLiteral("progress"),
        QStringLiteral("Print progress on stderr, a line per translation unit: [DONE/TOTAL] FILE."));
    const QCommandLineOption noRefresh(
        QStringLiteral("no-refresh"),
        QStringLiteral("Use the index as it is: do not rebuild it first when its sources changed "
                       "(an index that cannot be opened is an error)."));
    // The explorer's language: its translation file, so the findings it
    // shows read as the rest of its window. Not for people (hidden).
    QCommandLineOption translations(QStringLiteral("translations"),
                                    QStringLiteral("Word the findings with this Qt translation file."),
                                    QStringLiteral("QM"));
    translations.setFlags(QCommandLineOption::HiddenFromHelp);
    p.addOptions({target, format, compileCommands, exclude, progress, noRefresh, translations});
    p.addPositionalArgument(QStringLiteral("PATH"),
                            QStringLiteral("Folders or files of the application."),
                            QStringLiteral("PATH..."));
    if (int rc = parseOrExit(
            ctx, p, args, "scan",
            "Scan an application's C/C++ sources (through libclang) for every use of libvirt's API "
            "and say "
            "which libvirt it needs: the highest since among unguarded uses, with the uses that "
            "set it. "
            "Code under #if LIBVIR_CHECK_VERSION / LIBVIR_VERSION_NUMBER, under a run-time "
            "comparison of "
            "a virConnectGetLibVersion result, or with a VIR_ERR_NO_SUPPORT fallback is guarded. "
            "Also "
            "reports uses newer than --target (flags and constants are compiled in: the running "
            "libvirt "
            "must know them), hypervisor-specific, tainting and private APIs, _LAST values, "
            "deprecated "
            "aliases, obsolete guards and unknown names; domain XML files under PATH go through "
            "check-xml. Exit code: 1 something is too new for the target, 5 only 'may be too new', "
            "6 a use taints the guest, 3 nothing could be scanned, 0 otherwise.");
        rc >= 0)
        return rc;
    if (p.positionalArguments().isEmpty()) {
        ctx.err << "virt-support scan: give a PATH\n";
        return Usage;
    }
    if (p.isSet(translations)) {
        auto *translator = new QTranslator(QCoreApplication::instance());
        if (!translator->load(p.value(translations))) {
            ctx.err << "virt-support scan: " << p.value(translations) << ": error: not a translation file\n";
            return InputError;
        }
        QCoreApplication::installTranslator(translator);
    }
    const QString fmt = p.value(format);
    if (!QStringList{QStringLiteral("text"), QStringLiteral("json"), QStringLiteral("sarif"),
                     QStringLiteral("gcc")}
             .contains(fmt)) {
        ctx.err << "virt-support scan: --format must be text, json, sarif or gcc, not '" << fmt
                << "'\n";
        return Usage;
    }
    Version max;
    QString targetText;
    if (p.isSet(target)) {
        // A version, or distribution releases (debian-12,rhel-9): the lowest
        // libvirt among them, each with where that fact comes from.
        const scan::TargetResolution t = scan::resolveTargets(p.value(target));
        if (!t.error.isEmpty() || !t.version.isValid()) {
            ctx.err << "virt-support scan: --target: "
                    << (t.error.isEmpty() ? QStringLiteral("not a version: ") + p.value(target) : t.error)
                    << "\n";
            return Usage;
        }
        max = t.version;
        targetText = t.named.isEmpty() ? max.toString()
                                       : max.toString() + QStringLiteral(" (") +
                                             t.explanation.join(QStringLiteral("; ")) + QLatin1Char(')');
    }
    for (const QString &pattern : p.values(exclude))
        if (!scan::isExcludePattern(pattern)) {
            ctx.err << "virt-support scan: --exclude '" << pattern << "' is not a shell pattern\n";
            return Usage;
        }
    if (p.isSet(compileCommands) && !QFileInfo(p.value(compileCommands)).isFile()) {
        ctx.err << "virt-support scan: " << p.value(compileCommands) << ": no such file\n";
        return InputError;
    }
    Store store;
    if (p.isSet(noRefresh)) {
        Diagnostics d;
        if (!store.open(ctx.indexPath, &d)) {
            printDiagnostics(ctx, d);
            return IndexError;
        }
    } else if (int rc = openIndex(ctx, store); rc != Ok) {
        return rc;
    }
    if (max.isValid())
        noteIfBeyondKnown(ctx, "scan", store, max);

    const scan::ProjectFiles files = scan::collectProjectFiles(p.positionalArguments(), p.values(exclude));
    Diagnostics problems = files.problems;
    scan::ProjectScanOptions options;
    options.compileCommands = p.value(compileCommands);
    QMutex progressLock; // translation units are parsed on several threads
    if (p.isSet(progress))
        options.progress = [&ctx, &progressLock](int done, int total, const QString &file) {
            const QMutexLocker lock(&progressLock);
            ctx.err << "[" << done << "/" << total << "] " << file << "\n";
            ctx.err.flush();
        };
    const QList<scan::FileScan> scans = scan::scanProject(files, options, &problems);
    scan::ScanReport report = scan::analyse(scans, scan::storeLookup(store), max);
    report.inputs = p.positionalArguments();
    report.excluded = files.excluded;
    report.targetText = targetText;
    report.problems = problems + report.problems;

    if (!files.domainXml.isEmpty()) {
        const QString schemaDir = scanSchemaDirOf(store);
        const auto releases = store.releases();
        std::map<QString, std::optional<Item>> cache;
        const ItemLookup lookup = [&](const QString &path) -> const Item * {
            auto it = cache.find(path);
            if (it == cache.end()) {
                std::optional<Item> found;
                if (!releases.isEmpty())
                    for (Item &item : store.itemsByName(path, releases.constLast().id))
                        if (kindFamily(item.kind) == QLatin1String("xml"))
                            found = std::move(item);
                it = cache.emplace(path, std::move(found)).first;
            }
            return it->second ? &*it->second : nullptr;
        };
        XmlUsageMemo memo; // the documents of a project share most paths
        for (const QString &f : files.domainXml) {
            if (schemaDir.isEmpty()) {
                report.problems.append(
                    Diagnostic::warning(f, 0,
                                        QStringLiteral("no indexed release has XML schemas; "
                                                       "not checked")));
                continue;
            }
            const CheckReport r = CheckReport::of(checkXml(f, schemaDir, lookup, max, &memo), max);
            for (const NodeFindings &n : r.nodes) {
                if (!n.notable())
                    continue;
                QStringList facts = n.problems;
                facts += n.taints.isEmpty() ? QStringList()
                                            : QStringList{QStringLiteral("taints: ") +
                                                          n.taints.join(QStringLiteral(", "))};
                if (n.target == SinceRange::Fit::TooNew)
                    facts << QStringLiteral("newer than the target (%1)").arg(n.since.toString());
                else if (n.target == SinceRange::Fit::MaybeTooNew)
                    facts << QStringLiteral("may be newer than the target (%1)")
                                 .arg(n.since.toString());
                if (n.namespaceExtension)
                    facts << QStringLiteral("namespace extension (%1)").arg(n.hypervisor);
                if (facts.isEmpty())
                    facts << n.tier;
                report.findings.append({scan::Finding::Xml,
                                        {f, n.line, 0},
                                        n.path,
                                        QStringLiteral("%1: %2").arg(
                                            n.path.isEmpty() ? QStringLiteral("schema") : n.path,
                                            facts.join(QStringLiteral("; "))),
                                        n.since,
                                        {}});
            }
            report.xml.append(r);
        }
    }

    if (fmt == QLatin1String("json"))
        ctx.out << QJsonDocument(report.toJson()).toJson(QJsonDocument::Indented);
    else if (fmt == QLatin1String("sarif"))
        ctx.out << QJsonDocument(report.toSarif(QStringLiteral(VSE_VERSION_STRING)))
                       .toJson(QJsonDocument::Indented);
    else if (fmt == QLatin1String("gcc"))
        ctx.out << report.toGcc();
    else
        ctx.out << report.toText();
    return report.exitCode();
#endif
}

} // namespace vse::cli
