#pragma once

#include <QLocale>
#include <QString>

class QCoreApplication;

namespace vse::gui {

// Installs the explorer's translation (embedded under :/i18n) and Qt's own
// for the locale; returns false when there is no translation for it
// (English needs none).
bool installTranslations(QCoreApplication *app, const QLocale &locale = QLocale());

// The installed translation as a file a child program can load (the scan
// runs in virt-support-index, which must word its findings as the window
// does): copied out of the resources once per process. Empty when no
// translation is installed or the copy fails.
QString translationFileForChildren();

} // namespace vse::gui
