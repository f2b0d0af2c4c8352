// virt-support: the command-line face of virt-support-explorer. It links only
// the core library, so it runs on servers and in CI without a display.
#include "cli.h"
#include "usage.h"

#include "vse-config.h"

#include "model/policy.h"
#ifndef VSE_CLI_FRONT_END
#include "check/libxmlmemory.h"
#endif

#include <QCoreApplication>

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <optional>

using namespace vse::cli;

#include <algorithm>

namespace {

void printUsage(QTextStream &out)
{
    out << usageText();
}

// The query commands run without a QCoreApplication: constructing one sets
// the C library's locale from the environment (a dozen locale files read)
// and creates an event dispatcher, a fifth of what `show` cost beyond
// loading Qt. They use no event loop, no translators, nothing that depends
// on the C locale (Qt formats numbers itself; file names and the output are
// UTF-8 either way). The other commands keep it.
bool runsWithoutApplication(const QString &command)
{
    return command == QLatin1String("show") || command == QLatin1String("search") ||
           command == QLatin1String("stats");
}

} // namespace

// main() of every build: the query module behind the launcher `virt-support`,
// the commands module and the full program `virt-support-index` (see the end
// of this file).
int cliMain(int argc, char **argv)
{
#ifndef VSE_CLI_FRONT_END
    // Before any thread (the front end does not load libxml2 at all).
    vse::installLibxml2MemoryFunctions();
#endif
    setProgramArguments(argc, argv);
    // `virt-support --help` needs no application object (nor its set-up).
    if (argc == 2 && std::strcmp(argv[1], "--help") == 0) {
        QTextStream out(stdout);
        printUsage(out);
        return Ok;
    }
    QCoreApplication::setApplicationName(QStringLiteral("virt-support"));
    QCoreApplication::setApplicationVersion(QStringLiteral(VSE_VERSION_STRING));
    QTextStream out(stdout);
    QTextStream err(stderr);
    Context ctx{out, err, vse::Store::defaultPath()};

    // What QCoreApplication::arguments() gives on Unix, without the object.
    QStringList args;
    for (int i = 1; i < argc; ++i)
        args << QString::fromLocal8Bit(argv[i]);
    while (!args.isEmpty() && args.first().startsWith(QLatin1String("--"))) {
        const QString opt = args.takeFirst();
        if (opt == QLatin1String("--help")) {
            printUsage(out);
            return Ok;
        }
        if (opt == QLatin1String("--version")) {
            out << "virt-support " << VSE_VERSION_STRING << '\n';
            return Ok;
        }
        if (opt == QLatin1String("--index") && !args.isEmpty()) {
            ctx.indexPath = args.takeFirst();
            continue;
        }
        if (opt.startsWith(QLatin1String("--index="))) {
            ctx.indexPath = opt.mid(8);
            continue;
        }
        err << "virt-support: unknown option " << opt << "\n";
        printUsage(err);
        return Usage;
    }
    if (args.isEmpty()) {
        printUsage(err);
        return Usage;
    }
    const QString name = args.first();
    // An edited policy that does not load is an input that cannot be read.
    if (vse::Diagnostics d; !vse::Policy::checkOverride(&d)) {
        err << "virt-support: cannot load the policy data: " << d.constFirst().toString() << '\n';
        return InputError;
    }
#ifdef VSE_CLI_FRONT_END
    // The launcher loads the commands module for the other commands
    // (launcher.cpp reads the command line as the loop above does); only a
    // caller that bypasses it gets here with one.
    for (const auto &c : commands())
        if (!c.run && name == QLatin1String(c.name)) {
            err << "virt-support: '" << name << "' runs in virt-support-commands.so; run it through virt-support\n";
            return IndexError;
        }
#endif
    std::optional<QCoreApplication> app;
    if (!runsWithoutApplication(name))
        app.emplace(argc, argv);
    for (const auto &c : commands())
        if (name == QLatin1String(c.name)) {
            const int rc = c.run(ctx, args);
            // check-xml leaves compiled schemas and the schema graph in
            // process-wide caches: freeing them one by one costs more than
            // a small check (~10 % of its time). Everything is written out,
            // and the index was opened read-only, so exit without it.
            if (name == QLatin1String("check-xml")) {
                out.flush();
                err.flush();
                std::fflush(nullptr);
                std::_Exit(rc);
            }
            return rc;
        }
    err << "virt-support: unknown command '" << name << "'\n\n";
    printUsage(err);
    return Usage;
}

#ifdef VSE_CLI_MODULE
// What the launcher (launcher.cpp) calls in the query module or the
// commands module, with the program's own arguments.
extern "C" Q_DECL_EXPORT int vse_cli_main(int argc, char **argv)
{
    return cliMain(argc, argv);
}
#else
int main(int argc, char **argv)
{
    return cliMain(argc, argv);
}
#endif
