#include "livehost.h"

#include "model/policy.h"
#include "triage/triagechecker.h"

#include <QRegularExpression>
#include <QXmlStreamReader>

#include <libvirt/libvirt.h>
#include <libvirt/virterror.h>

#include <memory>

namespace vse {

namespace {

// libvirt prints every error on stderr unless told otherwise; the report
// says what went wrong instead.
void quietErrors(void *, virErrorPtr) {}

QString lastError()
{
    const char *m = virGetLastErrorMessage();
    return m ? QString::fromUtf8(m) : QStringLiteral("unknown libvirt error");
}

QString takeString(char *s)
{
    const QString out = s ? QString::fromUtf8(s) : QString();
    free(s);
    return out;
}

QString stateName(int state)
{
    switch (state) {
    case VIR_DOMAIN_RUNNING:
        return QStringLiteral("running");
    case VIR_DOMAIN_BLOCKED:
        return QStringLiteral("blocked");
    case VIR_DOMAIN_PAUSED:
        return QStringLiteral("paused");
    case VIR_DOMAIN_SHUTDOWN:
        return QStringLiteral("shutting down");
    case VIR_DOMAIN_SHUTOFF:
        return QStringLiteral("shut off");
    case VIR_DOMAIN_CRASHED:
        return QStringLiteral("crashed");
    case VIR_DOMAIN_PMSUSPENDED:
        return QStringLiteral("suspended");
    default:
        return QStringLiteral("state %1").arg(state);
    }
}

// host/cpu/arch of the capabilities XML (the daemon's own document).
QString hostArch(const QString &caps)
{
    QXmlStreamReader r(caps);
    QStringList path;
    while (!r.atEnd()) {
        const auto t = r.readNext();
        if (t == QXmlStreamReader::StartElement) {
            path << r.name().toString();
            if (path == QStringList{QStringLiteral("capabilities"), QStringLiteral("host"),
                                    QStringLiteral("cpu"), QStringLiteral("arch")})
                return r.readElementText();
        } else if (t == QXmlStreamReader::EndElement) {
            path.removeLast();
        }
    }
    return {};
}

// The reason a daemon message names. virDomainGetMessages words a taint as
// "tainted: " + the reason's message (English unless the daemon runs
// translated); the log's form names the reason id itself ("Domain id=1 is
// tainted: custom-monitor"). Empty when neither is recognised.
QString reasonOfTaintMessage(const QString &what)
{
    const Policy &policy = Policy::instance();
    if (const TaintReason r = policy.taintReasonForMessage(what); !r.id.isEmpty())
        return r.id;
    static const QRegularExpression idForm(
        QStringLiteral(R"(^(?:Domain id=-?\d+ is tainted: )?([a-z0-9-]+)(?: \(.*\))?$)"));
    if (const auto m = idForm.match(what.trimmed()); m.hasMatch())
        if (!policy.taintReason(m.captured(1)).id.isEmpty())
            return m.captured(1);
    return {};
}

struct ConnCloser
{
    void operator()(virConnectPtr c) const { virConnectClose(c); }
};

void readMessages(virDomainPtr dom, const Version &daemon, GuestReport &g)
{
#if LIBVIR_CHECK_VERSION(7, 1, 0)
    if (daemon.isValid() && daemon < Version(7, 1, 0)) {
        g.notes << QStringLiteral(
                       "the daemon (libvirt %1) is older than 7.1.0: it cannot list taint and "
                       "deprecation messages (virDomainGetMessages)")
                       .arg(daemon.toString());
        return;
    }
    // Asked for one kind at a time (the flags exist since 7.1.0, as the
    // call does), so a translated daemon's prefix does not decide the kind.
    for (const unsigned int kind : {unsigned(VIR_DOMAIN_MESSAGE_TAINTING), unsigned(VIR_DOMAIN_MESSAGE_DEPRECATION)}) {
        char **msgs = nullptr;
        const int n = virDomainGetMessages(dom, &msgs, kind);
        if (n < 0) {
            g.notes << QStringLiteral("virDomainGetMessages failed: ") + lastError();
            return;
        }
        // The daemon words a taint "tainted: <what>", <what> being the
        // reason's message, not its id: mapped back to the reason so the same
        // taint seen in the XML counts once.
        for (int i = 0; i < n; ++i) {
            const QString m = takeString(msgs[i]);
            if (kind != VIR_DOMAIN_MESSAGE_TAINTING) {
                g.deprecations << m + QStringLiteral(" (virDomainGetMessages)");
                continue;
            }
            const qsizetype colon = m.indexOf(QLatin1String(": "));
            const QString what = colon > 0 ? m.mid(colon + 2) : m;
            const QString reason = reasonOfTaintMessage(what);
            if (reason.isEmpty())
                g.notes << QStringLiteral("the daemon's taint message \"%1\" names no reason "
                                          "this tool knows (a translated daemon or a newer "
                                          "reason): counted under its own words")
                               .arg(m);
            g.taints.append(
                {reason.isEmpty() ? what : reason,
                 QStringLiteral("virDomainGetMessages: the daemon's own record (\"%1\")").arg(m),
                 {}});
        }
        free(msgs);
    }
#else
    Q_UNUSED(dom);
    Q_UNUSED(daemon);
    g.notes << QStringLiteral(
        "built with a libvirt older than 7.1.0: taint and deprecation messages "
        "(virDomainGetMessages) are not read");
#endif
}

} // namespace

bool readLiveHost(const QString &uri, const Store &store, HostReport *report, QString *error)
{
    virSetErrorFunc(nullptr, quietErrors);
    const QByteArray uriBytes = uri.toUtf8();
    std::unique_ptr<virConnect, ConnCloser> conn(
        virConnectOpenReadOnly(uri.isEmpty() ? nullptr : uriBytes.constData()));
    if (!conn) {
        *error =
            QStringLiteral("cannot connect to %1 (read-only): %2")
                .arg(uri.isEmpty() ? QStringLiteral("libvirt's default URI") : uri, lastError());
        return false;
    }
    HostReport &r = *report;
    r.mode = QStringLiteral("host");
    r.subject = takeString(virConnectGetURI(conn.get()));
    if (r.subject.isEmpty())
        r.subject = uri;
    unsigned long lib = 0, local = 0, hv = 0;
    if (virConnectGetLibVersion(conn.get(), &lib) == 0) {
        r.libvirt = Version::fromNumber(qint64(lib));
        r.versionEvidence = QStringLiteral("virConnectGetLibVersion: the daemon's libvirt");
    }
    if (virGetVersion(&local, nullptr, nullptr) == 0)
        r.library = Version::fromNumber(qint64(local));
    if (const char *type = virConnectGetType(conn.get()))
        r.driver = QString::fromUtf8(type);
    if (virConnectGetVersion(conn.get(), &hv) == 0 && hv > 0)
        r.hypervisorVersion = Version::fromNumber(qint64(hv)).toString();
    r.hostArch = hostArch(takeString(virConnectGetCapabilities(conn.get())));

    TriageChecker checker(store, r.libvirt);
    r.schemaRelease = checker.schemaRelease();
    r.notes << checker.notes();

    virDomainPtr *domains = nullptr;
    const int n = virConnectListAllDomains(conn.get(), &domains, 0); // active and inactive
    if (n < 0) {
        r.problems << QStringLiteral("cannot list the guests: ") + lastError();
        return true;
    }
    for (int i = 0; i < n; ++i) {
        virDomainPtr dom = domains[i];
        GuestReport g;
        g.name = QString::fromUtf8(virDomainGetName(dom));
        int state = 0, reason = 0;
        if (virDomainGetState(dom, &state, &reason, 0) == 0)
            g.state = stateName(state);
        const bool active = virDomainIsActive(dom) == 1;
        if (virDomainIsPersistent(dom) == 0)
            g.state += QStringLiteral(", transient");
        const QString inactiveXml = takeString(virDomainGetXMLDesc(dom, VIR_DOMAIN_XML_INACTIVE));
        const QString liveXml = active ? takeString(virDomainGetXMLDesc(dom, 0)) : QString();
        // What runs now is the live XML; the definition is what starts next.
        if (active && !liveXml.isEmpty()) {
            checker.checkGuest(g, liveXml.toUtf8(), QStringLiteral("live XML"));
            if (inactiveXml != liveXml && !inactiveXml.isEmpty()) {
                GuestReport next;
                checker.checkGuest(next, inactiveXml.toUtf8(), QStringLiteral("inactive XML"));
                const QStringList seen = g.taintReasons();
                for (const TaintEvidence &t : std::as_const(next.taints))
                    if (!seen.contains(t.reason))
                        g.taints.append(t);
                if (next.xmlChecked && next.verdict() != g.verdict())
                    g.notes << QStringLiteral("its inactive definition (next start): ") +
                                   next.verdictText();
            }
        } else if (!inactiveXml.isEmpty()) {
            checker.checkGuest(g, inactiveXml.toUtf8(), QStringLiteral("inactive XML"));
        } else {
            g.xmlProblems << QStringLiteral("virDomainGetXMLDesc failed: ") + lastError();
        }
        readMessages(dom, r.libvirt, g);
        r.guests.append(g);
        virDomainFree(dom);
    }
    free(domains);
    return true;
}

} // namespace vse
