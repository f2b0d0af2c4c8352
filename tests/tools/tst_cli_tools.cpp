// virsh commands and options, configuration options and error messages as a
// user of a default install meets them (an index of "/": no virsh, no
// /etc/libvirt, so they come from the shipped release history's entry for
// the installed release), through the real CLI: since of an option added
// after its command (computed from the bundle's tags), counts against the
// installed release's tarball, check-config's findings and its refusals.
#include "clirunner.h"
#include "testdata.h"

#include "extract/tools/configextractor.h"
#include "extract/tools/virshextractor.h"
#include "index/historybuilder.h"
#include "index/historypack.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>

using namespace vse;
using namespace vse::testdata;

namespace {

QString git(const QString &repo, const QStringList &args)
{
    QProcess p;
    p.start(QStringLiteral("git"), QStringList{QStringLiteral("--git-dir"), repo} + args);
    p.waitForFinished(60000);
    return p.exitCode() == 0 ? QString::fromUtf8(p.readAllStandardOutput()) : QString();
}

// The 1-based line of the first line of `text` that starts with `start`.
int lineStarting(const QByteArray &text, const QByteArray &start)
{
    const QList<QByteArray> lines = text.split('\n');
    for (qsizetype i = 0; i < lines.size(); ++i)
        if (lines.at(i).startsWith(start))
            return int(i + 1);
    return 0;
}

QString writeFile(const QTemporaryDir &dir, const QString &name, const QByteArray &content)
{
    const QString path = dir.filePath(name);
    QFile f(path);
    if (f.open(QIODevice::WriteOnly))
        f.write(content);
    return path;
}

} // namespace

class TestCliTools : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;
    QString m_index;
    QString m_repo;

    QJsonArray showAll(const QString &name)
    {
        const CliRun r = runCli(m_index, {QStringLiteral("show"), name, QStringLiteral("--json")});
        const QJsonDocument d = QJsonDocument::fromJson(r.out.toUtf8());
        return d.isArray() ? d.array() : QJsonArray{d.object()};
    }

    QJsonObject checkConfig(const QStringList &args, int *exitCode)
    {
        const CliRun r = runCli(m_index, QStringList{QStringLiteral("check-config")} + args +
                                             QStringList{QStringLiteral("--json")});
        *exitCode = r.exitCode;
        return QJsonDocument::fromJson(r.out.toUtf8()).object();
    }

private Q_SLOTS:
    void initTestCase()
    {
        if (!QFile::exists(QStringLiteral("/usr/include/libvirt/libvirt.h"))) {
            if (inCi())
                QFAIL(
                    "the installed libvirt headers are missing; scripts/setup-deps installs them");
            QSKIP("libvirt-dev is not installed");
        }
        m_index = m_dir.filePath(QStringLiteral("index.sqlite"));
        const CliRun r = runCli(
            m_index, {QStringLiteral("index"), QStringLiteral("--source"), QStringLiteral("/")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        if (QFileInfo::exists(bundlePath())) {
            m_repo = m_dir.filePath(QStringLiteral("repo"));
            QProcess clone;
            clone.start(QStringLiteral("git"),
                        {QStringLiteral("-c"), QStringLiteral("core.hooksPath=/dev/null"),
                         QStringLiteral("clone"), QStringLiteral("--quiet"),
                         QStringLiteral("--bare"), bundlePath(), m_repo});
            if (!clone.waitForFinished(120000) || clone.exitCode() != 0)
                m_repo.clear();
        }
    }

    // attach-disk is older than the bundle's first virsh tables; its
    // --iothread option came later. The release is found here from the tags.
    void optionAddedAfterItsCommand()
    {
        if (m_repo.isEmpty())
            QSKIP("the history bundle is absent");
        const QStringList tags =
            git(m_repo, {QStringLiteral("tag"), QStringLiteral("--list"), QStringLiteral("v1.2.*")})
                .split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        QList<Version> versions;
        for (const QString &t : tags)
            versions << Version::parse(t);
        std::sort(versions.begin(), versions.end());
        Version first, before;
        static const QRegularExpression block(
            QStringLiteral("opts_attach_disk\\[\\] = \\{(.*?)\\n\\};"),
            QRegularExpression::DotMatchesEverythingOption);
        for (const Version &v : std::as_const(versions)) {
            const QString src =
                git(m_repo, {QStringLiteral("show"),
                             QStringLiteral("v%1:tools/virsh-domain.c").arg(v.toString())});
            if (block.match(src).captured(1).contains(QLatin1String("\"iothread\""))) {
                first = v;
                break;
            }
            before = v;
        }
        QVERIFY(first.isValid() && before.isValid());
        const QJsonArray opt = showAll(QStringLiteral("attach-disk --iothread"));
        QVERIFY(!opt.isEmpty());
        const QJsonObject since =
            opt.last().toObject().value(QStringLiteral("sinceRange")).toObject();
        QCOMPARE(since.value(QStringLiteral("upTo")).toString(), first.toString());
        QCOMPARE(since.value(QStringLiteral("after")).toString(), before.toString());
        QVERIFY(since.value(QStringLiteral("exact")).toBool());
        // The command itself is older: in the bundle's first release with tools/virsh.c.
        const QJsonObject cmd = showAll(QStringLiteral("attach-disk")).last().toObject();
        QVERIFY(Version::parse(cmd.value(QStringLiteral("sinceRange"))
                                   .toObject()
                                   .value(QStringLiteral("upTo"))
                                   .toString()) < first);
        // The command's answer lists the option with that same since, in
        // `show --json` and in the text.
        bool listed = false;
        for (const QJsonValue &v : showAll(QStringLiteral("attach-disk")).last().toObject()
                                       .value(QStringLiteral("optionTable")).toArray()) {
            const QJsonObject o = v.toObject();
            if (o.value(QStringLiteral("name")).toString() != QLatin1String("--iothread"))
                continue;
            listed = true;
            QCOMPARE(o.value(QStringLiteral("sinceRange")).toObject().value(QStringLiteral("upTo")).toString(),
                     first.toString());
            QCOMPARE(o.value(QStringLiteral("sinceText")).toString(), first.toString());
        }
        QVERIFY(listed);
        const CliRun cmdText = runCli(m_index, {QStringLiteral("show"), QStringLiteral("attach-disk")});
        static const QRegularExpression row(QStringLiteral("\\n\\s+--iothread\\s.*since (\\S+)\\n"));
        QCOMPARE(row.match(cmdText.out).captured(1), first.toString());
        // Text output says where the rows come from.
        const CliRun text =
            runCli(m_index, {QStringLiteral("show"), QStringLiteral("attach-disk --iothread")});
        QVERIFY2(text.out.contains(QLatin1String("release history")), qPrintable(text.out));
    }

    // The installed release's virsh commands come from the pack's entry for
    // it: the same set as the release's own command tables.
    void installedReleaseCommandsFromHistory()
    {
        const QString version = QFileInfo(QStringLiteral("/usr/include/libvirt/libvirt-common.h")).exists()
                                    ? [] {
                                          QFile f(QStringLiteral("/usr/include/libvirt/libvirt-common.h"));
                                          f.open(QIODevice::ReadOnly);
                                          static const QRegularExpression n(QStringLiteral("LIBVIR_VERSION_NUMBER (\\d+)"));
                                          return Version::fromNumber(
                                                     n.match(QString::fromUtf8(f.readAll())).captured(1).toLongLong())
                                              .toString();
                                      }()
                                    : QString();
        const QString tarball =
            qEnvironmentVariable("VSE_SOURCES_DIR",
                                 QStringLiteral("/var/cache/virt-support-explorer/sources")) +
            QStringLiteral("/libvirt_%1.orig.tar.xz").arg(version);
        if (!QFileInfo::exists(tarball)) {
            if (inCi())
                QFAIL(qPrintable(tarball + QStringLiteral(" is missing")));
            QSKIP("no tarball of the installed release");
        }
        Diagnostics d;
        const QString root = m_dir.filePath(QStringLiteral("tree"));
        QVERIFY(HistoryBuilder::extractTarball(tarball, root, &d));
        QSet<QString> expected;
        for (const Item &it : VirshExtractor::extractTree(root).items)
            if (it.kind == ItemKind::VirshCommand)
                expected.insert(it.name);
        const CliRun r = runCli(m_index, {QStringLiteral("search"), QStringLiteral("virsh:"),
                                          QStringLiteral("--kind"), QStringLiteral("virsh-command"),
                                          QStringLiteral("--limit"), QStringLiteral("100000"),
                                          QStringLiteral("--json")});
        QCOMPARE(r.exitCode, 0);
        QSet<QString> got;
        for (const QJsonValue &v : QJsonDocument::fromJson(r.out.toUtf8()).array()) {
            const QJsonObject o = v.toObject();
            // Removed before it, or added after it (the history's newer rows).
            if (!o.value(QStringLiteral("removed")).toBool() && !o.contains(QStringLiteral("newerThanIndexed")))
                got.insert(o.value(QStringLiteral("name")).toString());
        }
        QCOMPARE(got, expected);
    }

    // An option whose shipped value changed between two bundle releases
    // (found in the pack, the change confirmed in the raw files with git) is
    // reported for a file that does not set it.
    void defaultChangeReported()
    {
        if (m_repo.isEmpty())
            QSKIP("the history bundle is absent");
        const HistoryPack &pack = HistoryPack::builtin();
        const HistoryEntry *found = nullptr;
        QString from, to;
        for (const HistoryEntry &e : pack.entries()) {
            if (e.kind != ItemKind::ConfigOption || e.parent != QLatin1String("qemu.conf"))
                continue;
            const QJsonArray steps = e.attrs.value(QStringLiteral("defaults")).toArray();
            for (qsizetype i = 1; i < steps.size(); ++i) {
                const QJsonArray a = steps.at(i - 1).toArray(), b = steps.at(i).toArray();
                if (a.at(1).isString() && b.at(1).isString() &&
                    Version::parse(b.at(0).toString()) <= Version(1, 3, 5)) {
                    found = &e;
                    from = a.at(0).toString();
                    to = b.at(0).toString();
                    break;
                }
            }
            if (found)
                break;
        }
        QVERIFY2(found, "no qemu.conf option whose shipped value changed up to 1.3.5");
        const QString name = found->key.section(QLatin1Char(':'), 1);
        // The raw files of the two releases show different values.
        const auto shipped = [&](const QString &tag) {
            // qemu.conf moved from src/ to src/qemu/ in 0.8.0.
            QString text = git(m_repo, {QStringLiteral("show"),
                                        QStringLiteral("v%1:src/qemu/qemu.conf").arg(tag)});
            if (text.isEmpty())
                text = git(m_repo,
                           {QStringLiteral("show"), QStringLiteral("v%1:src/qemu.conf").arg(tag)});
            const QRegularExpression re(QStringLiteral("^#?\\s*%1\\s*=\\s*(.*)$").arg(name),
                                        QRegularExpression::MultilineOption);
            return re.match(text).captured(1).trimmed();
        };
        QVERIFY(!shipped(from).isEmpty());
        QVERIFY2(shipped(from) != shipped(to), qPrintable(name));
        const QString file = writeFile(m_dir, QStringLiteral("qemu.conf"), "user = \"qemu\"\n");
        int rc = -1;
        const QJsonObject o =
            checkConfig({file, QStringLiteral("--from"), from, QStringLiteral("--to"), to}, &rc);
        QCOMPARE(rc, 1);
        bool reported = false;
        for (const QJsonValue &f : o.value(QStringLiteral("files"))
                                       .toArray()
                                       .first()
                                       .toObject()
                                       .value(QStringLiteral("findings"))
                                       .toArray())
            if (f.toObject().value(QStringLiteral("option")).toString() == name &&
                f.toObject().value(QStringLiteral("kind")).toString() ==
                    QLatin1String("default-changed"))
                reported = true;
        QVERIFY2(reported, qPrintable(name + QLatin1Char(' ') + from + QLatin1Char(' ') + to));
        // Set explicitly, it is no longer reported.
        QDir().mkpath(m_dir.filePath(QStringLiteral("set")));
        const QString set =
            writeFile(m_dir, QStringLiteral("set/qemu.conf"),
                      (name + QStringLiteral(" = ") + shipped(to) + QLatin1Char('\n')).toUtf8());
        const QJsonObject again =
            checkConfig({set, QStringLiteral("--from"), from, QStringLiteral("--to"), to}, &rc);
        for (const QJsonValue &f : again.value(QStringLiteral("files"))
                                       .toArray()
                                       .first()
                                       .toObject()
                                       .value(QStringLiteral("findings"))
                                       .toArray())
            QVERIFY(f.toObject().value(QStringLiteral("option")).toString() != name);
    }

    // A source tree's libvirtd.conf.in shows "@default_auth@" where a built
    // package has the value: the history records that step, but it is not a
    // change of the shipped value, so --from/--to does not report it.
    void placeholderIsNoDefaultChange()
    {
        const QString tarball =
            qEnvironmentVariable("VSE_SOURCES_DIR",
                                 QStringLiteral("/var/cache/virt-support-explorer/sources")) +
            QStringLiteral("/libvirt_9.0.0.orig.tar.xz");
        if (!QFileInfo::exists(tarball)) {
            if (inCi())
                QFAIL(qPrintable(tarball + QStringLiteral(" is missing")));
            QSKIP("no 9.0.0 tarball");
        }
        // The options of libvirtd.conf whose 9.0.0 step (from the tarball) is a
        // placeholder following a real value, found in the shipped pack.
        QStringList names;
        for (const HistoryEntry &e : HistoryPack::builtin().entries()) {
            if (e.kind != ItemKind::ConfigOption || e.parent != QLatin1String("libvirtd.conf"))
                continue;
            const QJsonValue before = configDefaultIn(e.attrs, Version(1, 3, 5));
            const QJsonValue after = configDefaultIn(e.attrs, Version(9, 0, 0));
            if (before.isString() && !isBuildPlaceholder(before) && isBuildPlaceholder(after))
                names << e.key.section(QLatin1Char(':'), 1);
        }
        QVERIFY2(!names.isEmpty(), "no libvirtd.conf option with a placeholder in 9.0.0");
        // The raw template says so too.
        QProcess tar;
        tar.start(QStringLiteral("tar"), {QStringLiteral("-xJOf"), tarball, QStringLiteral("--wildcards"),
                                          QStringLiteral("*/src/remote/libvirtd.conf.in")});
        QVERIFY(tar.waitForFinished(120000) && tar.exitCode() == 0);
        const QString raw = QString::fromUtf8(tar.readAllStandardOutput());
        for (const QString &n : std::as_const(names)) {
            const QRegularExpression line(
                QStringLiteral("^#?\\s*%1\\s*=\\s*(.*)$").arg(n), QRegularExpression::MultilineOption);
            QVERIFY2(isBuildPlaceholder(QJsonValue(line.match(raw).captured(1))), qPrintable(n));
        }
        QDir().mkpath(m_dir.filePath(QStringLiteral("placeholder")));
        const QString file = writeFile(m_dir, QStringLiteral("placeholder/libvirtd.conf"), "log_level = 1\n");
        int rc = -1;
        const QJsonObject o = checkConfig(
            {file, QStringLiteral("--from"), QStringLiteral("1.3.5"), QStringLiteral("--to"), QStringLiteral("9.0.0")},
            &rc);
        QVERIFY(rc == 0 || rc == 1);
        const QJsonArray findings =
            o.value(QStringLiteral("files")).toArray().first().toObject().value(QStringLiteral("findings")).toArray();
        for (const QJsonValue &f : findings) {
            QVERIFY2(!names.contains(f.toObject().value(QStringLiteral("option")).toString()),
                     qPrintable(f.toObject().value(QStringLiteral("message")).toString()));
            QVERIFY(!f.toObject().value(QStringLiteral("message")).toString().contains(QLatin1Char('@')));
        }
        // show says what the step is.
        const CliRun show = runCli(m_index, {QStringLiteral("show"), names.first()});
        QVERIFY2(show.out.contains(QLatin1String("build-time placeholder")), qPrintable(show.out));
    }

    void findingsOnAFile()
    {
        // A typo, a wrong type, and an option a later release added.
        QByteArray text = "vnc_listn = \"0.0.0.0\"\nvnc_tls = \"yes\"\n";
        const QJsonArray nvram = showAll(QStringLiteral("nvram"));
        QVERIFY(!nvram.isEmpty());
        const Version nvramSince = Version::parse(nvram.last()
                                                      .toObject()
                                                      .value(QStringLiteral("sinceRange"))
                                                      .toObject()
                                                      .value(QStringLiteral("upTo"))
                                                      .toString());
        QVERIFY(nvramSince.isValid());
        text += "nvram = [ \"/a:/b\" ]\n";
        const QString file = writeFile(m_dir, QStringLiteral("qemu.conf"), text);
        int rc = -1;
        const QJsonObject o =
            checkConfig({file, QStringLiteral("--max-version"), QStringLiteral("0.9.0")}, &rc);
        QCOMPARE(rc, 1);
        QHash<QString, QJsonObject> byKind;
        for (const QJsonValue &f : o.value(QStringLiteral("files"))
                                       .toArray()
                                       .first()
                                       .toObject()
                                       .value(QStringLiteral("findings"))
                                       .toArray())
            byKind.insert(f.toObject().value(QStringLiteral("kind")).toString(), f.toObject());
        QCOMPARE(byKind.value(QStringLiteral("unknown-option"))
                     .value(QStringLiteral("suggestion"))
                     .toString(),
                 QStringLiteral("vnc_listen"));
        QCOMPARE(
            byKind.value(QStringLiteral("unknown-option")).value(QStringLiteral("line")).toInt(),
            1);
        QCOMPARE(
            byKind.value(QStringLiteral("wrong-type")).value(QStringLiteral("option")).toString(),
            QStringLiteral("vnc_tls"));
        QCOMPARE(byKind.value(QStringLiteral("wrong-type")).value(QStringLiteral("line")).toInt(),
                 2);
        QVERIFY(Version(0, 9, 0) < nvramSince);
        QCOMPARE(byKind.value(QStringLiteral("newer-than-target"))
                     .value(QStringLiteral("option"))
                     .toString(),
                 QStringLiteral("nvram"));
        // Text: the verdict comes first, findings name FILE:LINE.
        const CliRun t = runCli(m_index, {QStringLiteral("check-config"), file});
        QVERIFY2(t.out.startsWith(file + QStringLiteral(": Problems")), qPrintable(t.out));
        QVERIFY(t.out.contains(file + QStringLiteral(":1: unknown-option: vnc_listn")));
        // A virtqemud.conf is read like libvirtd.conf, also when written on Windows (CRLF).
        const QString daemon =
            writeFile(m_dir, QStringLiteral("virtqemud.conf"), "log_level = 1\r\n");
        const QJsonObject d = checkConfig({daemon}, &rc);
        QCOMPARE(rc, 0);
        QCOMPARE(d.value(QStringLiteral("files"))
                     .toArray()
                     .first()
                     .toObject()
                     .value(QStringLiteral("config"))
                     .toString(),
                 QStringLiteral("libvirtd.conf"));
    }

    // Settings that make the system daemon taint every guest it starts,
    // checked against libvirt's code where CI fetched the 11.3.0 tarball
    // (qemuDomainObjCheckTaint: cfg->user or cfg->group 0, a non-empty
    // capability filter list) and against the options the index knows.
    void settingsThatTaintEveryGuest()
    {
        // Where CI put the source tarballs ($VSE_SOURCES_DIR; the Debian 13 root has its own).
        const QString dir = qEnvironmentVariable("VSE_SOURCES_DIR", QStringLiteral("/var/cache/virt-support-explorer/sources"));
        const QString tarball = dir + QStringLiteral("/libvirt_11.3.0.orig.tar.xz");
        if (QFile::exists(tarball)) {
            QProcess tar;
            tar.start(QStringLiteral("tar"), {QStringLiteral("-xJOf"), tarball, QStringLiteral("--wildcards"),
                                              QStringLiteral("*/src/qemu/qemu_domain.c")});
            QVERIFY(tar.waitForFinished(120000));
            const QString code = QString::fromUtf8(tar.readAllStandardOutput());
            QVERIFY(QRegularExpression(QStringLiteral("cfg->user == 0 \\|\\|\\s*cfg->group == 0\\)\\)\\s*"
                                                      "qemuDomainObjTaint\\(driver, obj, VIR_DOMAIN_TAINT_HIGH_PRIVILEGES"))
                        .match(code)
                        .hasMatch());
            QVERIFY(QRegularExpression(QStringLiteral("cfg->capabilityfilters && \\*cfg->capabilityfilters\\)\\)\\s*\\{\\s*"
                                                      "qemuDomainObjTaint\\(driver, obj,\\s*VIR_DOMAIN_TAINT_CUSTOM_HYPERVISOR_FEATURE"))
                        .match(code)
                        .hasMatch());
        } else {
            qWarning("no libvirt 11.3.0 source tarball in %s: libvirt's code not checked", qPrintable(dir));
        }
        for (const QString &option : {QStringLiteral("user"), QStringLiteral("group"), QStringLiteral("capability_filters")})
            QVERIFY2(!showAll(option).isEmpty(), qPrintable(option));
        const auto verdict = [&](const QByteArray &text, QStringList *taints) {
            const QString file = writeFile(m_dir, QStringLiteral("qemu.conf"), text);
            int rc = -1;
            const QJsonObject f = checkConfig({file}, &rc).value(QStringLiteral("files")).toArray().first().toObject();
            taints->clear();
            for (const QJsonValue &t : f.value(QStringLiteral("taints")).toArray())
                *taints << t.toString();
            return rc;
        };
        QStringList taints;
        QCOMPARE(verdict("user = \"root\"\n", &taints), 6);
        QCOMPARE(taints, QStringList{QStringLiteral("high-privileges")});
        QCOMPARE(verdict("group = \"+0\"\n", &taints), 6);
        QCOMPARE(taints, QStringList{QStringLiteral("high-privileges")});
        QCOMPARE(verdict("user = \"libvirt-qemu\"\ncapability_filters = [ \"foo\" ]\n", &taints), 6);
        QCOMPARE(taints, QStringList{QStringLiteral("custom-hypervisor-feature")});
        QCOMPARE(verdict("user = \"libvirt-qemu\"\ncapability_filters = [ ]\n", &taints), 0);
        QVERIFY(taints.isEmpty());
        // A problem still decides the exit code; the taint stays said.
        QCOMPARE(verdict("user = \"0\"\nvnc_listn = \"x\"\n", &taints), 1);
        QCOMPARE(taints, QStringList{QStringLiteral("high-privileges")});
        // show says it of the setting, and the reason lists the setting.
        const QJsonObject user =
            QJsonDocument::fromJson(runCli(m_index, {QStringLiteral("show"), QStringLiteral("--json"), QStringLiteral("qemu.conf:user")})
                                        .out.toUtf8())
                .object();
        const QJsonObject taint = user.value(QStringLiteral("taints")).toArray().first().toObject();
        QCOMPARE(taint.value(QStringLiteral("reason")).toString(), QStringLiteral("high-privileges"));
        QCOMPARE(taint.value(QStringLiteral("when")).toArray(),
                 (QJsonArray{QStringLiteral("root"), QStringLiteral("+0"), QStringLiteral("0")}));
        const CliRun reason = runCli(m_index, {QStringLiteral("show"), QStringLiteral("high-privileges")});
        QVERIFY2(reason.out.contains(QLatin1String("\n    qemu.conf:user ")) && reason.out.contains(QLatin1String("\n    qemu.conf:group ")),
                 qPrintable(reason.out));
        const QString file = writeFile(m_dir, QStringLiteral("qemu.conf"), "user = \"root\"\n");
        const CliRun t = runCli(m_index, {QStringLiteral("check-config"), file});
        QVERIFY2(t.out.startsWith(file + QStringLiteral(": Clean, but every guest is marked tainted")), qPrintable(t.out));
        QVERIFY(t.out.contains(QStringLiteral(":1: note: taints-guests: user: libvirt's system daemon marks every guest it "
                                              "starts tainted: high-privileges")));
    }

    // libvirt's 9.0.0 qemu.conf as an administrator edits it: the example
    // list of cgroup_device_acl switched on by removing only its first '#'
    // (its items stay commented: libvirt allows no comment inside a list),
    // and a setting typed without its '='. libvirt refuses such a file
    // whole; check-config says where, and exits 8.
    void syntaxErrorsStopTheDaemon()
    {
        QByteArray text = fileOfTarball(QStringLiteral("9.0.0"), QStringLiteral("src/qemu/qemu.conf.in"));
        if (text.isEmpty()) {
            if (inCi())
                QFAIL("libvirt_9.0.0.orig.tar.xz is not in $VSE_SOURCES_DIR");
            QSKIP("libvirt_9.0.0.orig.tar.xz is not in $VSE_SOURCES_DIR");
        }
        const int acl = lineStarting(text, "#cgroup_device_acl = [");
        QVERIFY(acl > 0);
        text.replace("#cgroup_device_acl = [", "cgroup_device_acl = [");
        const int vnc = lineStarting(text, "#vnc_listen = ");
        QVERIFY(vnc > 0);
        text.replace("#vnc_listen = ", "vnc_listen ");
        const QString file = writeFile(m_dir, QStringLiteral("qemu.conf"), text);
        int rc = -1;
        const QJsonObject o = checkConfig({file}, &rc);
        QCOMPARE(rc, 8);
        const QJsonObject f = o.value(QStringLiteral("files")).toArray().first().toObject();
        QCOMPARE(f.value(QStringLiteral("verdict")).toString(), QStringLiteral("syntax-error"));
        QList<int> lines;
        for (const QJsonValue &v : f.value(QStringLiteral("findings")).toArray())
            if (v.toObject().value(QStringLiteral("kind")).toString() == QLatin1String("syntax-error"))
                lines << v.toObject().value(QStringLiteral("line")).toInt();
        // vnc_listen comes first in the file; the list fails at its first
        // commented item, the line after it opens.
        QVERIFY(vnc < acl);
        QCOMPARE(lines, (QList<int>{vnc, acl + 1}));
        const CliRun t = runCli(m_index, {QStringLiteral("check-config"), file});
        QCOMPARE(t.exitCode, 8);
        QVERIFY2(t.out.startsWith(file + QStringLiteral(": libvirt cannot parse it")), qPrintable(t.out));
        QVERIFY2(t.out.contains(file + QStringLiteral(":%1: syntax-error: vnc_listen: ").arg(vnc)),
                 qPrintable(t.out));
        QVERIFY2(t.out.contains(file + QStringLiteral(":%1: syntax-error: cgroup_device_acl: ").arg(acl + 1)),
                 qPrintable(t.out));
    }

    // Options libvirt's qemu driver reads as a string or a list (those it
    // reads with virConfGetValueStringList(..., true, ...) in 9.0.0's
    // qemu_conf.c, found here in the source) take a list without a
    // wrong-type finding; other string options still get one.
    void stringOrListOptions()
    {
        const QByteArray source =
            fileOfTarball(QStringLiteral("9.0.0"), QStringLiteral("src/qemu/qemu_conf.c"));
        const QByteArray shipped =
            fileOfTarball(QStringLiteral("9.0.0"), QStringLiteral("src/qemu/qemu.conf.in"));
        if (source.isEmpty() || shipped.isEmpty()) {
            if (inCi())
                QFAIL("libvirt_9.0.0.orig.tar.xz is not in $VSE_SOURCES_DIR");
            QSKIP("libvirt_9.0.0.orig.tar.xz is not in $VSE_SOURCES_DIR");
        }
        QStringList both;
        static const QRegularExpression call(
            QStringLiteral(R"re(virConfGetValueStringList\(conf,\s*"([a-z_]+)",\s*true)re"));
        for (auto it = call.globalMatch(QString::fromUtf8(source)); it.hasNext();)
            both << it.next().captured(1);
        QVERIFY2(both.contains(QStringLiteral("security_driver")), qPrintable(both.join(u',')));
        // The shipped file itself shows the list form in a comment; switched on:
        QByteArray text = shipped;
        text.replace("#       security_driver = [ \"selinux\", \"apparmor\" ]",
                     "security_driver = [ \"selinux\", \"apparmor\" ]");
        QVERIFY(text != shipped);
        for (const QString &o : std::as_const(both))
            if (o != QLatin1String("security_driver"))
                text += o.toUtf8() + " = [ \"/a\", \"/b\" ]\n";
        text += "vnc_listen = [ \"0.0.0.0\" ]\n"; // a string, never a list
        const QString file = writeFile(m_dir, QStringLiteral("qemu.conf"), text);
        int rc = -1;
        const QJsonObject o = checkConfig({file, QStringLiteral("--max-version"), QStringLiteral("9.0.0")}, &rc);
        QHash<QString, QString> kinds;
        for (const QJsonValue &v : o.value(QStringLiteral("files")).toArray().first().toObject()
                                       .value(QStringLiteral("findings")).toArray())
            kinds.insert(v.toObject().value(QStringLiteral("option")).toString(),
                         v.toObject().value(QStringLiteral("kind")).toString());
        for (const QString &opt : std::as_const(both))
            QCOMPARE(kinds.value(opt), QStringLiteral("list-where-lens-reads-string"));
        QCOMPARE(kinds.value(QStringLiteral("vnc_listen")), QStringLiteral("wrong-type"));
        QCOMPARE(rc, 1); // vnc_listen; the lists alone are notes
    }

    void badInputRefused_data()
    {
        QTest::addColumn<QString>("kind");
        for (const char *k : {"binary", "huge", "invalid-utf8", "fifo", "directory"})
            QTest::newRow(k) << QString::fromLatin1(k);
    }
    void badInputRefused()
    {
        QFETCH(QString, kind);
        QTemporaryDir tmp;
        QString path = tmp.filePath(QStringLiteral("qemu.conf"));
        if (kind == QLatin1String("binary")) {
            writeFile(tmp, QStringLiteral("qemu.conf"), QByteArray("user = \"a\"\n\0\x01\x02", 15));
        } else if (kind == QLatin1String("huge")) {
            QFile f(path);
            QVERIFY(f.open(QIODevice::WriteOnly));
            QVERIFY(f.resize(200LL * 1024 * 1024)); // sparse: no 200 MB written
        } else if (kind == QLatin1String("invalid-utf8")) {
            writeFile(tmp, QStringLiteral("qemu.conf"), "user = \"qemu\"\ngroup = \"\xff\xfe\"\n");
        } else if (kind == QLatin1String("fifo")) {
            QVERIFY(::mkfifo(QFile::encodeName(path).constData(), 0600) == 0);
        } else {
            path = tmp.filePath(QStringLiteral("empty"));
            QVERIFY(QDir().mkpath(path));
        }
        const QFileInfo before(m_index);
        const CliRun r = runCli(m_index, {QStringLiteral("check-config"), path}, 20000);
        QVERIFY2(!r.crashed, "hung or crashed");
        QCOMPARE(r.exitCode, 3);
        QVERIFY2(r.err.contains(path) && r.err.contains(QLatin1String("refused")),
                 qPrintable(r.err));
        QVERIFY(r.out.isEmpty());
        const QFileInfo after(m_index);
        QCOMPARE(after.lastModified(), before.lastModified());
        QCOMPARE(after.size(), before.size());
        if (kind == QLatin1String("invalid-utf8"))
            QVERIFY2(r.err.contains(path + QStringLiteral(":2:")), qPrintable(r.err));
    }
};

QTEST_GUILESS_MAIN(TestCliTools)
#include "tst_cli_tools.moc"
