#include "cli.h"

#include "check/scriptchecker.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace vse::cli {

namespace {

// Every virsh command and option row of the index: the indexed releases'
// and the history's (a default install has no virsh: its commands come from
// the shipped history).
int verdictOf(const ScriptCheckReport &r)
{
    if (hasErrors(r.diagnostics))
        return InputError;
    bool maybe = false;
    for (const ScriptFinding &f : r.findings) {
        if (f.isProblem())
            return NotFound;
        maybe = maybe || f.kind == ScriptFinding::MaybeTooNew;
    }
    return maybe ? Uncertain : Ok;
}

QString verdictId(int rc)
{
    return rc == InputError  ? QStringLiteral("not-checked")
           : rc == NotFound  ? QStringLiteral("problems")
           : rc == Uncertain ? QStringLiteral("maybe-too-new")
                             : QStringLiteral("clean");
}

void printReport(Context &ctx, const ScriptCheckReport &r, int rc, const Version &max)
{
    int problems = 0;
    for (const ScriptFinding &f : r.findings)
        problems += f.isProblem();
    const QString target =
        max.isValid() ? QStringLiteral(" for libvirt ") + max.toString() : QString();
    const QString verdict = rc == NotFound    ? QStringLiteral("Problems")
                            : rc == Uncertain ? QStringLiteral("May be too new")
                                              : QStringLiteral("Clean");
    ctx.out << r.file << ": " << verdict << target << " \u2014 " << r.invocations
            << " virsh call(s), " << problems << " problem(s), "
            << (r.findings.size() - problems) << " note(s)\n";
    for (const ScriptFinding &f : r.findings)
        ctx.out << "  " << r.file << ':' << f.line << ':' << f.column << ": " << (f.isProblem() ? "" : "note: ")
                << ScriptFinding::kindId(f.kind) << ": " << f.subject << ": " << f.message << '\n';
    // A script the tokenizer could not follow to the end is said so, not hidden.
    for (const QString &n : r.parseNotes)
        ctx.out << "  " << r.file << ':' << n << " (shell syntax; the rest may be misread)\n";
}

} // namespace

int runCheckScript(Context &ctx, const QStringList &args)
{
    QCommandLineParser p;
    const QCommandLineOption maxVersion(
        QStringLiteral("max-version"),
        QStringLiteral("The libvirt release the scripts must work with: virsh commands and "
                       "options newer than it (or removed by it) are reported."),
        QStringLiteral("V"));
    const QCommandLineOption json(QStringLiteral("json"), QStringLiteral("Print JSON."));
    p.addOptions({maxVersion, json});
    p.addPositionalArgument(QStringLiteral("FILE"),
                            QStringLiteral("Shell scripts, or folders (their *.sh and *.bash "
                                           "files)."),
                            QStringLiteral("FILE|FOLDER..."));
    if (int rc = parseOrExit(
            ctx, p, args, "check-script",
            "Check the virsh calls in shell scripts against what the index knows of virsh across "
            "releases: unknown commands and options (with the nearest known name), commands and "
            "options newer than or removed by --max-version, deprecated aliases, and pipelines or "
            "$(...) that parse a command's table or list output (not kept stable by libvirt's "
            "policy) with the stable alternative (list --name, domstate, dumpxml...). Scripts are "
            "tokenized like a shell does (quotes, continuations, comments, here-documents, "
            "$(...), pipes), never run. Findings name FILE:LINE:COLUMN. Files are untrusted: "
            "regular files only, at most 4 MiB of UTF-8 text. Exit code (the worst file's): 0 "
            "clean, 5 only 'may be too new', 1 problems, 3 a file cannot be read or is refused.");
        rc >= 0)
        return rc;
    if (p.positionalArguments().isEmpty()) {
        ctx.err << "virt-support check-script: give a FILE or a FOLDER\n";
        return Usage;
    }
    ScriptChecker::Options options;
    if (p.isSet(maxVersion) &&
        !parseRelease(ctx, "check-script", p.value(maxVersion), &options.maxVersion))
        return Usage;

    const QList<InputFile> inputs = collectInputs(
        p.positionalArguments(), {QStringLiteral("*.sh"), QStringLiteral("*.bash")});
    bool any = false;
    for (const InputFile &in : inputs)
        any = any || in.problem.isEmpty();
    Diagnostics refused;
    for (const InputFile &in : inputs)
        if (!in.problem.isEmpty())
            refused.append(Diagnostic::error(in.file, 0, in.problem));
    printDiagnostics(ctx, refused);
    if (!any)
        return InputError;
    Store store;
    if (int rc = openIndex(ctx, store); rc != Ok)
        return rc;
    if (options.maxVersion.isValid())
        noteIfBeyondKnown(ctx, "check-script", store, options.maxVersion);
    const VirshCatalogue virsh(store.itemsOfKinds({ItemKind::VirshCommand, ItemKind::VirshOption}));
    if (virsh.isEmpty()) {
        ctx.err << "virt-support check-script: the index knows no virsh command (no release "
                   "history and no source tree with tools/virsh.c)\n";
        return InputError;
    }

    int worst = refused.isEmpty() ? Ok : InputError;
    const auto rank = [](int rc) {
        return rc == InputError ? 3 : rc == NotFound ? 2 : rc == Uncertain ? 1 : 0;
    };
    QJsonArray out;
    for (const InputFile &in : inputs) {
        if (!in.problem.isEmpty())
            continue;
        const ScriptCheckReport r = ScriptChecker::check(in.file, virsh, options);
        const int rc = verdictOf(r);
        if (rank(rc) > rank(worst))
            worst = rc;
        if (rc == InputError)
            printDiagnostics(ctx, r.diagnostics);
        if (p.isSet(json)) {
            QJsonObject o = r.toJson();
            o.insert(QStringLiteral("verdict"), verdictId(rc));
            o.insert(QStringLiteral("exitCode"), rc);
            out.append(o);
        } else if (rc != InputError) {
            printReport(ctx, r, rc, options.maxVersion);
        }
    }
    if (p.isSet(json)) {
        QJsonObject o{{QStringLiteral("files"), out}, {QStringLiteral("exitCode"), worst}};
        if (options.maxVersion.isValid())
            o.insert(QStringLiteral("maxVersion"), options.maxVersion.toString());
        ctx.out << QJsonDocument(o).toJson(QJsonDocument::Indented);
    }
    return worst;
}

} // namespace vse::cli
