#pragma once

#include "model/item.h"

#include <QJsonObject>
#include <QList>
#include <QPair>
#include <QString>
#include <QStringList>

namespace vse {

// What the tool tells a user about one item, computed once in core. The CLI's
// `show`, `show --json`, the explorer's detail pane and its Copy answer only
// render this value; none of them consults the policy or the item's raw
// attributes on its own, so a fact shown in one rendering is in all of them.
struct ItemAnswer
{
    struct Taint
    {
        QString reason;  // "custom-monitor"
        QString meaning; // what it means for the guest (English; the GUI translates by id)
        QStringList sources; // where the catalogue read the trigger (file:line of a libvirt release)
        // A daemon setting taints every guest only with some values: the
        // values ("root", "+0", "0") or, for a list, "nonEmpty"; empty: always.
        QStringList whenValues;
        bool whenNonEmpty = false;
        bool isConditional() const { return !whenValues.isEmpty() || whenNonEmpty; }
        // "when set to "root", "+0" or "0"", "when the list is not empty".
        QString conditionText() const;
    };
    // A banner: something the user must not miss, in the order it matters.
    struct Note
    {
        QString kind;  // taint, removed, newer, namespace-extension, private, hypervisor-specific, warning, sources-disagree
        QString title; // "Taints the guest: custom-monitor."
        QString text;
    };
    struct Removal
    {
        Version after;          // newest release known to still have it (may be invalid)
        Version in;             // oldest release known not to have it; invalid: not removed
        bool byDrivers = false; // every hypervisor driver dropped it; the symbol stays
        QString how;            // the evidence, e.g. "not in the release history's 0.4.1"
        bool isRemoved() const { return in.isValid(); }
        QString text() const;   // "in 5.5.0", "0.3.3 < removed \u2264 0.4.1 (…)"
    };
    // A fact of the item's own kind, as label and text: a virsh command's
    // output, an option's type, a setting's shipped values, an error's message.
    struct Fact
    {
        QString label;
        QString text;
    };
    struct Driver
    {
        QString driver;
        QString since;
        QString removed;
        QString evidence;
    };
    // What the caller knows that the item does not: where it was read from.
    struct Context
    {
        QString releaseLabel;            // "9.0.0 (/)"
        QStringList fallbackReleases;    // when the item carries no "releases" fact
        QString proceduresFrom;          // the RPC links were borrowed from this older release
        ItemList parts;                  // a virsh command's options (itemparts.h: partsOf)
        // A removed XML item's namesakes still there: path and since
        // (itemparts.h: sameNameElsewhere).
        QList<QPair<QString, SinceRange>> sameNameElsewhere;
    };
    // One option of a virsh command, with its own since (an option may be
    // younger than its command).
    struct Option
    {
        QString name; // "--iothread"
        QString type; // bool, string, number, data, argv, alias
        bool required = false;
        bool positional = false;
        QString aliasOf; // an alias entry: what it stands for
        SinceRange since;
        QString sinceText() const; // "1.2.9", "≤ 0.7.2", "unknown"
        QString flagsText() const; // "number, required", "alias of mode=shareable"
    };

    Item item; // the raw facts (name, kind, signature, doc, attrs…)

    QString kindLabel;
    QString tierLabel;
    QString tierGroup;
    QString tierRule;
    SinceRange since;
    QString sinceText; // the range with the evidence for each end
    bool inconsistent = false;
    Removal removal;
    QList<Taint> taints;
    QList<Note> notes;
    QString definedIn; // "libvirt/libvirt-host.h:123"
    QString releaseLabel;
    QStringList releases;      // indexed releases that have the item
    QString history;           // the release history's spans
    QString historyNoDataAfter; // the history's newer releases have no data for the item ("11.3.0")
    // The history holds no release from the item's exact since up to the
    // first one that has it ("7.1.0", "9.0.0": virDomainGetMessages), so
    // its spans start later than the item did; empty otherwise.
    QString historyGapFrom, historyGapTo;
    QString historyText() const; // the spans, saying where the history's data for the item ends
    QString acceptedAsText;    // the item's values were plain text up to this release
    QString fromHistory;       // no indexed release has the item: shown from the history's release
    // Why: "newer" (added after the newest indexed release of its kind of
    // data, newerThanIndexed), "removed" (before the indexed releases), or
    // "no-data" (no indexed release has this kind of data). Empty with fromHistory.
    QString fromHistoryReason;
    QString newerThanIndexed;
    QString fromHistoryText() const; // "the release history's 12.9.0 (…why…)"
    QStringList otherNames;
    QList<QPair<QString, SinceRange>> sameNameElsewhere; // Context::sameNameElsewhere
    // A namesake added exactly in the release that removed this item: the
    // likeliest sign of a move (domain/timer → domain/clock/timer, 0.8.6).
    bool appearedWhenRemoved(const SinceRange &since) const;
    QList<Driver> drivers;
    QStringList procedures;    // RPC procedures carrying the API
    QString proceduresFrom;
    QStringList api;           // APIs a procedure carries
    QStringList acl;           // access checks (the procedures' when the API has none)
    QList<Fact> kindFacts;
    QList<Option> options; // a virsh command's options: positional ones first, then by name
    QString synopsis;      // a virsh command's usage, built from the options
    QList<QPair<QString, QString>> otherFacts; // remaining kind-specific attributes, as text

    static ItemAnswer of(const Item &item, const Context &context = {});
    // The removal facts of an item's attrs (the explorer's Removed column reads them alone).
    static Removal removalOf(const QJsonObject &attrs);

    // The JSON every script reads (`show --json`, `search --json --full`…).
    QJsonObject toJson() const;
    // Plain text, for people: `show` and Copy answer.
    QString toText() const;
    // "Defined in" etc. as label/value lines in display order (text renderers share them).
    QList<QPair<QString, QString>> factLines() const;
};

} // namespace vse
