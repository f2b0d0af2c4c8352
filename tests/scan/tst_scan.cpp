// virt-support scan on fixtures this test writes: C with nested
// #if LIBVIR_CHECK_VERSION / #else, LIBVIR_VERSION_NUMBER comparisons,
// run-time checks of virConnectGetLibVersion, a VIR_ERR_NO_SUPPORT fallback,
// flags, hypervisor-specific and tainting calls; the exact findings against
// the real index of the installed libvirt; the four output formats (SARIF
// checked against the SARIF 2.1.0 schema's required structure by a real
// JSON-schema validator); bad input.
#include "clirunner.h"
#include "scan/compiledb.h"
#include "scan/preprocessorguards.h"
#include "debianpackages.h"
#include "scantestsupport.h"
#include "testfiles.h"

#include <QDir>
#include <QHash>
#include <QMap>
#include <QSet>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTest>

#include <sys/stat.h>

using namespace vse;
using namespace vse::testdata;
using namespace vse::scan;

// scanfixture.cpp: the C fixture and the SARIF schema's required structure (kept out of this file,
// which moc reads).
extern const char *const kFixtureText;
extern const char *const kSarifRequiredSchema;

namespace {

QByteArray fixture()
{
    return QByteArray(kFixtureText);
}

int lineOf(const QByteArray &text, const char *marker)
{
    const QByteArray m = QByteArray("/*@") + marker + "*/";
    const qsizetype at = text.indexOf(m);
    return at < 0 ? -1 : int(text.left(at).count('\n')) + 1;
}

const Use *useAt(const QList<FileScan> &scans, int line, const QString &symbol)
{
    for (const auto &fs : scans)
        for (const auto &u : fs.uses)
            if (u.pos.line == line && u.symbol == symbol)
                return &u;
    return nullptr;
}

} // namespace

class TestScan : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_index;
    Store m_store;
    QString m_fixtureDir;

private slots:
    void initTestCase()
    {
        QString problem;
        m_index = scantest::installedIndex(&problem);
        QVERIFY2(!m_index.isEmpty(), qPrintable(problem));
        Diagnostics d;
        QVERIFY(m_store.open(m_index, &d));
        m_fixtureDir = m_dir.filePath(QStringLiteral("app"));
        QVERIFY(scantest::writeFile(m_fixtureDir + QStringLiteral("/main.c"), fixture()));
    }

    void preprocessorGuards()
    {
        const QByteArray text =
            "#if LIBVIR_CHECK_VERSION(1, 2, 3)\n"                  // 1
            "a\n"                                                  // 2: 1.2.3
            "# if LIBVIR_VERSION_NUMBER > 2000000 && defined(X)\n" // 3
            "b\n"                                                  // 4: 2.0.1
            "# elif LIBVIR_VERSION_NUMBER >= 1005000\n"            // 5
            "c\n"                                                  // 6: 1.5.0
            "# else\n"                                             // 7
            "d /* #endif in a comment */\n"             // 8: 1.2.3 (the && says nothing when false)
            "# endif\n"                                 // 9
            "#else\n"                                   // 10
            "e\n"                                       // 11: none
            "#endif\n"                                  // 12
            "#if (LIBVIR_VERSION_NUMBER < 4000000)\n"   // 13
            "f\n"                                       // 14: none
            "#else\n"                                   // 15
            "g\n"                                       // 16: 4.0.0
            "#endif\n"                                  // 17
            "#if !LIBVIR_CHECK_VERSION(3, 0, 0) || X\n" // 18: || implies nothing
            "h\n"                                       // 19
            "#else\n"
            "i\n" // 21: none
            "#endif\n"
            "#ifdef VIR_DOMAIN_FOO\n" // 23
            "j\n"                     // 24: presence of VIR_DOMAIN_FOO
            "#endif\n";
        const PreprocessorGuards g = PreprocessorGuards::of(text, QStringLiteral("t.c"));
        const QList<std::pair<int, Version>> expected{{2, Version(1, 2, 3)},  {4, Version(2, 0, 1)},
                                                      {6, Version(1, 5, 0)},  {8, Version(1, 2, 3)},
                                                      {11, Version()},        {14, Version()},
                                                      {16, Version(4, 0, 0)}, {19, Version()},
                                                      {21, Version()},        {24, Version()}};
        for (const auto &[line, v] : expected)
            QVERIFY2(g.guardAt(line) == v,
                     qPrintable(QStringLiteral("line %1: %2, expected %3")
                                    .arg(line)
                                    .arg(g.guardAt(line).toString(), v.toString())));
        QVERIFY(g.presenceChecked(QStringLiteral("VIR_DOMAIN_FOO"), 24));
        QVERIFY(!g.presenceChecked(QStringLiteral("VIR_DOMAIN_FOO"), 26));
        // Guard sites: 1.2.3, 2.0.1, 1.5.0 and the "< 4000000" one (4.0.0).
        QStringList sites;
        for (const auto &s : g.sites)
            sites << QStringLiteral("%1:%2").arg(s.pos.line).arg(s.version.toString());
        QCOMPARE(sites, (QStringList{QStringLiteral("1:1.2.3"), QStringLiteral("3:2.0.1"),
                                     QStringLiteral("5:1.5.0"), QStringLiteral("13:4.0.0")}));
    }

    void compileCommandLine()
    {
        QCOMPARE(splitCommandLine(QStringLiteral("cc -DA=\"x y\" -I'in c' a\\ b.c")),
                 (QStringList{QStringLiteral("cc"), QStringLiteral("-DA=x y"),
                              QStringLiteral("-Iin c"), QStringLiteral("a b.c")}));
    }

    // Every use in the fixture with its guard, as the C scanner reports it.
    void usesAndGuards()
    {
        QList<FileScan> raw;
        scantest::scanPaths(m_store, {m_fixtureDir}, Version(), {}, &raw);
        QCOMPARE(raw.size(), 1);
        QVERIFY2(raw.constFirst().problems.isEmpty(),
                 qPrintable(raw.constFirst().problems.value(0).toString()));
        const QByteArray text = fixture();
        struct Expect
        {
            const char *marker;
            const char *symbol;
            Version guard;
            bool fallback;
        };
        const QList<Expect> expected{
            {"dirty", "virDomainStartDirtyRateCalc", Version(7, 2, 0), false},
            {"fd", "virDomainFDAssociate", Version(9, 0, 0), false}, // nested: the higher guard
            {"timeout", "virDomainAgentSetResponseTimeout", Version(7, 2, 0), false},
            {"elseguest", "virDomainGetGuestInfo", Version(5, 7, 0), false}, // #else of "< 5007000"
            {"toolow", "virDomainGetGuestInfo", Version(1, 0, 0), false},
            {"rtsave", "virDomainSaveParams", Version(8, 4, 0), false}, // if (ver >= 8004000)
            {"rtelse", "virDomainAgentSetResponseTimeout", Version(5, 10, 0),
             false}, // else of "< 5010000"
            {"fallback", "virDomainGetGuestInfo", Version(), true},
            {"open", "virConnectOpen", Version(), false},
            {"flag", "VIR_DOMAIN_GUEST_INFO_USERS", Version(), false},
            {"messages", "virDomainGetMessages", Version(), false},
        };
        for (const Expect &e : expected) {
            const int line = lineOf(text, e.marker);
            const Use *u = useAt(raw, line, QString::fromLatin1(e.symbol));
            QVERIFY2(u, qPrintable(QStringLiteral("no use of %1 at line %2")
                                       .arg(QLatin1String(e.symbol))
                                       .arg(line)));
            QCOMPARE(u->guardedFrom.value_or(Version()), e.guard);
            QCOMPARE(u->hasFallback, e.fallback);
        }
        const Use *flag =
            useAt(raw, lineOf(text, "flag"), QStringLiteral("VIR_DOMAIN_GUEST_INFO_USERS"));
        QCOMPARE(flag->kind, UseKind::Constant);
        QCOMPARE(flag->pos.column, 26);
        const Use *alias = useAt(raw, lineOf(text, "alias"), QStringLiteral("virSchedParameter"));
        QVERIFY(alias);
        QCOMPARE(alias->kind, UseKind::Type);
        // The #else branches the installed 9.0.0 headers switch off are not parsed.
        QVERIFY(!useAt(raw, lineOf(text, "fd") + 2, QStringLiteral("virDomainGetMessages")));
        // The version machinery is a guard, not a use.
        for (const auto &u : raw.constFirst().uses)
            QVERIFY(u.symbol != QLatin1String("LIBVIR_CHECK_VERSION") &&
                    u.symbol != QLatin1String("LIBVIR_VERSION_NUMBER"));
    }

    // The findings for target 5.0.0, exactly.
    void findingsForTarget()
    {
        const ScanReport r = scantest::scanPaths(m_store, {m_fixtureDir}, Version(5, 0, 0));
        const QByteArray text = fixture();
        // Minimum: virDomainGetMessages (7.1.0) is the newest unguarded use;
        // the guarded ones (up to 9.0.0) and the fallback do not count.
        QCOMPARE(r.minimum.upTo, Version(7, 1, 0));
        QVERIFY(r.minimum.exact);
        QCOMPARE(r.drivers.size(), 1);
        QCOMPARE(r.drivers.constFirst().symbol, QStringLiteral("virDomainGetMessages"));
        QCOMPARE(r.drivers.constFirst().first.line, lineOf(text, "messages"));

        QStringList got;
        for (const Finding &f : r.findings)
            got << QStringLiteral("%1 %2 %3")
                       .arg(f.pos.line)
                       .arg(Finding::kindId(f.kind), f.symbol);
        const auto at = [&](const char *marker, const char *kind, const char *symbol) {
            return QStringLiteral("%1 %2 %3")
                .arg(lineOf(text, marker))
                .arg(QLatin1String(kind), QLatin1String(symbol));
        };
        const int toolowGuard = lineOf(text, "toolow") - 1;
        QStringList expected{
            // #if LIBVIR_CHECK_VERSION(1, 0, 0) always holds on 5.0.0 ...
            QStringLiteral("%1 obsolete-guard ").arg(toolowGuard),
            // ... and is too low for virDomainGetGuestInfo (5.6.0 < since <= 5.7.0)
            at("toolow", "insufficient-guard", "virDomainGetGuestInfo"),
            at("flag", "too-new", "VIR_DOMAIN_GUEST_INFO_USERS"),
            at("alias", "deprecated", "virSchedParameter"),
            at("last", "last-value", "VIR_DOMAIN_LAST"),
            at("qemu", "hypervisor-specific", "virDomainQemuMonitorCommand"),
            at("qemu", "taint", "virDomainQemuMonitorCommand"),
            at("messages", "too-new", "virDomainGetMessages"),
        };
        got.sort();
        expected.sort();
        QVERIFY2(got == expected, qPrintable(got.join(QLatin1Char('|')) + QStringLiteral(" != ") +
                                             expected.join(QLatin1Char('|'))));
        for (const Finding &f : r.findings) {
            if (f.symbol == QLatin1String("VIR_DOMAIN_GUEST_INFO_USERS"))
                QVERIFY2(f.message.contains(QLatin1String("compiled into the program")),
                         qPrintable(f.message));
            if (f.kind == Finding::Deprecated)
                QVERIFY2(f.message.contains(QLatin1String("virTypedParameter")),
                         qPrintable(f.message));
            if (f.kind == Finding::Taint)
                QVERIFY(f.message.contains(QLatin1String("custom-monitor")));
        }
        QCOMPARE(r.exitCode(), 1);
        // On 9.0.0 nothing is too new and every guard at or below it is obsolete.
        const ScanReport now = scantest::scanPaths(m_store, {m_fixtureDir}, Version(9, 0, 0));
        int obsolete = 0;
        for (const Finding &f : now.findings) {
            QVERIFY(f.kind != Finding::TooNew && f.kind != Finding::MaybeTooNew);
            obsolete += f.kind == Finding::ObsoleteGuard;
        }
        QCOMPARE(obsolete, 6); // the 4 #if conditions and the 2 run-time checks of the fixture
        QCOMPARE(now.exitCode(), 1); // the insufficient guard stays an error
    }

    void namesNewerThanTheHeaders()
    {
        // Functions of the newest Debian package set's API XML that the
        // installed headers lack: called in C (an implicit declaration) and
        // C++ (an error), each is counted with the since the history gives and
        // reported as not in the headers; an application's own undeclared
        // vir* name is not libvirt's and is left alone.
        const QString newest =
            qEnvironmentVariable("VSE_RELEASES_DIR") + QStringLiteral("/libvirt-12.9.0/usr/share/libvirt/api");
        if (!QDir(newest).exists()) {
            if (qEnvironmentVariable("CI") == QLatin1String("true"))
                QFAIL("VSE_RELEASES_DIR has no libvirt-12.9.0 package set; CI fetches it");
            QSKIP("no libvirt-12.9.0 package set in VSE_RELEASES_DIR");
        }
        const QHash<QString, QString> installed = apiFunctions(QStringLiteral("/usr/share/libvirt/api"));
        const QHash<QString, QString> later = apiFunctions(newest);
        QMap<QString, QString> newer; // sorted: the same fixture every run
        for (auto it = later.cbegin(); it != later.cend(); ++it)
            if (!installed.contains(it.key()))
                newer.insert(it.key(), it.value());
        // 9.0.0 (Debian 12) lacks ten of them, 11.3.0 (Debian 13) one.
        QVERIFY2(!newer.isEmpty(), qPrintable(QString::number(newer.size())));
        QByteArray c = "#include <libvirt/libvirt.h>\nvoid use(void)\n{\n";
        QByteArray cxx = "#include <libvirt/libvirt.h>\nvoid use()\n{\n";
        for (auto it = newer.cbegin(); it != newer.cend(); ++it) {
            c += "    " + it.key().toUtf8() + "();\n";
            cxx += "    " + it.key().toUtf8() + "();\n";
        }
        c += "    virMadeUpByTheApplication(1);\n}\n";
        cxx += "    virMadeUpByTheApplication(1);\n}\n";
        const QString dir = m_dir.filePath(QStringLiteral("newer"));
        QVERIFY(scantest::writeFile(dir + QStringLiteral("/a.c"), c));
        QVERIFY(scantest::writeFile(dir + QStringLiteral("/b.cpp"), cxx));
        const ScanReport r = scantest::scanPaths(m_store, {dir}, Version(9, 0, 0));
        QMap<QString, QSet<QString>> notInHeaders; // symbol -> files
        for (const Finding &f : r.findings) {
            QVERIFY2(!f.symbol.startsWith(QLatin1String("virMadeUp")), qPrintable(f.message));
            if (f.kind == Finding::NotInHeaders)
                notInHeaders[f.symbol].insert(QFileInfo(f.pos.file).fileName());
        }
        for (auto it = newer.cbegin(); it != newer.cend(); ++it) {
            QCOMPARE(notInHeaders.value(it.key()), (QSet<QString>{QStringLiteral("a.c"), QStringLiteral("b.cpp")}));
            bool found = false;
            for (const SymbolUse &s : r.symbols)
                if (s.symbol == it.key()) {
                    found = true;
                    QVERIFY(s.since.exact);
                    QCOMPARE(s.since.upTo.toString(), it.value());
                }
            QVERIFY2(found, qPrintable(it.key()));
        }
        // The minimum is the newest of them, and 9.0.0 is too old for them.
        Version newestVersion;
        for (const QString &v : newer)
            newestVersion = std::max(newestVersion, Version::parse(v));
        QCOMPARE(r.minimum.upTo, newestVersion);
        QCOMPARE(r.exitCode(), 1);
    }

    // Names the installed headers have but <libvirt/libvirt.h> does not
    // bring in: the finding names the header to include (found here by
    // reading the headers), not a newer libvirt; a _LAST value names
    // VIR_ENUM_SENTINELS, which its header puts it under.
    void namesOfHeadersLibvirtHDoesNotInclude()
    {
        const auto declares = [](const QString &header, const QString &pattern) {
            QFile f(QStringLiteral("/usr/include/libvirt/") + header);
            return f.open(QIODevice::ReadOnly) && QRegularExpression(pattern).match(QString::fromUtf8(f.readAll())).hasMatch();
        };
        QFile top(QStringLiteral("/usr/include/libvirt/libvirt.h"));
        QVERIFY(top.open(QIODevice::ReadOnly));
        const QByteArray included = top.readAll();
        QVERIFY(declares(QStringLiteral("libvirt-qemu.h"), QStringLiteral("\\bint\\s+virDomainQemuMonitorCommand\\s*\\(")));
        QVERIFY(declares(QStringLiteral("virterror.h"), QStringLiteral("\\bvirGetLastError\\s*\\(void\\)")));
        QVERIFY(!included.contains("libvirt-qemu.h") && !included.contains("virterror.h"));
        QVERIFY(declares(QStringLiteral("libvirt-domain.h"), QStringLiteral("#\\s*ifdef VIR_ENUM_SENTINELS\\s+VIR_DOMAIN_LAST\\b")));
        const QString dir = m_dir.filePath(QStringLiteral("includes"));
        QVERIFY(scantest::writeFile(dir + QStringLiteral("/a.c"),
                                    "#include <libvirt/libvirt.h>\nint use(virDomainPtr d)\n{\n"
                                    "    virDomainQemuMonitorCommand(d, \"info\", 0, 0);\n"
                                    "    virGetLastError();\n    return VIR_DOMAIN_LAST;\n}\n"));
        const ScanReport r = scantest::scanPaths(m_store, {dir}, Version(9, 0, 0));
        QMap<QString, QString> said;
        for (const Finding &f : r.findings)
            if (f.kind == Finding::NotInHeaders)
                said.insert(f.symbol, f.message);
        QCOMPARE(said.value(QStringLiteral("virDomainQemuMonitorCommand")),
                 QStringLiteral("virDomainQemuMonitorCommand is declared in <libvirt/libvirt-qemu.h>, which "
                                "<libvirt/libvirt.h> does not include: include it (and link its library)"));
        QVERIFY2(said.value(QStringLiteral("virGetLastError")).contains(QLatin1String("<libvirt/virterror.h>")),
                 qPrintable(said.value(QStringLiteral("virGetLastError"))));
        QVERIFY2(said.value(QStringLiteral("VIR_DOMAIN_LAST")).contains(QLatin1String("VIR_ENUM_SENTINELS")),
                 qPrintable(said.value(QStringLiteral("VIR_DOMAIN_LAST"))));
    }

    void outputs()
    {
        const ScanReport r = scantest::scanPaths(m_store, {m_fixtureDir}, Version(5, 0, 0));
        const QString gcc = r.toGcc();
        const QRegularExpression line(
            QStringLiteral("^(.+):(\\d+):(\\d+): (warning|note): .+ \\[vse-[a-z-]+\\]$"));
        int findings = 0;
        for (const QString &l : gcc.split(QLatin1Char('\n'), Qt::SkipEmptyParts)) {
            if (l.startsWith(QLatin1String("virt-support scan: note:")))
                continue;
            QVERIFY2(line.match(l).hasMatch(), qPrintable(l));
            ++findings;
        }
        QCOMPARE(findings, r.findings.size());
        QVERIFY(gcc.contains(QStringLiteral("main.c:%1:26: warning: VIR_DOMAIN_GUEST_INFO_USERS")
                                 .arg(lineOf(fixture(), "flag"))));
        const QJsonObject json = r.toJson();
        QCOMPARE(json.value(QStringLiteral("minimumText")).toString(), QStringLiteral("7.1.0"));
        QCOMPARE(json.value(QStringLiteral("findings")).toArray().size(), r.findings.size());
        QVERIFY(r.toText().contains(QLatin1String("Minimum libvirt: 7.1.0")));
    }

    // SARIF 2.1.0: Debian ships no copy of the OASIS schema, so the test
    // writes the required structure of the spec's schema (sarifLog: version
    // "2.1.0" + runs; run: tool.driver.name; result: message with text or id;
    // locations' physicalLocation, artifactLocation.uri, region lines and
    // columns >= 1; level's enumeration) and validates with python3-jsonschema.
    void sarifValidates()
    {
        QProcess probe;
        probe.start(QStringLiteral("/usr/bin/python3"),
                    {QStringLiteral("-c"), QStringLiteral("import jsonschema")});
        if (!probe.waitForFinished(30000) || probe.exitCode() != 0)
            QSKIP("python3-jsonschema is not installed (scripts/setup-deps installs it)");
        const ScanReport r = scantest::scanPaths(m_store, {m_fixtureDir}, Version(5, 0, 0));
        const QString sarifPath = m_dir.filePath(QStringLiteral("out.sarif"));
        QVERIFY(scantest::writeFile(sarifPath,
                                    QJsonDocument(r.toSarif(QStringLiteral("test"))).toJson()));
        const QByteArray schema(kSarifRequiredSchema);
        const QString schemaPath = m_dir.filePath(QStringLiteral("sarif-required.json"));
        QVERIFY(scantest::writeFile(schemaPath, schema));
        QProcess py;
        py.start(
            QStringLiteral("/usr/bin/python3"),
            {QStringLiteral("-c"),
             QStringLiteral(
                 "import json, sys, jsonschema\n"
                 "schema = json.load(open(sys.argv[1])); doc = json.load(open(sys.argv[2]))\n"
                 "jsonschema.Draft7Validator.check_schema(schema)\n"
                 "errors = list(jsonschema.Draft7Validator(schema).iter_errors(doc))\n"
                 "for e in errors: print(list(e.path), e.message)\n"
                 "bad = dict(doc); bad['version'] = '2.0.0'\n"
                 "print('bad-rejected', not jsonschema.Draft7Validator(schema).is_valid(bad))\n"
                 "sys.exit(1 if errors else 0)\n"),
             schemaPath, sarifPath});
        QVERIFY(py.waitForFinished(60000));
        const QString out =
            QString::fromUtf8(py.readAllStandardOutput() + py.readAllStandardError());
        QVERIFY2(py.exitCode() == 0, qPrintable(out));
        QVERIFY2(out.contains(QLatin1String("bad-rejected True")), qPrintable(out));
        const QJsonObject sarif = r.toSarif(QStringLiteral("test"));
        const QJsonArray results = sarif.value(QStringLiteral("runs"))
                                       .toArray()
                                       .at(0)
                                       .toObject()
                                       .value(QStringLiteral("results"))
                                       .toArray();
        QCOMPARE(results.size(), r.findings.size());
    }

    // A file that does not parse, a binary file, a compile_commands.json
    // naming a missing file: findings for the rest, a message each.
    void badInput()
    {
        const QString dir = m_dir.filePath(QStringLiteral("bad"));
        QVERIFY(scantest::writeFile(dir + QStringLiteral("/good.c"),
                                    "#include <libvirt/libvirt.h>\nint f(void) { return "
                                    "virDomainGetMessages(0, 0, 0); }\n"));
        QVERIFY(scantest::writeFile(dir + QStringLiteral("/broken.c"),
                                    "#include <libvirt/libvirt.h>\nint g(void) { virConnectPtr c = "
                                    "virConnectOpen(\"x\"); return c == 0 +* ; }\n}}}\n"));
        QByteArray binary("\x7f"
                          "ELF\x02\x01\x01",
                          7);
        binary.append(QByteArray(64, '\0'));
        QVERIFY(scantest::writeFile(dir + QStringLiteral("/blob.c"), binary));
        const QString db =
            QStringLiteral(R"([{"directory": "%1", "file": "good.c", "command": "cc -c good.c"},
 {"directory": "%1", "file": "broken.c", "arguments": ["cc", "-c", "broken.c"]},
 {"directory": "%1", "file": "missing.c", "command": "cc -c missing.c"}])")
                .arg(dir);
        QVERIFY(scantest::writeFile(dir + QStringLiteral("/compile_commands.json"), db.toUtf8()));
        const ScanReport r = scantest::scanPaths(m_store, {dir}, Version(6, 0, 0));
        QStringList problems;
        for (const auto &d : r.problems)
            problems << d.toString();
        const QString all = problems.join(QLatin1Char('\n'));
        QVERIFY2(all.contains(QLatin1String("missing.c, which does not exist")), qPrintable(all));
        QVERIFY2(all.contains(QLatin1String("blob.c:")) &&
                     all.contains(QLatin1String("binary file")),
                 qPrintable(all));
        QVERIFY2(all.contains(QLatin1String("broken.c:3:")) ||
                     all.contains(QLatin1String("broken.c:2:")),
                 qPrintable(all));
        QCOMPARE(problems.size(), 3);
        // The good file and what parsed of the broken one are still reported.
        QCOMPARE(r.minimum.upTo, Version(7, 1, 0));
        bool brokenUse = false;
        for (const auto &s : r.symbols)
            brokenUse |= s.symbol == QLatin1String("virConnectOpen");
        QVERIFY(brokenUse);
        // A compile_commands.json that is not JSON: a message, then the
        // fallback parse of every file.
        const QString notJson = m_dir.filePath(QStringLiteral("notjson.json"));
        QVERIFY(scantest::writeFile(notJson, "[{\"directory\": \n"));
        const ScanReport r2 = scantest::scanPaths(m_store, {dir}, Version(6, 0, 0), notJson);
        QVERIFY(r2.problems.constFirst().toString().contains(
            QLatin1String("not a compilation database")));
        QCOMPARE(r2.minimum.upTo, Version(7, 1, 0));
        // FIFOs named on the command line are refused, never read (no hang).
        const QString fifoC = m_dir.filePath(QStringLiteral("fifo.c"));
        const QString fifoXml = m_dir.filePath(QStringLiteral("fifo.xml"));
        QCOMPARE(::mkfifo(QFile::encodeName(fifoC).constData(), 0600), 0);
        QCOMPARE(::mkfifo(QFile::encodeName(fifoXml).constData(), 0600), 0);
        const ScanReport r3 = scantest::scanPaths(m_store, {fifoC, fifoXml}, Version());
        QCOMPARE(r3.problems.size(), 2);
        for (const auto &d : r3.problems)
            QVERIFY2(d.file.endsWith(QLatin1String("fifo.c")) ||
                         d.file.endsWith(QLatin1String("fifo.xml")),
                     qPrintable(d.toString()));
        QCOMPARE(r3.uses, 0);
    }

    // The command a user types, through the query program (which hands scan
    // to the full one, as it does for index).
    void cli()
    {
        using vse::testdata::runCli;
        auto r = runCli(m_index, {QStringLiteral("scan"), m_fixtureDir, QStringLiteral("--target"),
                                  QStringLiteral("5.0.0"), QStringLiteral("--format"),
                                  QStringLiteral("gcc")});
        QVERIFY2(!r.crashed, qPrintable(r.err));
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(
            r.out.contains(
                QStringLiteral("main.c:%1:5: warning: virDomainGetMessages is since 7.1.0, newer "
                               "than the target 5.0.0")
                    .arg(lineOf(fixture(), "messages"))),
            qPrintable(r.out));
        r = runCli(m_index, {QStringLiteral("scan"), m_fixtureDir});
        QCOMPARE(r.exitCode,
                 1); // no target, but the guard too low for virDomainGetGuestInfo stays an error
        QVERIFY2(r.out.contains(QLatin1String("Minimum libvirt: 7.1.0")), qPrintable(r.out));
        r = runCli(m_index, {QStringLiteral("scan"), m_fixtureDir, QStringLiteral("--format"),
                             QStringLiteral("xml")});
        QCOMPARE(r.exitCode, 2);
        r = runCli(m_index, {QStringLiteral("scan"), m_dir.filePath(QStringLiteral("nowhere"))});
        QCOMPARE(r.exitCode, 3);
        QVERIFY(r.err.contains(QLatin1String("no such file")) ||
                r.out.contains(QLatin1String("no such file")));
    }
    // A Python project through the whole command: B's scanner (Python's own
    // ast module, the method map of the real libvirt.py) feeds the same
    // engine as C, and --target takes a distribution release.
    void pythonProjectThroughCli()
    {
        using vse::testdata::runCli;
        QString why;
        const QString binding = testdata::libvirtBinding(&why);
        if (binding.isEmpty())
            QSKIP(qPrintable(why));
        qputenv("VSE_PYTHON_LIBVIRT", binding.toUtf8());
        const QString dir = m_dir.filePath(QStringLiteral("pyapp"));
        const QByteArray code = "import libvirt\n"
                                "conn = libvirt.openReadOnly(None)\n"
                                "dom = conn.lookupByName('web')\n"
                                "for m in dom.messages(0):\n"
                                "    print(m)\n"
                                "if hasattr(dom, 'messages'):\n"
                                "    dom.messages(0)\n";
        QVERIFY(scantest::writeFile(dir + QStringLiteral("/app.py"), code));
        // Debian 11 ships libvirt 7.0.0 (resources/scan/distributions.json);
        // virDomain.messages calls virDomainGetMessages, since 7.1.0.
        auto r = runCli(m_index, {QStringLiteral("scan"), dir, QStringLiteral("--target"),
                                  QStringLiteral("debian-11"), QStringLiteral("--format"),
                                  QStringLiteral("gcc")});
        QVERIFY2(!r.crashed, qPrintable(r.err));
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.out.contains(QLatin1String("app.py:4:")) &&
                     r.out.contains(QLatin1String("virDomainGetMessages is since 7.1.0, newer than "
                                                  "the target 7.0.0")),
                 qPrintable(r.out + r.err));
        // The hasattr-guarded call on line 7 is not reported as too new.
        QVERIFY2(!r.out.contains(QLatin1String("app.py:7:")), qPrintable(r.out));
        // --max-version, as the other commands spell the target: the same report.
        const auto same = runCli(m_index, {QStringLiteral("scan"), dir, QStringLiteral("--max-version"),
                                           QStringLiteral("debian-11"), QStringLiteral("--format"),
                                           QStringLiteral("gcc")});
        QCOMPARE(same.exitCode, r.exitCode);
        QCOMPARE(same.out, r.out);
        r = runCli(m_index, {QStringLiteral("scan"), dir, QStringLiteral("--target"),
                             QStringLiteral("debian-12")});
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.out.contains(QLatin1String("Minimum libvirt: 7.1.0")), qPrintable(r.out));
        r = runCli(m_index, {QStringLiteral("scan"), dir, QStringLiteral("--target"),
                             QStringLiteral("debian-99")});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(QLatin1String("debian-12")), qPrintable(r.err));

        // --exclude: a test helper that uses something newer stops driving
        // the minimum. By name at any depth, or by the path below PATH; a
        // folder that matches is not entered.
        // virDomain.abortJobFlags calls virDomainAbortJobFlags, since 8.5.0.
        const QByteArray newer = "import libvirt\n"
                                 "dom = libvirt.open(None).lookupByName('web')\n"
                                 "dom.abortJobFlags(0)\n";
        QVERIFY(scantest::writeFile(dir + QStringLiteral("/tests/mock.py"), newer));
        QVERIFY(scantest::writeFile(dir + QStringLiteral("/lib/old.py"), newer));
        r = runCli(m_index, {QStringLiteral("scan"), dir, QStringLiteral("--format"), QStringLiteral("json")});
        QJsonObject all = QJsonDocument::fromJson(r.out.toUtf8()).object();
        QCOMPARE(all.value(QStringLiteral("files")).toInt(), 3);
        QCOMPARE(all.value(QStringLiteral("excluded")).toInt(), 0);
        QCOMPARE(all.value(QStringLiteral("minimumText")).toString(), QStringLiteral("8.5.0"));
        for (const QStringList &patterns : {QStringList{QStringLiteral("tests"), QStringLiteral("lib/old.py")},
                                            QStringList{QStringLiteral("mock.py"), QStringLiteral("l?b/")},
                                            QStringList{QStringLiteral("*/*.py")}}) {
            QStringList args{QStringLiteral("scan"), dir, QStringLiteral("--format"), QStringLiteral("json")};
            for (const QString &pattern : patterns)
                args << QStringLiteral("--exclude") << pattern;
            r = runCli(m_index, args);
            QCOMPARE(r.exitCode, 0);
            const QJsonObject o = QJsonDocument::fromJson(r.out.toUtf8()).object();
            QVERIFY2(o.value(QStringLiteral("files")).toInt() == 1, qPrintable(patterns.join(u' ') + r.out));
            QVERIFY(o.value(QStringLiteral("excluded")).toInt() >= 1);
            QCOMPARE(o.value(QStringLiteral("minimumText")).toString(), QStringLiteral("7.1.0"));
        }
        r = runCli(m_index, {QStringLiteral("scan"), dir, QStringLiteral("--exclude"), QStringLiteral("tests")});
        QVERIFY2(r.out.startsWith(QLatin1String("Scanned 2 file(s) (1 file(s) or folder(s) left out by --exclude)")),
                 qPrintable(r.out));
        r = runCli(m_index, {QStringLiteral("scan"), dir, QStringLiteral("--exclude"), QStringLiteral("[")});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(QLatin1String("--exclude '[' is not a shell pattern")), qPrintable(r.err));
    }
};

QTEST_GUILESS_MAIN(TestScan)
#include "tst_scan.moc"
