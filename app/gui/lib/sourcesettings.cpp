#include "sourcesettings.h"

#include <QSettings>

namespace vse::gui {

QStringList SourceSettings::sources()
{
    QSettings settings;
    if (!settings.contains(QStringLiteral("sources/paths")))
        return defaults();
    return settings.value(QStringLiteral("sources/paths")).toStringList();
}

void SourceSettings::setSources(const QStringList &sources)
{
    QSettings settings;
    settings.setValue(QStringLiteral("sources/paths"), sources);
}

} // namespace vse::gui
