#include "apireader.h"
#include "functionsincetags.h"

#include "io/dirlisting.h"
#include "io/fswatch.h"

#include <QDir>
#include <QFileInfo>
#include <QSysInfo>

namespace vse {

namespace {

QString joined(const QString &root, const QString &path)
{
    return QDir::cleanPath(root + QLatin1Char('/') + path);
}

// Library directories of a Debian-style root, the machine's own multiarch
// directory first (/usr/lib/x86_64-linux-gnu), then any other, then the
// classic ones.
QStringList libraryDirs(const QString &root)
{
    QStringList dirs;
    const QString arch = QSysInfo::buildCpuArchitecture() + QLatin1Char('-');
    for (const QString &base : {QStringLiteral("usr/lib"), QStringLiteral("lib")}) {
        const QString dir = joined(root, base);
        // Listed by hand: every query's freshness check comes here.
        QStringList multiarch =
            DirListing::entries(dir, {QStringLiteral("*-linux-gnu*")}, DirListing::Type::Dirs);
        const QString own = dir + QLatin1Char('/') + arch;
        std::stable_partition(multiarch.begin(), multiarch.end(),
                              [&](const QString &d) { return d.startsWith(own); });
        dirs.append(multiarch);
    }
    for (const QString &base : {QStringLiteral("usr/lib64"), QStringLiteral("usr/lib"),
                                QStringLiteral("lib64"), QStringLiteral("lib")})
        dirs.append(joined(root, base));
    return dirs;
}

} // namespace

ApiInputs ApiInputs::forInstalled(const QString &prefix)
{
    const QString root = prefix.isEmpty() ? QStringLiteral("/") : prefix;
    ApiInputs in;
    in.sourceRoot = root;
    // A host without libvirt-dev has neither: the library's own symbol
    // versions and the schemas (libvirt0) still say much.
    if (FsWatch::isDir(joined(root, QStringLiteral("usr/include/libvirt"))))
        in.includeDir = joined(root, QStringLiteral("usr/include"));
    if (FsWatch::isDir(joined(root, QStringLiteral("usr/share/libvirt/api"))))
        in.apiXmlDir = joined(root, QStringLiteral("usr/share/libvirt/api"));
    const QStringList dirs = libraryDirs(root);
    for (const QString &lib :
         {QStringLiteral("libvirt.so.0"), QStringLiteral("libvirt-qemu.so.0"),
          QStringLiteral("libvirt-lxc.so.0"), QStringLiteral("libvirt-admin.so.0")}) {
        for (const QString &dir : dirs) {
            const QString path = dir + QLatin1Char('/') + lib;
            if (FsWatch::isFile(path)) {
                in.sharedLibraries.append(path);
                break;
            }
        }
    }
    return in;
}

ApiInputs ApiInputs::forSourceTree(const QString &root)
{
    ApiInputs in;
    in.sourceRoot = root;
    // Old tarballs and the test corpus may carry no headers; the reader then
    // works from the version scripts alone and says so.
    if (QFileInfo(joined(root, QStringLiteral("include/libvirt"))).isDir())
        in.includeDir = joined(root, QStringLiteral("include"));
    for (const QString &syms :
         {QStringLiteral("libvirt_public.syms"), QStringLiteral("libvirt_qemu.syms"),
          QStringLiteral("libvirt_lxc.syms"), QStringLiteral("libvirt_admin_public.syms"),
          QStringLiteral("admin/libvirt_admin_public.syms")}) {
        const QString path = joined(root, QStringLiteral("src/") + syms);
        if (QFileInfo::exists(path))
            in.symsFiles.append(path);
    }
    in.implementationFiles = functionsincetags::filesOf(root);
    return in;
}

} // namespace vse
