#include "sincerange.h"

#include "releaseseries.h"

#include <QCoreApplication>
#include <QStringList>

#include <limits>

namespace vse {

namespace {

// Kinds that name the introducing release themselves.
bool namesRelease(Evidence::Kind k)
{
    return k != Evidence::Kind::History && k != Evidence::Kind::FirstRelease && k != Evidence::Kind::DriverTable;
}

} // namespace

SinceRange SinceRange::fromEvidence(const EvidenceList &evidence)
{
    SinceRange r;
    // Presence bounds first: the oldest release seen with the item, and the
    // newest one seen without it before that.
    const PresenceBounds bounds = presenceBounds(evidence);
    r.upTo = bounds.upTo();
    r.upper = bounds.firstSeen;
    r.after = bounds.after();
    r.lower = bounds.lastAbsent;
    // Then the strongest evidence that names a release and agrees with the
    // bounds (a documentation note naming a later release speaks of a later
    // change; a version older than a release seen without the item is wrong).
    // A symbol version later than the first header that declared the function
    // is kept: a program linked today needs that version node, whatever older
    // headers said (libvirt-admin.h declared virAdmConnectOpen in 1.2.17; the
    // library exports it as LIBVIRT_ADMIN_2.0.0, and 1.3.x's LIBVIRT_ADMIN_1.3.0
    // node is gone).
    const Evidence *best = nullptr;
    for (const Evidence &e : evidence) {
        if (!namesRelease(e.kind) || !e.version.isValid() || e.unreliable)
            continue;
        const bool abi = e.kind == Evidence::Kind::SymbolVersion || e.kind == Evidence::Kind::SymsFile;
        if (r.upTo.isValid() && r.upTo < e.version && !abi)
            continue;
        if (r.after.isValid() && !(r.after < e.version))
            continue;
        if (!best || int(e.kind) < int(best->kind))
            best = &e;
    }
    // ...unless the function's own Since tag names a later release than its
    // version node: libvirt exported virAdmServerUpdateTlsFiles (6.2.0) and
    // virDomainSetBlockThreshold (3.2.0) in older nodes (LIBVIRT_ADMIN_2.0.0,
    // LIBVIRT_3.1.0), and no release before the tag's had the function.
    if (best && (best->kind == Evidence::Kind::SymbolVersion || best->kind == Evidence::Kind::SymsFile))
        for (const Evidence &e : evidence)
            if (e.kind == Evidence::Kind::SinceTag && !e.unreliable && best->version < e.version &&
                (!r.upTo.isValid() || !(r.upTo < e.version)) && (!r.after.isValid() || r.after < e.version))
                best = &e;
    if (best) {
        r.exact = true;
        r.upTo = best->version;
        r.upper = *best;
        const Version before = ReleaseSeries::predecessor(best->version);
        if (before.isValid() && (!r.after.isValid() || r.after < before)) {
            r.after = before;
            r.lower = Evidence();
        }
        return r;
    }
    r.exact = r.after.isValid() && ReleaseSeries::adjacent(r.after, r.upTo);
    return r;
}

SinceRange::Fit SinceRange::fit(const Version &target) const
{
    if (!upTo.isValid())
        return Fit::Unknown;
    if (!(target < upTo))
        return Fit::Supported;
    if (exact || (after.isValid() && !(after < target)))
        return Fit::TooNew;
    return Fit::MaybeTooNew;
}

QString SinceRange::toString() const
{
    if (!upTo.isValid())
        return QStringLiteral("unknown");
    if (exact)
        return upTo.toString();
    if (after.isValid())
        return after.toString() + QStringLiteral(" < since \u2264 ") + upTo.toString();
    return QStringLiteral("\u2264 ") + upTo.toString();
}

QString SinceRange::phrase() const
{
    return exact || !after.isValid() || !upTo.isValid() ? QStringLiteral("since ") + toString() : toString();
}

QString SinceRange::displayText() const
{
    if (!upTo.isValid())
        return QCoreApplication::translate("Evidence", "unknown");
    if (exact)
        return upTo.toString();
    if (after.isValid())
        return QCoreApplication::translate("Evidence", "%1 < since ≤ %2").arg(after.toString(), upTo.toString());
    return QCoreApplication::translate("Evidence", "≤ %1").arg(upTo.toString());
}

QString SinceRange::displayPhrase() const
{
    if (isKnown() && after.isValid() && !exact)
        return displayText(); // the range names "since" itself
    return QCoreApplication::translate("Evidence", "since %1").arg(displayText());
}

QString SinceRange::explain() const
{
    QString s = displayText();
    if (!upTo.isValid())
        return s;
    QStringList why;
    const auto label = [](const Evidence &e) { return e.sourceText(); };
    if (exact && !upper.isPresence())
        why << label(upper);
    else
        why << QCoreApplication::translate("Evidence", "in %1: %2").arg(upTo.toString(), label(upper));
    if (exact && !upper.isPresence())
        ; // the named release says it all
    else if (after.isValid() && lower.kind == upper.kind && lower.detail == upper.detail && !lower.detail.isEmpty())
        ; // one piece of evidence names both ends
    else if (after.isValid() && (lower.version.isValid() || !lower.detail.isEmpty()))
        why << QCoreApplication::translate("Evidence", "not in %1: %2").arg(after.toString(), label(lower));
    else if (!after.isValid())
        // Older releases may have been read and lacked the data to date it (a
        // configuration file the history does not have yet): what is missing
        // is a release known to lack it.
        why << QCoreApplication::translate("Evidence", "no older release known to lack it");
    return s + QStringLiteral(" (") + why.join(QStringLiteral("; ")) + QLatin1Char(')');
}

void SinceRange::insertInto(QJsonObject &o) const
{
    o.insert(QStringLiteral("since"), exact ? QJsonValue(upTo.toString()) : QJsonValue());
    o.insert(QStringLiteral("sinceRange"), toJson());
    o.insert(QStringLiteral("sinceText"), toString());
}

QJsonObject SinceRange::toJson() const
{
    QJsonObject o;
    if (after.isValid())
        o.insert(QStringLiteral("after"), after.toString());
    if (upTo.isValid())
        o.insert(QStringLiteral("upTo"), upTo.toString());
    o.insert(QStringLiteral("exact"), exact);
    return o;
}

qint64 SinceRange::sortKey() const
{
    if (!upTo.isValid())
        return std::numeric_limits<qint64>::max();
    // Upper end first; among equal upper ends exact before narrower before wider.
    const qint64 lowerPart = exact ? 999999999 : (after.isValid() ? after.toNumber() : 0);
    return upTo.toNumber() * 1000000000LL + lowerPart;
}

QString SinceRange::fitId(Fit fit)
{
    switch (fit) {
    case Fit::Supported:
        return QStringLiteral("supported");
    case Fit::MaybeTooNew:
        return QStringLiteral("maybe-too-new");
    case Fit::TooNew:
        return QStringLiteral("too-new");
    case Fit::Unknown:
        return QStringLiteral("unknown");
    }
    return {};
}

} // namespace vse
