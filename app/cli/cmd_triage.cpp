#include "cli.h"

#include "triage/orderedjson.h"
#include "triage/reportformat.h"
#include "triage/sosreport.h"

#include <QFileInfo>

namespace vse::cli {

QCommandLineOption reportFormatOption()
{
    return QCommandLineOption(
        QStringLiteral("format"),
        QStringLiteral("text (default), markdown (for a ticket), html or json."),
        QStringLiteral("FORMAT"), QStringLiteral("text"));
}

bool validReportFormat(Context &ctx, const char *command, const QString &format)
{
    static const QStringList known{QStringLiteral("text"), QStringLiteral("markdown"),
                                   QStringLiteral("md"), QStringLiteral("html"),
                                   QStringLiteral("json")};
    if (known.contains(format))
        return true;
    ctx.err << "virt-support " << command
            << ": --format must be one of text, markdown, html, json (not '" << format << "')\n";
    return false;
}

int printHostReport(Context &ctx, const HostReport &report, const QString &format)
{
    // Verdicts first, then what says which guest it is.
    if (format == QLatin1String("json"))
        ctx.out << orderedJson(report.toJson(),
                               {QStringLiteral("verdict"), QStringLiteral("verdictText"),
                                QStringLiteral("exitCode"), QStringLiteral("nothingFound"),
                                QStringLiteral("name"), QStringLiteral("summary")});
    else
        ctx.out << renderReport(report, format == QLatin1String("html")   ? ReportFormat::Html
                                        : format == QLatin1String("text") ? ReportFormat::Text
                                                                          : ReportFormat::Markdown);
    return report.exitCode();
}

int runTriage(Context &ctx, const QStringList &args)
{
    QCommandLineParser p;
    const QCommandLineOption format = reportFormatOption();
    const QCommandLineOption hostVersion(
        QStringLiteral("host-version"),
        QStringLiteral("The libvirt release the host runs (9.0.0, or a distribution: debian-12, rhel-9), "
                       "for a sosreport that does not say it (no virsh version output, no package "
                       "list) or says it wrongly; what the sosreport says is then a note."),
        QStringLiteral("V"));
    p.addOptions({format, hostVersion});
    p.addPositionalArgument(
        QStringLiteral("PATH"),
        QStringLiteral("An unpacked sosreport, or a folder copied from a host with the same "
                       "layout (etc/libvirt, run/libvirt, var/log/libvirt, installed-debs or "
                       "installed-rpms)."));
    if (int rc = parseOrExit(ctx, p, args, "triage",
                             "Offline support report of a customer's host from its sosreport: the "
                             "libvirt release (virsh "
                             "version output, else the package lists; --host-version V "
                             "when it says neither), every guest's XML "
                             "(etc/libvirt/qemu, etc/libvirt/lxc) "
                             "checked like check-xml against that release's facts, the taints and "
                             "deprecation warnings "
                             "libvirt wrote to each guest's log (var/log/libvirt/qemu/NAME.log, "
                             "last 1 MiB only), and the "
                             "daemon configuration (etc/libvirt/*.conf) checked like check-config. "
                             "Verdicts first: a summary "
                             "(guests, tainted and why, namespace extensions), then each guest "
                             "with the evidence of every "
                             "finding. Everything under PATH is untrusted: nothing outside it is "
                             "read (symbolic links out are "
                             "refused and named in the report). Running guests are read from "
                             "their status files (run/libvirt/qemu/NAME.xml): the live <domain> "
                             "is checked and the taints the daemon recorded there (<taint "
                             "flag=.../>) count. Exit code: check-xml's, of the worst guest (3 a "
                             "guest could not be checked, 1 invalid or too new, 5 may be too new, "
                             "6 tainted, 7 namespace extensions, 0 supported as is); 9 when PATH "
                             "holds nothing of libvirt (no guests, logs, configuration or "
                             "release: the wrong folder?).");
        rc >= 0)
        return rc;
    if (p.positionalArguments().size() != 1) {
        ctx.err << "virt-support triage: give one PATH (a sosreport folder)\n";
        return Usage;
    }
    if (!validReportFormat(ctx, "triage", p.value(format)))
        return Usage;
    Version given;
    if (p.isSet(hostVersion) && !parseRelease(ctx, "triage", p.value(hostVersion), &given))
        return Usage;
    const QString path = p.positionalArguments().constFirst();
    if (!QFileInfo(path).isDir()) {
        ctx.err << "virt-support triage: " << (path.isEmpty() ? QStringLiteral("an empty name") : path) << " is not a folder\n";
        return InputError;
    }
    Store store;
    if (int rc = openIndex(ctx, store); rc != Ok)
        return rc;
    if (given.isValid())
        noteIfBeyondKnown(ctx, "triage", store, given);
    const HostReport report = SosReport(path).read(store, given);
    return printHostReport(ctx, report, p.value(format));
}

} // namespace vse::cli
