#include "model/evidence.h"
#include "model/item.h"
#include "model/policy.h"
#include "model/version.h"

#include <QDirIterator>
#include <QFile>
#include <QRegularExpression>
#include <QTest>

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
        QCOMPARE(bestEvidence(list)->kind, Evidence::Kind::SymbolVersion);
        QVERIFY(!evidenceDisagrees(list));
        list.append({Evidence::Kind::SinceTag, Version(0, 1, 0), {}, false});
        QVERIFY(evidenceDisagrees(list));
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
