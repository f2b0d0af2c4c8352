#pragma once

#include "evidence.h"

#include <QJsonObject>
#include <QString>

namespace vse {

// When an item appeared, as far as the evidence goes: after the newest
// release known not to have it (exclusive, may be unknown) and at or before
// the oldest release known to have it (inclusive). Exact when strong evidence
// names the release (symbol version, .syms block, Since tag, API XML,
// documentation) or when the two ends are adjacent upstream releases.
//
// Target checks never treat a bound as the answer: an item is too new for a
// target only when its lower end is at or after the target, and "maybe too
// new" while the target lies inside the range.
struct SinceRange
{
    Version after; // exclusive lower bound; invalid when nothing older was seen
    Version upTo;  // inclusive upper bound; the since itself when exact
    bool exact = false;
    // The evidence behind each end (kind and detail), for "why".
    Evidence upper;
    Evidence lower; // valid version only when `after` comes from evidence

    enum class Fit {
        Supported,  // present in the target release or earlier
        MaybeTooNew, // the target lies inside the range
        TooNew,     // introduced after the target
        Unknown,    // no evidence at all
    };

    static SinceRange fromEvidence(const EvidenceList &evidence);

    bool isKnown() const { return upTo.isValid(); }
    Version exactVersion() const { return exact ? upTo : Version(); }
    Fit fit(const Version &target) const;

    // "0.6.0", "1.3.5 < since ≤ 7.0.0", "≤ 0.8.0", or "unknown".
    QString toString() const;
    // toString() as a phrase in a sentence: "since 0.6.0", "1.3.5 < since ≤
    // 7.0.0" (the range names "since" itself), "since ≤ 0.8.0", "since unknown".
    QString phrase() const;
    // The same in the user's language (the explorer translates "since"; the
    // CLI, which installs no translator, gets toString()'s words).
    QString displayText() const;
    // phrase() in the user's language.
    QString displayPhrase() const;
    // toString() followed by the evidence for each end:
    // "1.3.5 < since ≤ 7.0.0 (in 7.0.0: first indexed release /; not in 1.3.5: release history git:v1.3.5)".
    QString explain() const;
    // {"after": "1.3.5", "upTo": "7.0.0", "exact": false}; keys absent when unknown.
    QJsonObject toJson() const;
    // The three since fields every JSON output carries: "since" (a version only
    // when exact, else null, so a script comparing versions never mistakes a
    // bound for the answer), "sinceRange" and "sinceText".
    void insertInto(QJsonObject &o) const;
    // A sort key: ranges sort by their upper end, then by their lower end.
    qint64 sortKey() const;

    static QString fitId(Fit fit); // "supported", "maybe-too-new", "too-new", "unknown"
};

} // namespace vse
