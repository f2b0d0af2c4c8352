// --target: distribution releases resolved from resources/scan/distributions.json.
// The Debian rows are checked against the package sets that
// scripts/fetch-debian-releases unpacked from the same archive (their
// .vse-suite and .vse-release markers), not against numbers typed here.
#include "scan/targets.h"

#include <QDir>
#include <QFile>
#include <QTest>

using namespace vse;
using namespace vse::scan;

class TestTargets : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void everyRowSaysWhereItComesFrom()
    {
        const QList<Distribution> known = knownDistributions();
        QVERIFY(known.size() >= 6);
        for (const Distribution &d : known) {
            QVERIFY2(!d.source.isEmpty(), qPrintable(d.id));
            QVERIFY2(!d.package.isEmpty(), qPrintable(d.id));
            QVERIFY2(d.libvirt.isValid(), qPrintable(d.id));
            // Read from the archive here, or marked as not verified.
            QCOMPARE(d.verifiedHere, d.id.startsWith(QLatin1String("debian-")));
            if (d.verifiedHere)
                QVERIFY(!d.checked.isEmpty());
        }
    }

    void debianRowsMatchTheUnpackedPackageSets()
    {
        const QString dir = qEnvironmentVariable("VSE_RELEASES_DIR");
        if (dir.isEmpty() || !QDir(dir).exists())
            QSKIP("VSE_RELEASES_DIR not set: no package sets to compare with");
        int compared = 0;
        const auto sets = QDir(dir).entryList({QStringLiteral("libvirt-*")}, QDir::Dirs);
        for (const QString &set : sets) {
            QFile suiteFile(dir + u'/' + set + QStringLiteral("/.vse-suite"));
            QFile releaseFile(dir + u'/' + set + QStringLiteral("/.vse-release"));
            if (!suiteFile.open(QIODevice::ReadOnly) || !releaseFile.open(QIODevice::ReadOnly))
                continue;
            const QString suite = QString::fromUtf8(suiteFile.readAll()).trimmed();
            const QString debver = QString::fromUtf8(releaseFile.readAll()).trimmed();
            const TargetResolution r = resolveTargets(suite);
            QVERIFY2(r.error.isEmpty(), qPrintable(r.error));
            QCOMPARE(r.named.size(), 1);
            QCOMPARE(r.version, Version::parse(debver));
            qInfo().noquote() << suite << "->" << r.named.first().id << r.version.toString()
                              << "; unpacked set" << debver;
            ++compared;
        }
        QVERIFY(compared >= 2);
    }

    void lowestOfSeveral()
    {
        const TargetResolution r = resolveTargets(QStringLiteral("debian-12,ubuntu-22.04"));
        QVERIFY2(r.error.isEmpty(), qPrintable(r.error));
        const auto known = knownDistributions();
        Version debian, ubuntu;
        for (const auto &d : known) {
            if (d.id == QLatin1String("debian-12"))
                debian = d.libvirt;
            if (d.id == QLatin1String("ubuntu-22.04"))
                ubuntu = d.libvirt;
        }
        QCOMPARE(r.version, std::min(debian, ubuntu));
        QCOMPARE(r.named.size(), 2);
        QCOMPARE(r.explanation.size(), 2);
        QVERIFY(r.explanation.at(0).startsWith(
            QStringLiteral("debian-12: libvirt %1").arg(debian.toString())));
        QVERIFY(r.explanation.at(0).contains(QLatin1String("read from the archive")));
        QVERIFY(r.explanation.at(1).contains(QLatin1String("not verified on this machine")));
        for (const QString &line : r.explanation)
            qInfo().noquote() << line;
    }

    void versionsAndAliases()
    {
        QCOMPARE(resolveTargets(QStringLiteral("6.0.0")).version, Version(6, 0, 0));
        QCOMPARE(resolveTargets(QStringLiteral("bookworm, 8.5.0")).version, Version(8, 5, 0));
        QCOMPARE(resolveTargets(QStringLiteral("Debian-12")).named.value(0).id,
                 QStringLiteral("debian-12"));
    }

    void unknownNamesAreListed()
    {
        const TargetResolution r = resolveTargets(QStringLiteral("debian-12,windows-11,rhel-42"));
        QVERIFY(!r.version.isValid());
        QVERIFY(r.error.contains(QLatin1String("windows-11, rhel-42")));
        for (const auto &d : knownDistributions())
            QVERIFY2(r.error.contains(d.id), qPrintable(d.id));
        QVERIFY(!resolveTargets(QStringLiteral(",")).error.isEmpty());
    }

    // One release as people type it (--max-version, Must support ≥).
    void readOneRelease_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("version"); // empty: refused
        QTest::addColumn<bool>("said");       // how it was read is said
        QTest::newRow("plain") << QStringLiteral("9.0.0") << QStringLiteral("9.0.0") << false;
        QTest::newRow("two parts") << QStringLiteral(" 1.0 ") << QStringLiteral("1.0.0") << false;
        QTest::newRow("tag") << QStringLiteral("v1.3.5") << QStringLiteral("1.3.5") << true;
        QTest::newRow("name") << QStringLiteral("libvirt-1.2.9") << QStringLiteral("1.2.9") << true;
        QTest::newRow("Debian") << QStringLiteral("1.2.9-9+deb8u5") << QStringLiteral("1.2.9") << true;
        QTest::newRow("backport") << QStringLiteral("10.0.0-2~bpo12+1") << QStringLiteral("10.0.0") << true;
        QTest::newRow("epoch") << QStringLiteral("1:8.0.0-1ubuntu7.10") << QStringLiteral("8.0.0") << true;
        QTest::newRow("RHEL") << QStringLiteral("9.0.0-10.3.el9_2") << QStringLiteral("9.0.0") << true;
        QTest::newRow("codename") << QStringLiteral("Bookworm") << QStringLiteral("9.0.0") << true;
        QTest::newRow("id") << QStringLiteral("debian-11") << QStringLiteral("7.0.0") << true;
        QTest::newRow("spaced") << QStringLiteral("Debian 11") << QStringLiteral("7.0.0") << true;
        // RHEL as people name it (the table's published GA versions).
        QTest::newRow("RHEL 8") << QStringLiteral("RHEL 8") << QStringLiteral("4.5.0") << true;
        QTest::newRow("el8") << QStringLiteral("el8") << QStringLiteral("4.5.0") << true;
        QTest::newRow("el9") << QStringLiteral("el9") << QStringLiteral("8.0.0") << true;
        QTest::newRow("minor release") << QStringLiteral("rhel-9.4") << QString() << false;
        // Not a release: a maintenance number, a month past the year's ten,
        // a word, another program's version, two releases at once.
        QTest::newRow("maintenance") << QStringLiteral("0.9.12.3-1") << QString() << false;
        QTest::newRow("no such minor") << QStringLiteral("6.11.0") << QString() << false;
        QTest::newRow("no such package release") << QStringLiteral("9.0.7-1") << QString() << false;
        QTest::newRow("word") << QStringLiteral("latest") << QString() << false;
        QTest::newRow("other program") << QStringLiteral("qemu-7.2.0") << QString() << false;
        QTest::newRow("several") << QStringLiteral("debian-12,rhel-9") << QString() << false;
    }

    void readOneRelease()
    {
        QFETCH(QString, text);
        QFETCH(QString, version);
        QFETCH(bool, said);
        const ReleaseReading r = readRelease(text);
        QCOMPARE(r.version.isValid() ? r.version.toString() : QString(), version);
        QCOMPARE(r.error.isEmpty(), !version.isEmpty());
        QCOMPARE(!r.how.isEmpty(), said);
        if (said)
            QVERIFY2(r.how.contains(QStringLiteral("read as libvirt ") + version), qPrintable(r.how));
        // A word is told the distribution releases there are; anything else what a release looks like.
        if (!r.error.isEmpty()) {
            const bool word = text.at(0).isLetter() && !text.contains(QLatin1Char(','));
            QVERIFY2(r.error.startsWith(QStringLiteral("'%1' is %2 a libvirt release number")
                                            .arg(text.trimmed(), word ? QStringLiteral("neither") : QStringLiteral("not"))),
                     qPrintable(r.error));
            QCOMPARE(r.error.contains(QLatin1String("debian-13-backports")), word);
            // A minor release is pointed at its major one.
            QCOMPARE(r.error.contains(QLatin1String("rhel-9 is there as libvirt 8.0.0")),
                     text.startsWith(QLatin1String("rhel-9.")));
        }
    }
};

QTEST_GUILESS_MAIN(TestTargets)
#include "tst_targets.moc"
