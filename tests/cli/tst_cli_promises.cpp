// What the README promises for the command-line tool, through the real CLI:
// diff, audit's exit code, rebuilding a stale or older index, check-xml
// --all / --schemas, VSE_POLICY_DIR and VSE_INDEX_PATH, show --all-releases,
// protocol without a program, and the --driver / --hypervisor filters.
// Expected outcomes come from the raw libvirt files (regexes over the .x,
// .rng, headers and hvsupport.html), not from the code under test.
#include "clirunner.h"
#include "testfiles.h"
#include "testdata.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMap>
#include <QRegularExpression>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

using namespace vse::testdata;

namespace {

QString readText(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? QString::fromUtf8(f.readAll()) : QString();
}

bool writeFile(const QString &path, const QByteArray &content)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(content) == content.size();
}

// Copies a directory tree (the corpus is read-only for the tests).
QJsonValue parseJson(const QString &text)
{
    const QJsonDocument d = QJsonDocument::fromJson(text.toUtf8());
    return d.isArray() ? QJsonValue(d.array()) : QJsonValue(d.object());
}

// procedure number -> name, from "FOO_PROC_BAR = N" lines of an .x file.
QMap<int, QString> procedures(const QString &xFile)
{
    QMap<int, QString> out;
    static const QRegularExpression proc(
        QStringLiteral("^\\s*([A-Z0-9_]*PROC_[A-Z0-9_]+)\\s*=\\s*(\\d+)"),
        QRegularExpression::MultilineOption);
    for (auto m = proc.globalMatch(readText(xFile)); m.hasNext();) {
        const auto match = m.next();
        out.insert(match.captured(2).toInt(), match.captured(1));
    }
    return out;
}

// Function names the installed public headers declare (comments removed).
QSet<QString> publicFunctions()
{
    static const QRegularExpression comment(QStringLiteral("/\\*.*?\\*/"),
                                            QRegularExpression::DotMatchesEverythingOption);
    static const QRegularExpression decl(QStringLiteral("\\b(vir\\w+)\\s*\\("));
    QSet<QString> out;
    QDirIterator it(QStringLiteral("/usr/include/libvirt"), {QStringLiteral("*.h")}, QDir::Files);
    while (it.hasNext()) {
        QString code = readText(it.next());
        code.remove(comment);
        for (auto m = decl.globalMatch(code); m.hasNext();)
            out.insert(m.next().captured(1));
    }
    return out;
}

QString corpusTree(const char *release)
{
    return corpusDir() + QLatin1Char('/') + QLatin1String(release);
}

} // namespace

class TestCliPromises : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;
    QString m_installed; // index of the installed libvirt
    QString m_corpus;    // index of corpus 1.0.0 and 1.2.0

private Q_SLOTS:
    void initTestCase()
    {
        VSE_REQUIRE_CORPUS();
        QVERIFY(QFile::exists(QStringLiteral("/usr/include/libvirt/libvirt.h")));
        m_installed = m_dir.filePath(QStringLiteral("installed.sqlite"));
        CliRun r = runCli(m_installed, {QStringLiteral("index"), QStringLiteral("--source"),
                                        QStringLiteral("/")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        m_corpus = m_dir.filePath(QStringLiteral("corpus.sqlite"));
        r = runCli(m_corpus,
                   {QStringLiteral("index"), QStringLiteral("--source"), corpusTree("1.0.0"),
                    QStringLiteral("--source"), corpusTree("1.2.0")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    }

    // diff A B: the RPC procedures added and renamed are exactly what the two
    // remote_protocol.x files say, number by number; none is removed.
    void diffMatchesProtocolFiles()
    {
        const auto before =
            procedures(corpusTree("1.0.0") + QStringLiteral("/src/remote/remote_protocol.x"));
        const auto after =
            procedures(corpusTree("1.2.0") + QStringLiteral("/src/remote/remote_protocol.x"));
        QVERIFY(before.size() > 200);
        QSet<QString> added, renamed;
        for (auto it = after.cbegin(); it != after.cend(); ++it) {
            if (!before.contains(it.key()))
                added.insert(it.value());
            else if (before.value(it.key()) != it.value())
                renamed.insert(before.value(it.key()));
        }
        QVERIFY(renamed.contains(QStringLiteral("REMOTE_PROC_OPEN")));

        const CliRun r = runCli(m_corpus, {QStringLiteral("diff"), QStringLiteral("1.0.0"),
                                           QStringLiteral("1.2.0"), QStringLiteral("--json")});
        QCOMPARE(r.exitCode, 0);
        const QJsonObject o = parseJson(r.out).toObject();
        QCOMPARE(o.value(QStringLiteral("from")).toString(), QStringLiteral("1.0.0"));
        QCOMPARE(o.value(QStringLiteral("to")).toString(), QStringLiteral("1.2.0"));
        QSet<QString> gotAdded, gotRenamed, gotRemoved;
        for (const QJsonValue &v : o.value(QStringLiteral("changes")).toArray()) {
            const QJsonObject c = v.toObject();
            if (c.value(QStringLiteral("kind")).toString() != QLatin1String("rpc-procedure") ||
                !c.value(QStringLiteral("name"))
                     .toString()
                     .startsWith(QLatin1String("REMOTE_PROC_")))
                continue;
            const QString change = c.value(QStringLiteral("change")).toString();
            const QString name = c.value(QStringLiteral("name")).toString();
            if (change == QLatin1String("added"))
                gotAdded.insert(name);
            else if (change == QLatin1String("renamed"))
                gotRenamed.insert(name);
            else if (change == QLatin1String("removed"))
                gotRemoved.insert(name);
        }
        QCOMPARE(gotAdded, added);
        QCOMPARE(gotRenamed, renamed);
        QVERIFY(gotRemoved.isEmpty());

        // The text form counts the same changes.
        const CliRun text = runCli(
            m_corpus, {QStringLiteral("diff"), QStringLiteral("1.0.0"), QStringLiteral("1.2.0")});
        QCOMPARE(text.exitCode, 0);
        QVERIFY2(text.out.startsWith(QLatin1String("From 1.0.0 to 1.2.0:\n")),
                 qPrintable(text.out));
        QVERIFY(text.out.contains(QStringLiteral(
            "renamed  rpc-procedure  REMOTE_PROC_OPEN  (REMOTE_PROC_OPEN -> REMOTE_PROC_CONNECT_OPEN)")));

        // Usage and unknown releases.
        QCOMPARE(runCli(m_corpus, {QStringLiteral("diff"), QStringLiteral("1.0.0")}).exitCode, 2);
        const CliRun unknown = runCli(
            m_corpus, {QStringLiteral("diff"), QStringLiteral("1.0.0"), QStringLiteral("4.4.4")});
        QCOMPARE(unknown.exitCode, 1);
        QVERIFY2(unknown.err.contains(
                     QLatin1String("release '4.4.4' is neither indexed nor in the release history; indexed: 1.0.0 1.2.0;")),
                 qPrintable(unknown.err));
    }

    // audit exits 1 when a stable promise was broken: the architecture
    // name "arm" is in 1.0.0's schemas and gone from 1.2.0's (renamed armv7l).
    void auditExitCodes()
    {
        QVERIFY(readText(corpusTree("1.0.0") + QStringLiteral("/docs/schemas/capability.rng"))
                    .contains(QLatin1String("<value>arm</value>")));
        QDirIterator rng(corpusTree("1.2.0") + QStringLiteral("/docs/schemas"),
                         {QStringLiteral("*.rng")}, QDir::Files);
        while (rng.hasNext())
            QVERIFY(!readText(rng.next()).contains(QLatin1String("<value>arm</value>")));

        const CliRun r = runCli(m_corpus, {QStringLiteral("audit"), QStringLiteral("--json")});
        QCOMPARE(r.exitCode, 1);
        int violations = 0;
        bool arm = false;
        for (const QJsonValue &v : parseJson(r.out).toArray()) {
            const QJsonObject f = v.toObject();
            QVERIFY(f.value(QStringLiteral("violation"))
                        .toBool()); // without --allowed: violations only
            ++violations;
            const QString name = f.value(QStringLiteral("name")).toString();
            if (name.endsWith(QLatin1String("@arch=arm")) ||
                name.endsWith(QLatin1String("/arch=arm"))) {
                arm = true;
                QCOMPARE(f.value(QStringLiteral("change")).toString(), QStringLiteral("removed"));
                QCOMPARE(f.value(QStringLiteral("tier")).toString(), QStringLiteral("stable"));
                QCOMPARE(f.value(QStringLiteral("from")).toString(), QStringLiteral("1.0.0"));
                QCOMPARE(f.value(QStringLiteral("to")).toString(), QStringLiteral("1.2.0"));
            }
        }
        QVERIFY2(arm, qPrintable(r.out.left(4000)));
        const CliRun text = runCli(m_corpus, {QStringLiteral("audit")});
        QCOMPARE(text.exitCode, 1);
        QVERIFY2(text.out.contains(QStringLiteral("\n%1 violation(s), ").arg(violations)),
                 qPrintable(text.out.right(300)));

        // Two copies of one release: nothing changed, exit 0.
        QTemporaryDir copies;
        QVERIFY(copyTree(corpusTree("1.3.5"), copies.filePath(QStringLiteral("a"))));
        QVERIFY(copyTree(corpusTree("1.3.5"), copies.filePath(QStringLiteral("b"))));
        const QString index = copies.filePath(QStringLiteral("same.sqlite"));
        QCOMPARE(runCli(index, {QStringLiteral("index"), QStringLiteral("--source"),
                                copies.filePath(QStringLiteral("a")), QStringLiteral("--source"),
                                copies.filePath(QStringLiteral("b"))})
                     .exitCode,
                 0);
        const CliRun same = runCli(index, {QStringLiteral("audit")});
        QCOMPARE(same.exitCode, 0);
        QCOMPARE(same.out,
                 QStringLiteral("0 violation(s), 0 allowed change(s) across 2 releases\n"));

        // One release: nothing to compare.
        const CliRun one = runCli(m_installed, {QStringLiteral("audit")});
        QCOMPARE(one.exitCode, 1);
        QVERIFY(one.err.contains(QLatin1String("needs at least two indexed releases")));
    }

    // Every command first checks the indexed sources: a changed file is read
    // again, an index from an older build is rebuilt, with a message.
    void staleIndexIsRebuilt()
    {
        QTemporaryDir dir;
        const QString tree = dir.filePath(QStringLiteral("libvirt"));
        QVERIFY(copyTree(corpusTree("1.0.0"), tree));
        const QString index = dir.filePath(QStringLiteral("index.sqlite"));
        QCOMPARE(
            runCli(index, {QStringLiteral("index"), QStringLiteral("--source"), tree}).exitCode, 0);
        CliRun r = runCli(index, {QStringLiteral("show"), QStringLiteral("remote/1")});
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.out.startsWith(QLatin1String("REMOTE_PROC_OPEN ")), qPrintable(r.out));

        // The source changes under the index: 1.2.0's protocol file replaces 1.0.0's.
        const QString x = tree + QStringLiteral("/src/remote/remote_protocol.x");
        QVERIFY(QFile::remove(x));
        QVERIFY(
            QFile::copy(corpusTree("1.2.0") + QStringLiteral("/src/remote/remote_protocol.x"), x));
        r = runCli(index, {QStringLiteral("show"), QStringLiteral("remote/1")});
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.err.contains(QStringLiteral("virt-support: reading ") + tree),
                 qPrintable(r.err));
        QVERIFY2(r.out.startsWith(QLatin1String("REMOTE_PROC_CONNECT_OPEN ")), qPrintable(r.out));
        r = runCli(index, {QStringLiteral("show"), QStringLiteral("remote/1")});
        QVERIFY2(r.err.isEmpty(), qPrintable(r.err)); // unchanged now: nothing read

        // An index written by an older build (SQLite user_version, header
        // offset 60) is rebuilt, saying why.
        QFile f(index);
        QVERIFY(f.open(QIODevice::ReadWrite));
        QVERIFY(f.seek(60));
        f.write(QByteArray(4, '\0'));
        f.close();
        r = runCli(index, {QStringLiteral("stats")});
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.err.contains(
                     index + QStringLiteral(
                                 ": warning: the index has schema version 0, this build needs ")) &&
                     r.err.contains(QLatin1String("; rebuilding it")),
                 qPrintable(r.err));
        QCOMPARE(r.out.count(QStringLiteral("\nRelease ")), 1);
        // The rebuilt index still holds the source it was built from.
        QVERIFY2(r.out.contains(QStringLiteral(" ") + tree + QStringLiteral("; version from")),
                 qPrintable(r.out));
    }

    // check-xml --all lists every element and attribute the document uses
    // with its tier; --schemas validates against another release's schemas.
    void checkXmlAllAndSchemas()
    {
        QTemporaryDir dir;
        const QString doc = dir.filePath(QStringLiteral("domain.xml"));
        QVERIFY(writeFile(doc, "<domain type='kvm'>\n"
                               "  <name>demo</name>\n"
                               "  <memory unit='KiB'>1048576</memory>\n"
                               "  <os><type arch='x86_64'>hvm</type></os>\n"
                               "  <devices>\n"
                               "    <disk type='file' device='disk'>\n"
                               "      <source file='/var/lib/libvirt/images/demo.qcow2'/>\n"
                               "      <target dev='vda' bus='virtio'/>\n"
                               "    </disk>\n"
                               "  </devices>\n"
                               "</domain>\n"));
        // Only stable items used: the plain report lists nothing.
        const CliRun plain = runCli(m_installed, {QStringLiteral("check-xml"), doc});
        QCOMPARE(plain.exitCode, 0);
        QCOMPARE(plain.out, doc + QStringLiteral(": supported as is\n  Validated against "
                                                 "/usr/share/libvirt/schemas/domain.rng: valid\n"));
        // --all: every element, attribute and enumerated value it uses, with its tier.
        const CliRun all =
            runCli(m_installed, {QStringLiteral("check-xml"), doc, QStringLiteral("--all")});
        QCOMPARE(all.exitCode, 0);
        const QStringList used{QStringLiteral("domain"),
                               QStringLiteral("domain@type"),
                               QStringLiteral("domain@type=kvm"),
                               QStringLiteral("domain/name"),
                               QStringLiteral("domain/memory"),
                               QStringLiteral("domain/memory@unit"),
                               QStringLiteral("domain/os"),
                               QStringLiteral("domain/os/type"),
                               QStringLiteral("domain/os/type@arch"),
                               QStringLiteral("domain/devices"),
                               QStringLiteral("domain/devices/disk"),
                               QStringLiteral("domain/devices/disk@type=file"),
                               QStringLiteral("domain/devices/disk@device=disk"),
                               QStringLiteral("domain/devices/disk/source@file"),
                               QStringLiteral("domain/devices/disk/target@dev"),
                               QStringLiteral("domain/devices/disk/target@bus=virtio")};
        for (const QString &path : used) {
            // One line per node: an attribute shows with the value it was given.
            const QRegularExpression line(QStringLiteral("\\n  line \\d+\\s+") +
                                          QRegularExpression::escape(path) +
                                          QStringLiteral("(=\\S+)?  \\[stable[,\\]]"));
            QVERIFY2(all.out.contains(line), qPrintable(path + QStringLiteral("\n") + all.out));
        }
        QVERIFY(all.out.startsWith(doc + QStringLiteral(": supported as is\n")));

        // <memballoon autodeflate> is not in 1.2.0's schemas (checked below):
        // valid for the installed schemas, invalid with --schemas 1.2.0.
        const QString balloon = dir.filePath(QStringLiteral("balloon.xml"));
        QVERIFY(writeFile(balloon,
                          "<domain type='kvm'>\n"
                          "  <name>demo</name>\n"
                          "  <memory>1048576</memory>\n"
                          "  <os><type>hvm</type></os>\n"
                          "  <devices><memballoon model='virtio' autodeflate='on'/></devices>\n"
                          "</domain>\n"));
        const QString old = corpusTree("1.2.0") + QStringLiteral("/docs/schemas");
        QVERIFY(!readText(old + QStringLiteral("/domaincommon.rng"))
                     .contains(QLatin1String("autodeflate")));
        QVERIFY(readText(QStringLiteral("/usr/share/libvirt/schemas/domaincommon.rng"))
                    .contains(QLatin1String("autodeflate")));
        QCOMPARE(runCli(m_installed, {QStringLiteral("check-xml"), balloon}).exitCode, 0);
        const CliRun withOld = runCli(
            m_installed, {QStringLiteral("check-xml"), balloon, QStringLiteral("--schemas"), old});
        QCOMPARE(withOld.exitCode, 1);
        QVERIFY2(withOld.out.startsWith(balloon + QStringLiteral(": invalid: ")), qPrintable(withOld.out));
        QVERIFY2(withOld.out.contains(QStringLiteral("\n  Validated against ") + old +
                                      QStringLiteral("/domain.rng: INVALID\n  line 5     ")),
                 qPrintable(withOld.out));
        const CliRun missing =
            runCli(m_installed, {QStringLiteral("check-xml"), balloon, QStringLiteral("--schemas"),
                                 dir.filePath(QStringLiteral("no-such-dir"))});
        QCOMPARE(missing.exitCode, 3);
    }

    // VSE_POLICY_DIR: an edited copy of the policy changes the tier; the
    // built-in policy is untouched.
    void policyDirOverrides()
    {
        QTemporaryDir dir;
        const QString policy = dir.filePath(QStringLiteral("policy"));
        QVERIFY(copyTree(
            qEnvironmentVariable("VSE_SOURCE_DIR") + QStringLiteral("/resources/policy"), policy));
        QString tiers = readText(policy + QStringLiteral("/tiers.json"));
        const QString from = QStringLiteral(
            "{\"origin\": \"header:libvirt-lxc\", \"tier\": \"hypervisor-specific\"");
        QVERIFY(tiers.contains(from));
        tiers.replace(from,
                      QStringLiteral("{\"origin\": \"header:libvirt-lxc\", \"tier\": \"private\""));
        QFile::remove(policy + QStringLiteral("/tiers.json"));
        QVERIFY(writeFile(policy + QStringLiteral("/tiers.json"), tiers.toUtf8()));

        QProcessEnvironment env;
        env.insert(QStringLiteral("VSE_POLICY_DIR"), policy);
        const QString index = dir.filePath(QStringLiteral("edited.sqlite"));
        QCOMPARE(runCli(index,
                        {QStringLiteral("index"), QStringLiteral("--source"), QStringLiteral("/")},
                        120000, env)
                     .exitCode,
                 0);
        const CliRun edited =
            runCli(index,
                   {QStringLiteral("show"), QStringLiteral("virDomainLxcOpenNamespace"),
                    QStringLiteral("--json")},
                   120000, env);
        QCOMPARE(edited.exitCode, 0);
        QCOMPARE(parseJson(edited.out).toObject().value(QStringLiteral("tier")).toString(),
                 QStringLiteral("private"));
        const CliRun builtIn = runCli(m_installed, {QStringLiteral("show"),
                                                    QStringLiteral("virDomainLxcOpenNamespace"),
                                                    QStringLiteral("--json")});
        QCOMPARE(parseJson(builtIn.out).toObject().value(QStringLiteral("tier")).toString(),
                 QStringLiteral("hypervisor-specific"));

        // A policy folder that does not parse is an error, not a silent default.
        QVERIFY(writeFile(dir.filePath(QStringLiteral("broken/tiers.json")), "{ not json"));
        QVERIFY(writeFile(dir.filePath(QStringLiteral("broken/taint.json")), "{}"));
        QProcessEnvironment bad;
        bad.insert(QStringLiteral("VSE_POLICY_DIR"), dir.filePath(QStringLiteral("broken")));
        const CliRun broken = runCli(
            m_installed, {QStringLiteral("show"), QStringLiteral("virConnectOpen")}, 120000, bad);
        QVERIFY2(broken.err.contains(QStringLiteral("cannot load the policy data: ") +
                                     dir.filePath(QStringLiteral("broken/tiers.json:1"))),
                 qPrintable(broken.err));
        QVERIFY(broken.out.isEmpty());
        // README: exit 3 when an input cannot be read; said before any
        // command runs (the policy was loaded lazily and aborted), for the
        // commands the front end runs itself and those of its module.
        QVERIFY(!broken.crashed && broken.exitCode == 3);
        const CliRun check = runCli(m_installed, {QStringLiteral("check-xml"), dir.filePath(QStringLiteral("broken/taint.json"))},
                                    120000, bad);
        QVERIFY2(!check.crashed && check.exitCode == 3, qPrintable(check.err));
        QVERIFY2(check.err.contains(QStringLiteral("cannot load the policy data: ")), qPrintable(check.err));
        // A folder without taint.json does not load either (both files are read).
        QVERIFY(QFile::remove(dir.filePath(QStringLiteral("broken/taint.json"))));
        QVERIFY(writeFile(dir.filePath(QStringLiteral("missing/tiers.json")), "{}"));
        bad.insert(QStringLiteral("VSE_POLICY_DIR"), dir.filePath(QStringLiteral("missing")));
        const CliRun missing = runCli(m_installed, {QStringLiteral("show"), QStringLiteral("virConnectOpen")}, 120000, bad);
        QVERIFY2(!missing.crashed && missing.exitCode == 3 &&
                     missing.err.contains(dir.filePath(QStringLiteral("missing/taint.json"))),
                 qPrintable(missing.err));
    }

    // VSE_INDEX_PATH chooses the index file when --index is not given.
    void indexPathFromEnvironment()
    {
        QTemporaryDir dir;
        const QString index = dir.filePath(QStringLiteral("from-env.sqlite"));
        QProcessEnvironment env;
        env.insert(QStringLiteral("VSE_INDEX_PATH"), index);
        QVERIFY(QFile::copy(m_installed, index));
        const CliRun r = runCli(QString(), {QStringLiteral("stats")}, 120000, env);
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.out.startsWith(QStringLiteral("Index: ") + index + QLatin1Char('\n')),
                 qPrintable(r.out));
        // --index wins over the variable.
        const CliRun both = runCli(m_installed, {QStringLiteral("stats")}, 120000, env);
        QVERIFY(both.out.startsWith(QStringLiteral("Index: ") + m_installed + QLatin1Char('\n')));
    }

    // show --all-releases: one block per release that has the item; the
    // identity remote/1 has a different name in each of the two releases.
    void showAllReleases()
    {
        const auto before =
            procedures(corpusTree("1.0.0") + QStringLiteral("/src/remote/remote_protocol.x"));
        const auto after =
            procedures(corpusTree("1.2.0") + QStringLiteral("/src/remote/remote_protocol.x"));
        const CliRun r =
            runCli(m_corpus, {QStringLiteral("show"), QStringLiteral("remote/1"),
                              QStringLiteral("--all-releases"), QStringLiteral("--json")});
        QCOMPARE(r.exitCode, 0);
        const QJsonArray rows = parseJson(r.out).toArray();
        QCOMPARE(rows.size(), 2);
        QCOMPARE(rows.at(0).toObject().value(QStringLiteral("name")).toString(), before.value(1));
        QCOMPARE(rows.at(1).toObject().value(QStringLiteral("name")).toString(), after.value(1));
        QVERIFY(rows.at(0)
                    .toObject()
                    .value(QStringLiteral("release"))
                    .toString()
                    .startsWith(QLatin1String("1.0.0 (")));
        QVERIFY(rows.at(1)
                    .toObject()
                    .value(QStringLiteral("release"))
                    .toString()
                    .startsWith(QLatin1String("1.2.0 (")));
        // Without it: the newest row only.
        const CliRun newest = runCli(m_corpus, {QStringLiteral("show"), QStringLiteral("remote/1"),
                                                QStringLiteral("--json")});
        QCOMPARE(parseJson(newest.out).toObject().value(QStringLiteral("name")).toString(),
                 after.value(1));
    }

    // protocol without a program: one line per .x file (the packet header
    // included), with as many procedures as the file numbers.
    void protocolListsPrograms()
    {
        QMap<QString, int> expected; // file name -> procedures
        QDirIterator it(corpusTree("1.2.0") + QStringLiteral("/src"), {QStringLiteral("*.x")},
                        QDir::Files, QDirIterator::Subdirectories);
        while (it.hasNext()) {
            const QString path = it.next();
            expected.insert(QFileInfo(path).fileName(), int(procedures(path).size()));
        }
        QCOMPARE(expected.value(QStringLiteral("virnetprotocol.x"), -1),
                 0); // the packet header: a program without procedures
        QVERIFY(expected.size() >= 4);
        const CliRun r = runCli(m_corpus, {QStringLiteral("protocol"), QStringLiteral("--json")});
        QCOMPARE(r.exitCode, 0);
        QMap<QString, int> got;
        QMap<QString, QString> tierOf;
        const QJsonObject listing = parseJson(r.out).toObject();
        // The text's "(release 1.2.0 (tree))" is in JSON too.
        QCOMPARE(listing.value(QStringLiteral("release")).toString(), QStringLiteral("1.2.0"));
        QCOMPARE(listing.value(QStringLiteral("source")).toString(), QStringLiteral("index"));
        QCOMPARE(listing.value(QStringLiteral("path")).toString(), corpusTree("1.2.0"));
        for (const QJsonValue &v : listing.value(QStringLiteral("programs")).toArray()) {
            const QJsonObject p = v.toObject();
            const QString file = QFileInfo(p.value(QStringLiteral("file")).toString()).fileName();
            got.insert(file, p.value(QStringLiteral("procedures")).toInt());
            tierOf.insert(p.value(QStringLiteral("program")).toString(),
                          p.value(QStringLiteral("tier")).toString());
        }
        QCOMPARE(got, expected);
        QCOMPARE(tierOf.value(QStringLiteral("remote")), QStringLiteral("stable-abi"));
        QCOMPARE(tierOf.value(QStringLiteral("qemu")), QStringLiteral("stable-wire"));
        QCOMPARE(tierOf.value(QStringLiteral("lock")), QStringLiteral("private"));
        const CliRun text = runCli(m_corpus, {QStringLiteral("protocol")});
        QCOMPARE(text.exitCode, 0);
        QVERIFY2(text.out.endsWith(QStringLiteral("(release 1.2.0 (") + corpusTree("1.2.0") +
                                   QStringLiteral("))\n")),
                 qPrintable(text.out));
        QCOMPARE(text.out.count(QLatin1Char('\n')), int(expected.size()) + 1);
        // The installed libvirt ships no .x files: the release history's
        // nearest release with protocol data answers, saying so.
        const CliRun none = runCli(m_installed, {QStringLiteral("protocol")});
        QCOMPARE(none.exitCode, 0);
        QVERIFY2(none.out.contains(QLatin1String("release history")), qPrintable(none.out));
        // Without a history pack there is nothing to list.
        QTemporaryDir empty;
        const QString emptyPack = empty.filePath(QStringLiteral("empty.tsv"));
        QFile pack(emptyPack);
        QVERIFY(pack.open(QIODevice::WriteOnly));
        pack.write("vse-history\t1\n");
        pack.close();
        QProcessEnvironment env;
        env.insert(QStringLiteral("VSE_HISTORY_PACK"), emptyPack);
        const QString noHistory = empty.filePath(QStringLiteral("index.sqlite"));
        QCOMPARE(runCli(noHistory, {QStringLiteral("index"), QStringLiteral("--source"), QStringLiteral("/")}, 120000, env).exitCode, 0);
        const CliRun bare = runCli(noHistory, {QStringLiteral("protocol")}, 120000, env);
        QCOMPARE(bare.exitCode, 1);
        QVERIFY(bare.err.contains(QLatin1String("no protocol files indexed")));
    }

    // --hypervisor qemu --kind function: exactly the functions libvirt-qemu.h declares.
    void hypervisorFilter()
    {
        static const QRegularExpression decl(QStringLiteral("\\b(vir\\w+)\\s*\\("));
        QSet<QString> expected;
        const QString header = readText(QStringLiteral("/usr/include/libvirt/libvirt-qemu.h"));
        static const QRegularExpression comment(QStringLiteral("/\\*.*?\\*/"),
                                                QRegularExpression::DotMatchesEverythingOption);
        QString code = header;
        code.remove(comment);
        for (auto m = decl.globalMatch(code); m.hasNext();) {
            const QString name = m.next().captured(1);
            if (name.startsWith(QLatin1String("virDomainQemu")) ||
                name.startsWith(QLatin1String("virConnectDomainQemu")))
                expected.insert(name);
        }
        QVERIFY(expected.size() >= 5);
        const CliRun r =
            runCli(m_installed,
                   {QStringLiteral("search"), QString(), QStringLiteral("--hypervisor"),
                    QStringLiteral("qemu"), QStringLiteral("--kind"), QStringLiteral("function"),
                    QStringLiteral("--limit"), QStringLiteral("0"), QStringLiteral("--json")});
        QCOMPARE(r.exitCode, 0);
        QSet<QString> got;
        for (const QJsonValue &v : parseJson(r.out).toArray()) {
            got.insert(v.toObject().value(QStringLiteral("name")).toString());
            QCOMPARE(v.toObject().value(QStringLiteral("tier")).toString(),
                     QStringLiteral("hypervisor-specific"));
        }
        QCOMPARE(got, expected);
    }

    // --driver lxc: exactly the functions hvsupport.html gives an lxc cell
    // without a removal, read with a regex over the page.
    void driverFilter()
    {
        const QString page = QStringLiteral("/usr/share/doc/libvirt-doc/html/hvsupport.html");
        const QString html = readText(page);
        QVERIFY2(!html.isEmpty(), "libvirt-doc's hvsupport.html is needed");
        static const QRegularExpression table(QStringLiteral("<table\\b.*?</table>"),
                                              QRegularExpression::DotMatchesEverythingOption);
        static const QRegularExpression tr(QStringLiteral("<tr>(.*?)</tr>"),
                                           QRegularExpression::DotMatchesEverythingOption);
        static const QRegularExpression th(QStringLiteral("<th>([^<]*)</th>"));
        static const QRegularExpression td(QStringLiteral("<td\\s*/>|<td>(.*?)</td>"),
                                           QRegularExpression::DotMatchesEverythingOption);
        static const QRegularExpression tag(QStringLiteral("<[^>]*>"));
        QSet<QString> expected;
        for (auto t = table.globalMatch(html); t.hasNext();) {
            const QString body = t.next().captured(0);
            int column = -1;
            for (auto row = tr.globalMatch(body); row.hasNext();) {
                const QString cells = row.next().captured(1);
                if (cells.contains(QLatin1String("<th>"))) {
                    QStringList names;
                    for (auto h = th.globalMatch(cells); h.hasNext();)
                        names << h.next().captured(1).trimmed();
                    column = int(names.indexOf(QStringLiteral("lxc")));
                    continue;
                }
                QStringList values;
                for (auto d = td.globalMatch(cells); d.hasNext();)
                    values << d.next().captured(1).remove(tag).simplified();
                if (column < 0 || column >= values.size())
                    continue;
                const QString cell = values.at(column);
                if (!cell.isEmpty() && !cell.contains(QLatin1Char('-')))
                    expected.insert(values.at(0));
            }
        }
        // hvsupport.html also lists internal driver entry points
        // (virConnectSupportsFeature): only public functions are indexed.
        expected &= publicFunctions();
        QVERIFY(expected.size() > 50);
        const CliRun r =
            runCli(m_installed, {QStringLiteral("search"), QString(), QStringLiteral("--driver"),
                                 QStringLiteral("lxc"), QStringLiteral("--limit"),
                                 QStringLiteral("0"), QStringLiteral("--json")});
        QCOMPARE(r.exitCode, 0);
        QSet<QString> got;
        for (const QJsonValue &v : parseJson(r.out).toArray())
            got.insert(v.toObject().value(QStringLiteral("name")).toString());
        QCOMPARE(got, expected);
    }
};

QTEST_GUILESS_MAIN(TestCliPromises)
#include "tst_cli_promises.moc"
