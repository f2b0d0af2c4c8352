// The Python scanner on fixtures this test writes: every use with its exact
// position, C symbol and guards (hasattr, getLibVersion() comparisons on
// either branch, an early return, try/except libvirtError), mapped through
// the real libvirt.py of python3-libvirt; and bad input (SyntaxError,
// binary, non-UTF-8, missing) reported per file while the rest is scanned.
#include "debianpackages.h"
#include "scan/pythonscanner.h"
#include "scan/scanengine.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace vse;
using namespace vse::scan;

namespace {

// One expected use: "line:col symbol [kind] guards".
QString describe(const Use &u)
{
    QString s = QStringLiteral("%1:%2 %3")
                    .arg(u.pos.line)
                    .arg(u.pos.column)
                    .arg(u.symbol.isEmpty() ? u.candidates.join(QLatin1Char('|')) : u.symbol);
    if (u.kind == UseKind::Constant)
        s += QStringLiteral(" constant");
    if (u.guardedFrom)
        s += QStringLiteral(" >=") + u.guardedFrom->toString();
    if (u.presenceChecked)
        s += QStringLiteral(" hasattr");
    if (u.hasFallback)
        s += QStringLiteral(" fallback");
    return s;
}

// Line numbers below are the fixture's: line 1 is "import libvirt".
const char kGuarded[] =
    "import libvirt\n"
    "import libvirt_qemu\n"
    "from libvirt import VIR_DOMAIN_RUNNING, openReadOnly\n"
    "\n"
    "conn = libvirt.open(\"test:///default\")\n"
    "dom = conn.lookupByName(\"test\")\n"
    "if hasattr(libvirt, \"VIR_DOMAIN_MESSAGE_DEPRECATION\"):\n"
    "    flags = libvirt.VIR_DOMAIN_MESSAGE_DEPRECATION\n"
    "if hasattr(dom, \"messages\"):\n"
    "    dom.messages(0)\n"
    "ver = conn.getLibVersion()\n"
    "if ver >= 7001000:\n"
    "    dom.messages(0)\n"
    "if conn.getLibVersion() < 5010000:\n"
    "    dom.shutdown()\n"
    "else:\n"
    "    dom.agentSetResponseTimeout(5, 0)\n"
    "try:\n"
    "    dom.backupBegin(\"<domainbackup/>\", None)\n"
    "except libvirt.libvirtError as e:\n"
    "    if e.get_error_code() == libvirt.VIR_ERR_NO_SUPPORT:\n"
    "        pass\n"
    "\n"
    "\n"
    "def domains(conn):\n"
    "    if not hasattr(conn, \"listAllDomains\"):\n"
    "        return conn.listDomainsID()\n"
    "    return conn.listAllDomains(0)\n"
    "\n"
    "\n"
    "dom.create()\n"
    "libvirt_qemu.qemuMonitorCommand(dom, \"{}\", 0)\n"
    "if 6000000 <= libvirt.getVersion() and hasattr(dom, \"backupGetXMLDesc\"):\n"
    "    dom.backupGetXMLDesc(0)\n";

} // namespace

class TestPyScan : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;
    std::optional<PythonApiMap> m_map;

    QString write(const QString &name, const QByteArray &bytes)
    {
        const QString path = m_dir.filePath(name);
        QFile f(path);
        if (!f.open(QIODevice::WriteOnly))
            return {};
        f.write(bytes);
        return path;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QString why;
        const QString binding = testdata::libvirtBinding(&why);
        if (binding.isEmpty())
            QSKIP(qPrintable(why));
        qputenv("VSE_PYTHON_LIBVIRT", binding.toUtf8());
        Diagnostics problems;
        m_map = PythonApiMap::load(&problems);
        QVERIFY2(m_map && problems.isEmpty(), qPrintable(problems.value(0).toString()));
        QCOMPARE(m_map->source(), binding);
    }

    void guardsAndUses()
    {
        const QString file = write(QStringLiteral("guarded.py"), kGuarded);
        Diagnostics problems;
        const QList<FileScan> scans = scanPython({file}, *m_map, &problems);
        QVERIFY(problems.isEmpty());
        QCOMPARE(scans.size(), 1);
        const FileScan &fs = scans.first();
        QCOMPARE(fs.file, file);
        QCOMPARE(fs.language, QStringLiteral("python"));
        QVERIFY(fs.problems.isEmpty());
        QStringList got;
        for (const Use &u : fs.uses) {
            QCOMPARE(u.pos.file, file);
            QCOMPARE(u.language, QStringLiteral("python"));
            got << describe(u);
        }
        // The binding's own names: messages() wraps virDomainGetMessages,
        // create() is one of five C functions (no receiver type in Python);
        // libvirtError.get_error_code() calls no C function and is no use.
        const QStringList expected{
            QStringLiteral("3:1 VIR_DOMAIN_RUNNING constant"),
            QStringLiteral("3:1 virConnectOpenReadOnly"),
            QStringLiteral("5:8 virConnectOpen"),
            QStringLiteral("6:7 virDomainLookupByName"),
            QStringLiteral("8:13 VIR_DOMAIN_MESSAGE_DEPRECATION constant hasattr"),
            QStringLiteral("10:5 virDomainGetMessages hasattr"),
            QStringLiteral("11:7 virConnectGetLibVersion"),
            QStringLiteral("13:5 virDomainGetMessages >=7.1.0"),
            QStringLiteral("14:4 virConnectGetLibVersion"),
            QStringLiteral("15:5 virDomainShutdown"),
            QStringLiteral("17:5 virDomainAgentSetResponseTimeout >=5.10.0"),
            QStringLiteral("19:5 virDomainBackupBegin fallback"),
            QStringLiteral("21:30 VIR_ERR_NO_SUPPORT constant"),
            QStringLiteral("27:16 virConnectListDomainsID"),
            QStringLiteral("28:12 virConnectListAllDomains hasattr"),
            QStringLiteral(
                "31:1 virDomainCreate|virInterfaceCreate|virNetworkCreate|virNodeDeviceCreate|"
                "virStoragePoolCreate"),
            QStringLiteral("32:1 virDomainQemuMonitorCommand"),
            QStringLiteral("33:15 virGetVersion"),
            QStringLiteral("34:5 virDomainBackupGetXMLDesc >=6.0.0 hasattr"),
        };
        QCOMPARE(got, expected);
        QCOMPARE(fs.uses.at(2).spelled, QStringLiteral("libvirt.open"));
        QCOMPARE(fs.uses.at(15).spelled, QStringLiteral("dom.create"));

        QCOMPARE(fs.guards.size(), 3);
        QCOMPARE(fs.guards.at(0).pos.line, 12);
        QCOMPARE(fs.guards.at(0).version, Version(7, 1, 0));
        QCOMPARE(fs.guards.at(0).text, QStringLiteral("ver >= 7001000"));
        QCOMPARE(fs.guards.at(1).pos.line, 14);
        QCOMPARE(fs.guards.at(1).version, Version(5, 10, 0));
        QCOMPARE(fs.guards.at(1).text, QStringLiteral("conn.getLibVersion() < 5010000"));
        QCOMPARE(fs.guards.at(2).pos.line, 33);
        QCOMPARE(fs.guards.at(2).version, Version(6, 0, 0));
    }

    void greaterThanAndLessEqual()
    {
        const QString file = write(QStringLiteral("bounds.py"), "import libvirt\n"
                                                                "c = libvirt.open()\n"
                                                                "if c.getLibVersion() > 1002002:\n"
                                                                "    c.listAllDomains(0)\n"
                                                                "if c.getLibVersion() <= 1002002:\n"
                                                                "    pass\n"
                                                                "else:\n"
                                                                "    c.listAllDomains(0)\n");
        Diagnostics problems;
        const auto scans = scanPython({file}, *m_map, &problems);
        QCOMPARE(scans.size(), 1);
        QStringList got;
        for (const Use &u : scans.first().uses)
            got << describe(u);
        QCOMPARE(got, (QStringList{QStringLiteral("2:5 virConnectOpen"),
                                   QStringLiteral("3:4 virConnectGetLibVersion"),
                                   QStringLiteral("4:5 virConnectListAllDomains >=1.2.3"),
                                   QStringLiteral("5:4 virConnectGetLibVersion"),
                                   QStringLiteral("8:5 virConnectListAllDomains >=1.2.3")}));
    }

    void earlyReturnGuardsTheRest()
    {
        const QString file =
            write(QStringLiteral("early.py"), "import libvirt\n"
                                              "def backup(conn, dom):\n"
                                              "    if conn.getLibVersion() < 6000000:\n"
                                              "        raise RuntimeError('too old')\n"
                                              "    dom.backupBegin('<x/>', None)\n"
                                              "dom = None\n"
                                              "dom.backupBegin('<x/>', None)\n");
        Diagnostics problems;
        const auto scans = scanPython({file}, *m_map, &problems);
        QCOMPARE(scans.size(), 1);
        QStringList got;
        for (const Use &u : scans.first().uses)
            got << describe(u);
        // The guard covers the rest of its function, not what follows it.
        QCOMPARE(got, (QStringList{QStringLiteral("3:8 virConnectGetLibVersion"),
                                   QStringLiteral("5:5 virDomainBackupBegin >=6.0.0"),
                                   QStringLiteral("7:1 virDomainBackupBegin")}));
        QCOMPARE(scans.first().guards.size(), 1);
        QCOMPARE(scans.first().guards.first().version, Version(6, 0, 0));
    }

    void badInputIsReportedAndTheRestScanned()
    {
        const QString good =
            write(QStringLiteral("good.py"), "import libvirt\nlibvirt.openReadOnly(None)\n");
        const QString syntax =
            write(QStringLiteral("broken.py"), "import libvirt\n\ndef f(:\n    pass\n");
        QByteArray binary("\x7f"
                          "ELF\x02\x01\x01",
                          7);
        binary.append(QByteArray(64, '\0'));
        const QString elf = write(QStringLiteral("binary.py"), binary);
        const QString latin1 =
            write(QStringLiteral("latin1.py"), "import libvirt\n# caf\xe9\nlibvirt.open()\n");
        const QString missing = m_dir.filePath(QStringLiteral("missing.py"));
        const QString good2 = write(QStringLiteral("good2.py"), "import libvirt\nlibvirt.open()\n");
        // 200 000 terms in one expression: Python 3.11 gives up parsing it
        // (recursion), newer ones may not; either way nothing else is lost.
        QByteArray deep("x = a");
        for (int i = 0; i < 200000; ++i)
            deep += "+a";
        const QString deepFile = write(QStringLiteral("deep.py"), deep + '\n');
        Diagnostics problems;
        const auto scans =
            scanPython({good, syntax, elf, latin1, missing, good2, deepFile}, *m_map, &problems);
        QVERIFY(problems.isEmpty());
        QCOMPARE(scans.size(), 7);
        QVERIFY(scans.at(6).uses.isEmpty());
        for (const auto &d : scans.at(6).problems) {
            QCOMPARE(d.file, deepFile);
            qInfo().noquote() << d.toString();
        }
        QCOMPARE(scans.at(0).uses.size(), 1);
        QCOMPARE(scans.at(0).uses.first().symbol, QStringLiteral("virConnectOpenReadOnly"));
        QCOMPARE(scans.at(5).uses.size(), 1);
        QCOMPARE(scans.at(5).uses.first().symbol, QStringLiteral("virConnectOpen"));
        for (int i : {1, 2, 3, 4}) {
            const FileScan &fs = scans.at(i);
            QVERIFY(fs.uses.isEmpty());
            QCOMPARE(fs.problems.size(), 1);
            QCOMPARE(fs.problems.first().file, fs.file);
            qInfo().noquote() << fs.problems.first().toString();
        }
        QCOMPARE(scans.at(1).problems.first().line, 3);
        QVERIFY(scans.at(1).problems.first().message.startsWith(QLatin1String("SyntaxError")));
        QVERIFY(scans.at(2).problems.first().message.contains(QLatin1String("binary")));
        // Python names the line with the byte that is not UTF-8.
        QCOMPARE(scans.at(3).problems.first().line, 2);
        QVERIFY(scans.at(3).problems.first().message.contains(QLatin1String("utf-8"),
                                                              Qt::CaseInsensitive));
        QVERIFY(scans.at(4).problems.first().message.contains(QLatin1String("No such file")));
    }

    void aHelperCrashCostsOnlyItsFile()
    {
        // A python3 that dies with SIGSEGV whenever it is given crash.py,
        // and is the real one otherwise.
        const QString wrapper = write(QStringLiteral("python3-crashing"),
                                      "#!/bin/bash\n"
                                      "list=$(cat)\n"
                                      "case $list in *crash.py*) kill -SEGV $$ ;; esac\n"
                                      "printf '%s\\n' \"$list\" | exec python3 \"$@\"\n");
        QFile::setPermissions(wrapper, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
        const QString a = write(QStringLiteral("a.py"), "import libvirt\nlibvirt.open()\n");
        const QString crash = write(QStringLiteral("crash.py"), "import libvirt\nlibvirt.open()\n");
        const QString b = write(QStringLiteral("b.py"), "import libvirt\nlibvirt.openReadOnly()\n");
        qputenv("VSE_PYTHON", wrapper.toUtf8());
        Diagnostics problems;
        const auto scans = scanPython({a, crash, b}, *m_map, &problems);
        qunsetenv("VSE_PYTHON");
        QVERIFY(problems.isEmpty());
        QCOMPARE(scans.size(), 3);
        QCOMPARE(scans.at(0).uses.value(0).symbol, QStringLiteral("virConnectOpen"));
        QCOMPARE(scans.at(2).uses.value(0).symbol, QStringLiteral("virConnectOpenReadOnly"));
        QCOMPARE(scans.at(1).file, crash);
        QVERIFY(scans.at(1).uses.isEmpty());
        QCOMPARE(scans.at(1).problems.size(), 1);
        qInfo().noquote() << scans.at(1).problems.first().toString();
        QVERIFY(scans.at(1).problems.first().message.contains(QLatin1String("crashed")));
        // No python3 at all: one message for the whole scan, no file results.
        qputenv("VSE_PYTHON", "/nonexistent/python3");
        Diagnostics none;
        QVERIFY(scanPython({a}, *m_map, &none).isEmpty());
        qunsetenv("VSE_PYTHON");
        QCOMPARE(none.size(), 1);
        QVERIFY(none.first().message.contains(QLatin1String("not found")));
    }

    void cSpellingIsNotACall()
    {
        // dom.getMessages() is virDomainGetMessages spelled the C way; the
        // binding has messages() only: a use that names what was meant.
        const QString file = write(QStringLiteral("cspelled.py"),
                                   "import libvirt\nconn = libvirt.open(None)\ndom = conn.lookupByName('d')\n"
                                   "print(dom.getMessages())\nprint(dom.messages())\n");
        Diagnostics problems;
        const QList<FileScan> scans = scanPython({file}, *m_map, &problems);
        QVERIFY(problems.isEmpty());
        QCOMPARE(scans.size(), 1);
        QStringList got;
        for (const Use &u : scans.first().uses)
            got << describe(u) + (u.bindingNames.isEmpty() ? QString() : QStringLiteral(" [") + u.bindingNames.join(u'|') + u']');
        QCOMPARE(got, (QStringList{QStringLiteral("2:8 virConnectOpen"), QStringLiteral("3:7 virDomainLookupByName"),
                                   QStringLiteral("4:7 virDomainGetMessages [virDomain.messages() for virDomainGetMessages]"),
                                   QStringLiteral("5:7 virDomainGetMessages")}));

        // The findings: one "not in libvirt-python" per misspelled call, also
        // for a spelling several classes share (UUIDString), never counted as
        // a use of the C function nor as an ambiguous call.
        const QString two = write(QStringLiteral("cspelled2.py"),
                                  "import libvirt\ndom = libvirt.open(None).lookupByName('d')\n"
                                  "print(dom.getUUIDString(), dom.getMessages())\n");
        const QList<FileScan> both = scanPython({two}, *m_map, &problems);
        const ScanReport report = analyse(both, [](const QString &) { return std::optional<Item>(); }, Version(6, 0, 0));
        QStringList kinds;
        for (const Finding &f : report.findings)
            kinds << Finding::kindId(f.kind) + QLatin1Char(' ') + f.message.section(QLatin1Char(':'), 0, 0);
        // (An empty index: the two real calls are unknown names.)
        kinds.sort();
        QCOMPARE(kinds, (QStringList{QStringLiteral("not-in-binding 'dom.getMessages'"),
                                     QStringLiteral("not-in-binding 'dom.getUUIDString'"),
                                     QStringLiteral("unknown virConnectOpen is not in the index (not a public libvirt name of any indexed release)"),
                                     QStringLiteral("unknown virDomainLookupByName is not in the index (not a public libvirt name of any indexed release)")}));
        Finding shared;
        for (const Finding &f : report.findings)
            if (f.message.startsWith(QLatin1String("'dom.getUUIDString'")))
                shared = f;
        QCOMPARE(shared.kind, Finding::NotInBinding);
        QVERIFY2(shared.message.contains(QLatin1String("virDomain.UUIDString() for virDomainGetUUIDString")) &&
                     shared.message.contains(QLatin1String("virNetwork.UUIDString() for virNetworkGetUUIDString")),
                 qPrintable(shared.message));
    }

    void folderIsWalked()
    {
        QTemporaryDir tree;
        QDir(tree.path()).mkpath(QStringLiteral("pkg/sub"));
        for (const char *name : {"pkg/a.py", "pkg/sub/b.py", "pkg/notes.txt"}) {
            QFile f(tree.filePath(QLatin1String(name)));
            QVERIFY(f.open(QIODevice::WriteOnly));
        }
        const QStringList files = pythonFilesUnder(tree.path());
        QCOMPARE(files, (QStringList{tree.filePath(QStringLiteral("pkg/a.py")),
                                     tree.filePath(QStringLiteral("pkg/sub/b.py"))}));
    }
};

QTEST_GUILESS_MAIN(TestPyScan)
#include "tst_pyscan.moc"
