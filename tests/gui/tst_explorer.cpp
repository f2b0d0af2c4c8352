// The explorer as users meet it first, on a real index of the installed
// libvirt: the welcome pane and its example links, the default order,
// header sorting (Since by version), middle elision with the full name in
// the tooltip, the sidebar wide enough for its counts, the "Newer than"
// filter, and the verdict of Check domain XML on a tainted document.
// Expected values come from SQL on the index, not from the GUI's code.
#include "guitestindex.h"
#include "guitestwindow.h"

#include "clirunner.h"
#include "../scan/debianpackages.h"

#include "checkxmldialog.h"
#include "detailrenderer.h"
#include "detailview.h"
#include "filterbar.h"
#include "itemtablemodel.h"
#include "mainwindow.h"
#include "model/policy.h"
#include "scan/targets.h"
#include "sidebarmodel.h"
#include "welcomehtml.h"

#include <QComboBox>
#include <QHeaderView>
#include <QFile>
#include <QLabel>
#include <QRegularExpression>
#include <QJsonObject>
#include <QJsonDocument>
#include <QJsonArray>
#include <QListView>
#include <QLocale>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableView>
#include <QTextBlock>
#include <QTextDocument>
#include <QTextLayout>
#include <QTest>
#include <QUrl>

using namespace vse;
using namespace vse::gui;

class TestExplorer : public QObject
{
    Q_OBJECT

    QString m_index;

    std::unique_ptr<MainWindow> openWindow()
    {
        return guitest::openWindow(m_index, 30000);
    }

    // The label of the view shown when no row passes (its links are followed).
    static QLabel *emptyViewLabel(MainWindow *w)
    {
        QLabel *label = nullptr;
        for (QLabel *l : w->findChildren<QLabel *>())
            if (l->accessibleName() == QLatin1String("Empty view explanation"))
                label = l;
        return label;
    }

    static void clickHeader(QTableView *table, int column)
    {
        QHeaderView *h = table->horizontalHeader();
        QTest::mouseClick(h->viewport(), Qt::LeftButton, {},
                          QPoint(h->sectionViewportPosition(column) + h->sectionSize(column) / 2,
                                 h->height() / 2));
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        VSE_REQUIRE_INSTALLED_INDEX(path);
        m_index = path;
    }

    // Nothing selected: the pane says what the index holds, with three questions that act.
    void welcomePaneWithExamples()
    {
        auto w = openWindow();
        QVERIFY(w);
        QVERIFY(w->detailView()->isShowingWelcome());
        const QString text = w->detailView()->toPlainText();
        const qint64 functions = guitest::sqlCount(
            m_index,
            QStringLiteral("SELECT count(*) FROM items WHERE latest <> 0 AND kind = 'function' AND release_id IN "
                           "(SELECT id FROM releases WHERE source_kind <> 'history')"));
        const qint64 elements = guitest::sqlCount(
            m_index, QStringLiteral(
                         "SELECT count(*) FROM items WHERE latest <> 0 AND kind = 'xml-element' AND release_id IN "
                         "(SELECT id FROM releases WHERE source_kind <> 'history')"));
        QVERIFY(functions > 400);
        QVERIFY2(
            text.contains(QLocale().toString(functions) + QStringLiteral(" of them functions")),
            qPrintable(text));
        QVERIFY2(text.contains(QLocale().toString(elements) + QStringLiteral(" of them elements")),
                 qPrintable(text));
        QVERIFY(text.contains(
            guitest::sqlText(m_index, QStringLiteral("SELECT version FROM releases LIMIT 1"))));
        // Installed packages carry no protocol files: the pane says the
        // history's procedures of the installed release count, as many as
        // `virt-support protocol` lists for it.
        if (guitest::sqlCount(m_index, QStringLiteral("SELECT count(*) FROM items WHERE kind = 'rpc-procedure' AND "
                                                      "release_id IN (SELECT id FROM releases WHERE source_kind "
                                                      "<> 'history')")) == 0) {
            const testdata::CliRun protocols = testdata::runCli(m_index, {QStringLiteral("protocol"), QStringLiteral("--json")});
            int procedures = 0;
            for (const auto &p : QJsonDocument::fromJson(protocols.out.toUtf8()).object().value(QLatin1String("programs")).toArray())
                procedures += p.toObject().value(QLatin1String("procedures")).toInt();
            QVERIFY2(procedures > 400, qPrintable(protocols.out + protocols.err));
            static const QRegularExpression rpcLine(
                QStringLiteral("RPC protocols: not in the installed files; from the release history, [\\d,.]+ items of "
                               "[\\d.]+, ([\\d,.]+) of them procedures"));
            const QRegularExpressionMatch m = rpcLine.match(text);
            QVERIFY2(m.hasMatch(), qPrintable(text));
            QCOMPARE(m.captured(1), QLocale().toString(procedures));
        }
        const QString html = w->detailView()->toHtml();
        QVERIFY(html.contains(QLatin1String("vse:name/virDomainGetGuestInfo")));
        QVERIFY(html.contains(QLatin1String("vse:name/domain/qemu:commandline")));
        QVERIFY(html.contains(QLatin1String("vse:newer/6.0.0")));

        // The first question opens the API.
        Q_EMIT w->detailView()->anchorClicked(
            DetailRenderer::nameLink(QStringLiteral("virDomainGetGuestInfo")));
        QCOMPARE(w->detailView()->currentItem().name, QStringLiteral("virDomainGetGuestInfo"));
        QVERIFY(!w->detailView()->isShowingWelcome());

        // The third lists the public API newer than 6.0.0: exactly the SQL's set.
        Q_EMIT w->detailView()->anchorClicked(WelcomeHtml::newerLink(QStringLiteral("6.0.0")));
        QVERIFY(w->filterBar()->filter().newerOnly);
        QCOMPARE(w->filterBar()->filter().target, Version(6, 0, 0));
        w->applyFilter();
        const Version target(6, 0, 0);
        int expected = 0;
        QSet<QString> names;
        for (const QStringList &r : guitest::sqlRowsOf(
                 m_index, QStringLiteral("SELECT name, ifnull(since,''), ifnull(since_after,''), "
                                         "ifnull(since_upto,'') FROM items "
                                         "WHERE latest <> 0 AND tier = 'stable' AND kind IN (%1)")
                              .arg(guitest::sqlList(apiKinds())))) {
            const Version upTo = Version::parse(r.at(3));
            if (upTo.isValid() && target < upTo) {
                ++expected;
                names.insert(r.at(0));
            }
        }
        QVERIFY(expected > 50);
        QCOMPARE(w->tableModel()->rowCount(), expected);
        for (int row = 0; row < w->tableModel()->rowCount(); ++row)
            QVERIFY2(names.contains(w->tableModel()->summary(row)->name),
                     qPrintable(w->tableModel()->summary(row)->name));
    }

    // Without search text the table starts with the public API: functions by name.
    void defaultOrderStartsWithFunctions()
    {
        auto w = openWindow();
        QVERIFY(w);
        const QString first = guitest::sqlText(
            m_index, QStringLiteral("SELECT name FROM items WHERE latest <> 0 AND kind = "
                                    "'function' ORDER BY lower(name) LIMIT 1"));
        QCOMPARE(w->tableModel()->summary(0)->name, first);
        for (int row = 1; row < 50; ++row) {
            QCOMPARE(w->tableModel()->summary(row)->kind, ItemKind::Function);
            QVERIFY(w->tableModel()->summary(row - 1)->name.toLower() <=
                    w->tableModel()->summary(row)->name.toLower());
        }
    }

    // Clicking Since sorts by version (0.9.11 before 0.10.0), unknown last;
    // a second click reverses it, a third returns to the ranking.
    void headerSortsSinceByVersion()
    {
        auto w = openWindow();
        QVERIFY(w);
        QTableView *table = w->table();
        const ItemTableModel *model = w->tableModel();
        const int rows = model->rowCount();
        clickHeader(table, ItemTableModel::SinceColumn);
        QCOMPARE(table->horizontalHeader()->sortIndicatorSection(),
                 int(ItemTableModel::SinceColumn));
        const bool ascending =
            table->horizontalHeader()->sortIndicatorOrder() == Qt::AscendingOrder;
        QCOMPARE(model->rowCount(), rows);
        // The smallest known upper end in SQL comes first (ascending) and unknown ones last.
        const qint64 unknown = guitest::sqlCount(
            m_index,
            QStringLiteral("SELECT count(*) FROM items WHERE latest <> 0 AND since_upto IS NULL"));
        const auto checkOrder = [&](bool up) {
            bool sawVersionOrder = false;
            for (int r = 1; r < rows; ++r) {
                const ItemSummary *a = model->summary(r - 1);
                const ItemSummary *b = model->summary(r);
                if (!b->sinceUpTo.isValid())
                    continue;
                QVERIFY2(a->sinceUpTo.isValid(), "an unknown since sorted before a known one");
                if (a->sinceUpTo != b->sinceUpTo) {
                    QVERIFY2(up ? a->sinceUpTo < b->sinceUpTo : b->sinceUpTo < a->sinceUpTo,
                             qPrintable(a->sinceUpTo.toString() + QStringLiteral(" / ") +
                                        b->sinceUpTo.toString()));
                    // Where text order and version order differ (0.9.x vs 0.10.x), version wins.
                    sawVersionOrder |= (a->sinceUpTo.toString() < b->sinceUpTo.toString()) != up;
                }
            }
            QVERIFY(sawVersionOrder);
            for (int r = rows - int(unknown); r < rows; ++r)
                QVERIFY(!model->summary(r)->sinceUpTo.isValid());
        };
        checkOrder(ascending);
        if (ascending)
            QCOMPARE(model->summary(0)->sinceUpTo.toString(),
                     guitest::sqlText(
                         m_index,
                         QStringLiteral("SELECT since_upto FROM items WHERE latest <> 0 AND "
                                        "since_upto IS NOT NULL ORDER BY since_upto_num LIMIT 1")));
        clickHeader(table, ItemTableModel::SinceColumn);
        QCOMPARE(table->horizontalHeader()->sortIndicatorOrder() == Qt::AscendingOrder, !ascending);
        checkOrder(!ascending);

        // Name sorts case-insensitively; the selection follows its item.
        clickHeader(table, ItemTableModel::NameColumn);
        const bool nameUp = table->horizontalHeader()->sortIndicatorOrder() == Qt::AscendingOrder;
        for (int r = 1; r < std::min(rows, 2000); ++r) {
            const int c =
                model->summary(r - 1)->name.compare(model->summary(r)->name, Qt::CaseInsensitive);
            QVERIFY(nameUp ? c <= 0 : c >= 0);
        }
        QVERIFY(w->selectName(QStringLiteral("virDomainQemuMonitorCommand")));
        clickHeader(table, ItemTableModel::KindColumn);
        QCOMPARE(model->summary(table->currentIndex().row())->name,
                 QStringLiteral("virDomainQemuMonitorCommand"));
    }

    // Nine domain/qemu:override/... paths read the same when cut at the end:
    // the table elides in the middle and the tooltip has the whole name.
    // The target box reads a distribution release or a package version as
    // the libvirt it stands for, and says which it applied.
    void targetReadsDistributionReleases()
    {
        auto w = openWindow();
        QVERIFY(w);
        const Version debian12 = vse::scan::readRelease(QStringLiteral("debian-12")).version;
        QVERIFY(debian12.isValid());
        const auto rowsFor = [&w](const QString &target) {
            w->filterBar()->setTarget(target);
            w->applyFilter();
            return w->tableModel()->rowCount();
        };
        const int all = rowsFor(QString());
        const int byVersion = rowsFor(debian12.toString());
        QVERIFY2(byVersion < all, qPrintable(QStringLiteral("%1 of %2").arg(byVersion).arg(all)));
        QCOMPARE(rowsFor(QStringLiteral("bookworm")), byVersion);
        QCOMPARE(w->filterBar()->filter().target, debian12);
        QLabel *excluded = nullptr;
        for (QLabel *l : w->filterBar()->findChildren<QLabel *>())
            if (l->accessibleName() == QLatin1String("Items excluded by the target release"))
                excluded = l;
        QVERIFY(excluded);
        QVERIFY2(excluded->text().contains(QStringLiteral("newer than %1 (bookworm)").arg(debian12.toString())),
                 qPrintable(excluded->text()));
        // The Check XML dialog names the target as typed too, not a bare number.
        rowsFor(QStringLiteral("bookworm"));
        CheckXmlDialog *check = w->openCheckXml();
        QVERIFY(check);
        bool named = false;
        for (QLabel *l : check->findChildren<QLabel *>())
            named = named || l->text().contains(QStringLiteral("Target release: %1 (bookworm).").arg(debian12.toString()));
        QVERIFY(named);
        check->close();
        QCOMPARE(rowsFor(debian12.toString() + QStringLiteral("-4+deb12u2")), byVersion);
        // Offered in the list too.
        QComboBox *box = nullptr;
        for (QComboBox *c : w->filterBar()->findChildren<QComboBox *>())
            if (c->isEditable())
                box = c;
        QVERIFY(box && box->findText(QStringLiteral("debian-12")) >= 0);
    }

    void longNamesElideInTheMiddle()
    {
        auto w = openWindow();
        QVERIFY(w);
        // Both: with word wrap on, the delegate breaks a path at a '/' and cuts the rest.
        QCOMPARE(w->table()->textElideMode(), Qt::ElideMiddle);
        QVERIFY(!w->table()->wordWrap());
        w->filterBar()->setSearchText(QStringLiteral("xml:qemu:override/"));
        w->applyFilter();
        const ItemTableModel *model = w->tableModel();
        QVERIFY(model->rowCount() >= 5);
        const int width = w->table()->columnWidth(ItemTableModel::NameColumn);
        const QFontMetrics fm = w->table()->fontMetrics();
        QSet<QString> right, middle;
        for (int r = 0; r < model->rowCount(); ++r) {
            const QString name = model->summary(r)->name;
            QCOMPARE(model->data(model->index(r, ItemTableModel::NameColumn), Qt::ToolTipRole)
                         .toString(),
                     name);
            right.insert(fm.elidedText(name, Qt::ElideRight, width));
            middle.insert(fm.elidedText(name, Qt::ElideMiddle, width));
        }
        QVERIFY2(right.size() < model->rowCount(), "the names should be too long for the column");
        QVERIFY(middle.size() > right.size());
    }

    // In a narrow pane the title wraps between words of the name
    // ("virDomainQemu|MonitorCommand..."), never inside one.
    void detailTitleWrapsBetweenWords()
    {
        auto w = openWindow();
        QVERIFY(w);
        DetailView narrow;
        narrow.setSnapshot(w->snapshot(), 0);
        narrow.resize(160, 500);
        narrow.show();
        QVERIFY(narrow.showName(QStringLiteral("virDomainQemuMonitorCommandWithFiles")));
        QCoreApplication::processEvents();
        const QTextBlock title = narrow.document()->begin();
        QCOMPARE(QString(title.text()).remove(QChar(0x200B)), QStringLiteral("virDomainQemuMonitorCommandWithFiles"));
        QTextLayout *layout = title.layout();
        QVERIFY(layout);
        QVERIFY2(layout->lineCount() > 1, "the pane should be too narrow for the name on one line");
        for (int i = 1; i < layout->lineCount(); ++i) {
            const int start = layout->lineAt(i).textStart();
            QVERIFY2(title.text().at(start - 1) == QChar(0x200B) && title.text().at(start).isUpper(),
                     qPrintable(title.text().left(start) + QLatin1Char('|')));
        }
    }

    // The sidebar shows "XML namespace extensions (N)" whole, and an empty
    // taint reason says why when selected.
    void sidebarFitsAndExplainsEmptyReasons()
    {
        auto w = openWindow();
        QVERIFY(w);
        const qint64 ns = guitest::sqlCount(
            m_index, QStringLiteral("SELECT count(*) FROM items WHERE latest <> 0 AND tier = "
                                    "'namespace-extension' AND kind LIKE 'xml%'"));
        const QString label = QStringLiteral("XML namespace extensions (%1)").arg(QLocale().toString(ns));
        QListView *side = w->sidebarView();
        QCOMPARE(
            w->sidebarModel()
                ->data(w->sidebarModel()->index(w->sidebarModel()->rowOf(QStringLiteral("xml-ns"))))
                .toString(),
            label);
        // Laid out after the counts arrive.
        QTRY_VERIFY2(side->viewport()->width() >= side->fontMetrics().horizontalAdvance(label),
                     qPrintable(QString::number(side->viewport()->width())));
        // shell-scripts reaches <interface><script>: its count is the SQL's, not 0.
        const qint64 scripts =
            guitest::sqlCount(m_index, QStringLiteral("SELECT count(*) FROM items WHERE latest <> "
                                                      "0 AND taints LIKE '%\"shell-scripts\"%'"));
        QVERIFY(scripts >= 2);
        QCOMPARE(w->sidebarModel()->count(
                     w->sidebarModel()->rowOf(QStringLiteral("taint:shell-scripts"))),
                 int(scripts));
        // hook-script: only a host condition sets it.
        w->selectSidebarEntry(QStringLiteral("taint:hook-script"));
        QVERIFY(w->isShowingEmptyState());
        QVERIFY2(w->emptyStateText().contains(QLatin1String("host condition")),
                 qPrintable(w->emptyStateText()));
        QVERIFY(w->detailView()->toPlainText().contains(
            QLatin1String("No API or XML sets this reason")));
    }

    // libvirt-python's names in the search box: the empty view says which C
    // item the binding calls (class virDomain's messages() calls
    // virDomainGetMessages in bookworm's libvirt.py), and its link searches
    // for that item and selects it.
    void searchBoxReadsLibvirtPythonNames()
    {
        QString why;
        const QString binding = testdata::libvirtBinding(&why);
        if (binding.isEmpty())
            QSKIP(qPrintable(why));
        qputenv("VSE_PYTHON_LIBVIRT", binding.toUtf8());
        auto w = openWindow();
        QVERIFY(w);
        w->filterBar()->setSearchText(QStringLiteral("dom.messages()"));
        w->applyFilter();
        QVERIFY(w->isShowingEmptyState());
        QTRY_VERIFY2_WITH_TIMEOUT(w->emptyStateText().contains(QLatin1String("virDomain.messages calls")),
                                  qPrintable(w->emptyStateText()), 30000);
        QLabel *label = emptyViewLabel(w.get());
        QVERIFY(label);
        const QRegularExpressionMatch href = QRegularExpression(QStringLiteral("href=\"([^\"]+)\">virDomainGetMessages<"))
                                                 .match(label->text());
        QVERIFY2(href.hasMatch(), qPrintable(label->text()));
        Q_EMIT label->linkActivated(href.captured(1));
        QCOMPARE(w->filterBar()->filter().text, QStringLiteral("virDomainGetMessages"));
        QVERIFY(!w->isShowingEmptyState());
        const QModelIndex current = w->table()->currentIndex();
        QVERIFY(current.isValid());
        QCOMPARE(w->tableModel()->summary(current.row())->name, QStringLiteral("virDomainGetMessages"));
        // A method of several classes: each class's function, none guessed.
        w->filterBar()->setSearchText(QStringLiteral("dom.create()"));
        w->applyFilter();
        QVERIFY2(w->emptyStateText().contains(QStringLiteral("virNetwork.create \u2192 ")) &&
                     w->emptyStateText().contains(QStringLiteral("virDomain.create \u2192 ")),
                 qPrintable(w->emptyStateText()));
        // Not Python, not markup: the typed text as typed.
        w->filterBar()->setSearchText(QStringLiteral("<nosuchtag/>"));
        w->applyFilter();
        QVERIFY(w->isShowingEmptyState());
        QCOMPARE(label->textFormat(), Qt::PlainText);
        QVERIFY2(w->emptyStateText().contains(QLatin1String("\"<nosuchtag/>\"")), qPrintable(w->emptyStateText()));
        qunsetenv("VSE_PYTHON_LIBVIRT");
    }

    // A schema file typed in the search box ("storagevol.rng" as a
    // validation error names it): the empty view names its documents' root,
    // whose link selects it; a connection URI names its driver.
    void searchBoxReadsSchemaFilesAndUris()
    {
        auto w = openWindow();
        QVERIFY(w);
        w->filterBar()->setSearchText(QStringLiteral("storagevol.rng"));
        w->applyFilter();
        QVERIFY(w->isShowingEmptyState());
        QVERIFY2(w->emptyStateText().contains(QLatin1String("storagevol.rng is the schema of the documents whose root "
                                                            "element is ")),
                 qPrintable(w->emptyStateText()));
        QLabel *label = emptyViewLabel(w.get());
        QVERIFY(label);
        // libvirt names a volume document's root <volume> (the define is "vol").
        const QRegularExpressionMatch href =
            QRegularExpression(QStringLiteral("href=\"([^\"]+)\">volume<")).match(label->text());
        QVERIFY2(href.hasMatch(), qPrintable(label->text()));
        Q_EMIT label->linkActivated(href.captured(1));
        QVERIFY(!w->isShowingEmptyState());
        const QModelIndex current = w->table()->currentIndex();
        QVERIFY(current.isValid());
        QCOMPARE(w->tableModel()->summary(current.row())->name, QStringLiteral("volume"));

        w->filterBar()->setSearchText(QStringLiteral("qemu+ssh://root@host.example/system"));
        w->applyFilter();
        QVERIFY(w->isShowingEmptyState());
        QVERIFY2(w->emptyStateText().contains(QLatin1String("a connection URI of the qemu driver")),
                 qPrintable(w->emptyStateText()));
    }

    // An error number as a binding prints it, typed in the search box: the
    // empty view names its VIR_ERR_ / VIR_FROM_ values (read here from the
    // installed virterror.h), and a link selects one; --select takes it too.
    // virsh's "error: Domain not found: ..." typed or pasted in the search
    // box: no row has that name; the empty view names the code it quotes.
    void searchBoxReadsErrorMessages()
    {
        auto w = openWindow();
        QVERIFY(w);
        const QString typed = QStringLiteral("error: Domain not found: no domain with matching name 'web1'");
        w->filterBar()->setSearchText(typed);
        w->applyFilter();
        QVERIFY(w->isShowingEmptyState());
        QVERIFY2(w->emptyStateText().contains(QStringLiteral("\"Domain not found\" is libvirt's message for <a ")) &&
                     w->emptyStateText().contains(QStringLiteral(">VIR_ERR_NO_DOMAIN</a>.")),
                 qPrintable(w->emptyStateText()));
        w->filterBar()->setSearchText(QString());
        w->applyFilter();
        QVERIFY(w->selectName(typed));
        QCOMPARE(w->tableModel()->summary(w->table()->currentIndex().row())->name, QStringLiteral("VIR_ERR_NO_DOMAIN"));
    }

    void searchBoxReadsSymbolVersionNodes()
    {
        auto w = openWindow();
        QVERIFY(w);
        w->filterBar()->setSearchText(QStringLiteral("./app: /lib64/libvirt.so.0: version `LIBVIRT_7.1.0' not found"));
        w->applyFilter();
        QVERIFY(w->isShowingEmptyState());
        QVERIFY2(w->emptyStateText().contains(QLatin1String("LIBVIRT_7.1.0 is libvirt.so.0's symbol version node of "
                                                            "libvirt 7.1.0")) &&
                     w->emptyStateText().contains(QLatin1String(">virDomainGetMessages</a>")),
                 qPrintable(w->emptyStateText()));
        // libvirt 7.0.0 added no function: no release has its node.
        w->filterBar()->setSearchText(QStringLiteral("version `LIBVIRT_7.0.0' not found"));
        w->applyFilter();
        QVERIFY2(w->emptyStateText().contains(QLatin1String("no libvirt release this tool knows has it")),
                 qPrintable(w->emptyStateText()));
        w->filterBar()->setSearchText(QString());
        w->applyFilter();
        QVERIFY(w->selectName(QStringLiteral("virDomainGetMessages@@LIBVIRT_7.1.0")));
        QCOMPARE(w->tableModel()->summary(w->table()->currentIndex().row())->name, QStringLiteral("virDomainGetMessages"));
    }

    // A taint reason pasted from a guest's log lists the items that set it
    // (as `search` does); one the catalogue lacks is said in the empty view;
    // --select opens the reason's sidebar entry.
    void searchBoxReadsTaintReasons()
    {
        auto w = openWindow();
        QVERIFY(w);
        w->filterBar()->setSearchText(QStringLiteral("2024-05-02 10:11:12.345+0000: Domain id=3 is tainted: custom-argv"));
        w->applyFilter();
        QVERIFY(!w->isShowingEmptyState());
        QVERIFY(w->tableModel()->rowCount() >= 3);
        for (int r = 0; r < w->tableModel()->rowCount(); ++r)
            QVERIFY2(w->tableModel()->summary(r)->name.startsWith(QLatin1String("domain/qemu:commandline")),
                     qPrintable(w->tableModel()->summary(r)->name));
        // Typing on from there is a fresh search, not a narrowing of those rows.
        w->filterBar()->setSearchText(QStringLiteral("custom-arg"));
        w->applyFilter();
        QCOMPARE(w->tableModel()->rowCount(), 0); // no name holds "custom-arg" closely enough
        w->filterBar()->setSearchText(QStringLiteral("custom-argv"));
        w->applyFilter();
        QVERIFY(w->tableModel()->rowCount() >= 3);
        w->filterBar()->setSearchText(QStringLiteral("Domain id=3 is tainted: frob-nicate"));
        w->applyFilter();
        QVERIFY(w->isShowingEmptyState());
        QVERIFY2(w->emptyStateText().contains(QLatin1String("is a taint reason this tool does not know")),
                 qPrintable(w->emptyStateText()));
        w->filterBar()->setSearchText(QString());
        w->applyFilter();
        QVERIFY(w->selectName(QStringLiteral("custom-argv")));
        QVERIFY(!w->isShowingEmptyState());
        QVERIFY(w->tableModel()->rowCount() >= 3);
        for (int r = 0; r < w->tableModel()->rowCount(); ++r)
            QVERIFY(w->tableModel()->summary(r)->name.startsWith(QLatin1String("domain/qemu:commandline")));
    }

    // The reason's page links a daemon setting that sets it to the option's
    // item (qemu.conf:user for high-privileges), which opens on a click.
    void taintReasonPageLinksSettings()
    {
        auto w = openWindow();
        QVERIFY(w);
        QVERIFY(w->selectName(QStringLiteral("high-privileges")));
        const QString html = w->detailView()->toHtml();
        QVERIFY2(html.contains(QLatin1String("vse:name/qemu.conf:user")) &&
                     html.contains(QLatin1String("vse:name/qemu.conf:group")),
                 qPrintable(w->detailView()->toPlainText()));
        // As a click does (QTextBrowser hands the link to the view).
        Q_EMIT w->detailView()->anchorClicked(QUrl(QStringLiteral("vse:name/qemu.conf:user")));
        QVERIFY2(w->detailView()->toPlainText().contains(QLatin1String("qemu.conf")) &&
                     w->detailView()->toPlainText().contains(QLatin1String("high-privileges")),
                 qPrintable(w->detailView()->toPlainText()));
    }

    void searchBoxReadsErrorNumbers()
    {
        QFile header(QStringLiteral("/usr/include/libvirt/virterror.h"));
        QVERIFY(header.open(QIODevice::ReadOnly));
        QString noDomain, qemu;
        static const QRegularExpression valueRe(QStringLiteral("^\\s*(VIR_(?:ERR|FROM)_\\w+)\\s*=\\s*(\\d+)\\s*,"));
        for (const QByteArray &line : header.readAll().split('\n'))
            if (const auto m = valueRe.match(QString::fromUtf8(line)); m.hasMatch()) {
                if (m.captured(1).startsWith(QLatin1String("VIR_ERR_")) && m.captured(2) == QLatin1String("42"))
                    noDomain = m.captured(1);
                if (m.captured(1).startsWith(QLatin1String("VIR_FROM_")) && m.captured(2) == QLatin1String("10"))
                    qemu = m.captured(1);
            }
        QVERIFY(!noDomain.isEmpty() && !qemu.isEmpty());
        auto w = openWindow();
        QVERIFY(w);
        w->filterBar()->setSearchText(QStringLiteral("virError(Code=42, Domain=10, Message='Domain not found')"));
        w->applyFilter();
        QVERIFY(w->isShowingEmptyState());
        QVERIFY2(w->emptyStateText().contains(QStringLiteral("libvirt's error code 42 is <a ")) &&
                     w->emptyStateText().contains(QStringLiteral(">%1</a>; error domain 10 is <a ").arg(noDomain)) &&
                     w->emptyStateText().contains(QStringLiteral(">%1</a>.").arg(qemu)),
                 qPrintable(w->emptyStateText()));
        QLabel *label = emptyViewLabel(w.get());
        QVERIFY(label);
        const QRegularExpressionMatch href =
            QRegularExpression(QStringLiteral("href=\"([^\"]+)\">%1<").arg(qemu)).match(label->text());
        QVERIFY2(href.hasMatch(), qPrintable(label->text()));
        Q_EMIT label->linkActivated(href.captured(1));
        QCOMPARE(w->filterBar()->filter().text, qemu);
        QCOMPARE(w->tableModel()->summary(w->table()->currentIndex().row())->name, qemu);
        // Selected by its number, as --select and links do.
        w->filterBar()->setSearchText(QString());
        w->applyFilter();
        QVERIFY(w->selectName(QStringLiteral("error code 42")));
        QCOMPARE(w->tableModel()->summary(w->table()->currentIndex().row())->name, noDomain);
    }

    // A long word pasted into the search box (a path, a blob): the empty
    // view quoted it whole, and a word cannot wrap, so the window grew to
    // fit it (222 000 pixels wide for 51 kB). The window keeps its width
    // and the quote is cut in the middle.
    void longPastedWordKeepsTheWindowWidth()
    {
        auto w = openWindow();
        QVERIFY(w);
        w->resize(1100, 700);
        QApplication::processEvents();
        const int width = w->width();
        const QString pasted = QStringLiteral("virDomainGetState").repeated(3000);
        w->filterBar()->setSearchText(pasted);
        w->applyFilter();
        QVERIFY(w->isShowingEmptyState());
        QApplication::processEvents();
        QCOMPARE(w->width(), width);
        const QString text = w->emptyStateText();
        const QString typed = w->filterBar()->filter().text; // the line edit keeps 32 767 characters
        QVERIFY2(text.size() < 300 && text.contains(QStringLiteral("\"") + typed.left(60) + QStringLiteral("\u2026")) &&
                     text.contains(QStringLiteral("\u2026") + typed.right(30) + QStringLiteral("\" with these filters.")),
                 qPrintable(text.left(400)));
    }

    // Check domain XML: the verdict comes first, each taint explained, then the nodes.
    void checkDomainXmlVerdictOnTop()
    {
        auto w = openWindow();
        QVERIFY(w);
        CheckXmlDialog dialog(w->snapshot(), Version(6, 0, 0), w.get());
        dialog.setXml(QStringLiteral(
            "<domain type='kvm' xmlns:qemu='http://libvirt.org/schemas/domain/qemu/1.0'>\n"
            "  <name>t</name>\n  <memory>1024</memory>\n"
            "  <os><type>hvm</type></os>\n"
            "  <devices>\n    <interface type='ethernet'>\n      <script path='/etc/qemu-ifup'/>\n"
            "    </interface>\n  </devices>\n"
            "  <qemu:commandline><qemu:arg value='-S'/></qemu:commandline>\n"
            "</domain>\n"));
        QSignalSpy checked(&dialog, &CheckXmlDialog::checked);
        dialog.runCheck();
        QVERIFY(checked.wait(60000));
        const QStringList lines = dialog.reportText().split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        QVERIFY(lines.size() > 5);
        QCOMPARE(lines.at(0),
                 QStringLiteral(
                     "supported but tainted for libvirt 6.0.0: shell-scripts, custom-argv; uses "
                     "namespace extensions (qemu)"));
        const Policy &p = Policy::instance();
        QCOMPARE(lines.at(1), QStringLiteral("shell-scripts: ") +
                                  p.taintReason(QStringLiteral("shell-scripts")).meaning);
        QCOMPARE(lines.at(2), QStringLiteral("custom-argv: ") +
                                  p.taintReason(QStringLiteral("custom-argv")).meaning);
        // Caveats first: the script row comes before any plain stable use.
        const QString text = dialog.reportText();
        QVERIFY(text.indexOf(QLatin1String("domain/devices/interface/script")) <
                text.indexOf(QLatin1String("Also uses")));
        QCOMPARE(text.count(QLatin1String("domain/qemu:commandline\t")) +
                     text.count(QLatin1String("domain/qemu:commandline\n")),
                 1);
    }

private:
    static QStringList apiKinds()
    {
        QStringList out;
        for (const QString &k : allKindIds()) {
            ItemKind kind;
            if (kindFromId(k, &kind) && kindFamily(kind) == QLatin1String("api"))
                out << k;
        }
        return out;
    }
};

QTEST_MAIN(TestExplorer)
#include "tst_explorer.moc"
