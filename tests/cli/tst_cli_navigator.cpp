// check-xml takes the schema navigator (document path -> item path) from the
// index instead of reading and walking every schema file: the index written
// from the installed libvirt must hold it for the installed schema folder,
// and a check must give the same answers with it as without it (an index
// written before it was kept, which builds it from the schema files).
#include "clirunner.h"

#include "index/store.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <sqlite3.h>

using namespace vse;
using namespace vse::testdata;

namespace {

QString writeTemp(const QTemporaryDir &dir, const QString &name, const QByteArray &content)
{
    const QString path = dir.filePath(name);
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly) || f.write(content) != content.size())
        return {};
    return path;
}

// A guest that walks many schema paths: devices, a namespace extension,
// enumerated values, an element no schema has.
const char kDomain[] =
    "<domain type='kvm' xmlns:qemu='http://libvirt.org/schemas/domain/qemu/1.0'>\n"
    "  <name>nav</name>\n"
    "  <memory unit='KiB'>1048576</memory>\n"
    "  <vcpu placement='static'>2</vcpu>\n"
    "  <os><type arch='x86_64' machine='pc'>hvm</type><boot dev='hd'/></os>\n"
    "  <features><acpi/><apic/></features>\n"
    "  <cpu mode='host-passthrough'/>\n"
    "  <devices>\n"
    "    <disk type='file' device='disk'>\n"
    "      <driver name='qemu' type='qcow2' cache='none' io='native'/>\n"
    "      <source file='/var/lib/libvirt/images/nav.qcow2'/>\n"
    "      <target dev='vda' bus='virtio'/>\n"
    "      <address type='pci' domain='0x0000' bus='0x00' slot='0x04' function='0x0'/>\n"
    "    </disk>\n"
    "    <interface type='network'><source network='default'/><model type='virtio'/></interface>\n"
    "    <graphics type='vnc' port='-1' autoport='yes'/>\n"
    "    <video><model type='virtio'/></video>\n"
    "  </devices>\n"
    "  <qemu:commandline><qemu:arg value='-no-reboot'/></qemu:commandline>\n"
    "</domain>\n";

const char kNetwork[] = "<network>\n"
                        "  <name>nav</name>\n"
                        "  <forward mode='nat'/>\n"
                        "  <bridge name='virbr9' stp='on' delay='0'/>\n"
                        "  <ip address='192.168.179.1' netmask='255.255.255.0'>\n"
                        "    <dhcp><range start='192.168.179.2' end='192.168.179.254'/></dhcp>\n"
                        "  </ip>\n"
                        "</network>\n";

} // namespace

class TestCliNavigator : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;
    QString m_index;

private Q_SLOTS:
    void initTestCase()
    {
        if (!QFile::exists(QStringLiteral("/usr/share/libvirt/schemas/domain.rng")))
            QSKIP("libvirt schemas are not installed");
        m_index = m_dir.filePath(QStringLiteral("index.sqlite"));
        const CliRun r = runCli(m_index, {QStringLiteral("index"), QStringLiteral("--source"), QStringLiteral("/")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    }

    void indexKeepsTheInstalledSchemasNavigator()
    {
        Store store;
        Diagnostics d;
        QVERIFY(store.open(m_index, &d));
        const QString meta = store.meta(QStringLiteral("schemaNavigator"));
        QVERIFY2(meta.startsWith(QLatin1String("/usr/share/libvirt/schemas\nvse-navigator 1\n")), qPrintable(meta.left(80)));
        // The roots of the installed schemas, each with the file that accepts it.
        QVERIFY(meta.contains(QLatin1String("\nr\tdomain\tdomain\tdomain.rng")));
        QVERIFY(meta.contains(QLatin1String("\nr\tnetwork\tnetwork\tnetwork.rng")));
        QVERIFY(meta.contains(QLatin1String("\nc\tdomain/devices\tdisk\t")));
    }

    void sameAnswersWithoutIt()
    {
        const QString domain = writeTemp(m_dir, QStringLiteral("guest.xml"), kDomain);
        const QString network = writeTemp(m_dir, QStringLiteral("net.xml"), kNetwork);
        QByteArray unknown(kDomain);
        unknown.replace("<features>", "<features><frobnicate/>");
        const QString invalid = writeTemp(m_dir, QStringLiteral("unknown.xml"), unknown);
        QVERIFY(!domain.isEmpty() && !network.isEmpty() && !invalid.isEmpty());

        // The same index without the navigator: built from the schema files.
        const QString without = m_dir.filePath(QStringLiteral("without.sqlite"));
        QVERIFY(QFile::copy(m_index, without));
        sqlite3 *db = nullptr;
        QCOMPARE(sqlite3_open(QFile::encodeName(without).constData(), &db), SQLITE_OK);
        QCOMPARE(sqlite3_exec(db, "DELETE FROM meta WHERE key = 'schemaNavigator'", nullptr, nullptr, nullptr),
                 SQLITE_OK);
        QCOMPARE(sqlite3_changes(db), 1);
        sqlite3_close(db);

        const QList<QStringList> runs{
            {QStringLiteral("check-xml"), domain, QStringLiteral("--all"), QStringLiteral("--json")},
            {QStringLiteral("check-xml"), domain, QStringLiteral("--max-version"), QStringLiteral("1.0.0")},
            {QStringLiteral("check-xml"), network, QStringLiteral("--all")},
            {QStringLiteral("check-xml"), domain, network, invalid, QStringLiteral("--all"), QStringLiteral("--json")},
        };
        for (const QStringList &args : runs) {
            const CliRun kept = runCli(m_index, args);
            const CliRun built = runCli(without, args);
            QVERIFY2(!kept.crashed && !built.crashed, qPrintable(args.join(QLatin1Char(' '))));
            QCOMPARE(kept.out, built.out);
            QCOMPARE(kept.exitCode, built.exitCode);
            // Real findings, not two empty answers.
            QVERIFY2(kept.out.contains(QLatin1String("domain/devices/disk/driver@cache")) ||
                         kept.out.contains(QLatin1String("network/forward@mode")) ||
                         kept.out.contains(QLatin1String("too new")),
                     qPrintable(kept.out.left(400)));
        }
        // The unknown element makes the batch invalid (exit 1), the rest is
        // tainted or clean: the worst wins.
        QCOMPARE(runCli(m_index, runs.last()).exitCode, 1);
    }
};

QTEST_GUILESS_MAIN(TestCliNavigator)
#include "tst_cli_navigator.moc"
