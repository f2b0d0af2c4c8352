#pragma once

#include <QDir>
#include <QString>
#include <QStringList>

// Apart from testdata.h because benchmarks do not link QtTest.
namespace vse::testdata {

// The releases the index benchmarks read: every corpus release, then the
// Debian package sets 7.0.0, 9.0.0 and 11.3.0 when $VSE_RELEASES_DIR has all
// three (else the installed release, "/"). `withDebian` says which.
inline QStringList benchSources(bool *withDebian = nullptr)
{
    QStringList sources;
    const QString corpus = qEnvironmentVariable("VSE_CORPUS_DIR");
    if (!corpus.isEmpty())
        for (const QString &r : QDir(corpus).entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name))
            sources << corpus + QLatin1Char('/') + r;
    const QString debian = qEnvironmentVariable("VSE_RELEASES_DIR");
    const QStringList wanted{QStringLiteral("7.0.0"), QStringLiteral("9.0.0"), QStringLiteral("11.3.0")};
    bool haveDebian = !debian.isEmpty();
    for (const QString &v : wanted)
        haveDebian = haveDebian && QDir(debian + QStringLiteral("/libvirt-") + v).exists();
    if (haveDebian) {
        for (const QString &v : wanted)
            sources << debian + QStringLiteral("/libvirt-") + v;
    } else {
        sources << QStringLiteral("/");
    }
    if (withDebian)
        *withDebian = haveDebian;
    return sources;
}

} // namespace vse::testdata
