#pragma once

#include "index/taintmentions.h"
#include "index/ticketforms.h"
#include "index/store.h"
#include "triage/triagereport.h"

#include <QCommandLineParser>
#include <QHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QSet>
#include <QStringList>
#include <QTextStream>

namespace vse::cli {

// Exit codes, documented in `virt-support --help` and the README.
enum ExitCode {
    Ok = 0,
    NotFound = 1,      // nothing matched / check-xml found problems for the target
    Usage = 2,         // bad command line
    InputError = 3,    // a source or input file could not be read
    IndexError = 4,    // the index could not be written or opened
    Uncertain = 5,     // check-xml: nothing certainly too new, but something may be (its since range holds the target)
    Tainted = 6,       // check-xml: valid and not too new, but the document taints the guest
    Extensions = 7,    // check-xml: valid, not too new, no taint, but it uses hypervisor namespace extensions
    ConfigSyntax = 8,  // check-config: libvirt's parser refuses a file (the daemon would not start)
    NothingFound = 9,  // triage: the folder holds nothing of libvirt (no guests, logs, configuration or release)
};

struct Context
{
    QTextStream &out;
    QTextStream &err;
    QString indexPath;
};

// One sub-command: parses its own options (so `--help` works per command).
struct Command
{
    const char *name;
    const char *summary;
    int (*run)(Context &ctx, const QStringList &args);
};

const QList<Command> &commands();

// The query program (`virt-support`) is built without the extractors, so it
// never loads libclang / LLVM. What needs them -- `index`, `history build`,
// and (re)building a missing, damaged or out-of-date index before a query --
// is handed over to the full program `virt-support-index` (the same commands,
// linked with everything), which replaces this process with the same
// arguments: the user sees the same output and exit code as before.
// Returns only when the helper cannot be started (exit code IndexError).
int runFullProgram(Context &ctx);
void setProgramArguments(int argc, char **argv);

// Opens the index, building it from the recorded sources (or the installed
// libvirt on first use) when it is missing, damaged or out of date.
// Returns an ExitCode; on Ok the store is open.
int openIndex(Context &ctx, Store &store);

// Standard option handling: --help, unknown options. Returns -1 to go on,
// otherwise the exit code to return.
int parseOrExit(Context &ctx, QCommandLineParser &parser, const QStringList &args, const char *command,
                const char *description);

void printDiagnostics(Context &ctx, const Diagnostics &diagnostics);

// A target release given on the command line (--max-version): a libvirt
// release number (6.0.0, 0.9.11, 10.5.0). Anything else is a usage error
// that says what is accepted. Returns false after printing it.
bool parseRelease(Context &ctx, const char *command, const QString &text, Version *out);
// Says so on stderr when `target` is newer than every indexed release
// (the shipped history ends at 1.3.5): nothing newer is known, so "too new"
// cannot be decided past them.
void noteIfBeyondKnown(Context &ctx, const char *command, const Store &store,
                       const Version &target);

// FILE|FOLDER arguments of the check commands: files as given, folders as
// their files matching one of `patterns` (not recursive, sorted by name). A
// folder with none, or one that cannot be read, comes back with `problem`
// set ("refused: no *.xml file in this folder"): the caller reports it as
// input that was not checked (exit code InputError).
struct InputFile
{
    QString file;
    QString problem; // set: not checked
};
QList<InputFile> collectInputs(const QStringList &args, const QStringList &patterns);

// A name written the way libvirt-python spells it ("dom.messages()",
// "virDomain.messages", "libvirt.open", "libvirt.VIR_DOMAIN_RUNNING"): the C
// items it stands for, read from the binding's libvirt.py. `names` empty
// and `problem` set: it looked like Python, but nothing answered (why).
// Not Python-shaped: both empty.
struct PythonLookup
{
    QStringList names;  // C function or constant names
    QHash<QString, QStringList> bindingNames; // virDomainCreate -> virDomain.create
    QStringList bindings; // every binding name, in `names`' order
    bool cSpelling = false; // typed the C way (dom.getState): the binding has no such name
    QString why;        // "libvirt-python's virDomain.messages calls it"
    QJsonObject lookup; // the same for JSON: via python-binding, binding, bindingFile
    QString problem;
};
PythonLookup lookUpPythonName(Store &store, const QString &typed);

// show for a taint reason named as a ticket quotes it ("custom-argv", the
// guest log's "Domain id=3 is tainted: custom-argv", virDomainGetMessages'
// words): its meaning, how libvirt words it, what sets it and the indexed
// items that do (showtaint.cpp).
// JSON goes to `batch` when given (show with several names), else to ctx.out.
int showTaintReasons(Context &ctx, const Store &store, const QString &typed, const TaintMentions &mentions, bool json,
                     QJsonArray *batch);

// The valid --tier values (tier ids and tier groups), for error messages.
QStringList tierChoices();

int runIndex(Context &ctx, const QStringList &args);
int runSearch(Context &ctx, const QStringList &args);
int runShow(Context &ctx, const QStringList &args);
int runStats(Context &ctx, const QStringList &args);
int runCheckXml(Context &ctx, const QStringList &args);
int runCheckConfig(Context &ctx, const QStringList &args);
int runCheckScript(Context &ctx, const QStringList &args);
int runProtocol(Context &ctx, const QStringList &args);
int runDiff(Context &ctx, const QStringList &args);
int runAudit(Context &ctx, const QStringList &args);
int runHistory(Context &ctx, const QStringList &args);
int runHost(Context &ctx, const QStringList &args);
int runTriage(Context &ctx, const QStringList &args);

// host and triage: the --format option, its check, and the report printed
// in that format (returns the report's exit code).
QCommandLineOption reportFormatOption();
bool validReportFormat(Context &ctx, const char *command, const QString &format);
int printHostReport(Context &ctx, const HostReport &report, const QString &format);

int runGenHeader(Context &ctx, const QStringList &args);
int runScan(Context &ctx, const QStringList &args);

} // namespace vse::cli
