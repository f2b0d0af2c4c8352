// What testers of the explorer found on a default install (an index of the
// installed libvirt plus the shipped history), each checked on that real
// index: the detail pane's share of the window in English and German, the
// German of since ranges and release labels, welcome counts that keep the
// indexed release apart from the history (as `stats` does), refused
// option values, Check domain XML on a missing file and on a folder, the
// file of a configuration option, and the table's note column.
#include "guitestindex.h"
#include "guitestwindow.h"

#include "checkxmldialog.h"
#include "coretext.h"
#include "detailview.h"
#include "filterbar.h"
#include "itemtablemodel.h"
#include "mainwindow.h"
#include "scan/scanengine.h"
#include "translations.h"

#include <QApplication>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QHeaderView>
#include <QPushButton>
#include <QSet>
#include <QTemporaryDir>
#include <QLocale>
#include <QProcess>
#include <QSettings>
#include <QSignalSpy>
#include <QSplitter>
#include <QStyle>
#include <QStyleOptionComboBox>
#include <QStandardPaths>
#include <QTableView>
#include <QTest>
#include <QTranslator>

#include <sqlite3.h>

using namespace vse;
using namespace vse::gui;

namespace {

// Rows of a query, each as its columns' text (the shared reader).
QList<QStringList> sqlRows(const QString &index, const char *sql)
{
    return guitest::sqlRowsOf(index, QString::fromUtf8(sql));
}

// Removes the German translators again when a test ends.
struct German
{
    QList<QTranslator *> before;
    German()
    {
        before = QApplication::instance()->findChildren<QTranslator *>();
        installTranslations(qApp, QLocale(QLocale::German, QLocale::Germany));
    }
    ~German()
    {
        for (QTranslator *t : QApplication::instance()->findChildren<QTranslator *>())
            if (!before.contains(t)) {
                QCoreApplication::removeTranslator(t);
                delete t;
            }
    }
};

} // namespace

class TestExplorerFindings : public QObject
{
    Q_OBJECT

    QString m_index;

    std::unique_ptr<MainWindow> openWindow()
    {
        auto w = guitest::openWindow(m_index, 30000);
        if (!w || !QTest::qWaitForWindowExposed(w.get()))
            return nullptr;
        return w;
    }

    // Rows of the table whose name column is exactly `name`'s display.
    static QList<int> rowsNamed(MainWindow *w, const QString &name)
    {
        QList<int> rows;
        for (int r = 0; r < w->tableModel()->rowCount(); ++r)
            if (w->tableModel()->summary(r)->name == name)
                rows << r;
        return rows;
    }

    static QStringList runExplorer(const QStringList &args, int *exitCode)
    {
        QProcess p;
        p.start(QStringLiteral(VSE_EXPLORER_BINARY), args);
        if (!p.waitForFinished(60000))
            return {QStringLiteral("(hung)")};
        *exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
        return {QString::fromUtf8(p.readAllStandardOutput()), QString::fromUtf8(p.readAllStandardError())};
    }

private Q_SLOTS:
    // The scan dialog groups findings under the kinds' titles: German under
    // German, every one of them (they were English), English again after.
    void scanFindingTitlesInGerman()
    {
        const int kinds = int(scan::Finding::NotInBinding) + 1;
        QStringList english;
        for (int k = 0; k < kinds; ++k)
            english << scan::Finding::kindTitle(scan::Finding::Kind(k));
        {
            German de;
            QCOMPARE(scan::Finding::kindTitle(scan::Finding::TooNew), QStringLiteral("Neuer als das Ziel"));
            for (int k = 0; k < kinds; ++k)
                QVERIFY2(scan::Finding::kindTitle(scan::Finding::Kind(k)) != english.at(k), qPrintable(english.at(k)));
        }
        QCOMPARE(scan::Finding::kindTitle(scan::Finding::TooNew), QStringLiteral("Newer than the target"));
    }

    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true); // QSettings go to a test location
        QApplication::setOrganizationName(QStringLiteral("vse-tests"));
        QApplication::setApplicationName(QStringLiteral("tst_explorerfindings"));
        QSettings().clear();
        VSE_REQUIRE_INSTALLED_INDEX(path);
        m_index = path;
    }

    // 1. German labels made the filter bar so wide that the splitter left
    // the detail pane ~110 px.
    void detailPaneGetsAThirdInEveryLanguage_data()
    {
        QTest::addColumn<bool>("german");
        QTest::newRow("English") << false;
        QTest::newRow("German") << true;
    }
    void detailPaneGetsAThirdInEveryLanguage()
    {
        QFETCH(bool, german);
        QSettings().remove(QStringLiteral("explorer/splitter"));
        std::unique_ptr<German> de(german ? new German : nullptr);
        auto w = openWindow();
        QVERIFY(w);
        const int detail = w->detailView()->width();
        QVERIFY2(detail * 100 >= w->width() * 28,
                 qPrintable(QStringLiteral("detail pane %1 px of %2").arg(detail).arg(w->width())));
        QVERIFY2(w->table()->width() >= 300, qPrintable(QString::number(w->table()->width())));
    }

    // 1b. The filter combos shrank to four characters to leave the detail
    // pane its third: at 1280 px "All hypervisors", "Newest of each item"
    // and "Must support ≥" were cut. Two pairs per row when the bar is
    // narrow, four when it is wide; no entry is cut at either width.
    void filterCombosShowTheirEntriesWhole_data() { detailPaneGetsAThirdInEveryLanguage_data(); }
    void filterCombosShowTheirEntriesWhole()
    {
        QFETCH(bool, german);
        QSettings().remove(QStringLiteral("explorer/splitter"));
        std::unique_ptr<German> de(german ? new German : nullptr);
        auto w = openWindow();
        QVERIFY(w);
        const auto cut = [&w] {
            QStringList out;
            for (QComboBox *c : w->filterBar()->findChildren<QComboBox *>()) {
                QStyleOptionComboBox opt;
                opt.initFrom(c);
                opt.editable = c->isEditable();
                const int room =
                    c->style()->subControlRect(QStyle::CC_ComboBox, &opt, QStyle::SC_ComboBoxEditField, c).width();
                for (int i = 0; i < c->count(); ++i)
                    if (c->fontMetrics().horizontalAdvance(c->itemText(i)) > room)
                        out << QStringLiteral("%1 (%2 px of %3)")
                                   .arg(c->itemText(i))
                                   .arg(room)
                                   .arg(c->fontMetrics().horizontalAdvance(c->itemText(i)));
            }
            return out;
        };
        for (const int width : {1280, 1920}) {
            w->resize(width, 800);
            QTest::qWait(50); // layouts settle on the event loop
            QVERIFY2(cut().isEmpty(), qPrintable(QStringLiteral("%1 px: ").arg(width) + cut().join(QStringLiteral(", "))));
            QVERIFY2(w->detailView()->width() * 100 >= w->width() * 28, qPrintable(QString::number(w->detailView()->width())));
        }
        // German's longer entries keep two pairs per row at 1920 px.
        QCOMPARE(w->filterBar()->pairsPerRow(), german ? 2 : 4);
        w->resize(1280, 800);
        QTest::qWait(50);
        QCOMPARE(w->filterBar()->pairsPerRow(), 2);
    }

    void movedSplitterIsKeptForTheNextWindow()
    {
        QSettings().remove(QStringLiteral("explorer/splitter"));
        int detailAfterMove = 0;
        {
            auto w = openWindow();
            QVERIFY(w);
            // Drag the handle between table and detail pane 50 px to the left.
            const int before = w->detailView()->width();
            QWidget *handle = w->splitter()->handle(2);
            const QPoint centre = handle->rect().center();
            QTest::mousePress(handle, Qt::LeftButton, {}, centre);
            QTest::mouseMove(handle, centre - QPoint(50, 0));
            QTest::mouseRelease(handle, Qt::LeftButton, {}, centre - QPoint(50, 0));
            detailAfterMove = w->detailView()->width();
            QVERIFY2(detailAfterMove >= before + 40, qPrintable(QStringLiteral("%1 -> %2").arg(before).arg(detailAfterMove)));
        }
        QVERIFY(QSettings().contains(QStringLiteral("explorer/splitter")));
        auto again = openWindow();
        QVERIFY(again);
        // The sidebar fits its counts once the index is in, which may move it a few pixels.
        QVERIFY2(qAbs(again->detailView()->width() - detailAfterMove) <= 15,
                 qPrintable(QStringLiteral("%1, was %2").arg(again->detailView()->width()).arg(detailAfterMove)));
        QSettings().remove(QStringLiteral("explorer/splitter"));
    }

    // 2. Since ranges, release labels, the virsh tier and Qt's own buttons in German.
    void germanCoversCoreTexts()
    {
        const QList<QStringList> ranged = sqlRows(
            m_index, "SELECT name, since_after, since_upto FROM items WHERE since_after IS NOT NULL AND since_after "
                     "!= '' AND since_upto != '' AND (since IS NULL OR since = '') AND kind = 'virsh-command' ORDER BY "
                     "name LIMIT 1");
        QVERIFY(!ranged.isEmpty());
        German de;
        auto w = openWindow();
        QVERIFY(w);
        w->filterBar()->setSearchText(ranged.first().at(0));
        w->applyFilter();
        const QList<int> rows = rowsNamed(w.get(), ranged.first().at(0));
        QVERIFY(!rows.isEmpty());
        const QString since = w->tableModel()->index(rows.first(), ItemTableModel::SinceColumn).data().toString();
        const QString english = ranged.first().at(1) + QStringLiteral(" < since \u2264 ") + ranged.first().at(2);
        QVERIFY2(since.startsWith(ranged.first().at(1)) && !since.startsWith(english), qPrintable(since));

        // The detail pane words the history's evidence in German too; the
        // releases and files it names pass through.
        QVERIFY(w->selectName(ranged.first().at(0)));
        const QString detail = w->detailView()->toPlainText();
        QVERIFY2(detail.contains(QLatin1String("zuerst in ")) && detail.contains(QLatin1String(", fehlt in ")) &&
                     !detail.contains(QLatin1String("first in ")) && !detail.contains(QLatin1String("absent from")),
                 qPrintable(detail));
        // So is a removal's evidence, and a removed path's namesake (domain/timer
        // moved inside <clock> in 0.8.6) is named, in German, with its since.
        QVERIFY(w->selectName(QStringLiteral("domain/timer")));
        const QString removed = w->detailView()->toPlainText();
        QVERIFY2(removed.contains(QLatin1String("Versionsgeschichte: fehlt in git:v0.8.6")) &&
                     !removed.contains(QLatin1String("absent from")) && removed.contains(QLatin1String("Auch unter")) &&
                     removed.contains(QLatin1String("domain/clock/timer (seit 0.8.6, die Version, die diesen Pfad entfernte)")),
                 qPrintable(removed));

        const auto history = w->snapshot()->historyRelease();
        QVERIFY(history);
        const QString label = CoreText::releaseLabel(history->label());
        QVERIFY2(!label.contains(QLatin1String("release history")) &&
                     label.contains(history->versionEvidence.section(QStringLiteral(", "), -1)),
                 qPrintable(label));
        QVERIFY(!CoreText::releaseLabel(w->snapshot()->releases().first().label()).contains(QLatin1String("installed")));

        QCOMPARE(QDialogButtonBox(QDialogButtonBox::Close).button(QDialogButtonBox::Close)->text(),
                 QStringLiteral("Schlie\u00dfen"));
    }

    // 3. The welcome counts the indexed release as `stats` does, and the
    // history's rows apart.
    void welcomeCountsIndexedReleaseApartFromHistory()
    {
        auto w = openWindow();
        QVERIFY(w);
        const QLocale locale;
        const QList<QStringList> counts = sqlRows(
            m_index, "SELECT r.source_kind, count(*), sum(i.kind = 'function') FROM items i JOIN releases r ON "
                     "r.id = i.release_id GROUP BY r.source_kind = 'history' ORDER BY r.source_kind = 'history'");
        QCOMPARE(counts.size(), 2); // the installed release, then the history
        const QString welcome = w->detailView()->toPlainText();
        QVERIFY2(welcome.contains(QStringLiteral("hold %1 items").arg(locale.toString(counts.at(0).at(1).toInt()))),
                 qPrintable(welcome));
        QVERIFY2(welcome.contains(QStringLiteral("of them functions").prepend(
                     locale.toString(counts.at(0).at(2).toInt()) + QLatin1Char(' '))),
                 qPrintable(welcome));
        QVERIFY2(welcome.contains(QStringLiteral("adds %1 items").arg(locale.toString(counts.at(1).at(1).toInt()))),
                 qPrintable(welcome));
    }

    // 4. and 5. Refused on the command line, with one clear message.
    void badOptionValuesAreRefused()
    {
        for (const QStringList &args : {QStringList{QStringLiteral("--must-support"), QStringLiteral("foo")},
                                        QStringList{QStringLiteral("--newer-than"), QStringLiteral("6.O.0")},
                                        QStringList{QStringLiteral("--must-support"), QStringLiteral("6.13.0")}}) {
            int code = -1;
            const QStringList out = runExplorer(args, &code);
            QCOMPARE(code, 2);
            // A word ("foo") is told the distribution releases there are as well.
            QVERIFY2(out.value(1).startsWith(args.at(0) + QStringLiteral(": '") + args.at(1) +
                                             (args.at(1).at(0).isLetter() ? QStringLiteral("' is neither a libvirt release number")
                                                                          : QStringLiteral("' is not a libvirt release number"))),
                     qPrintable(out.value(1)));
        }
        int code = -1;
        const QString missing = guitest::tempDir().filePath(QStringLiteral("no-such-guest.xml"));
        const QStringList out = runExplorer({QStringLiteral("--check-xml"), missing}, &code);
        QCOMPARE(code, 2);
        QVERIFY2(out.value(1).startsWith(QStringLiteral("--check-xml: %1: no such file or folder\n").arg(missing)),
                 qPrintable(out.value(1)));
    }

    void checkXmlOnMissingFileSaysItOnce()
    {
        auto w = openWindow();
        QVERIFY(w);
        CheckXmlDialog dialog(w->snapshot(), Version(), w.get());
        const QString missing = guitest::tempDir().filePath(QStringLiteral("gone.xml"));
        QVERIFY(!dialog.openPath(missing));
        QCOMPARE(dialog.reportText().trimmed(),
                 QStringLiteral("Cannot check %1: there is no such file or folder.").arg(missing));
    }

    void checkXmlOnFolderChecksEachFile()
    {
        auto w = openWindow();
        QVERIFY(w);
        QTemporaryDir dir;
        const auto write = [&dir](const QString &name, const QByteArray &text) {
            QFile f(dir.filePath(name));
            return f.open(QIODevice::WriteOnly) && f.write(text) == text.size();
        };
        QVERIFY(write(QStringLiteral("plain.xml"), "<domain type='kvm'><name>a</name><memory>1024</memory>"
                                                    "<os><type>hvm</type></os></domain>\n"));
        QVERIFY(write(QStringLiteral("tainted.xml"),
                      "<domain type='kvm' xmlns:qemu='http://libvirt.org/schemas/domain/qemu/1.0'><name>b</name>"
                      "<memory>1024</memory><os><type>hvm</type></os>"
                      "<qemu:commandline><qemu:arg value='-S'/></qemu:commandline></domain>\n"));
        QVERIFY(write(QStringLiteral("notes.txt"), "not XML, not checked\n"));
        CheckXmlDialog dialog(w->snapshot(), Version(), w.get());
        QSignalSpy checked(&dialog, &CheckXmlDialog::checked);
        QVERIFY(dialog.openPath(dir.path()));
        QVERIFY(checked.wait(60000));
        const QString text = dialog.reportText();
        QVERIFY2(text.startsWith(QLatin1String("2 file(s) checked, 1 supported as is")), qPrintable(text));
        QVERIFY2(text.contains(QLatin1String("plain.xml\nsupported as is")), qPrintable(text));
        QVERIFY2(text.contains(QLatin1String("tainted.xml\nsupported but tainted: custom-argv")), qPrintable(text));
        QVERIFY(!text.contains(QLatin1String("notes.txt")));
        // Check again checks the folder's files again, not its list as XML.
        dialog.runCheck();
        QVERIFY(checked.wait(60000));
        QCOMPARE(dialog.reportText(), text);
        // Another folder while a check runs would have its report
        // overwritten: the buttons that start one are disabled, and a call
        // that comes anyway is refused in words, not dropped.
        dialog.runCheck();
        QVERIFY(dialog.isChecking());
        for (QPushButton *b : dialog.findChildren<QPushButton *>())
            if (b->text().contains(QLatin1String("Open")) || b->text().contains(QLatin1String("Check")))
                QVERIFY2(!b->isEnabled(), qPrintable(b->text()));
        QVERIFY(!dialog.openPath(dir.path()));
        QVERIFY2(dialog.reportText().contains(QLatin1String("wait for the report")), qPrintable(dialog.reportText()));
        QVERIFY(checked.wait(60000));
        QCOMPARE(dialog.reportText(), text);
        for (QPushButton *b : dialog.findChildren<QPushButton *>())
            QVERIFY2(b->isEnabled(), qPrintable(b->text()));

        QTemporaryDir empty;
        QVERIFY(!dialog.openPath(empty.path()));
        QVERIFY2(dialog.reportText().contains(QLatin1String("has no *.xml file")), qPrintable(dialog.reportText()));
    }

    // 6. The same option in several files: each row names its file.
    void configOptionRowsNameTheirFile()
    {
        const QList<QStringList> shared = sqlRows(
            m_index, "SELECT name, group_concat(DISTINCT parent) FROM items WHERE kind = 'config-option' GROUP BY "
                     "name HAVING count(DISTINCT parent) > 1 ORDER BY name LIMIT 1");
        QVERIFY(!shared.isEmpty());
        const QString option = shared.first().at(0);
        const QStringList files = shared.first().at(1).split(QLatin1Char(','));
        auto w = openWindow();
        QVERIFY(w);
        w->filterBar()->setSearchText(option);
        w->applyFilter();
        QSet<QString> shown;
        for (const int r : rowsNamed(w.get(), option))
            shown.insert(w->tableModel()->index(r, ItemTableModel::NameColumn).data().toString());
        for (const QString &f : files)
            QVERIFY2(shown.contains(f + QLatin1Char(':') + option), qPrintable(QStringList(shown.cbegin(), shown.cend()).join(u' ')));
    }

    // 7. History-only rows and tainting items are marked, with the detail pane's words.
    void noteColumnMarksHistoryRowsAndTaints()
    {
        const QList<QStringList> newer = sqlRows(
            m_index, "SELECT i.name FROM items i JOIN releases r ON r.id = i.release_id WHERE r.source_kind = "
                     "'history' AND i.kind = 'function' AND i.since_after_num >= (SELECT max(version_num) FROM "
                     "releases WHERE source_kind != 'history') ORDER BY i.name LIMIT 1");
        const QList<QStringList> installedName = sqlRows(
            m_index, "SELECT i.name FROM items i JOIN releases r ON r.id = i.release_id WHERE r.source_kind = "
                     "'installed' AND i.kind = 'function' AND i.tainted = 0 ORDER BY i.name LIMIT 1");
        QVERIFY(!newer.isEmpty());
        QVERIFY(!installedName.isEmpty());
        auto w = openWindow();
        QVERIFY(w);
        const auto noteOf = [&w](const QString &name, int role) {
            w->filterBar()->setSearchText(name);
            w->applyFilter();
            const QList<int> rows = rowsNamed(w.get(), name);
            return rows.isEmpty() ? QStringLiteral("(no row)")
                                  : w->tableModel()->index(rows.first(), ItemTableModel::NoteColumn).data(role).toString();
        };
        QCOMPARE(noteOf(newer.first().at(0), Qt::DisplayRole), QStringLiteral("newer"));
        QVERIFY(noteOf(newer.first().at(0), Qt::ToolTipRole).startsWith(QLatin1String("Not in the indexed releases: added after")));
        QCOMPARE(noteOf(QStringLiteral("virDomainQemuMonitorCommand"), Qt::DisplayRole), QStringLiteral("taints"));
        QVERIFY(noteOf(QStringLiteral("virDomainQemuMonitorCommand"), Qt::ToolTipRole)
                    .contains(QLatin1String("Taints the guest: custom-monitor")));
        QCOMPARE(noteOf(installedName.first().at(0), Qt::DisplayRole), QString());
        // Shown right after the name.
        QCOMPARE(w->table()->horizontalHeader()->visualIndex(ItemTableModel::NoteColumn), 1);
    }

    // The release an item came with is what the table is read for: at
    // 1280 px it was the sixth column, out of view behind a horizontal scroll.
    void sinceColumnIsInViewAt1280()
    {
        QSettings().remove(QStringLiteral("explorer/splitter"));
        auto w = openWindow();
        QVERIFY(w);
        w->resize(1280, 800);
        QTest::qWait(50);
        const QHeaderView *h = w->table()->horizontalHeader();
        QCOMPARE(h->visualIndex(ItemTableModel::SinceColumn), 2);
        const int right = h->sectionViewportPosition(ItemTableModel::SinceColumn) +
                          h->sectionSize(ItemTableModel::SinceColumn);
        QVERIFY2(h->sectionViewportPosition(ItemTableModel::SinceColumn) >= 0 &&
                     right <= w->table()->viewport()->width(),
                 qPrintable(QStringLiteral("since column ends at %1 px of %2")
                                .arg(right)
                                .arg(w->table()->viewport()->width())));
        // A ranged since is shown whole, not elided.
        w->filterBar()->setSearchText(QStringLiteral("xml:domain/devices/tpm"));
        w->applyFilter();
        QVERIFY(w->tableModel()->rowCount() > 0);
        bool ranged = false;
        for (int r = 0; r < w->tableModel()->rowCount(); ++r) {
            const QString since = w->tableModel()->index(r, ItemTableModel::SinceColumn).data().toString();
            if (!since.contains(QChar(0x2264)))
                continue;
            ranged = true;
            QVERIFY2(w->table()->fontMetrics().horizontalAdvance(since) < h->sectionSize(ItemTableModel::SinceColumn),
                     qPrintable(since));
        }
        QVERIFY(ranged);
    }
};

QTEST_MAIN(TestExplorerFindings)
#include "tst_explorerfindings.moc"
