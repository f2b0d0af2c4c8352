#pragma once

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QRegularExpression>
#include <QString>

// File helpers the tests share: reading a file whole, copying a libvirt
// tree to a scratch folder, and the functions an API XML folder lists.
namespace vse::testdata {

// The file's bytes; empty when it cannot be read.
inline QByteArray fileBytes(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

// Copies `from` (files and folders, empty ones too) into `to`.
inline bool copyTree(const QString &from, const QString &to)
{
    if (!QDir().mkpath(to))
        return false;
    for (const QFileInfo &fi : QDir(from).entryInfoList(QDir::Files | QDir::Dirs | QDir::NoDotAndDotDot)) {
        const QString target = to + QLatin1Char('/') + fi.fileName();
        if (fi.isDir() ? !copyTree(fi.filePath(), target) : !QFile::copy(fi.filePath(), target))
            return false;
    }
    return true;
}

// Every function the *-api.xml files of a folder list, with its version=
// attribute (read with a regular expression, apart from the extractor).
inline QHash<QString, QString> apiFunctions(const QString &dir)
{
    QHash<QString, QString> out;
    static const QRegularExpression fn(QStringLiteral("<function name='(\\w+)'[^>]*version='([0-9.]+)'"));
    for (const QString &xml : QDir(dir).entryList({QStringLiteral("*-api.xml")}, QDir::Files))
        for (auto it = fn.globalMatch(QString::fromUtf8(fileBytes(dir + QLatin1Char('/') + xml))); it.hasNext();) {
            const auto m = it.next();
            out.insert(m.captured(1), m.captured(2));
        }
    return out;
}

} // namespace vse::testdata
