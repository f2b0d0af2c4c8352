#pragma once

#include "model/version.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

// `scan --target`: a libvirt version, or distribution releases resolved from
// resources/scan/distributions.json (compiled in), which says for each
// release which libvirt it ships and where that fact comes from. Several
// releases resolve to the lowest of their versions: the application must
// run on all of them.
namespace vse::scan {

struct Distribution
{
    QString id;   // "debian-12"
    QString name; // "Debian 12 (bookworm)"
    QStringList aliases;
    Version libvirt;
    QString package; // "libvirt0 9.0.0-4+deb12u2"
    QString source;  // where the fact comes from
    QString checked; // date it was read from the archive, when it was
    QString note;
    bool verifiedHere = false; // read from Debian's archive by scripts/update-distributions
};

struct TargetResolution
{
    Version version;           // the lowest libvirt of the named releases (or the version given)
    QList<Distribution> named; // in the order given
    // One line per release: "debian-12: libvirt 9.0.0 (libvirt0 …; source: …)".
    QStringList explanation;
    QString error; // set when something named is unknown
};

// The table compiled in (or from `path`, for tests and updates).
QList<Distribution> knownDistributions(const QString &path = {});

// "9.0.0", "debian-12", "debian-12,ubuntu-22.04,rhel-9", "bookworm".
// Unknown names: `error` names each and lists the known ids.
TargetResolution resolveTargets(const QString &text,
                                const QList<Distribution> &known = knownDistributions());

// One libvirt release where a command wants one (--max-version, --newer-than,
// the explorer's Must support ≥), read as people type it: "9.0.0"; a tag or
// package name in front ("v1.0.0", "libvirt-9.0.0"); a package version
// ("9.0.0-4+deb12u2", "1:8.0.0-1ubuntu7.10", "9.0.0-10.3.el9_2": the
// upstream release it packages); or a distribution release ("debian-12",
// "bookworm", "RHEL 9": the libvirt it ships, from the table above).
struct ReleaseReading
{
    Version version; // invalid when `error` is set
    QString how;     // how a form other than "X.Y.Z" was read; empty for "X.Y.Z"
    QString error;   // why `text` names no release
};
// The table is read only for a name that is not a version.
ReleaseReading readRelease(const QString &text);
ReleaseReading readRelease(const QString &text, const QList<Distribution> &known);

} // namespace vse::scan
