#include "evidence.h"

#include <QCoreApplication>
#include <QRegularExpression>

namespace vse {

namespace {
struct EvidenceKindName
{
    Evidence::Kind kind;
    const char *id;
    const char *label;
};
constexpr EvidenceKindName kEvidenceKinds[] = {
    {Evidence::Kind::SymbolVersion, "symbol-version", QT_TRANSLATE_NOOP("Evidence", "symbol version")},
    {Evidence::Kind::SymsFile, "syms-file", QT_TRANSLATE_NOOP("Evidence", "linker version script")},
    {Evidence::Kind::SinceTag, "since-tag", QT_TRANSLATE_NOOP("Evidence", "Since tag")},
    {Evidence::Kind::ApiXml, "api-xml", QT_TRANSLATE_NOOP("Evidence", "API XML version")},
    {Evidence::Kind::Documentation, "documentation", QT_TRANSLATE_NOOP("Evidence", "documentation")},
    {Evidence::Kind::ApiVersion, "api-version", QT_TRANSLATE_NOOP("Evidence", "API version")},
    {Evidence::Kind::History, "history", QT_TRANSLATE_NOOP("Evidence", "release history")},
    {Evidence::Kind::FirstRelease, "first-release", QT_TRANSLATE_NOOP("Evidence", "first indexed release")},
    {Evidence::Kind::DriverTable, "driver-table", QT_TRANSLATE_NOOP("Evidence", "driver table")},
};
} // namespace

QString Evidence::kindId(Kind kind)
{
    for (const auto &k : kEvidenceKinds)
        if (k.kind == kind)
            return QString::fromLatin1(k.id);
    return {};
}

Evidence::Kind Evidence::kindFromId(const QString &id)
{
    for (const auto &k : kEvidenceKinds)
        if (id == QLatin1String(k.id))
            return k.kind;
    return Kind::FirstRelease;
}

QString Evidence::kindLabel(Kind kind)
{
    for (const auto &k : kEvidenceKinds)
        if (k.kind == kind)
            return QCoreApplication::translate("Evidence", k.label);
    return {};
}

QString Evidence::displayDetail() const
{
    // English: nothing to do (the command line, which `show` times).
    if (QCoreApplication::translate("Evidence", "first in %1") == QLatin1String("first in %1"))
        return detail;
    // The shapes historyapplier.cpp writes; anything else is data.
    static const QRegularExpression firstAbsent(QStringLiteral("^first in (.+), absent from (\\S+)$"));
    static const QRegularExpression first(QStringLiteral("^first in (.+)$"));
    static const QRegularExpression own(QStringLiteral("^(\\S+) in (\\S+) \\(release history\\)$"));
    if (const auto m = firstAbsent.match(detail); m.hasMatch())
        return QCoreApplication::translate("Evidence", "first in %1, absent from %2").arg(m.captured(1), m.captured(2));
    if (const auto m = first.match(detail); m.hasMatch())
        return QCoreApplication::translate("Evidence", "first in %1").arg(m.captured(1));
    if (const auto m = own.match(detail); m.hasMatch())
        return QCoreApplication::translate("Evidence", "%1 in %2 (release history)").arg(m.captured(1), m.captured(2));
    return detail;
}

QString Evidence::sourceText() const
{
    if (detail.isEmpty())
        return kindLabel(kind);
    if (kind == Kind::FirstRelease)
        return QCoreApplication::translate("Evidence", "first indexed release, read from %1").arg(detail);
    return kindLabel(kind) + QStringLiteral(": ") + displayDetail();
}

QString Evidence::describe() const
{
    QString v = version.toString();
    if (isPresence() && !version.isValid() && after.isValid()) {
        // Absence only: a release known not to have the item.
        v = QCoreApplication::translate("Evidence", "not in %1").arg(after.toString());
    } else if (isPresence()) {
        // Presence says "in R" (and "not in A"), not "introduced in R".
        v = QCoreApplication::translate("Evidence", "in %1").arg(v);
        if (after.isValid())
            v += QCoreApplication::translate("Evidence", ", not in %1").arg(after.toString());
        else if (upperBoundOnly)
            // Only an upper bound: the release was the oldest one indexed.
            v += QCoreApplication::translate("Evidence", ", no older release indexed");
    }
    QString s = v + QStringLiteral(" (") + sourceText();
    if (unreliable)
        s += QCoreApplication::translate("Evidence", "; not used to date it");
    return s + QLatin1Char(')');
}

PresenceBounds presenceBounds(const EvidenceList &list)
{
    PresenceBounds b;
    for (const Evidence &e : list) {
        if (!e.isPresence() || !e.version.isValid())
            continue;
        if (!b.upTo().isValid() || e.version < b.upTo())
            b.firstSeen = e;
    }
    for (const Evidence &e : list) {
        if (!e.isPresence() || !e.after.isValid() || !(e.after < b.upTo()))
            continue;
        if (!b.after().isValid() || b.after() < e.after)
            b.lastAbsent = e;
    }
    return b;
}

bool evidenceDisagrees(const EvidenceList &list)
{
    const PresenceBounds bounds = presenceBounds(list);
    const Version firstSeen = bounds.upTo();
    const Version lastAbsent = bounds.after();
    const Evidence *first = nullptr;
    for (const auto &e : list) {
        if (!e.version.isValid() || e.isPresence() || e.kind == Evidence::Kind::DriverTable || e.unreliable)
            continue;
        if (firstSeen.isValid() && firstSeen < e.version)
            return true;
        if (lastAbsent.isValid() && lastAbsent < firstSeen && !(lastAbsent < e.version))
            return true;
        if (!first)
            first = &e;
        else if (e.version != first->version)
            return true;
    }
    return false;
}

} // namespace vse
