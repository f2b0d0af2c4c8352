#pragma once

#include "index/indexer.h"
#include "index/store.h"
#include "scan/projectscan.h"
#include "scan/scanengine.h"
#include "scan/storelookup.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>

// What the scan tests and the benchmark share: a real index of the installed
// libvirt (plus the shipped history), built once per process, and a scan of
// folders the way `virt-support scan` does it.
namespace vse::scantest {

inline QTemporaryDir &tempDir()
{
    static QTemporaryDir dir;
    return dir;
}

// Empty with *problem set when indexing the installed libvirt failed.
inline QString installedIndex(QString *problem)
{
    static QString path, error;
    if (path.isEmpty() && error.isEmpty()) {
        const QString p = tempDir().filePath(QStringLiteral("installed.sqlite"));
        const Indexer::Result r = Indexer::run({QStringLiteral("/")}, p);
        if (!r.ok || r.items == 0) {
            error = QStringLiteral("indexing the installed libvirt failed:");
            for (const auto &d : r.diagnostics)
                error += QLatin1Char(' ') + d.toString();
        } else {
            path = p;
        }
    }
    *problem = error;
    return path;
}

inline scan::ScanReport scanPaths(const Store &store, const QStringList &paths,
                                  const Version &target, const QString &compileCommands = {},
                                  QList<scan::FileScan> *raw = nullptr)
{
    const scan::ProjectFiles files = scan::collectProjectFiles(paths);
    Diagnostics problems = files.problems;
    scan::ProjectScanOptions options;
    options.compileCommands = compileCommands;
    const QList<scan::FileScan> scans = scan::scanProject(files, options, &problems);
    if (raw)
        *raw = scans;
    scan::ScanReport report = scan::analyse(scans, scan::storeLookup(store), target);
    report.problems = problems + report.problems;
    return report;
}

inline bool writeFile(const QString &path, const QByteArray &data)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(data) == data.size();
}

// libvirt-glib 5.0.0's upstream tarball unpacked into `into`, with a
// compile_commands.json built as its meson build would (every .c of the
// library folders with GLib's, libxml2's and libvirt's cflags) and the
// generated headers the sources include (config.h, the enum headers through
// glib-mkenums). Empty with *why when the tarball cannot be had.
inline QString unpackLibvirtGlib(const QString &into, QString *why)
{
    const auto run = [](const QString &program, const QStringList &args, const QString &dir = {},
                        const QProcessEnvironment &env = QProcessEnvironment::systemEnvironment(),
                        int timeoutMs = 120000) {
        QProcess p;
        p.setProcessEnvironment(env);
        p.setWorkingDirectory(dir);
        p.start(program, args);
        const bool ok = p.waitForFinished(timeoutMs) && p.exitStatus() == QProcess::NormalExit &&
                        p.exitCode() == 0;
        return std::pair<bool, QByteArray>(ok, p.readAllStandardOutput());
    };
    QString tarball;
    const QStringList dirs{qEnvironmentVariable("VSE_SOURCES_DIR"),
                           QStringLiteral("/var/cache/virt-support-explorer/sources")};
    for (const QString &d : dirs) {
        if (d.isEmpty())
            continue;
        const QStringList names = QDir(d).entryList({QStringLiteral("libvirt-glib_*.orig.tar.xz")},
                                                    QDir::Files, QDir::Name);
        if (!names.isEmpty()) {
            tarball = QDir(d).filePath(names.constLast());
            break;
        }
    }
    if (tarball.isEmpty()) {
        // The way the release tarballs are fetched: apt-get source --download-only.
        const QString script = qEnvironmentVariable("VSE_SOURCE_DIR") +
                               QStringLiteral("/scripts/fetch-debian-sources");
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("VSE_DEBIAN_SOURCE_PACKAGE"), QStringLiteral("libvirt-glib"));
        const QString cache = into + QStringLiteral("/sources");
        const auto [ok, out] = run(script, {cache}, {}, env, 900000);
        const QStringList names = QDir(cache).entryList(
            {QStringLiteral("libvirt-glib_*.orig.tar.xz")}, QDir::Files, QDir::Name);
        if (!ok || names.isEmpty()) {
            *why =
                QStringLiteral(
                    "libvirt-glib's tarball is not in $VSE_SOURCES_DIR and %1 could not fetch it "
                    "(offline?)")
                    .arg(script);
            return {};
        }
        tarball = QDir(cache).filePath(names.constLast());
    }
    if (!run(QStringLiteral("tar"), {QStringLiteral("-xJf"), tarball, QStringLiteral("-C"), into})
             .first) {
        *why = QStringLiteral("cannot unpack ") + tarball;
        return {};
    }
    const QStringList tops = QDir(into).entryList({QStringLiteral("libvirt-glib-*")}, QDir::Dirs);
    if (tops.isEmpty()) {
        *why = tarball + QStringLiteral(" holds no libvirt-glib-* folder");
        return {};
    }
    const QString root = QDir(into).filePath(tops.constFirst());
    const QString build = root + QStringLiteral("/build");
    // config.h as meson's configure_file makes it (no #mesondefine is needed here).
    QFile in(root + QStringLiteral("/meson-config.h.in"));
    QByteArray config;
    if (in.open(QIODevice::ReadOnly))
        for (const QByteArray &line : in.readAll().split('\n'))
            if (!line.startsWith("#mesondefine"))
                config += line + '\n';
    writeFile(build + QStringLiteral("/config.h"), config);
    // The enum headers meson generates with glib-mkenums.
    // (folder, header, identifier prefix, symbol prefix), as its meson.build says.
    const QList<QStringList> enumHeaders{
        {QStringLiteral("libvirt-gconfig"), QStringLiteral("libvirt-gconfig-enum-types.h"),
         QStringLiteral("GVirConfig"), QStringLiteral("gvir_config")},
        {QStringLiteral("libvirt-gobject"), QStringLiteral("libvirt-gobject-enums.h"),
         QStringLiteral("GVir"), QStringLiteral("gvir")}};
    for (const QStringList &e : enumHeaders) {
        const QString &dir = e.at(0), &name = e.at(1);
        const QString tmpl = QStringLiteral("%1/%2/%3.template").arg(root, dir, name);
        QStringList args{QStringLiteral("--template"),          tmpl,
                         QStringLiteral("--identifier-prefix"), e.at(2),
                         QStringLiteral("--symbol-prefix"),     e.at(3)};
        for (const QString &h :
             QDir(root + QLatin1Char('/') + dir).entryList({QStringLiteral("*.h")}, QDir::Files))
            if (!h.endsWith(QLatin1String("-private.h")) && !h.contains(QLatin1String("compat")))
                args << QStringLiteral("%1/%2/%3").arg(root, dir, h);
        const auto [ok, out] = run(QStringLiteral("glib-mkenums"), args);
        if (ok)
            writeFile(QStringLiteral("%1/%2/%3").arg(build, dir, name), out);
    }
    const auto [pcOk, pcOut] =
        run(QStringLiteral("pkg-config"),
            {QStringLiteral("--cflags"), QStringLiteral("glib-2.0"), QStringLiteral("gobject-2.0"),
             QStringLiteral("gio-2.0"), QStringLiteral("libxml-2.0"), QStringLiteral("libvirt")});
    if (!pcOk) {
        *why = QStringLiteral("pkg-config does not know glib-2.0 / gio-2.0 / libxml-2.0 / libvirt "
                              "(scripts/setup-deps installs libglib2.0-dev)");
        return {};
    }
    QJsonArray entries;
    QDirIterator it(root, {QStringLiteral("*.c")}, QDir::Files, QDirIterator::Subdirectories);
    QStringList sources;
    while (it.hasNext())
        sources << it.next();
    sources.sort();
    for (const QString &c : std::as_const(sources)) {
        if (c.startsWith(build))
            continue;
        QStringList args{QStringLiteral("cc"),
                         QStringLiteral("-std=gnu99"),
                         QStringLiteral("-DLIBVIRT_GLIB_BUILD"),
                         QStringLiteral("-DDATADIR=\"/usr/share\""),
                         QStringLiteral("-DLOCALEDIR=\"/usr/share/locale\""),
                         QStringLiteral("-I") + root,
                         QStringLiteral("-I") + build,
                         QStringLiteral("-I") + QFileInfo(c).absolutePath(),
                         QStringLiteral("-I") + build + QLatin1Char('/') +
                             QFileInfo(c).dir().dirName()};
        args += QString::fromUtf8(pcOut).simplified().split(QLatin1Char(' '), Qt::SkipEmptyParts);
        args << QStringLiteral("-c") << c;
        entries.append(
            QJsonObject{{QStringLiteral("directory"), build},
                        {QStringLiteral("file"), c},
                        {QStringLiteral("arguments"), QJsonArray::fromStringList(args)}});
    }
    writeFile(build + QStringLiteral("/compile_commands.json"), QJsonDocument(entries).toJson());
    return root;
}

} // namespace vse::scantest
