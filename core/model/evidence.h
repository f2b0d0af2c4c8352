#pragma once

#include "version.h"

#include <QList>
#include <QString>

namespace vse {

// Why the tool believes an item appeared in a given release. Every "since"
// shown to a user is backed by one of these, so a support engineer can cite it.
struct Evidence
{
    // Ordered from strongest to weakest; the best evidence decides "since".
    enum class Kind {
        SymbolVersion, // ELF .gnu.version_d node of the installed shared library
        SymsFile,      // LIBVIRT_x.y.z block of src/libvirt_*.syms in a source tree
        SinceTag,      // "Since: x.y.z" in the header's doc comment
        ApiXml,        // version= attribute of /usr/share/libvirt/api/*-api.xml
        Documentation, // "Since x.y.z" note in libvirt's HTML docs
        ApiVersion,    // version of the public API an RPC procedure carries
        History,       // first release of the shipped history that has the item
        FirstRelease,  // first indexed release that has the item
        DriverTable,   // /* x.y.z */ comment in a hypervisor driver table
    };

    Evidence() = default;
    Evidence(Kind k, Version v, QString d = {}, bool upperBound = false)
        : kind(k), version(v), detail(std::move(d)), upperBoundOnly(upperBound)
    {
    }

    Kind kind = Kind::FirstRelease;
    Version version;
    QString detail; // e.g. "libvirt.so.0: LIBVIRT_0.0.3" or "libvirt-api.xml"
    // FirstRelease evidence from the oldest indexed release only bounds the
    // real value from above ("<= R").
    bool upperBoundOnly = false;
    // Presence evidence (History, FirstRelease): the newest release known
    // not to have the item, an exclusive lower bound; invalid when none.
    Version after;
    // Recorded but not used to date the item (documentation whose
    // attribution disagreed with the release history too often); `detail`
    // says why.
    bool unreliable = false;

    // True for kinds that say "present in this release" rather than naming
    // the release that introduced the item.
    bool isPresence() const { return kind == Kind::History || kind == Kind::FirstRelease; }

    static QString kindId(Kind kind);           // stable id stored in the index: "symbol-version"
    static Kind kindFromId(const QString &id);  // inverse of kindId; FirstRelease when unknown
    static QString kindLabel(Kind kind);        // "symbol version", for people
    QString describe() const;                   // "0.0.3 (symbol version: libvirt.so.0 LIBVIRT_0.0.3)"
    // `detail` with the words the index writes in English ("first in A,
    // absent from B", "X in R (release history)") in the running language;
    // the data in it (releases, files, lines) passes through. Without a
    // translator (the command line) it is `detail` itself.
    QString displayDetail() const;
    // The kind and its detail as one phrase: "symbol version: libvirt.so.0:
    // LIBVIRT_0.0.3"; the first indexed release names where it was read
    // ("first indexed release, read from /"), not a bare path.
    QString sourceText() const;
};

using EvidenceList = QList<Evidence>;

// What presence in releases alone says: the oldest release seen with the item
// and the newest one seen without it before that (each invalid when unknown),
// with the evidence for each. SinceRange and evidenceDisagrees both start here.
struct PresenceBounds
{
    Evidence firstSeen;  // .version is the bound
    Evidence lastAbsent; // .after is the bound
    Version upTo() const { return firstSeen.version; }
    Version after() const { return lastAbsent.after; }
};
PresenceBounds presenceBounds(const EvidenceList &list);

// True when two pieces of evidence that name the introducing release name
// different ones, or one names a release outside what presence in the
// releases allows (older than a release seen without the item, newer than
// one seen with it).
bool evidenceDisagrees(const EvidenceList &list);

} // namespace vse
