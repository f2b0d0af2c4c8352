// File → Check configuration file… on an index of the installed libvirt
// (its configuration options come from the shipped release history): the
// same findings as the CLI's check-config for the same file, verdict first,
// and a refusal shown instead of a crash or a hang for a FIFO.
#include "checkconfigdialog.h"
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

class TestCheckConfigDialog : public QObject
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
        const QString file = guitest::tempDir().filePath(QStringLiteral("qemu.conf"));
        {
            QFile f(file);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write("vnc_listn = \"0.0.0.0\"\nvnc_tls = \"yes\"\nnvram = [ \"/a:/b\" ]\n");
        }
        CheckConfigDialog dialog(snapshot, Version(0, 9, 0));
        const ConfigCheckReport report = dialog.checkFile(file);
        const testdata::CliRun cli = testdata::runCli(
            m_index, {QStringLiteral("check-config"), file, QStringLiteral("--max-version"),
                      QStringLiteral("0.9.0"), QStringLiteral("--json")});
        const QJsonArray expected = QJsonDocument::fromJson(cli.out.toUtf8())
                                        .object()
                                        .value(QStringLiteral("files"))
                                        .toArray()
                                        .first()
                                        .toObject()
                                        .value(QStringLiteral("findings"))
                                        .toArray();
        QVERIFY(!expected.isEmpty());
        QCOMPARE(report.findings.size(), expected.size());
        for (qsizetype i = 0; i < expected.size(); ++i) {
            QCOMPARE(ConfigFinding::kindId(report.findings.at(i).kind),
                     expected.at(i).toObject().value(QStringLiteral("kind")).toString());
            QCOMPARE(report.findings.at(i).line,
                     expected.at(i).toObject().value(QStringLiteral("line")).toInt());
        }
        const QString text = dialog.reportText();
        QVERIFY2(text.indexOf(QLatin1String("Problems")) < text.indexOf(QLatin1String("vnc_listn")),
                 qPrintable(text));
    }

    void fifoIsRefused()
    {
        const QString fifo = guitest::tempDir().filePath(QStringLiteral("fifo.conf"));
        QVERIFY(::mkfifo(QFile::encodeName(fifo).constData(), 0600) == 0);
        CheckConfigDialog dialog(nullptr, Version());
        const ConfigCheckReport report = dialog.checkFile(fifo);
        QVERIFY(hasErrors(report.diagnostics));
        QVERIFY2(dialog.reportText().contains(QLatin1String("Not checked")),
                 qPrintable(dialog.reportText()));
    }
};

QTEST_MAIN(TestCheckConfigDialog)
#include "tst_checkconfigdialog.moc"
