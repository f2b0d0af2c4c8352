// check-script through the real CLI on an index of "/" (a default install:
// virsh's commands and options come from the shipped release history). The
// script below uses real virsh commands and options whose first release was
// checked by hand in the history bundle (git show vX.Y.Z:tools/virsh-*.c) and
// is checked again here from the bundle's tags when it is present:
//   attach-disk --iothread  1.2.9  (the command is older)
//   domrename               1.2.19
//   net-list --name/--uuid  1.2.17 (net-list is older)
//   blkdeviotune --total_bytes_sec: an alias entry (of --total-bytes-sec) in 1.2.8
// The findings are compared exactly: kind, line, column, subject.
#include "clirunner.h"
#include "testdata.h"

#include "model/version.h"

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

QString writeFile(const QString &path, const QByteArray &content)
{
    QFile f(path);
    if (f.open(QIODevice::WriteOnly))
        f.write(content);
    return path;
}

const char kScript[] =
    "#!/bin/sh\n"
    "# virsh domrename old new (a comment)\n"
    "virsh -c qemu:///system attach-disk vm /dev/sdb vdb --iothread 2 --persistent\n"
    "virsh domrename \"$old\" new\n"
    "for d in $(virsh list --all | awk 'NR>2 {print $2}'); do\n"
    "  virsh domstate \"$d\"\n"
    "done\n"
    "virsh lst\n"
    "virsh blkdeviotune vm vda --total_bytes_sec=100\n"
    "virsh start --domian vm\n"
    "cat <<EOT\n"
    "virsh domtime vm | awk x\n"
    "EOT\n"
    "names=$(virsh list --name)\n"
    "sudo -u root virsh \\\n"
    "  net-list | tail -n +3\n"
    "echo 'virsh lst' \"virsh lst\" > /dev/null\n";

} // namespace

class TestCliCheckScript : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;
    QString m_index;
    QString m_repo;

    // The first 1.2.x release whose tools/virsh*.c has `pattern` inside
    // the option table `table` (or anywhere, when table is empty).
    QString firstWith(const QString &table, const QString &pattern)
    {
        QList<Version> versions;
        for (const QString &t :
             git(m_repo, {QStringLiteral("tag"), QStringLiteral("--list"), QStringLiteral("v1.2.*")})
                 .split(QLatin1Char('\n'), Qt::SkipEmptyParts))
            versions << Version::parse(t);
        std::sort(versions.begin(), versions.end());
        const QRegularExpression block(
            QStringLiteral("%1\\[\\] = \\{(.*?)\\n\\};").arg(table),
            QRegularExpression::DotMatchesEverythingOption);
        for (const Version &v : std::as_const(versions)) {
            QString src;
            for (const QString &f : git(m_repo, {QStringLiteral("ls-tree"), QStringLiteral("--name-only"),
                                                 QStringLiteral("v") + v.toString() +
                                                     QStringLiteral(":tools")})
                                        .split(QLatin1Char('\n'), Qt::SkipEmptyParts))
                if (f.startsWith(QLatin1String("virsh")) && f.endsWith(QLatin1String(".c")))
                    src += git(m_repo, {QStringLiteral("show"),
                                        QStringLiteral("v%1:tools/%2").arg(v.toString(), f)});
            const QString scope = table.isEmpty() ? src : block.match(src).captured(1);
            if (scope.contains(pattern))
                return v.toString();
        }
        return {};
    }

    QJsonObject checkScript(const QStringList &args, int *exitCode)
    {
        const CliRun r = runCli(m_index, QStringList{QStringLiteral("check-script")} + args +
                                             QStringList{QStringLiteral("--json")});
        *exitCode = r.exitCode;
        return QJsonDocument::fromJson(r.out.toUtf8()).object();
    }

private Q_SLOTS:
    void initTestCase()
    {
        if (!QFile::exists(QStringLiteral("/usr/include/libvirt/libvirt.h"))) {
            if (inCi())
                QFAIL("the installed libvirt headers are missing; scripts/setup-deps installs them");
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

    // The hand-checked facts the fixture relies on, from the raw history.
    void factsFromTheHistory()
    {
        if (m_repo.isEmpty())
            QSKIP("the history bundle is absent");
        QCOMPARE(firstWith(QStringLiteral("opts_attach_disk"), QStringLiteral("\"iothread\"")),
                 QStringLiteral("1.2.9"));
        QCOMPARE(firstWith(QString(), QStringLiteral("\"domrename\"")), QStringLiteral("1.2.19"));
        QCOMPARE(firstWith(QStringLiteral("opts_network_list"), QStringLiteral("\"name\"")),
                 QStringLiteral("1.2.17"));
        // Already in the first 1.2 release (it is older), so an alias before 1.2.8.
        QCOMPARE(firstWith(QStringLiteral("opts_blkdeviotune"), QStringLiteral("\"total_bytes_sec\"")),
                 QStringLiteral("1.2.0"));
    }

    void exactFindings()
    {
        const QString file = writeFile(m_dir.filePath(QStringLiteral("maintenance.sh")), kScript);
        int rc = -1;
        const QJsonObject o = checkScript({file, QStringLiteral("--max-version"), QStringLiteral("1.2.8")}, &rc);
        QCOMPARE(rc, 1);
        const QJsonObject f = o.value(QStringLiteral("files")).toArray().first().toObject();
        QCOMPARE(f.value(QStringLiteral("invocations")).toInt(), 9);
        QStringList got;
        QHash<QString, QJsonObject> bySubject;
        for (const QJsonValue &v : f.value(QStringLiteral("findings")).toArray()) {
            const QJsonObject x = v.toObject();
            got << QStringLiteral("%1:%2 %3 %4")
                       .arg(x.value(QStringLiteral("line")).toInt())
                       .arg(x.value(QStringLiteral("column")).toInt())
                       .arg(x.value(QStringLiteral("kind")).toString(),
                            x.value(QStringLiteral("subject")).toString());
            bySubject.insert(x.value(QStringLiteral("subject")).toString(), x);
        }
        const QStringList expected{
            QStringLiteral("3:53 newer-than-target attach-disk --iothread"),
            QStringLiteral("4:7 newer-than-target domrename"),
            QStringLiteral("5:18 parses-compound-output list"),
            QStringLiteral("8:7 unknown-command lst"),
            QStringLiteral("9:27 alias blkdeviotune --total_bytes_sec"),
            QStringLiteral("10:13 unknown-option start --domian"),
            QStringLiteral("16:3 parses-compound-output net-list"),
        };
        QCOMPARE(got, expected);
        QVERIFY(bySubject.value(QStringLiteral("attach-disk --iothread"))
                    .value(QStringLiteral("message"))
                    .toString()
                    .endsWith(QLatin1String("since 1.2.9")));
        QVERIFY(bySubject.value(QStringLiteral("domrename"))
                    .value(QStringLiteral("message"))
                    .toString()
                    .endsWith(QLatin1String("since 1.2.19")));
        QCOMPARE(bySubject.value(QStringLiteral("lst")).value(QStringLiteral("suggestion")).toString(),
                 QStringLiteral("list"));
        QCOMPARE(bySubject.value(QStringLiteral("start --domian"))
                     .value(QStringLiteral("suggestion"))
                     .toString(),
                 QStringLiteral("--domain"));
        // The alternatives come from the index: list's own --name/--uuid, the
        // domain's single-item commands; net-list's options are too new for 1.2.8.
        const auto alternatives = [&](const QString &s) {
            QStringList out;
            for (const QJsonValue &v :
                 bySubject.value(s).value(QStringLiteral("alternatives")).toArray())
                out << v.toString();
            return out;
        };
        QCOMPARE(alternatives(QStringLiteral("list")),
                 QStringList({QStringLiteral("virsh list --name"), QStringLiteral("virsh list --uuid"),
                              QStringLiteral("virsh domname"), QStringLiteral("virsh domuuid"),
                              QStringLiteral("virsh domid"), QStringLiteral("virsh domstate"),
                              QStringLiteral("virsh dumpxml")}));
        QCOMPARE(alternatives(QStringLiteral("net-list")),
                 QStringList({QStringLiteral("virsh net-list --name (since 1.2.17)"),
                              QStringLiteral("virsh net-list --uuid (since 1.2.17)"),
                              QStringLiteral("virsh net-name"), QStringLiteral("virsh net-uuid"),
                              QStringLiteral("virsh net-dumpxml")}));

        // Without a target: only what is wrong for every release.
        const QJsonObject any = checkScript({file}, &rc);
        QCOMPARE(rc, 1);
        QStringList kinds;
        for (const QJsonValue &v : any.value(QStringLiteral("files"))
                                       .toArray()
                                       .first()
                                       .toObject()
                                       .value(QStringLiteral("findings"))
                                       .toArray())
            kinds << v.toObject().value(QStringLiteral("kind")).toString();
        QCOMPARE(kinds, QStringList({QStringLiteral("parses-compound-output"),
                                     QStringLiteral("unknown-command"), QStringLiteral("alias"),
                                     QStringLiteral("unknown-option"),
                                     QStringLiteral("parses-compound-output")}));

        // Text: the verdict first, findings as FILE:LINE:COLUMN.
        const CliRun t = runCli(m_index, {QStringLiteral("check-script"), file,
                                          QStringLiteral("--max-version"), QStringLiteral("1.2.8")});
        QVERIFY2(t.out.startsWith(file + QStringLiteral(": Problems for libvirt 1.2.8")), qPrintable(t.out));
        QVERIFY(t.out.contains(file + QStringLiteral(":3:53: newer-than-target: attach-disk --iothread")));
        // A note says so; a problem does not.
        const QStringList lines = t.out.split(QLatin1Char('\n'));
        QCOMPARE(lines.filter(QStringLiteral(": note: alias: ")).size(), 1);
        QCOMPARE(lines.filter(QStringLiteral(": note: ")).size(), 1);

        // A clean script in a folder (folders give their *.sh files): exit 0.
        QDir().mkpath(m_dir.filePath(QStringLiteral("clean")));
        writeFile(m_dir.filePath(QStringLiteral("clean/ok.sh")),
                  "for d in $(virsh list --name); do virsh domstate \"$d\"; done\n");
        writeFile(m_dir.filePath(QStringLiteral("clean/notes.txt")), "virsh lst\n");
        const QJsonObject clean = checkScript({m_dir.filePath(QStringLiteral("clean"))}, &rc);
        QCOMPARE(rc, 0);
        QCOMPARE(clean.value(QStringLiteral("files")).toArray().size(), 1);
        QCOMPARE(clean.value(QStringLiteral("files")).toArray().first().toObject()
                     .value(QStringLiteral("invocations")).toInt(), 2);
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
        QString path = tmp.filePath(QStringLiteral("run.sh"));
        if (kind == QLatin1String("binary")) {
            writeFile(path, QByteArray("virsh list\n\0\x01\x02", 14));
        } else if (kind == QLatin1String("huge")) {
            QFile f(path);
            QVERIFY(f.open(QIODevice::WriteOnly));
            QVERIFY(f.resize(200LL * 1024 * 1024)); // sparse: no 200 MB written
        } else if (kind == QLatin1String("invalid-utf8")) {
            writeFile(path, "virsh list\necho \"\xff\xfe\"\n");
        } else if (kind == QLatin1String("fifo")) {
            QVERIFY(::mkfifo(QFile::encodeName(path).constData(), 0600) == 0);
        } else {
            path = tmp.filePath(QStringLiteral("empty"));
            QVERIFY(QDir().mkpath(path));
        }
        const QFileInfo before(m_index);
        const CliRun r = runCli(m_index, {QStringLiteral("check-script"), path}, 20000);
        QVERIFY2(!r.crashed, "hung or crashed");
        QCOMPARE(r.exitCode, 3);
        QVERIFY2(r.err.contains(path) && r.err.contains(QLatin1String("refused")), qPrintable(r.err));
        QVERIFY(r.out.isEmpty());
        const QFileInfo after(m_index);
        QCOMPARE(after.lastModified(), before.lastModified());
        QCOMPARE(after.size(), before.size());
        if (kind == QLatin1String("invalid-utf8") || kind == QLatin1String("binary"))
            QVERIFY2(r.err.contains(path + QStringLiteral(":2:")), qPrintable(r.err));
    }
};

QTEST_GUILESS_MAIN(TestCliCheckScript)
#include "tst_cli_checkscript.moc"
