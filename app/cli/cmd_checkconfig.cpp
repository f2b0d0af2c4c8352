#include "cli.h"

#include "check/configchecker.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace vse::cli {

namespace {

// Every config-option row of the index: the indexed releases' and the
// history's (a default install has no daemon files: its options come from
// the shipped history).
int verdictOf(const ConfigCheckReport &r)
{
    if (hasErrors(r.diagnostics))
        return InputError;
    if (r.hasSyntaxErrors())
        return ConfigSyntax;
    bool maybe = false;
    for (const ConfigFinding &f : r.findings) {
        if (f.isProblem())
            return NotFound;
        maybe = maybe || f.kind == ConfigFinding::MaybeTooNew;
    }
    return maybe ? Uncertain : r.taints().isEmpty() ? Ok : Tainted;
}

QString verdictText(int rc, const Version &max)
{
    const QString target =
        max.isValid() ? QStringLiteral(" for libvirt ") + max.toString() : QString();
    switch (rc) {
    case ConfigSyntax:
        return QStringLiteral("libvirt cannot parse it (the daemon would not start)");
    case NotFound:
        return QStringLiteral("Problems") + target;
    case Uncertain:
        return QStringLiteral("May be too new") + target;
    case Tainted:
        return QStringLiteral("Clean") + target + QStringLiteral(", but every guest is marked tainted");
    default:
        return QStringLiteral("Clean") + target;
    }
}

void printReport(Context &ctx, const ConfigCheckReport &r, int rc, const Version &max)
{
    int problems = 0;
    for (const ConfigFinding &f : r.findings)
        problems += f.isProblem();
    // The verdict first: what a support engineer tells the customer.
    ctx.out << r.file << ": " << verdictText(rc, max) << " \u2014 " << r.settings
            << " setting(s) of " << r.configName;
    if (!r.mappedFrom.isEmpty())
        ctx.out << " (" << r.mappedFrom << " is read like libvirtd.conf)";
    ctx.out << ", " << problems << " problem(s), " << (r.findings.size() - problems)
            << " note(s)\n";
    for (const ConfigFinding &f : r.findings)
        ctx.out << "  " << r.file << ':' << f.line << ": " << (f.isProblem() ? "" : "note: ")
                << ConfigFinding::kindId(f.kind) << ": "
                << f.option << ": " << f.message << '\n';
}

} // namespace

int runCheckConfig(Context &ctx, const QStringList &args)
{
    QCommandLineParser p;
    const QCommandLineOption daemon(
        QStringLiteral("daemon"),
        QStringLiteral("Which file this is when its name does not say: qemu, libvirtd, "
                       "virtqemud, virtlogd, lxc... (or qemu.conf)."),
        QStringLiteral("NAME"));
    const QCommandLineOption maxVersion(
        QStringLiteral("max-version"),
        QStringLiteral("The libvirt release the file must work with: options removed "
                       "by then or newer than it are reported."),
        QStringLiteral("V"));
    const QCommandLineOption from(
        QStringLiteral("from"),
        QStringLiteral("With --to: report options the file leaves to the shipped value "
                       "when that value changed between these releases."),
        QStringLiteral("A"));
    const QCommandLineOption to(QStringLiteral("to"), QStringLiteral("See --from."),
                                QStringLiteral("B"));
    const QCommandLineOption json(QStringLiteral("json"), QStringLiteral("Print JSON."));
    p.addOptions({daemon, maxVersion, from, to, json});
    p.addPositionalArgument(
        QStringLiteral("FILE"),
        QStringLiteral("Daemon configuration files, or folders (their *.conf files, like "
                       "/etc/libvirt)."),
        QStringLiteral("FILE|FOLDER..."));
    if (int rc = parseOrExit(
            ctx, p, args, "check-config",
            "Check libvirt daemon configuration files (qemu.conf, libvirtd.conf, virtqemud.conf, "
            "...) "
            "against what the index knows of each file across releases: unknown options (with the "
            "nearest known name), values of the wrong type for the augeas lens, options the lens "
            "cannot read, options removed by or newer than --max-version, and with --from A --to B "
            "the options the file leaves to a shipped value that changed between A and B, and settings "
            "that make libvirt mark every guest tainted (qemu.conf user or group root, capability_filters). "
            "Findings "
            "name FILE:LINE. Syntax errors libvirt's own parser stops at (a line that is not 'name "
            "= value', an unclosed string or list, a comment inside a list) are reported first: "
            "libvirt refuses such a file whole. Files are untrusted: regular files only, at most 1 "
            "MiB of UTF-8 text. Exit code (the worst file's): 0 clean, 6 clean but every guest tainted, 5 only 'may "
            "be too new', 1 problems, 8 syntax errors (the daemon would not start), 3 a file cannot be read or is "
            "refused.");
        rc >= 0)
        return rc;
    if (p.positionalArguments().isEmpty()) {
        ctx.err << "virt-support check-config: give a FILE or a FOLDER\n";
        return Usage;
    }
    ConfigChecker::Options options;
    if (p.isSet(maxVersion) &&
        !parseRelease(ctx, "check-config", p.value(maxVersion), &options.maxVersion))
        return Usage;
    if (p.isSet(from) != p.isSet(to)) {
        ctx.err << "virt-support check-config: --from and --to go together\n";
        return Usage;
    }
    if (p.isSet(from) && (!parseRelease(ctx, "check-config", p.value(from), &options.from) ||
                          !parseRelease(ctx, "check-config", p.value(to), &options.to)))
        return Usage;
    QString mapped;
    if (p.isSet(daemon))
        options.configName = ConfigChecker::indexName(p.value(daemon), &mapped);

    QStringList files;
    Diagnostics refused;
    for (const InputFile &in : collectInputs(p.positionalArguments(), {QStringLiteral("*.conf")})) {
        if (in.problem.isEmpty())
            files << in.file;
        else
            refused.append(Diagnostic::error(in.file, 0, in.problem));
    }
    if (!refused.isEmpty() && files.isEmpty()) {
        printDiagnostics(ctx, refused);
        return InputError;
    }
    Store store;
    if (int rc = openIndex(ctx, store); rc != Ok)
        return rc;
    if (options.maxVersion.isValid())
        noteIfBeyondKnown(ctx, "check-config", store, options.maxVersion);
    const ItemList known = store.itemsOfKinds({ItemKind::ConfigOption});

    int worst = refused.isEmpty() ? Ok : InputError;
    const auto rank = [](int rc) {
        return rc == ConfigSyntax ? 5 : rc == InputError ? 4 : rc == NotFound ? 3 : rc == Uncertain ? 2 : rc == Tainted ? 1 : 0;
    };
    printDiagnostics(ctx, refused);
    QJsonArray out;
    for (const QString &f : std::as_const(files)) {
        ConfigCheckReport r = ConfigChecker::check(f, known, options);
        if (r.mappedFrom.isEmpty())
            r.mappedFrom = mapped; // --daemon virtqemud: read like libvirtd.conf
        const int rc = verdictOf(r);
        if (rank(rc) > rank(worst))
            worst = rc;
        if (rc == InputError)
            printDiagnostics(ctx, r.diagnostics);
        if (p.isSet(json)) {
            QJsonObject o = r.toJson();
            o.insert(QStringLiteral("verdict"), rc == ConfigSyntax ? QStringLiteral("syntax-error")
                                                : rc == InputError  ? QStringLiteral("not-checked")
                                                : rc == NotFound  ? QStringLiteral("problems")
                                                : rc == Uncertain ? QStringLiteral("maybe-too-new")
                                                : rc == Tainted   ? QStringLiteral("taints-guests")
                                                                  : QStringLiteral("clean"));
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
        if (options.from.isValid())
            o.insert(QStringLiteral("from"), options.from.toString());
        if (options.to.isValid())
            o.insert(QStringLiteral("to"), options.to.toString());
        ctx.out << QJsonDocument(o).toJson(QJsonDocument::Indented);
    }
    return worst;
}

} // namespace vse::cli
