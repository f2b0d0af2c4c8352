#pragma once

#include "model/item.h"
#include "model/policy.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace vse {

class Store;

// How a taint reason reaches a support ticket: its id ("custom-argv"), the
// guest log's line ("2024-05-02 10:11:12.345+0000: Domain id=3 is tainted:
// custom-monitor", the journal's "... is tainted: custom-argv"), the words
// virDomainGetMessages gives ("tainted: custom configuration parameters
// specified"), or the status file's <taint flag='custom-argv'/>.
struct TaintMention
{
    TaintReason reason;
    // "taint-reason", "log-line", "daemon-message", "status-xml"; each
    // reason "taint-catalogue" when the text asked for all ("tainted").
    QString via;
};

struct TaintMentions
{
    QList<TaintMention> known; // in the order the text names them, each once
    // Ids a log line or a status file names that the policy's catalogue does
    // not know (a newer libvirt's reason).
    QStringList unknown;
    bool isEmpty() const { return known.isEmpty() && unknown.isEmpty(); }
    // The text asked for every reason ("tainted"), not named some.
    bool asksForAll() const { return !known.isEmpty() && known.first().via == QLatin1String("taint-catalogue"); }
};

// The taint reasons `typed` names. A bare id counts when it is the whole
// text (any case), as do "tainted" and "taint reasons" (every reason); the
// other forms anywhere in it, so a pasted log works.
// Pure but for the policy's catalogue.
TaintMentions taintMentionsIn(const QString &typed);

// The newest rows of the indexed items that set `reasonId` (their taints
// hold it: the catalogue's triggers and the XML beneath them), by name;
// then the daemon settings that set it with some values (qemu.conf:user).
ItemList itemsSettingTaint(const Store &store, const QString &reasonId);

// The catalogue's triggers of a reason, in its order.
QList<TaintTrigger> triggersOfTaint(const QString &reasonId);

// "Domain id=N is tainted: custom-argv": the guest log's line for a reason.
QString taintLogLine(const QString &reasonId);

} // namespace vse
