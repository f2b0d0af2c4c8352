#include "model/evidence.h"
#include "model/item.h"
#include "model/policy.h"
#include "model/releaseseries.h"
#include "model/sincerange.h"
#include "model/version.h"

#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QRegularExpression>
#include <QTest>

#include <algorithm>

using namespace vse;

namespace {

// libvirt.so.0.* of an installed libvirt (root "") or an unpacked package set.
QString libvirtLibrary(const QString &root)
{
    QDirIterator it(root + QStringLiteral("/usr/lib"), {QStringLiteral("libvirt.so.0.*")},
                    QDir::Files, QDirIterator::Subdirectories);
    return it.hasNext() ? it.next() : QString();
}

QStringList taintNamesIn(const QString &library)
{
    QFile f(library);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    const QByteArray bytes = f.readAll();
    const qsizetype start = bytes.indexOf(QByteArrayView("\0custom-argv\0", 13));
    if (start < 0)
        return {};
    static const QRegularExpression word(QStringLiteral("^[a-z]+(-[a-z]+)+$"));
    QStringList out;
    for (qsizetype pos = start + 1; pos < bytes.size();) {
        const qsizetype end = bytes.indexOf('\0', pos);
        if (end < 0)
            break;
        const QString s = QString::fromLatin1(bytes.mid(pos, end - pos));
        if (!word.match(s).hasMatch())
            break;
        out << s;
        pos = end + 1;
    }
    return out;
}

} // namespace

class TestModel : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void versionParse_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("expected");
        QTest::newRow("plain") << QStringLiteral("1.2.3") << QStringLiteral("1.2.3");
        QTest::newRow("two parts") << QStringLiteral("0.9") << QStringLiteral("0.9.0");
        QTest::newRow("symbol node") << QStringLiteral("LIBVIRT_1.2.3") << QStringLiteral("1.2.3");
        QTest::newRow("qemu node") << QStringLiteral("LIBVIRT_QEMU_0.8.3") << QStringLiteral("0.8.3");
        QTest::newRow("since tag") << QStringLiteral("Since: 10.1.0") << QStringLiteral("10.1.0");
        QTest::newRow("xml attr") << QStringLiteral("version='1.2.3'") << QStringLiteral("1.2.3");
        QTest::newRow("garbage") << QStringLiteral("no digits") << QString();
    }
    void versionParse()
    {
        QFETCH(QString, text);
        QFETCH(QString, expected);
        QCOMPARE(Version::parse(text).toString(), expected);
    }
    // Version::parse finds the number by hand; it must agree with the pattern
    // it replaced on every line of real libvirt files that name versions
    // (symbol files, API XML, news) and on awkward shapes.
    void versionParseAgreesWithPattern()
    {
        static const QRegularExpression re(QStringLiteral("(\\d+)\\.(\\d+)(?:\\.(\\d+))?"));
        const auto reference = [](const QString &text) {
            const auto m = re.match(text);
            if (!m.hasMatch())
                return Version();
            bool ok1 = false, ok2 = false, ok3 = true;
            const int ma = m.capturedView(1).toInt(&ok1);
            const int mi = m.capturedView(2).toInt(&ok2);
            const int mc = m.capturedView(3).isEmpty() ? 0 : m.capturedView(3).toInt(&ok3);
            return ok1 && ok2 && ok3 ? Version(ma, mi, mc) : Version();
        };
        QStringList lines{QStringLiteral("1.2.3.4"), QStringLiteral("12a3.4"), QStringLiteral("1..2.3"),
                          QStringLiteral("1.2."), QStringLiteral("v.1.2"), QStringLiteral("99999999999.1"),
                          QStringLiteral("1.99999999999"), QStringLiteral("1.2.99999999999"),
                          QString::fromUtf8("\xd9\xa3.\xd9\xa4 3.4"), QStringLiteral("x1_2.3"), QString()};
        QStringList roots{QStringLiteral("/usr/share/libvirt/api")};
        if (const QString corpus = qEnvironmentVariable("VSE_CORPUS_DIR"); !corpus.isEmpty())
            roots << corpus;
        for (const QString &root : std::as_const(roots)) {
            QDirIterator it(root, {QStringLiteral("*.syms"), QStringLiteral("*.xml"), QStringLiteral("NEWS*")},
                            QDir::Files, QDirIterator::Subdirectories);
            while (it.hasNext()) {
                QFile f(it.next());
                if (f.open(QIODevice::ReadOnly))
                    lines << QString::fromUtf8(f.readAll()).split(QLatin1Char('\n'));
            }
        }
        QVERIFY2(lines.size() > 1000, "too few lines of real libvirt files");
        int numbered = 0;
        for (const QString &line : std::as_const(lines)) {
            const Version expected = reference(line);
            QCOMPARE(Version::parse(line), expected);
            numbered += expected.isValid();
        }
        QVERIFY(numbered > 100);
    }
    void versionOrderIsNumeric()
    {
        QVERIFY(Version::parse(u"1.10.0") > Version::parse(u"1.9.0"));
        QVERIFY(Version::parse(u"0.10.0") > Version::parse(u"0.9.12"));
        QVERIFY(Version::parse(u"10.0.0") > Version::parse(u"9.10.0"));
        QCOMPARE(Version::fromNumber(9000000).toString(), QStringLiteral("9.0.0"));
        QCOMPARE(Version::parse(u"11.3.0").toNumber(), qint64(11003000));
    }
    void evidencePicksStrongest()
    {
        EvidenceList list{{Evidence::Kind::ApiXml, Version(0, 0, 3), {}, false},
                          {Evidence::Kind::SymbolVersion, Version(0, 0, 3), {}, false}};
        const SinceRange r = SinceRange::fromEvidence(list);
        QCOMPARE(r.upper.kind, Evidence::Kind::SymbolVersion);
        QVERIFY(r.exact);
        QCOMPARE(r.toString(), QStringLiteral("0.0.3"));
        // The release before 0.0.3 is 0.0.2: the range of an exact since.
        QCOMPARE(r.after, Version(0, 0, 2));
        QVERIFY(!evidenceDisagrees(list));
        list.append({Evidence::Kind::SinceTag, Version(0, 1, 0), {}, false});
        QVERIFY(evidenceDisagrees(list));
    }
    void presenceGivesRanges()
    {
        // Present in 9.0.0, nothing older looked at: an upper bound only.
        Evidence installed(Evidence::Kind::FirstRelease, Version(9, 0, 0), QStringLiteral("/"), true);
        SinceRange r = SinceRange::fromEvidence({installed});
        QVERIFY(!r.exact);
        QVERIFY(!r.after.isValid());
        QCOMPARE(r.toString(), QStringLiteral("\u2264 9.0.0"));
        // Not "no older release looked at": older ones may have been read
        // without the data to date it; none is known to lack it.
        QCOMPARE(r.explain(), QStringLiteral("\u2264 9.0.0 (in 9.0.0: first indexed release, read from /; no older release known "
                                             "to lack it)"));
        QCOMPARE(r.fit(Version(1, 0, 0)), SinceRange::Fit::MaybeTooNew);
        QCOMPARE(r.fit(Version(9, 0, 0)), SinceRange::Fit::Supported);
        // Absent in 1.3.5 (history): a range; too new only at or below 1.3.5.
        Evidence history(Evidence::Kind::History, Version(7, 0, 0), QStringLiteral("debian"));
        history.after = Version(1, 3, 5);
        r = SinceRange::fromEvidence({installed, history});
        QCOMPARE(r.toString(), QStringLiteral("1.3.5 < since \u2264 7.0.0"));
        QCOMPARE(r.fit(Version(1, 3, 5)), SinceRange::Fit::TooNew);
        QCOMPARE(r.fit(Version(1, 0, 0)), SinceRange::Fit::TooNew);
        QCOMPARE(r.fit(Version(4, 0, 0)), SinceRange::Fit::MaybeTooNew);
        QCOMPARE(r.fit(Version(7, 0, 0)), SinceRange::Fit::Supported);
        QCOMPARE(r.toJson().value(QStringLiteral("after")).toString(), QStringLiteral("1.3.5"));
        QCOMPARE(r.toJson().value(QStringLiteral("upTo")).toString(), QStringLiteral("7.0.0"));
        QCOMPARE(r.explain(), QStringLiteral("1.3.5 < since \u2264 7.0.0 (in 7.0.0: release history: debian)"));
        // Each end from its own evidence: both are named.
        Evidence absent(Evidence::Kind::History, Version(), QStringLiteral("not in git:v1.3.5"));
        absent.after = Version(1, 3, 5);
        r = SinceRange::fromEvidence({installed, absent});
        QCOMPARE(r.explain(), QStringLiteral("1.3.5 < since \u2264 9.0.0 (in 9.0.0: first indexed release, read from /; not in "
                                             "1.3.5: release history: not in git:v1.3.5)"));
        // Adjacent releases make it exact: absent in 0.5.1, present in 0.6.0.
        Evidence adjacent(Evidence::Kind::History, Version(0, 6, 0), QStringLiteral("git:v0.6.0"));
        adjacent.after = Version(0, 5, 1);
        r = SinceRange::fromEvidence({installed, adjacent});
        QVERIFY(r.exact);
        QCOMPARE(r.toString(), QStringLiteral("0.6.0"));
        QCOMPARE(r.fit(Version(0, 5, 1)), SinceRange::Fit::TooNew);
        // A documentation note naming a release after one that already had
        // the item speaks of a later change: the presence range wins.
        r = SinceRange::fromEvidence({installed, history, {Evidence::Kind::Documentation, Version(8, 0, 0)}});
        QVERIFY(!r.exact);
        QCOMPARE(r.upTo, Version(7, 0, 0));
        // One inside the range is taken as exact.
        r = SinceRange::fromEvidence({installed, history, {Evidence::Kind::Documentation, Version(5, 2, 0)}});
        QVERIFY(r.exact);
        QCOMPARE(r.upTo, Version(5, 2, 0));
        QCOMPARE(r.after, Version(5, 1, 0));
        // None at all: unknown, never "supported".
        QCOMPARE(SinceRange::fromEvidence({}).fit(Version(9, 0, 0)), SinceRange::Fit::Unknown);
    }
    void releaseSeriesOrder()
    {
        using namespace ReleaseSeries;
        QCOMPARE(predecessor(Version(0, 6, 0)), Version(0, 5, 1));
        QCOMPARE(predecessor(Version(0, 4, 4)), Version(0, 4, 3)); // untagged, but a release
        QVERIFY(!adjacent(Version(0, 4, 2), Version(0, 4, 4)));
        QCOMPARE(predecessor(Version(2, 0, 0)), Version(1, 3, 5));
        QCOMPARE(predecessor(Version(3, 0, 0)), Version(2, 5, 0));
        QCOMPARE(predecessor(Version(10, 0, 0)), Version(9, 10, 0));
        QCOMPARE(predecessor(Version(9, 4, 0)), Version(9, 3, 0));
        QVERIFY(!predecessor(Version(0, 0, 1)).isValid());
        QVERIFY(!predecessor(Version(1, 2, 22)).isValid()); // not a release
        QVERIFY(!isRelease(Version(9, 0, 1)));
        QCOMPARE(earlyReleases().size(), 114);
    }
    void releaseSeriesMatchesBundleTags()
    {
        // Independent reading: the tags of the shipped history bundle.
        QString bundle = qEnvironmentVariable("VSE_HISTORY_BUNDLE");
        if (bundle.isEmpty())
            bundle = qEnvironmentVariable("VSE_SOURCE_DIR") +
                     QStringLiteral("/../shared/history/libvirt-releases-0.0.1-1.3.5.bundle");
        if (!QFileInfo::exists(bundle)) {
            if (qEnvironmentVariable("CI") == QLatin1String("true"))
                QFAIL("no history bundle in CI: .ci/run sets VSE_HISTORY_BUNDLE");
            QSKIP("no history bundle: set VSE_HISTORY_BUNDLE");
        }
        QProcess git;
        git.start(QStringLiteral("git"), {QStringLiteral("ls-remote"), QStringLiteral("--tags"), bundle});
        QVERIFY(git.waitForFinished(60000));
        QList<Version> tags;
        static const QRegularExpression re(QStringLiteral("refs/tags/v(\\d+\\.\\d+\\.\\d+)$"));
        for (const QString &line : QString::fromUtf8(git.readAllStandardOutput()).split(QLatin1Char('\n'))) {
            const auto m = re.match(line.trimmed());
            if (m.hasMatch())
                tags.append(Version::parse(m.captured(1)));
        }
        std::sort(tags.begin(), tags.end());
        QCOMPARE(tags.size(), 109);
        // Every tag is in the series; the series adds only the documented gaps.
        QList<Version> extra = ReleaseSeries::earlyReleases();
        for (const Version &t : std::as_const(tags))
            QVERIFY2(extra.removeOne(t), qPrintable(t.toString()));
        QCOMPARE(extra, (QList<Version>{Version(0, 1, 2), Version(0, 1, 5), Version(0, 4, 0), Version(0, 4, 3),
                                         Version(0, 4, 5)}));
    }
    void policyLoadsAndClassifies()
    {
        const Policy &p = Policy::instance();
        QVERIFY(!p.tiers().isEmpty());
        Item qemu;
        qemu.name = QStringLiteral("virDomainQemuMonitorCommand");
        qemu.origin = QStringLiteral("header:libvirt-qemu");
        p.apply(qemu);
        QCOMPARE(qemu.tier, QStringLiteral("hypervisor-specific"));
        QCOMPARE(qemu.hypervisor, QStringLiteral("qemu"));
        QCOMPARE(qemu.taints, QStringList{QStringLiteral("custom-monitor")});

        Item arg;
        arg.kind = ItemKind::XmlElement;
        arg.name = QStringLiteral("domain/qemu:commandline/qemu:arg");
        arg.origin = QStringLiteral("schema:namespace");
        p.apply(arg);
        QCOMPARE(arg.tier, QStringLiteral("namespace-extension"));
        QCOMPARE(arg.taints, QStringList{QStringLiteral("custom-argv")});

        Item unknown;
        unknown.origin = QStringLiteral("something-new");
        p.apply(unknown);
        QCOMPARE(unknown.tier, QStringLiteral("unclassified"));

        Item last;
        last.kind = ItemKind::EnumValue;
        last.name = QStringLiteral("VIR_DOMAIN_LAST");
        last.origin = QStringLiteral("header:libvirt");
        p.apply(last);
        QCOMPARE(last.warnings.size(), 1);
    }
    void everyTaintTriggerNamesAKnownReason()
    {
        const Policy &p = Policy::instance();
        for (const auto &t : p.taintTriggers()) {
            QVERIFY2(!p.taintReason(t.taint).id.isEmpty(), qPrintable(t.taint));
            QVERIFY2(!t.source.isEmpty(), qPrintable(t.name));
        }
    }

    // Issue 12: the catalogue is complete. Every reason has a trigger (an
    // API, an XML path, a configuration setting or a host condition), each
    // with a libvirt file:line; the <interface><script> example taints.
    void everyTaintReasonHasASourcedTrigger()
    {
        const Policy &p = Policy::instance();
        const QRegularExpression fileLine(QStringLiteral("src/\\S+\\.[ch]:\\d+"));
        const QStringList kinds{QStringLiteral("api"), QStringLiteral("xml"),
                                QStringLiteral("config"), QStringLiteral("host")};
        for (const auto &r : p.taintReasons()) {
            int n = 0;
            for (const auto &t : p.taintTriggers()) {
                if (t.taint != r.id)
                    continue;
                ++n;
                QVERIFY2(kinds.contains(t.match), qPrintable(t.match));
                QVERIFY2(fileLine.match(t.source).hasMatch() ||
                             r.id == QLatin1String("external-launch"),
                         qPrintable(t.name + QStringLiteral(": ") + t.source));
            }
            QVERIFY2(n > 0, qPrintable(r.id));
        }
        Item script;
        script.kind = ItemKind::XmlAttribute;
        script.name = QStringLiteral("domain/devices/interface/script@path");
        QStringList taints;
        for (const auto &t : p.triggersFor(script))
            taints << t.taint;
        QCOMPARE(taints, QStringList{QStringLiteral("shell-scripts")});
    }

    // The reasons are libvirt's, read from libvirt itself: the names of
    // virDomainTaint are kept as one run of strings in libvirt.so's read-only
    // data (VIR_ENUM_IMPL in domain_conf.c), starting with "custom-argv" and
    // ended by the next string that is not a dashed lower-case word (checked
    // on 7.0.0, 9.0.0 and 11.3.0: it is "conf.domain_conf").
    void taintReasonsAreLibvirts()
    {
        QStringList ids;
        for (const auto &r : Policy::instance().taintReasons())
            ids << r.id;
        QStringList roots{QString()};
        const QString releases = qEnvironmentVariable("VSE_RELEASES_DIR");
        if (!releases.isEmpty())
            roots << releases + QStringLiteral("/libvirt-7.0.0")
                  << releases + QStringLiteral("/libvirt-9.0.0")
                  << releases + QStringLiteral("/libvirt-11.3.0");
        QStringList newest;
        int libraries = 0;
        for (const QString &root : std::as_const(roots)) {
            const QString lib = libvirtLibrary(root);
            if (lib.isEmpty())
                continue;
            ++libraries;
            const QStringList names = taintNamesIn(lib);
            QVERIFY2(names.size() >= 12, qPrintable(lib));
            // Every reason a libvirt release knows is in the catalogue...
            for (const QString &n : names)
                QVERIFY2(ids.contains(n), qPrintable(lib + QStringLiteral(": ") + n));
            if (names.size() > newest.size())
                newest = names;
        }
        QVERIFY2(libraries > 0, "no libvirt.so.0 found (install libvirt0)");
        // ...and the catalogue names nothing the newest one does not, in its order.
        if (!releases.isEmpty())
            QCOMPARE(ids, newest);
    }
};

QTEST_GUILESS_MAIN(TestModel)
#include "tst_model.moc"
