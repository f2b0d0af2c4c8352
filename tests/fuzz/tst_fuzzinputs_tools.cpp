// The in-memory entry points of the virsh and configuration readers and of
// the checkers (what fuzz/fuzz_virshtable, fuzz_checkconfig and
// fuzz_checkscript call) give what the file readers give on real files: the
// installed release's virsh command tables (its upstream tarball) and a
// script libvirt ships (tools/libvirt_recover_xattrs.sh, which tests a
// `virsh list` table for emptiness through backticks).
#include "testdata.h"

#include "check/configchecker.h"
#include "check/scriptchecker.h"
#include "extract/tools/virshextractor.h"
#include "index/historybuilder.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace vse;

namespace {

QString tarballOf(const QString &version)
{
    return qEnvironmentVariable("VSE_SOURCES_DIR",
                                QStringLiteral("/var/cache/virt-support-explorer/sources")) +
           QStringLiteral("/libvirt_%1.orig.tar.xz").arg(version);
}

QByteArray readAll(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

QStringList facts(const ItemList &items)
{
    QStringList out;
    for (const Item &it : items)
        out << it.name + QLatin1Char(' ') +
                   QString::fromUtf8(QJsonDocument(it.attrs).toJson(QJsonDocument::Compact));
    return out;
}

} // namespace

class TestFuzzInputsTools : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;
    QString m_tree;

private Q_SLOTS:
    void initTestCase()
    {
        const QString tarball = tarballOf(QStringLiteral("9.0.0"));
        if (!QFile::exists(tarball)) {
            if (testdata::inCi())
                QFAIL(qPrintable(tarball + QStringLiteral(" is missing")));
            QSKIP("no 9.0.0 tarball");
        }
        QProcess tar;
        tar.setWorkingDirectory(m_dir.path());
        tar.start(QStringLiteral("tar"),
                  {QStringLiteral("-xJf"), tarball, QStringLiteral("--wildcards"),
                   QStringLiteral("libvirt-9.0.0/tools/*sh*")});
        QVERIFY(tar.waitForFinished(120000) && tar.exitCode() == 0);
        m_tree = m_dir.filePath(QStringLiteral("libvirt-9.0.0"));
    }

    void virshTablesInMemoryAsOnDisk()
    {
        const ExtractResult onDisk = VirshExtractor::extractTree(m_tree);
        QVERIFY(onDisk.items.size() > 1000);
        QList<VirshExtractor::SourceText> sources;
        for (const QString &path : VirshExtractor::inputFiles(m_tree))
            sources.append({path, QString::fromUtf8(readAll(path))});
        const ExtractResult inMemory = VirshExtractor::parseSources(sources);
        QCOMPARE(facts(inMemory.items), facts(onDisk.items));
        QCOMPARE(inMemory.diagnostics.size(), onDisk.diagnostics.size());
    }

    void scriptInMemoryAsOnDisk()
    {
        const VirshCatalogue virsh(VirshExtractor::extractTree(m_tree).items);
        const QString script = m_tree + QStringLiteral("/tools/libvirt_recover_xattrs.sh");
        const ScriptCheckReport onDisk = ScriptChecker::check(script, virsh, {});
        const ScriptCheckReport inMemory = ScriptChecker::checkText(
            script, QString::fromUtf8(readAll(script)), virsh, {});
        QCOMPARE(inMemory.toJson(), onDisk.toJson());
        // Its one virsh call: the `virsh list` table captured by backticks.
        QCOMPARE(onDisk.invocations, 1);
        QCOMPARE(onDisk.findings.size(), 1);
        QCOMPARE(onDisk.findings.first().kind, ScriptFinding::ParsesOutput);
        const QStringList lines = QString::fromUtf8(readAll(script)).split(QLatin1Char('\n'));
        const QString line = lines.value(onDisk.findings.first().line - 1);
        QCOMPARE(line.mid(onDisk.findings.first().column - 1, 4), QStringLiteral("list"));
        QVERIFY(line.contains(QLatin1String("`virsh")));
    }

    void configInMemoryAsOnDisk()
    {
        ItemList known;
        Item listen;
        listen.kind = ItemKind::ConfigOption;
        listen.name = QStringLiteral("vnc_listen");
        listen.parent = QStringLiteral("qemu.conf");
        listen.attrs.insert(QStringLiteral("type"), QStringLiteral("string"));
        known << listen;
        const QString file = m_dir.filePath(QStringLiteral("qemu.conf"));
        QFile f(file);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("vnc_listen = 1\nvnc_listn = \"x\"\n");
        f.close();
        const ConfigCheckReport onDisk = ConfigChecker::check(file, known, {});
        const ConfigCheckReport inMemory =
            ConfigChecker::checkText(file, QString::fromUtf8(readAll(file)), known, {});
        QCOMPARE(inMemory.toJson(), onDisk.toJson());
        QCOMPARE(onDisk.findings.size(), 2);
    }
};

QTEST_GUILESS_MAIN(TestFuzzInputsTools)
#include "tst_fuzzinputs_tools.moc"
