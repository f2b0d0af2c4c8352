#include "evidence.h"

#include <QCoreApplication>

namespace vse {

namespace {
struct KindName
{
    Evidence::Kind kind;
    const char *id;
    const char *label;
};
constexpr KindName kKinds[] = {
    {Evidence::Kind::SymbolVersion, "symbol-version", QT_TRANSLATE_NOOP("Evidence", "symbol version")},
    {Evidence::Kind::SymsFile, "syms-file", QT_TRANSLATE_NOOP("Evidence", "linker version script")},
    {Evidence::Kind::SinceTag, "since-tag", QT_TRANSLATE_NOOP("Evidence", "Since tag in header")},
    {Evidence::Kind::ApiXml, "api-xml", QT_TRANSLATE_NOOP("Evidence", "API XML version")},
    {Evidence::Kind::Documentation, "documentation", QT_TRANSLATE_NOOP("Evidence", "documentation")},
    {Evidence::Kind::ApiVersion, "api-version", QT_TRANSLATE_NOOP("Evidence", "API version")},
    {Evidence::Kind::FirstRelease, "first-release", QT_TRANSLATE_NOOP("Evidence", "first indexed release")},
    {Evidence::Kind::DriverTable, "driver-table", QT_TRANSLATE_NOOP("Evidence", "driver table")},
};
} // namespace

QString Evidence::kindId(Kind kind)
{
    for (const auto &k : kKinds)
        if (k.kind == kind)
            return QString::fromLatin1(k.id);
    return {};
}

Evidence::Kind Evidence::kindFromId(const QString &id)
{
    for (const auto &k : kKinds)
        if (id == QLatin1String(k.id))
            return k.kind;
    return Kind::FirstRelease;
}

QString Evidence::kindLabel(Kind kind)
{
    for (const auto &k : kKinds)
        if (k.kind == kind)
            return QCoreApplication::translate("Evidence", k.label);
    return {};
}

QString Evidence::describe() const
{
    QString v = version.toString();
    if (upperBoundOnly)
        v = QStringLiteral("\u2264 ") + v;
    QString s = v + QStringLiteral(" (") + kindLabel(kind);
    if (!detail.isEmpty())
        s += QStringLiteral(": ") + detail;
    return s + QLatin1Char(')');
}

const Evidence *bestEvidence(const EvidenceList &list)
{
    // Documentation prose is the weakest recorded source: when a schema
    // already had the item before the release the docs name, the docs speak
    // of some later change, and presence in the schema wins.
    Version firstSeen;
    for (const auto &e : list)
        if (e.kind == Evidence::Kind::FirstRelease && e.version.isValid())
            firstSeen = e.version;
    const Evidence *best = nullptr;
    for (const auto &e : list) {
        if (!e.version.isValid())
            continue;
        if (e.kind == Evidence::Kind::Documentation && firstSeen.isValid() && e.version > firstSeen)
            continue;
        if (!best || int(e.kind) < int(best->kind))
            best = &e;
    }
    return best;
}

bool evidenceDisagrees(const EvidenceList &list)
{
    const Evidence *first = nullptr;
    Version firstSeen;
    for (const auto &e : list) {
        if (!e.version.isValid() || e.kind == Evidence::Kind::DriverTable)
            continue;
        // "First indexed release" only bounds the truth from above (releases
        // between indexed ones are unseen): it contradicts a recorded version
        // only when the item already existed before that version.
        if (e.kind == Evidence::Kind::FirstRelease) {
            firstSeen = e.version;
            continue;
        }
        if (!first)
            first = &e;
        else if (e.version != first->version)
            return true;
    }
    if (firstSeen.isValid())
        for (const auto &e : list)
            if (e.version.isValid() && e.kind != Evidence::Kind::FirstRelease &&
                e.kind != Evidence::Kind::DriverTable && e.version > firstSeen)
                return true;
    return false;
}

} // namespace vse
