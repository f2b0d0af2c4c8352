#include "translations.h"

#include <QCoreApplication>
#include <QFile>
#include <QLibraryInfo>
#include <QTemporaryFile>
#include <QTranslator>

#include <memory>

namespace vse::gui {

namespace {

QString &installedFile()
{
    static QString path; // the resource the explorer's own translation came from
    return path;
}

} // namespace

bool installTranslations(QCoreApplication *app, const QLocale &locale)
{
    auto *qt = new QTranslator(app);
    if (qt->load(locale, QStringLiteral("qtbase"), QStringLiteral("_"),
                 QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(qt);
    else
        delete qt;
    auto *own = new QTranslator(app);
    if (!own->load(locale, QStringLiteral("virt-support-explorer"), QStringLiteral("_"), QStringLiteral(":/i18n"))) {
        delete own;
        return false;
    }
    QCoreApplication::installTranslator(own);
    installedFile() = own->filePath();
    return true;
}

QString translationFileForChildren()
{
    static std::unique_ptr<QTemporaryFile> copy;
    if (installedFile().isEmpty())
        return {};
    if (!copy) {
        QFile source(installedFile());
        auto file = std::make_unique<QTemporaryFile>();
        if (!source.open(QIODevice::ReadOnly) || !file->open() || file->write(source.readAll()) != source.size() ||
            !file->flush())
            return {};
        copy = std::move(file);
    }
    return copy->fileName();
}

} // namespace vse::gui
