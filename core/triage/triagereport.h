#pragma once

#include "guestlog.h"

#include "check/checkreport.h"
#include "check/configchecker.h"
#include "model/version.h"

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

namespace vse {

// Why the report believes a guest is tainted: the reason, and where the
// fact comes from (the guest's XML and the taint catalogue's rule, a line of
// its log, or the daemon's own messages).
struct TaintEvidence
{
    QString reason;
    QString source; // "guest XML line 7 (catalogue: ...)", "var/log/libvirt/qemu/a.log:3", ...
    QString detail; // what libvirt added after the reason, if anything
};

// One guest of a live host or a sosreport, with everything the report says.
struct GuestReport
{
    QString name;
    QString state;     // live host: running, shut off...; offline: empty
    QString xmlSource; // where its XML came from ("etc/libvirt/qemu/a.xml", "live XML")
    bool xmlChecked = false;
    CheckReport xml;             // check-xml's verdict and findings for that XML
    QStringList xmlProblems;     // why the XML was not checked (refused, not XML...)
    QList<TaintEvidence> taints; // every taint with its evidence (XML, log, messages)
    QStringList deprecations;    // "FILE:LINE: text" and daemon messages
    QStringList notes;           // log read only in part, daemon too old for messages...
    QStringList newerThanHost;   // XML items newer (or maybe newer) than the host's libvirt
    // Known only from a log: no definition or status of it in the
    // sosreport, as for a guest undefined since (its log stays behind).
    // Not checked, but not a failure of the report: it is counted apart,
    // and only its logged taints count towards the exit code.
    bool logOnly = false;

    // The verdict: check-xml's, made "tainted" by a taint seen only in the
    // log or the daemon's messages (libvirt's own word beats what the XML
    // alone implies), "not-checked" when there is no readable XML.
    CheckVerdict::Kind verdict() const;
    QString verdictId() const { return CheckVerdict::id(verdict()); }
    QString verdictText() const;      // check-xml's wording, with every taint's reason
    QStringList taintReasons() const; // distinct, in order of first evidence
    // The notable nodes of its XML, one line each ("line 7: domain/... [taint
    // custom-argv, ...]"), as the report lists them.
    QStringList findingLines(const Version &target) const;
    bool usesNamespaceExtensions() const { return !xml.verdict.hypervisors.isEmpty(); }
};

// The whole report: what a support engineer pastes into a ticket.
struct HostReport
{
    QString subject; // the URI or the sosreport folder
    QString mode;    // "host" or "triage"
    Version libvirt; // the host's libvirt (the daemon's when known)
    QString versionEvidence;
    Version library; // the client library that read a live host
    QString driver;  // "QEMU", "Test"
    QString hypervisorVersion;
    QString hostArch;
    QString schemaRelease; // which release's schemas validated the XML
    QStringList notes;     // about the whole report (release choice, daemon too old...)
    QStringList problems;  // inputs refused or unreadable
    // triage: the folder holds nothing libvirt left (no guest definition,
    // status, log, configuration file or release): the wrong folder, most
    // likely. Said first, and the exit code is kNothingFound.
    QString nothingFound;
    static constexpr int kNothingFound = 9;
    // A daemon configuration file libvirt's parser refuses (check-config's 8).
    static constexpr int kConfigSyntax = 8;
    QList<GuestReport> guests;
    QList<ConfigCheckReport> configs;

    struct Summary
    {
        int guests = 0, supported = 0, tainted = 0, namespaceExtensions = 0, notChecked = 0,
            problems = 0;                  // invalid or too new
        int maybeTooNew = 0;               // only "may be too new" (the target lies in a since range)
        int logOnly = 0;                   // not checked: known only from a log (not in notChecked)
        QList<QPair<QString, int>> taints; // reason -> guests, in first-seen order
        int configProblems = 0;
        QStringList configTaints; // reasons a configuration setting gives every guest
        int configUnparsable = 0; // files libvirt's parser refuses: the daemon would not start
    };
    Summary summary() const;
    // The report's verdict in one line: the summary counts, or why there is
    // nothing to say (nothingFound).
    QString verdictText() const;
    // kNothingFound for a folder with nothing of libvirt; else kConfigSyntax
    // when a daemon configuration cannot be parsed; else the worst guest
    // verdict in check-xml's exit code order (3,1,5,6,7,0).
    int exitCode() const;
    QJsonObject toJson() const;
};

} // namespace vse
