// Lookups that used to fail (issue 12), through the real CLI on an index of
// the installed libvirt plus the shipped release history: internal API names
// carried by RPC procedures, daemon names for protocols, "no match" with the
// nearest names, what --tier and --max-version accept, global options after
// the command, and the JSON carrying every fact the text shows.
#include "../scan/debianpackages.h"
#include "clirunner.h"
#include "testdata.h"

#include "model/version.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>

using namespace vse::testdata;

class TestCliLookups : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;
    QString m_index;
    QString m_installed; // the installed libvirt's version, as the index read it

    CliRun run(const QStringList &args) const { return runCli(m_index, args); }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(QFile::exists(qEnvironmentVariable("VSE_CLI")));
        if (!QFile::exists(QStringLiteral("/usr/include/libvirt/libvirt.h")))
            QSKIP("libvirt-dev is not installed");
        m_index = m_dir.filePath(QStringLiteral("index.sqlite"));
        const CliRun r =
            run({QStringLiteral("index"), QStringLiteral("--source"), QStringLiteral("/")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        const CliRun stats = run({QStringLiteral("stats"), QStringLiteral("--json")});
        m_installed = QJsonDocument::fromJson(stats.out.toUtf8())
                          .object()
                          .value(QLatin1String("releases"))
                          .toArray()
                          .at(0)
                          .toObject()
                          .value(QLatin1String("version"))
                          .toString();
        QVERIFY2(!m_installed.isEmpty(), qPrintable(stats.out));
    }

    void showInternalApi()
    {
        const CliRun r =
            run({QStringLiteral("show"), QStringLiteral("virDomainMigratePerform3Params")});
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.err, QString());
        QCOMPARE(
            r.out,
            QStringLiteral(
                "virDomainMigratePerform3Params is not a public API: it is an internal API "
                "carried by "
                "REMOTE_PROC_DOMAIN_MIGRATE_PERFORM3_PARAMS (remote/305)\n"
                "\n"
                "REMOTE_PROC_DOMAIN_MIGRATE_PERFORM3_PARAMS  (RPC procedure)\n"
                "  Identity:   remote/305\n"
                "  Tier:       stable ABI \u2014 Wire protocol of libvirtd: messages are only "
                "ever added; a procedure is "
                "identified by program and number, which are never reused.\n"
                "  Since:      1.1.0 (in 1.1.0: release history: first in git:v1.1.0 "
                "src/remote/remote_protocol.x:4935, absent from git:v1.0.6)\n"
                "  Parent:     remote\n"
                "  Defined in: src/remote/remote_protocol.x:4935\n"
                "  Release:    release history (shipped release history, 0.0.1 \u2013 12.9.0)\n"
                "  History:    1.1.0 \u2013 11.3.0 (the history's releases after 11.3.0 have no data for it)\n"
                "  From:       the release history's %1 (no indexed release has this item's "
                "files)\n"
                "  ACL:        domain:migrate\n")
                .arg(m_installed));
    }

    void showInternalApiJson()
    {
        const CliRun r =
            run({QStringLiteral("show"), QStringLiteral("virDomainMigratePerform3Params"),
                 QStringLiteral("--json")});
        QCOMPARE(r.exitCode, 0);
        const QJsonObject o = QJsonDocument::fromJson(r.out.toUtf8()).object();
        QCOMPARE(o.value(QLatin1String("name")).toString(),
                 QStringLiteral("REMOTE_PROC_DOMAIN_MIGRATE_PERFORM3_PARAMS"));
        QCOMPARE(o.value(QLatin1String("lookup")).toObject(),
                 (QJsonObject{
                     {QStringLiteral("query"), QStringLiteral("virDomainMigratePerform3Params")},
                     {QStringLiteral("via"), QStringLiteral("carried-api")},
                     {QStringLiteral("apiKind"), QStringLiteral("internal")}}));
    }

    void searchInternalApi()
    {
        const CliRun r =
            run({QStringLiteral("search"), QStringLiteral("virDomainMigratePerform3Params")});
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.err, QString());
        QCOMPARE(
            r.out,
            QStringLiteral(
                "REMOTE_PROC_DOMAIN_MIGRATE_PERFORM3_PARAMS       rpc-procedure stable-abi"
                "           1.1.0     carries virDomainMigratePerform3Params (internal API)\n"));
        // Scoped to the API, the name still finds the procedure that carries it.
        const CliRun scoped =
            run({QStringLiteral("search"), QStringLiteral("api:virDomainMigratePerform3Params")});
        QCOMPARE(scoped.exitCode, 0);
        QCOMPARE(scoped.out, r.out);
        const CliRun j =
            run({QStringLiteral("search"), QStringLiteral("virDomainMigratePerform3Params"),
                 QStringLiteral("--json")});
        const QJsonObject o = QJsonDocument::fromJson(j.out.toUtf8()).array().at(0).toObject();
        QCOMPARE(o.value(QLatin1String("match")).toString(), QStringLiteral("carried-api"));
        QCOMPARE(o.value(QLatin1String("carriedApi")).toString(),
                 QStringLiteral("virDomainMigratePerform3Params"));
    }

    // How people type a name the index spells otherwise: `show` answers
    // with the one item it stands for and says how it read the name.
    void showToleratesHowPeopleType_data()
    {
        QTest::addColumn<QString>("typed");
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("via");
        QTest::addColumn<QString>("why");
        // Before, the carried-API rule took this for an API no header declares.
        QTest::newRow("lower case") << QStringLiteral("virdomaincreatexml") << QStringLiteral("virDomainCreateXML")
                                    << QStringLiteral("case") << QStringLiteral("names are case-sensitive");
        QTest::newRow("mixed case") << QStringLiteral("VIR_domain_running") << QStringLiteral("VIR_DOMAIN_RUNNING")
                                    << QStringLiteral("case") << QStringLiteral("names are case-sensitive");
        QTest::newRow("virsh prefix") << QStringLiteral("virsh domstate --reason") << QStringLiteral("domstate --reason")
                                      << QStringLiteral("virsh-prefix")
                                      << QStringLiteral("virsh commands go by their own name");
        // A command line pasted from a ticket: a prompt, global options, a
        // guest's name; the option given, else the command.
        const QString line = QStringLiteral("a virsh command line: its command and options, values left out");
        QTest::newRow("virsh line, option") << QStringLiteral("virsh domstate guest1 --reason")
                                            << QStringLiteral("domstate --reason") << QStringLiteral("virsh-command-line") << line;
        QTest::newRow("virsh line, globals") << QStringLiteral("# sudo /usr/bin/virsh -c qemu:///system -r list --all")
                                             << QStringLiteral("list --all") << QStringLiteral("virsh-command-line") << line;
        QTest::newRow("virsh line, command") << QStringLiteral("$ virsh --connect=qemu:///system start 'my guest'")
                                             << QStringLiteral("start") << QStringLiteral("virsh-command-line") << line;
        QTest::newRow("virsh line, unknown option")
            << QStringLiteral("virsh list --frobnicate") << QStringLiteral("list") << QStringLiteral("virsh-command-line")
            << line + QStringLiteral("; no libvirt release's virsh has list --frobnicate");
        QTest::newRow("XML tag") << QStringLiteral("<qemu:commandline>") << QStringLiteral("domain/qemu:commandline")
                                 << QStringLiteral("element-tag") << QStringLiteral("the only element of that name");
        QTest::newRow("empty tag") << QStringLiteral("<qemu:commandline/>")
                                   << QStringLiteral("domain/qemu:commandline") << QStringLiteral("element-tag")
                                   << QStringLiteral("the only element of that name");
        // A function as a call, copied from C code.
        QTest::newRow("call") << QStringLiteral("virDomainCreateXML()") << QStringLiteral("virDomainCreateXML")
                              << QStringLiteral("call") << QStringLiteral("a function goes by its name");
        // A C type as a declaration writes it: without its keyword.
        const QString type = QStringLiteral("a C type goes by its name, without struct, enum or union");
        QTest::newRow("struct") << QStringLiteral("struct _virDomainInfo") << QStringLiteral("_virDomainInfo")
                                << QStringLiteral("c-type") << type;
        QTest::newRow("enum pointer") << QStringLiteral("const enum virDomainState *")
                                      << QStringLiteral("virDomainState") << QStringLiteral("c-type") << type;
        QTest::newRow("call with arguments") << QStringLiteral("virDomainCreateXML(conn, xml, 0);")
                                             << QStringLiteral("virDomainCreateXML") << QStringLiteral("call")
                                             << QStringLiteral("a function goes by its name");
        // A tag with an attribute: the value it names.
        QTest::newRow("tag with a value") << QStringLiteral("<tpm model='tpm-crb'>")
                                          << QStringLiteral("domain/devices/tpm@model=tpm-crb")
                                          << QStringLiteral("tag-value")
                                          << QStringLiteral("the value the tag's attribute names");
        // A prototype as a header or the API docs print it, and a call whose
        // result is kept: the function's name (they were "no match").
        const QString call = QStringLiteral("a function goes by its name");
        QTest::newRow("prototype") << QStringLiteral("int virDomainGetState(virDomainPtr domain, int *state, int *reason, "
                                                     "unsigned int flags)")
                                   << QStringLiteral("virDomainGetState") << QStringLiteral("call") << call;
        QTest::newRow("pointer result") << QStringLiteral("const char *virConnectGetType(virConnectPtr conn);")
                                        << QStringLiteral("virConnectGetType") << QStringLiteral("call") << call;
        QTest::newRow("two-word result") << QStringLiteral("unsigned long virDomainGetMaxMemory (virDomainPtr domain)")
                                         << QStringLiteral("virDomainGetMaxMemory") << QStringLiteral("call") << call;
        QTest::newRow("assignment") << QStringLiteral("ret = virDomainCreate(dom);") << QStringLiteral("virDomainCreate")
                                    << QStringLiteral("call") << call;
        // XPath as people copy it from docs and scripts, or the end of a path.
        const QString ends = QStringLiteral("the only XML item whose path ends so");
        QTest::newRow("XPath attribute") << QStringLiteral("/domain/@type") << QStringLiteral("domain@type")
                                         << QStringLiteral("xml-path") << ends;
        QTest::newRow("XPath value") << QStringLiteral("domain/devices/tpm/backend/@type='emulator'")
                                     << QStringLiteral("domain/devices/tpm/backend@type=emulator")
                                     << QStringLiteral("xml-path") << ends;
        QTest::newRow("XPath predicate") << QStringLiteral("tpm/backend[@type=\"emulator\"]")
                                         << QStringLiteral("domain/devices/tpm/backend@type=emulator")
                                         << QStringLiteral("xml-path") << ends;
        QTest::newRow("condition on a step") << QStringLiteral("//disk[@type='file']/driver/@cache")
                                             << QStringLiteral("domain/devices/disk/driver@cache")
                                             << QStringLiteral("xml-path") << ends;
        QTest::newRow("end of a path") << QStringLiteral("qemu:commandline")
                                       << QStringLiteral("domain/qemu:commandline") << QStringLiteral("xml-path")
                                       << ends;
    }

    void showToleratesHowPeopleType()
    {
        QFETCH(QString, typed);
        QFETCH(QString, name);
        QFETCH(QString, via);
        QFETCH(QString, why);
        const CliRun r = run({QStringLiteral("show"), typed});
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.out.section(QLatin1Char('\n'), 0, 0),
                 QStringLiteral("'%1' is shown as %2 (%3)").arg(typed, name, why));
        // The rest is the item's own answer.
        const CliRun own = run({QStringLiteral("show"), name});
        QCOMPARE(r.out.section(QLatin1Char('\n'), 2), own.out);
        const CliRun j = run({QStringLiteral("show"), typed, QStringLiteral("--json")});
        const QJsonObject o = QJsonDocument::fromJson(j.out.toUtf8()).object();
        QCOMPARE(o.value(QLatin1String("name")).toString(), name);
        QCOMPARE(o.value(QLatin1String("lookup")).toObject().value(QLatin1String("via")).toString(), via);
        QCOMPARE(o.value(QLatin1String("lookup")).toObject().value(QLatin1String("query")).toString(), typed);
    }

    // Spaces around a pasted name are no part of it: the item itself, not
    // "is shown as ... (names are case-sensitive)".
    void showIgnoresSurroundingSpaces()
    {
        const CliRun padded = run({QStringLiteral("show"), QStringLiteral(" virConnectOpen \t")});
        QCOMPARE(padded.exitCode, 0);
        QCOMPARE(padded.out, run({QStringLiteral("show"), QStringLiteral("virConnectOpen")}).out);
    }

    // "virDomainGet*" as people type a name they half remember: search lists
    // what the pattern matches, show shows its only match or lists them.
    void patternsAsPeopleTypeThem()
    {
        // The installed release's own list of functions, read from its API XML.
        QFile api(QStringLiteral("/usr/share/libvirt/api/libvirt-api.xml"));
        if (!api.open(QIODevice::ReadOnly))
            QSKIP("libvirt's API XML is not installed");
        QSet<QString> installed;
        static const QRegularExpression function(QStringLiteral("<function name='(virDomainGet[^']*)'"));
        for (auto it = function.globalMatch(QString::fromUtf8(api.readAll())); it.hasNext();)
            installed.insert(it.next().captured(1));
        QVERIFY(installed.size() > 30);

        const CliRun search = run({QStringLiteral("search"), QStringLiteral("--json"), QStringLiteral("--limit"),
                                   QStringLiteral("0"), QStringLiteral("virDomainGet*")});
        QCOMPARE(search.exitCode, 0);
        QSet<QString> found;
        for (const QJsonValue &v : QJsonDocument::fromJson(search.out.toUtf8()).array()) {
            const QString name = v.toObject().value(QLatin1String("name")).toString();
            QVERIFY2(name.startsWith(QLatin1String("virDomainGet"), Qt::CaseInsensitive), qPrintable(name));
            // Names only: a pattern is no words to look for in the documentation.
            QCOMPARE(v.toObject().value(QLatin1String("match")).toString(), QStringLiteral("wildcard"));
            found.insert(name);
        }
        QVERIFY2(found.contains(installed), qPrintable(QStringList((installed - found).values()).join(u' ')));

        const CliRun one = run({QStringLiteral("show"), QStringLiteral("virDomainGetSta*")});
        QCOMPARE(one.exitCode, 0);
        QCOMPARE(one.out, QStringLiteral("'virDomainGetSta*' is shown as virDomainGetState (the only name the "
                                         "pattern matches)\n\n") +
                              run({QStringLiteral("show"), QStringLiteral("virDomainGetState")}).out);
        const CliRun several = run({QStringLiteral("show"), QStringLiteral("--json"), QStringLiteral("virDomainGet*")});
        QCOMPARE(several.exitCode, 1);
        QSet<QString> standsFor;
        for (const QJsonValue &v :
             QJsonDocument::fromJson(several.out.toUtf8()).object().value(QLatin1String("standsFor")).toArray())
            standsFor.insert(v.toString());
        QCOMPARE(standsFor, found);
        QVERIFY2(several.err.contains(QStringLiteral("virt-support search \"virDomainGet*\" lists them")),
                 qPrintable(several.err));

        const CliRun none = run({QStringLiteral("search"), QStringLiteral("virDomainFrob*")});
        QCOMPARE(none.exitCode, 1);
        QVERIFY2(none.err.contains(QStringLiteral("no name matches the pattern 'virDomainFrob*'")), qPrintable(none.err));
        QCOMPARE(run({QStringLiteral("show"), QStringLiteral("virDomainFrob*")}).exitCode, 1);
    }

    // Several options on one pasted line: each shown, in the order given.
    void showVirshLineWithSeveralOptions()
    {
        const QString typed = QStringLiteral("virsh list --name --all");
        const CliRun r = run({QStringLiteral("show"), typed});
        QCOMPARE(r.exitCode, 0);
        const CliRun name = run({QStringLiteral("show"), QStringLiteral("list --name")});
        const CliRun all = run({QStringLiteral("show"), QStringLiteral("list --all")});
        QCOMPARE(r.out, QStringLiteral("'%1' is shown as list --name, list --all (a virsh command line: its command and "
                                       "options, values left out)\n\n")
                                .arg(typed) +
                            name.out + QLatin1Char('\n') + all.out);
        // search: the one option given, or the command.
        QVERIFY(run({QStringLiteral("search"), QStringLiteral("virsh domstate guest1 --reason")})
                    .out.startsWith(QLatin1String("domstate --reason ")));
        QVERIFY(run({QStringLiteral("search"), QStringLiteral("virsh -c qemu:///system start guest1")})
                    .out.startsWith(QLatin1String("start ")));
    }

    void showTagOfSeveralElementsListsThem()
    {
        // <seclabel> is an element at several paths: each is named, none chosen.
        const CliRun r = run({QStringLiteral("show"), QStringLiteral("<seclabel>")});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.out.isEmpty(), qPrintable(r.out));
        const QStringList lines = r.err.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        QVERIFY2(lines.size() > 2, qPrintable(r.err));
        QVERIFY2(lines.first().contains(QStringLiteral("it stands for %1 items").arg(lines.size() - 1)), qPrintable(r.err));
        QVERIFY(lines.contains(QStringLiteral("  domain/seclabel")));
        for (const QString &l : lines.mid(1))
            QVERIFY2(l.endsWith(QLatin1String("/seclabel")) && run({QStringLiteral("show"), l.trimmed()}).exitCode == 0,
                     qPrintable(l));
    }

    // A tag several elements have, one of them a document's root: the root,
    // naming the others (each of which show finds); else the domain
    // document's element, what people paste from `virsh dumpxml`.
    void showTagPrefersTheRootElement_data()
    {
        QTest::addColumn<QString>("typed");
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("other");
        QTest::addColumn<QString>("why");
        QTest::addColumn<QString>("via");
        const QString root = QStringLiteral("root-element");
        const QString domain = QStringLiteral("domain-document");
        QTest::newRow("element") << QStringLiteral("<domain>") << QStringLiteral("domain")
                                 << QStringLiteral("capabilities/guest/arch/domain")
                                 << QStringLiteral("the root element of that name") << root;
        QTest::newRow("value") << QStringLiteral("<domain type='kvm'>") << QStringLiteral("domain@type=kvm")
                               << QStringLiteral("capabilities/guest/arch/domain@type=kvm")
                               << QStringLiteral("the root element's value") << root;
        QTest::newRow("domain's element") << QStringLiteral("<disk>") << QStringLiteral("domain/devices/disk")
                                          << QStringLiteral("domainsnapshot/disks/disk")
                                          << QStringLiteral("the domain document's element of that name") << domain;
        QTest::newRow("domain's value") << QStringLiteral("<disk type='file'>")
                                        << QStringLiteral("domain/devices/disk@type=file")
                                        << QStringLiteral("domainbackup/disks/disk@type=file")
                                        << QStringLiteral("the domain document's value") << domain;
    }

    void showTagPrefersTheRootElement()
    {
        QFETCH(QString, typed);
        QFETCH(QString, name);
        QFETCH(QString, other);
        QFETCH(QString, why);
        const CliRun r = run({QStringLiteral("show"), typed});
        QCOMPARE(r.exitCode, 0);
        const QString first = r.out.section(QLatin1Char('\n'), 0, 0);
        QVERIFY2(first.startsWith(QStringLiteral("'%1' is shown as %2 (%3; also: ").arg(typed, name, why)),
                 qPrintable(first));
        QCOMPARE(r.out.section(QLatin1Char('\n'), 2), run({QStringLiteral("show"), name}).out);
        const QJsonObject lookup = QJsonDocument::fromJson(run({QStringLiteral("show"), typed, QStringLiteral("--json")})
                                                               .out.toUtf8())
                                       .object()
                                       .value(QLatin1String("lookup"))
                                       .toObject();
        QFETCH(QString, via);
        QCOMPARE(lookup.value(QLatin1String("via")).toString(), via);
        const QStringList others = lookup.value(QLatin1String("others")).toVariant().toStringList();
        QVERIFY2(others.contains(other) && !others.contains(name), qPrintable(others.join(u',')));
        for (const QString &o : others) {
            QVERIFY2(first.contains(o), qPrintable(o));
            QVERIFY2(run({QStringLiteral("show"), o}).exitCode == 0, qPrintable(o));
        }
    }

    // A tag pasted with several attributes (`virsh dumpxml`): what each
    // attribute names, in the order given, all of the one element that has
    // them (the value when the schema lists it, else the attribute); an
    // attribute or a value no schema has for it is said.
    void showTagWithSeveralAttributes_data()
    {
        QTest::addColumn<QString>("typed");
        QTest::addColumn<QStringList>("names");
        QTest::addColumn<QString>("why");
        QTest::addColumn<QStringList>("unknown");
        QTest::newRow("disk") << QStringLiteral("<disk type='file' device='cdrom'>")
                              << QStringList{QStringLiteral("domain/devices/disk@type=file"),
                                             QStringLiteral("domain/devices/disk@device=cdrom")}
                              << QStringLiteral("the tag's attributes, read in domain/devices/disk") << QStringList();
        // Only the disk's driver has all three; its name is free text.
        QTest::newRow("driver") << QStringLiteral("<driver name='qemu' type='qcow2' cache='none'/>")
                                << QStringList{QStringLiteral("domain/devices/disk/driver@name"),
                                               QStringLiteral("domain/devices/disk/driver@type=qcow2"),
                                               QStringLiteral("domain/devices/disk/driver@cache=none")}
                                << QStringLiteral("the tag's attributes, read in domain/devices/disk/driver")
                                << QStringList();
        QTest::newRow("unknown attribute")
            << QStringLiteral("<disk type='file' devise='cdrom'>")
            << QStringList{QStringLiteral("domain/devices/disk@type=file")}
            << QStringLiteral("the tag's attribute, read in domain/devices/disk; also in: domainbackup/disks/disk, "
                              "domainsnapshot/disks/disk; no libvirt release's schema has disk@devise")
            << QStringList{QStringLiteral("disk@devise")};
        QTest::newRow("unknown value")
            << QStringLiteral("<graphics type='spice' autoport='maybe'>")
            << QStringList{QStringLiteral("domain/devices/graphics@type=spice"),
                           QStringLiteral("domain/devices/graphics@autoport")}
            << QStringLiteral("the tag's attributes, read in domain/devices/graphics; no libvirt release's schema "
                              "has graphics@autoport=maybe")
            << QStringList{QStringLiteral("graphics@autoport=maybe")};
    }

    void showTagWithSeveralAttributes()
    {
        QFETCH(QString, typed);
        QFETCH(QStringList, names);
        QFETCH(QString, why);
        QFETCH(QStringList, unknown);
        const CliRun r = run({QStringLiteral("show"), typed});
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.out.section(QLatin1Char('\n'), 0, 0),
                 QStringLiteral("'%1' is shown as %2 (%3)").arg(typed, names.join(QStringLiteral(", ")), why));
        // The answers are those of the names, as `show NAME...` gives them.
        QCOMPARE(r.out.section(QLatin1Char('\n'), 2), run(QStringList{QStringLiteral("show")} + names).out);
        const QJsonDocument d =
            QJsonDocument::fromJson(run({QStringLiteral("show"), typed, QStringLiteral("--json")}).out.toUtf8());
        const QJsonArray answers = names.size() == 1 ? QJsonArray{d.object()} : d.array();
        QCOMPARE(answers.size(), names.size());
        for (qsizetype i = 0; i < names.size(); ++i) {
            const QJsonObject o = answers.at(i).toObject();
            QCOMPARE(o.value(QLatin1String("name")).toString(), names.at(i));
            const QJsonObject lookup = o.value(QLatin1String("lookup")).toObject();
            QCOMPARE(lookup.value(QLatin1String("via")).toString(), QStringLiteral("tag-attributes"));
            QCOMPARE(lookup.value(QLatin1String("element")).toString(), names.first().section(QLatin1Char('@'), 0, 0));
            QCOMPARE(lookup.value(QLatin1String("unknown")).toVariant().toStringList(), unknown);
        }
    }

    // A configuration option with its file, as people write it.
    void showConfigOptionWithItsFile_data()
    {
        QTest::addColumn<QString>("typed");
        QTest::newRow("space") << QStringLiteral("qemu.conf vnc_listen");
        QTest::newRow("path") << QStringLiteral("/etc/libvirt/qemu.conf:vnc_listen");
        QTest::newRow("colon and space") << QStringLiteral("qemu.conf: vnc_listen");
    }

    void showConfigOptionWithItsFile()
    {
        QFETCH(QString, typed);
        const QString key = QStringLiteral("qemu.conf:vnc_listen");
        const CliRun r = run({QStringLiteral("show"), typed});
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.out.section(QLatin1Char('\n'), 0, 0),
                 QStringLiteral("'%1' is shown as %2 (a configuration option goes by FILE:OPTION)").arg(typed, key));
        QCOMPARE(r.out.section(QLatin1Char('\n'), 2), run({QStringLiteral("show"), key}).out);
        const QJsonObject o =
            QJsonDocument::fromJson(run({QStringLiteral("show"), typed, QStringLiteral("--json")}).out.toUtf8()).object();
        QCOMPARE(o.value(QLatin1String("key")).toString(), key);
        QCOMPARE(o.value(QLatin1String("lookup")).toObject().value(QLatin1String("via")).toString(),
                 QStringLiteral("config-file"));
    }

    // The family scope search takes ("api:", "xml:", ...) works for show:
    // the rest is looked up among that family's items only.
    void showFamilyScope_data()
    {
        QTest::addColumn<QString>("typed");
        QTest::addColumn<QString>("bare");
        QTest::newRow("api") << QStringLiteral("api:virConnectOpen") << QStringLiteral("virConnectOpen");
        QTest::newRow("xml, upper case, space") << QStringLiteral("XML: domain/devices/tpm")
                                                << QStringLiteral("domain/devices/tpm");
        QTest::newRow("rpc") << QStringLiteral("rpc:REMOTE_PROC_CONNECT_OPEN")
                             << QStringLiteral("REMOTE_PROC_CONNECT_OPEN");
        QTest::newRow("config with file") << QStringLiteral("config:qemu.conf:vnc_listen")
                                          << QStringLiteral("qemu.conf:vnc_listen");
    }

    void showFamilyScope()
    {
        QFETCH(QString, typed);
        QFETCH(QString, bare);
        const CliRun r = run({QStringLiteral("show"), typed});
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.out, run({QStringLiteral("show"), bare}).out);
        const QJsonObject o =
            QJsonDocument::fromJson(run({QStringLiteral("show"), typed, QStringLiteral("--json")}).out.toUtf8()).object();
        QCOMPARE(o.value(QLatin1String("lookup")).toObject().value(QLatin1String("via")).toString(),
                 QStringLiteral("family-scope"));
        QCOMPARE(o.value(QLatin1String("lookup")).toObject().value(QLatin1String("query")).toString(), typed);
    }

    void showFamilyScopeFilters()
    {
        // A function is not an XML item: no match, and no typed-form guess
        // ("names are case-sensitive") or carried-API answer either.
        const CliRun wrong = run({QStringLiteral("show"), QStringLiteral("xml:virConnectOpen")});
        QCOMPARE(wrong.exitCode, 1);
        QCOMPARE(wrong.out, QString());
        QVERIFY2(wrong.err.startsWith(QStringLiteral("virt-support show: no match for 'xml:virConnectOpen'")),
                 qPrintable(wrong.err));
        // config:log_level is every file's log_level, and only options.
        const QJsonArray all = QJsonDocument::fromJson(run({QStringLiteral("show"), QStringLiteral("config:log_level"),
                                                            QStringLiteral("--json")})
                                                           .out.toUtf8())
                                   .array();
        QVERIFY2(all.size() >= 2, "log_level is an option of several files");
        QStringList keys;
        for (const QJsonValue &v : all) {
            QCOMPARE(v.toObject().value(QLatin1String("kind")).toString(), QStringLiteral("config-option"));
            keys << v.toObject().value(QLatin1String("key")).toString();
        }
        const QJsonArray unscoped = QJsonDocument::fromJson(
                                        run({QStringLiteral("show"), QStringLiteral("log_level"), QStringLiteral("--json")})
                                            .out.toUtf8())
                                        .array();
        QCOMPARE(all.size(), unscoped.size());
    }

    // A configuration option's answer: its file in the heading (not three
    // identical "log_level" headings), whether the shipped line is commented
    // out (checked against the release's own file), and where the history's
    // data for it ends (package sets carry no daemon configuration files).
    void configOptionAnswer()
    {
        const QString key = QStringLiteral("virtlockd.conf:log_level");
        const CliRun r = run({QStringLiteral("show"), key});
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.out.section(QLatin1Char('\n'), 0, 0), QStringLiteral("log_level  (configuration option of virtlockd.conf)"));
        QVERIFY2(!r.out.contains(QLatin1String("\n  Parent:")) && !r.out.contains(QLatin1String("\n  commented:")),
                 qPrintable(r.out));
        const QJsonObject o =
            QJsonDocument::fromJson(run({QStringLiteral("show"), key, QStringLiteral("--json")}).out.toUtf8()).object();
        // The row describes the history's release of the installed version.
        const QString from = o.value(QLatin1String("fromHistory")).toString();
        QVERIFY2(!from.isEmpty(), qPrintable(r.out));
        const QByteArray conf = fileOfTarball(from, QStringLiteral("src/locking/virtlockd.conf"));
        if (conf.isEmpty() && inCi())
            QFAIL(qPrintable(QStringLiteral("no libvirt_%1.orig.tar.xz in VSE_SOURCES_DIR").arg(from)));
        if (conf.isEmpty())
            QSKIP("the release's source tarball is not in VSE_SOURCES_DIR");
        const QRegularExpression setting(QStringLiteral("^(#?)\\s*log_level\\s*="), QRegularExpression::MultilineOption);
        const QRegularExpressionMatch m = setting.match(QString::fromUtf8(conf));
        QVERIFY(m.hasMatch());
        const bool commented = !m.captured(1).isEmpty();
        QString state;
        for (const QString &line : r.out.split(QLatin1Char('\n')))
            if (line.startsWith(QLatin1String("  State:")))
                state = line;
        QCOMPARE(state.contains(QLatin1String("commented out (not in effect as shipped)")), commented);
        // The spans end where the history stops having virtlockd.conf, which
        // is not its newest release: the text says so rather than leave it
        // looking removed.
        const QJsonArray spans = o.value(QLatin1String("attrs")).toObject().value(QLatin1String("historySpans")).toArray();
        const QString lastTo = spans.last().toObject().value(QLatin1String("to")).toString();
        const QJsonObject history = QJsonDocument::fromJson(run({QStringLiteral("history"), QStringLiteral("--json")}).out.toUtf8()).object();
        QVERIFY(vse::Version::parse(lastTo) < vse::Version::parse(history.value(QLatin1String("last")).toString()));
        QVERIFY(!o.value(QLatin1String("attrs")).toObject().contains(QLatin1String("removedIn")));
        QCOMPARE(o.value(QLatin1String("historyNoDataAfter")).toString(), lastTo);
        QVERIFY2(r.out.contains(QStringLiteral("\n  History:    %1 (the history's releases after %2 have no data for it)\n")
                                    .arg(o.value(QLatin1String("history")).toString(), lastTo)),
                 qPrintable(r.out));
        // A function's data runs to the newest release: nothing to say.
        const QJsonObject api = QJsonDocument::fromJson(run({QStringLiteral("show"), QStringLiteral("virConnectOpen"),
                                                             QStringLiteral("--json")})
                                                            .out.toUtf8())
                                    .object();
        QVERIFY(!api.contains(QLatin1String("historyNoDataAfter")));
        QVERIFY(api.value(QLatin1String("history")).toString().endsWith(history.value(QLatin1String("last")).toString()));
        QVERIFY(!api.contains(QLatin1String("historyGap")));
        // A function of 7.1.0 (its symbol version) that the history first
        // has in its 9.0.0: "History: 9.0.0 - ..." alone read like its since.
        const CliRun messages = run({QStringLiteral("show"), QStringLiteral("virDomainGetMessages")});
        const QJsonObject gm = QJsonDocument::fromJson(run({QStringLiteral("show"), QStringLiteral("virDomainGetMessages"),
                                                          QStringLiteral("--json")})
                                                          .out.toUtf8())
                                  .object();
        const QString since = gm.value(QLatin1String("since")).toString();
        const QString first = gm.value(QLatin1String("attrs")).toObject().value(QLatin1String("historySpans")).toArray()
                                  .first().toObject().value(QLatin1String("from")).toString();
        QVERIFY2(vse::Version::parse(since) < vse::Version::parse(first), qPrintable(since + QLatin1Char(' ') + first));
        QCOMPARE(gm.value(QLatin1String("historyGap")).toObject().value(QLatin1String("from")).toString(), since);
        QCOMPARE(gm.value(QLatin1String("historyGap")).toObject().value(QLatin1String("upTo")).toString(), first);
        QVERIFY2(messages.out.contains(QStringLiteral("\n  History:    %1 (the history's first release from %2 on is %3)\n")
                                           .arg(gm.value(QLatin1String("history")).toString(), since, first)),
                 qPrintable(messages.out));
    }

    // An option name several files have is several items: show answers for
    // each (it showed one file's), search names the file in text and JSON.
    void optionOfSeveralFiles()
    {
        const QString option = QStringLiteral("log_level");
        QSet<QString> everyKey; // over all releases
        const QJsonArray all = QJsonDocument::fromJson(
                                   run({QStringLiteral("show"), option, QStringLiteral("--all-releases"),
                                        QStringLiteral("--json")})
                                       .out.toUtf8())
                                   .array();
        for (const QJsonValue &v : all)
            everyKey.insert(v.toObject().value(QLatin1String("key")).toString());
        QVERIFY2(everyKey.size() >= 2 && !everyKey.contains(QString()), qPrintable(QStringList(everyKey.values()).join(u',')));
        const CliRun text = run({QStringLiteral("show"), option});
        QCOMPARE(text.exitCode, 0);
        QSet<QString> shown;
        for (const QString &line : text.out.split(QLatin1Char('\n')))
            if (line.startsWith(QLatin1String("  Identity:   ")))
                shown.insert(line.mid(14));
        QCOMPARE(shown, everyKey);
        QSet<QString> jsonKeys;
        for (const QJsonValue &v :
             QJsonDocument::fromJson(run({QStringLiteral("show"), option, QStringLiteral("--json")}).out.toUtf8()).array())
            jsonKeys.insert(v.toObject().value(QLatin1String("key")).toString());
        QCOMPARE(jsonKeys, everyKey);
        // search: one row per file, named with it.
        QSet<QString> searchKeys;
        const QJsonArray hits =
            QJsonDocument::fromJson(run({QStringLiteral("search"), option, QStringLiteral("--json")}).out.toUtf8()).array();
        for (const QJsonValue &v : hits) {
            const QJsonObject h = v.toObject();
            if (h.value(QLatin1String("match")).toString() == QLatin1String("exact") &&
                h.value(QLatin1String("kind")).toString() == QLatin1String("config-option"))
                searchKeys.insert(h.value(QLatin1String("key")).toString());
        }
        QCOMPARE(searchKeys, everyKey);
        const CliRun rows = run({QStringLiteral("search"), option});
        for (const QString &key : std::as_const(everyKey))
            QVERIFY2(rows.out.contains(QLatin1Char('\n') + key + QLatin1Char(' ')) || rows.out.startsWith(key + QLatin1Char(' ')),
                     qPrintable(rows.out));
    }

    // A configuration file scopes search to its options; show of the file
    // lists them; both agree.
    void configFileScopesSearch()
    {
        const QString file = QStringLiteral("virtlockd.conf");
        const QJsonObject shown =
            QJsonDocument::fromJson(run({QStringLiteral("show"), file, QStringLiteral("--json")}).out.toUtf8()).object();
        const QStringList options = shown.value(QLatin1String("standsFor")).toVariant().toStringList();
        QVERIFY2(options.size() >= 5 && options.contains(QStringLiteral("virtlockd.conf:log_level")),
                 qPrintable(options.join(u',')));
        QStringList listed;
        for (const QJsonValue &v : QJsonDocument::fromJson(run({QStringLiteral("search"), QStringLiteral("/etc/libvirt/") + file,
                                                                QStringLiteral("--json")})
                                                               .out.toUtf8())
                                       .array())
            listed << v.toObject().value(QLatin1String("key")).toString();
        QCOMPARE(listed, options); // by name, as show sorts them
        // With the start of an option: that file's only.
        const CliRun log = run({QStringLiteral("search"), file + QStringLiteral(":log_")});
        QVERIFY2(log.out.startsWith(QLatin1String("virtlockd.conf:log_")) && !log.out.contains(QLatin1String("libvirtd.conf")) &&
                     !log.out.contains(QLatin1String("virtlogd.conf")),
                 qPrintable(log.out));
        for (const QString &line : log.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts))
            QVERIFY2(options.contains(line.section(QLatin1Char(' '), 0, 0)), qPrintable(line));
    }

    void showNoMatchSaysWhatItMayMean()
    {
        // Not from the root, "@type" ends several paths; each is named, in
        // the text and in the JSON a script reads.
        const CliRun several = run({QStringLiteral("show"), QStringLiteral("domain/@type"), QStringLiteral("--json")});
        QCOMPARE(several.exitCode, 1);
        const QJsonObject o = QJsonDocument::fromJson(several.out.toUtf8()).object();
        QCOMPARE(o.value(QLatin1String("found")).toBool(true), false);
        QCOMPARE(o.value(QLatin1String("query")).toString(), QStringLiteral("domain/@type"));
        const QStringList standsFor = o.value(QLatin1String("standsFor")).toVariant().toStringList();
        QVERIFY2(standsFor.contains(QStringLiteral("domain@type")) &&
                     standsFor.contains(QStringLiteral("capabilities/guest/arch/domain@type")),
                 qPrintable(several.out));
        for (const QString &n : standsFor)
            QVERIFY2(several.err.contains(QStringLiteral("\n  %1\n").arg(n)), qPrintable(several.err));
        // Words, not a name: what a search finds, first the element itself.
        const CliRun words = run({QStringLiteral("show"), QStringLiteral("tpm backend"), QStringLiteral("--json")});
        QCOMPARE(words.exitCode, 1);
        const QStringList hits = QJsonDocument::fromJson(words.out.toUtf8())
                                     .object()
                                     .value(QLatin1String("searchHits"))
                                     .toVariant()
                                     .toStringList();
        QVERIFY2(!hits.isEmpty() && hits.first() == QLatin1String("domain/devices/tpm/backend"), qPrintable(words.out));
        QVERIFY2(words.err.contains(QLatin1String("a search finds:\n  domain/devices/tpm/backend\n")),
                 qPrintable(words.err));
        // An attribute name ending a hundred paths: the first twenty, how to
        // narrow, and every one in the JSON.
        const CliRun bare = run({QStringLiteral("show"), QStringLiteral("@type")});
        QCOMPARE(bare.exitCode, 1);
        const QStringList lines = bare.err.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        QVERIFY2(lines.size() == 22 && lines.last().contains(QLatin1String("more (JSON lists all)")),
                 qPrintable(bare.err));
        const int total = QRegularExpression(QStringLiteral("stands for (\\d+) items"))
                              .match(lines.first())
                              .captured(1)
                              .toInt();
        QVERIFY2(total > 20 && lines.last().contains(QStringLiteral("and %1 more").arg(total - 20)), qPrintable(bare.err));
        const CliRun bareJson = run({QStringLiteral("show"), QStringLiteral("@type"), QStringLiteral("--json")});
        QCOMPARE(QJsonDocument::fromJson(bareJson.out.toUtf8()).object().value(QLatin1String("standsFor")).toArray().size(),
                 total);
    }

    // A Python programmer types the binding's names; show and search answer
    // with the C item the binding's method calls (read from libvirt.py, the
    // facts checked by hand in bookworm's: class virDomain's messages() calls
    // libvirtmod.virDomainGetMessages, state() virDomainGetState, and five
    // classes have create()).
    void showAndSearchTakeLibvirtPythonNames()
    {
        QString why;
        const QString binding = libvirtBinding(&why);
        if (binding.isEmpty())
            QSKIP(qPrintable(why));
        qputenv("VSE_PYTHON_LIBVIRT", binding.toUtf8());
        const CliRun messages = run({QStringLiteral("show"), QStringLiteral("dom.messages()")});
        QCOMPARE(messages.exitCode, 0);
        const CliRun c = run({QStringLiteral("show"), QStringLiteral("virDomainGetMessages")});
        QCOMPARE(messages.out, QStringLiteral("'dom.messages()' is shown as virDomainGetMessages "
                                              "(libvirt-python's virDomain.messages calls it)\n\n") + c.out);
        // The class written out, and the JSON saying how it was found.
        const CliRun json = run({QStringLiteral("show"), QStringLiteral("libvirt.virDomain.messages"), QStringLiteral("--json")});
        QCOMPARE(json.exitCode, 0);
        const QJsonObject o = QJsonDocument::fromJson(json.out.toUtf8()).object();
        QCOMPARE(o.value(QLatin1String("name")).toString(), QStringLiteral("virDomainGetMessages"));
        const QJsonObject lookup = o.value(QLatin1String("lookup")).toObject();
        QCOMPARE(lookup.value(QLatin1String("via")).toString(), QStringLiteral("python-binding"));
        QCOMPARE(lookup.value(QLatin1String("binding")).toVariant().toStringList(), QStringList{QStringLiteral("virDomain.messages")});
        QCOMPARE(lookup.value(QLatin1String("bindingFile")).toString(), binding);
        QCOMPARE(lookup.value(QLatin1String("cSpelling")).toBool(true), false);
        // The C spelling, which fails in Python: what the binding calls it.
        const CliRun state = run({QStringLiteral("show"), QStringLiteral("dom.getState()")});
        QCOMPARE(state.exitCode, 0);
        QVERIFY2(state.out.startsWith(QLatin1String("'dom.getState()' is shown as virDomainGetState (libvirt-python has "
                                                    "no getState: it is virDomain.state, which calls it)\n\n"
                                                    "virDomainGetState  (function)\n")),
                 qPrintable(state.out));
        // Module functions and constants.
        QVERIFY(run({QStringLiteral("show"), QStringLiteral("libvirt.open('qemu:///system')")})
                    .out.startsWith(QLatin1String("'libvirt.open('qemu:///system')' is shown as virConnectOpen (")));
        QVERIFY(run({QStringLiteral("show"), QStringLiteral("libvirt.VIR_DOMAIN_RUNNING")})
                    .out.contains(QLatin1String("\n\nVIR_DOMAIN_RUNNING  (enum value)\n")));
        // A method of several classes: no guess; each named, text and JSON.
        const CliRun create = run({QStringLiteral("show"), QStringLiteral("dom.create()"), QStringLiteral("--json")});
        QCOMPARE(create.exitCode, 1);
        const QJsonObject none = QJsonDocument::fromJson(create.out.toUtf8()).object();
        const QStringList standsFor = none.value(QLatin1String("standsFor")).toVariant().toStringList();
        QVERIFY2(standsFor.contains(QStringLiteral("virDomainCreate")) && standsFor.contains(QStringLiteral("virNetworkCreate")) &&
                     standsFor.contains(QStringLiteral("virStoragePoolCreate")),
                 qPrintable(create.out));
        QVERIFY2(none.value(QLatin1String("hint")).toString().contains(QLatin1String("virNetwork.create")), qPrintable(create.out));
        QVERIFY2(create.err.contains(QLatin1String("\n  virDomainCreate\n")), qPrintable(create.err));
        const CliRun nothing = run({QStringLiteral("show"), QStringLiteral("dom.frobnicate()")});
        QCOMPARE(nothing.exitCode, 1);
        QVERIFY2(nothing.err.contains(QLatin1String("has no method frobnicate")), qPrintable(nothing.err));
        // search: the C items first, marked with the binding's name.
        const CliRun s = run({QStringLiteral("search"), QStringLiteral("conn.lookupByName"), QStringLiteral("--json")});
        QCOMPARE(s.exitCode, 0);
        const QJsonObject first = QJsonDocument::fromJson(s.out.toUtf8()).array().first().toObject();
        QCOMPARE(first.value(QLatin1String("name")).toString(), QStringLiteral("virDomainLookupByName"));
        QCOMPARE(first.value(QLatin1String("match")).toString(), QStringLiteral("python-binding"));
        QCOMPARE(first.value(QLatin1String("binding")).toVariant().toStringList(), QStringList{QStringLiteral("virConnect.lookupByName")});
        const CliRun spelled = run({QStringLiteral("search"), QStringLiteral("dom.getState")});
        QVERIFY2(spelled.out.startsWith(QLatin1String("virDomainGetState ")) &&
                     spelled.out.contains(QLatin1String("libvirt-python has it as virDomain.state\n")),
                 qPrintable(spelled.out));
        // A target it is too new for: said, not "no match".
        const CliRun old = run({QStringLiteral("search"), QStringLiteral("dom.messages()"), QStringLiteral("--max-version"),
                                QStringLiteral("7.0.0")});
        QCOMPARE(old.exitCode, 1);
        QVERIFY2(old.err.contains(QLatin1String("virDomainGetMessages (since 7.1.0) is newer than 7.0.0")), qPrintable(old.err));
        qunsetenv("VSE_PYTHON_LIBVIRT");
    }

    // libvirt's error numbers as bindings print them (Go's "virError(Code=42,
    // Domain=10, Message=...)", Perl's "libvirt error code: 55, message:
    // ...") were "no match": the VIR_ERR_ and VIR_FROM_ values of those
    // numbers, read here from the installed virterror.h itself.
    // What a ticket quotes is libvirt's message, not its code: virsh's
    // "error: Domain not found: no domain with matching name 'web1'" is
    // VIR_ERR_NO_DOMAIN, whose message in virerror.c (every release since
    // 0.3.0) is "Domain not found"; the text after it is the caller's detail.
    void showAndSearchTakeErrorMessages()
    {
        const QString virsh = QStringLiteral("error: failed to get domain 'web1'\n"
                                             "error: Domain not found: no domain with matching name 'web1'");
        const CliRun r = run({QStringLiteral("show"), virsh});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY2(r.out.startsWith(QStringLiteral("'%1' is shown as VIR_ERR_NO_DOMAIN (libvirt's message 'Domain not "
                                                 "found' for that error code)\n\n")
                                      .arg(virsh)),
                 qPrintable(r.out));
        QVERIFY(r.out.contains(QLatin1String("Message:    Domain not found")));
        // Two messages in one log excerpt: both codes, in the order quoted.
        const CliRun two = run({QStringLiteral("show"), QStringLiteral("--json"),
                                QStringLiteral("internal error: qemu unexpectedly closed the monitor; then "
                                               "Requested operation is not valid: domain is not running")});
        QCOMPARE(two.exitCode, 0);
        // Two items: an array, each carrying the lookup.
        const QJsonArray items = QJsonDocument::fromJson(two.out.toUtf8()).array();
        QCOMPARE(items.size(), 2);
        QCOMPARE(items.at(1).toObject().value(QLatin1String("name")).toString(), QStringLiteral("VIR_ERR_OPERATION_INVALID"));
        const QJsonObject lookup = items.at(0).toObject().value(QLatin1String("lookup")).toObject();
        QCOMPARE(lookup.value(QLatin1String("via")).toString(), QStringLiteral("error-message"));
        const QJsonArray said = lookup.value(QLatin1String("errorMessages")).toArray();
        QCOMPARE(said.size(), 2);
        QCOMPARE(said.at(0).toObject().value(QLatin1String("code")).toString(), QStringLiteral("VIR_ERR_INTERNAL_ERROR"));
        QCOMPARE(said.at(1).toObject().value(QLatin1String("message")).toString(),
                 QStringLiteral("Requested operation is not valid"));
        // search: the code first, saying why.
        const CliRun s = run({QStringLiteral("search"), QStringLiteral("--json"),
                              QStringLiteral("error: operation failed: guest CPU doesn't match specification")});
        QCOMPARE(s.exitCode, 0);
        const QJsonObject first = QJsonDocument::fromJson(s.out.toUtf8()).array().at(0).toObject();
        QCOMPARE(first.value(QLatin1String("name")).toString(), QStringLiteral("VIR_ERR_OPERATION_FAILED"));
        QCOMPARE(first.value(QLatin1String("match")).toString(), QStringLiteral("error-message"));
        QCOMPARE(first.value(QLatin1String("errorMessage")).toString(), QStringLiteral("operation failed"));
        // A message only counts whole: "access deniedx" is not "access denied".
        QCOMPARE(run({QStringLiteral("show"), QStringLiteral("access deniedx by policy")}).exitCode, 1);
    }

    // The dynamic loader's and the linker's errors name libvirt's symbol
    // version nodes: "version `LIBVIRT_0.4.1' not found (required by ./app)"
    // says the program needs libvirt 0.4.1; the node's functions are those the
    // installed library exports under it (nm reads them apart from the tool).
    void showReadsSymbolVersionNodes()
    {
        const QString lib = QStringLiteral("/usr/lib/x86_64-linux-gnu/libvirt.so.0");
        QProcess nm;
        nm.start(QStringLiteral("nm"), {QStringLiteral("-D"), QStringLiteral("--defined-only"),
                                        QStringLiteral("--with-symbol-versions"), lib});
        if (!QFile::exists(lib) || !nm.waitForFinished(30000) || nm.exitCode() != 0) {
            if (inCi())
                QFAIL("nm or libvirt.so.0 missing");
            QSKIP("nm or libvirt.so.0 missing");
        }
        QSet<QString> exported;
        QList<vse::Version> nodes; // every public node the library has
        static const QRegularExpression sym(QStringLiteral("\\s(vir\\w+)@@?LIBVIRT_0\\.4\\.1$"));
        static const QRegularExpression anyNode(QStringLiteral("@@?LIBVIRT_(\\d+\\.\\d+\\.\\d+)$"));
        for (const QByteArray &line : nm.readAllStandardOutput().split('\n')) {
            if (const auto m = sym.match(QString::fromUtf8(line)); m.hasMatch())
                exported.insert(m.captured(1));
            if (const auto m = anyNode.match(QString::fromUtf8(line)); m.hasMatch())
                nodes << vse::Version::parse(m.captured(1));
        }
        QVERIFY(exported.size() > 10);
        std::sort(nodes.begin(), nodes.end());
        nodes.erase(std::unique(nodes.begin(), nodes.end()), nodes.end());

        const QString loader = QStringLiteral("./app: /lib64/libvirt.so.0: version `LIBVIRT_0.4.1' not found (required by ./app)");
        const CliRun r = run({QStringLiteral("show"), QStringLiteral("--json"), loader});
        QCOMPARE(r.exitCode, 0);
        const QJsonObject node = QJsonDocument::fromJson(r.out.toUtf8()).object().value(QLatin1String("symbolNode")).toObject();
        QCOMPARE(node.value(QLatin1String("node")).toString(), QStringLiteral("LIBVIRT_0.4.1"));
        QCOMPARE(node.value(QLatin1String("library")).toString(), QStringLiteral("libvirt.so.0"));
        QCOMPARE(node.value(QLatin1String("release")).toString(), QStringLiteral("0.4.1"));
        QSet<QString> listed;
        for (const QJsonValue &f : node.value(QLatin1String("functions")).toArray())
            listed.insert(f.toObject().value(QLatin1String("name")).toString());
        QCOMPARE(listed, exported);
        const CliRun text = run({QStringLiteral("show"), loader});
        QVERIFY2(text.out.startsWith(QLatin1String("LIBVIRT_0.4.1 is libvirt.so.0's symbol version node of libvirt "
                                                   "0.4.1: a program that needs it runs on libvirt 0.4.1 or newer")),
                 qPrintable(text.out));
        QVERIFY(text.out.contains(QStringLiteral("Its functions (%1):").arg(exported.size())));
        // A node no release has: the first gap of a minor release between two
        // nodes the library has, and one before the oldest.
        bool gapChecked = false;
        for (qsizetype i = 0; i + 1 < nodes.size() && !gapChecked; ++i) {
            const vse::Version gap(nodes.at(i).major(), nodes.at(i).minor() + 1, 0);
            if (!(gap < nodes.at(i + 1)))
                continue;
            const CliRun none = run({QStringLiteral("show"), QStringLiteral("LIBVIRT_") + gap.toString()});
            QCOMPARE(none.exitCode, 0);
            QVERIFY2(none.out.contains(QStringLiteral("No libvirt release this tool knows has it: libvirt.so.0's nodes go "
                                                      "from LIBVIRT_%1 to LIBVIRT_%2")
                                           .arg(nodes.at(i).toString(), nodes.at(i + 1).toString())),
                     qPrintable(none.out));
            gapChecked = true;
        }
        QVERIFY(gapChecked);
        QVERIFY(run({QStringLiteral("show"), QStringLiteral("LIBVIRT_0.0.1")})
                    .out.contains(QStringLiteral("oldest node is LIBVIRT_%1").arg(nodes.first().toString())));
        // A partial upgrade: libvirt's own programs and their library disagree.
        const CliRun priv = run({QStringLiteral("show"), QStringLiteral("/usr/sbin/virtqemud: /lib64/libvirt.so.0: "
                                                                        "version `LIBVIRT_PRIVATE_9.0.0' not found")});
        QCOMPARE(priv.exitCode, 0);
        QVERIFY2(priv.out.contains(QLatin1String("partial upgrade")), qPrintable(priv.out));
        // A symbol with its version, or the linker's undefined reference: the function.
        const QString fn = *exported.cbegin();
        const QStringList forms{fn + QStringLiteral("@LIBVIRT_0.4.1"), fn + QStringLiteral("@@LIBVIRT_0.4.1"),
                                QStringLiteral("app.o: in function `main': app.c:(.text+0x1d): undefined "
                                               "reference to `%1'").arg(fn)};
        for (const QString &typed : forms) {
            const CliRun f = run({QStringLiteral("show"), typed});
            QCOMPARE(f.exitCode, 0);
            QVERIFY2(f.out.startsWith(QStringLiteral("'%1' is shown as %2 (the function of that library symbol)").arg(typed, fn)),
                     qPrintable(f.out));
            QVERIFY(run({QStringLiteral("search"), typed}).out.startsWith(fn + QLatin1Char(' ')));
        }
    }

    // Taint reasons as a ticket quotes them: the id, the guest log's line,
    // virDomainGetMessages' words (taint.json, read here apart from the tool).
    // The items that set one are every indexed item at or beneath its XML
    // trigger, each of which show says taints with it.
    void showAndSearchTakeTaintReasons()
    {
        QFile catalogue(qEnvironmentVariable("VSE_SOURCE_DIR") + QStringLiteral("/resources/policy/taint.json"));
        QVERIFY(catalogue.open(QIODevice::ReadOnly));
        QString meaning, words;
        for (const QJsonValue &r : QJsonDocument::fromJson(catalogue.readAll()).object().value(QLatin1String("reasons")).toArray())
            if (r.toObject().value(QLatin1String("id")).toString() == QLatin1String("custom-argv")) {
                meaning = r.toObject().value(QLatin1String("meaning")).toString();
                words = r.toObject().value(QLatin1String("daemonMessage")).toString();
            }
        QVERIFY(!meaning.isEmpty() && !words.isEmpty());

        const auto itemsOf = [&](const QString &typed) {
            const CliRun r = run({QStringLiteral("show"), QStringLiteral("--json"), typed});
            const QJsonObject o = QJsonDocument::fromJson(r.out.toUtf8()).object();
            QStringList names;
            for (const QJsonValue &reason : o.value(QLatin1String("taintReasons")).toArray())
                for (const QJsonValue &it : reason.toObject().value(QLatin1String("items")).toArray())
                    names << reason.toObject().value(QLatin1String("id")).toString() + QLatin1Char(' ') +
                                 it.toObject().value(QLatin1String("name")).toString();
            return names;
        };
        const QStringList byId = itemsOf(QStringLiteral("custom-argv"));
        // Every item the index has under <qemu:commandline>, read by search.
        const CliRun all = run({QStringLiteral("search"), QStringLiteral("--json"), QStringLiteral("--limit"),
                                QStringLiteral("0"), QStringLiteral("xml:qemu:commandline")});
        QStringList beneath;
        for (const QJsonValue &v : QJsonDocument::fromJson(all.out.toUtf8()).array()) {
            const QString name = v.toObject().value(QLatin1String("name")).toString();
            if (name == QLatin1String("domain/qemu:commandline") || name.startsWith(QLatin1String("domain/qemu:commandline/")))
                beneath << QStringLiteral("custom-argv ") + name;
        }
        beneath.removeDuplicates();
        beneath.sort();
        QStringList sorted = byId;
        sorted.sort();
        QVERIFY2(beneath.size() >= 3, qPrintable(all.out.left(500)));
        QCOMPARE(sorted, beneath);
        for (const QString &entry : byId) {
            const QJsonObject item =
                QJsonDocument::fromJson(run({QStringLiteral("show"), QStringLiteral("--json"), entry.section(QLatin1Char(' '), 1)})
                                            .out.toUtf8())
                    .object();
            QVERIFY2(item.value(QLatin1String("taints")).toArray().first().toObject().value(QLatin1String("reason")) ==
                         QLatin1String("custom-argv"),
                     qPrintable(entry));
        }
        // The same answer from the log's line and from the daemon's words.
        QCOMPARE(itemsOf(QStringLiteral("2024-05-02 10:11:12.345+0000: Domain id=3 is tainted: custom-argv")), byId);
        QCOMPARE(itemsOf(QStringLiteral("Messages: tainted: ") + words), byId);
        const CliRun text = run({QStringLiteral("show"), QStringLiteral("custom-argv")});
        QCOMPARE(text.exitCode, 0);
        QVERIFY2(text.out.startsWith(QStringLiteral("custom-argv is a reason libvirt marks a guest tainted: ") + meaning),
                 qPrintable(text.out));
        QVERIFY(text.out.contains(QLatin1String("Guest log:  Domain id=N is tainted: custom-argv")));
        QVERIFY(text.out.contains(QStringLiteral("Indexed items that set it (%1):").arg(byId.size())));
        // search lists them first, saying why.
        const CliRun found = run({QStringLiteral("search"), QStringLiteral("Domain id=3 is tainted: custom-argv")});
        QCOMPARE(found.exitCode, 0);
        const QStringList rows = found.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        QVERIFY(rows.size() >= byId.size());
        for (qsizetype i = 0; i < byId.size(); ++i)
            QVERIFY2(rows.at(i).contains(QLatin1String("sets taint custom-argv")), qPrintable(found.out));
        // A reason the catalogue lacks: said, not guessed.
        const CliRun unknown = run({QStringLiteral("show"), QStringLiteral("Domain id=3 is tainted: frob-nicate")});
        QCOMPARE(unknown.exitCode, 1);
        QVERIFY2(unknown.err.contains(QLatin1String("'frob-nicate' is a reason this tool's taint catalogue does not know")),
                 qPrintable(unknown.err));
    }

    void showTakesErrorNumbers()
    {
        QFile header(QStringLiteral("/usr/include/libvirt/virterror.h"));
        QVERIFY(header.open(QIODevice::ReadOnly));
        QHash<QString, QHash<int, QString>> byPrefix; // "ERR"/"FROM" -> value -> name
        static const QRegularExpression valueRe(QStringLiteral("^\\s*VIR_(ERR|FROM)_(\\w+)\\s*=\\s*(\\d+)\\s*,"));
        for (const QByteArray &line : header.readAll().split('\n'))
            if (const auto m = valueRe.match(QString::fromUtf8(line)); m.hasMatch())
                byPrefix[m.captured(1)].insert(m.captured(3).toInt(), QStringLiteral("VIR_%1_%2").arg(m.captured(1), m.captured(2)));
        const QString noDomain = byPrefix.value(QStringLiteral("ERR")).value(42);
        const QString qemu = byPrefix.value(QStringLiteral("FROM")).value(10);
        const QString invalid = byPrefix.value(QStringLiteral("ERR")).value(55);
        QVERIFY(!noDomain.isEmpty() && !qemu.isEmpty() && !invalid.isEmpty());

        const QString go = QStringLiteral("virError(Code=42, Domain=10, Message='Domain not found: no domain with matching uuid')");
        const CliRun r = run({QStringLiteral("show"), go});
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.out.startsWith(QStringLiteral("'%1' is shown as %2, %3 (libvirt's error code 42 and error domain 10)\n\n"
                                                 "%2  (enum value)\n")
                                      .arg(go, noDomain, qemu)),
                 qPrintable(r.out.left(400)));
        QVERIFY(r.out.contains(QStringLiteral("\n\n%1  (enum value)\n").arg(qemu)));
        QVERIFY(r.out.contains(QLatin1String("  Value:      42\n")) && r.out.contains(QLatin1String("  Value:      10\n")));
        const CliRun j = run({QStringLiteral("show"), go, QStringLiteral("--json")});
        const QJsonArray both = QJsonDocument::fromJson(j.out.toUtf8()).array();
        QCOMPARE(both.size(), 2);
        QCOMPARE(both.at(0)[QLatin1String("name")].toString(), noDomain);
        QCOMPARE(both.at(1)[QLatin1String("name")].toString(), qemu);
        QCOMPARE(both.at(0)[QLatin1String("lookup")][QLatin1String("via")].toString(), QStringLiteral("error-number"));
        for (const QString &typed : {QStringLiteral("libvirt error code: 55, message: Requested operation is not valid"),
                                     QStringLiteral("error code 55"), QStringLiteral("Error 55")}) {
            const CliRun one = run({QStringLiteral("show"), typed});
            QVERIFY2(one.out.startsWith(QStringLiteral("'%1' is shown as %2 (libvirt's error code 55)\n\n").arg(typed, invalid)),
                     qPrintable(one.out.left(300)));
        }
        // A number no indexed release has: said, not guessed (exit 1).
        const int beyond = std::ranges::max(byPrefix.value(QStringLiteral("ERR")).keys()) + 1000;
        const CliRun none = run({QStringLiteral("show"), QStringLiteral("error code %1").arg(beyond)});
        QCOMPARE(none.exitCode, 1);
        QVERIFY2(none.err.contains(QStringLiteral("no indexed release has a value for error code %1").arg(beyond)),
                 qPrintable(none.err));
        // Numbers alone in other words stay what they were.
        QCOMPARE(run({QStringLiteral("show"), QStringLiteral("42")}).out.contains(noDomain), false);
        // search puts the values first, each row saying which number it is.
        const QStringList rows = run({QStringLiteral("search"), go}).out.split(QLatin1Char('\n'));
        QVERIFY2(rows.size() > 2 && rows.at(0).startsWith(noDomain + QLatin1Char(' ')) &&
                     rows.at(0).endsWith(QLatin1String("libvirt's error code 42")) &&
                     rows.at(1).startsWith(qemu + QLatin1Char(' ')) &&
                     rows.at(1).endsWith(QLatin1String("libvirt's error domain 10")),
                 qPrintable(rows.mid(0, 3).join(QLatin1Char('\n'))));
        const QJsonObject first = QJsonDocument::fromJson(run({QStringLiteral("search"), QStringLiteral("error code 55"),
                                                               QStringLiteral("--json")})
                                                              .out.toUtf8())
                                      .array()
                                      .first()
                                      .toObject();
        QCOMPARE(first.value(QLatin1String("name")).toString(), invalid);
        QCOMPARE(first.value(QLatin1String("match")).toString(), QStringLiteral("error-number"));
        QCOMPARE(first.value(QLatin1String("errorNumber")).toString(), QStringLiteral("error code 55"));
        // A prototype pasted into search finds the function itself (only
        // documentation-text matches came back).
        const QString proto = run({QStringLiteral("search"), QStringLiteral("const char *virConnectGetType(virConnectPtr conn);")}).out;
        QVERIFY2(proto.startsWith(QLatin1String("virConnectGetType ")) &&
                     proto.section(QLatin1Char('\n'), 0, 0).endsWith(QLatin1String("(exact match)")),
                 qPrintable(proto.left(300)));
    }

    void searchReadsVirshAndTags()
    {
        const CliRun v = run({QStringLiteral("search"), QStringLiteral("virsh domstate"), QStringLiteral("--limit"),
                              QStringLiteral("1")});
        QVERIFY2(v.out.startsWith(QLatin1String("domstate ")) && v.out.contains(QLatin1String("virsh-command")),
                 qPrintable(v.out));
        const CliRun t = run({QStringLiteral("search"), QStringLiteral("<qemu:commandline/>"), QStringLiteral("--limit"),
                              QStringLiteral("1")});
        QVERIFY2(t.out.startsWith(QLatin1String("domain/qemu:commandline ")), qPrintable(t.out));
        // An XPath is read as the XML item's name, not as words of its text.
        const CliRun x = run({QStringLiteral("search"), QStringLiteral("domain/devices/disk/driver/@cache"),
                              QStringLiteral("--limit"), QStringLiteral("1")});
        QVERIFY2(x.out.startsWith(QLatin1String("domain/devices/disk/driver@cache ")) &&
                     x.out.contains(QLatin1String("(exact match)")),
                 qPrintable(x.out));
    }

    // A tag with attributes: search lists first what show reads it as (the
    // values the attributes name, in the order given), then the elements.
    void searchReadsTagAttributesAsShowDoes_data()
    {
        QTest::addColumn<QString>("tag");
        QTest::newRow("two attributes") << QStringLiteral("<disk type='file' device='cdrom'>");
        QTest::newRow("driver") << QStringLiteral("<driver name='qemu' type='qcow2' cache='none'/>");
    }

    void searchReadsTagAttributesAsShowDoes()
    {
        QFETCH(QString, tag);
        QStringList shown;
        const QJsonArray answers =
            QJsonDocument::fromJson(run({QStringLiteral("show"), tag, QStringLiteral("--json")}).out.toUtf8()).array();
        for (const QJsonValue &v : answers)
            shown << v.toObject().value(QLatin1String("name")).toString();
        QVERIFY2(shown.size() >= 2, qPrintable(shown.join(QLatin1Char(' '))));
        const QString element =
            answers.first().toObject().value(QLatin1String("lookup")).toObject().value(QLatin1String("element")).toString();
        const CliRun s = run({QStringLiteral("search"), tag, QStringLiteral("--json")});
        QCOMPARE(s.exitCode, 0);
        const QJsonArray hits = QJsonDocument::fromJson(s.out.toUtf8()).array();
        QStringList first;
        for (const QJsonValue &v : hits) {
            if (v.toObject().value(QLatin1String("match")).toString() != QLatin1String("tag"))
                break;
            first << v.toObject().value(QLatin1String("name")).toString();
            QCOMPARE(v.toObject().value(QLatin1String("element")).toString(), element);
        }
        QCOMPARE(first, shown);
        // Then the elements of that name, as before: the one read among them.
        bool listed = false;
        for (qsizetype i = first.size(); i < hits.size(); ++i)
            listed |= hits.at(i).toObject().value(QLatin1String("name")).toString() == element &&
                      hits.at(i).toObject().value(QLatin1String("match")).toString() == QLatin1String("exact");
        QVERIFY2(listed, qPrintable(element));
        const CliRun text = run({QStringLiteral("search"), tag, QStringLiteral("--limit"), QStringLiteral("1")});
        QVERIFY2(text.out.startsWith(shown.first() + QLatin1Char(' ')) && text.out.contains(QLatin1String("as the tag says")),
                 qPrintable(text.out));
    }

    void protocolDaemonNames_data()
    {
        QTest::addColumn<QString>("daemon");
        QTest::addColumn<QString>("program");
        QTest::newRow("virtlockd") << QStringLiteral("virtlockd") << QStringLiteral("lock");
        QTest::newRow("virtlogd") << QStringLiteral("virtlogd") << QStringLiteral("log");
        QTest::newRow("file name") << QStringLiteral("lock_protocol.x") << QStringLiteral("lock");
    }

    void protocolDaemonNames()
    {
        QFETCH(QString, daemon);
        QFETCH(QString, program);
        const CliRun byDaemon = run({QStringLiteral("protocol"), daemon});
        const CliRun byProgram = run({QStringLiteral("protocol"), program});
        QCOMPARE(byProgram.exitCode, 0);
        QCOMPARE(byDaemon.exitCode, 0);
        QCOMPARE(byDaemon.out, byProgram.out);
        QVERIFY2(byDaemon.out.startsWith(QStringLiteral("Program ") + program +
                                         QStringLiteral(" in release ") + m_installed +
                                         QStringLiteral(" (release history")),
                 qPrintable(byDaemon.out));
    }

    void protocolUnknownListsPrograms()
    {
        const CliRun r = run({QStringLiteral("protocol"), QStringLiteral("virtbogusd")});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.endsWith(QLatin1String(
                     "; programs: admin, keepalive, lock, log, lxc, lxc-monitor, qemu, "
                     "remote, virnet (daemons: virtlockd = lock, virtlogd = log)\n")),
                 qPrintable(r.err));
    }

    void protocolListCountsHistoryProcedures()
    {
        const CliRun r = run({QStringLiteral("protocol")});
        QCOMPARE(r.exitCode, 0);
        // The history rows carry no procedure count: it is counted.
        QVERIFY2(QRegularExpression(QStringLiteral("^lock +private +\\d+ procedures  "),
                                    QRegularExpression::MultilineOption)
                     .match(r.out)
                     .hasMatch(),
                 qPrintable(r.out));
    }

    void noMatchOffersNearest_data()
    {
        QTest::addColumn<QString>("command");
        QTest::addColumn<QString>("typo");
        QTest::addColumn<QString>("first");
        QTest::newRow("search") << QStringLiteral("search")
                                << QStringLiteral("virDomainGetGuestInfoo")
                                << QStringLiteral("virDomainGetGuestInfo");
        QTest::newRow("show") << QStringLiteral("show") << QStringLiteral("virDomainGetGuestInfoo")
                              << QStringLiteral("virDomainGetGuestInfo");
        QTest::newRow("show openn") << QStringLiteral("show") << QStringLiteral("virConnectOpenn")
                                    << QStringLiteral("virConnectOpen");
    }

    void noMatchOffersNearest()
    {
        QFETCH(QString, command);
        QFETCH(QString, typo);
        QFETCH(QString, first);
        const CliRun r = run({command, typo});
        QCOMPARE(r.exitCode, 1);
        QCOMPARE(r.out, QString());
        const QString head =
            QStringLiteral("virt-support %1: no match for '%2'; nearest names:\n  %3\n")
                .arg(command, typo, first);
        QVERIFY2(r.err.startsWith(head), qPrintable(r.err));
    }

    void searchTypoRanksNearFirst()
    {
        // virConnectOpenn is a subsequence of virConnectOpenReadOnly (a fuzzy
        // match), but one letter away from virConnectOpen.
        const CliRun r = run({QStringLiteral("search"), QStringLiteral("virConnectOpenn"),
                              QStringLiteral("--limit"), QStringLiteral("2")});
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.out.section(QLatin1Char('\n'), 0, 0),
                 QStringLiteral("virConnectOpen                                   function      "
                                "stable               0.0.3     (near match)"));
    }

    void searchNoMatchAtAll()
    {
        const CliRun r = run({QStringLiteral("search"), QStringLiteral("zzqqxxj")});
        QCOMPARE(r.exitCode, 1);
        QCOMPARE(r.out, QString());
        QCOMPARE(r.err, QStringLiteral("virt-support search: no match for 'zzqqxxj'\n"));
    }

    void tierBogusListsTiers()
    {
        const CliRun r = run({QStringLiteral("search"), QStringLiteral("virDomain"),
                              QStringLiteral("--tier"), QStringLiteral("bogus")});
        QCOMPARE(r.exitCode, 2);
        QCOMPARE(r.err,
                 QStringLiteral(
                     "virt-support search: unknown tier 'bogus'; tiers and tier groups: stable, "
                     "hypervisor-specific, stable-value, namespace-extension, stable-abi, "
                     "stable-wire, private, not-guaranteed, stable-command, unclassified\n"));
    }

    void maxVersionNotARelease_data()
    {
        QTest::addColumn<QString>("version");
        QTest::newRow("four parts") << QStringLiteral("6.0.0.1");
        QTest::newRow("no such minor") << QStringLiteral("6.11.0");
    }

    void maxVersionUnknownName()
    {
        // A word: the distribution releases the tool knows are listed.
        const CliRun r = run({QStringLiteral("search"), QStringLiteral("virDomain"), QStringLiteral("--max-version"),
                              QStringLiteral("sles-15")});
        QCOMPARE(r.exitCode, 2);
        QCOMPARE(r.out, QString());
        QVERIFY2(r.err.startsWith(QLatin1String("virt-support search: 'sles-15' is neither a libvirt release number "
                                                "(such as 6.0.0) nor a distribution release this tool knows: debian-11, ")) &&
                     r.err.contains(QLatin1String(", rhel-9")),
                 qPrintable(r.err));
    }

    void maxVersionNotARelease()
    {
        QFETCH(QString, version);
        const CliRun r = run({QStringLiteral("search"), QStringLiteral("virDomain"),
                              QStringLiteral("--max-version"), version});
        QCOMPARE(r.exitCode, 2);
        QCOMPARE(r.out, QString());
        QCOMPARE(r.err,
                 QStringLiteral(
                     "virt-support search: '%1' is not a libvirt release number; give one like "
                     "6.0.0: X.Y.0 from 2.0.0 on (2.0.0 - 2.5.0, then X.0.0 - X.10.0 each year), "
                     "or an older release such as 0.9.11 or 1.3.5, or a distribution release "
                     "(debian-12, bookworm, rhel-9, ubuntu-22.04, ...)\n")
                     .arg(version));
    }

    // A release as support engineers have it at hand: a tag, a package
    // version from dpkg -l or rpm -q, a distribution. The answer is the one
    // for the release it stands for; how it was read goes to stderr only.
    void maxVersionAsPeopleHaveIt_data()
    {
        QTest::addColumn<QString>("typed");
        QTest::addColumn<QString>("version");
        QTest::addColumn<QString>("how");
        QTest::newRow("git tag") << QStringLiteral("v6.0.0") << QStringLiteral("6.0.0") << QString();
        QTest::newRow("Debian package") << QStringLiteral("6.0.0-8+deb11u1") << QStringLiteral("6.0.0")
                                        << QStringLiteral("the upstream release the package carries");
        QTest::newRow("epoch and Ubuntu") << QStringLiteral("1:6.0.0-0ubuntu8.16") << QStringLiteral("6.0.0")
                                          << QStringLiteral("the upstream release the package carries");
        QTest::newRow("RPM") << QStringLiteral("libvirt-6.0.0-35.module+el8.5") << QStringLiteral("6.0.0")
                             << QStringLiteral("the upstream release the package carries");
        QTest::newRow("codename") << QStringLiteral("bookworm") << QStringLiteral("9.0.0")
                                  << QStringLiteral("Debian 12 (bookworm) ships it");
        QTest::newRow("as written") << QStringLiteral("Debian 12") << QStringLiteral("9.0.0")
                                    << QStringLiteral("Debian 12 (bookworm) ships it");
    }

    void maxVersionAsPeopleHaveIt()
    {
        QFETCH(QString, typed);
        QFETCH(QString, version);
        QFETCH(QString, how);
        const QStringList args{QStringLiteral("search"), QStringLiteral("--newer-than"), QString(),
                               QStringLiteral("--kind"), QStringLiteral("function"), QStringLiteral("--json")};
        QStringList given = args, plain = args;
        given[2] = typed;
        plain[2] = version;
        const CliRun r = run(given);
        const CliRun p = run(plain);
        QCOMPARE(r.exitCode, 0);
        QVERIFY(!p.out.isEmpty());
        QCOMPARE(r.out, p.out);
        const QString said = QStringLiteral("virt-support search: '%1' read as libvirt %2").arg(typed, version);
        QVERIFY2(r.err.startsWith(said) && r.err.contains(how), qPrintable(r.err));
        QCOMPARE(r.err.count(QLatin1Char('\n')), 1);
    }

    void maxVersionBeyondKnown()
    {
        const CliRun r = run({QStringLiteral("search"), QStringLiteral("virConnectOpen"),
                              QStringLiteral("--max-version"), QStringLiteral("99.0.0"),
                              QStringLiteral("--limit"), QStringLiteral("1")});
        QCOMPARE(r.exitCode, 0);
        // Beyond the shipped history too: the history's newest release is the limit.
        const QRegularExpression note(QStringLiteral(
            "^virt-support search: 99\\.0\\.0 is newer than every indexed release \\(newest: "
            "(\\d+\\.\\d+\\.\\d+)\\); "
            "what came after (\\d+\\.\\d+\\.\\d+) is not known, so nothing is reported as too new for it\n$"));
        const auto m = note.match(r.err);
        QVERIFY2(m.hasMatch(), qPrintable(r.err));
        const vse::Version limit = vse::Version::parse(m.captured(2));
        QVERIFY(!(limit < vse::Version::parse(m.captured(1))));
        QVERIFY(r.out.startsWith(QLatin1String("virConnectOpen ")));
        // Within the history's releases, the history answers.
        if (vse::Version::parse(m.captured(1)) < limit) {
            const CliRun inside = run({QStringLiteral("search"), QStringLiteral("virConnectOpen"),
                                       QStringLiteral("--max-version"), limit.toString(),
                                       QStringLiteral("--limit"), QStringLiteral("1")});
            QVERIFY2(inside.err.contains(QStringLiteral("what came after it is known from the shipped release "
                                                        "history, up to ") + limit.toString()),
                     qPrintable(inside.err));
        }
    }

    void globalOptionAfterCommand_data()
    {
        QTest::addColumn<QStringList>("tail");
        QTest::newRow("--index FILE") << QStringList{QStringLiteral("--index")};
        QTest::newRow("--index=FILE") << QStringList{};
    }

    void globalOptionAfterCommand()
    {
        QFETCH(QStringList, tail);
        QStringList args{QStringLiteral("show"), QStringLiteral("virConnectOpen")};
        if (tail.isEmpty())
            args << QStringLiteral("--index=") + m_index;
        else
            args << tail << m_index;
        // No global --index before the command: the one after it must be used
        // (the cache directory of this test has no index).
        const CliRun r = runCli(QString(), args);
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.err, QString());
        QCOMPARE(r.out, run({QStringLiteral("show"), QStringLiteral("virConnectOpen")}).out);
    }

    void searchJsonCarriesTaintReasons()
    {
        const CliRun r =
            run({QStringLiteral("search"), QStringLiteral("virDomainQemuMonitorCommand"),
                 QStringLiteral("--limit"), QStringLiteral("1"), QStringLiteral("--json")});
        QCOMPARE(r.exitCode, 0);
        const QJsonObject o = QJsonDocument::fromJson(r.out.toUtf8()).array().at(0).toObject();
        QCOMPARE(o.value(QLatin1String("tainted")).toBool(), true);
        const QJsonArray taints = o.value(QLatin1String("taints")).toArray();
        QCOMPARE(taints.size(), 1);
        const QJsonObject t = taints.at(0).toObject();
        QCOMPARE(t.value(QLatin1String("reason")).toString(), QStringLiteral("custom-monitor"));
        QVERIFY(!t.value(QLatin1String("meaning")).toString().isEmpty());
        QCOMPARE(t.value(QLatin1String("sources")).toArray().size(), 1);
        QVERIFY(t.value(QLatin1String("sources"))
                    .toArray()
                    .at(0)
                    .toString()
                    .startsWith(QLatin1String("libvirt 11.3.0 src/qemu/qemu_driver.c:")));
    }

    void checkXmlFlagsInterfaceScript()
    {
        QTemporaryDir dir;
        const QString file = dir.filePath(QStringLiteral("script.xml"));
        QFile f(file);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(
            "<domain type='kvm'>\n  <name>demo</name>\n  <memory unit='KiB'>1048576</memory>\n"
            "  <os><type arch='x86_64'>hvm</type></os>\n  <devices>\n    <interface "
            "type='ethernet'>\n"
            "      <script path='/etc/qemu-ifup'/>\n    </interface>\n  </devices>\n</domain>\n");
        f.close();
        const CliRun r = run({QStringLiteral("check-xml"), file, QStringLiteral("--json")});
        bool flagged = false;
        for (const auto &v : QJsonDocument::fromJson(r.out.toUtf8())
                                 .object()
                                 .value(QLatin1String("findings"))
                                 .toArray())
            flagged |= v.toObject().value(QLatin1String("taint")).toString() ==
                       QLatin1String("shell-scripts");
        QVERIFY2(flagged, qPrintable(r.out + r.err));
    }

    void showJsonHasWhatTextShows()
    {
        const CliRun r = run({QStringLiteral("show"), QStringLiteral("virDomainQemuMonitorCommand"),
                              QStringLiteral("--json")});
        QCOMPARE(r.exitCode, 0);
        const QJsonObject o = QJsonDocument::fromJson(r.out.toUtf8()).object();
        const CliRun text =
            run({QStringLiteral("show"), QStringLiteral("virDomainQemuMonitorCommand")});
        // Tier label and rule, taint with meaning and source, release, file:line.
        const QJsonObject taint = o.value(QLatin1String("taints")).toArray().at(0).toObject();
        const QString source = taint.value(QLatin1String("sources")).toArray().at(0).toString();
        QVERIFY(!source.isEmpty());
        QVERIFY2(text.out.contains(QStringLiteral("    source:   ") + source + QLatin1Char('\n')),
                 qPrintable(text.out));
        QVERIFY(text.out.contains(
            QStringLiteral("Tier:       ") + o.value(QLatin1String("tierLabel")).toString() +
            QStringLiteral(" \u2014 ") + o.value(QLatin1String("tierRule")).toString()));
        QVERIFY(text.out.contains(QStringLiteral("Taint:      custom-monitor \u2014 ") +
                                  taint.value(QLatin1String("meaning")).toString()));
        QVERIFY(text.out.contains(QStringLiteral("Release:    ") +
                                  o.value(QLatin1String("release")).toString()));
        QVERIFY(text.out.contains(QStringLiteral("Defined in: ") +
                                  o.value(QLatin1String("file")).toString() + QLatin1Char(':') +
                                  QString::number(o.value(QLatin1String("line")).toInt())));
        // The since fields keep their shape.
        QCOMPARE(o.value(QLatin1String("since")).toString(), QStringLiteral("0.8.3"));
        QCOMPARE(o.value(QLatin1String("sinceText")).toString(), QStringLiteral("0.8.3"));
        QVERIFY(o.value(QLatin1String("sinceRange")).isObject());
    }
};

QTEST_GUILESS_MAIN(TestCliLookups)
#include "tst_cli_lookups.moc"
