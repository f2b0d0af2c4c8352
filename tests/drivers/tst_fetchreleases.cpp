// scripts/fetch-debian-releases against Debian's archive. It downloads about
// 14 MB, so it runs only when VSE_RELEASES_DIR names the folder to fill
// (CI sets it and keeps the folder between runs).

#include "extract/drivers/driversupport.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QRegularExpression>
#include <QTest>

using namespace vse;

class TestFetchReleases : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void fetch();
    void secondRunSkips();

private:
    struct Run
    {
        int exitCode = -1;
        QStringList folders;
        QString log;
    };
    Run run();

    QString m_script;
    QString m_dir;
};

// The upstream releases Debian 11, 12 and 13 shipped: released suites do
// not change their libvirt, so these must be among the releases found.
static const QStringList kReleased{QStringLiteral("7.0.0"), QStringLiteral("9.0.0"),
                                   QStringLiteral("11.3.0")};

// "found N libvirt releases" from the script's log; -1 when missing.
static int foundCount(const QString &log)
{
    static const QRegularExpression found(QStringLiteral("found (\\d+) libvirt releases"));
    const auto m = found.match(log);
    return m.hasMatch() ? m.captured(1).toInt() : -1;
}

void TestFetchReleases::initTestCase()
{
    m_dir = qEnvironmentVariable("VSE_RELEASES_DIR");
    if (m_dir.isEmpty())
        QSKIP("VSE_RELEASES_DIR is not set: the download from Debian's archive is skipped");
    m_script = QDir(qEnvironmentVariable("VSE_SOURCE_DIR"))
                   .filePath(QStringLiteral("scripts/fetch-debian-releases"));
    QVERIFY2(QFileInfo(m_script).isExecutable(), qPrintable(m_script));
}

TestFetchReleases::Run TestFetchReleases::run()
{
    Run r;
    QProcess p;
    p.start(m_script, {m_dir});
    if (!p.waitForFinished(20 * 60 * 1000)) {
        p.kill();
        p.waitForFinished();
        return r;
    }
    r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    r.folders =
        QString::fromUtf8(p.readAllStandardOutput()).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    r.log = QString::fromUtf8(p.readAllStandardError());
    return r;
}

void TestFetchReleases::fetch()
{
    const Run r = run();
    QVERIFY2(r.exitCode == 0, qPrintable(r.log));
    // The releases were discovered from the suites, and the log says so.
    QCOMPARE(foundCount(r.log), int(r.folders.size()));
    QVERIFY2(r.log.contains(QLatin1String("bookworm")), qPrintable(r.log));
    const QString canonical = QDir(m_dir).canonicalPath();
    QStringList versions;
    for (const QString &folder : r.folders) {
        QVERIFY2(folder.startsWith(canonical + QStringLiteral("/libvirt-")), qPrintable(folder));
        versions << folder.section(QStringLiteral("/libvirt-"), -1);
    }
    QCOMPARE(versions.removeDuplicates(), 0);
    for (const QString &version : kReleased)
        QVERIFY2(versions.contains(version), qPrintable(versions.join(QLatin1Char(' '))));
    for (const QString &version : std::as_const(versions)) {
        const QString folder = canonical + QStringLiteral("/libvirt-") + version;
        QVERIFY(QFileInfo::exists(folder + QStringLiteral("/usr/include/libvirt/libvirt.h")));
        QVERIFY(!QDir(folder + QStringLiteral("/usr/share/libvirt/schemas"))
                     .entryList({QStringLiteral("*.rng")}, QDir::Files)
                     .isEmpty());
        QVERIFY(
            QFileInfo::exists(folder + QStringLiteral("/usr/share/libvirt/api/libvirt-api.xml")));

        // The marker holds the Debian version, of this upstream release.
        QFile marker(folder + QStringLiteral("/.vse-release"));
        QVERIFY(marker.open(QIODevice::ReadOnly));
        const QString debianVersion = QString::fromUtf8(marker.readAll()).trimmed();
        QVERIFY2(debianVersion.startsWith(version + QLatin1Char('-')), qPrintable(debianVersion));

        // The header states the same release as the folder name.
        QFile common(folder + QStringLiteral("/usr/include/libvirt/libvirt-common.h"));
        QVERIFY(common.open(QIODevice::ReadOnly));
        static const QRegularExpression number(
            QStringLiteral("#\\s*define\\s+LIBVIR_VERSION_NUMBER\\s+(\\d+)"));
        const auto m = number.match(QString::fromUtf8(common.readAll()));
        QVERIFY(m.hasMatch());
        QCOMPARE(Version::fromNumber(m.captured(1).toLongLong()).toString(), version);

        // The documentation of each release holds its support matrix.
        Diagnostics d;
        const DriverMatrix matrix = readHvSupportHtml(hvSupportHtmlPath(folder), &d);
        QVERIFY(d.isEmpty());
        QVERIFY(matrix.contains(QStringLiteral("virDomainCreateXML")));
    }
}

// Already unpacked releases are not downloaded again.
void TestFetchReleases::secondRunSkips()
{
    const Run r = run();
    QVERIFY2(r.exitCode == 0, qPrintable(r.log));
    QCOMPARE(foundCount(r.log), int(r.folders.size()));
    QCOMPARE(int(r.log.count(QLatin1String("already unpacked"))), int(r.folders.size()));
    QVERIFY(!r.log.contains(QLatin1String("downloading")));
}

QTEST_GUILESS_MAIN(TestFetchReleases)
#include "tst_fetchreleases.moc"
