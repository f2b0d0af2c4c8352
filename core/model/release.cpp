#include "release.h"

namespace vse {

QString Release::sourceKindId(SourceKind kind)
{
    switch (kind) {
    case SourceKind::Installed:
        return QStringLiteral("installed");
    case SourceKind::SourceTree:
        return QStringLiteral("source-tree");
    case SourceKind::PackageSet:
        return QStringLiteral("package-set");
    case SourceKind::History:
        return QStringLiteral("history");
    }
    return {};
}

Release::SourceKind Release::sourceKindFromId(const QString &id)
{
    if (id == QLatin1String("source-tree"))
        return SourceKind::SourceTree;
    if (id == QLatin1String("package-set"))
        return SourceKind::PackageSet;
    if (id == QLatin1String("history"))
        return SourceKind::History;
    return SourceKind::Installed;
}

} // namespace vse
