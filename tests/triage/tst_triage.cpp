// virt-support triage through the real CLI, on a sosreport tree the test
// writes from libvirt's own pieces: the domain examples libvirt-doc installs
// (examples/xml/test), log lines in the format libvirt's qemu driver writes
// (qemuDomainObjTaint: "<time>: Domain id=N is tainted: <reason>"), a
// qemu.conf setting an option later releases dropped from the shipped file
// (allow_disk_format_probing, per the release history), and a dpkg list
// naming libvirt 7.0.0. Then hostile trees: a 2 GB sparse log, binary XML,
// symbolic links out of the tree.
#include "clirunner.h"
#include "newerxml.h"
#include "sqlrows.h"
#include "testdata.h"

#include "model/policy.h"
#include "triage/guestlog.h"
#include "triage/sosreport.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>
#include <QXmlStreamReader>

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
    xml.replace("</domain>", "  <qemu:commandline>\n    <qemu:arg value='-no-reboot'/>\n  "
                             "</qemu:commandline>\n</domain>");
    return xml;
}

// The 1-based line of the first line of `text` holding `needle`.
// What triage must set aside in a status file's <domain>, read on our own:
// the rules of resources/policy/status-only.json applied with a stream
// reader ("disk/privateData" -> count; an element set aside hides its
// subtree; namespaced names are never libvirt's status-only parts).
QMap<QString, int> statusOnlyParts(const QByteArray &status)
{
    QFile f(qEnvironmentVariable("VSE_SOURCE_DIR") + QStringLiteral("/resources/policy/status-only.json"));
    if (!f.open(QIODevice::ReadOnly))
        return {{QStringLiteral("status-only.json unreadable"), -1}};
    const QJsonObject rules = QJsonDocument::fromJson(f.readAll()).object();
    const auto ruleMatches = [&rules](const char *list, const char *ownerKey, const QString &name,
                                      const QString &owner) {
        for (const QJsonValue &v : rules.value(QLatin1String(list)).toArray()) {
            const QJsonObject r = v.toObject();
            const QString o = r.value(QLatin1String(ownerKey)).toString();
            if (r.value(QLatin1String("name")).toString() == name && (o == QLatin1String("*") || o == owner))
                return true;
        }
        return false;
    };
    QMap<QString, int> out;
    QXmlStreamReader xml(status);
    QStringList stack;
    bool inDomain = false;
    while (xml.readNextStartElement() || !xml.atEnd()) {
        if (xml.isEndElement()) {
            stack.removeLast();
            continue;
        }
        if (!xml.isStartElement())
            continue;
        const QString name = xml.name().toString();
        const QString parent = stack.isEmpty() ? QString() : stack.constLast();
        if (!inDomain && name == QLatin1String("domain") && parent == QLatin1String("domstatus"))
            inDomain = true;
        if (inDomain && xml.namespaceUri().isEmpty() && name != QLatin1String("domain") &&
            ruleMatches("elements", "parent", name, parent)) {
            ++out[parent + QLatin1Char('/') + name];
            xml.skipCurrentElement();
            continue;
        }
        if (inDomain)
            for (const QXmlStreamAttribute &a : xml.attributes())
                if (a.namespaceUri().isEmpty() && ruleMatches("attributes", "element", a.name().toString(), name))
                    ++out[name + QLatin1Char('@') + a.name().toString()];
        stack << name;
    }
    return out;
}

int lineOf(const QByteArray &text, const char *needle)
{
    const QList<QByteArray> lines = text.split('\n');
    for (qsizetype i = 0; i < lines.size(); ++i)
        if (lines.at(i).contains(needle))
            return int(i + 1);
    return 0;
}

// dpkg -l as sos keeps it (installed-debs), naming only the daemon's
// package at `version` (Debian's full version, "7.0.0-3+deb11u3").
QByteArray daemonPackageList(const QByteArray &version)
{
    return "Desired=Unknown/Install/Remove/Purge/Hold\n"
           "||/ Name                 Version            Architecture Description\n"
           "+++-====================-==================-============-=================\n"
           "ii  libvirt-daemon       " +
           version + "    amd64        Virtualization daemon\n";
}

// The since as the report prints it: "since X" when exact, the range
// ("A < since ≤ B") when it has both ends, else "since ≤ B".
QString sinceText(const QStringList &row)
{
    if (!row.at(0).isEmpty())
        return QStringLiteral("since ") + row.at(0);
    if (!row.at(1).isEmpty())
        return row.at(1) + QStringLiteral(" < since \u2264 ") + row.at(2);
    return QStringLiteral("since \u2264 ") + row.at(2);
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
                  "ii  libvirt-clients      7.0.0-3+deb11u3    amd64        Programs for the "
                  "libvirt library\n"
                  "ii  libvirt-daemon       7.0.0-3+deb11u3    amd64        Virtualization daemon\n"
                  "ii  libvirt0:amd64       7.0.0-3+deb11u3    amd64        library for "
                  "interfacing with different virtualization systems\n");
        writeFile(root + QStringLiteral("/etc/libvirt/qemu/fv0.xml"),
                  readAll(kExamples + QStringLiteral("/testdomfv0.xml")));
        writeFile(root + QStringLiteral("/etc/libvirt/qemu/fc4.xml"),
                  withQemuCommandline(readAll(kExamples + QStringLiteral("/testdomfc4.xml"))));
        writeFile(root + QStringLiteral("/etc/libvirt/qemu.conf"),
                  "user = \"qemu\"\nallow_disk_format_probing = 1\n");
        // Two taints as libvirt logs them, one the XML does not show
        // (host-cpu: a host-passthrough guest that arrived by migration),
        // and a deprecation warning as QEMU prints it.
        writeFile(root + QStringLiteral("/var/log/libvirt/qemu/fc4.log"),
                  "2021-02-01 10:00:00.123+0000: starting up libvirt version: 7.0.0, qemu version: "
                  "5.2.0\n"
                  "LC_ALL=C PATH=/usr/bin QEMU_AUDIO_DRV=none /usr/bin/qemu-system-x86_64 -name "
                  "guest=fc4 -no-reboot\n"
                  "2021-02-01 10:00:00.456+0000: Domain id=1 is tainted: custom-argv\n");
        writeFile(root + QStringLiteral("/var/log/libvirt/qemu/fv0.log"),
                  "2021-02-01 11:00:00.001+0000: starting up libvirt version: 7.0.0, qemu version: "
                  "5.2.0\n"
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
                QFAIL("libvirt-doc's examples or libvirt's schemas are missing; scripts/setup-deps "
                      "installs them");
            QSKIP("libvirt-doc or the schemas are not installed");
        }
        m_index = m_dir.filePath(QStringLiteral("index.sqlite"));
        const CliRun r = runCli(
            m_index, {QStringLiteral("index"), QStringLiteral("--source"), QStringLiteral("/")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    }

    // tier and since of the newest row of an XML item, as the report prints them.
    QString facts(const QString &name) const
    {
        const auto rows = sqlRows(
            m_index, QStringLiteral("SELECT tier, ifnull(since,''), ifnull(since_after,''), "
                                    "ifnull(since_upto,''), ifnull(hypervisor,'') FROM items "
                                    "WHERE latest <> 0 AND name = '%1' AND kind LIKE 'xml%'")
                         .arg(name));
        if (rows.isEmpty())
            return QStringLiteral("(no index item %1)").arg(name);
        const QStringList r = rows.constFirst();
        QStringList out;
        if (r.at(0) == QLatin1String("namespace-extension"))
            out << QStringLiteral("namespace extension (%1)").arg(r.at(4));
        out << r.at(0) << sinceText(r.mid(1, 3));
        return out.join(QStringLiteral(", "));
    }

    // The catalogue's source of an XML trigger (resources/policy/taint.json).
    static QString catalogue(const QString &taint, const QString &xmlName)
    {
        for (const vse::TaintTrigger &t : vse::Policy::instance().taintTriggers())
            if (t.taint == taint && t.match == QLatin1String("xml") && t.name == xmlName)
                return t.source;
        return QStringLiteral("(no trigger %1)").arg(xmlName);
    }

    // The release lines of the files sos keeps, in the formats those tools print.
    void versionLines_data()
    {
        QTest::addColumn<QString>("line");
        QTest::addColumn<QString>("version");
        QTest::addColumn<int>("rank");
        QTest::newRow("virsh daemon")
            << QStringLiteral("Running against daemon: 7.0.0") << QStringLiteral("7.0.0") << 4;
        QTest::newRow("virsh library")
            << QStringLiteral("Using library: libvirt 8.0.0") << QStringLiteral("8.0.0") << 3;
        QTest::newRow("virsh hypervisor")
            << QStringLiteral("Running hypervisor: QEMU 5.2.0") << QString() << 0;
        QTest::newRow("dpkg daemon")
            << QStringLiteral("ii  libvirt-daemon  7.0.0-3+deb11u3 amd64  Virtualization daemon")
            << QStringLiteral("7.0.0") << 2;
        QTest::newRow("dpkg epoch arch")
            << QStringLiteral("ii  libvirt0:amd64  1:9.0.0-4 amd64  library")
            << QStringLiteral("9.0.0") << 1;
        QTest::newRow("dpkg other")
            << QStringLiteral("ii  libvirt-glib-1.0-0:amd64 4.0.0-2 amd64 glib") << QString() << 0;
        // dpkg keeps a removed package's configuration files (state rc):
        // it names no release the host runs.
        QTest::newRow("dpkg removed")
            << QStringLiteral("rc  libvirt-daemon  7.0.0-3+deb11u3 amd64  Virtualization daemon")
            << QString() << 0;
        QTest::newRow("dpkg half-configured")
            << QStringLiteral("iF  libvirt-daemon  7.0.0-3+deb11u3 amd64  Virtualization daemon")
            << QStringLiteral("7.0.0") << 2;
        QTest::newRow("rpm daemon")
            << QStringLiteral(
                   "libvirt-daemon-8.0.0-10.module+el8.7.0+1084+97b81f61.x86_64   Mon 01 Feb 2021")
            << QStringLiteral("8.0.0") << 2;
        QTest::newRow("rpm libs") << QStringLiteral("libvirt-libs-6.0.0-35.el8.x86_64")
                                  << QStringLiteral("6.0.0") << 1;
        QTest::newRow("rpm python")
            << QStringLiteral("python3-libvirt-6.0.0-1.el8.x86_64") << QString() << 0;
    }
    void versionLines()
    {
        QFETCH(QString, line);
        QFETCH(QString, version);
        QFETCH(int, rank);
        int got = -1;
        const vse::Version v = vse::SosReport::versionFromLine(line, &got);
        QCOMPARE(v.isValid() ? v.toString() : QString(), version);
        QCOMPARE(got, rank);
    }

    // A taint record of 7.1.0 and later carries what caused it in brackets.
    void logLineWithDetail()
    {
        const auto entries = vse::GuestLog::parse(
            "2023-01-01 00:00:00.000+0000: Domain id=3 is tainted: deprecated-config (machine type "
            "'pc-1.0')\n"
            "2023-01-01 00:00:00.000+0000: Domain id=3 is tainted: custom-argv\n"
            "Domain id=3 is tainted: custom-argv\n", // no timestamp: not libvirt's line
            QStringLiteral("x.log"), 1);
        QCOMPARE(entries.size(), 2);
        QCOMPARE(entries.at(0).reason, QStringLiteral("deprecated-config"));
        QCOMPARE(entries.at(0).detail, QStringLiteral("machine type 'pc-1.0'"));
        QCOMPARE(entries.at(1).line, 2);
    }

    void exactReport()
    {
        // The release history says qemu.conf dropped allow_disk_format_probing from its
        // shipped file by 7.0.0 while the lens still reads it.
        QFile pack(qEnvironmentVariable("VSE_SOURCE_DIR") +
                   QStringLiteral("/resources/history/libvirt-history.tsv"));
        QVERIFY(pack.open(QIODevice::ReadOnly));
        const QByteArray history = pack.readAll();
        const qsizetype at = history.indexOf("\tqemu.conf:allow_disk_format_probing\t");
        QVERIFY(at > 0);
        const QByteArray entry = history.mid(at, history.indexOf('\n', at) - at);
        QVERIFY2(entry.contains("\"inConf\":false") && entry.contains("\"inLens\":true"),
                 entry.constData());

        const QString root = makeTree(QStringLiteral("sos"));
        const CliRun r = runCli(m_index, {QStringLiteral("triage"), root});
        QVERIFY2(!r.crashed, "crashed");
        QCOMPARE(r.exitCode, 6); // the worst guest is tainted
        QVERIFY2(r.err.isEmpty(), qPrintable(r.err));

        const QByteArray fc4 = readAll(root + QStringLiteral("/etc/libvirt/qemu/fc4.xml"));
        const QByteArray fv0 = readAll(root + QStringLiteral("/etc/libvirt/qemu/fv0.xml"));
        const int fc4Script = lineOf(fc4, "<script"), fc4Cmd = lineOf(fc4, "<qemu:commandline>"),
                  fc4Arg = lineOf(fc4, "<qemu:arg"), fv0Script = lineOf(fv0, "<script");
        QVERIFY(fc4Script > 0 && fc4Cmd > 0 && fv0Script > 0);
        const vse::Policy &policy = vse::Policy::instance();
        const QString installed =
            sqlRows(m_index, QStringLiteral("SELECT version FROM releases WHERE source_path = '/' "
                                            "ORDER BY version_num DESC LIMIT 1"))
                .constFirst()
                .constFirst();
        const QString script = QStringLiteral("domain/devices/interface/script");
        const QString cmdline = QStringLiteral("domain/qemu:commandline");
        const QString scriptSource = catalogue(QStringLiteral("shell-scripts"), script);
        const QString argvSource = catalogue(QStringLiteral("custom-argv"), cmdline);
        const auto taintLines = [&](const QString &reason, const QString &evidence) {
            return QStringLiteral("  - Taint %1: %2\n      evidence: %3\n")
                .arg(reason, policy.taintReason(reason).meaning, evidence);
        };
        const auto finding = [&](int line, const QString &path, const QString &taint) {
            return QStringLiteral("  - Finding: line %1: %2 [taint %3, %4]\n")
                .arg(line)
                .arg(path, taint, facts(path));
        };
        const QString title = QStringLiteral("libvirt support report: ") + root;
        QString expected =
            title + QLatin1Char('\n') + QString(title.size(), QLatin1Char('=')) +
            QStringLiteral("\n\n") +
            QStringLiteral(
                "Verdict: 2 guest(s): 0 supported as is, 2 tainted (shell-scripts 2, custom-argv "
                "1, "
                "host-cpu 1), 1 using namespace extensions, 0 may be too new, 0 invalid or too new, 0 not checked; "
                "configuration: 0 problem(s) in 1 file(s)\n\n") +
            QStringLiteral(
                "Host: libvirt 7.0.0 (installed-debs:5: ii libvirt-daemon 7.0.0-3+deb11u3 amd64 "
                "Virtualization daemon)\n\n") +
            QStringLiteral("Judged against: libvirt 7.0.0 (since facts from the index and the "
                           "release history); XML "
                           "validated with the schemas of %1 (installed, /)\n\n")
                .arg(installed) +
            QStringLiteral("Guests\n------\n\n") +
            QStringLiteral(
                "* fc4: supported but tainted for libvirt 7.0.0: shell-scripts, custom-argv; uses "
                "namespace extensions (qemu)\n\n") +
            QStringLiteral("  - XML: etc/libvirt/qemu/fc4.xml\n") +
            taintLines(QStringLiteral("shell-scripts"),
                       QStringLiteral(
                           "etc/libvirt/qemu/fc4.xml line %1: %2 and 1 more node(s); catalogue: %3")
                           .arg(fc4Script)
                           .arg(script, scriptSource)) +
            taintLines(QStringLiteral("custom-argv"),
                       QStringLiteral(
                           "etc/libvirt/qemu/fc4.xml line %1: %2 and 2 more node(s); catalogue: %3")
                           .arg(fc4Cmd)
                           .arg(cmdline, argvSource)) +
            taintLines(
                QStringLiteral("custom-argv"),
                QStringLiteral("var/log/libvirt/qemu/fc4.log:3 (libvirt's taint record, 2021-02-01 "
                               "10:00:00.456+0000)")) +
            QStringLiteral("  - Namespace extensions (qemu): ") +
            policy.tier(QStringLiteral("namespace-extension")).rule + QLatin1Char('\n') +
            finding(fc4Script, script, QStringLiteral("shell-scripts")) +
            finding(fc4Script, script + QStringLiteral("@path"), QStringLiteral("shell-scripts")) +
            finding(fc4Cmd, cmdline, QStringLiteral("custom-argv")) +
            finding(fc4Arg, cmdline + QStringLiteral("/qemu:arg"), QStringLiteral("custom-argv")) +
            finding(fc4Arg, cmdline + QStringLiteral("/qemu:arg@value"),
                    QStringLiteral("custom-argv")) +
            QStringLiteral(
                "\n* fv0: supported but tainted for libvirt 7.0.0: shell-scripts, host-cpu\n\n") +
            QStringLiteral("  - XML: etc/libvirt/qemu/fv0.xml\n") +
            taintLines(QStringLiteral("shell-scripts"),
                       QStringLiteral(
                           "etc/libvirt/qemu/fv0.xml line %1: %2 and 1 more node(s); catalogue: %3")
                           .arg(fv0Script)
                           .arg(script, scriptSource)) +
            taintLines(
                QStringLiteral("host-cpu"),
                QStringLiteral("var/log/libvirt/qemu/fv0.log:2 (libvirt's taint record, 2021-02-01 "
                               "11:00:00.002+0000)")) +
            QStringLiteral("  - Deprecated: var/log/libvirt/qemu/fv0.log:3: Machine type "
                           "'pc-i440fx-1.4' is deprecated\n") +
            finding(fv0Script, script, QStringLiteral("shell-scripts")) +
            finding(fv0Script, script + QStringLiteral("@path"), QStringLiteral("shell-scripts")) +
            QStringLiteral("\nConfiguration\n-------------\n\n") +
            QStringLiteral(
                "* etc/libvirt/qemu.conf: 2 setting(s) of qemu.conf, 0 problem(s), 1 note(s)\n\n") +
            QStringLiteral("  - line 2: note: dropped-from-shipped-file: allow_disk_format_probing: no "
                           "longer shown in the "
                           "shipped file, still read by the lens (kept so old files stay readable; "
                           "libvirt may "
                           "ignore it)\n") +
            QStringLiteral("  - Policy: ") + policy.tier(QStringLiteral("not-guaranteed")).rule +
            QLatin1Char('\n') +
            QStringLiteral("\nNotes and refused inputs\n------------------------\n\n") +
            QStringLiteral("  - the host runs libvirt 7.0.0 but the index has no schemas of that "
                           "release: XML is "
                           "validated with %1's; what is newer than 7.0.0 is found from the since "
                           "facts (index and "
                           "release history)\n")
                .arg(installed);
        // Line by line first, so a difference reads as the line that differs.
        const QStringList got = r.out.split(QLatin1Char('\n')),
                          want = expected.split(QLatin1Char('\n'));
        for (qsizetype i = 0; i < qMin(got.size(), want.size()); ++i)
            QCOMPARE(got.at(i), want.at(i));
        QCOMPARE(r.out, expected);

        // The same content for a ticket, a browser and a tool.
        const CliRun md = runCli(m_index, {QStringLiteral("triage"), root,
                                           QStringLiteral("--format"), QStringLiteral("markdown")});
        QVERIFY(md.out.startsWith(QStringLiteral("# libvirt support report: ")));
        QVERIFY(
            md.out.contains(QStringLiteral("### fc4: supported but tainted for libvirt 7.0.0")));
        QVERIFY(md.out.contains(QStringLiteral("- Taint host-cpu: ")));
        const CliRun html = runCli(m_index, {QStringLiteral("triage"), root,
                                             QStringLiteral("--format"), QStringLiteral("html")});
        QVERIFY(html.out.contains(QStringLiteral(
            "<h3>fv0: supported but tainted for libvirt 7.0.0: shell-scripts, host-cpu</h3>")));
        QVERIFY(html.out.contains(QStringLiteral("<li>Taint custom-argv: ")));
        QCOMPARE(html.out.count(QStringLiteral("<li>")),
                 r.out.count(QStringLiteral("\n  - ")) +
                     r.out.count(QStringLiteral("\n      evidence")));
        const CliRun json = runCli(m_index, {QStringLiteral("triage"), root,
                                             QStringLiteral("--format"), QStringLiteral("json")});
        const QJsonObject o = QJsonDocument::fromJson(json.out.toUtf8()).object();
        const QJsonObject summary = o.value(QStringLiteral("summary")).toObject();
        QCOMPARE(summary.value(QStringLiteral("guests")).toInt(), 2);
        QCOMPARE(summary.value(QStringLiteral("tainted")).toInt(), 2);
        QCOMPARE(summary.value(QStringLiteral("namespaceExtensions")).toInt(), 1);
        QCOMPARE(summary.value(QStringLiteral("taints"))
                     .toObject()
                     .value(QStringLiteral("host-cpu"))
                     .toInt(),
                 1);
        QCOMPARE(o.value(QStringLiteral("libvirt"))
                     .toObject()
                     .value(QStringLiteral("version"))
                     .toString(),
                 QStringLiteral("7.0.0"));
        QCOMPARE(o.value(QStringLiteral("exitCode")).toInt(), 6);
        QCOMPARE(json.exitCode, 6);

        // Everything the text says, the JSON says, the verdict first: the
        // report's verdict line, each guest's heading and its findings.
        QVERIFY2(json.out.startsWith(QStringLiteral("{\n    \"verdictText\": ")),
                 qPrintable(json.out.left(200)));
        const QString verdictLine = got.at(3);
        QVERIFY(verdictLine.startsWith(QStringLiteral("Verdict: ")));
        QCOMPARE(o.value(QStringLiteral("verdictText")).toString(),
                 verdictLine.mid(int(qstrlen("Verdict: "))));
        const QJsonArray guests = o.value(QStringLiteral("guests")).toArray();
        QCOMPARE(guests.size(), 2);
        for (const QJsonValue &v : guests) {
            const QJsonObject g = v.toObject();
            const QString name = g.value(QStringLiteral("name")).toString();
            const QString heading = QStringLiteral("* %1: %2")
                                        .arg(name, g.value(QStringLiteral("verdictText")).toString());
            QVERIFY2(got.contains(heading), qPrintable(heading));
            const QJsonArray findings = g.value(QStringLiteral("findings")).toArray();
            QVERIFY(!findings.isEmpty());
            for (const QJsonValue &f : findings)
                QVERIFY2(got.contains(QStringLiteral("  - Finding: ") + f.toString()),
                         qPrintable(f.toString()));
            // check-xml's verdict on the XML alone says what it is about.
            const QJsonObject check = g.value(QStringLiteral("xmlCheck")).toObject();
            QVERIFY(check.value(QStringLiteral("scope")).toString().startsWith(
                QStringLiteral("the XML alone (etc/libvirt/qemu/%1.xml)").arg(name)));
            // A guest's verdict comes before its name.
            const qsizetype at = json.out.indexOf(QStringLiteral("\"name\": \"%1\"").arg(name));
            QVERIFY(at > 0);
            QVERIFY(json.out.lastIndexOf(QStringLiteral("\"verdict\": "), at) >
                    json.out.lastIndexOf(QLatin1Char('{'), at));
        }
    }

    // libvirt's own status files (tests/qemustatusxml2xmldata of the 9.0.0
    // tarball) as a running host keeps them in run/libvirt/qemu: the taints
    // the daemon recorded there (<taint flag='...'/>, children of
    // <domstatus>) are the guest's, and the live <domain> is checked.
    void statusFileTaints()
    {
        const QStringList files{QStringLiteral("modern-in.xml"),
                                QStringLiteral("migration-in-params-in.xml")};
        QHash<QString, QByteArray> byGuest;
        static const QRegularExpression nameRe(QStringLiteral("<name>([^<]+)</name>"));
        for (const QString &f : files) {
            const QByteArray status = fileOfTarball(
                QStringLiteral("9.0.0"), QStringLiteral("tests/qemustatusxml2xmldata/") + f);
            if (status.isEmpty()) {
                if (inCi())
                    QFAIL("libvirt_9.0.0.orig.tar.xz is not in $VSE_SOURCES_DIR");
                QSKIP("libvirt_9.0.0.orig.tar.xz is not in $VSE_SOURCES_DIR");
            }
            byGuest.insert(nameRe.match(QString::fromUtf8(status)).captured(1), status);
        }
        QCOMPARE(byGuest.size(), 2);
        const QString root = m_dir.filePath(QStringLiteral("status"));
        QVERIFY(writeFile(root + QStringLiteral("/installed-debs"),
                          daemonPackageList("9.0.0-4+deb12u2")));
        for (auto it = byGuest.cbegin(); it != byGuest.cend(); ++it)
            QVERIFY(writeFile(root + QStringLiteral("/run/libvirt/qemu/%1.xml").arg(it.key()),
                              it.value()));
        const CliRun r = runCli(m_index, {QStringLiteral("triage"), root,
                                          QStringLiteral("--format"), QStringLiteral("json")});
        QVERIFY2(!r.crashed, "crashed");
        const QJsonObject o = QJsonDocument::fromJson(r.out.toUtf8()).object();
        QHash<QString, QJsonObject> guests;
        for (const QJsonValue &g : o.value(QStringLiteral("guests")).toArray())
            guests.insert(g.toObject().value(QStringLiteral("name")).toString(), g.toObject());
        QHash<QString, int> flagged;
        int lineFindings = 0;
        static const QRegularExpression flagRe(QStringLiteral("<taint flag='([a-z-]+)'/>"));
        for (auto it = byGuest.cbegin(); it != byGuest.cend(); ++it) {
            const QJsonObject g = guests.value(it.key());
            QVERIFY2(!g.isEmpty(), qPrintable(it.key()));
            QVERIFY2(g.value(QStringLiteral("xmlSource")).toString().startsWith(
                         QStringLiteral("run/libvirt/qemu/%1.xml (its <domain>").arg(it.key())),
                     qPrintable(g.value(QStringLiteral("xmlSource")).toString()));
            static const QRegularExpression stateRe(QStringLiteral("<domstatus state='([a-z]+)'"));
            const QString state = stateRe.match(QString::fromUtf8(it.value())).captured(1);
            QVERIFY(!state.isEmpty());
            QVERIFY2(g.value(QStringLiteral("state")).toString().startsWith(state + QStringLiteral(" (status in")),
                     qPrintable(g.value(QStringLiteral("state")).toString()));
            QStringList evidence;
            for (const QJsonValue &t : g.value(QStringLiteral("taints")).toArray())
                evidence << t.toObject().value(QStringLiteral("reason")).toString() +
                                QLatin1Char('|') +
                                t.toObject().value(QStringLiteral("source")).toString();
            int flags = 0;
            for (auto m = flagRe.globalMatch(QString::fromUtf8(it.value())); m.hasNext();) {
                const QString flag = m.next().captured(1);
                ++flags;
                ++flagged[flag];
                const QString want =
                    QStringLiteral("%1|run/libvirt/qemu/%2.xml line %3: <taint flag='%1'/> (the "
                                   "daemon's record for the running guest)")
                        .arg(flag, it.key())
                        .arg(lineOf(it.value(), qPrintable(QStringLiteral("<taint flag='%1'/>").arg(flag))));
                QVERIFY2(evidence.contains(want), qPrintable(evidence.join(u'\n')));
                QVERIFY(g.value(QStringLiteral("verdictText")).toString().contains(flag));
            }
            QVERIFY(flags > 0);
            QVERIFY(g.value(QStringLiteral("verdict")).toString() != QLatin1String("supported"));
            // The parts libvirt writes only into status files are set aside,
            // exactly those, and said so; no finding is about one of them.
            const QMap<QString, int> parts = statusOnlyParts(it.value());
            QVERIFY2(!parts.isEmpty(), qPrintable(it.key()));
            QStringList want;
            for (auto p = parts.cbegin(); p != parts.cend(); ++p)
                want << QStringLiteral("%1 (%2)").arg(p.key()).arg(p.value());
            QStringList notes;
            for (const QJsonValue &n : g.value(QStringLiteral("notes")).toArray())
                notes << n.toString();
            const QString note = notes.filter(QStringLiteral("set aside before validation")).value(0);
            QVERIFY2(note.endsWith(QStringLiteral(": ") + want.join(QStringLiteral(", "))),
                     qPrintable(note + QStringLiteral("\nwant: ") + want.join(QStringLiteral(", "))));
            for (const QJsonValue &f : g.value(QStringLiteral("findings")).toArray())
                for (auto p = parts.cbegin(); p != parts.cend(); ++p)
                    QVERIFY2(!f.toString().contains(p.key().section(QRegularExpression(QStringLiteral("[/@]")), 1)),
                             qPrintable(f.toString()));
            // A finding's line is the status file's own: at or inside its
            // <domain>, on an element (the check once counted from the
            // <domain> line). Debian 13's libxml2 build reports an interleave
            // error on the parent element, here <domain> itself.
            static const QRegularExpression lineRe(QStringLiteral("^line (\\d+):"));
            const QList<QByteArray> fileLines = it.value().split('\n');
            const int domainLine = lineOf(it.value(), "<domain ");
            for (const QJsonValue &f : g.value(QStringLiteral("findings")).toArray()) {
                const auto m = lineRe.match(f.toString());
                if (!m.hasMatch())
                    continue;
                const int n = m.captured(1).toInt();
                QVERIFY2(n >= domainLine && n <= fileLines.size() && fileLines.at(n - 1).trimmed().startsWith('<'),
                         qPrintable(f.toString()));
                ++lineFindings;
            }
        }
        const QJsonObject counts =
            o.value(QStringLiteral("summary")).toObject().value(QStringLiteral("taints")).toObject();
        for (auto it = flagged.cbegin(); it != flagged.cend(); ++it)
            QCOMPARE(counts.value(it.key()).toInt(), it.value());
        QCOMPARE(flagged.value(QStringLiteral("high-privileges")), 2);
        QVERIFY(lineFindings > 0); // modern-in.xml: the 9.0.0 schema rejects its <devices>
    }

    // A removed package (dpkg state rc) is not the host's release: the real
    // dpkg -l of this machine's libvirt0, and the daemon's package of an
    // older release removed, its configuration kept.
    void removedPackageIsNotTheRelease()
    {
        QProcess dpkg;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("COLUMNS"), QStringLiteral("160"));
        dpkg.setProcessEnvironment(env);
        dpkg.start(QStringLiteral("dpkg-query"),
                   {QStringLiteral("-W"), QStringLiteral("-f=${Version}"), QStringLiteral("libvirt0")});
        QVERIFY(dpkg.waitForFinished());
        const QString installed = QString::fromUtf8(dpkg.readAllStandardOutput()).section(QLatin1Char('-'), 0, 0);
        QVERIFY2(vse::Version::parse(installed).isValid(), qPrintable(installed));
        dpkg.start(QStringLiteral("dpkg"), {QStringLiteral("-l"), QStringLiteral("libvirt0")});
        QVERIFY(dpkg.waitForFinished());
        QByteArray list = dpkg.readAllStandardOutput();
        QVERIFY2(list.contains("ii  libvirt0"), list.constData());
        const QByteArray removed = "rc  libvirt-daemon                 7.0.0-3+deb11u3              "
                                   "amd64        Virtualization daemon";
        list += removed + '\n';
        const QString root = m_dir.filePath(QStringLiteral("removed"));
        QVERIFY(writeFile(root + QStringLiteral("/installed-debs"), list));
        // sos keeps the same list as sos_commands/dpkg/dpkg_-l too (here a
        // copy): its skipped line is noted once.
        QVERIFY(writeFile(root + QStringLiteral("/sos_commands/dpkg/dpkg_-l"), list));
        QVERIFY(writeFile(root + QStringLiteral("/etc/libvirt/qemu/fv0.xml"),
                          readAll(kExamples + QStringLiteral("/testdomfv0.xml"))));
        const CliRun r = runCli(m_index, {QStringLiteral("triage"), root,
                                          QStringLiteral("--format"), QStringLiteral("json")});
        const QJsonObject o = QJsonDocument::fromJson(r.out.toUtf8()).object();
        const QJsonObject lib = o.value(QStringLiteral("libvirt")).toObject();
        QCOMPARE(lib.value(QStringLiteral("version")).toString(), installed);
        QVERIFY(lib.value(QStringLiteral("evidence")).toString().contains(QStringLiteral("ii libvirt0")));
        const QString note = QStringLiteral("installed-debs:%1: %2 (dpkg state rc: removed, only "
                                            "its configuration files are left): not taken as the "
                                            "host's release")
                                 .arg(lineOf(list, "rc  libvirt-daemon"))
                                 .arg(QString::fromUtf8(removed).simplified());
        QVERIFY2(o.value(QStringLiteral("notes")).toArray().contains(note),
                 QJsonDocument(o.value(QStringLiteral("notes")).toArray()).toJson().constData());
        int aboutRemoved = 0;
        for (const QJsonValue &n : o.value(QStringLiteral("notes")).toArray())
            aboutRemoved += n.toString().contains(QLatin1String("rc libvirt-daemon"));
        QCOMPARE(aboutRemoved, 1);
    }

    // A folder with nothing of libvirt says so and exits 9, also when it is
    // the folder a sosreport archive was unpacked in (one folder inside).
    void nothingFound()
    {
        const QString empty = m_dir.filePath(QStringLiteral("empty"));
        QVERIFY(QDir().mkpath(empty));
        const CliRun r = runCli(m_index, {QStringLiteral("triage"), empty});
        QVERIFY2(!r.crashed, "crashed");
        QCOMPARE(r.exitCode, 9);
        QVERIFY2(r.out.contains(QStringLiteral("Verdict: nothing of libvirt found in ") + empty),
                 qPrintable(r.out));
        const QString outer = m_dir.filePath(QStringLiteral("unpacked"));
        makeTree(QStringLiteral("unpacked/sosreport-host-2021"));
        const CliRun j = runCli(m_index, {QStringLiteral("triage"), outer,
                                          QStringLiteral("--format"), QStringLiteral("json")});
        QCOMPARE(j.exitCode, 9);
        const QJsonObject o = QJsonDocument::fromJson(j.out.toUtf8()).object();
        QVERIFY(o.value(QStringLiteral("nothingFound")).toBool());
        QVERIFY2(o.value(QStringLiteral("verdictText")).toString().endsWith(
                     QStringLiteral("it holds one folder, sosreport-host-2021: give that one?")),
                 qPrintable(o.value(QStringLiteral("verdictText")).toString()));
        // The folder inside is the report.
        QCOMPARE(runCli(m_index, {QStringLiteral("triage"), outer + QStringLiteral("/sosreport-host-2021")}).exitCode, 6);
    }

    // A qemu.conf libvirt cannot parse stops the daemon: the exit code says
    // so (8, as check-config's) over the guests' (6 here, tainted).
    void configSyntaxErrorDecidesTheExitCode()
    {
        const QString root = makeTree(QStringLiteral("broken-conf"));
        QVERIFY(runCli(m_index, {QStringLiteral("triage"), root}).exitCode == 6);
        QVERIFY(writeFile(root + QStringLiteral("/etc/libvirt/qemu.conf"),
                          "user = \"qemu\"\nvnc_listen \"0.0.0.0\"\n"));
        const CliRun r = runCli(m_index, {QStringLiteral("triage"), root, QStringLiteral("--format"),
                                          QStringLiteral("json")});
        QCOMPARE(r.exitCode, 8);
        const QJsonObject o = QJsonDocument::fromJson(r.out.toUtf8()).object();
        QCOMPARE(o.value(QStringLiteral("exitCode")).toInt(), 8);
        bool refused = false;
        for (const QJsonValue &c : o.value(QStringLiteral("configs")).toArray())
            refused |= c.toObject().value(QStringLiteral("libvirtCannotParse")).toBool();
        QVERIFY(refused);
        // The verdict line says it, not only the section below.
        QCOMPARE(o.value(QStringLiteral("summary")).toObject().value(QStringLiteral("configUnparsable")).toInt(), 1);
        QVERIFY2(o.value(QStringLiteral("verdictText")).toString().endsWith(
                     QStringLiteral("1 of them refused by libvirt's parser: the daemon would not start")),
                 qPrintable(o.value(QStringLiteral("verdictText")).toString()));
    }

    // qemu.conf user = "root" taints every guest the system daemon starts:
    // the verdict line says so, and a host whose guests are otherwise clean
    // exits 6, as a tainted guest does.
    void configTaintsEveryGuest()
    {
        const QString root = makeTree(QStringLiteral("root-user"));
        QDir(root + QStringLiteral("/etc/libvirt/qemu")).removeRecursively();
        QDir(root + QStringLiteral("/var/log/libvirt")).removeRecursively();
        QVERIFY(writeFile(root + QStringLiteral("/etc/libvirt/qemu.conf"), "user = \"qemu\"\n"));
        const int clean = runCli(m_index, {QStringLiteral("triage"), root}).exitCode;
        QVERIFY2(clean == 0 || clean == 5 || clean == 7, qPrintable(QString::number(clean)));
        QVERIFY(writeFile(root + QStringLiteral("/etc/libvirt/qemu.conf"), "user = \"root\"\n"));
        const CliRun r = runCli(m_index, {QStringLiteral("triage"), root, QStringLiteral("--format"),
                                          QStringLiteral("json")});
        const QJsonObject o = QJsonDocument::fromJson(r.out.toUtf8()).object();
        QCOMPARE(o.value(QStringLiteral("summary")).toObject().value(QStringLiteral("configTaints")).toArray(),
                 QJsonArray{QStringLiteral("high-privileges")});
        QVERIFY2(o.value(QStringLiteral("verdictText")).toString().endsWith(
                     QStringLiteral("its settings taint every guest the daemon starts: high-privileges")),
                 qPrintable(o.value(QStringLiteral("verdictText")).toString()));
        QCOMPARE(r.exitCode, clean == 5 ? 5 : 6);
    }

    // A guest using an item whose since is a range holding the host's
    // release "may be too new": its own count and exit code (5), never
    // counted with the invalid or certainly too new guests.
    void guestMaybeTooNewIsNotAProblem()
    {
        const QString item = QStringLiteral("domain/devices/tpm@model=tpm-crb");
        const QJsonObject range = showJsonOf(m_index, item).value(QLatin1String("sinceRange")).toObject();
        const vse::Version after = vse::Version::parse(range.value(QLatin1String("after")).toString());
        const vse::Version upTo = vse::Version::parse(range.value(QLatin1String("upTo")).toString());
        if (range.value(QLatin1String("exact")).toBool() || !after.isValid())
            QSKIP("the history dates tpm-crb exactly now: pick another ranged item");
        // The first release of the next major series, inside the range (1.3.5 < 2.0.0 < 7.0.0).
        const vse::Version host(after.major() + 1, 0, 0);
        QVERIFY2(after < host && host < upTo, qPrintable(host.toString()));
        const QString root = m_dir.filePath(QStringLiteral("maybe-too-new"));
        QVERIFY(writeFile(root + QStringLiteral("/installed-debs"), daemonPackageList(host.toString().toUtf8() + "-1")));
        QByteArray xml = readAll(kExamples + QStringLiteral("/testdomfc4.xml"));
        QVERIFY(xml.contains("</devices>"));
        xml.replace("</devices>", "  <tpm model='tpm-crb'><backend type='emulator' version='2.0'/></tpm>\n  </devices>");
        QVERIFY(writeFile(root + QStringLiteral("/etc/libvirt/qemu/t.xml"), xml));
        const CliRun r = runCli(m_index, {QStringLiteral("triage"), root, QStringLiteral("--format"), QStringLiteral("json")});
        QCOMPARE(r.exitCode, 5);
        const QJsonObject o = QJsonDocument::fromJson(r.out.toUtf8()).object();
        QCOMPARE(o.value(QStringLiteral("guests")).toArray().at(0).toObject().value(QStringLiteral("verdict")).toString(),
                 QStringLiteral("maybe-too-new"));
        const QJsonObject summary = o.value(QStringLiteral("summary")).toObject();
        QCOMPARE(summary.value(QStringLiteral("maybeTooNew")).toInt(), 1);
        QCOMPARE(summary.value(QStringLiteral("invalidOrTooNew")).toInt(), 0);
        QVERIFY2(o.value(QStringLiteral("verdictText")).toString().contains(
                     QLatin1String("1 may be too new, 0 invalid or too new")),
                 qPrintable(o.value(QStringLiteral("verdictText")).toString()));
    }

    // A sosreport that names no release is judged against the newest indexed
    // one, and says --host-version gives the host's; given, the guests are
    // judged against it exactly as check-xml --max-version judges the same
    // XML, and a release the sosreport does name is kept as a note.
    void hostVersionGiven()
    {
        const QString xmlFile = kExamples + QStringLiteral("/testdomfc4.xml");
        QByteArray xml = readAll(xmlFile);
        QVERIFY(xml.contains("</devices>"));
        xml.replace("</devices>", "  <tpm model='tpm-tis'><backend type='emulator' version='2.0'/></tpm>\n  </devices>");
        const QString root = m_dir.filePath(QStringLiteral("host-version"));
        QVERIFY(writeFile(root + QStringLiteral("/etc/libvirt/qemu/g.xml"), xml));
        const auto triage = [&](const QStringList &extra) {
            const CliRun r = runCli(m_index, QStringList{QStringLiteral("triage"), root, QStringLiteral("--format"),
                                                         QStringLiteral("json")} + extra);
            return QJsonDocument::fromJson(r.out.toUtf8()).object();
        };
        const auto notesWith = [](const QJsonObject &o, const QString &text) {
            QStringList found;
            for (const QJsonValue &n : o.value(QStringLiteral("notes")).toArray())
                if (n.toString().contains(text))
                    found << n.toString();
            return found;
        };
        const QJsonObject unknown = triage({});
        QVERIFY(unknown.value(QStringLiteral("libvirt")).toObject().value(QStringLiteral("version")).toString().isEmpty());
        QCOMPARE(notesWith(unknown, QStringLiteral("give the host's release with --host-version")).size(), 1);

        // The verdict check-xml gives the same document for the same release.
        const QString old = QStringLiteral("4.0.0");
        const CliRun check = runCli(m_index, {QStringLiteral("check-xml"), root + QStringLiteral("/etc/libvirt/qemu/g.xml"),
                                              QStringLiteral("--max-version"), old, QStringLiteral("--json")});
        const QString expected = QJsonDocument::fromJson(check.out.toUtf8())
                                     .object().value(QStringLiteral("verdict")).toObject().value(QStringLiteral("id")).toString();
        QVERIFY2(expected == QLatin1String("too-new") || expected == QLatin1String("maybe-too-new"), qPrintable(check.out));
        const QJsonObject given = triage({QStringLiteral("--host-version"), old});
        const QJsonObject host = given.value(QStringLiteral("libvirt")).toObject();
        QCOMPARE(host.value(QStringLiteral("version")).toString(), old);
        QCOMPARE(host.value(QStringLiteral("evidence")).toString(), QStringLiteral("given with --host-version"));
        QCOMPARE(given.value(QStringLiteral("guests")).toArray().at(0).toObject().value(QStringLiteral("verdict")).toString(), expected);
        QVERIFY(notesWith(given, QStringLiteral("give the host's release")).isEmpty());

        // The sosreport's own release is kept as a note, not lost.
        QVERIFY(writeFile(root + QStringLiteral("/installed-debs"), daemonPackageList("9.0.0-4+deb12u2")));
        const QJsonObject both = triage({QStringLiteral("--host-version"), old});
        QCOMPARE(both.value(QStringLiteral("libvirt")).toObject().value(QStringLiteral("version")).toString(), old);
        QCOMPARE(notesWith(both, QStringLiteral("the sosreport says libvirt 9.0.0 (installed-debs:")).size(), 1);
        QCOMPARE(triage({}).value(QStringLiteral("libvirt")).toObject().value(QStringLiteral("version")).toString(),
                 QStringLiteral("9.0.0"));
        const CliRun bad = runCli(m_index, {QStringLiteral("triage"), root, QStringLiteral("--host-version"), QStringLiteral("nine")});
        QCOMPARE(bad.exitCode, 2);
        QVERIFY2(bad.err.contains(QLatin1String("'nine'")), qPrintable(bad.err));
    }

    // A running guest without a definition: its only XML is the <domain>
    // inside libvirt's status file (run/libvirt/qemu/NAME.xml, <domstatus>).
    void transientGuestFromStatus()
    {
        const QString root = m_dir.filePath(QStringLiteral("transient"));
        QByteArray domain =
            withQemuCommandline(readAll(kExamples + QStringLiteral("/testdomfc4.xml")));
        domain.replace("<name>fc4</name>", "<name>tr1</name>");
        QVERIFY(writeFile(
            root + QStringLiteral("/run/libvirt/qemu/tr1.xml"),
            "<domstatus state='running' reason='booted' pid='4242'>\n"
            "  <monitor path='/var/lib/libvirt/qemu/domain-1-tr1/monitor.sock' type='unix'/>\n" +
                domain + "</domstatus>\n"));
        // A status file that is not XML is named, not a crash.
        QVERIFY(
            writeFile(root + QStringLiteral("/run/libvirt/qemu/broken.xml"), "<domstatus><domain"));
        const CliRun r = runCli(m_index, {QStringLiteral("triage"), root,
                                          QStringLiteral("--format"), QStringLiteral("json")});
        QVERIFY2(!r.crashed, "crashed");
        QHash<QString, QJsonObject> guests;
        for (const QJsonValue &g : QJsonDocument::fromJson(r.out.toUtf8())
                                       .object()
                                       .value(QStringLiteral("guests"))
                                       .toArray())
            guests.insert(g.toObject().value(QStringLiteral("name")).toString(), g.toObject());
        const QJsonObject tr1 = guests.value(QStringLiteral("tr1"));
        QCOMPARE(tr1.value(QStringLiteral("verdict")).toString(), QStringLiteral("tainted"));
        QVERIFY(
            tr1.value(QStringLiteral("state")).toString().contains(QStringLiteral("transient")));
        QVERIFY(tr1.value(QStringLiteral("xmlSource"))
                    .toString()
                    .startsWith(QStringLiteral("run/libvirt/qemu/tr1.xml")));
        QCOMPARE(tr1.value(QStringLiteral("namespaceExtensions")).toArray().first().toString(),
                 QStringLiteral("qemu"));
        const QJsonObject broken = guests.value(QStringLiteral("broken"));
        QCOMPARE(broken.value(QStringLiteral("verdict")).toString(), QStringLiteral("not-checked"));
        QVERIFY(broken.value(QStringLiteral("problems"))
                    .toArray()
                    .first()
                    .toString()
                    .contains(QStringLiteral("broken.xml")));
        QCOMPARE(r.exitCode, 3);
    }

    // A guest known only from its log (undefined since; its log stays) is
    // said, and its logged taints count, but it does not make the whole
    // report "could not be checked" (exit 3) as a broken definition does.
    void guestKnownOnlyFromItsLog()
    {
        const auto run = [&](const QString &name, const QByteArray &log) {
            const QString root = m_dir.filePath(name);
            writeFile(root + QStringLiteral("/installed-debs"), daemonPackageList("7.0.0-3+deb11u3"));
            writeFile(root + QStringLiteral("/var/log/libvirt/qemu/gone.log"), log);
            return runCli(m_index, {QStringLiteral("triage"), root, QStringLiteral("--format"), QStringLiteral("json")});
        };
        const QByteArray start = "2021-02-01 10:00:00.123+0000: starting up libvirt version: 7.0.0, qemu version: 5.2.0\n";
        const CliRun quiet = run(QStringLiteral("logonly-quiet"), start);
        QVERIFY2(!quiet.crashed, "crashed");
        QCOMPARE(quiet.exitCode, 0);
        const QJsonObject q = QJsonDocument::fromJson(quiet.out.toUtf8()).object();
        const QJsonObject summary = q.value(QLatin1String("summary")).toObject();
        QCOMPARE(summary.value(QLatin1String("logOnly")).toInt(), 1);
        QCOMPARE(summary.value(QLatin1String("notChecked")).toInt(), 0);
        const QJsonObject gone = q.value(QLatin1String("guests")).toArray().first().toObject();
        QCOMPARE(gone.value(QLatin1String("name")).toString(), QStringLiteral("gone"));
        QVERIFY(gone.value(QLatin1String("logOnly")).toBool());
        QCOMPARE(gone.value(QLatin1String("verdict")).toString(), QStringLiteral("not-checked"));

        const CliRun tainted =
            run(QStringLiteral("logonly-tainted"), start + "2021-02-01 10:00:00.456+0000: Domain id=1 is tainted: custom-argv\n");
        QCOMPARE(tainted.exitCode, 6);
        const QJsonObject t = QJsonDocument::fromJson(tainted.out.toUtf8()).object();
        QCOMPARE(t.value(QLatin1String("guests")).toArray().first().toObject().value(QLatin1String("taints")).toArray()
                     .first().toObject().value(QLatin1String("reason")).toString(),
                 QStringLiteral("custom-argv"));
        const CliRun text = runCli(m_index, {QStringLiteral("triage"), m_dir.filePath(QStringLiteral("logonly-tainted"))});
        QVERIFY2(text.out.contains(QLatin1String("0 not checked (and 1 known only from a log);")), qPrintable(text.out));
        QVERIFY2(text.out.contains(QLatin1String("no XML of this guest in the sosreport (only its log)")), qPrintable(text.out));
        // The guest's own headline names its taint too (it said only "not checked").
        QVERIFY2(text.out.contains(QLatin1String("* gone: not checked: no XML of this guest in the sosreport (only its log); "
                                                 "also tainted: custom-argv\n")),
                 qPrintable(text.out));
        QVERIFY(t.value(QLatin1String("guests")).toArray().first().toObject().value(QLatin1String("verdictText")).toString()
                    .endsWith(QLatin1String("; also tainted: custom-argv")));
    }

    // A guest written for a libvirt newer than the index, using an element
    // the installed schemas lack (pstore on 9.0.0): on a host of that later
    // release the report says the schema errors may be the schema's age;
    // on a host of the installed release the element is newer than the host.
    void guestNewerThanTheIndex()
    {
        VSE_REQUIRE_NEWER_XML_ELEMENT(e, m_index);
        const QString upTo = showJsonOf(m_index, e.path)
                                 .value(QLatin1String("sinceRange"))
                                 .toObject()
                                 .value(QLatin1String("upTo"))
                                 .toString();
        QVERIFY(!upTo.isEmpty());
        const auto report = [&](const QString &host) {
            const QString root = m_dir.filePath(QStringLiteral("newer-") + host);
            writeFile(root + QStringLiteral("/installed-debs"), daemonPackageList(host.toUtf8() + "-1"));
            writeFile(root + QStringLiteral("/etc/libvirt/qemu/n.xml"), e.document);
            const CliRun r = runCli(m_index, {QStringLiteral("triage"), root, QStringLiteral("--format"),
                                              QStringLiteral("json")});
            const QJsonArray guests =
                QJsonDocument::fromJson(r.out.toUtf8()).object().value(QLatin1String("guests")).toArray();
            return guests.isEmpty() ? QJsonObject() : guests.first().toObject();
        };
        const int line = lineOf(e.document, qPrintable(QLatin1Char('<') + e.path.section(QLatin1Char('/'), 1, 1)));

        const QJsonObject later = report(upTo);
        QCOMPARE(later.value(QLatin1String("verdict")).toString(), QStringLiteral("invalid"));
        const QJsonObject laterVerdict = later.value(QLatin1String("xmlCheck")).toObject().value(QLatin1String("verdict")).toObject();
        QCOMPARE(laterVerdict.value(QLatin1String("newerThanSchema")).toInt(), 1);
        QVERIFY2(laterVerdict.value(QLatin1String("text")).toString().contains(
                     QStringLiteral("perhaps only because the schema predates 1 item(s) it uses (%1)").arg(e.path)),
                 qPrintable(laterVerdict.value(QLatin1String("text")).toString()));
        QVERIFY(later.value(QLatin1String("newerThanHost")).toArray().isEmpty());
        const QJsonDocument laterDoc(later);
        QVERIFY2(!laterDoc.toJson().contains("not in the schema index"), laterDoc.toJson().constData());

        const QJsonObject same = report(e.installed);
        QCOMPARE(same.value(QLatin1String("verdict")).toString(), QStringLiteral("invalid"));
        const QJsonArray newer = same.value(QLatin1String("newerThanHost")).toArray();
        QVERIFY(!newer.isEmpty());
        const bool exact = !e.sinceText.contains(QChar(0x2264));
        QCOMPARE(newer.first().toString(), QStringLiteral("line %1: %2 %3 %4")
                                               .arg(line)
                                               .arg(e.path, exact ? QStringLiteral("since")
                                                                  : QStringLiteral("came after the host:"),
                                                    e.sinceText));
    }

    // Everything under PATH is untrusted: each bad input is a line of the
    // report, nothing outside PATH is read, and a huge log costs its tail only.
    void hostileTree()
    {
        const QString root = makeTree(QStringLiteral("hostile"));
        // A 2 GiB sparse log whose last line is a taint record.
        const QString big = root + QStringLiteral("/var/log/libvirt/qemu/big.log");
        {
            QFile f(big);
            QVERIFY(f.open(QIODevice::WriteOnly));
            QVERIFY(f.resize(qint64(2) * 1024 * 1024 * 1024));
        }
        {
            QFile f(big);
            QVERIFY(f.open(QIODevice::Append));
            f.write("\n2021-02-01 12:00:00.000+0000: Domain id=7 is tainted: custom-monitor\n");
        }
        // Binary where XML is expected.
        QByteArray binary("\x7f"
                          "ELF\x02\x01\x01",
                          7);
        binary.append(4096, '\0');
        QVERIFY(writeFile(root + QStringLiteral("/etc/libvirt/qemu/bin.xml"), binary));
        // Symbolic links out of the tree: a guest's XML, a package list, a whole folder.
        const QString outside = m_dir.filePath(QStringLiteral("outside"));
        QVERIFY(writeFile(
            outside + QStringLiteral("/secret.xml"),
            readAll(kExamples + QStringLiteral("/testdomfv0.xml")).replace("fv0", "secretguest")));
        QVERIFY(writeFile(outside + QStringLiteral("/installed-rpms"),
                          "libvirt-daemon-1.2.3-1.el7.x86_64\n"));
        QVERIFY(QFile::link(outside + QStringLiteral("/secret.xml"),
                            root + QStringLiteral("/etc/libvirt/qemu/escape.xml")));
        QVERIFY(QFile::link(outside + QStringLiteral("/installed-rpms"),
                            root + QStringLiteral("/installed-rpms")));
        QVERIFY(QFile::link(outside, root + QStringLiteral("/etc/libvirt/lxc")));

        const CliRun r = runCli(
            m_index,
            {QStringLiteral("triage"), root, QStringLiteral("--format"), QStringLiteral("json")},
            60000);
        QVERIFY2(!r.crashed, "hung or crashed");
        QCOMPARE(r.exitCode, 3); // a guest could not be checked
        QVERIFY2(!r.out.contains(QStringLiteral("secretguest")),
                 "read a file outside the sosreport");
        const QJsonObject o = QJsonDocument::fromJson(r.out.toUtf8()).object();
        QCOMPARE(o.value(QStringLiteral("libvirt"))
                     .toObject()
                     .value(QStringLiteral("version"))
                     .toString(),
                 QStringLiteral("7.0.0"));
        const QStringList problems = o.value(QStringLiteral("problems")).toVariant().toStringList();
        const auto mentions = [&](const QString &what, const QString &why) {
            for (const QString &p : problems)
                if (p.contains(what) && p.contains(why))
                    return true;
            return false;
        };
        QVERIFY2(mentions(QStringLiteral("installed-rpms"), QStringLiteral("outside")),
                 qPrintable(problems.join(u'\n')));
        QVERIFY2(mentions(QStringLiteral("etc/libvirt/lxc"), QStringLiteral("outside")),
                 qPrintable(problems.join(u'\n')));
        QHash<QString, QJsonObject> guests;
        for (const QJsonValue &g : o.value(QStringLiteral("guests")).toArray())
            guests.insert(g.toObject().value(QStringLiteral("name")).toString(), g.toObject());
        const QJsonObject bin = guests.value(QStringLiteral("bin")),
                          escape = guests.value(QStringLiteral("escape")),
                          bigGuest = guests.value(QStringLiteral("big"));
        QCOMPARE(bin.value(QStringLiteral("verdict")).toString(), QStringLiteral("not-checked"));
        QVERIFY2(bin.value(QStringLiteral("problems"))
                     .toArray()
                     .first()
                     .toString()
                     .contains(QStringLiteral("bin.xml")),
                 QJsonDocument(bin).toJson().constData());
        QCOMPARE(escape.value(QStringLiteral("verdict")).toString(), QStringLiteral("not-checked"));
        QVERIFY2(escape.value(QStringLiteral("problems"))
                     .toArray()
                     .first()
                     .toString()
                     .contains(QStringLiteral("outside")),
                 QJsonDocument(escape).toJson().constData());
        // The big log: its last line is found, and the report says only the tail was read.
        const QJsonArray taints = bigGuest.value(QStringLiteral("taints")).toArray();
        QCOMPARE(taints.size(), 1);
        QCOMPARE(taints.first().toObject().value(QStringLiteral("reason")).toString(),
                 QStringLiteral("custom-monitor"));
        QVERIFY(bigGuest.value(QStringLiteral("notes"))
                    .toArray()
                    .first()
                    .toString()
                    .contains(QStringLiteral("last 1048576 bytes")));
        // The other guests are still reported as before.
        QCOMPARE(
            o.value(QStringLiteral("summary")).toObject().value(QStringLiteral("guests")).toInt(),
            5);
    }
};

QTEST_GUILESS_MAIN(TestTriage)
#include "tst_triage.moc"
