#pragma once

#include "historypack.h"
#include "model/release.h"

#include <QList>

namespace vse {

// Brings the shipped history into an index of the releases a user has:
// every item the history knows gets "release history" evidence (first seen,
// and the newest release without it, so most since values become exact);
// items the history lacks get a lower bound when the history's newest release
// of that family provably lacked them; and one extra release of kind History
// carries what the user's releases cannot show — items removed before them,
// items added after the newest of them,
// and RPC procedures when no indexed release has protocol files (from the
// history's nearest release with protocol data, said so on each row).
//
// Runs after ReleaseMerger::merge. Idempotent: facts of an earlier run
// (History evidence, history attrs, an earlier History release) are replaced.
class HistoryApplier
{
public:
    struct Stats
    {
        int matched = 0;      // indexed items the history knows
        int lowerBounded = 0; // indexed items it lacks, given a lower bound
        int movedSkipped = 0; // lacking, but a same-named path existed: no bound claimed
        int removedRows = 0;  // rows added for items removed before the indexed releases
        int newerRows = 0;    // rows added for items newer than every indexed release of their family
        int rpcRows = 0;      // rows added for protocol data the indexed releases lack
        int aliasRows = 0;    // XML paths reached through a shared define, given their own history
        Version rpcFrom;      // the history release those came from
        // The same for every family no indexed release has (rpc, virsh, config).
        QHash<QString, int> filledRows;
        QHash<QString, Version> filledFrom;
        int packDocs = 0;     // items given the pack's measured docs since (Documentation evidence)
        int historyDrivers = 0; // functions given the pack's drivers (no hvsupport.html indexed)
        // Documentation "Since" notes against the history's exact since, on
        // XML items that have both. Below kDocsAgreement, documentation
        // evidence is kept but not used to date anything.
        int docsAgree = 0;
        int docsDisagree = 0;
        bool docsUsed = true;
    };
    static constexpr double kDocsAgreement = 0.95;
    // Bump when apply() changes what it writes: indexes are merged again.
    // 12: symbol versions date functions; 13: a C name's former kind dates it;
    // 14: a Since tag later than the version node dates the function;
    // 15: historyNoDataAfter (the history stops having data for the item)
    static constexpr int kVersion = 15;
    // What an index records to know it merged this pack with this applier.
    static QString indexDigest()
    {
        const QString pack = HistoryPack::builtinDigest();
        return pack.isEmpty() ? pack : pack + QStringLiteral(":applier-") + QString::number(kVersion);
    }

    static Stats apply(QList<Release> &releases, const HistoryPack &pack);

    // The attrs keys this class owns.
    static const QStringList &ownedKeys();
    // "0.6.0 – 1.3.5", or with names when it was renamed:
    // "0.3.0 – 1.0.0 as REMOTE_PROC_OPEN, 1.2.0 – 1.3.5 as REMOTE_PROC_CONNECT_OPEN"; empty without history.
    static QString spansText(const QJsonObject &attrs);
    // "in 0.4.1 (how we know)" or, when the last release with the item is not
    // the one right before, "0.3.3 < removed ≤ 0.4.1 (how we know)"; empty when not removed.
    static QString removalText(const QJsonObject &attrs);
};

} // namespace vse
