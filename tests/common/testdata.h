#pragma once

#include <QDir>
#include <QProcess>
#include <QString>
#include <QTest>

// Where tests find real libvirt data. The corpus comes from $VSE_CORPUS_DIR
// (set by .ci/run and by CMake's VSE_CORPUS_DIR); without it, corpus tests
// skip and say so rather than pass silently, and fail in CI.
namespace vse::testdata {

// True in CI (.ci/run sets CI=true): there, missing test data fails the run
// instead of skipping, so a skipped suite cannot pass for a green one.
inline bool inCi()
{
    return qEnvironmentVariable("CI") == QLatin1String("true");
}

// Built with AddressSanitizer (the asan preset): the few tests that repeat a
// whole-history build do less of it there, and say so; the normal build runs
// them in full.
#if defined(__SANITIZE_ADDRESS__)
inline constexpr bool kSanitized = true;
#else
inline constexpr bool kSanitized = false;
#endif

inline QString corpusDir()
{
    return qEnvironmentVariable("VSE_CORPUS_DIR");
}

inline QStringList corpusReleases()
{
    const QString dir = corpusDir();
    if (dir.isEmpty() || !QDir(dir).exists())
        return {};
    return QDir(dir).entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name);
}

// The git bundle of libvirt releases 0.0.1 - 1.3.5 ($VSE_HISTORY_BUNDLE, else
// ../shared/history next to the source tree).
inline QString bundlePath()
{
    const QString env = qEnvironmentVariable("VSE_HISTORY_BUNDLE");
    return env.isEmpty() ? qEnvironmentVariable("VSE_SOURCE_DIR") +
                               QStringLiteral("/../shared/history/libvirt-releases-0.0.1-1.3.5.bundle")
                         : env;
}

// A file as it is at a release tag of the bundle ("v1.0.6",
// "docs/schemas/network.rng"), read with git from a bare clone made once per
// test program in `scratch`; empty when the bundle or the file is absent.
inline QByteArray fileAtTag(const QString &scratch, const QString &tag, const QString &path)
{
    const QString repo = scratch + QStringLiteral("/bundle.git");
    if (!QDir(repo).exists()) {
        if (!QFile::exists(bundlePath()))
            return {};
        QProcess git;
        git.start(QStringLiteral("git"), {QStringLiteral("-c"), QStringLiteral("core.hooksPath=/dev/null"),
                                          QStringLiteral("clone"), QStringLiteral("--quiet"), QStringLiteral("--bare"),
                                          bundlePath(), repo});
        if (!git.waitForFinished(120000) || git.exitCode() != 0)
            return {};
    }
    QProcess show;
    show.start(QStringLiteral("git"), {QStringLiteral("--git-dir"), repo, QStringLiteral("show"), tag + QLatin1Char(':') + path});
    if (!show.waitForFinished(60000) || show.exitCode() != 0)
        return {};
    return show.readAllStandardOutput();
}

// A file of a libvirt release tarball in $VSE_SOURCES_DIR ("9.0.0",
// "tests/qemustatusxml2xmldata/modern-in.xml"), read with tar; empty when
// the tarball or the file is absent.
inline QByteArray fileOfTarball(const QString &version, const QString &path)
{
    const QString tarball =
        qEnvironmentVariable("VSE_SOURCES_DIR",
                             QStringLiteral("/var/cache/virt-support-explorer/sources")) +
        QStringLiteral("/libvirt_%1.orig.tar.xz").arg(version);
    if (!QFile::exists(tarball))
        return {};
    QProcess tar;
    tar.start(QStringLiteral("tar"), {QStringLiteral("-xJOf"), tarball,
                                      QStringLiteral("libvirt-%1/%2").arg(version, path)});
    if (!tar.waitForFinished(120000) || tar.exitCode() != 0)
        return {};
    return tar.readAllStandardOutput();
}

} // namespace vse::testdata

#define VSE_REQUIRE_CORPUS()                                                                       \
    do {                                                                                           \
        if (vse::testdata::corpusReleases().isEmpty() && vse::testdata::inCi())                    \
            QFAIL("VSE_CORPUS_DIR is not set or empty, and CI needs the corpus");                  \
        if (vse::testdata::corpusReleases().isEmpty())                                             \
            QSKIP("VSE_CORPUS_DIR is not set or empty: corpus tests skipped");                     \
    } while (false)
