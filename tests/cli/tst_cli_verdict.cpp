// check-xml's verdict (first line, exit code, JSON verdict and groups) and
// search --newer-than, through the real CLI on an index of the installed
// libvirt. Expected output is built from the index's SQL tables and the
// policy data, never from the tool's own output.
#include "clirunner.h"
#include "sqlrows.h"
#include "testdata.h"

#include "model/policy.h"
#include "model/version.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>

using namespace vse;
using namespace vse::testdata;

namespace {

// A guest with an interface script (libvirt's shell-scripts taint) and
// <qemu:commandline> (custom-argv): lines 7 and 10-11 matter.
const char kTaintedDomain[] =
    "<domain type='kvm' xmlns:qemu='http://libvirt.org/schemas/domain/qemu/1.0'>\n"
    "  <name>demo</name>\n"
    "  <memory unit='KiB'>1048576</memory>\n"
    "  <os><type arch='x86_64'>hvm</type></os>\n"
    "  <devices>\n"
    "    <interface type='ethernet'>\n"
    "      <script path='/etc/qemu-ifup'/>\n"
    "    </interface>\n"
    "  </devices>\n"
    "  <qemu:commandline>\n"
    "    <qemu:arg value='-no-reboot'/>\n"
    "  </qemu:commandline>\n"
    "</domain>\n";

// The since as the README defines its text: "X", "A < since ≤ B" or "≤ B".
QString sinceText(const QString &since, const QString &after, const QString &upTo)
{
    if (!since.isEmpty())
        return since;
    if (!after.isEmpty())
        return after + QStringLiteral(" < since \u2264 ") + upTo;
    return QStringLiteral("\u2264 ") + upTo;
}

} // namespace

class TestCliVerdict : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;
    QString m_index;

    // tier, hypervisor, since, since_after, since_upto of the newest row of an XML item.
    QStringList xmlRow(const QString &name) const
    {
        const auto rows = sqlRows(
            m_index, QStringLiteral("SELECT tier, ifnull(hypervisor,''), ifnull(since,''), "
                                    "ifnull(since_after,''), ifnull(since_upto,'') FROM items "
                                    "WHERE latest <> 0 AND name = '%1' AND kind LIKE 'xml%'")
                         .arg(name));
        return rows.isEmpty() ? QStringList() : rows.constFirst();
    }

    // "  line N     PATH  [taint T, namespace extension (H), TIER, since S]" from the index.
    QString expectedLine(int line, const QString &path, const QString &taint) const
    {
        const QStringList r = xmlRow(path);
        if (r.isEmpty())
            return QStringLiteral("(no index item %1)").arg(path);
        QStringList facts{QStringLiteral("taint ") + taint};
        const bool ns = r.at(0) == QLatin1String("namespace-extension");
        if (ns)
            facts << QStringLiteral("namespace extension (%1)").arg(r.at(1));
        facts << r.at(0);
        const QString since = sinceText(r.at(2), r.at(3), r.at(4));
        // In a sentence a range names "since" itself; "X" and "≤ B" need the word.
        facts << (r.at(3).isEmpty() || !r.at(2).isEmpty() ? QStringLiteral("since ") + since : since);
        if (!r.at(1).isEmpty() && !ns)
            facts << r.at(1);
        return QStringLiteral("  line ") + QString::number(line).leftJustified(5) +
               QLatin1Char(' ') + path + QStringLiteral("  [") + facts.join(QStringLiteral(", ")) +
               QLatin1Char(']');
    }

    QString writeDoc(const QString &name, const QByteArray &content)
    {
        const QString path = m_dir.filePath(name);
        QFile f(path);
        if (!f.open(QIODevice::WriteOnly))
            return {};
        f.write(content);
        return path;
    }

private Q_SLOTS:
    void initTestCase()
    {
        if (!QFile::exists(QStringLiteral("/usr/share/libvirt/schemas/domain.rng")))
            QSKIP("libvirt schemas are not installed");
        m_index = m_dir.filePath(QStringLiteral("index.sqlite"));
        const CliRun r = runCli(
            m_index, {QStringLiteral("index"), QStringLiteral("--source"), QStringLiteral("/")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    }

    // The verdict line comes first, a taint is never "clean", exit code 6.
    void checkXmlTaintedVerdictFirst()
    {
        const QString doc = writeDoc(QStringLiteral("tainted.xml"), kTaintedDomain);
        // libvirt's own schema has the element the shell-scripts taint is about.
        QVERIFY(!xmlRow(QStringLiteral("domain/devices/interface/script")).isEmpty());
        const CliRun r = runCli(m_index, {QStringLiteral("check-xml"), doc});
        QCOMPARE(r.exitCode, 6);
        const Policy &policy = Policy::instance();
        const QStringList expected{
            doc + QStringLiteral(": supported but tainted: shell-scripts, custom-argv; uses "
                                 "namespace extensions (qemu)"),
            QStringLiteral("  Taint: shell-scripts \u2014 ") +
                policy.taintReason(QStringLiteral("shell-scripts")).meaning,
            QStringLiteral("  Taint: custom-argv \u2014 ") +
                policy.taintReason(QStringLiteral("custom-argv")).meaning,
            QStringLiteral("  Namespace extensions: ") +
                policy.tier(QStringLiteral("namespace-extension")).rule,
            QStringLiteral("  Validated against /usr/share/libvirt/schemas/domain.rng: valid"),
            expectedLine(7, QStringLiteral("domain/devices/interface/script"),
                         QStringLiteral("shell-scripts")),
            expectedLine(7, QStringLiteral("domain/devices/interface/script@path"),
                         QStringLiteral("shell-scripts")),
            expectedLine(10, QStringLiteral("domain/qemu:commandline"),
                         QStringLiteral("custom-argv")),
            expectedLine(11, QStringLiteral("domain/qemu:commandline/qemu:arg"),
                         QStringLiteral("custom-argv")),
            expectedLine(11, QStringLiteral("domain/qemu:commandline/qemu:arg@value"),
                         QStringLiteral("custom-argv")),
        };
        QCOMPARE(r.out, expected.join(QLatin1Char('\n')) + QLatin1Char('\n'));

        // JSON: the same verdict and one group per node; the old fields stay.
        const CliRun j =
            runCli(m_index, {QStringLiteral("check-xml"), doc, QStringLiteral("--json")});
        QCOMPARE(j.exitCode, 6);
        const QJsonObject o = QJsonDocument::fromJson(j.out.toUtf8()).object();
        const QJsonObject verdict = o.value(QLatin1String("verdict")).toObject();
        QCOMPARE(verdict.value(QLatin1String("id")).toString(), QStringLiteral("tainted"));
        QCOMPARE(verdict.value(QLatin1String("text")).toString(),
                 expected.constFirst().mid(doc.size() + 2));
        const QJsonArray reasons = verdict.value(QLatin1String("taints")).toArray();
        QCOMPARE(reasons.size(), 2);
        QCOMPARE(reasons.at(0).toObject().value(QLatin1String("reason")).toString(),
                 QStringLiteral("shell-scripts"));
        QCOMPARE(
            reasons.at(0).toObject().value(QLatin1String("nodes")).toArray().first().toString(),
            QStringLiteral("domain/devices/interface/script"));
        QVERIFY(reasons.at(0)
                    .toObject()
                    .value(QLatin1String("sources"))
                    .toArray()
                    .first()
                    .toString()
                    .contains(QLatin1String("qemuDomainObjCheckNetTaint")));
        QCOMPARE(o.value(QLatin1String("exitCode")).toInt(), 6);
        QCOMPARE(o.value(QLatin1String("taints")).toArray().size(), 2);
        QVERIFY(o.value(QLatin1String("valid")).toBool());
        // One group per node: the qemu:commandline element carries all its facts.
        int commandline = 0;
        for (const QJsonValue &g : o.value(QLatin1String("groups")).toArray()) {
            const QJsonObject n = g.toObject();
            if (n.value(QLatin1String("path")).toString() !=
                QLatin1String("domain/qemu:commandline"))
                continue;
            ++commandline;
            QVERIFY(n.value(QLatin1String("namespaceExtension")).toBool());
            QCOMPARE(n.value(QLatin1String("taints")).toArray(),
                     QJsonArray{QStringLiteral("custom-argv")});
            QCOMPARE(n.value(QLatin1String("line")).toInt(), 10);
        }
        QCOMPARE(commandline, 1);

        // Too new for an old release: that verdict wins, the taints are still named.
        const CliRun old =
            runCli(m_index, {QStringLiteral("check-xml"), doc, QStringLiteral("--max-version"),
                             QStringLiteral("0.8.2")});
        QCOMPARE(old.exitCode, 1);
        QVERIFY2(old.out.startsWith(doc + QStringLiteral(": too new for libvirt 0.8.2: ")),
                 qPrintable(old.out));
        QVERIFY2(old.out.section(QLatin1Char('\n'), 0, 0)
                     .endsWith(QLatin1String("; also tainted: shell-scripts, custom-argv; uses "
                                             "namespace extensions (qemu)")),
                 qPrintable(old.out));

        // Without the taints and the namespace: supported as is, exit 0.
        QByteArray plain(kTaintedDomain);
        plain.replace("      <script path='/etc/qemu-ifup'/>\n", "");
        plain.replace(
            "  <qemu:commandline>\n    <qemu:arg value='-no-reboot'/>\n  </qemu:commandline>\n",
            "");
        const QString clean = writeDoc(QStringLiteral("clean.xml"), plain);
        const CliRun ok = runCli(m_index, {QStringLiteral("check-xml"), clean});
        QCOMPARE(ok.exitCode, 0);
        QVERIFY2(ok.out.startsWith(clean + QStringLiteral(": supported as is\n")),
                 qPrintable(ok.out));
    }

    // <cpu mode='host-passthrough'> taints only on incoming migration
    // (qemuDomainObjCheckCPUTaint's incomingMigration): the verdict says so.
    // One attribute with a different value on each of three elements: each
    // value is its own line, with its own since, first line and count; the
    // too-new one is named, the older ones are not called too new. Sinces
    // are the index's (sqlite), the target lies between them.
    void checkXmlSeveralValuesOfOneAttribute()
    {
        const QStringList usb = xmlRow(QStringLiteral("domain/devices/controller@type=usb"));
        const QStringList pci = xmlRow(QStringLiteral("domain/devices/controller@type=pci"));
        const QStringList ide = xmlRow(QStringLiteral("domain/devices/controller@type=ide"));
        QVERIFY(!usb.isEmpty() && !pci.isEmpty() && !ide.isEmpty());
        const Version target(1, 0, 0);
        QVERIFY(!(target < Version::parse(usb.at(2))) && !(target < Version::parse(ide.at(2))));
        QVERIFY(target < Version::parse(pci.at(2)));
        const QString doc = writeDoc(QStringLiteral("controllers.xml"), R"(<domain type='kvm'>
  <name>c</name>
  <memory unit='KiB'>219136</memory>
  <os><type arch='x86_64'>hvm</type></os>
  <devices>
    <controller type='usb' index='0'/>
    <controller type='pci' index='0' model='pci-root'/>
    <controller type='ide' index='0'/>
    <controller type='ide' index='1'/>
  </devices>
</domain>
)");
        const CliRun r = runCli(m_index, {QStringLiteral("check-xml"), doc, QStringLiteral("--max-version"),
                                          QStringLiteral("1.0.0"), QStringLiteral("--all")});
        QCOMPARE(r.exitCode, 1);
        const auto line = [](int n, const QString &path, const QString &facts) -> QString {
            return QStringLiteral("  line ") + QString::number(n).leftJustified(5) + QLatin1Char(' ') + path +
                   QStringLiteral("  [") + facts + QLatin1Char(']');
        };
        QVERIFY2(r.out.contains(line(7, QStringLiteral("domain/devices/controller@type=pci"),
                                     QStringLiteral("too new for 1.0.0, stable, since ") + pci.at(2))),
                 qPrintable(r.out));
        QVERIFY2(r.out.contains(line(6, QStringLiteral("domain/devices/controller@type=usb"),
                                     QStringLiteral("stable, since ") + usb.at(2))),
                 qPrintable(r.out));
        QVERIFY2(r.out.contains(line(8, QStringLiteral("domain/devices/controller@type=ide"),
                                     QStringLiteral("stable, since ") + ide.at(2) + QStringLiteral(", 2 times"))),
                 qPrintable(r.out));
        // The attribute alone says nothing its values do not.
        QVERIFY2(!r.out.contains(QLatin1String("domain/devices/controller@type  [")), qPrintable(r.out));
        // The verdict counts lines: pci and pci-root.
        QVERIFY2(r.out.startsWith(doc + QStringLiteral(": too new for libvirt 1.0.0: 2 item(s) newer")), qPrintable(r.out));
    }

    // Certainly too new and perhaps too new in one document: the verdict
    // counts both (fixing the first does not make it supported); the counts
    // are the lines the text marks, and the JSON's.
    void checkXmlVerdictCountsTheMaybeTooNew()
    {
        const QString doc = writeDoc(QStringLiteral("audio.xml"), R"(<domain type='kvm'>
  <name>a</name>
  <memory unit='KiB'>219136</memory>
  <os><type arch='x86_64'>hvm</type></os>
  <cpu mode='host-model' check='partial'/>
  <devices>
    <audio id='1' type='none'/>
  </devices>
</domain>
)");
        const QStringList args{QStringLiteral("check-xml"), doc, QStringLiteral("--max-version"), QStringLiteral("4.5.0")};
        const CliRun r = runCli(m_index, args);
        QCOMPARE(r.exitCode, 1);
        const qsizetype tooNew = r.out.count(QLatin1String("  [too new for 4.5.0, "));
        const qsizetype maybe = r.out.count(QLatin1String("  [may be too new for 4.5.0, "));
        QVERIFY2(tooNew > 0 && maybe > 0, qPrintable(r.out));
        QVERIFY2(r.out.startsWith(doc + QStringLiteral(": too new for libvirt 4.5.0: %1 item(s) newer, %2 more may be "
                                                       "(their since range includes it)\n")
                                            .arg(tooNew)
                                            .arg(maybe)),
                 qPrintable(r.out));
        const CliRun j = runCli(m_index, args + QStringList{QStringLiteral("--json")});
        const QJsonObject verdict = QJsonDocument::fromJson(j.out.toUtf8()).object().value(QLatin1String("verdict")).toObject();
        QCOMPARE(verdict.value(QLatin1String("tooNew")).toInt(), int(tooNew));
        QCOMPARE(verdict.value(QLatin1String("maybeTooNew")).toInt(), int(maybe));
        QVERIFY(verdict.value(QLatin1String("text")).toString().contains(QLatin1String(" more may be ")));
    }

    void checkXmlConditionalTaint()
    {
        const QString doc = writeDoc(QStringLiteral("passthrough.xml"),
                                     "<domain type='kvm'>\n  <name>demo</name>\n  <memory unit='KiB'>1048576</memory>\n"
                                     "  <cpu mode='host-passthrough'/>\n  <os><type arch='x86_64'>hvm</type></os>\n"
                                     "</domain>\n");
        QString condition;
        for (const TaintTrigger &t : Policy::instance().taintTriggers())
            if (t.name == QLatin1String("domain/cpu@mode=host-passthrough")) {
                condition = t.condition;
                QVERIFY(t.source.contains(QLatin1String("incoming migration")));
            }
        QVERIFY(!condition.isEmpty());
        const CliRun r = runCli(m_index, {QStringLiteral("check-xml"), doc});
        QCOMPARE(r.exitCode, 6);
        QVERIFY2(r.out.startsWith(doc + QStringLiteral(": supported but tainted: host-cpu (") + condition +
                                  QStringLiteral(")\n")),
                 qPrintable(r.out));
        const CliRun j = runCli(m_index, {QStringLiteral("check-xml"), doc, QStringLiteral("--json")});
        const QJsonObject reason = QJsonDocument::fromJson(j.out.toUtf8())
                                       .object()
                                       .value(QLatin1String("verdict"))
                                       .toObject()
                                       .value(QLatin1String("taints"))
                                       .toArray()
                                       .first()
                                       .toObject();
        QCOMPARE(reason.value(QLatin1String("reason")).toString(), QStringLiteral("host-cpu"));
        QCOMPARE(reason.value(QLatin1String("condition")).toString(), condition);
    }

    // A running guest's status file (run/libvirt/qemu/NAME.xml, libvirt's
    // private <domstatus>): check-xml said "no libvirt schema has the root
    // element <domstatus>" and exit 3. Its <domain> is checked on the
    // file's own lines, and the taints libvirt recorded there make the
    // verdict, unconditionally. The file is one of libvirt 9.0.0's own
    // (tests/qemustatusxml2xmldata); every expectation is read from it.
    void checkXmlReadsAGuestsStatusFile()
    {
        const QByteArray status = fileOfTarball(QStringLiteral("9.0.0"),
                                                QStringLiteral("tests/qemustatusxml2xmldata/migration-in-params-in.xml"));
        if (status.isEmpty()) {
            if (inCi())
                QFAIL("libvirt_9.0.0.orig.tar.xz is not in $VSE_SOURCES_DIR");
            QSKIP("libvirt_9.0.0.orig.tar.xz is not in $VSE_SOURCES_DIR");
        }
        const QString doc = writeDoc(QStringLiteral("guest-status.xml"), status);
        const QList<QByteArray> lines = status.split('\n');
        QHash<QString, int> recorded; // flag -> line
        int domainLine = 0, domainEnd = 0, actual = 0;
        static const QRegularExpression flagRe(QStringLiteral("^\\s*<taint flag='([a-z-]+)'/>"));
        for (qsizetype i = 0; i < lines.size(); ++i) {
            const QString l = QString::fromUtf8(lines.at(i));
            if (const auto m = flagRe.match(l); m.hasMatch() && domainLine == 0)
                recorded.insert(m.captured(1), int(i + 1));
            if (domainLine == 0 && l.trimmed().startsWith(QLatin1String("<domain ")))
                domainLine = int(i + 1);
            if (l.trimmed() == QLatin1String("</domain>"))
                domainEnd = int(i + 1);
            actual += l.trimmed().startsWith(QLatin1String("<actual ")) ? 1 : 0;
        }
        static const QRegularExpression stateRe(QStringLiteral("<domstatus state='([a-z]+)'"));
        const QString state = stateRe.match(QString::fromUtf8(status)).captured(1);
        QVERIFY(recorded.size() >= 2 && domainLine > 0 && domainEnd > domainLine && actual > 0 && !state.isEmpty());

        const CliRun j = runCli(m_index, {QStringLiteral("check-xml"), doc, QStringLiteral("--json")});
        const QJsonObject o = QJsonDocument::fromJson(j.out.toUtf8()).object();
        QVERIFY2(o.value(QLatin1String("valid")).toBool(), qPrintable(j.out.left(2000)));
        QCOMPARE(j.exitCode, 6);
        const QJsonObject verdict = o.value(QLatin1String("verdict")).toObject();
        QCOMPARE(verdict.value(QLatin1String("id")).toString(), QStringLiteral("tainted"));
        QHash<QString, int> inVerdict;
        for (const QJsonValue &t : verdict.value(QLatin1String("taints")).toArray())
            if (t.toObject().contains(QLatin1String("recordedLine"))) {
                inVerdict.insert(t[QLatin1String("reason")].toString(), t[QLatin1String("recordedLine")].toInt());
                QVERIFY(!t.toObject().contains(QLatin1String("condition")));
            }
        QCOMPARE(inVerdict, recorded);
        const QJsonObject file = o.value(QLatin1String("statusFile")).toObject();
        QCOMPARE(file.value(QLatin1String("state")).toString(), state);
        QCOMPARE(file.value(QLatin1String("domainLine")).toInt(), domainLine);
        QHash<QString, int> inFile;
        for (const QJsonValue &t : file.value(QLatin1String("recordedTaints")).toArray())
            inFile.insert(t[QLatin1String("flag")].toString(), t[QLatin1String("line")].toInt());
        QCOMPARE(inFile, recorded);
        QVERIFY(file.value(QLatin1String("setAside")).toArray().contains(QStringLiteral("interface/actual (%1)").arg(actual)));
        const QJsonArray taints = o.value(QLatin1String("taints")).toArray();
        for (auto it = recorded.cbegin(); it != recorded.cend(); ++it)
            QVERIFY2(taints.contains(it.key()), qPrintable(it.key()));
        // Findings are about the <domain>, on the status file's own lines.
        const QJsonArray groups = o.value(QLatin1String("groups")).toArray();
        QVERIFY(!groups.isEmpty());
        for (const QJsonValue &g : groups) {
            const int line = g[QLatin1String("line")].toInt();
            QVERIFY2(line >= domainLine && line <= domainEnd, qPrintable(QString::number(line)));
            QVERIFY(g[QLatin1String("path")].toString().startsWith(QLatin1String("domain")));
        }

        const CliRun r = runCli(m_index, {QStringLiteral("check-xml"), doc});
        QCOMPARE(r.exitCode, 6);
        QVERIFY2(r.out.startsWith(doc + QStringLiteral(": supported but tainted: ")), qPrintable(r.out.left(500)));
        const QString head = r.out.section(QLatin1Char('\n'), 0, 0);
        for (auto it = recorded.cbegin(); it != recorded.cend(); ++it) {
            QVERIFY2(head.contains(it.key() + QStringLiteral(" (recorded by libvirt)")), qPrintable(head));
            QVERIFY2(r.out.contains(QStringLiteral("  Taint: %1 \u2014 %2 (recorded by libvirt for the running guest, line %3)\n")
                                        .arg(it.key(), Policy::instance().taintReason(it.key()).meaning)
                                        .arg(it.value())),
                     qPrintable(r.out.left(2000)));
        }
        QVERIFY2(r.out.contains(QStringLiteral("  Status file of an active guest (state: %1): its <domain>, from line %2, is "
                                               "what was checked\n")
                                    .arg(state)
                                    .arg(domainLine)),
                 qPrintable(r.out.left(2000)));

        // A status file without its <domain> is not checked (exit 3), said so.
        const QString empty = writeDoc(QStringLiteral("no-domain.xml"),
                                       "<domstatus state='running'>\n  <taint flag='custom-argv'/>\n</domstatus>\n");
        const CliRun e = runCli(m_index, {QStringLiteral("check-xml"), empty});
        QCOMPARE(e.exitCode, 3);
        QVERIFY2(e.err.startsWith(empty + QStringLiteral(":1: error: a guest's status file (<domstatus>) without its <domain>")),
                 qPrintable(e.out + e.err));
    }

    // A namespace extension that taints nothing (<lxc:namespace>): its own verdict, exit 7.
    void checkXmlNamespaceExtensionOnly()
    {
        const QString doc = writeDoc(QStringLiteral("lxc.xml"),
                                     "<domain type='lxc' xmlns:lxc='http://libvirt.org/schemas/domain/lxc/1.0'>\n"
                                     "  <name>c</name>\n  <memory>102400</memory>\n"
                                     "  <os><type>exe</type><init>/bin/sh</init></os>\n  <devices/>\n"
                                     "  <lxc:namespace>\n    <lxc:sharenet type='netns' value='red'/>\n"
                                     "  </lxc:namespace>\n</domain>\n");
        // The index says lxc:namespace is a namespace extension and taints nothing.
        const auto rows = sqlRows(m_index, QStringLiteral("SELECT tier, ifnull(taints,'') FROM items WHERE latest <> 0 "
                                                          "AND name LIKE 'domain/lxc:namespace%'"));
        QVERIFY(!rows.isEmpty());
        for (const QStringList &r : rows) {
            QCOMPARE(r.at(0), QStringLiteral("namespace-extension"));
            QVERIFY(r.at(1).isEmpty() || r.at(1) == QLatin1String("[]"));
        }
        const CliRun r = runCli(m_index, {QStringLiteral("check-xml"), doc});
        QCOMPARE(r.exitCode, 7);
        QVERIFY2(r.out.startsWith(doc + QStringLiteral(": supported but uses namespace extensions (lxc): no long-term "
                                                       "guarantee\n")),
                 qPrintable(r.out));
    }

    // Every catalogue trigger that is an API or an XML path reaches the
    // index items it names (and an element's descendants); reasons set only
    // by host conditions or configuration say so in their triggers.
    void everyInterfaceTriggerReachesItsItems()
    {
        int reached = 0;
        QSet<QString> reasonsWithInterfaces;
        for (const TaintTrigger &t : Policy::instance().taintTriggers()) {
            if (t.match != QLatin1String("api") && t.match != QLatin1String("xml")) {
                QVERIFY2(t.match == QLatin1String("host") || t.match == QLatin1String("config"),
                         qPrintable(t.match));
                QVERIFY2(t.source.contains(QLatin1String(".c:")) ||
                             t.source.contains(QLatin1String(".h:")),
                         qPrintable(t.source)); // a file:line of libvirt's source
                continue;
            }
            reasonsWithInterfaces.insert(t.taint);
            QString escaped = t.name;
            escaped.replace(QLatin1Char('\''), QStringLiteral("''"));
            const auto rows =
                sqlRows(m_index, QStringLiteral(
                                     "SELECT name, ifnull(taints,'') FROM items WHERE latest <> 0 "
                                     "AND (name = '%1' OR name LIKE '%1/%' OR name LIKE '%1@%')")
                                     .arg(escaped));
            for (const QStringList &r : rows) {
                QVERIFY2(r.at(1).contains(QLatin1Char('"') + t.taint + QLatin1Char('"')),
                         qPrintable(r.at(0) + QStringLiteral(" lacks ") + t.taint));
                ++reached;
            }
        }
        QVERIFY(reached > 20);
        // libvirt's shell-scripts taint (qemuDomainObjCheckNetTaint) is one of them.
        QVERIFY(reasonsWithInterfaces.contains(QStringLiteral("shell-scripts")));
        QCOMPARE(sqlRows(m_index, QStringLiteral("SELECT taints FROM items WHERE latest <> 0 AND "
                                                 "name = 'domain/devices/interface/script'"))
                     .value(0)
                     .value(0),
                 QStringLiteral("[\"shell-scripts\"]"));
        // Every reason has a trigger of some kind.
        for (const TaintReason &r : Policy::instance().taintReasons()) {
            bool any = false;
            for (const TaintTrigger &t : Policy::instance().taintTriggers())
                any |= t.taint == r.id;
            QVERIFY2(any, qPrintable(r.id));
        }
    }

    // search --newer-than 6.0.0: exactly the functions whose since range
    // lies after 6.0.0 (certainly) or contains it (maybe), from SQL.
    void searchNewerThan()
    {
        const Version target = Version::parse(QStringLiteral("6.0.0"));
        struct Row
        {
            QString name, tier, since, after, upTo;
            bool tainted, removed, certain;
            QString notIn; // the release history's row of an item newer than the indexed releases
        };
        QList<Row> expected;
        for (const QStringList &r :
             sqlRows(m_index, QStringLiteral(
                                  "SELECT name, tier, ifnull(since,''), ifnull(since_after,''), "
                                  "ifnull(since_upto,''), ifnull(tainted,0), ifnull(removed_in,''), "
                                  "ifnull(json_extract(attrs, '$.newerThanIndexed'), '') "
                                  "FROM items WHERE latest <> 0 AND kind = 'function'"))) {
            const Version upTo = Version::parse(r.at(4));
            if (!upTo.isValid() || !(target < upTo))
                continue; // unknown, or present by 6.0.0
            const Version after = Version::parse(r.at(3));
            const bool certain = !r.at(2).isEmpty() || (after.isValid() && !(after < target));
            expected.append({r.at(0), r.at(1), r.at(2), r.at(3), r.at(4),
                             r.at(5) != QLatin1String("0"), !r.at(6).isEmpty(), certain, r.at(7)});
        }
        QVERIFY2(expected.size() > 15, "9.0.0 has a few dozen functions added after 6.0.0");
        // Certainly newer first, then by since (upper end, then lower end), then name.
        std::sort(expected.begin(), expected.end(), [](const Row &a, const Row &b) {
            if (a.certain != b.certain)
                return a.certain;
            const Version ua = Version::parse(a.upTo), ub = Version::parse(b.upTo);
            if (ua != ub)
                return ua < ub;
            const bool ea = !a.since.isEmpty(), eb = !b.since.isEmpty();
            if (ea != eb)
                return eb;
            const Version la = Version::parse(a.after), lb = Version::parse(b.after);
            if (la != lb)
                return !la.isValid() || (lb.isValid() && la < lb);
            return a.name < b.name;
        });
        QString text;
        for (const Row &r : expected)
            text += r.name.leftJustified(48) + QLatin1Char(' ') +
                    QStringLiteral("function").leftJustified(13) + QLatin1Char(' ') +
                    r.tier.leftJustified(20) + QLatin1Char(' ') +
                    sinceText(r.since, r.after, r.upTo).leftJustified(9) +
                    (r.tainted ? QStringLiteral("  [taints]") : QString()) +
                    (r.removed ? QStringLiteral("  [removed]") : QString()) +
                    (r.notIn.isEmpty() ? QString() : QStringLiteral("  [not in %1]").arg(r.notIn)) +
                    (r.certain ? QStringLiteral("  [newer than 6.0.0]")
                               : QStringLiteral("  [may be newer than 6.0.0]")) +
                    QLatin1Char('\n');
        const CliRun t = runCli(m_index, {QStringLiteral("search"), QStringLiteral("--newer-than"),
                                          QStringLiteral("6.0.0"), QStringLiteral("--kind"),
                                          QStringLiteral("function"), QStringLiteral("--limit"),
                                          QStringLiteral("0")});
        QCOMPARE(t.exitCode, 0);
        QCOMPARE(t.out, text);

        // JSON: the same set, "newer" telling certainly from maybe.
        const CliRun j = runCli(m_index, {QStringLiteral("search"), QStringLiteral("--newer-than"),
                                          QStringLiteral("6.0.0"), QStringLiteral("--kind"),
                                          QStringLiteral("function"), QStringLiteral("--limit"),
                                          QStringLiteral("0"), QStringLiteral("--json")});
        QCOMPARE(j.exitCode, 0);
        QHash<QString, QString> newer;
        for (const QJsonValue &v : QJsonDocument::fromJson(j.out.toUtf8()).array())
            newer.insert(v.toObject().value(QLatin1String("name")).toString(),
                         v.toObject().value(QLatin1String("newer")).toString());
        QCOMPARE(newer.size(), expected.size());
        for (const Row &r : expected)
            QCOMPARE(newer.value(r.name),
                     r.certain ? QStringLiteral("certainly") : QStringLiteral("maybe"));

        // With a QUERY: only the newer matches (virDomainGetGuestInfo is 5.7.0: not listed).
        const CliRun q =
            runCli(m_index, {QStringLiteral("search"), QStringLiteral("virDomainGetGuestInfo"),
                             QStringLiteral("--newer-than"), QStringLiteral("6.0.0")});
        QVERIFY(!q.out.contains(QLatin1String("virDomainGetGuestInfo ")));
        // A bad release is refused with what is accepted.
        const CliRun bad = runCli(m_index, {QStringLiteral("search"),
                                            QStringLiteral("--newer-than"), QStringLiteral("six")});
        QCOMPARE(bad.exitCode, 2);
    }

    // "What does the lxc driver implement?": a filter without a QUERY lists
    // every item passing it, by name; cut at --limit, saying how many pass.
    void searchByFilterAlone()
    {
        QStringList expected;
        for (const QStringList &r : sqlRows(m_index, QStringLiteral("SELECT name FROM items WHERE latest <> 0 AND "
                                                                    "(',' || drivers || ',') LIKE '%,lxc,%'")))
            expected << r.first();
        expected.sort();
        QVERIFY2(expected.size() > 40, "the lxc driver implements dozens of APIs");
        const CliRun all = runCli(m_index, {QStringLiteral("search"), QStringLiteral("--driver"), QStringLiteral("lxc"),
                                            QStringLiteral("--limit"), QStringLiteral("0"), QStringLiteral("--json")});
        QCOMPARE(all.exitCode, 0);
        QStringList names;
        for (const QJsonValue &v : QJsonDocument::fromJson(all.out.toUtf8()).array()) {
            names << v.toObject().value(QLatin1String("name")).toString();
            QCOMPARE(v.toObject().value(QLatin1String("match")).toString(), QStringLiteral("all"));
        }
        QCOMPARE(names, expected);
        QVERIFY(all.err.isEmpty());
        // As people write it: "LXC" is the lxc driver.
        QCOMPARE(runCli(m_index, {QStringLiteral("search"), QStringLiteral("--driver"), QStringLiteral("LXC"),
                                  QStringLiteral("--limit"), QStringLiteral("0"), QStringLiteral("--json")})
                     .out,
                 all.out);

        const CliRun cut = runCli(m_index, {QStringLiteral("search"), QStringLiteral("--driver"), QStringLiteral("lxc"),
                                            QStringLiteral("--limit"), QStringLiteral("5")});
        QCOMPARE(cut.exitCode, 0);
        QStringList shown;
        for (const QString &line : cut.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts))
            shown << line.section(QLatin1Char(' '), 0, 0);
        QCOMPARE(shown, expected.first(5));
        QCOMPARE(cut.err, QStringLiteral("virt-support search: 5 of %1 shown; --limit 0 lists all\n").arg(expected.size()));

        // A driver no API names ("kvm", whose driver is qemu) is a usage
        // error naming the drivers there are.
        const CliRun none = runCli(m_index, {QStringLiteral("search"), QStringLiteral("--driver"), QStringLiteral("kvm")});
        QCOMPARE(none.exitCode, 2);
        QVERIFY2(none.err.contains(QLatin1String("no indexed API names the driver 'kvm'; drivers: ")) &&
                     none.err.contains(QLatin1String(", lxc, ")) && none.err.contains(QLatin1String(", qemu, ")),
                 qPrintable(none.err));
        QCOMPARE(runCli(m_index, {QStringLiteral("search")}).exitCode, 2);
        // An empty QUERY is none: the list, not every row as an "exact match".
        QCOMPARE(runCli(m_index, {QStringLiteral("search"), QStringLiteral("--driver"), QStringLiteral("lxc"),
                                  QStringLiteral("--limit"), QStringLiteral("0"), QStringLiteral("--json"), QString()})
                     .out,
                 all.out);
        QCOMPARE(runCli(m_index, {QStringLiteral("search"), QStringLiteral(" ")}).exitCode, 2);
    }
};

QTEST_GUILESS_MAIN(TestCliVerdict)
#include "tst_cli_verdict.moc"
