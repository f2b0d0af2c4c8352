#pragma once

#include <QLocale>

class QCoreApplication;

namespace vse::gui {

// Installs the explorer's translation (embedded under :/i18n) and Qt's own
// for the locale; returns false when there is no translation for it
// (English needs none).
bool installTranslations(QCoreApplication *app, const QLocale &locale = QLocale());

} // namespace vse::gui
