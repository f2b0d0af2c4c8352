// Driver tables of a source tree. The corpus has no C files, so the tree is
// written here: invented drivers in libvirt's table style (member, callback,
// version comment), covering every table kind, removals, derived APIs, the
// driver headers' member mapping and broken entries.

#include "extract/drivers/driversupport.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace vse;

namespace {

void write(const QString &root, const QString &path, const QByteArray &text)
{
    const QString full = QDir(root).filePath(path);
    QDir().mkpath(QFileInfo(full).path());
    QFile f(full);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(text);
}

const DriverSupport *find(const DriverMatrix &m, const char *api, const char *driver)
{
    const auto it = m.constFind(QLatin1String(api));
    if (it == m.constEnd())
        return nullptr;
    for (const DriverSupport &s : *it) {
        if (s.driver == QLatin1String(driver))
            return &s;
    }
    return nullptr;
}

int lineOf(const QByteArray &text, const char *needle)
{
    const qsizetype at = text.indexOf(needle);
    return at < 0 ? -1 : int(text.left(at).count('\n')) + 1;
}

const QByteArray kAlpha = "/* an invented hypervisor driver */\n"
                          "static int alphaUnrelated = 0;\n"
                          "static virHypervisorDriver alphaHypervisorDriver = {\n"
                          "    .name = \"ALPHA\",\n"
                          "    .connectOpen = alphaConnectOpen, /* 0.3.0 */\n"
                          "    .connectClose = alphaConnectClose, /* 0.3.0 */\n"
                          "    .connectURIProbe = alphaProbe,\n"
                          "    .domainCreateXML = alphaDomainCreateXML, /* 1.2.3 */\n"
                          "    .domainGetInfo = NULL, /* 0.5.0 - 2.0.0 */\n"
                          "#ifdef WITH_ALPHA_MIGRATION\n"
                          "    .domainMigratePrepare2 = alphaPrepare2, /* 0.7.0 */\n"
                          "    .domainMigratePrepare3 = alphaPrepare3, /* 0.9.2 */\n"
                          "#endif\n"
                          "    .domainSetPerfEvents = alphaSetPerfEvents,   /*  1.3.3  */\n"
                          "    .frobWidget = alphaFrob, /* 2.1.0 */\n"
                          "    .domainGetXMLDesc = alphaGetXMLDesc,\n"
                          "    .domainSuspend = NULL, /* 0.6.0 */\n"
                          "    .domainResume = alphaResume, /* 0.6.0 - 0.7.0 */\n"
                          "};\n"
                          "\n"
                          "static virConnectDriver alphaConnectDriver = {\n"
                          "    .localOnly = true,\n"
                          "    .hypervisorDriver = &alphaHypervisorDriver,\n"
                          "};\n"
                          "    .domainDestroy = alphaDestroy, /* 0.1.0 */\n";

// The table headers of the tree: one member whose API does not follow the
// naming rule, so the mapping is seen to come from here.
const QByteArray kHeader = "typedef int (*virDrvFrobnicateWidget)(void);\n"
                           "struct _virHypervisorDriver {\n"
                           "    const char *name;\n"
                           "    virDrvFrobnicateWidget frobWidget;\n"
                           "    virDrvDomainSetPerfEvents domainSetPerfEvents;\n"
                           "};\n";

class TestDriverTables : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void hypervisorTable();
    void removals();
    void derivedApis();
    void otherTableKinds();
    void brokenEntries();
    void notASourceTree();
    void binaryFile();

private:
    QTemporaryDir m_tree;
    DriverMatrix m_matrix;
    Diagnostics m_diagnostics;
};

void TestDriverTables::initTestCase()
{
    QVERIFY(m_tree.isValid());
    const QString r = m_tree.path();
    write(r, QStringLiteral("src/driver-hypervisor.h"), kHeader);
    write(r, QStringLiteral("src/alpha/alpha_driver.c"), kAlpha);
    write(r, QStringLiteral("src/network/bridge_driver.c"),
          "static virNetworkDriver networkDriver = {\n"
          "    .name = \"bridge\",\n"
          "    .networkLookupByName = bridgeLookup, /* 0.2.0 */\n"
          "    .networkCreateXML = bridgeCreate, /* 0.2.0 */\n"
          "};\n");
    write(r, QStringLiteral("src/node_device/node_device_udev.c"),
          "static virNodeDeviceDriver udevNodeDeviceDriver = {\n"
          "    .nodeDeviceLookupByName = udevLookup, /* 0.7.3 */\n"
          "};\n");
    // CRLF line ends, and two tables of one driver: the connect API of the
    // storage driver lives in its hypervisor-kind table.
    write(r, QStringLiteral("src/storage/storage_driver.c"),
          "static virStorageDriver storageDriver = {\r\n"
          "    .storagePoolCreate = poolCreate, /* 0.4.0 */\r\n"
          "    .storagePoolLookupByName = poolLookup, /* 0.4.0 */\r\n"
          "};\r\n"
          "static virHypervisorDriver storageHypervisorDriver = {\r\n"
          "    .connectOpen = storageOpen, /* 4.1.0 */\r\n"
          "};\r\n");
    write(r, QStringLiteral("src/secret/secret_driver.c"),
          "static virSecretDriver secretDriver = {\n    .secretLookupByUUID = lookup, /* 0.7.1 "
          "*/\n};\n");
    write(r, QStringLiteral("src/nwfilter/nwfilter_driver.c"),
          "static virNWFilterDriver nwfilterDriver = {\n    .nwfilterLookupByName = lookup, /* "
          "0.8.0 */\n};\n");
    write(r, QStringLiteral("src/interface/interface_backend_udev.c"),
          "static virInterfaceDriver udevIfaceDriver = {\n    .interfaceLookupByName = lookup, /* "
          "1.0.0 */\n};\n");
    // The stand-in table of vbox_driver.c is not the vbox driver.
    write(r, QStringLiteral("src/vbox/vbox_driver.c"),
          "static virHypervisorDriver vboxDriverDummy = {\n    .connectOpen = dummyOpen, /* 0.6.3 "
          "*/\n};\n");
    // Not a file that holds tables: never read.
    write(r, QStringLiteral("src/util/virfile.c"),
          "static virHypervisorDriver nothing = {\n    .connectOpen = x, /* 9.9.9 */\n};\n");
    m_matrix = readDriverTables(r, &m_diagnostics);
}

void TestDriverTables::hypervisorTable()
{
    const DriverSupport *perf = find(m_matrix, "virDomainSetPerfEvents", "alpha");
    QVERIFY(perf);
    QCOMPARE(perf->since, Version(1, 3, 3));
    QVERIFY(!perf->removed.isValid());
    QCOMPARE(
        perf->evidence,
        QStringLiteral("src/alpha/alpha_driver.c:%1").arg(lineOf(kAlpha, ".domainSetPerfEvents")));
    // The member name comes from the driver header, not the naming rule.
    QVERIFY(find(m_matrix, "virFrobnicateWidget", "alpha"));
    QVERIFY(!m_matrix.contains(QStringLiteral("virFrobWidget")));
    // Without a header entry the naming rule applies.
    QCOMPARE(find(m_matrix, "virDomainCreateXML", "alpha")->since, Version(1, 2, 3));
    // .name, the private probe, the connect driver's flags and pointers, and
    // a member after the table's end are not APIs.
    QVERIFY(!m_matrix.contains(QStringLiteral("virName")));
    QVERIFY(!m_matrix.contains(QStringLiteral("virConnectURIProbe")));
    QVERIFY(!m_matrix.contains(QStringLiteral("virLocalOnly")));
    QVERIFY(!m_matrix.contains(QStringLiteral("virHypervisorDriver")));
    QVERIFY(!m_matrix.contains(QStringLiteral("virDomainDestroy")));
    // Files that do not hold driver tables, and vbox's stand-in, are not read.
    for (const QList<DriverSupport> &list : std::as_const(m_matrix)) {
        for (const DriverSupport &s : list) {
            QVERIFY(s.driver != QLatin1String("vbox"));
            QVERIFY(s.since != Version(9, 9, 9));
        }
    }
}

void TestDriverTables::removals()
{
    const DriverSupport *info = find(m_matrix, "virDomainGetInfo", "alpha");
    QVERIFY(info);
    QCOMPARE(info->since, Version(0, 5, 0));
    QCOMPARE(info->removed, Version(2, 0, 0));
    QVERIFY(!find(m_matrix, "virConnectClose", "alpha")->removed.isValid());
}

void TestDriverTables::derivedApis()
{
    QCOMPARE(find(m_matrix, "virConnectOpen", "alpha")->since, Version(0, 3, 0));
    QCOMPARE(find(m_matrix, "virConnectOpenReadOnly", "alpha")->since, Version(0, 3, 0));
    // Drivers older than virConnectOpenAuth gained it with it, in 0.4.0.
    QCOMPARE(find(m_matrix, "virConnectOpenAuth", "alpha")->since, Version(0, 4, 0));
    QCOMPARE(find(m_matrix, "virConnectOpenAuth", "storage")->since, Version(4, 1, 0));
    QCOMPARE(find(m_matrix, "virDomainCreateLinux", "alpha")->since, Version(1, 2, 3));
    // virDomainMigrate: the first migration protocol the driver implements.
    QCOMPARE(find(m_matrix, "virDomainMigrate", "alpha")->since, Version(0, 7, 0));
}

void TestDriverTables::otherTableKinds()
{
    QCOMPARE(find(m_matrix, "virNetworkLookupByName", "bridge")->since, Version(0, 2, 0));
    QVERIFY(find(m_matrix, "virNetworkCreateXML", "bridge"));
    QCOMPARE(find(m_matrix, "virNodeDeviceLookupByName", "udev")->since, Version(0, 7, 3));
    QCOMPARE(find(m_matrix, "virStoragePoolCreate", "storage")->since, Version(0, 4, 0));
    QCOMPARE(find(m_matrix, "virStoragePoolLookupByName", "storage")->evidence,
             QStringLiteral("src/storage/storage_driver.c:3"));
    QCOMPARE(find(m_matrix, "virSecretLookupByUUID", "secret")->since, Version(0, 7, 1));
    QCOMPARE(find(m_matrix, "virNWFilterLookupByName", "nwfilter")->since, Version(0, 8, 0));
    QCOMPARE(find(m_matrix, "virInterfaceLookupByName", "interface")->since, Version(1, 0, 0));
    QCOMPARE(m_matrix.value(QStringLiteral("virConnectOpen")).size(), 2); // alpha and storage
}

// Each broken entry is one warning naming its line; nothing is counted for it.
void TestDriverTables::brokenEntries()
{
    const QString alpha = QDir(m_tree.path()).filePath(QStringLiteral("src/alpha/alpha_driver.c"));
    QHash<int, QString> warnings;
    for (const Diagnostic &d : std::as_const(m_diagnostics)) {
        QVERIFY2(!d.isError(), qPrintable(d.toString()));
        QCOMPARE(d.file, alpha);
        warnings.insert(d.line, d.message);
    }
    QCOMPARE(warnings.size(), 3);
    QVERIFY(warnings.value(lineOf(kAlpha, ".domainGetXMLDesc"))
                .contains(QLatin1String("no /* version */")));
    QVERIFY(warnings.value(lineOf(kAlpha, ".domainSuspend")).contains(QLatin1String("NULL")));
    QVERIFY(
        warnings.value(lineOf(kAlpha, ".domainResume")).contains(QLatin1String("removal version")));
    QVERIFY(!m_matrix.contains(QStringLiteral("virDomainGetXMLDesc")));
    QVERIFY(!m_matrix.contains(QStringLiteral("virDomainSuspend")));
    // Listed, with its removal, even though the table still names a function.
    QCOMPARE(find(m_matrix, "virDomainResume", "alpha")->removed, Version(0, 7, 0));
}

void TestDriverTables::notASourceTree()
{
    QTemporaryDir empty;
    Diagnostics d;
    QVERIFY(readDriverTables(empty.path(), &d).isEmpty());
    QCOMPARE(d.size(), 1);
    QVERIFY(d.first().isError());
    QCOMPARE(d.first().file, empty.path());

    QDir(empty.path()).mkdir(QStringLiteral("src"));
    d.clear();
    QVERIFY(readDriverTables(empty.path(), &d).isEmpty());
    QCOMPARE(d.size(), 1);
    QVERIFY(!d.first().isError());
    QVERIFY(d.first().message.contains(QLatin1String("no driver tables")));
}

void TestDriverTables::binaryFile()
{
    QTemporaryDir tree;
    QByteArray data =
        "static virHypervisorDriver zDriver = {\n    .connectOpen = zOpen, /* 1.0.0 */\n";
    data += QByteArray(3, '\0') + "\n};\n";
    write(tree.path(), QStringLiteral("src/z/z_driver.c"), data);
    Diagnostics d;
    QVERIFY(readDriverTables(tree.path(), &d).isEmpty());
    QVERIFY(d.size() >= 1);
    QCOMPARE(d.first().line, 3);
    QVERIFY(d.first().message.contains(QLatin1String("binary")));
}

} // namespace

QTEST_GUILESS_MAIN(TestDriverTables)
#include "tst_drivertables.moc"
