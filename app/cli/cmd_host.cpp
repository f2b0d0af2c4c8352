#include "cli.h"

#ifndef VSE_CLI_QUERY_ONLY
#include "livehost/livehost.h"
#endif

namespace vse::cli {

int runHost(Context &ctx, const QStringList &args)
{
#ifdef VSE_CLI_QUERY_ONLY
    // The query program does not link libvirt.so (and with it GnuTLS, SASL,
    // libxml2's network code...): loading it would cost every query's
    // start-up. The full program, which links it, answers `host`.
    Q_UNUSED(args);
    return runFullProgram(ctx);
#else
    QCommandLineParser p;
    const QCommandLineOption connect(QStringList{QStringLiteral("c"), QStringLiteral("connect")},
                                     QStringLiteral("The libvirt URI (default: libvirt's default, "
                                                    "e.g. qemu:///system)."),
                                     QStringLiteral("URI"));
    const QCommandLineOption format = reportFormatOption();
    p.addOptions({connect, format});
    if (int rc = parseOrExit(
            ctx, p, args, "host",
            "Support report of a running host, through libvirt's client library over a read-only "
            "connection: the daemon's libvirt release (virConnectGetLibVersion), the client "
            "library's, "
            "the driver and hypervisor version, and every guest (active and inactive): its XML "
            "(live and "
            "inactive) checked like check-xml against the facts for the daemon's release, the "
            "taint and "
            "deprecation messages the daemon keeps (virDomainGetMessages, libvirt 7.1.0 and "
            "later), "
            "namespace extensions and what is newer than the host. Verdicts first, as in triage. "
            "Exit "
            "code: the worst guest's, as in triage; 3 when the connection fails.");
        rc >= 0)
        return rc;
    if (!p.positionalArguments().isEmpty()) {
        ctx.err << "virt-support host: unexpected argument " << p.positionalArguments().constFirst()
                << " (the URI goes with --connect)\n";
        return Usage;
    }
    if (!validReportFormat(ctx, "host", p.value(format)))
        return Usage;
    Store store;
    if (int rc = openIndex(ctx, store); rc != Ok)
        return rc;
    HostReport report;
    QString error;
    if (!readLiveHost(p.value(connect), store, &report, &error)) {
        ctx.err << "virt-support host: " << error << '\n';
        return InputError;
    }
    return printHostReport(ctx, report, p.value(format));
#endif
}

} // namespace vse::cli
