// virt-support host over libvirt's own test driver (built into libvirt.so:
// no daemon, a real connection, not a mock): test:///default, and a node
// XML the test writes from libvirt-doc's example guests, one of them using
// the test driver's own XML namespace (http://libvirt.org/schemas/domain/test/1.0,
// <test:runstate>, which the driver reads at define time). The test driver
// does not taint guests; taints are covered by tst_triage's logs.
#include "clirunner.h"
#include "testdata.h"

#include <QDir>
#include <QFile>
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
        const CliRun r = runCli(m_index, {QStringLiteral("index"), QStringLiteral("--source"), QStringLiteral("/")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    }

    void defaultTestDriver()
    {
        const CliRun r = runCli(m_index, {QStringLiteral("host"), QStringLiteral("--connect"),
                                          QStringLiteral("test:///default"), QStringLiteral("--format"),
                                          QStringLiteral("json")});
        QVERIFY2(!r.crashed, "crashed");
        qDebug().noquote() << r.out << r.err;
    }
};

QTEST_GUILESS_MAIN(TestHost)
#include "tst_host.moc"
