#include "cli.h"
#include "usage.h"

#include "scan/targets.h"

#include "index/indexer.h"
#include "model/policy.h"
#include "model/releaseseries.h"

#include "vse-config.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>

#include <cerrno>
#include <cstring>
#include <iterator>
#include <unistd.h>

namespace vse::cli {

// The query module (VSE_CLI_FRONT_END) holds show, search and stats; the
// launcher loads the commands module for the others, so a query does not
// load libxml2 or Qt Concurrent.
#ifdef VSE_CLI_FRONT_END
#define VSE_IN_MODULE(run) nullptr
#else
#define VSE_IN_MODULE(run) run
#endif

namespace {
constexpr bool sameText(const char *a, const char *b)
{
    while (*a != '\0' && *a == *b) {
        ++a;
        ++b;
    }
    return *a == *b;
}
} // namespace

const QList<Command> &commands()
{
    // What runs each command; names and summaries are usage.h's.
    struct Runner
    {
        const char *name;
        int (*run)(Context &ctx, const QStringList &args);
    };
    static constexpr Runner runners[] = {
        {"index", VSE_IN_MODULE(runIndex)},
        {"search", runSearch},
        {"show", runShow},
        {"stats", runStats},
        {"check-xml", VSE_IN_MODULE(runCheckXml)},
        {"check-config", VSE_IN_MODULE(runCheckConfig)},
        {"check-script", VSE_IN_MODULE(runCheckScript)},
        {"protocol", VSE_IN_MODULE(runProtocol)},
        {"diff", VSE_IN_MODULE(runDiff)},
        {"audit", VSE_IN_MODULE(runAudit)},
        {"history", VSE_IN_MODULE(runHistory)},
        {"scan", VSE_IN_MODULE(runScan)},
        {"host", VSE_IN_MODULE(runHost)},
        {"triage", VSE_IN_MODULE(runTriage)},
        {"gen-header", VSE_IN_MODULE(runGenHeader)},
    };
    static_assert(std::size(runners) == std::size(kCommandInfo), "every command of usage.h has a runner");
    static_assert(
        [] {
            for (std::size_t i = 0; i < std::size(kCommandInfo); ++i)
                if (!sameText(runners[i].name, kCommandInfo[i].name))
                    return false;
            return true;
        }(),
        "runners in usage.h's order");

    static const QList<Command> list = [] {
        QList<Command> l;
        for (std::size_t i = 0; i < std::size(kCommandInfo); ++i) {
#ifdef VSE_CLI_FRONT_END
            // The launcher sends exactly usage.h's query commands here. Checked
            // when the table is made: GCC's sanitizer builds do not fold a
            // function pointer's null test at compile time.
            if ((runners[i].run != nullptr) != kCommandInfo[i].query)
                qFatal("virt-support: the query module and usage.h disagree about '%s'", kCommandInfo[i].name);
#endif
            l.append({kCommandInfo[i].name, kCommandInfo[i].summary, runners[i].run});
        }
        return l;
    }();
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
    // The global --index is accepted after the command as well.
    QCommandLineOption index(QStringLiteral("index"),
                             QStringLiteral("Use this index file (global option)."),
                             QStringLiteral("FILE"));
    index.setFlags(QCommandLineOption::HiddenFromHelp);
    parser.addOption(index);
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
    if (parser.isSet(index))
        ctx.indexPath = parser.value(index);
    return -1;
}

bool parseRelease(Context &ctx, const char *command, const QString &text, Version *out)
{
    const scan::ReleaseReading r = scan::readRelease(text);
    if (!r.error.isEmpty()) {
        ctx.err << "virt-support " << command << ": " << r.error << '\n';
        return false;
    }
    // Said on stderr, so that a script's output stays the same.
    if (!r.how.isEmpty())
        ctx.err << "virt-support " << command << ": " << r.how << Qt::endl; // before the answer
    *out = r.version;
    return true;
}

void noteIfBeyondKnown(Context &ctx, const char *command, const Store &store, const Version &target)
{
    Version newest;
    for (const auto &r : store.releases())
        newest = std::max(newest, r.version);
    if (!newest.isValid() || target <= newest)
        return;
    // The shipped history knows what came after the indexed releases, up to
    // its own newest release.
    const auto history = store.historyRelease();
    const Version known = history ? std::max(newest, history->version) : newest;
    ctx.err << "virt-support " << command << ": " << target.toString()
            << " is newer than every indexed release (newest: " << newest.toString() << "); ";
    if (target <= known)
        ctx.err << "what came after it is known from the shipped release history, up to " << known.toString() << '\n';
    else
        ctx.err << "what came after " << known.toString()
                << " is not known, so nothing is reported as too new for it\n";
}

QList<InputFile> collectInputs(const QStringList &args, const QStringList &patterns)
{
    QList<InputFile> out;
    for (const QString &a : args) {
        // An empty argument (an unset shell variable) names no file; opened,
        // it would read as the current folder.
        if (a.isEmpty()) {
            out.append({a, QStringLiteral("refused: an empty file name")});
            continue;
        }
        const QFileInfo fi(a);
        if (!fi.isDir()) {
            out.append({a, {}});
            continue;
        }
        const QDir dir(a);
        // Not filtered on readability: a file that cannot be read is
        // reported as such, not silently left out (and the folder is listed
        // without asking the system about each file's permissions).
        const QStringList names = dir.entryList(patterns, QDir::Files | QDir::Hidden, QDir::Name);
        if (names.isEmpty() && !dir.isReadable())
            out.append({a, QStringLiteral("refused: cannot read the folder")});
        else if (names.isEmpty())
            out.append({a, QStringLiteral("refused: no %1 file in this folder")
                               .arg(patterns.join(QStringLiteral(" or ")))});
        for (const QString &n : names)
            out.append({dir.filePath(n), {}});
    }
    return out;
}

QStringList tierChoices()
{
    QStringList out;
    for (const auto &info : Policy::instance().tiers()) {
        if (!out.contains(info.id))
            out << info.id;
        if (!info.group.isEmpty() && !out.contains(info.group))
            out << info.group;
    }
    return out;
}

namespace {
int g_argc = 0;
char **g_argv = nullptr;
} // namespace

void setProgramArguments(int argc, char **argv)
{
    g_argc = argc;
    g_argv = argv;
}

int runFullProgram(Context &ctx)
{
    ctx.out.flush();
    ctx.err.flush();
    // Beside this binary (the build tree), else where `cmake --install` puts it.
    // The query commands run without a QCoreApplication (main.cpp): ask the
    // kernel where this binary is, as applicationDirPath() does on Linux.
    const QString dir = QCoreApplication::instance()
                            ? QCoreApplication::applicationDirPath()
                            : QFileInfo(QFile::symLinkTarget(QStringLiteral("/proc/self/exe"))).path();
    const QStringList candidates{dir + QStringLiteral("/virt-support-index"),
                                 dir + QStringLiteral("/" VSE_CLI_HELPER_FROM_BINDIR)};
    for (const QString &path : candidates) {
        const QByteArray file = QFile::encodeName(path);
        if (::access(file.constData(), X_OK) != 0)
            continue;
        QList<char *> argv;
        argv.append(const_cast<char *>(file.constData()));
        for (int i = 1; i < g_argc; ++i)
            argv.append(g_argv[i]);
        argv.append(nullptr);
        ::execv(file.constData(), argv.data());
        ctx.err << "virt-support: cannot run " << path << ": "
                << QString::fromLocal8Bit(std::strerror(errno)) << "\n";
        return IndexError;
    }
    ctx.err << "virt-support: the indexing program is missing (looked for "
            << candidates.join(QStringLiteral(", ")) << ")\n";
    return IndexError;
}

int openIndex(Context &ctx, Store &store)
{
#ifdef VSE_CLI_QUERY_ONLY
    // The common case: an index that is up to date, decided from file sizes
    // and times. Anything else (missing, damaged, other schema, changed
    // sources) is the full program's job, with the same messages as ever.
    Diagnostics ignored;
    if (store.open(ctx.indexPath, &ignored) && Indexer::upToDate(store))
        return Ok;
    store.close();
    return runFullProgram(ctx);
#else
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
        if (firstRun && !r.storeFailed)
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
#endif
}

} // namespace vse::cli
