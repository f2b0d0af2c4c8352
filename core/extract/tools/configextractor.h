#pragma once

#include "model/extractresult.h"
#include "model/version.h"

#include <QHash>
#include <QJsonObject>
#include <QJsonValue>
#include <QString>
#include <QStringList>

namespace vse {

// One setting of a daemon configuration file as a lens and the shipped file
// describe it.
struct ConfigSetting
{
    QString name;
    QString type;    // from the lens: string, bool, number, string-list, limits...
    QString shipped; // the value shown in the shipped file ("#name = value"), trimmed
    bool commented = true;
    int confLine = 0; // 0 when the shipped file does not show it
    int lensLine = 0; // 0 when no lens reads it
};

// A daemon configuration file: what its shipped copy shows and what its
// augeas lens accepts.
struct ConfigFile
{
    QString name;     // "qemu.conf"
    QString confPath; // the shipped file read, empty when only a lens names it
    QString lensPath;
    QString lensModule; // "Libvirtd_qemu"
    QList<ConfigSetting> settings;
};

// Reads libvirt's daemon configuration files and their augeas lenses: from a
// source tree (src/**/*.conf[.in], src/**/*.aug[.in], daemon/, qemud/) or an
// installed prefix / package set (etc/libvirt/*.conf,
// usr/share/augeas/lenses/*.aug). The lens says which settings can be read
// back and their type (its str_entry / bool_entry / int_entry /
// str_array_entry lines); the shipped file gives each setting's value as
// shipped, nearly always commented out, which is libvirt's way of showing the
// built-in default. `@sysconfdir@`-style placeholders of templates stay as
// written.
class ConfigExtractor
{
public:
    static QList<ConfigFile> readTree(const QString &root, Diagnostics *diagnostics);
    static QList<ConfigFile> readInstalled(const QString &root, Diagnostics *diagnostics);
    // config-option items: name = setting, key = "FILE:setting", parent = FILE;
    // attrs file, type, default (shipped value), commented, lens, inConf, inLens.
    static ItemList items(const QList<ConfigFile> &files);

    // Parsers, public for check-config and tests.
    struct LensInfo
    {
        QString module;
        QStringList files;             // base names of the files it reads ("qemu.conf")
        QList<ConfigSetting> settings; // name, type, lensLine
    };
    static LensInfo parseLens(const QString &text);
    // Settings of a configuration file (commented or not), in order; the first
    // appearance of a name wins. `active` only: uncommented settings (a
    // customer's file).
    static QList<ConfigSetting> parseConf(const QString &text, bool activeOnly,
                                          Diagnostics *diagnostics, const QString &fileName);
    static QStringList inputFiles(const QString &root, bool sourceTree);
};

// A configuration option's shipped value in a release, from its attrs
// "defaults" (the history pack's [[VERSION, VALUE]...] of the releases where
// it changed): a string, null when the shipped file did not show it, or
// undefined before the first release known to have the option. A value may
// be a build placeholder (isBuildPlaceholder): the release's source tree did
// not say the value.
QJsonValue configDefaultIn(const QJsonObject &attrs, const Version &release);
// Whether a shipped value is a build-time placeholder of a template
// ("@default_auth@", "@QEMU_USER@/..."): the value is chosen when libvirt is
// built, so it is unknown, and never counts as a change of the default.
bool isBuildPlaceholder(const QJsonValue &shipped);

} // namespace vse
