// virsh commands and options, daemon configuration options and error
// messages read from real libvirt trees: v1.3.5 of the history bundle and
// Debian's upstream tarballs of 7.0.0, 9.0.0 and 11.3.0. Each count is
// compared with an independent one made with regular expressions straight
// over the same files (command names, option entries with the option macros
// counted from their #define bodies, lens entries and shipped settings, the
// message table or switch of virerror.c).
#include "testdata.h"

#include "extract/tools/configextractor.h"
#include "extract/tools/errormessages.h"
#include "extract/tools/virshextractor.h"
#include "extract/tools/virshmanpage.h"
#include "index/historybuilder.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QJsonArray>
#include <QProcess>
#include <QRegularExpression>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

using namespace vse;

namespace {

QString sourcesDir()
{
    const QString env = qEnvironmentVariable("VSE_SOURCES_DIR");
    return env.isEmpty() ? QStringLiteral("/var/cache/virt-support-explorer/sources") : env;
}

QString readAll(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? QString::fromUtf8(f.readAll()) : QString();
}

QStringList files(const QString &dir, const QStringList &patterns, bool recursive = false)
{
    QStringList out;
    QDirIterator it(dir, patterns, QDir::Files,
                    recursive ? QDirIterator::Subdirectories : QDirIterator::NoIteratorFlags);
    while (it.hasNext())
        out << it.next();
    out.sort();
    return out;
}

// The tools/ sources with comments and line continuations removed.
QString toolsText(const QString &root, bool headers)
{
    QString all;
    for (const QString &f :
         files(root + QStringLiteral("/tools"),
               headers ? QStringList{QStringLiteral("virsh*.h"), QStringLiteral("vsh.h")}
                       : QStringList{QStringLiteral("virsh*.c"), QStringLiteral("vsh.c")}))
        if (!f.contains(QLatin1String("completer")))
            all += readAll(f) + QLatin1Char('\n');
    static const QRegularExpression comments(QStringLiteral("/\\*.*?\\*/"),
                                             QRegularExpression::DotMatchesEverythingOption);
    all.remove(comments);
    all.replace(QLatin1String("\\\n"), QLatin1String(" "));
    return all;
}

// Command names by regex: designated entries are those whose .name is
// followed by .handler / .alias / .flags (options have .type); positional
// ones name a cmd* handler second.
QSet<QString> commandNames(const QString &root)
{
    const QString text = toolsText(root, false) + toolsText(root, true);
    QSet<QString> out;
    static const QRegularExpression designated(QStringLiteral(
        "\\{\\s*\\.name\\s*=\\s*\"([a-z0-9-]+)\"\\s*,\\s*\\.(handler|alias|flags)\\b"));
    static const QRegularExpression positional(
        QStringLiteral("\\{\\s*\"([a-z0-9-]+)\"\\s*,\\s*cmd[A-Za-z0-9]+\\s*,"));
    for (const auto *re : {&designated, &positional}) {
        auto it = re->globalMatch(text);
        while (it.hasNext())
            out.insert(it.next().captured(1));
    }
    return out;
}

// Command table entries written as a VSH_CMD_* macro the tree does not
// define (tools/vsh.h is not in the history bundle), by macro name.
QStringList undefinedCommandMacros(const QString &root)
{
    const QString text = toolsText(root, false) + toolsText(root, true);
    static const QRegularExpression table(QStringLiteral("vshCmdDef\\s+\\w+\\[\\]\\s*=\\s*\\{(.*?)\\};"),
                                          QRegularExpression::DotMatchesEverythingOption);
    static const QRegularExpression entry(QStringLiteral("^\\s*(VSH_CMD_[A-Z][A-Z0-9_]*)\\s*,"),
                                          QRegularExpression::MultilineOption);
    QStringList out;
    for (auto t = table.globalMatch(text); t.hasNext();)
        for (auto it = entry.globalMatch(t.next().captured(1)); it.hasNext();) {
            const QString macro = it.next().captured(1);
            if (!out.contains(macro) &&
                !text.contains(QRegularExpression(QStringLiteral("#\\s*define\\s+%1\\b").arg(macro))))
                out << macro;
        }
    out.sort();
    return out;
}

// Option entries: per vshCmdOptDef array, entries written out (`.name = "` or
// `{"x", VSH_OT_`) plus, for each macro used as an entry, the entries its
// #define body writes (nested macros followed).
int optionEntries(const QString &root, const QHash<QString, int> &usedArrays)
{
    const QString code = toolsText(root, false);
    const QString all = code + toolsText(root, true);
    QHash<QString, QString> defines;
    static const QRegularExpression def(
        QStringLiteral("#\\s*define\\s+([A-Z_0-9]+)(\\([^)]*\\))?([^\\n]*)"));
    auto d = def.globalMatch(all);
    while (d.hasNext()) {
        const auto m = d.next();
        defines.insert(m.captured(1), m.captured(3));
    }
    static const QRegularExpression entry(
        QStringLiteral("(\\.name\\s*=\\s*\"[^\"]+\"|\\{\\s*\"[^\"]+\"\\s*,\\s*VSH_OT_)"));
    static const QRegularExpression macroUse(
        QStringLiteral("(?:^|[,{])\\s*([A-Z][A-Z_0-9]+)\\s*(?:\\(|,|$)"),
        QRegularExpression::MultilineOption);
    std::function<int(const QString &, int)> count = [&](const QString &body, int depth) {
        int n = int(body.count(entry));
        if (depth > 4)
            return n;
        auto u = macroUse.globalMatch(body);
        while (u.hasNext()) {
            const QString name = u.next().captured(1);
            if (defines.contains(name) && !name.startsWith(QLatin1String("VSH_OT")))
                n += count(defines.value(name), depth + 1);
        }
        return n;
    };
    int total = 0;
    static const QRegularExpression array(
        QStringLiteral("vshCmdOptDef\\s+(\\w+)\\s*\\[\\s*\\]\\s*=\\s*\\{"));
    auto a = array.globalMatch(code);
    while (a.hasNext()) {
        const auto m = a.next();
        if (!usedArrays.contains(m.captured(1)))
            continue;
        int depth = 0;
        qsizetype i = m.capturedEnd() - 1;
        const qsizetype start = i;
        for (; i < code.size(); ++i) {
            if (code.at(i) == QLatin1Char('{'))
                ++depth;
            else if (code.at(i) == QLatin1Char('}') && --depth == 0)
                break;
        }
        total += usedArrays.value(m.captured(1)) * count(code.mid(start + 1, i - start - 1), 0);
    }
    return total;
}

// How many commands point to each option array (an alias entry does not
// count: it has no options of its own; an array no command uses is not virsh's).
QHash<QString, int> usedOptionArrays(const QString &root)
{
    QHash<QString, int> out;
    const QString text = toolsText(root, false) + toolsText(root, true);
    static const QRegularExpression designated(
        QStringLiteral("\\.opts\\s*=\\s*(opts_\\w+)([^}]*)\\}"));
    static const QRegularExpression positional(
        QStringLiteral("\\{\\s*\"[a-z0-9-]+\"\\s*,\\s*cmd\\w+\\s*,\\s*(opts_\\w+)([^}]*)\\}"));
    for (const auto *re : {&designated, &positional}) {
        auto it = re->globalMatch(text);
        while (it.hasNext()) {
            const auto m = it.next();
            if (!m.captured(2).contains(QLatin1String("VSH_CMD_FLAG_ALIAS")))
                ++out[m.captured(1)];
        }
    }
    return out;
}

} // namespace

class TestToolsData : public QObject
{
    Q_OBJECT

    QTemporaryDir m_tmp;
    QMap<QString, QString> m_trees; // version -> root

    void addBundleTree()
    {
        if (!QFileInfo::exists(testdata::bundlePath()))
            return;
        const QString repo = m_tmp.filePath(QStringLiteral("repo"));
        const QString root = m_tmp.filePath(QStringLiteral("1.3.5"));
        QDir().mkpath(root);
        QProcess git;
        git.start(QStringLiteral("git"),
                  {QStringLiteral("-c"), QStringLiteral("core.hooksPath=/dev/null"),
                   QStringLiteral("clone"), QStringLiteral("--quiet"), QStringLiteral("--bare"),
                   testdata::bundlePath(), repo});
        if (!git.waitForFinished(120000) || git.exitCode() != 0)
            return;
        QProcess archive;
        archive.setStandardOutputFile(m_tmp.filePath(QStringLiteral("1.3.5.tar")));
        archive.start(QStringLiteral("git"),
                      {QStringLiteral("--git-dir"), repo, QStringLiteral("archive"),
                       QStringLiteral("v1.3.5"), QStringLiteral("tools"), QStringLiteral("src"),
                       QStringLiteral("daemon")});
        if (!archive.waitForFinished(120000) || archive.exitCode() != 0)
            return;
        QProcess tar;
        tar.start(QStringLiteral("tar"),
                  {QStringLiteral("-xf"), m_tmp.filePath(QStringLiteral("1.3.5.tar")),
                   QStringLiteral("-C"), root});
        if (tar.waitForFinished(120000) && tar.exitCode() == 0)
            m_trees.insert(QStringLiteral("1.3.5"), root);
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_tmp.isValid());
        addBundleTree();
        for (const char *v : {"7.0.0", "9.0.0", "11.3.0"}) {
            const QString tarball =
                sourcesDir() + QStringLiteral("/libvirt_%1.orig.tar.xz").arg(QLatin1String(v));
            if (!QFileInfo::exists(tarball))
                continue;
            Diagnostics d;
            const QString root = m_tmp.filePath(QLatin1String(v));
            if (HistoryBuilder::extractTarball(tarball, root, &d))
                m_trees.insert(QLatin1String(v), root);
        }
        if (m_trees.size() < 4) {
            const QString why =
                QStringLiteral(
                    "needs the history bundle and Debian's 7.0.0, 9.0.0, 11.3.0 tarballs "
                    "(scripts/fetch-debian-sources); have %1")
                    .arg(QStringList(m_trees.keys()).join(QLatin1Char(',')));
            if (testdata::inCi())
                QFAIL(qPrintable(why));
            QSKIP(qPrintable(why));
        }
    }

    void virshCounts_data()
    {
        QTest::addColumn<QString>("version");
        for (const char *v : {"1.3.5", "7.0.0", "9.0.0", "11.3.0"})
            QTest::newRow(v) << QString::fromLatin1(v);
    }
    void virshCounts()
    {
        QFETCH(QString, version);
        const QString root = m_trees.value(version);
        const ExtractResult r = VirshExtractor::extractTree(root);
        // The only diagnostics: one warning per command the table names
        // through a macro of a file the tree lacks.
        const QStringList undefined = undefinedCommandMacros(root);
        QCOMPARE(r.diagnostics.size(), undefined.size());
        for (qsizetype i = 0; i < r.diagnostics.size(); ++i) {
            QVERIFY2(!r.diagnostics.at(i).isError(), qPrintable(r.diagnostics.at(i).toString()));
            QVERIFY2(r.diagnostics.at(i).message.contains(QLatin1String(" is defined in a file this tree lacks")),
                     qPrintable(r.diagnostics.at(i).toString()));
        }
        QSet<QString> fromMacros;
        for (const Item &it : r.items)
            if (it.attrs.value(QStringLiteral("optionsUnknown")).toBool())
                fromMacros.insert(it.name);
        QCOMPARE(fromMacros.size(), undefined.size());
        // Only the trimmed bundle lacks vsh.h: 1.3.5's generic commands, each
        // documented under the name given in its manual (tools/virsh.pod).
        if (version == QLatin1String("1.3.5")) {
            QCOMPARE(undefined.size(), 6);
            const QString pod = readAll(root + QStringLiteral("/tools/virsh.pod"));
            for (const QString &name : std::as_const(fromMacros))
                QVERIFY2(pod.contains(QStringLiteral("B<%1>").arg(name)), qPrintable(name));
        } else {
            QVERIFY(undefined.isEmpty());
        }
        QSet<QString> commands;
        int options = 0;
        for (const Item &it : r.items) {
            if (it.kind == ItemKind::VirshCommand) {
                commands.insert(it.name);
            } else {
                ++options;
                // Every option entry's type read, macro-chosen ones included.
                static const QStringList types{QStringLiteral("bool"),   QStringLiteral("string"),
                                               QStringLiteral("number"), QStringLiteral("data"),
                                               QStringLiteral("argv"),   QStringLiteral("alias")};
                QVERIFY2(types.contains(it.attrs.value(QStringLiteral("type")).toString()),
                         qPrintable(it.name));
            }
        }
        const QSet<QString> expected = commandNames(root) + fromMacros;
        QCOMPARE(commands, expected);
        QCOMPARE(options, optionEntries(root, usedOptionArrays(root)));
        qInfo("%s: %lld virsh commands, %d options", qPrintable(version),
              qsizetype(commands.size()), options);
    }

    // Facts checked by hand in the trees.
    void virshFacts()
    {
        const ExtractResult r =
            VirshExtractor::extractTree(m_trees.value(QStringLiteral("11.3.0")));
        QHash<QString, Item> byName;
        for (const Item &it : r.items)
            byName.insert(it.name, it);
        const Item disk = byName.value(QStringLiteral("attach-disk --source"));
        QCOMPARE(disk.attrs.value(QStringLiteral("type")).toString(), QStringLiteral("string"));
        QVERIFY(disk.attrs.value(QStringLiteral("required")).toBool());
        QVERIFY(disk.attrs.value(QStringLiteral("positional")).toBool());
        QCOMPARE(byName.value(QStringLiteral("attach-disk --shareable"))
                     .attrs.value(QStringLiteral("aliasOf"))
                     .toString(),
                 QStringLiteral("mode=shareable"));
        QCOMPARE(byName.value(QStringLiteral("nodedev-dettach"))
                     .attrs.value(QStringLiteral("aliasOf"))
                     .toString(),
                 QStringLiteral("nodedev-detach"));
        const Item list = byName.value(QStringLiteral("list"));
        QCOMPARE(list.attrs.value(QStringLiteral("output")).toString(), QStringLiteral("compound"));
        QCOMPARE(list.attrs.value(QStringLiteral("stableAlternative")).toString(),
                 QStringLiteral("--name"));
        QCOMPARE(list.tier, QString()); // the policy is applied by the release reader
        QCOMPARE(byName.value(QStringLiteral("dumpxml"))
                     .attrs.value(QStringLiteral("output"))
                     .toString(),
                 QStringLiteral("single"));
        QCOMPARE(
            byName.value(QStringLiteral("attach-disk --cache")).file.section(QLatin1Char('/'), -1),
            QStringLiteral("virsh-domain.c"));
        // Commands calling the QEMU or LXC library are as hypervisor-specific
        // as it (the handler cmdQemuMonitorCommand in tools/virsh-domain.c
        // calls virDomainQemuMonitorCommand), options included; others not.
        const QString domainC = readAll(m_trees.value(QStringLiteral("11.3.0")) + QStringLiteral("/tools/virsh-domain.c"));
        QVERIFY(domainC.contains(QLatin1String("virDomainQemuMonitorCommand(")));
        const Item qmc = byName.value(QStringLiteral("qemu-monitor-command"));
        QCOMPARE(qmc.origin, QStringLiteral("virsh:qemu"));
        QVERIFY(qmc.attrs.value(QStringLiteral("calls")).toArray().contains(QStringLiteral("virDomainQemuMonitorCommand")));
        QCOMPARE(byName.value(QStringLiteral("qemu-monitor-command --hmp")).origin, QStringLiteral("virsh:qemu"));
        QCOMPARE(byName.value(QStringLiteral("lxc-enter-namespace")).origin, QStringLiteral("virsh:lxc"));
        QCOMPARE(byName.value(QStringLiteral("qemu-agent-command")).origin, QStringLiteral("virsh:qemu"));
        QCOMPARE(byName.value(QStringLiteral("dumpxml")).origin, QStringLiteral("virsh"));
        QCOMPARE(byName.value(QStringLiteral("list")).origin, QStringLiteral("virsh:compound-output"));
        // 1.3.5 wrote the domain option with a macro and VSH_OT_DATA + VSH_OFLAG_REQ.
        const ExtractResult old =
            VirshExtractor::extractTree(m_trees.value(QStringLiteral("1.3.5")));
        bool found = false;
        for (const Item &it : old.items)
            if (it.name == QLatin1String("attach-disk --domain")) {
                found = true;
                QCOMPARE(it.attrs.value(QStringLiteral("type")).toString(), QStringLiteral("data"));
                QVERIFY(it.attrs.value(QStringLiteral("required")).toBool());
            }
        QVERIFY(found);
    }

    void configCounts_data() { virshCounts_data(); }
    void configCounts()
    {
        QFETCH(QString, version);
        const QString root = m_trees.value(version);
        Diagnostics d;
        const QList<ConfigFile> read = ConfigExtractor::readTree(root, &d);
        QVERIFY2(!hasErrors(d), hasErrors(d) ? qPrintable(d.first().toString()) : "");
        QHash<QString, int> got;
        for (const ConfigFile &f : read)
            got.insert(f.name, int(f.settings.size()));
        // Independently: per lens, the names of its *_entry lines and of the
        // settings of the shipped file it includes (same base name, or the
        // qemu- prefix the build adds to lockd.conf and sanlock.conf).
        static const QRegularExpression entry(QStringLiteral("_entry\\s+\"(\\w+)\""));
        static const QRegularExpression incl(QStringLiteral("incl\\s+\"[^\"]*/([^/\"]+)\""));
        static const QRegularExpression setting(
            QStringLiteral("^#?[ \\t]*([A-Za-z_]\\w*)[ \\t]*=[ \\t]*[\"0-9\\[@-]"),
            QRegularExpression::MultilineOption);
        const QStringList all = files(root,
                                      {QStringLiteral("*.aug"), QStringLiteral("*.aug.in"),
                                       QStringLiteral("*.conf"), QStringLiteral("*.conf.in")},
                                      true);
        int compared = 0;
        for (const QString &lens : all) {
            if (!lens.contains(QLatin1String(".aug")) ||
                QFileInfo(lens).fileName().startsWith(QLatin1String("test_")))
                continue;
            QString text = readAll(lens);
            text.remove(QRegularExpression(QStringLiteral("\\(\\*.*?\\*\\)"),
                                           QRegularExpression::DotMatchesEverythingOption));
            const QString target =
                QString(incl.match(text).captured(1))
                    .replace(QLatin1String("@DAEMON_NAME@"), QLatin1String("libvirtd"));
            QSet<QString> names;
            auto e = entry.globalMatch(text);
            while (e.hasNext())
                names.insert(e.next().captured(1));
            for (const QString &conf : all) {
                QString base = QFileInfo(conf).fileName();
                if (base.endsWith(QLatin1String(".in")))
                    base.chop(3);
                if (!base.endsWith(QLatin1String(".conf")) ||
                    conf.contains(QLatin1String(".sysusers.")) ||
                    (base != target && QStringLiteral("qemu-") + base != target))
                    continue;
                auto s = setting.globalMatch(readAll(conf));
                while (s.hasNext())
                    names.insert(s.next().captured(1));
            }
            QCOMPARE(got.value(target), int(names.size()));
            ++compared;
        }
        QVERIFY(compared >= 5);
        qInfo("%s: %d configuration files with a lens", qPrintable(version), compared);
    }

    void errorMessages_data() { virshCounts_data(); }
    void errorMessages()
    {
        QFETCH(QString, version);
        const QString root = m_trees.value(version);
        QString file;
        Diagnostics d;
        const auto messages = ErrorMessages::readTree(root, &file, &d);
        QVERIFY(d.isEmpty());
        const QString text = readAll(file);
        // Independently: the codes of the message table that name a string,
        // or (old trees) the case labels of virErrorMsg()'s switch up to its
        // end, less VIR_ERR_OK which has no message.
        QSet<QString> codes;
        const qsizetype table = text.indexOf(QLatin1String("virErrorMsgStrings[] = {"));
        if (table >= 0) {
            static const QRegularExpression row(
                QStringLiteral("\\[(VIR_(?:ERR|WAR)_\\w+)\\]\\s*=\\s*\\{\\s*N_\\("));
            auto it = row.globalMatch(text, table);
            while (it.hasNext())
                codes.insert(it.next().captured(1));
        } else {
            const qsizetype start = text.indexOf(QLatin1String("virErrorMsg("));
            const qsizetype end = text.indexOf(QLatin1String("return errmsg;"), start);
            QVERIFY(start > 0 && end > start);
            static const QRegularExpression label(
                QStringLiteral("case\\s+(VIR_(?:ERR|WAR)_\\w+)\\s*:"));
            auto it = label.globalMatch(text.mid(start, end - start));
            while (it.hasNext())
                codes.insert(it.next().captured(1));
            codes.remove(QStringLiteral("VIR_ERR_OK"));
        }
        QCOMPARE(QSet<QString>(messages.keyBegin(), messages.keyEnd()), codes);
        QCOMPARE(messages.value(QStringLiteral("VIR_ERR_NO_MEMORY")).text,
                 QStringLiteral("out of memory"));
        qInfo("%s: %lld error messages", qPrintable(version), qsizetype(messages.size()));
    }

    // virsh.1 of a package set (libvirt-clients, unpacked by
    // scripts/fetch-debian-releases since it lists that package): its
    // commands against a regex over the raw page, and each one a command of
    // the same release's command tables.
    void manPage()
    {
        const QString releases = qEnvironmentVariable("VSE_RELEASES_DIR");
        QString man, version;
        for (const QString &v :
             {QStringLiteral("11.3.0"), QStringLiteral("9.0.0"), QStringLiteral("7.0.0")}) {
            man = VirshManPage::find(releases + QStringLiteral("/libvirt-") + v);
            if (!man.isEmpty()) {
                version = v;
                break;
            }
        }
        if (man.isEmpty())
            QSKIP("no package set with virsh.1 (re-run scripts/fetch-debian-releases into an empty "
                  "folder: "
                  "it now unpacks libvirt-clients)");
        const ExtractResult r = VirshManPage::read(man);
        QVERIFY(r.diagnostics.isEmpty());
        QSet<QString> commands;
        for (const Item &it : r.items)
            if (it.kind == ItemKind::VirshCommand && !it.attrs.contains(QStringLiteral("aliasOf")))
                commands.insert(it.name);
        QProcess gz;
        gz.start(QStringLiteral("gzip"), {QStringLiteral("-dc"), man});
        QVERIFY(gz.waitForFinished(60000));
        const QString text = QString::fromUtf8(gz.readAllStandardOutput())
                                 .replace(QLatin1String("\\-"), QLatin1String("-"));
        // A section heading, then (before any other heading) a .nf (or, on
        // 11.x pages, .EX) block whose first word is one of its names.
        static const QRegularExpression section(
            QStringLiteral("^\\.SS ([^\\n]+)\\n(?:(?!\\.S[SH] "
                           ")[^\\n]*\\n)*?\\.(?:nf|EX)\\n(?:\\.[^\\n]*\\n)*([a-z][a-z0-9-]*)"),
            QRegularExpression::MultilineOption);
        QSet<QString> expected;
        auto it = section.globalMatch(text);
        while (it.hasNext()) {
            const auto m = it.next();
            QStringList names;
            for (const QString &n : m.captured(1).split(QLatin1Char(',')))
                names << n.trimmed();
            if (names.contains(m.captured(2)))
                expected.insert(m.captured(2));
        }
        QCOMPARE(commands, expected);
        const QSet<QString> tables = commandNames(m_trees.value(version));
        QSet<QString> unknown = commands;
        unknown.subtract(tables);
        QVERIFY2(unknown.isEmpty(),
                 qPrintable(QStringList(unknown.cbegin(), unknown.cend()).join(QLatin1Char(' '))));
        qInfo("%s: virsh.1 documents %lld of the %lld commands of the tables", qPrintable(version),
              qsizetype(commands.size()), qsizetype(tables.size()));
    }

    // A template's build placeholder is a value; prose with '=' is not a setting.
    void confParsing()
    {
        const QString root = m_trees.value(QStringLiteral("11.3.0"));
        Diagnostics d;
        const QList<ConfigSetting> s =
            ConfigExtractor::parseConf(readAll(root + QStringLiteral("/src/qemu/qemu.conf.in")),
                                       false, &d, QStringLiteral("qemu.conf.in"));
        QStringList names;
        for (const ConfigSetting &x : s)
            names << x.name;
        QVERIFY(names.contains(QStringLiteral("storage_use_nbdkit")));
        QVERIFY(!names.contains(QStringLiteral("type"))); // "# type=address but ..." is prose
    }
};

QTEST_GUILESS_MAIN(TestToolsData)
#include "tst_toolsdata.moc"
