// The GUI's report window (File → Open sosreport… / Open host…): guests on
// the left, the selected guest's verdict and findings on the right, Copy
// report as Markdown; on a sosreport written from libvirt-doc's example
// guests with a taint log line, and on libvirt's test driver.
#include "clirunner.h"
#include "testdata.h"

#include "hostreportdialog.h"

#include <QApplication>
#include <QClipboard>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace vse::testdata;

namespace {

const QString kExamples = QStringLiteral("/usr/share/doc/libvirt-doc/examples/xml/test");

bool copyInto(const QString &from, const QString &to)
{
    QDir().mkpath(QFileInfo(to).path());
    return QFile::copy(from, to);
}

bool writeFile(const QString &path, const QByteArray &data)
{
    QDir().mkpath(QFileInfo(path).path());
    QFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(data) == data.size();
}

} // namespace

class TestHostReportDialog : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;
    QString m_index;

private Q_SLOTS:
    void initTestCase()
    {
        if (!QFile::exists(kExamples + QStringLiteral("/testdomfv0.xml"))) {
            if (inCi())
                QFAIL(
                    "libvirt-doc's examples are missing; scripts/setup-deps installs libvirt-doc");
            QSKIP("libvirt-doc is not installed");
        }
        m_index = m_dir.filePath(QStringLiteral("index.sqlite"));
        const CliRun r = runCli(
            m_index, {QStringLiteral("index"), QStringLiteral("--source"), QStringLiteral("/")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    }

    void sosReportWindow()
    {
        const QString root = m_dir.filePath(QStringLiteral("sos"));
        QVERIFY(copyInto(kExamples + QStringLiteral("/testdomfv0.xml"),
                         root + QStringLiteral("/etc/libvirt/qemu/fv0.xml")));
        QVERIFY(
            writeFile(root + QStringLiteral("/var/log/libvirt/qemu/fv0.log"),
                      "2021-02-01 11:00:00.002+0000: Domain id=2 is tainted: custom-monitor\n"));
        QVERIFY(writeFile(root + QStringLiteral("/installed-rpms"),
                          "libvirt-daemon-7.0.0-14.el8.x86_64   Mon 01 Feb 2021\n"));
        vse::gui::HostReportDialog dialog(m_index);
        QSignalSpy done(&dialog, &vse::gui::HostReportDialog::finished);
        dialog.openSosReport(root);
        QVERIFY(done.wait(60000));
        QCOMPARE(dialog.entries(),
                 (QStringList{QStringLiteral("Summary"), QStringLiteral("fv0 \u2014 tainted"),
                              QStringLiteral("Configuration (0 file(s))")}));
        QVERIFY2(dialog.pageText().contains(QStringLiteral("libvirt 7.0.0")),
                 qPrintable(dialog.pageText()));
        dialog.selectEntry(1);
        const QString page = dialog.pageText();
        QVERIFY2(page.contains(QStringLiteral("Taint custom-monitor")), qPrintable(page));
        QVERIFY2(page.contains(QStringLiteral("var/log/libvirt/qemu/fv0.log:1")), qPrintable(page));
        QVERIFY2(page.contains(QStringLiteral("domain/devices/interface/script")),
                 qPrintable(page));
        dialog.copyReport();
        const QString copied = QApplication::clipboard()->text();
        QVERIFY2(copied.startsWith(QStringLiteral("# libvirt support report: ")),
                 qPrintable(copied));
        QVERIFY(
            copied.contains(QStringLiteral("### fv0: supported but tainted for libvirt 7.0.0")));
        dialog.resize(900, 500);
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        const QString shot = qEnvironmentVariable("VSE_SCREENSHOT_DIR");
        if (!shot.isEmpty())
            dialog.grab().save(shot + QStringLiteral("/hostreport.png"));
    }

    void liveHostWindow()
    {
        vse::gui::HostReportDialog dialog(m_index);
        QSignalSpy done(&dialog, &vse::gui::HostReportDialog::finished);
        dialog.openHost(QStringLiteral("test:///default"));
        QVERIFY(done.wait(60000));
        QVERIFY2(dialog.entries().contains(QStringLiteral("test \u2014 supported")),
                 qPrintable(dialog.entries().join(u'|')));
        // A host that cannot be reached says so in the window.
        vse::gui::HostReportDialog bad(m_index);
        QSignalSpy badDone(&bad, &vse::gui::HostReportDialog::finished);
        bad.openHost(QStringLiteral("test:///no/such/node.xml"));
        QVERIFY(badDone.wait(60000));
        QVERIFY(bad.entries().isEmpty());
    }

    // Opening another host while one is read: only the last one's report
    // arrives, once; the first read's result is dropped, whenever it ends.
    void aNewReadReplacesTheRunningOne()
    {
        vse::gui::HostReportDialog dialog(m_index);
        QSignalSpy done(&dialog, &vse::gui::HostReportDialog::finished);
        dialog.openHost(QStringLiteral("test:///no/such/node.xml"));
        dialog.openHost(QStringLiteral("test:///default"));
        QVERIFY(done.wait(60000));
        QTest::qWait(300); // a late first result would arrive meanwhile
        QCOMPARE(done.count(), 1);
        QVERIFY2(dialog.entries().contains(QStringLiteral("test \u2014 supported")),
                 qPrintable(dialog.entries().join(u'|')));
        // A window closed while it reads goes at once; nothing arrives later,
        // neither to another window nor to the gone one (a delivery to freed
        // memory is what the ASan stage of CI reports).
        {
            vse::gui::HostReportDialog closing(m_index);
            closing.openHost(QStringLiteral("test:///default"));
        }
        QTest::qWait(300);
        QCOMPARE(done.count(), 1);
    }
};

QTEST_MAIN(TestHostReportDialog)
#include "tst_hostreportdialog.moc"
