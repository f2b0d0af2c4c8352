#pragma once

#include <QDir>
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

} // namespace vse::testdata

#define VSE_REQUIRE_CORPUS()                                                                       \
    do {                                                                                           \
        if (vse::testdata::corpusReleases().isEmpty() && vse::testdata::inCi())                    \
            QFAIL("VSE_CORPUS_DIR is not set or empty, and CI needs the corpus");                  \
        if (vse::testdata::corpusReleases().isEmpty())                                             \
            QSKIP("VSE_CORPUS_DIR is not set or empty: corpus tests skipped");                     \
    } while (false)
