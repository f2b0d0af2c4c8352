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
    }
    return {};
}

} // namespace vse
