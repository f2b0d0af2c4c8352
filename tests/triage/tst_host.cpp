// virt-support host over libvirt's own test driver (built into libvirt.so:
// no daemon, a real connection, not a mock): test:///default, and a node
// XML the test writes from libvirt-doc's example guests, one of them using
// the test driver's own XML namespace (http://libvirt.org/schemas/domain/test/1.0,
// <test:runstate>, which the driver reads at define time). The test driver
// writes no logs; taint log lines are covered by tst_triage.
#include "clirunner.h"
#include "testdata.h"

#include "model/policy.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace vse::testdata;

namespace {

const QString kExamples = QStringLiteral("/usr/share/doc/libvirt-doc/examples/xml/test");

QByteArray readAll(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

QJsonObject guestNamed(const QJsonArray &guests, const QString &name)
{
    for (const QJsonValue &g : guests)
        if (g.toObject().value(QStringLiteral("name")).toString() == name)
            return g.toObject();
    return {};
}

} // namespace

class TestHost : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;
    QString m_index;

private Q_SLOTS:
    void initTestCase()
    {
        if (!QFile::exists(QStringLiteral("/usr/share/libvirt/schemas/domain.rng"))) {
            if (inCi())
                QFAIL("libvirt's schemas are missing; scripts/setup-deps installs libvirt0");
            QSKIP("libvirt's schemas are not installed");
        }
        m_index = m_dir.filePath(QStringLiteral("index.sqlite"));
        const CliRun r = runCli(
            m_index, {QStringLiteral("index"), QStringLiteral("--source"), QStringLiteral("/")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    }

    QJsonObject hostJson(const QString &uri, int *exitCode)
    {
        const CliRun r = runCli(m_index, {QStringLiteral("host"), QStringLiteral("--connect"), uri,
                                          QStringLiteral("--format"), QStringLiteral("json")});
        *exitCode = r.crashed ? -1 : r.exitCode;
        return QJsonDocument::fromJson(r.out.toUtf8()).object();
    }

    // The default test host has one running guest, "test", with plain XML.
    void defaultTestDriver()
    {
        int rc = -1;
        const QJsonObject o = hostJson(QStringLiteral("test:///default"), &rc);
        QCOMPARE(rc, 0);
        const QJsonArray guests = o.value(QStringLiteral("guests")).toArray();
        QCOMPARE(guests.size(), 1);
        const QJsonObject g = guests.first().toObject();
        QCOMPARE(g.value(QStringLiteral("name")).toString(), QStringLiteral("test"));
        QCOMPARE(g.value(QStringLiteral("verdict")).toString(), QStringLiteral("supported"));
        QCOMPARE(g.value(QStringLiteral("state")).toString(), QStringLiteral("running"));
        // The daemon's release is the installed libvirt's (the test driver lives in libvirt.so).
        QProcess pc;
        pc.start(QStringLiteral("pkg-config"),
                 {QStringLiteral("--modversion"), QStringLiteral("libvirt")});
        QVERIFY(pc.waitForFinished());
        const QJsonObject lib = o.value(QStringLiteral("libvirt")).toObject();
        QCOMPARE(lib.value(QStringLiteral("version")).toString(),
                 QString::fromUtf8(pc.readAllStandardOutput()).trimmed());
        QCOMPARE(lib.value(QStringLiteral("driver")).toString(), QStringLiteral("TEST"));
        QCOMPARE(
            o.value(QStringLiteral("summary")).toObject().value(QStringLiteral("guests")).toInt(),
            1);
    }

    // A node of our own: libvirt-doc's two example guests, one of them shut
    // off through the test driver's namespace (<test:runstate>5</test:runstate>,
    // VIR_DOMAIN_SHUTOFF): two entries, each judged on its own XML.
    void customNodeTwoGuests()
    {
        const QByteArray fv0 = readAll(kExamples + QStringLiteral("/testdomfv0.xml"));
        QByteArray fc4 = readAll(kExamples + QStringLiteral("/testdomfc4.xml"));
        if (fv0.isEmpty() || fc4.isEmpty()) {
            if (inCi())
                QFAIL(
                    "libvirt-doc's examples are missing; scripts/setup-deps installs libvirt-doc");
            QSKIP("libvirt-doc is not installed");
        }
        fc4.replace("<domain type='test'>",
                    "<domain type='test' xmlns:test='http://libvirt.org/schemas/domain/test/1.0'>");
        fc4.replace("</domain>", "  <test:runstate>5</test:runstate>\n</domain>");
        const QString node = m_dir.filePath(QStringLiteral("node.xml"));
        QFile f(node);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("<node>\n" + fv0 + fc4 + "</node>\n");
        f.close();
        int rc = -1;
        const QJsonObject o = hostJson(QStringLiteral("test://") + node, &rc);
        const QJsonArray guests = o.value(QStringLiteral("guests")).toArray();
        QCOMPARE(guests.size(), 2);
        const QJsonObject a = guestNamed(guests, QStringLiteral("fv0")),
                          b = guestNamed(guests, QStringLiteral("fc4"));
        QCOMPARE(a.value(QStringLiteral("state")).toString(), QStringLiteral("running"));
        QCOMPARE(b.value(QStringLiteral("state")).toString(),
                 QStringLiteral("shut off")); // the namespace was read
        QCOMPARE(a.value(QStringLiteral("xmlSource")).toString(), QStringLiteral("live XML"));
        QCOMPARE(b.value(QStringLiteral("xmlSource")).toString(), QStringLiteral("inactive XML"));
        // Both examples have an interface <script>: libvirt's shell-scripts taint.
        for (const QJsonObject &g : {a, b}) {
            QCOMPARE(g.value(QStringLiteral("verdict")).toString(), QStringLiteral("tainted"));
            QStringList reasons;
            for (const QJsonValue &t : g.value(QStringLiteral("taints")).toArray())
                reasons << t.toObject().value(QStringLiteral("reason")).toString();
            QVERIFY2(reasons.contains(QStringLiteral("shell-scripts")),
                     qPrintable(reasons.join(u',')));
            // The daemon keeps its own record of that taint (virDomainGetMessages, 7.1.0+).
            bool fromDaemon = false;
            for (const QJsonValue &t : g.value(QStringLiteral("taints")).toArray())
                fromDaemon = fromDaemon || t.toObject()
                                               .value(QStringLiteral("source"))
                                               .toString()
                                               .startsWith(QStringLiteral("virDomainGetMessages"));
            QVERIFY(fromDaemon);
            // The daemon words it as a message, not the reason: mapped back,
            // every taint of the guest is a reason of the catalogue.
            for (const QJsonValue &t : g.value(QStringLiteral("taints")).toArray())
                QVERIFY2(!vse::Policy::instance()
                              .taintReason(t.toObject().value(QStringLiteral("reason")).toString())
                              .id.isEmpty(),
                         qPrintable(t.toObject().value(QStringLiteral("reason")).toString()));
        }
        // One taint seen in the XML and in the daemon's messages counts once.
        const QJsonObject counts =
            o.value(QStringLiteral("summary")).toObject().value(QStringLiteral("taints")).toObject();
        QCOMPARE(counts.keys(), QStringList{QStringLiteral("shell-scripts")});
        QCOMPARE(counts.value(QStringLiteral("shell-scripts")).toInt(), 2);
        QCOMPARE(rc, 6);
    }

    void unreachableHost()
    {
        const QString missing = m_dir.filePath(QStringLiteral("no-such-node.xml"));
        const CliRun r = runCli(m_index, {QStringLiteral("host"), QStringLiteral("--connect"),
                                          QStringLiteral("test://") + missing});
        QVERIFY(!r.crashed);
        QCOMPARE(r.exitCode, 3);
        QVERIFY2(r.err.contains(QStringLiteral("test://") + missing), qPrintable(r.err));
        QVERIFY(r.out.isEmpty());
    }

    // The query program does not link libvirt; the full one does.
    void queryProgramWithoutLibvirt()
    {
        const QString query = qEnvironmentVariable("VSE_CLI");
        const QString full = QFileInfo(query).dir().filePath(QStringLiteral("virt-support-index"));
        const auto needed = [](const QString &binary) {
            QProcess p;
            p.start(QStringLiteral("readelf"), {QStringLiteral("-d"), binary});
            p.waitForFinished();
            return QString::fromUtf8(p.readAllStandardOutput());
        };
        const QString q = needed(query), f = needed(full);
        if (f.isEmpty())
            QSKIP("readelf is not available");
        QVERIFY2(f.contains(QStringLiteral("libvirt.so")), qPrintable(f));
        QVERIFY2(!q.contains(QStringLiteral("libvirt.so")), qPrintable(q));
    }
};

QTEST_GUILESS_MAIN(TestHost)
#include "tst_host.moc"
