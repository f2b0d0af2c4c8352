// File → Check shell script… on an index of the installed libvirt (virsh's
// commands and options come from the shipped release history): the same
// findings as the CLI's check-script for the same script (line, column,
// kind), verdict first, and a refusal shown instead of a hang for a FIFO.
#include "checkscriptdialog.h"
#include "clirunner.h"
#include "guitestindex.h"

#include <QApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

#include <sys/stat.h>

using namespace vse;
using namespace vse::gui;

class TestCheckScriptDialog : public QObject
{
    Q_OBJECT
    QString m_index;

private Q_SLOTS:
    void initTestCase()
    {
        QString problem;
        m_index = guitest::installedIndex(&problem);
        if (m_index.isEmpty())
            QSKIP(qPrintable(problem));
    }

    void sameFindingsAsTheCli()
    {
        Diagnostics d;
        const auto snapshot = IndexSnapshot::load(m_index, &d);
        QVERIFY(snapshot);
        const QString file = guitest::tempDir().filePath(QStringLiteral("nightly.sh"));
        {
            QFile f(file);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write("virsh list --all | awk '{print $2}'\nvirsh domrename a b\nvirsh lst\n");
        }
        CheckScriptDialog dialog(snapshot, Version(1, 2, 8));
        const ScriptCheckReport report = dialog.checkFile(file);
        const testdata::CliRun cli = testdata::runCli(
            m_index, {QStringLiteral("check-script"), file, QStringLiteral("--max-version"),
                      QStringLiteral("1.2.8"), QStringLiteral("--json")});
        const QJsonArray expected = QJsonDocument::fromJson(cli.out.toUtf8())
                                        .object()
                                        .value(QStringLiteral("files"))
                                        .toArray()
                                        .first()
                                        .toObject()
                                        .value(QStringLiteral("findings"))
                                        .toArray();
        QCOMPARE(expected.size(), 3);
        QCOMPARE(report.findings.size(), expected.size());
        for (qsizetype i = 0; i < expected.size(); ++i) {
            const QJsonObject e = expected.at(i).toObject();
            QCOMPARE(ScriptFinding::kindId(report.findings.at(i).kind),
                     e.value(QStringLiteral("kind")).toString());
            QCOMPARE(report.findings.at(i).line, e.value(QStringLiteral("line")).toInt());
            QCOMPARE(report.findings.at(i).column, e.value(QStringLiteral("column")).toInt());
        }
        const QString text = dialog.reportText();
        QVERIFY2(text.indexOf(QLatin1String("Problems")) < text.indexOf(QLatin1String("domrename")),
                 qPrintable(text));
        QVERIFY(text.contains(QLatin1String("virsh list --name")));
    }

    void fifoIsRefused()
    {
        const QString fifo = guitest::tempDir().filePath(QStringLiteral("fifo.sh"));
        QVERIFY(::mkfifo(QFile::encodeName(fifo).constData(), 0600) == 0);
        CheckScriptDialog dialog(nullptr, Version());
        const ScriptCheckReport report = dialog.checkFile(fifo);
        QVERIFY(hasErrors(report.diagnostics));
        QVERIFY2(dialog.reportText().contains(QLatin1String("Not checked")),
                 qPrintable(dialog.reportText()));
    }
};

QTEST_MAIN(TestCheckScriptDialog)
#include "tst_checkscriptdialog.moc"
