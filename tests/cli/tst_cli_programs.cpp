// The CLI's output for programs that run it (the explorer indexes and scans
// through it): `index --json` gives the outcome and every problem with file
// and line as JSON, progress as "[DONE/TOTAL] WHAT" lines on stderr;
// `scan --progress` prints a line per translation unit and `--no-refresh`
// uses the index as it is, never rebuilding it.
#include "clirunner.h"
#include "testdata.h"
#include "testfiles.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace vse::testdata;

namespace {

QByteArray digest(const QString &path)
{
    return QCryptographicHash::hash(fileBytes(path), QCryptographicHash::Sha256);
}

} // namespace

class TestCliPrograms : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;
    QString m_tree;
    QString m_index;

private Q_SLOTS:
    void initTestCase()
    {
        VSE_REQUIRE_CORPUS();
        m_tree = m_dir.filePath(QStringLiteral("1.3.5"));
        QVERIFY(copyTree(corpusDir() + QStringLiteral("/1.3.5"), m_tree));
        m_index = m_dir.filePath(QStringLiteral("index.sqlite"));
    }

    void indexJsonGivesOutcomeAndProgress()
    {
        const CliRun r = runCli(m_index, {QStringLiteral("index"), QStringLiteral("--json"),
                                          QStringLiteral("--source=") + m_tree});
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.err.contains(QStringLiteral("[0/1] reading %1\n").arg(m_tree)),
                 qPrintable(r.err));
        const QJsonObject o = QJsonDocument::fromJson(r.out.toUtf8()).object();
        QCOMPARE(o.value(QStringLiteral("ok")).toBool(false), true);
        QCOMPARE(o.value(QStringLiteral("releases")).toInt(), 1);
        QCOMPARE(o.value(QStringLiteral("index")).toString(), m_index);
        QVERIFY(o.value(QStringLiteral("items")).toInt() > 1000);
        // Nothing but warnings, each placed in a file of the tree.
        for (const auto &v : o.value(QStringLiteral("diagnostics")).toArray()) {
            QCOMPARE(v.toObject().value(QStringLiteral("severity")).toString(),
                     QStringLiteral("warning"));
            QVERIFY(v.toObject().value(QStringLiteral("file")).toString().startsWith(m_tree));
        }
    }

    void indexJsonNamesFileAndLineOfABrokenInput()
    {
        QVERIFY(QFileInfo::exists(m_index));
        const QByteArray before = digest(m_index);
        const QString broken = m_dir.filePath(QStringLiteral("broken"));
        QVERIFY(copyTree(m_tree, broken));
        const QString x = broken + QStringLiteral("/src/remote/remote_protocol.x");
        const QByteArray cut = fileBytes(x).left(20000);
        QFile f(x);
        QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
        f.write(cut);
        f.close();
        const CliRun r = runCli(m_index, {QStringLiteral("index"), QStringLiteral("--json"),
                                          QStringLiteral("--source=") + broken});
        QCOMPARE(r.exitCode, 3);
        const QJsonObject o = QJsonDocument::fromJson(r.out.toUtf8()).object();
        QCOMPARE(o.value(QStringLiteral("ok")).toBool(true), false);
        bool placed = false;
        for (const auto &v : o.value(QStringLiteral("diagnostics")).toArray()) {
            const QJsonObject d = v.toObject();
            placed = placed ||
                     (d.value(QStringLiteral("severity")).toString() == QLatin1String("error") &&
                      d.value(QStringLiteral("file")).toString() == x &&
                      d.value(QStringLiteral("line")).toInt() == int(cut.count('\n')) + 1);
        }
        QVERIFY2(placed, qPrintable(r.out));
        QCOMPARE(digest(m_index), before);
    }

    void scanProgressAndNoRefresh()
    {
        const QString app = m_dir.filePath(QStringLiteral("app"));
        QVERIFY(QDir().mkpath(app));
        QFile c(app + QStringLiteral("/main.c"));
        QVERIFY(c.open(QIODevice::WriteOnly));
        c.write("#include <stddef.h>\n#include <libvirt/libvirt.h>\n"
                "int main(void)\n{\n    virConnectPtr conn = virConnectOpen(NULL);\n"
                "    return conn ? 0 : 1;\n}\n");
        c.close();
        // The index's source changes: a plain scan would rebuild it first;
        // --no-refresh must leave it as it is.
        QFile touched(m_tree + QStringLiteral("/src/libvirt_qemu.syms"));
        QVERIFY(touched.open(QIODevice::Append));
        touched.write("\n");
        touched.close();
        const QByteArray before = digest(m_index);
        const CliRun r =
            runCli(m_index, {QStringLiteral("scan"), QStringLiteral("--format=json"),
                             QStringLiteral("--progress"), QStringLiteral("--no-refresh"), app});
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.err.contains(QStringLiteral("[1/1] %1/main.c\n").arg(app)), qPrintable(r.err));
        const QJsonObject o = QJsonDocument::fromJson(r.out.toUtf8()).object();
        QCOMPARE(o.value(QStringLiteral("files")).toInt(), 1);
        bool found = false;
        for (const auto &v : o.value(QStringLiteral("symbols")).toArray())
            found = found || v.toObject().value(QStringLiteral("symbol")).toString() ==
                                 QLatin1String("virConnectOpen");
        QVERIFY2(found, qPrintable(r.out));
        QCOMPARE(digest(m_index), before);

        // No index: an error, and none is built.
        const QString none = m_dir.filePath(QStringLiteral("none.sqlite"));
        const CliRun missing =
            runCli(none, {QStringLiteral("scan"), QStringLiteral("--no-refresh"), app});
        QCOMPARE(missing.exitCode, 4);
        QVERIFY2(missing.err.contains(none), qPrintable(missing.err));
        QVERIFY(!QFileInfo::exists(none));
    }
};

QTEST_MAIN(TestCliPrograms)
#include "tst_cli_programs.moc"
