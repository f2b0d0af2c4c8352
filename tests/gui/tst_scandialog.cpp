// Tools → Scan project…: the dialog scans a folder off the GUI thread and
// shows the same minimum and findings as `virt-support scan`, with the
// source line of a chosen finding; bad input is refused with a message.
#include "guitestindex.h"
#include "mainwindow.h"
#include "scandialog.h"
#include "translations.h"
#include "../scan/debianpackages.h"

#include <QDir>
#include <QMenu>
#include <QMenuBar>
#include <QPlainTextEdit>
#include <QSignalSpy>
#include <QTextBlock>
#include <QTreeWidget>

using namespace vse;

class TestScanDialog : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;
    QString m_index;

private Q_SLOTS:
    void initTestCase()
    {
        QString problem;
        m_index = guitest::installedIndex(&problem);
        QVERIFY2(!m_index.isEmpty(), qPrintable(problem));
        QFile f(m_dir.filePath(QStringLiteral("app.c")));
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("#include <stddef.h>\n"
                "#include <libvirt/libvirt.h>\n"
                "int f(virDomainPtr dom)\n"
                "{\n"
                "    return virDomainGetMessages(dom, NULL, VIR_DOMAIN_MESSAGE_TAINTING);\n"
                "}\n");
    }

    void scansFolder()
    {
        gui::ScanDialog dialog(m_index);
        QSignalSpy done(&dialog, &gui::ScanDialog::finished);
        // Read as the CLI reads a release (a tag here).
        QVERIFY(dialog.start(m_dir.path(), QStringLiteral("v6.0.0")));
        QVERIFY(dialog.isRunning() || done.count() == 1);
        QVERIFY(done.wait(120000));
        QVERIFY2(dialog.minimumText().contains(QLatin1String("7.1.0")),
                 qPrintable(dialog.minimumText()));
        QVERIFY(dialog.minimumText().contains(QLatin1String("virDomainGetMessages")));
        QTreeWidget *tree = dialog.findingsTree();
        QCOMPARE(tree->topLevelItemCount(), 1);
        QVERIFY(
            tree->topLevelItem(0)->text(0).startsWith(QLatin1String("Newer than the target (2)")));
        QTreeWidgetItem *first = tree->topLevelItem(0)->child(0);
        QVERIFY(first->text(0).contains(QLatin1String("newer than the target 6.0.0")));
        dialog.showFinding(first);
        QCOMPARE(dialog.sourceView()->textCursor().blockNumber(), 4); // line 5
        QVERIFY(dialog.sourceView()->textCursor().block().text().contains(
            QLatin1String("virDomainGetMessages")));
        // For a look at the dialog: VSE_SCREENSHOT_DIR=/tmp ctest -R tst_scandialog
        if (const QString dir = qEnvironmentVariable("VSE_SCREENSHOT_DIR"); !dir.isEmpty()) {
            dialog.show();
            QVERIFY(QTest::qWaitForWindowExposed(&dialog));
            QVERIFY(dialog.grab().save(dir + QStringLiteral("/scandialog.png")));
        }
    }

    // Python calls whose receiver is unknown: the one that could mean a
    // function newer than the target (n.create(): virNodeDeviceCreate,
    // 7.3.0) is listed; the one every reading of which 6.0.0 has
    // (w.destroy()) is only counted in the status line.
    void ambiguousCallsThatCannotMatterAreCounted()
    {
        // The binding's libvirt.py maps methods to C functions: the
        // installed one, else bookworm's, fetched into this test's cache.
        QString why;
        const QString binding = testdata::libvirtBinding(&why);
        if (binding.isEmpty())
            QSKIP(qPrintable(why));
        qputenv("VSE_PYTHON_LIBVIRT", binding.toUtf8()); // the scan's child process inherits it
        QTemporaryDir dir;
        QFile f(dir.filePath(QStringLiteral("app.py")));
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("import libvirt\n"
                "def f(w, n):\n"
                "    w.destroy()\n"
                "    n.create()\n");
        f.close();
        gui::ScanDialog dialog(m_index);
        QSignalSpy done(&dialog, &gui::ScanDialog::finished);
        QVERIFY(dialog.start(dir.path(), QStringLiteral("6.0.0")));
        QVERIFY(done.count() == 1 || done.wait(120000));
        QTreeWidget *tree = dialog.findingsTree();
        QStringList listed;
        for (int g = 0; g < tree->topLevelItemCount(); ++g)
            for (int c = 0; c < tree->topLevelItem(g)->childCount(); ++c)
                listed << tree->topLevelItem(g)->child(c)->text(0);
        QVERIFY2(listed.size() == 1 && listed.first().contains(QLatin1String("'n.create'")),
                 qPrintable(listed.join(QLatin1Char('\n')) + QLatin1Char(' ') + dialog.statusText()));
        QVERIFY2(dialog.statusText().contains(QLatin1String("1 Python call(s) of unknown receiver not listed")),
                 qPrintable(dialog.statusText()));
    }

    // Leave out: vendored code is not what the application calls. The
    // vendored copy's newer call drops out of the findings and the minimum,
    // the status line counts what was left out.
    void leavesOutWhatTheUserNames()
    {
        QTemporaryDir dir;
        QVERIFY(QDir(dir.path()).mkpath(QStringLiteral("vendor/lib")));
        QVERIFY(QFile::copy(m_dir.filePath(QStringLiteral("app.c")), dir.filePath(QStringLiteral("vendor/lib/x.c"))));
        QFile f(dir.filePath(QStringLiteral("main.c")));
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("#include <libvirt/libvirt.h>\n"
                "int main(void) { return virConnectOpen(0) == 0; }\n");
        f.close();
        const auto scan = [&](const QString &exclude) -> QString {
            gui::ScanDialog dialog(m_index);
            QSignalSpy done(&dialog, &gui::ScanDialog::finished);
            if (!dialog.start(dir.path(), QStringLiteral("6.0.0"), exclude))
                return QStringLiteral("refused: ") + dialog.statusText();
            if (done.count() == 0 && !done.wait(120000))
                return QStringLiteral("timed out");
            return dialog.minimumText() + QLatin1Char('|') + dialog.statusText();
        };
        const QString all = scan(QString());
        QVERIFY2(all.contains(QLatin1String("7.1.0")) && !all.contains(QLatin1String("left out")), qPrintable(all));
        const QString kept = scan(QStringLiteral("  vendor  tests "));
        QVERIFY2(kept.startsWith(QLatin1String("Minimum libvirt: 0.0.3")), qPrintable(kept));
        QVERIFY2(kept.contains(QLatin1String("; 1 file(s) or folder(s) left out")), qPrintable(kept));
        QCOMPARE(scan(QStringLiteral("vendor/*")), kept);
        const QString bad = scan(QStringLiteral("tests [oops"));
        QVERIFY2(bad.startsWith(QLatin1String("refused: '[oops' is not a name or path pattern")), qPrintable(bad));
    }

    void refusesBadInput()
    {
        gui::ScanDialog dialog(m_index);
        QVERIFY(!dialog.start(m_dir.path(), QStringLiteral("6.x")));
        QVERIFY(dialog.statusText().contains(QLatin1String("not a libvirt release")));
        QVERIFY(!dialog.start(m_dir.filePath(QStringLiteral("nowhere")), QString()));
        QVERIFY(dialog.statusText().contains(QLatin1String("not a folder")));
    }

    void cancelShowsNothing()
    {
        gui::ScanDialog dialog(m_index);
        QSignalSpy done(&dialog, &gui::ScanDialog::finished);
        QVERIFY(dialog.start(m_dir.path(), QString()));
        dialog.cancel();
        QVERIFY(done.wait(120000));
        QCOMPARE(dialog.statusText(), QStringLiteral("Cancelled."));
        QCOMPARE(dialog.findingsTree()->topLevelItemCount(), 0);
    }

    void menuOpensIt()
    {
        gui::AppOptions o;
        o.indexPath = m_index;
        o.noAutoIndex = true;
        gui::MainWindow window(o);
        QAction *action = nullptr;
        for (QAction *menu : window.menuBar()->actions())
            if (menu->menu())
                for (QAction *a : menu->menu()->actions())
                    if (a->text() == QStringLiteral("&Scan project\u2026"))
                        action = a;
        QVERIFY2(action, "no Tools → Scan project… action");
        action->trigger();
        gui::ScanDialog *dialog = window.findChild<gui::ScanDialog *>();
        QVERIFY(dialog && dialog->isVisible());
        QCOMPARE(window.showScan(), dialog); // raised, not opened twice
    }

    // In a German window the findings read German too: the scan runs in
    // another program, which is handed the window's translation. Last: the
    // translation stays installed.
    void findingsInTheWindowsLanguage()
    {
        QVERIFY(gui::translationFileForChildren().isEmpty()); // English: nothing to hand on
        QVERIFY(gui::installTranslations(qApp, QLocale(QLocale::German, QLocale::Germany)));
        QVERIFY(QFile::exists(gui::translationFileForChildren()));
        gui::ScanDialog dialog(m_index);
        QSignalSpy done(&dialog, &gui::ScanDialog::finished);
        QVERIFY(dialog.start(m_dir.path(), QStringLiteral("6.0.0")));
        QVERIFY(done.wait(120000));
        QTreeWidget *tree = dialog.findingsTree();
        QCOMPARE(tree->topLevelItemCount(), 1);
        const QString finding = tree->topLevelItem(0)->child(0)->text(0);
        QVERIFY2(finding.contains(QLatin1String("gibt es seit 7.1.0, neuer als das Ziel 6.0.0")), qPrintable(finding));
    }
};

QTEST_MAIN(TestScanDialog)
#include "tst_scandialog.moc"
