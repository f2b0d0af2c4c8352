#pragma once

#include "triagereport.h"

#include "io/confinedfile.h"

namespace vse {

class TriageChecker;
class Store;

// The libvirt release a sosreport's host ran, and the line that says so.
struct HostVersionEvidence
{
    Version version;
    QString evidence; // "installed-debs:12: libvirt-daemon 7.0.0-3+deb11u3"
};

// Reads a sosreport, or any folder copied from a host with the same layout
// (etc/libvirt, run/libvirt, var/log/libvirt, installed-debs / installed-rpms,
// sos_commands/...), into a HostReport. Everything under the folder is
// untrusted: files are read through SourceRoot (nothing outside the folder,
// after symbolic links, is opened; each refusal is a line of the report),
// logs only by their last GuestLog::kMaxTail bytes.
class SosReport
{
public:
    explicit SosReport(const QString &folder);

    // From `virsh version` output (the daemon's release) when sos kept it,
    // else the package lists (libvirt-daemon first, then the library).
    // `ignored` gets the libvirt package lines passed over (not installed).
    HostVersionEvidence findVersion(QStringList *problems, QStringList *ignored = nullptr) const;
    // `given`: the release the host runs as the user says it (triage
    // --host-version), for a sosreport that does not say it or says it
    // wrongly; what the sosreport says is then only a note.
    HostReport read(const Store &store, const Version &given = {}) const;

    // The version a package-list line or `virsh version` line names, for
    // package names of libvirt's daemon or library; invalid otherwise.
    // `rank` gets how good the line is (higher is better). A dpkg line of a
    // libvirt package that is not installed (state rc: removed, its
    // configuration files left; un: never installed...) names no release
    // the host runs: invalid, with *ignored saying why.
    static Version versionFromLine(const QString &line, int *rank, QString *ignored = nullptr);

private:
    QString shown(const QString &absolute) const;
    QString nothingFoundText() const;
    // A running guest's status file: its live <domain> checked (a transient
    // guest's only XML) or compared with the definition.
    void checkLive(GuestReport &g, const QString &statusFile, TriageChecker &checker) const;
    // Regular-looking entries of a folder inside the root matching `filters`;
    // a folder that leads out of the root is refused (named in *problems).
    QStringList list(const QString &relDir, const QStringList &filters,
                     QStringList *problems) const;

    QString m_folder;
    SourceRoot m_root;
};

} // namespace vse
