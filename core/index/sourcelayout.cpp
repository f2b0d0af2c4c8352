#include "sourcelayout.h"

#include "extract/api/functionsincetags.h"

#include "extract/api/apireader.h"
#include "extract/schema/docpages.h"
#include "extract/tools/configextractor.h"
#include "extract/tools/errormessages.h"
#include "extract/tools/virshextractor.h"
#include "extract/tools/virshmanpage.h"
#include "io/confinedfile.h"
#include "io/dirlisting.h"
#include "io/fswatch.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>

#include <sys/stat.h>
#include <unistd.h>

#include <charconv>

namespace vse {

namespace {

QString existingDir(const QString &root, std::initializer_list<const char *> candidates)
{
    for (const char *c : candidates) {
        const QString p = root + QLatin1Char('/') + QLatin1String(c);
        if (FsWatch::isDir(p))
            return QDir::cleanPath(p);
    }
    return {};
}

QStringList filesIn(const QString &dir, const QStringList &patterns, bool recursive = false)
{
    return DirListing::entries(dir, patterns, DirListing::Type::Files, recursive);
}

void appendStampNumber(QByteArray &data, qint64 n)
{
    char digits[24];
    const auto r = std::to_chars(digits, digits + sizeof digits, n);
    data.append(digits, r.ptr - digits);
}

// Reads a bounded prefix of a small text file (headers, build files) of the
// tree; one that is not a regular file inside it reads as empty.
QString readHead(const QString &root, const QString &path, qint64 max = 1 << 20)
{
    QByteArray data;
    QString why;
    if (!SourceRoot(root).read(path, &data, &why))
        return {};
    return QString::fromUtf8(data.left(max));
}

} // namespace

std::optional<SourceLayout> SourceLayout::detect(const QString &path, Diagnostics *diagnostics)
{
    const QFileInfo fi(path);
    FsWatch::exists(path); // noted for the freshness stamp; fi decides
    if (!fi.exists()) {
        diagnostics->append(Diagnostic::error(path, 0, QStringLiteral("no such file or directory")));
        return std::nullopt;
    }
    if (!fi.isDir()) {
        diagnostics->append(Diagnostic::error(path, 0, QStringLiteral("not a directory: give the installed prefix, "
                                                                      "an unpacked package set or a source tree")));
        return std::nullopt;
    }
    if (!fi.isReadable() || !fi.isExecutable()) {
        diagnostics->append(Diagnostic::error(path, 0, QStringLiteral("directory is not readable")));
        return std::nullopt;
    }
    SourceLayout l;
    l.root = fi.canonicalFilePath();
    const QString r = l.root == QLatin1String("/") ? QString() : l.root;

    if (FsWatch::isDir(r + QStringLiteral("/src")) &&
        (FsWatch::isDir(r + QStringLiteral("/include/libvirt")) ||
         FsWatch::isDir(r + QStringLiteral("/docs/schemas")) ||
         FsWatch::isDir(r + QStringLiteral("/src/conf/schemas")) ||
         !filesIn(r + QStringLiteral("/src"), {QStringLiteral("libvirt*.syms")}).isEmpty())) {
        l.kind = Release::SourceKind::SourceTree;
        if (FsWatch::isDir(r + QStringLiteral("/include/libvirt")))
            l.includeDir = r + QStringLiteral("/include");
        l.schemaDir = existingDir(r, {"src/conf/schemas", "docs/schemas"});
        l.docDir = existingDir(r, {"docs"});
        l.protocolRoot = r + QStringLiteral("/src");
        l.symsFiles = filesIn(r + QStringLiteral("/src"), {QStringLiteral("libvirt*.syms")});
        if (const QString admin = r + QStringLiteral("/src/admin/libvirt_admin_public.syms"); FsWatch::isFile(admin))
            l.symsFiles << admin;
        return l;
    }
    if (FsWatch::isDir(r + QStringLiteral("/usr/include/libvirt")) ||
        FsWatch::isDir(r + QStringLiteral("/usr/share/libvirt"))) {
        l.kind = r.isEmpty() ? Release::SourceKind::Installed : Release::SourceKind::PackageSet;
        if (FsWatch::isDir(r + QStringLiteral("/usr/include/libvirt")))
            l.includeDir = r + QStringLiteral("/usr/include");
        l.schemaDir = existingDir(r.isEmpty() ? QStringLiteral("/") : r, {"usr/share/libvirt/schemas"});
        l.docDir = existingDir(r.isEmpty() ? QStringLiteral("/") : r, {"usr/share/doc/libvirt-doc/html"});
        return l;
    }
    diagnostics->append(Diagnostic::error(
        path, 0,
        QStringLiteral("no libvirt data found: expected usr/include/libvirt or usr/share/libvirt (installed "
                       "or unpacked packages), or src/ with include/libvirt, docs/schemas or *.syms (source tree)")));
    return std::nullopt;
}

QStringList SourceLayout::inputFiles() const
{
    QStringList files;
    const QString r = root == QLatin1String("/") ? QString() : root;
    if (!includeDir.isEmpty())
        files << filesIn(includeDir + QStringLiteral("/libvirt"), {QStringLiteral("*.h"), QStringLiteral("*.h.in")});
    if (kind != Release::SourceKind::SourceTree) {
        files << filesIn(r + QStringLiteral("/usr/share/libvirt/api"), {QStringLiteral("*.xml")});
        // The libraries the API reader will open, not a walk over all of /usr/lib.
        files << ApiInputs::forInstalled(root).sharedLibraries;
    }
    files << symsFiles;
    if (kind == Release::SourceKind::SourceTree)
        files << functionsincetags::filesOf(root);
    files << filesIn(schemaDir, {QStringLiteral("*.rng")});
    // Only the pages the readers read: the rest of libvirt-doc changes nothing.
    files << DocPages::readIn(docDir);
    if (!protocolRoot.isEmpty())
        files << filesIn(protocolRoot, {QStringLiteral("*.x")}, true);
    if (kind == Release::SourceKind::SourceTree) {
        files << filesIn(root + QStringLiteral("/src"), {QStringLiteral("*_driver.c"), QStringLiteral("driver-*.h")}, true);
        files << VirshExtractor::inputFiles(root);
        if (const QString errors = ErrorMessages::sourceFile(root); !errors.isEmpty())
            files << errors;
    }
    files << ConfigExtractor::inputFiles(root, kind == Release::SourceKind::SourceTree);
    if (kind != Release::SourceKind::SourceTree)
        if (const QString man = VirshManPage::find(root); !man.isEmpty())
            files << man;
    return files;
}

QString SourceLayout::fingerprint() const
{
    // stat() itself: the same size and milliseconds QFileInfo gives, without
    // its conversion to local time (tzset reads the zone files on every run).
    // Hashed in one piece: the same digest as path, size and time fed one by one.
    QByteArray data;
    for (const QString &f : inputFiles()) {
        const QByteArray utf8 = f.toUtf8(); // also the file name's encoding (Qt 6, Unix)
        const FsObservation st = FsWatch::statFile(utf8);
        data += utf8;
        appendStampNumber(data, st.exists ? st.size : 0);
        appendStampNumber(data, st.exists ? st.mtimeSec * 1000 + st.mtimeNsec / 1000000 : 0);
    }
    return QString::fromLatin1(QCryptographicHash::hash(data, QCryptographicHash::Sha1).toHex());
}

Version SourceLayout::detectVersion(QString *evidence) const
{
    // The number the release states about itself beats anything inferred.
    if (!includeDir.isEmpty()) {
        const QString common = readHead(root, includeDir + QStringLiteral("/libvirt/libvirt-common.h"));
        static const QRegularExpression num(QStringLiteral("#\\s*define\\s+LIBVIR_VERSION_NUMBER\\s+(\\d+)"));
        const auto m = num.match(common);
        if (m.hasMatch()) {
            *evidence = QStringLiteral("LIBVIR_VERSION_NUMBER in libvirt-common.h");
            return Version::fromNumber(m.captured(1).toLongLong());
        }
    }
    // Without libvirt-dev (a hypervisor host has libvirt0 alone): the
    // library's file name, which libvirt's build makes from its version
    // (libvirt.so.0 -> libvirt.so.0.9000.0 is 9.0.0: major * 1000 + minor,
    // then micro). Only the link's text is read, never what it points to.
    if (kind != Release::SourceKind::SourceTree) {
        static const QRegularExpression soname(QStringLiteral("^libvirt\\.so\\.0\\.(\\d+)\\.(\\d+)$"));
        for (const QString &lib : ApiInputs::forInstalled(root).sharedLibraries) {
            if (!lib.endsWith(QLatin1String("/libvirt.so.0")))
                continue;
            char target[256];
            const ssize_t n = ::readlink(QFile::encodeName(lib).constData(), target, sizeof target - 1);
            if (n <= 0)
                break;
            const QString name = QFile::decodeName(QByteArray(target, int(n))).section(QLatin1Char('/'), -1);
            if (const auto m = soname.match(name); m.hasMatch()) {
                const int number = m.captured(1).toInt();
                const Version v(number / 1000, number % 1000, m.captured(2).toInt());
                if (v.isValid()) {
                    *evidence = QStringLiteral("the library's file name, %1").arg(name);
                    return v;
                }
            }
            break;
        }
    }
    if (kind == Release::SourceKind::SourceTree) {
        static const QRegularExpression meson(QStringLiteral("version\\s*:\\s*'(\\d+\\.\\d+\\.\\d+)'"));
        const auto m = meson.match(readHead(root, root + QStringLiteral("/meson.build"), 4096));
        if (m.hasMatch()) {
            *evidence = QStringLiteral("meson.build");
            return Version::parse(m.captured(1));
        }
        static const QRegularExpression ac(QStringLiteral("AC_INIT\\(\\[libvirt\\],\\s*\\[(\\d+\\.\\d+\\.\\d+)"));
        const auto a = ac.match(readHead(root, root + QStringLiteral("/configure.ac"), 4096));
        if (a.hasMatch()) {
            *evidence = QStringLiteral("configure.ac");
            return Version::parse(a.captured(1));
        }
    }
    const Version fromName = Version::parse(QFileInfo(root).fileName());
    if (fromName.isValid()) {
        *evidence = QStringLiteral("folder name (the data states no version)");
        return fromName;
    }
    *evidence = QStringLiteral("unknown");
    return {};
}

} // namespace vse
