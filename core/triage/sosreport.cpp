#include "sosreport.h"

#include "check/domstatus.h"
#include "triagechecker.h"

#include <QDir>
#include <QFileInfo>
#include <QMap>
#include <QRegularExpression>
#include <QSet>

namespace vse {

namespace {

// Files that name the host's libvirt, best first. sos keeps command output
// under sos_commands/<plugin>/ named after the command line.
const char *const kVersionFiles[] = {
    "sos_commands/libvirt/virsh_-r_version",
    "sos_commands/virsh/virsh_-r_version",
    "sos_commands/libvirt/virsh_version",
    "sos_commands/virsh/virsh_version",
    "installed-debs",
    "sos_commands/dpkg/dpkg_-l",
    "installed-rpms",
};

// Package names carrying the daemon (ranked above the client library: the
// daemon is what parses the guests' XML and taints them).
int packageRank(const QString &name)
{
    static const QStringList daemon{
        QStringLiteral("libvirt-daemon"), QStringLiteral("libvirt-daemon-system"),
        QStringLiteral("libvirt-daemon-driver-qemu"), QStringLiteral("libvirt")};
    static const QStringList library{QStringLiteral("libvirt0"), QStringLiteral("libvirt-libs"),
                                     QStringLiteral("libvirt-clients"),
                                     QStringLiteral("libvirt-client")};
    return daemon.contains(name) ? 2 : library.contains(name) ? 1 : 0;
}

} // namespace

SosReport::SosReport(const QString &folder) : m_folder(QDir(folder).absolutePath()), m_root(folder)
{
}

QString SosReport::shown(const QString &absolute) const
{
    return QDir(m_folder).relativeFilePath(absolute);
}

Version SosReport::versionFromLine(const QString &line, int *rank, QString *ignored)
{
    *rank = 0;
    // `virsh version`: the daemon's line beats the library's.
    static const QRegularExpression daemon(
        QStringLiteral(R"(^Running against daemon:\s*(\d+\.\d+\.\d+)\s*$)"));
    static const QRegularExpression library(
        QStringLiteral(R"(^Using library: libvirt\s+(\d+\.\d+\.\d+)\s*$)"));
    // dpkg -l: "ii  libvirt-daemon:amd64  7.0.0-3+deb11u3  amd64  ..."; the
    // first two letters are the wanted action and the package's state.
    static const QRegularExpression deb(QStringLiteral(
        R"(^([a-z])([a-zA-Z ])[A-Z]?\s+([a-z0-9.+-]+)(?::[a-z0-9]+)?\s+(?:\d+:)?(\d+\.\d+\.\d+)\S*\s)"));
    // rpm -qa: "libvirt-daemon-7.0.0-14.el8.x86_64   Mon 01 Feb 2021 ..."
    static const QRegularExpression rpm(
        QStringLiteral(R"(^([a-z0-9+-]+?)-(\d+\.\d+\.\d+)-[^\s]+)"));
    if (const auto m = daemon.match(line); m.hasMatch()) {
        *rank = 4;
        return Version::parse(m.captured(1));
    }
    if (const auto m = library.match(line); m.hasMatch()) {
        *rank = 3;
        return Version::parse(m.captured(1));
    }
    if (const auto m = deb.match(line); m.hasMatch()) {
        const int r = packageRank(m.captured(3));
        if (r == 0)
            return {};
        // The package's files are on the host in states i (installed), t
        // and W (triggers pending), F (half-configured) and U (unpacked);
        // not in c (only configuration files left), n (not installed) or H
        // (half-installed, files partly there).
        const QChar state = m.captured(2).at(0);
        if (!QStringLiteral("itWFU").contains(state)) {
            if (ignored)
                *ignored = QStringLiteral("dpkg state %1%2: %3")
                               .arg(m.captured(1), m.captured(2),
                                    state == QLatin1Char('c')
                                        ? QStringLiteral("removed, only its configuration "
                                                         "files are left")
                                        : QStringLiteral("not installed"));
            return {};
        }
        *rank = r;
        return Version::parse(m.captured(4));
    }
    if (const auto m = rpm.match(line); m.hasMatch())
        if (const int r = packageRank(m.captured(1)); r > 0) {
            *rank = r; // rpm -qa lists installed packages only
            return Version::parse(m.captured(2));
        }
    return {};
}

HostVersionEvidence SosReport::findVersion(QStringList *problems, QStringList *ignored) const
{
    HostVersionEvidence best;
    int bestRank = 0;
    // sos writes installed-debs as a link to (or a copy of) dpkg_-l: one
    // package list read twice would say every skipped line twice.
    QSet<QByteArray> seen;
    for (const char *rel : kVersionFiles) {
        const QString path = QDir(m_folder).filePath(QString::fromLatin1(rel));
        if (!QFileInfo(path).exists() && !QFileInfo(path).isSymLink())
            continue;
        QByteArray data;
        QString why;
        if (!m_root.read(path, &data, &why)) {
            *problems << why;
            continue;
        }
        if (seen.contains(data))
            continue;
        seen.insert(data);
        const QStringList lines = QString::fromUtf8(data).split(QLatin1Char('\n'));
        for (qsizetype i = 0; i < lines.size(); ++i) {
            int rank = 0;
            QString why;
            const Version v = versionFromLine(lines.at(i).trimmed(), &rank, &why);
            if (!why.isEmpty() && ignored)
                *ignored << QStringLiteral("%1:%2: %3 (%4): not taken as the host's release")
                                .arg(QString::fromLatin1(rel))
                                .arg(i + 1)
                                .arg(lines.at(i).simplified().left(120), why);
            if (v.isValid() && rank > bestRank) {
                bestRank = rank;
                best.version = v;
                best.evidence = QStringLiteral("%1:%2: %3")
                                    .arg(QString::fromLatin1(rel))
                                    .arg(i + 1)
                                    .arg(lines.at(i).simplified().left(120));
            }
        }
        if (bestRank >= 3)
            break; // virsh's answer: nothing in a package list beats it
    }
    return best;
}

QStringList SosReport::list(const QString &relDir, const QStringList &filters,
                            QStringList *problems) const
{
    const QString dir = QDir(m_folder).filePath(relDir);
    const QFileInfo fi(dir);
    if (!fi.exists())
        return {};
    const QString canonical = fi.canonicalFilePath();
    const QString root = m_root.path();
    if (!(canonical == root || canonical.startsWith(root + QLatin1Char('/')))) {
        *problems << QStringLiteral("%1 leads outside %2 (symbolic link): refused, not listed")
                         .arg(relDir, m_folder);
        return {};
    }
    QStringList out;
    for (const QString &n :
         QDir(dir).entryList(filters, QDir::Files | QDir::System | QDir::Hidden, QDir::Name))
        out << QDir(dir).filePath(n);
    return out;
}

void SosReport::checkLive(GuestReport &g, const QString &statusFile, TriageChecker &checker) const
{
    const QString name = shown(statusFile);
    g.state = QStringLiteral("running (status in %1)").arg(name);
    QByteArray data;
    DomainStatus status;
    QString why;
    if (!m_root.read(statusFile, &data, &why) || !readDomainStatus(data, name, &status, &why)) {
        if (g.xmlSource.isEmpty())
            g.xmlProblems << why;
        else
            g.notes << why;
        return;
    }
    if (!status.state.isEmpty())
        g.state = QStringLiteral("%1 (status in %2)").arg(status.state, name);
    if (!status.setAside.isEmpty())
        g.notes << QStringLiteral("%1: set aside before validation, as libvirt writes them only "
                                  "into status files (resources/policy/status-only.json): %2")
                       .arg(name, status.setAside.join(QStringLiteral(", ")));
    const QString label = QStringLiteral("%1 (its <domain>, from line %2)").arg(name).arg(status.firstLine);
    if (g.xmlSource.isEmpty()) {
        checker.checkGuest(g, status.domain, label);
    } else {
        // What runs may differ from the definition (changed since it started).
        GuestReport running;
        checker.checkGuest(running, status.domain, label);
        const QStringList seen = g.taintReasons();
        for (const TaintEvidence &t : std::as_const(running.taints))
            if (!seen.contains(t.reason))
                g.taints.append(t);
        for (const QString &n : std::as_const(running.newerThanHost))
            if (!g.newerThanHost.contains(n))
                g.newerThanHost << QStringLiteral("running guest (%1), %2").arg(name, n);
        if (running.xmlChecked && g.xmlChecked && running.verdict() != g.verdict())
            g.notes << QStringLiteral("the running guest (%1): %2").arg(name, running.verdictText());
        else if (!running.xmlChecked)
            g.notes << QStringLiteral("the running guest (%1) was not checked: %2")
                           .arg(name, running.xmlProblems.join(QStringLiteral("; ")));
    }
    // The daemon's own record: what it tainted the running guest with, for
    // whatever reason (a monitor command, a hook...), the XML cannot show.
    for (const DomainStatus::Line &t : std::as_const(status.taints))
        g.taints.append({t.text,
                         QStringLiteral("%1 line %2: <taint flag='%3'/> (the daemon's record "
                                        "for the running guest)")
                             .arg(name)
                             .arg(t.line)
                             .arg(t.text),
                         {}});
    for (const DomainStatus::Line &d : std::as_const(status.deprecations))
        g.deprecations << QStringLiteral("%1:%2: %3").arg(name).arg(d.line).arg(d.text);
}

QString SosReport::nothingFoundText() const
{
    QString text = QStringLiteral(
        "nothing of libvirt found in %1: no guest definition (etc/libvirt/qemu, "
        "etc/libvirt/lxc), status (run/libvirt/qemu, run/libvirt/lxc), log "
        "(var/log/libvirt/qemu), daemon configuration (etc/libvirt/*.conf), package list "
        "(installed-debs, installed-rpms, sos_commands/dpkg) or virsh version output")
                       .arg(m_folder);
    // A sosreport archive unpacks into one folder named after the host.
    const QStringList inside =
        QDir(m_folder).entryList(QDir::Dirs | QDir::NoDotAndDotDot | QDir::Hidden);
    if (inside.size() == 1)
        text += QStringLiteral("; it holds one folder, %1: give that one?").arg(inside.constFirst());
    return text;
}

HostReport SosReport::read(const Store &store, const Version &given) const
{
    HostReport report;
    report.mode = QStringLiteral("triage");
    report.subject = m_folder;
    if (!QFileInfo(m_folder).isDir()) {
        report.problems << QStringLiteral("%1 is not a folder").arg(m_folder);
        return report;
    }
    QStringList ignoredPackages;
    const HostVersionEvidence v = findVersion(&report.problems, &ignoredPackages);
    report.notes << ignoredPackages;
    report.libvirt = v.version;
    report.versionEvidence = v.evidence;
    if (given.isValid() && !(given == v.version)) {
        report.libvirt = given;
        report.versionEvidence = QStringLiteral("given with --host-version");
        if (v.version.isValid())
            report.notes << QStringLiteral("the sosreport says libvirt %1 (%2); judged against %3 as given with --host-version")
                                .arg(v.version.toString(), v.evidence, given.toString());
    } else if (!v.version.isValid()) {
        report.notes << QStringLiteral(
            "no libvirt version found (virsh version output, installed-debs, "
            "installed-rpms): guests are judged against the newest indexed release "
            "(give the host's release with --host-version)");
    }
    TriageChecker checker(store, report.libvirt);
    report.schemaRelease = checker.schemaRelease();
    report.notes << checker.notes();

    // Guests by name: the persistent definition (etc), else the live status
    // of a transient guest (run), plus what its log says.
    QMap<QString, GuestReport> guests;
    QMap<QString, QString> live;
    for (const QString &driver : {QStringLiteral("qemu"), QStringLiteral("lxc")}) {
        for (const QString &f : list(QStringLiteral("run/libvirt/") + driver,
                                     {QStringLiteral("*.xml")}, &report.problems))
            live.insert(QFileInfo(f).completeBaseName(), f);
        for (const QString &f : list(QStringLiteral("etc/libvirt/") + driver,
                                     {QStringLiteral("*.xml")}, &report.problems)) {
            GuestReport g;
            g.name = QFileInfo(f).completeBaseName();
            QByteArray data;
            QString why;
            if (!m_root.read(f, &data, &why)) {
                g.xmlSource = shown(f);
                g.xmlProblems << why;
            } else {
                checker.checkGuest(g, data, shown(f));
            }
            if (live.contains(g.name))
                checkLive(g, live.value(g.name), checker);
            guests.insert(g.name, g);
        }
    }
    for (auto it = live.cbegin(); it != live.cend(); ++it) {
        if (guests.contains(it.key()))
            continue;
        GuestReport g;
        g.name = it.key();
        checkLive(g, it.value(), checker);
        g.state += QStringLiteral(", transient (no definition in etc/libvirt)");
        guests.insert(g.name, g);
    }
    for (const QString &f : list(QStringLiteral("var/log/libvirt/qemu"), {QStringLiteral("*.log")},
                                 &report.problems)) {
        const QString name = QFileInfo(f).completeBaseName();
        const GuestLog log = GuestLog::read(m_root, f, shown(f));
        GuestReport &g = guests[name];
        if (g.name.isEmpty()) {
            g.name = name;
            g.logOnly = true;
            g.xmlProblems << QStringLiteral("no XML of this guest in the sosreport (only its log)");
        }
        if (!log.problem.isEmpty()) {
            report.problems << log.problem;
            continue;
        }
        if (log.readFrom > 0)
            g.notes
                << QStringLiteral(
                       "%1 is %2 bytes: only its last %3 bytes were read; its line numbers count "
                       "from there")
                       .arg(log.file)
                       .arg(log.size)
                       .arg(log.size - log.readFrom);
        for (const GuestLogEntry &e : log.entries) {
            const QString where = QStringLiteral("%1:%2").arg(e.file).arg(e.line);
            if (e.kind == GuestLogEntry::Taint) {
                g.taints.append(
                    {e.reason,
                     QStringLiteral("%1 (libvirt's taint record, %2)").arg(where, e.timestamp),
                     e.detail});
                if (e.reason == QLatin1String("deprecated-config") && !e.detail.isEmpty())
                    g.deprecations << where + QStringLiteral(": ") + e.detail;
            } else {
                g.deprecations << where + QStringLiteral(": ") + e.detail;
            }
        }
    }
    report.guests = guests.values();

    for (const QString &f :
         list(QStringLiteral("etc/libvirt"), {QStringLiteral("*.conf")}, &report.problems)) {
        // check-config opens the file by name: make sure first that it is inside.
        QByteArray ignored;
        QString why;
        if (!m_root.read(f, &ignored, &why)) {
            report.problems << why;
            continue;
        }
        report.configs << checker.checkConfig(f, shown(f));
    }
    if (report.guests.isEmpty() && report.configs.isEmpty() && !v.version.isValid())
        report.nothingFound = nothingFoundText();
    return report;
}

} // namespace vse
