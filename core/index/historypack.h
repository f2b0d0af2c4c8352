#pragma once

#include "model/diagnostic.h"
#include "model/item.h"
#include "model/version.h"

#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>
#include <optional>

namespace vse {

// The shipped history of libvirt releases: for every item identity, which
// releases had it. Facts only (names, kinds, numbers, versions, file:line of
// the first release) — never libvirt's documentation text or code, which are
// read live from the user's installed files or sources.
//
// File format (text, UTF-8, one record per line, fields separated by TAB,
// sorted so the same inputs give byte-identical output):
//   vse-history<TAB>1
//   release<TAB>VERSION<TAB>SOURCE<TAB>FAMILIES[<TAB>DETAILS]
//     e.g. "1.3.5  git:v1.3.5  api,rpc,xml"; DETAILS (present only when
//     not empty) lists "xml:ROOT" for roots whose schema did not read
//     (HistoryRelease::incompleteXmlRoots), then "virsh:COMMAND" for commands
//     whose options the release does not show (incompleteVirshCommands),
//     then "conf:FILE" for each configuration file the release's config
//     data covers (configFiles)
//   item<TAB>KIND<TAB>KEY<TAB>PARENT<TAB>ORIGIN<TAB>SPANS<TAB>FILE:LINE<TAB>ATTRS
// SPANS is a comma-separated list of "FROM-TO=NAME" (release indices into the
// release lines, 0-based, inclusive; NAME is the item's name over that span,
// so renames show as consecutive spans with different names). ATTRS is a
// compact JSON object of whitelisted facts (RPC number, program, acl, api) or
// empty. Lines starting with '#' are comments.
//
// Version 2 (written only when there are docs lines) adds, after the release
// lines and before the items:
//   docs<TAB>SOURCE<TAB>KIND<TAB>AGREE<TAB>COMPARED<TAB>kept|dropped
// (HistoryDocsAgreement), and ATTRS of XML items may carry the documented
// since of a kept kind: "docSince" (X.Y.Z), "docSinceAt" (FILE:LINE of the
// note), "docSinceIn" (the release whose docs say it).
//
// Refinements: release lines come before item lines, in ascending version
// order; items are sorted by kind id, then key. A span written "FROM-TO"
// without "=NAME" has the key as its name. FILE:LINE is empty when unknown.
// In KEY, PARENT, ORIGIN, NAME and FILE the characters '%', TAB, CR, LF and
// ',' are written as %XX (hex). KIND, PARENT, ORIGIN and ATTRS come from the
// newest release that has the item (an RPC procedure's acl is today's),
// FILE:LINE from the first. A file larger than
// HistoryPack::maxFileSize is refused.
struct HistoryRelease
{
    Version version;
    // "git:v1.3.5" (every vX.Y.Z tag of the repository up to it is in the
    // pack, so adjacent git releases are adjacent upstream releases),
    // "git-selected:v1.3.5" (a chosen subset of tags), "source-tree:DIR",
    // "package-set:DIR", "debian-binary:9.0.0-4" (a package set unpacked by
    // scripts/fetch-debian-releases).
    QString source;
    // Item families this release has complete data for: "api" (headers
    // parsed), "rpc", "xml". Items may be present in a release that lacks
    // their family (what an incomplete read found); such a release dates
    // neither an addition nor a removal.
    QStringList families;
    // XML roots ("secret") whose top-level schema did not read in this
    // release although FAMILIES has "xml": the other roots' data is complete
    // and dates their items; these roots' items are dated as if the release
    // had no XML data (0.7.1 - 0.7.4 shipped a malformed secret.rng).
    QStringList incompleteXmlRoots;
    // virsh commands whose options this release does not show although
    // FAMILIES has "virsh": the command table names them through a macro of
    // a file the release lacks (tools/vsh.h of the generic commands in a
    // trimmed history). The commands are present; their options are dated as
    // if the release had no virsh data.
    QStringList incompleteVirshCommands;
    // The configuration files ("libvirtd.conf") whose options this release
    // shows, when FAMILIES has "config": an option of another file is dated
    // as if the release had no configuration data. A trimmed history may
    // hold some of a release's files and not others (the bundle has
    // src/qemu.conf of 0.4.x but not qemud/libvirtd.conf), so the family
    // alone would call libvirtd.conf's options absent there. Empty with
    // "config" (a pack written before this list): every file counts.
    QStringList configFiles;
};

// How often documentation "Since" notes of one source kind, attributed to one
// kind of XML item, named the release the history shows for items whose
// since the history knows exactly (introduced up to the git releases, absent
// from the upstream release right before). Only kept kinds date entries
// (HistoryEntry::attrs "docSince").
struct HistoryDocsAgreement
{
    QString source; // "rst" (docs/*.rst of new trees) or "html.in" (old trees)
    ItemKind kind = ItemKind::XmlElement;
    int agree = 0;
    int compared = 0; // notes compared (one per tree and item)
    bool kept = false;
    int percent() const { return compared > 0 ? int(100.0 * agree / compared) : 0; } // rounded down

    // A kind's notes date items only when they agree with the exact history
    // this often, over at least this many comparisons.
    static constexpr double kKeepAgreement = 0.95;
    static constexpr int kKeepMinCompared = 20;
    bool qualifies() const { return compared >= kKeepMinCompared && agree >= kKeepAgreement * compared; }
    // "kept", or "dropped" with the reason, for reports.
    QString verdict() const;
};

struct HistorySpan
{
    int from = 0; // release index, inclusive
    int to = 0;   // release index, inclusive
    QString name;
};

struct HistoryEntry
{
    ItemKind kind = ItemKind::Function;
    QString key; // identity across releases (Item::identity())
    QString parent;
    QString origin;
    QList<HistorySpan> spans; // ascending, non-overlapping
    QString file;             // relative path in the first release that has it
    int line = 0;
    QJsonObject attrs;
};

class HistoryPack
{
public:
    // An entry's attrs key for its own exact since, [evidence kind id,
    // version, detail], kept where the releases leave a range (an API item
    // of a release the pack lacks: its symbol version or "Since:" tag).
    static inline const QString kOwnSince = QStringLiteral("ownSince");
    // A function's drivers, driverSupportToCompact()'s form ("qemu 7.1.0,
    // test 7.6.0"), and the release that said so: for a host without
    // libvirt-doc (hvsupport.html), and the history's own rows.
    static inline const QString kDriverSupport = QStringLiteral("driverSupport");
    static inline const QString kDriverSupportIn = QStringLiteral("driverSupportIn");
    // The pack shipped with the tool (resources, or $VSE_HISTORY_PACK), loaded
    // once; empty when none is available.
    static const HistoryPack &builtin();
    // Why builtin() is empty when it should not be (a broken $VSE_HISTORY_PACK,
    // with file:line); empty when the pack loaded.
    static const Diagnostics &builtinProblems();
    // builtin().digest() (empty when there is no pack) without loading the
    // pack when it is the one compiled in: the index freshness check runs on
    // every CLI command and must not pay for parsing the pack.
    static QString builtinDigest();
    static std::optional<HistoryPack> load(const QString &path, Diagnostics *diagnostics);
    static std::optional<HistoryPack> parse(const QByteArray &data, const QString &fileName,
                                            Diagnostics *diagnostics);
    QByteArray serialize() const;

    bool isEmpty() const { return m_releases.isEmpty(); }
    const QList<HistoryRelease> &releases() const { return m_releases; }
    const QList<HistoryEntry> &entries() const { return m_entries; }
    const QList<HistoryDocsAgreement> &docsAgreement() const { return m_docs; }
    // The row for a source kind ("rst", from a file name's suffix) and item kind; null when none.
    const HistoryDocsAgreement *docsAgreementFor(const QString &source, ItemKind kind) const;
    // By ReleaseMerger::identityOf(item) ("symbol|virConnectOpen", "xml-element|domain/uuid").
    const HistoryEntry *find(const QString &identity) const;
    // A content hash, stored in the index so a new pack re-merges it (of the
    // bytes read for a parsed pack, which equal serialize() for a canonical one).
    QString digest() const;

    // Derived facts for one entry.
    Version firstSeen(const HistoryEntry &e) const;
    // The newest pack release before firstSeen that has data of the entry's
    // family (invalid when none): the exclusive lower bound of "since".
    Version lastAbsentBefore(const HistoryEntry &e) const;
    // First pack release after the last span that has data of the family and
    // lacks the item (invalid when still present in the newest such release).
    Version removedIn(const HistoryEntry &e) const;
    Version lastSeen(const HistoryEntry &e) const;
    bool hasIn(const HistoryEntry &e, int releaseIndex) const;
    int releaseIndex(const Version &v) const;       // -1 when not a pack release
    QStringList names(const HistoryEntry &e) const; // every name it had, oldest first
    // Its name in release index `release`; empty when it is absent there.
    static QString nameIn(const HistoryEntry &e, int release);
    // Whether the release has complete data for this entry: its family, and
    // for an XML item its root (see HistoryRelease::incompleteXmlRoots).
    bool datesIn(const HistoryEntry &e, int releaseIndex) const;
    // Whether release r has complete data for an item of this kind and name.
    bool datesIn(ItemKind kind, const QString &name, int releaseIndex) const;
    // The root an XML item's name starts with ("domain/devices/disk@type" -> "domain").
    static QString xmlRootOf(const QString &name);
    // What decides whether a release dates an item: its family, and for XML
    // its root. Computed once when one item is tested against many releases.
    struct DataScope
    {
        QString family;
        QString xmlRoot;      // empty unless family is "xml"
        QString virshCommand; // the command of a virsh option, else empty
        QString configFile;   // the file of a configuration option ("libvirtd.conf"), else empty
    };
    static DataScope scopeOf(ItemKind kind, const QString &name);
    bool datesIn(const DataScope &scope, int releaseIndex) const;

    // Builder side.
    void setReleases(QList<HistoryRelease> releases);
    void setEntries(QList<HistoryEntry> entries); // sorts them (kind id, key)
    void setDocsAgreement(QList<HistoryDocsAgreement> docs); // sorts them (source, kind id)

    // ReleaseMerger::identityOf for an entry: "symbol|KEY" for functions and
    // variables, else "KINDID|KEY".
    static QString identityOf(const HistoryEntry &e);
    static constexpr qint64 maxFileSize = 64 * 1024 * 1024;

private:
    QList<HistoryRelease> m_releases;
    QList<HistoryEntry> m_entries;
    QList<HistoryDocsAgreement> m_docs;
    QHash<QString, int> m_byIdentity;
    QString m_digest; // of the bytes parsed; empty: computed from serialize()
    bool familyIn(const QString &family, int releaseIndex) const;
};

} // namespace vse
