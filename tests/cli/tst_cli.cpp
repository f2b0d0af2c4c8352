// The virt-support command line on the installed libvirt, checked the way a
// user sees it: output text, JSON and exit codes.
#include "clirunner.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>
#include <QVersionNumber>

using namespace vse::testdata;

class TestCli : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;
    QString m_index;

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(QFile::exists(qEnvironmentVariable("VSE_CLI")));
        if (!QFile::exists(QStringLiteral("/usr/include/libvirt/libvirt.h")))
            QSKIP("libvirt-dev is not installed");
        m_index = m_dir.filePath(QStringLiteral("index.sqlite"));
        const CliRun r = runCli(m_index, {QStringLiteral("index")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY(r.out.contains(QLatin1String("Indexed 1 changed source")));
    }

    void secondIndexIsUpToDate()
    {
        const CliRun r = runCli(m_index, {QStringLiteral("index")});
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.out.startsWith(QLatin1String("Index is up to date")), qPrintable(r.out));
    }

    void showConnectOpen()
    {
        const CliRun r = runCli(m_index, {QStringLiteral("show"), QStringLiteral("virConnectOpen")});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.contains(QStringLiteral("Tier:       stable \u2014")));
        QVERIFY(r.out.contains(QLatin1String("Since:      0.0.3 (symbol version: libvirt.so.0: LIBVIRT_0.0.3)")));
        QVERIFY(r.out.contains(QLatin1String("virConnectPtr virConnectOpen(const char *name)")));
        QVERIFY(QRegularExpression(QStringLiteral("Defined in: libvirt/libvirt-host.h:\\d+")).match(r.out).hasMatch());
    }

    void showQemuMonitorCommandJson()
    {
        const CliRun r = runCli(m_index, {QStringLiteral("show"), QStringLiteral("virDomainQemuMonitorCommand"),
                                          QStringLiteral("--json")});
        QCOMPARE(r.exitCode, 0);
        const QJsonObject o = QJsonDocument::fromJson(r.out.toUtf8()).object();
        QCOMPARE(o.value(QLatin1String("tier")).toString(), QStringLiteral("hypervisor-specific"));
        QCOMPARE(o.value(QLatin1String("hypervisor")).toString(), QStringLiteral("qemu"));
        QCOMPARE(o.value(QLatin1String("since")).toString(), QStringLiteral("0.8.3"));
        QCOMPARE(o.value(QLatin1String("sinceEvidence")).toObject().value(QLatin1String("kind")).toString(),
                 QStringLiteral("symbol-version"));
        const QJsonArray taints = o.value(QLatin1String("taints")).toArray();
        QCOMPARE(taints.size(), 1);
        QCOMPARE(taints.at(0).toObject().value(QLatin1String("reason")).toString(), QStringLiteral("custom-monitor"));
        QVERIFY(!taints.at(0).toObject().value(QLatin1String("meaning")).toString().isEmpty());
        QVERIFY(o.value(QLatin1String("tierRule")).toString().contains(QLatin1String("tainted")));
    }

    // A script looking up many names in one call gets, in order, exactly
    // what one call per name prints: text blocks apart by a blank line, or
    // one JSON array of the single answers; a name that found nothing is
    // said on stderr and makes the exit code 1, the others still answered.
    void showSeveralNamesAnswersEachAsAlone()
    {
        const QStringList names{QStringLiteral("virConnectOpen"), QStringLiteral("nosuchThingAnywhere"),
                                QStringLiteral("log_level"), QStringLiteral("custom-argv"),
                                QStringLiteral("virDomainGetMessages")};
        QStringList texts;
        QJsonArray answers;
        for (const QString &n : names) {
            const CliRun t = runCli(m_index, {QStringLiteral("show"), n});
            QCOMPARE(t.exitCode, n == names.at(1) ? 1 : 0);
            if (!t.out.isEmpty())
                texts << t.out;
            const CliRun j = runCli(m_index, {QStringLiteral("show"), QStringLiteral("--json"), n});
            const QJsonDocument d = QJsonDocument::fromJson(j.out.toUtf8());
            QVERIFY2(!d.isNull(), qPrintable(n));
            answers.append(d.isArray() ? QJsonValue(d.array()) : QJsonValue(d.object()));
        }
        QCOMPARE(texts.size(), 4);
        const CliRun all = runCli(m_index, QStringList{QStringLiteral("show")} + names);
        QCOMPARE(all.exitCode, 1);
        QCOMPARE(all.out, texts.join(u'\n'));
        QVERIFY2(all.err.contains(QLatin1String("no match for 'nosuchThingAnywhere'")), qPrintable(all.err));
        const CliRun json = runCli(m_index, QStringList{QStringLiteral("show"), QStringLiteral("--json")} + names);
        QCOMPARE(json.exitCode, 1);
        const QJsonArray got = QJsonDocument::fromJson(json.out.toUtf8()).array();
        QCOMPARE(got.size(), names.size());
        QCOMPARE(got, answers);
        QCOMPARE(got.at(2).toArray().size(), 3); // log_level: three daemons' option
        // "virsh domstate --reason" typed without quotes is one virsh command
        // line, its options not show's; show's own still count.
        const CliRun quoted = runCli(m_index, {QStringLiteral("show"), QStringLiteral("--json"),
                                               QStringLiteral("virsh domstate --reason")});
        QCOMPARE(quoted.exitCode, 0);
        const CliRun virsh = runCli(m_index, {QStringLiteral("show"), QStringLiteral("virsh"), QStringLiteral("domstate"),
                                              QStringLiteral("--reason"), QStringLiteral("--json")});
        QCOMPARE(virsh.exitCode, 0);
        QCOMPARE(virsh.out, quoted.out);
        QVERIFY2(virsh.out.contains(QLatin1String("\"name\": \"domstate --reason\"")), qPrintable(virsh.out));
        QCOMPARE(runCli(m_index, {QStringLiteral("show")}).exitCode, 2);
    }

    void lastValuesWarn()
    {
        const CliRun r = runCli(m_index, {QStringLiteral("show"), QStringLiteral("VIR_DOMAIN_LAST")});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.contains(QLatin1String("Warning:")));
        QVERIFY(r.out.contains(QLatin1String("_LAST")));
    }

    void searchRanksExactFirst()
    {
        const CliRun r = runCli(m_index, {QStringLiteral("search"), QStringLiteral("virDomainCreate"),
                                          QStringLiteral("--json")});
        QCOMPARE(r.exitCode, 0);
        const QJsonArray a = QJsonDocument::fromJson(r.out.toUtf8()).array();
        QVERIFY(a.size() > 3);
        QCOMPARE(a.at(0).toObject().value(QLatin1String("name")).toString(), QStringLiteral("virDomainCreate"));
        QCOMPARE(a.at(0).toObject().value(QLatin1String("match")).toString(), QStringLiteral("exact"));
        // Classes never go back: exact < prefix < substring < fuzzy < text.
        const QStringList order{QStringLiteral("exact"), QStringLiteral("prefix"), QStringLiteral("substring"),
                                QStringLiteral("fuzzy"), QStringLiteral("text")};
        int last = 0;
        for (const auto &v : a) {
            const int cls = int(order.indexOf(v.toObject().value(QLatin1String("match")).toString()));
            QVERIFY(cls >= last);
            last = cls;
        }
    }

    void searchFuzzy()
    {
        const CliRun r = runCli(m_index, {QStringLiteral("search"), QStringLiteral("dmcrxml"), QStringLiteral("--kind"),
                                          QStringLiteral("function"), QStringLiteral("--json")});
        QCOMPARE(r.exitCode, 0);
        const QJsonArray a = QJsonDocument::fromJson(r.out.toUtf8()).array();
        QStringList names;
        for (const auto &v : a)
            names << v.toObject().value(QLatin1String("name")).toString();
        QVERIFY2(names.contains(QStringLiteral("virDomainCreateXML")), qPrintable(names.join(u',')));
        // The text says which kind of match, in words that cannot be read as
        // speaking of the since column beside it.
        const CliRun text = runCli(m_index, {QStringLiteral("search"), QStringLiteral("dmcrxml"), QStringLiteral("--kind"),
                                             QStringLiteral("function")});
        const QString line = text.out.section(QLatin1Char('\n'), 0, 0);
        QVERIFY2(line.startsWith(QLatin1String("virDomainCreateXML ")) && line.contains(QLatin1String(" (fuzzy match)")),
                 qPrintable(text.out));
        const CliRun exact = runCli(m_index, {QStringLiteral("search"), QStringLiteral("virDomainCreateXML")});
        QVERIFY2(exact.out.section(QLatin1Char('\n'), 0, 0).contains(QLatin1String(" (exact match)")), qPrintable(exact.out));
    }

    void searchFiltersByTierAndVersion()
    {
        const CliRun all = runCli(m_index, {QStringLiteral("search"), QStringLiteral("api:virDomain"),
                                            QStringLiteral("--kind"), QStringLiteral("function"),
                                            QStringLiteral("--limit"), QStringLiteral("0"), QStringLiteral("--json")});
        const CliRun old = runCli(m_index, {QStringLiteral("search"), QStringLiteral("api:virDomain"),
                                            QStringLiteral("--kind"), QStringLiteral("function"),
                                            QStringLiteral("--max-version"), QStringLiteral("1.0.0"),
                                            QStringLiteral("--limit"), QStringLiteral("0"), QStringLiteral("--json")});
        const QJsonArray a = QJsonDocument::fromJson(all.out.toUtf8()).array();
        const QJsonArray b = QJsonDocument::fromJson(old.out.toUtf8()).array();
        QVERIFY(b.size() > 50);
        QVERIFY(b.size() < a.size());
        for (const auto &v : b) {
            const QString since = v.toObject().value(QLatin1String("since")).toString();
            QVERIFY2(since.isEmpty() || QVersionNumber::fromString(since) <= QVersionNumber(1, 0, 0), qPrintable(since));
        }
        const CliRun hv = runCli(m_index, {QStringLiteral("search"), QStringLiteral("vir"), QStringLiteral("--tier"),
                                           QStringLiteral("hypervisor-specific"), QStringLiteral("--limit"),
                                           QStringLiteral("0"), QStringLiteral("--json")});
        const QJsonArray h = QJsonDocument::fromJson(hv.out.toUtf8()).array();
        QVERIFY(!h.isEmpty());
        // The group also holds stable-wire (tiers.json): the qemu and lxc
        // protocol programs the release history adds.
        for (const auto &v : h)
            QVERIFY(QStringList({QStringLiteral("hypervisor-specific"), QStringLiteral("stable-wire")})
                        .contains(v.toObject().value(QLatin1String("tier")).toString()));
    }

    void exitCodes()
    {
        QCOMPARE(runCli(m_index, {QStringLiteral("frobnicate")}).exitCode, 2);
        QCOMPARE(runCli(m_index, {QStringLiteral("search")}).exitCode, 2);
        QCOMPARE(runCli(m_index, {QStringLiteral("search"), QStringLiteral("x"), QStringLiteral("--kind"),
                                  QStringLiteral("nonsense")}).exitCode, 2);
        QCOMPARE(runCli(m_index, {QStringLiteral("search"), QStringLiteral("x"), QStringLiteral("--max-version"),
                                  QStringLiteral("abc")}).exitCode, 2);
        const CliRun missing = runCli(m_index, {QStringLiteral("show"), QStringLiteral("virDomainCreateXm")});
        QCOMPARE(missing.exitCode, 1);
        QVERIFY(missing.err.contains(
            QLatin1String("no match for 'virDomainCreateXm'; nearest names:")));
        QVERIFY(missing.err.contains(QLatin1String("virDomainCreateXML")));
        const CliRun help = runCli(m_index, {QStringLiteral("show"), QStringLiteral("--help")});
        QCOMPARE(help.exitCode, 0);
        QVERIFY(help.out.startsWith(QLatin1String("Usage: virt-support show")));
        QCOMPARE(runCli(m_index, {QStringLiteral("--help")}).exitCode, 0);
    }

    // Every exit code a command's --help promises is explained in the
    // global --help, which scripts read first (8 and 9 were missing).
    void globalHelpExplainsEveryExitCode()
    {
        const CliRun global = runCli(m_index, {QStringLiteral("--help")});
        const QString codes = global.out.section(QLatin1String("Exit codes:\n"), 1);
        QVERIFY2(!codes.isEmpty(), qPrintable(global.out));
        static const QRegularExpression codeLine(QStringLiteral("^  (\\d)  \\S"), QRegularExpression::MultilineOption);
        QSet<int> explained;
        for (auto it = codeLine.globalMatch(codes); it.hasNext();)
            explained.insert(it.next().captured(1).toInt());
        // What the commands say they return: "8 syntax errors", "9 when PATH ...".
        static const QRegularExpression promised(QStringLiteral("(?:[(,;:] |code is )(\\d) (?:[a-z]|when|only)"));
        QSet<int> used;
        for (const char *command : {"check-xml", "check-config", "check-script", "triage", "host", "scan"}) {
            const QString help = runCli(m_index, {QLatin1String(command), QStringLiteral("--help")}).out.simplified();
            for (auto it = promised.globalMatch(help); it.hasNext();)
                used.insert(it.next().captured(1).toInt());
        }
        QVERIFY2(used.contains(8) && used.contains(9), qPrintable(QStringLiteral("parsed: %1").arg(used.size())));
        for (int code : std::as_const(used))
            QVERIFY2(explained.contains(code), qPrintable(QStringLiteral("exit code %1 is not in --help").arg(code)));
    }

    void statsCountsMatchSearch()
    {
        const CliRun s = runCli(m_index, {QStringLiteral("stats"), QStringLiteral("--json")});
        QCOMPARE(s.exitCode, 0);
        const QJsonObject o = QJsonDocument::fromJson(s.out.toUtf8()).object();
        // The installed release's functions plus those the release history
        // adds (removed before it).
        const int functions = o.value(QLatin1String("releases")).toArray().at(0).toObject()
                                  .value(QLatin1String("kinds")).toObject().value(QLatin1String("function")).toInt() +
                              o.value(QLatin1String("history")).toObject().value(QLatin1String("kinds")).toObject()
                                  .value(QLatin1String("function")).toInt();
        const CliRun f = runCli(m_index, {QStringLiteral("search"), QString(), QStringLiteral("--kind"),
                                          QStringLiteral("function"), QStringLiteral("--limit"), QStringLiteral("0"),
                                          QStringLiteral("--json")});
        QCOMPARE(int(QJsonDocument::fromJson(f.out.toUtf8()).array().size()), functions);
        QVERIFY(functions > 400);
    }
};

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
