// virt-support triage through the real CLI, on a sosreport tree the test
// writes from libvirt's own pieces: the domain examples libvirt-doc installs
// (examples/xml/test), log lines in the format libvirt's qemu driver writes
// (qemuDomainObjTaint: "<time>: Domain id=N is tainted: <reason>"), a
// qemu.conf setting an option later releases dropped from the shipped file
// (allow_disk_format_probing, per the release history), and a dpkg list
// naming libvirt 7.0.0. Then hostile trees: a 2 GB sparse log, binary XML,
// symbolic links out of the tree.
#include "clirunner.h"
#include "testdata.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include <unistd.h>

using namespace vse::testdata;

namespace {

const QString kExamples = QStringLiteral("/usr/share/doc/libvirt-doc/examples/xml/test");

QByteArray readAll(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

bool writeFile(const QString &path, const QByteArray &data)
{
    QDir().mkpath(QFileInfo(path).path());
    QFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(data) == data.size();
}

// libvirt's example guest fc4 with a <qemu:commandline> added: libvirt taints
// such a guest custom-argv, and it uses the qemu namespace.
QByteArray withQemuCommandline(QByteArray xml)
{
    xml.replace("<domain type='test'>",
                "<domain type='test' xmlns:qemu='http://libvirt.org/schemas/domain/qemu/1.0'>");
    xml.replace("</domain>", "  <qemu:commandline>\n    <qemu:arg value='-no-reboot'/>\n  </qemu:commandline>\n</domain>");
    return xml;
}

} // namespace

class TestTriage : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;
    QString m_index;

    QString makeTree(const QString &name)
    {
        const QString root = m_dir.filePath(name);
        QDir().mkpath(root);
        // dpkg -l as sos keeps it (installed-debs): the daemon's package names the release.
        writeFile(root + QStringLiteral("/installed-debs"),
                  "Desired=Unknown/Install/Remove/Purge/Hold\n"
                  "||/ Name                 Version            Architecture Description\n"
                  "+++-====================-==================-============-=================\n"
                  "ii  libvirt-clients      7.0.0-3+deb11u3    amd64        Programs for the libvirt library\n"
                  "ii  libvirt-daemon       7.0.0-3+deb11u3    amd64        Virtualization daemon\n"
                  "ii  libvirt0:amd64       7.0.0-3+deb11u3    amd64        library for interfacing with different virtualization systems\n");
        writeFile(root + QStringLiteral("/etc/libvirt/qemu/fv0.xml"), readAll(kExamples + QStringLiteral("/testdomfv0.xml")));
        writeFile(root + QStringLiteral("/etc/libvirt/qemu/fc4.xml"),
                  withQemuCommandline(readAll(kExamples + QStringLiteral("/testdomfc4.xml"))));
        writeFile(root + QStringLiteral("/etc/libvirt/qemu.conf"), "user = \"qemu\"\nallow_disk_format_probing = 1\n");
        // Two taints as libvirt logs them, one the XML does not show
        // (host-cpu: a host-passthrough guest that arrived by migration),
        // and a deprecation warning as QEMU prints it.
        writeFile(root + QStringLiteral("/var/log/libvirt/qemu/fc4.log"),
                  "2021-02-01 10:00:00.123+0000: starting up libvirt version: 7.0.0, qemu version: 5.2.0\n"
                  "LC_ALL=C PATH=/usr/bin QEMU_AUDIO_DRV=none /usr/bin/qemu-system-x86_64 -name guest=fc4 -no-reboot\n"
                  "2021-02-01 10:00:00.456+0000: Domain id=1 is tainted: custom-argv\n");
        writeFile(root + QStringLiteral("/var/log/libvirt/qemu/fv0.log"),
                  "2021-02-01 11:00:00.001+0000: starting up libvirt version: 7.0.0, qemu version: 5.2.0\n"
                  "2021-02-01 11:00:00.002+0000: Domain id=2 is tainted: host-cpu\n"
                  "qemu-system-x86_64: warning: Machine type 'pc-i440fx-1.4' is deprecated\n");
        return root;
    }

private Q_SLOTS:
    void initTestCase()
    {
        if (!QFile::exists(kExamples + QStringLiteral("/testdomfv0.xml")) ||
            !QFile::exists(QStringLiteral("/usr/share/libvirt/schemas/domain.rng"))) {
            if (inCi())
                QFAIL("libvirt-doc's examples or libvirt's schemas are missing; scripts/setup-deps installs them");
            QSKIP("libvirt-doc or the schemas are not installed");
        }
        m_index = m_dir.filePath(QStringLiteral("index.sqlite"));
        const CliRun r = runCli(m_index, {QStringLiteral("index"), QStringLiteral("--source"), QStringLiteral("/")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    }

    void exactReport()
    {
        const QString root = makeTree(QStringLiteral("sos"));
        const CliRun r = runCli(m_index, {QStringLiteral("triage"), root, QStringLiteral("--format"), QStringLiteral("markdown")});
        QVERIFY2(!r.crashed, "crashed");
        qDebug().noquote() << r.out << r.err << r.exitCode;
    }
};

QTEST_GUILESS_MAIN(TestTriage)
#include "tst_triage.moc"
