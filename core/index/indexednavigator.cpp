#include "indexednavigator.h"

#include <QFileInfo>

namespace vse {

std::optional<IndexedNavigator> indexedNavigator(const Store &store, const QString &forSchemaDir)
{
    const QString meta = store.meta(QStringLiteral("schemaNavigator"));
    const qsizetype eol = meta.indexOf(QLatin1Char('\n'));
    if (eol <= 0)
        return std::nullopt;
    const QString dir = meta.left(eol);
    if (!forSchemaDir.isEmpty() && QFileInfo(dir).absoluteFilePath() != QFileInfo(forSchemaDir).absoluteFilePath())
        return std::nullopt;
    std::optional<SchemaNavigator> navigator = SchemaNavigator::fromText(QStringView(meta).mid(eol + 1));
    if (!navigator)
        return std::nullopt;
    return IndexedNavigator{dir, std::move(*navigator)};
}

} // namespace vse
