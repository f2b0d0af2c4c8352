#pragma once

#include <QStringList>

namespace vse::gui {

// The sources the explorer indexes (installed prefix "/", source trees,
// unpacked package sets), kept with QSettings. A fresh installation indexes
// the installed libvirt only.
class SourceSettings
{
public:
    static QStringList sources();
    static void setSources(const QStringList &sources);
    static QStringList defaults() { return {QStringLiteral("/")}; }
};

} // namespace vse::gui
