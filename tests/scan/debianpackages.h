#pragma once

// Python test data comes from Debian's archive, not from copies in the
// project: scripts/fetch-debian-packages downloads and unpacks the packages
// (once; it answers from the cache afterwards). Empty when that fails
// (offline): the caller skips, saying so.
#include <QDir>
#include <QProcess>
#include <QString>
#include <QStringList>

namespace vse::testdata {

inline QStringList fetchDebianPackages(const QStringList &packages, QString *why)
{
    const QString script =
        qEnvironmentVariable("VSE_SOURCE_DIR") + QStringLiteral("/scripts/fetch-debian-packages");
    QProcess p;
    p.start(script, QStringList{QStringLiteral("bookworm")} + packages);
    if (!p.waitForFinished(300000) || p.exitCode() != 0) {
        *why = QStringLiteral("cannot fetch %1 from Debian's archive (offline?): %2")
                   .arg(packages.join(QLatin1Char(' ')),
                        QString::fromUtf8(p.readAllStandardError()).trimmed());
        return {};
    }
    return QString::fromUtf8(p.readAllStandardOutput())
        .split(QLatin1Char('\n'), Qt::SkipEmptyParts);
}

// libvirt.py: the installed python3-libvirt, else bookworm's, fetched.
inline QString libvirtBinding(QString *why)
{
    const QString installed = QStringLiteral("/usr/lib/python3/dist-packages/libvirt.py");
    if (QFile::exists(installed))
        return installed;
    const QStringList dirs = fetchDebianPackages({QStringLiteral("python3-libvirt")}, why);
    return dirs.isEmpty()
               ? QString()
               : dirs.first() + QStringLiteral("/usr/lib/python3/dist-packages/libvirt.py");
}

} // namespace vse::testdata
