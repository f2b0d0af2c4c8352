#pragma once

#include "domstatus.h"

#include "model/diagnostic.h"
#include "model/sincerange.h"
#include "model/version.h"

#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>

namespace vse {

// One thing the domain-XML checker has to say about a document: a schema
// validation error, or an interface the document uses (with its tier and
// since), a hypervisor-namespace extension, a taint it causes, or something
// newer than the target release. Repeated uses are reported once, with the
// first line and the number of occurrences.
struct XmlCheckFinding
{
    // NewerThanSchema: an item the validating release's schema lacks because
    // the history has it as added after that release (<pstore> on 9.0.0).
    // RejectedByTargetSchema: an error of the target release's own schema
    // (given with --target-schemas, or an indexed release equal to the
    // target): the exact answer the per-item since ranges only approximate.
    enum Kind
    {
        ValidationError,
        Uses,
        NamespaceExtension,
        Taint,
        NewerThanTarget,
        Unknown,
        MaybeNewerThanTarget,
        NewerThanSchema,
        RejectedByTargetSchema
    };

    Kind kind = Uses;
    QString path;       // as in the document: domain/devices/disk/address@type
    QString item;       // the index item it maps to (canonical path), empty if none
    int line = 0;       // 1-based line in the document
    QString message;
    QString tier;       // tier id of the item, e.g. "stable", "namespace-extension"
    SinceRange since;   // unknown when the index has no evidence
    QString taint;      // taint reason id for Kind::Taint
    QString hypervisor; // for namespace extensions
    int occurrences = 1;

    static QString kindId(Kind kind); // "validation-error", "uses", "namespace-extension"...
    QJsonObject toJson() const;
};

struct XmlCheckReport
{
    QString file;
    QString schema; // the .rng the document was validated against
    bool valid = false;
    // The target release's own .rng the document was also validated against;
    // empty when the target was judged per item only (each node's since).
    QString targetSchema;
    bool targetSchemaValid = false;
    QList<XmlCheckFinding> findings;
    Diagnostics diagnostics; // problems that stopped the check (refused, unreadable...)
    // A running guest's status file (<domstatus>, run/libvirt/qemu/NAME.xml)
    // was given: its <domain> is what was checked (lines are the file's),
    // and this is what the file records besides (`domain` left empty).
    std::optional<DomainStatus> status;

    // Valid, checked, and nothing it uses is certainly newer than `max`.
    bool cleanFor(Version max) const;
    // Something it uses may be newer than `max`: the target lies inside that
    // item's since range. Reported apart from failures, never as clean.
    bool uncertainFor(Version max) const;
    QList<XmlCheckFinding> findingsOf(XmlCheckFinding::Kind kind) const;
    // The taints it causes, then those libvirt recorded in a status file.
    QStringList taints() const;
    QJsonObject toJson() const;
};

} // namespace vse
