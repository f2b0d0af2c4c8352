// The explorer window on a real index of the installed libvirt: taint banner,
// Copy answer, keyboard navigation, empty states, indexing in the background
// (responsive, cancellable, errors named) and the --screenshot mode.
#include "clirunner.h"
#include "guitestindex.h"
#include "guitestwindow.h"
#include "newerxml.h"
#include "testdata.h"

#include "checkxmldialog.h"
#include "detailrenderer.h"
#include "detailview.h"
#include "filterbar.h"
#include "index/testhook.h"
#include "indexcontroller.h"
#include "itemtablemodel.h"
#include "mainwindow.h"
#include "model/policy.h"
#include "problemspanel.h"
#include "sidebarmodel.h"
#include "sourcesettings.h"

#include <QApplication>
#include <QClipboard>
#include <QImage>
#include <QLineEdit>
#include <QListView>
#include <QProcess>
#include <QPushButton>
#include <QRegularExpression>
#include <QSemaphore>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>
#include <QTimer>

using namespace vse;
using namespace vse::gui;

namespace {

// Holds the indexer at a test hook point until the test releases it, so
// "while indexing" is a state the test controls, not a race it may lose.
class IndexerGate
{
public:
    explicit IndexerGate(const QString &point) : m_state(std::make_shared<State>())
    {
        testhook::setHook([state = m_state, point](const QString &reached) {
            if (reached != point)
                return;
            if (QThread::currentThread() == QCoreApplication::instance()->thread()) {
                state->onGuiThread = true; // holding here would freeze the test with the window
                state->reached = true;
                return;
            }
            state->reached = true;
            state->open.acquire();
            state->open.release();
        });
    }
    ~IndexerGate()
    {
        release();
        testhook::setHook({});
    }
    bool isReached() const { return m_state->reached; }
    bool ranOnGuiThread() const { return m_state->onGuiThread; }
    void release()
    {
        if (!m_state->released.exchange(true))
            m_state->open.release();
    }

private:
    struct State
    {
        QSemaphore open;
        std::atomic_bool reached{false};
        std::atomic_bool onGuiThread{false};
        std::atomic_bool released{false};
    };
    std::shared_ptr<State> m_state;
};

} // namespace

class TestMainWindow : public QObject
{
    Q_OBJECT

    QString m_index;

    std::unique_ptr<MainWindow> openWindow(const QString &index)
    {
        return guitest::openWindow(index, 30000);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true); // QSettings go to a test location
        QApplication::setOrganizationName(QStringLiteral("vse-tests"));
        QApplication::setApplicationName(QStringLiteral("tst_mainwindow"));
        VSE_REQUIRE_INSTALLED_INDEX(path);
        m_index = path;
    }

    void selectingQemuMonitorCommandShowsTaintBanner()
    {
        auto w = openWindow(m_index);
        QVERIFY(w);
        QVERIFY(w->selectName(QStringLiteral("virDomainQemuMonitorCommand")));
        const QString shown = w->detailView()->toPlainText();
        QVERIFY2(shown.contains(QLatin1String("Taints the guest: custom-monitor.")), qPrintable(shown));
        QVERIFY(shown.contains(Policy::instance().taintReason(QStringLiteral("custom-monitor")).meaning));
        QVERIFY(shown.contains(Policy::instance().tier(QStringLiteral("hypervisor-specific")).rule));
        QVERIFY(shown.contains(QLatin1String("int virDomainQemuMonitorCommand(")));

        w->detailView()->copyAnswer();
        const QString answer = QApplication::clipboard()->text();
        QVERIFY(answer.startsWith(QLatin1String("virDomainQemuMonitorCommand  (")));
        QVERIFY(answer.contains(QLatin1String("Taint:      custom-monitor")));
    }

    // Selected as people type it, and found though only the release history
    // has it (virsh on an index of the installed release): the explorer said
    // "virsh domstate is not in the index".
    void selectingAsTypedFindsHistoryRows()
    {
        auto w = openWindow(m_index);
        QVERIFY(w);
        // "virsh:domstate" is the family scope the search box and the CLI
        // take; --select said "virsh:domstate is not in the index".
        for (const QString &typed : {QStringLiteral("domstate"), QStringLiteral("virsh domstate"),
                                     QStringLiteral("virsh:domstate"), QStringLiteral("VIRSH: domstate")}) {
            w->table()->setCurrentIndex({});
            QVERIFY2(w->selectName(typed), qPrintable(typed));
            QCOMPARE(w->table()->currentIndex().data().toString(), QStringLiteral("domstate"));
            const QString shown = w->detailView()->toPlainText();
            QVERIFY2(shown.startsWith(QLatin1String("domstate")) && shown.contains(QLatin1String("--reason")),
                     qPrintable(shown));
            QVERIFY2(!shown.contains(QLatin1String("not in the index")), qPrintable(shown));
        }
        // An XPath selects the item's row too, not only its answer.
        QVERIFY(w->selectName(QStringLiteral("/domain/devices/disk/driver/@cache")));
        QCOMPARE(w->table()->currentIndex().data().toString(), QStringLiteral("domain/devices/disk/driver@cache"));
        QCOMPARE(w->detailView()->currentItem().name, QStringLiteral("domain/devices/disk/driver@cache"));
        // A configuration option with its file: that file's row, not another
        // file's option of the same name.
        for (const QString &typed : {QStringLiteral("virtlockd.conf log_level"),
                                     QStringLiteral("/etc/libvirt/virtlockd.conf:log_level")}) {
            QVERIFY2(w->selectName(typed), qPrintable(typed));
            QCOMPARE(w->table()->currentIndex().data().toString(), QStringLiteral("virtlockd.conf:log_level"));
            QCOMPARE(w->detailView()->currentItem().identity(), QStringLiteral("virtlockd.conf:log_level"));
            // Its heading says which file's log_level it is, as show's does.
            QVERIFY2(w->detailView()->toPlainText().contains(QLatin1String("configuration option of virtlockd.conf")),
                     qPrintable(w->detailView()->toPlainText().left(200)));
        }
        // A scope is a family: an API scope does not pick the virsh command.
        QVERIFY(w->selectName(QStringLiteral("api:virConnectOpen")));
        QCOMPARE(w->table()->currentIndex().data().toString(), QStringLiteral("virConnectOpen"));
        QVERIFY(!w->selectName(QStringLiteral("api:domstate")));
        QVERIFY(w->detailView()->toPlainText().contains(QLatin1String("not in the index")));
        // A tag several elements have: the root element's row.
        QVERIFY(w->selectName(QStringLiteral("<domain>")));
        QCOMPARE(w->table()->currentIndex().data().toString(), QStringLiteral("domain"));
        // An option's "Part of" link names its file, which is no item: the
        // table then lists that file's options (it said "not in the index").
        QVERIFY(w->selectName(QStringLiteral("virtlockd.conf:log_level")));
        const QString before = w->detailView()->toPlainText();
        Q_EMIT w->detailView()->anchorClicked(DetailRenderer::nameLink(QStringLiteral("virtlockd.conf")));
        QCOMPARE(w->detailView()->toPlainText(), before);
        QVERIFY(w->tableModel()->rowCount() >= 5);
        for (int r = 0; r < w->tableModel()->rowCount(); ++r)
            QVERIFY2(w->tableModel()->index(r, 0).data().toString().startsWith(QLatin1String("virtlockd.conf:")),
                     qPrintable(w->tableModel()->index(r, 0).data().toString()));
    }

    // "One answer, four renderings": `show`, `show --json`, the detail pane
    // and Copy answer carry the same facts about an item, because all four
    // render the ItemAnswer computed in core. The facts are read from the
    // JSON, then looked for in each of the other renderings.
    void oneAnswerInEveryRendering_data()
    {
        QTest::addColumn<QString>("name");
        // Taint + hypervisor-specific; stable with symbol-version evidence;
        // namespace extension with a taint; an XML attribute known only as a
        // range; an enum value with the _LAST warning.
        QTest::newRow("qemu monitor") << QStringLiteral("virDomainQemuMonitorCommand");
        QTest::newRow("stable") << QStringLiteral("virConnectOpen");
        QTest::newRow("namespace") << QStringLiteral("domain/qemu:commandline");
        QTest::newRow("ranged") << guitest::sqlText(m_index, QStringLiteral(
            "SELECT name FROM items WHERE kind = 'xml-attribute' AND since IS NULL AND since_after IS NOT NULL "
            "ORDER BY name LIMIT 1"));
        QTest::newRow("_LAST") << QStringLiteral("VIR_DOMAIN_LAST");
        // The tool kinds' own facts (output, type, shipped value, message).
        QTest::newRow("virsh command") << QStringLiteral("dumpxml");
        QTest::newRow("config option") << guitest::sqlText(m_index, QStringLiteral(
            "SELECT name FROM items WHERE kind = 'config-option' AND latest = 1 GROUP BY name HAVING count(*) = 1 "
            "ORDER BY name LIMIT 1"));
        QTest::newRow("error code") << QStringLiteral("VIR_ERR_NO_SUPPORT");
    }

    void oneAnswerInEveryRendering()
    {
        QFETCH(QString, name);
        QVERIFY(!name.isEmpty());
        const vse::testdata::CliRun json = vse::testdata::runCli(m_index, {QStringLiteral("show"), name, QStringLiteral("--json")});
        QCOMPARE(json.exitCode, 0);
        const QJsonObject o = QJsonDocument::fromJson(json.out.toUtf8()).object();
        QCOMPARE(o.value(QLatin1String("name")).toString(), name);
        const vse::testdata::CliRun text = vse::testdata::runCli(m_index, {QStringLiteral("show"), name});
        QCOMPARE(text.exitCode, 0);

        auto w = openWindow(m_index);
        QVERIFY(w);
        QVERIFY2(w->selectName(name), qPrintable(name));
        const QString pane = w->detailView()->toPlainText();
        w->detailView()->copyAnswer();
        const QString copied = QApplication::clipboard()->text();
        // Copy answer is what `show` prints, to the character.
        QCOMPARE(copied, text.out);

        QStringList facts;
        facts << o.value(QLatin1String("tierLabel")).toString() << o.value(QLatin1String("tierRule")).toString()
              << o.value(QLatin1String("sinceExplained")).toString() << o.value(QLatin1String("release")).toString();
        if (o.contains(QLatin1String("hypervisor")))
            facts << o.value(QLatin1String("hypervisor")).toString();
        if (o.contains(QLatin1String("definedIn")))
            facts << o.value(QLatin1String("definedIn")).toString();
        if (o.contains(QLatin1String("removal")))
            facts << o.value(QLatin1String("removal")).toObject().value(QLatin1String("text")).toString();
        for (const QJsonValue &t : o.value(QLatin1String("taints")).toArray()) {
            facts << t.toObject().value(QLatin1String("reason")).toString()
                  << t.toObject().value(QLatin1String("meaning")).toString();
            for (const QJsonValue &src : t.toObject().value(QLatin1String("sources")).toArray())
                facts << src.toString();
        }
        for (const QJsonValue &f : o.value(QLatin1String("facts")).toArray())
            facts << f.toObject().value(QLatin1String("label")).toString()
                  << f.toObject().value(QLatin1String("text")).toString();
        for (const QJsonValue &warning : o.value(QLatin1String("warnings")).toArray())
            facts << warning.toString();
        // A virsh command's options, each with its own since.
        for (const QJsonValue &opt : o.value(QLatin1String("optionTable")).toArray())
            facts << opt.toObject().value(QLatin1String("name")).toString()
                  << opt.toObject().value(QLatin1String("sinceText")).toString();
        if (o.contains(QLatin1String("synopsis")))
            facts << o.value(QLatin1String("synopsis")).toString();
        if (name == QLatin1String("dumpxml"))
            QVERIFY2(!o.value(QLatin1String("optionTable")).toArray().isEmpty(), qPrintable(json.out));
        const QStringList tierNotes{QStringLiteral("namespace-extension"), QStringLiteral("private"),
                                    QStringLiteral("hypervisor-specific")};
        for (const QJsonValue &n : o.value(QLatin1String("notes")).toArray())
            if (tierNotes.contains(n.toObject().value(QLatin1String("kind")).toString()))
                facts << n.toObject().value(QLatin1String("title")).toString();
        for (const QString &fact : std::as_const(facts)) {
            QVERIFY2(!fact.isEmpty(), qPrintable(json.out));
            QVERIFY2(text.out.contains(fact), qPrintable(fact + QStringLiteral(" not in show:\n") + text.out));
            QVERIFY2(pane.contains(fact), qPrintable(fact + QStringLiteral(" not in the detail pane:\n") + pane));
        }
    }

    void keyboardNavigation()
    {
        auto w = openWindow(m_index);
        QVERIFY(w);
        w->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(w.get()));
        QTest::keyClick(w.get(), Qt::Key_F, Qt::ControlModifier);
        QTRY_VERIFY(w->filterBar()->searchEdit()->hasFocus());
        QTest::keyClicks(w->filterBar()->searchEdit(), QStringLiteral("virDomainGetInfo"));
        // The debounce applies the text after a short pause.
        QTRY_COMPARE(w->tableModel()->filter().text, QStringLiteral("virDomainGetInfo"));
        QTest::keyClick(w->filterBar()->searchEdit(), Qt::Key_Down);
        QTRY_VERIFY(w->table()->hasFocus());
        QCOMPARE(w->table()->currentIndex().row(), 0);
        QCOMPARE(w->tableModel()->summary(0)->name, QStringLiteral("virDomainGetInfo")); // exact match first
        QTRY_COMPARE(w->detailView()->currentItem().name, QStringLiteral("virDomainGetInfo"));
        QTest::keyClick(w->table(), Qt::Key_Down);
        QCOMPARE(w->table()->currentIndex().row(), 1);
        const QString second = w->tableModel()->summary(1)->name;
        QCOMPARE(w->detailView()->currentItem().name, second);
        QTest::keyClick(w->table(), Qt::Key_Return);
        QTRY_VERIFY(w->detailView()->hasFocus());
        QTest::keyClick(w.get(), Qt::Key_Left, Qt::AltModifier);
        QCOMPARE(w->detailView()->currentItem().name, QStringLiteral("virDomainGetInfo"));
        QTest::keyClick(w.get(), Qt::Key_Right, Qt::AltModifier);
        QCOMPARE(w->detailView()->currentItem().name, second);
    }

    void relatedLinkFollowsParent()
    {
        auto w = openWindow(m_index);
        QVERIFY(w);
        // An enum value links to its enum; following it and going back works.
        QVERIFY(w->selectName(QStringLiteral("VIR_DOMAIN_RUNNING")));
        const Item value = w->detailView()->currentItem();
        QVERIFY(!value.parent.isEmpty());
        QVERIFY(w->detailView()->showName(value.parent));
        QCOMPARE(w->detailView()->currentItem().name, value.parent);
        w->detailView()->goBack();
        QCOMPARE(w->detailView()->currentItem().name, QStringLiteral("VIR_DOMAIN_RUNNING"));
    }

    void emptySectionSaysWhatToAdd()
    {
        auto w = openWindow(m_index);
        QVERIFY(w);
        // The installed libvirt ships no .x files, but the release history
        // fills the protocol section with its nearest release's procedures.
        QVERIFY(guitest::sqlCount(m_index, QStringLiteral("SELECT count(*) FROM items WHERE kind LIKE 'rpc-%' AND "
                                                          "attrs LIKE '%fromHistory%'")) > 300);
        w->selectSidebarEntry(QStringLiteral("rpc"));
        QVERIFY(!w->isShowingEmptyState());
        // Nor /etc/libvirt nor virsh: the configuration options and virsh
        // commands of the installed release come from the release history too.
        QVERIFY(guitest::sqlCount(m_index, QStringLiteral("SELECT count(*) FROM items WHERE kind = 'config-option' AND "
                                                          "attrs LIKE '%fromHistory%'")) > 100);
        w->selectSidebarEntry(QStringLiteral("config"));
        QVERIFY(!w->isShowingEmptyState());
        QVERIFY(guitest::sqlCount(m_index, QStringLiteral("SELECT count(*) FROM items WHERE kind = 'virsh-command' AND "
                                                          "attrs LIKE '%fromHistory%'")) > 200);
        w->selectSidebarEntry(QStringLiteral("virsh"));
        QVERIFY(!w->isShowingEmptyState());
        w->selectSidebarEntry(QStringLiteral("all"));
        QVERIFY(!w->isShowingEmptyState());
    }

    void brokenSourceShowsErrorAndStaysResponsive()
    {
        const QString missing = guitest::tempDir().filePath(QStringLiteral("no-such-libvirt"));
        SourceSettings::setSources({missing});
        AppOptions o;
        o.indexPath = guitest::tempDir().filePath(QStringLiteral("broken.sqlite"));
        MainWindow w(o);
        w.show();
        QSignalSpy finished(w.controller(), &IndexController::indexFinished);
        w.start(); // no index: indexes the configured (broken) source by itself
        QVERIFY(finished.wait(30000));
        QVERIFY(w.problems()->errorCount() > 0);
        bool named = false;
        for (int i = 0; i < w.problems()->count(); ++i)
            named = named || w.problems()->item(i)->text().contains(missing);
        QVERIFY2(named, "the error does not name the broken source");
        QVERIFY(!w.snapshot());
        QVERIFY(w.isShowingEmptyState());
        SourceSettings::setSources(SourceSettings::defaults());
    }

    void firstRunIndexesInstalledLibvirtInBackground()
    {
        SourceSettings::setSources({QStringLiteral("/")});
        AppOptions o;
        o.indexPath = guitest::tempDir().filePath(QStringLiteral("firstrun.sqlite"));
        MainWindow w(o);
        w.show();
        IndexerGate gate(QStringLiteral("read"));
        QSignalSpy installed(&w, &MainWindow::snapshotInstalled);
        w.start();
        QVERIFY(w.controller()->isBusy());
        QTRY_VERIFY_WITH_TIMEOUT(gate.isReached(), 60000);
        QVERIFY2(!gate.ranOnGuiThread(), "the index is built on the GUI thread");
        // The indexer is held: a timer on the GUI thread keeps firing, the
        // window never freezes, and nothing is installed yet.
        int ticks = 0;
        QTimer tick;
        connect(&tick, &QTimer::timeout, this, [&ticks] { ++ticks; });
        tick.start(0);
        QTRY_VERIFY(ticks >= 3);
        QVERIFY(w.controller()->isBusy());
        QCOMPARE(installed.count(), 0);
        gate.release();
        QVERIFY(installed.wait(120000));
        QCOMPARE(qint64(w.snapshot()->summaries().size()),
                 guitest::sqlCount(o.indexPath, QStringLiteral("SELECT count(*) FROM items")));
        QVERIFY(w.tableModel()->rowCount() > 1000);
    }

    void cancelKeepsWindowUsable()
    {
        SourceSettings::setSources({QStringLiteral("/")});
        AppOptions o;
        o.indexPath = guitest::tempDir().filePath(QStringLiteral("cancelled.sqlite"));
        MainWindow w(o);
        w.show();
        IndexerGate gate(QStringLiteral("read"));
        QSignalSpy finished(w.controller(), &IndexController::indexFinished);
        w.start(); // loading fails (no index), then indexing starts
        // Cancel is clicked while the indexer is held before reading: it
        // cannot have finished first.
        QTRY_VERIFY_WITH_TIMEOUT(gate.isReached(), 60000);
        QVERIFY(w.controller()->isBusy());
        w.statusBar()->findChild<QPushButton *>()->click(); // the status bar's Cancel
        gate.release();
        QVERIFY(finished.wait(120000));
        QVERIFY(finished.first().first().value<Indexer::Result>().cancelled);
        QVERIFY(!w.controller()->isBusy());
        QVERIFY(!QFileInfo::exists(o.indexPath)); // nothing half-written
        QVERIFY(!QFileInfo::exists(o.indexPath + QStringLiteral(".new")));
    }

    void checkDomainXmlReportsTaintWithLinks()
    {
        auto w = openWindow(m_index);
        QVERIFY(w);
        CheckXmlDialog dialog(w->snapshot(), Version(1, 0, 0), w.get());
        dialog.setXml(QStringLiteral(
            "<domain type='kvm' xmlns:qemu='http://libvirt.org/schemas/domain/qemu/1.0'>\n"
            "  <name>t</name>\n  <memory>1024</memory>\n"
            "  <os><type>hvm</type></os>\n"
            "  <qemu:commandline><qemu:arg value='-S'/></qemu:commandline>\n"
            "</domain>\n"));
        QSignalSpy checked(&dialog, &CheckXmlDialog::checked);
        dialog.runCheck();
        QVERIFY(checked.wait(60000));
        const QString text = dialog.reportText();
        QVERIFY2(text.trimmed().startsWith(QLatin1String("supported but tainted for libvirt 1.0.0: custom-argv; uses namespace "
                                                "extensions (qemu)\n")),
                 qPrintable(text));
        QVERIFY(text.contains(QLatin1String("namespace extension (qemu)")));
        // A finding links to the index item; following it selects the item in the window.
        connect(&dialog, &CheckXmlDialog::itemRequested, w.get(), [&w](const QString &n) { w->selectName(n); });
        Q_EMIT dialog.itemRequested(QStringLiteral("domain/qemu:commandline"));
        QCOMPARE(w->detailView()->currentItem().name, QStringLiteral("domain/qemu:commandline"));
        QVERIFY(w->detailView()->toPlainText().contains(QLatin1String("Taints the guest: custom-argv.")));
    }

    // A running guest's status file pasted into the dialog: its <domain> is
    // checked and the taints libvirt recorded make the verdict (the dialog
    // said "no libvirt schema has the root element <domstatus>").
    void checkDomainXmlReadsAStatusFile()
    {
        const QByteArray status = vse::testdata::fileOfTarball(
            QStringLiteral("9.0.0"), QStringLiteral("tests/qemustatusxml2xmldata/migration-in-params-in.xml"));
        if (status.isEmpty()) {
            if (vse::testdata::inCi())
                QFAIL("libvirt_9.0.0.orig.tar.xz is not in $VSE_SOURCES_DIR");
            QSKIP("libvirt_9.0.0.orig.tar.xz is not in $VSE_SOURCES_DIR");
        }
        auto w = openWindow(m_index);
        QVERIFY(w);
        CheckXmlDialog dialog(w->snapshot(), Version(), w.get());
        dialog.setXml(QString::fromUtf8(status));
        QSignalSpy checked(&dialog, &CheckXmlDialog::checked);
        dialog.runCheck();
        QVERIFY(checked.wait(60000));
        const QString text = dialog.reportText();
        QVERIFY2(text.trimmed().startsWith(QLatin1String("supported but tainted: ")), qPrintable(text.left(600)));
        const QString state = QRegularExpression(QStringLiteral("<domstatus state='([a-z]+)'"))
                                  .match(QString::fromUtf8(status))
                                  .captured(1);
        QVERIFY2(text.contains(QStringLiteral("The status file of an active guest (state: %1)").arg(state)),
                 qPrintable(text.left(1500)));
        for (auto m = QRegularExpression(QStringLiteral("<taint flag='([a-z-]+)'/>")).globalMatch(QString::fromUtf8(status));
             m.hasNext();) {
            const QString flag = m.next().captured(1);
            QVERIFY2(text.section(QLatin1Char('\n'), 0, 1).contains(flag + QStringLiteral(" (recorded by libvirt)")),
                     qPrintable(text.left(600)));
        }
    }

    void checkDomainXmlDatesAnElementNewerThanTheIndex()
    {
        // The dialog looks up what the validating schema lacks in the
        // release history, as check-xml does (pstore on 9.0.0).
        VSE_REQUIRE_NEWER_XML_ELEMENT(e, m_index);
        auto w = openWindow(m_index);
        QVERIFY(w);
        const auto check = [&](const Version &target) {
            CheckXmlDialog dialog(w->snapshot(), target, w.get());
            dialog.setXml(QString::fromUtf8(e.document));
            QSignalSpy checked(&dialog, &CheckXmlDialog::checked);
            dialog.runCheck();
            return checked.wait(60000) ? dialog.reportText() : QStringLiteral("(no report)");
        };
        const QString plain = check(Version());
        QVERIFY2(!plain.contains(QLatin1String("not in the schema index")), qPrintable(plain));
        QVERIFY2(plain.contains(QStringLiteral("not in the schema of the indexed %1: added after it").arg(e.installed)),
                 qPrintable(plain));
        QVERIFY2(plain.trimmed().section(QLatin1Char('\n'), 0, 0).contains(QLatin1String("perhaps only because")),
                 qPrintable(plain));
        const QString installed = check(Version::parse(e.installed));
        QVERIFY2(installed.trimmed().startsWith(QLatin1String("invalid")), qPrintable(installed));
        QVERIFY2(installed.contains(QStringLiteral("too new for %1").arg(e.installed)), qPrintable(installed));
        QVERIFY2(installed.contains(e.sinceText), qPrintable(installed));
    }

    void screenshotModeWritesPicture()
    {
        const QString png = guitest::tempDir().filePath(QStringLiteral("shot.png"));
        QProcess p;
        p.start(QStringLiteral(VSE_EXPLORER_BINARY),
                {QStringLiteral("--index"), m_index, QStringLiteral("--select"),
                 QStringLiteral("virDomainQemuMonitorCommand"), QStringLiteral("--screenshot"), png});
        QVERIFY(p.waitForFinished(60000));
        QCOMPARE(p.exitCode(), 0);
        const QImage image(png);
        QVERIFY(!image.isNull());
        QVERIFY(image.width() >= 800);
    }

    void optionsAnswerWithoutADisplay()
    {
        // On a server without X or Wayland (the xcb plugin cannot start):
        // --help, --version and a wrong option still answer, no abort.
        const auto run = [](const QStringList &args, const QString &policyDir = {}) {
            QProcess p;
            QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
            if (!policyDir.isEmpty())
                env.insert(QStringLiteral("VSE_POLICY_DIR"), policyDir);
            env.remove(QStringLiteral("DISPLAY"));
            env.remove(QStringLiteral("WAYLAND_DISPLAY"));
            env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("xcb"));
            env.insert(QStringLiteral("LANGUAGE"), QStringLiteral("en"));
            p.setProcessEnvironment(env);
            p.start(QStringLiteral(VSE_EXPLORER_BINARY), args);
            p.waitForFinished(30000);
            return std::make_tuple(p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1,
                                   QString::fromUtf8(p.readAllStandardOutput()),
                                   QString::fromUtf8(p.readAllStandardError()));
        };
        const auto [helpCode, help, helpErr] = run({QStringLiteral("--help")});
        QCOMPARE(helpCode, 0);
        QVERIFY2(help.startsWith(QLatin1String("Usage: virt-support-explorer")), qPrintable(help + helpErr));
        QVERIFY(help.contains(QLatin1String("--version")));
        const auto [versionCode, version, versionErr] = run({QStringLiteral("--version")});
        QCOMPARE(versionCode, 0);
        QVERIFY2(version.startsWith(QLatin1String("virt-support-explorer ")), qPrintable(version + versionErr));
        const auto [badCode, badOut, bad] = run({QStringLiteral("--bogus")});
        QCOMPARE(badCode, 2);
        QVERIFY2(bad.startsWith(QLatin1String("unknown option --bogus")), qPrintable(bad));
        // An edited policy that does not parse: said with its file and line,
        // exit 3 (it aborted once the window asked for the policy).
        QTemporaryDir policy;
        QFile tiers(policy.filePath(QStringLiteral("tiers.json")));
        QVERIFY(tiers.open(QIODevice::WriteOnly) && tiers.write("{\n  not json") > 0);
        tiers.close();
        QFile taint(policy.filePath(QStringLiteral("taint.json")));
        QVERIFY(taint.open(QIODevice::WriteOnly) && taint.write("{}") > 0);
        taint.close();
        const auto [policyCode, policyOut, policyErr] = run({}, policy.path());
        QCOMPARE(policyCode, 3);
        QVERIFY2(policyErr.contains(QStringLiteral("cannot load the policy data: ") + tiers.fileName() +
                                    QStringLiteral(":2")),
                 qPrintable(policyErr));
    }
};

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
