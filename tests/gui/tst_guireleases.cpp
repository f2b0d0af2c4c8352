// The explorer on an index of two releases (the installed libvirt and the
// corpus's 1.3.5 source tree): one row per item by default, removed items
// found and marked, the release history and drivers in the detail pane, the
// driver filter, and the policy audit. Expected numbers come from SQL over
// the index file and from core's auditReleases on releases read separately.
#include "guitestindex.h"
#include "guitestwindow.h"

#include "auditdialog.h"
#include "auditmodel.h"
#include "detailrenderer.h"
#include "detailview.h"
#include "filterbar.h"
#include "index/releasediff.h"
#include "itemtablemodel.h"
#include "mainwindow.h"
#include "model/policy.h"
#include "policytext.h"
#include "releasefactshtml.h"
#include "sidebarmodel.h"

#include <QAbstractItemModelTester>
#include <QCheckBox>
#include <QComboBox>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableView>
#include <QTest>

using namespace vse;
using namespace vse::gui;

class TestGuiReleases : public QObject
{
    Q_OBJECT

    QString m_index;
    SnapshotPtr m_snapshot;

    qint64 sql(const QString &where) const
    {
        return guitest::sqlCount(m_index,
                                 QStringLiteral("SELECT count(*) FROM items WHERE ") + where);
    }
    // The newest row of an item: the merger's "latest" fact (the column
    // agrees once the store writes 0 for older rows).
    static QString latest()
    {
        return QStringLiteral("latest = 1 AND json_extract(attrs, '$.latest') = 1");
    }
    // Removed: a newer release lacks it, or every driver but the forwarding
    // remote one dropped it.
    static QString removedWhere()
    {
        return QStringLiteral("(json_extract(attrs, '$.removedIn') IS NOT NULL OR ("
                              "EXISTS (SELECT 1 FROM json_each(items.attrs, '$.drivers') WHERE "
                              "json_extract(value, '$.driver') != 'remote') AND "
                              "NOT EXISTS (SELECT 1 FROM json_each(items.attrs, '$.drivers') WHERE "
                              "json_extract(value, '$.driver') != 'remote' "
                              "AND json_extract(value, '$.removed') IS NULL)))");
    }
    // Where only one driver removal decides (as for virDomainQemuAttach), its version.
    QString removedInSql(const QString &name) const
    {
        return guitest::sqlText(
            m_index,
            QStringLiteral(
                "SELECT coalesce(json_extract(attrs, '$.removedIn'), (SELECT "
                "max(json_extract(value, '$.removed')) FROM json_each(items.attrs, '$.drivers') "
                "WHERE json_extract(value, '$.driver') != 'remote')) FROM items WHERE name = '%1' "
                "AND %2")
                .arg(name, latest()));
    }
    std::unique_ptr<MainWindow> openWindow() const
    {
        return guitest::openWindow(m_index, 60000);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        VSE_REQUIRE_RELEASES_INDEX(path);
        m_index = path;
        Diagnostics d;
        m_snapshot = IndexSnapshot::load(m_index, &d);
        QVERIFY(m_snapshot);
        QCOMPARE(m_snapshot->releases().size(), 2);
    }

    void oneRowPerItemByDefault()
    {
        ItemTableModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setSnapshot(m_snapshot);
        model.setFilter(ViewFilter()); // the default: newest row of every item
        const qint64 newest = sql(latest());
        QVERIFY(newest > 1000);
        QVERIFY(newest < sql(QStringLiteral("1"))); // items in both releases are listed once
        QCOMPARE(qint64(model.rowCount()), newest);
        // The release picker still shows exactly one release's items.
        for (const StoredRelease &r : m_snapshot->releases()) {
            ViewFilter f;
            f.releaseId = r.id;
            model.setFilter(f);
            QCOMPARE(qint64(model.rowCount()), sql(QStringLiteral("release_id = %1").arg(r.id)));
        }
        SidebarModel sidebar;
        sidebar.setSnapshot(m_snapshot, 0);
        QCOMPARE(qint64(sidebar.count(sidebar.rowOf(QStringLiteral("all")))), newest);
    }

    void removedItemsAreGreyedWithTooltip()
    {
        ItemTableModel model;
        model.setSnapshot(m_snapshot);
        ViewFilter f;
        model.setFilter(f);
        int removed = 0;
        int attach = -1;
        for (int r = 0; r < model.rowCount(); ++r) {
            if (!model.index(r, 0).data(ItemTableModel::RemovedInRole).toString().isEmpty())
                ++removed;
            if (model.summary(r)->name == QLatin1String("virDomainQemuAttach"))
                attach = r;
        }
        QCOMPARE(qint64(removed), sql(latest() + QStringLiteral(" AND ") + removedWhere()));
        QVERIFY2(attach >= 0,
                 "virDomainQemuAttach (gone from the installed libvirt) is not findable");
        const QString expected = removedInSql(QStringLiteral("virDomainQemuAttach"));
        QVERIFY(!expected.isEmpty());
        const QModelIndex name = model.index(attach, ItemTableModel::NameColumn);
        QCOMPARE(name.data(ItemTableModel::RemovedInRole).toString(), expected);
        QCOMPARE(model.index(attach, ItemTableModel::RemovedColumn).data().toString(), expected);
        QVERIFY(name.data(Qt::ToolTipRole)
                    .toString()
                    .contains(QStringLiteral("Removed in ") + expected));
        QCOMPARE(name.data(Qt::ForegroundRole).value<QBrush>().color(),
                 QApplication::palette().brush(QPalette::Disabled, QPalette::Text).color());
    }

    void removedBannerSaysWhetherAllowed()
    {
        auto w = openWindow();
        QVERIFY(w);
        QVERIFY(w->selectName(QStringLiteral("virDomainQemuAttach")));
        QCOMPARE(w->detailView()->currentItem().name, QStringLiteral("virDomainQemuAttach"));
        const QString text = w->detailView()->toPlainText();
        const QString banner =
            QStringLiteral("Removed in %1 (allowed for %2)")
                .arg(removedInSql(QStringLiteral("virDomainQemuAttach")),
                     policytext::tierGroupLabel(QStringLiteral("hypervisor-specific")));
        QVERIFY2(text.contains(banner), qPrintable(text));

        // A removed stable item points to the audit instead, and the link opens it.
        const QString stable = guitest::sqlText(
            m_index,
            QStringLiteral("SELECT name FROM items WHERE %1 AND tier IN (%2) AND "
                           "json_extract(attrs, '$.removedIn') IS NOT NULL ORDER BY name LIMIT 1")
                .arg(latest(), guitest::sqlList(guitest::tiersOfGroup(QStringLiteral("stable")))));
        if (stable.isEmpty())
            QSKIP("no stable item was removed between the indexed releases");
        QVERIFY(w->selectName(stable));
        const QString stableText = w->detailView()->toPlainText();
        QVERIFY2(stableText.contains(
                     QStringLiteral("Removed in %1 \u2014 a stable interface: see the audit")
                         .arg(removedInSql(stable))),
                 qPrintable(stableText));
        QSignalSpy audit(w->detailView(), &DetailView::auditRequested);
        Q_EMIT w->detailView()->anchorClicked(ReleaseFactsHtml::auditLink());
        QCOMPARE(audit.count(), 1);
    }

    void detailShowsHistoryDriversAndLinks()
    {
        DetailRenderer renderer;
        DetailRenderer::Context ctx;
        // Releases and removed-in of virDomainQemuAttach, as stored.
        const qint64 attach = m_snapshot->findByName(QStringLiteral("virDomainQemuAttach"), 0);
        QVERIFY(attach > 0);
        const QString attachHtml = renderer.itemHtml(m_snapshot->item(attach), ctx);
        const QString releases = guitest::sqlText(
            m_index,
            QStringLiteral(
                "SELECT group_concat(value, ', ') FROM items, json_each(items.attrs, '$.releases') "
                "WHERE name = 'virDomainQemuAttach' AND ") +
                latest());
        QVERIFY(!releases.isEmpty());
        QVERIFY2(attachHtml.contains(releases), qPrintable(releases));

        // The drivers of an API, one table row each, as many as the stored list has.
        const QString api = guitest::sqlText(
            m_index,
            QStringLiteral("SELECT name FROM items WHERE %1 AND kind = 'function' AND "
                           "json_array_length(attrs, '$.drivers') > 3 ORDER BY name LIMIT 1")
                .arg(latest()));
        QVERIFY2(!api.isEmpty(), "no API with driver support facts in the index");
        const qint64 drivers = guitest::sqlCount(
            m_index,
            QStringLiteral(
                "SELECT json_array_length(attrs, '$.drivers') FROM items WHERE name = '%1' AND %2")
                .arg(api, latest()));
        const QString table =
            ReleaseFactsHtml::driversTable(ItemAnswer::of(m_snapshot->item(m_snapshot->findByName(api, 0))));
        QCOMPARE(qint64(table.count(QStringLiteral("<tr><td>"))), drivers);

        // API -> RPC procedure links, and back, and the access checks. The
        // installed libvirt has no .x files: the newest row of an API borrows
        // them from the source tree's row, and says so.
        DetailView view;
        view.setSnapshot(m_snapshot, 0);
        for (const char *path : {"$.procedures[0].name", "$.api"}) {
            const QString row = guitest::sqlText(
                m_index,
                QStringLiteral("SELECT name || '|' || json_extract(attrs, '%1') FROM items WHERE "
                               "json_extract(attrs, '%1') IS NOT NULL ORDER BY name LIMIT 1")
                    .arg(QString::fromLatin1(path)));
            QVERIFY2(!row.isEmpty(), path);
            QVERIFY(view.showName(row.section(QLatin1Char('|'), 0, 0)));
            const QString target = DetailRenderer::nameLink(row.section(QLatin1Char('|'), 1))
                                       .toString(QUrl::FullyEncoded);
            QVERIFY2(view.itemHtml().contains(QStringLiteral("href=\"") + target.toHtmlEscaped()),
                     qPrintable(row));
        }
        const QString acl = guitest::sqlText(
            m_index,
            QStringLiteral(
                "SELECT name || '|' || json_extract(attrs, '$.procedures[0].acl[0]') FROM items "
                "WHERE json_extract(attrs, '$.procedures[0].acl[0]') IS NOT NULL ORDER BY name "
                "LIMIT 1"));
        QVERIFY(!acl.isEmpty());
        QVERIFY(view.showName(acl.section(QLatin1Char('|'), 0, 0)));
        const QString text = view.toPlainText();
        QVERIFY2(text.contains(QStringLiteral("Access control")) &&
                     text.contains(acl.section(QLatin1Char('|'), 1)),
                 qPrintable(acl));
        // The newest row is the installed one, without .x files: the links are marked as borrowed.
        if (view.currentItem().attrs.value(QStringLiteral("_release")).toString().toLongLong() ==
            m_snapshot->newestReleaseId())
            QVERIFY(text.contains(QStringLiteral("(as of ")));
    }

    void otherNamesAreLinks()
    {
        // The two-release index above has no renamed item (the installed
        // libvirt ships no .x files); corpus 1.0.0 and 1.3.5 have one:
        // procedure 1 of remote_protocol.x, renamed, read here from the files.
        VSE_REQUIRE_CORPUS();
        static const QRegularExpression one(
            QStringLiteral("^\\s*(REMOTE_PROC_\\w+)\\s*=\\s*1\\s*,"),
            QRegularExpression::MultilineOption);
        const auto nameOfOne = [](const char *release) {
            QFile f(testdata::corpusDir() + QLatin1Char('/') + QLatin1String(release) +
                    QStringLiteral("/src/remote/remote_protocol.x"));
            return f.open(QIODevice::ReadOnly)
                       ? one.match(QString::fromUtf8(f.readAll())).captured(1)
                       : QString();
        };
        const QString oldName = nameOfOne("1.0.0");
        const QString newName = nameOfOne("1.3.5");
        QCOMPARE(oldName, QStringLiteral("REMOTE_PROC_OPEN"));
        QCOMPARE(newName, QStringLiteral("REMOTE_PROC_CONNECT_OPEN"));

        const QString index = guitest::tempDir().filePath(QStringLiteral("renamed.sqlite"));
        const Indexer::Result r = Indexer::run({testdata::corpusDir() + QStringLiteral("/1.0.0"),
                                                testdata::corpusDir() + QStringLiteral("/1.3.5")},
                                               index);
        QVERIFY(r.ok);
        QCOMPARE(
            guitest::sqlText(
                index, QStringLiteral("SELECT json_extract(attrs, '$.otherNames[0]') FROM items "
                                      "WHERE name = '%1' AND latest = 1")
                           .arg(newName)),
            oldName);
        Diagnostics d;
        const SnapshotPtr snapshot = IndexSnapshot::load(index, &d);
        QVERIFY(snapshot);
        DetailRenderer renderer;
        const qint64 id = snapshot->findByName(newName, 0);
        QVERIFY(id > 0);
        const QString html = renderer.itemHtml(snapshot->item(id), {});
        QVERIFY2(html.contains(DetailRenderer::nameLink(oldName).toString(QUrl::FullyEncoded)),
                 qPrintable(html));
        // And the link leads to the old row.
        DetailView view;
        view.setSnapshot(snapshot, 0);
        QVERIFY(view.showName(oldName));
        QCOMPARE(view.currentItem().identity(), QStringLiteral("remote/1"));
    }

    void driverFilter_data()
    {
        QTest::addColumn<QString>("driver");
        for (const char *d : {"qemu", "lxc", "test", "esx"})
            QTest::newRow(d) << QString::fromLatin1(d);
    }
    void driverFilter()
    {
        QFETCH(QString, driver);
        auto w = openWindow();
        QVERIFY(w);
        // The choices are the drivers the index names.
        QComboBox *box = w->filterBar()->driverBox();
        QVERIFY(box->findData(driver) > 0);
        for (int i = 1; i < box->count(); ++i)
            QVERIFY(sql(QStringLiteral("(',' || drivers || ',') LIKE '%,%1,%'")
                            .arg(box->itemData(i).toString())) > 0);
        const int all = w->tableModel()->rowCount();
        w->filterBar()->setDriver(driver);
        w->applyFilter();
        const qint64 expected = sql(
            latest() + QStringLiteral(" AND (',' || drivers || ',') LIKE '%,%1,%'").arg(driver));
        QVERIFY(expected > 0);
        QCOMPARE(qint64(w->tableModel()->rowCount()), expected);
        QVERIFY(w->tableModel()->rowCount() < all);
        w->filterBar()->setDriver(QString());
        w->applyFilter();
        QCOMPARE(w->tableModel()->rowCount(), all);
    }

    void auditListsViolationsThenAllowed()
    {
        // The reference: core's audit over the releases read from a separate store.
        Store store;
        Diagnostics d;
        QVERIFY(store.open(m_index, &d));
        QList<Release> releases;
        for (const StoredRelease &s : store.releases())
            releases << store.loadRelease(s);
        const QList<AuditFinding> findings = auditReleases(releases);
        const int violations = int(std::count_if(
            findings.cbegin(), findings.cend(), [](const AuditFinding &f) { return f.violation; }));
        QVERIFY(!findings.isEmpty());

        auto w = openWindow();
        QVERIFY(w);
        AuditDialog *dialog = w->showAudit();
        QVERIFY(dialog);
        QAbstractItemModelTester tester(dialog->model(),
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        if (dialog->isRunning()) {
            QSignalSpy finished(dialog, &AuditDialog::finished);
            QVERIFY(finished.wait(120000));
        }
        QCOMPARE(dialog->model()->rowCount(), violations);
        for (int r = 0; r < dialog->model()->rowCount(); ++r)
            QVERIFY(dialog->model()->index(r, 0).data(AuditModel::ViolationRole).toBool());
        // Not only the same numbers as core: a break read from the files is
        // listed. 1.3.5's snapshot schema enumerates the state "nostate",
        // the installed one does not.
        const auto fileHas = [](const QString &path, const QString &text) {
            QFile f(path);
            return f.open(QIODevice::ReadOnly) && QString::fromUtf8(f.readAll()).contains(text);
        };
        QVERIFY(fileHas(testdata::corpusDir() +
                            QStringLiteral("/1.3.5/docs/schemas/domainsnapshot.rng"),
                        QStringLiteral("<value>nostate</value>")));
        QVERIFY(!fileHas(QStringLiteral("/usr/share/libvirt/schemas/domainsnapshot.rng"),
                         QStringLiteral("<value>nostate</value>")));
        bool nostate = false;
        for (int r = 0; r < dialog->model()->rowCount(); ++r)
            nostate =
                nostate || dialog->model()
                                   ->index(r, AuditModel::ItemColumn)
                                   .data(AuditModel::ItemNameRole)
                                   .toString() == QLatin1String("domainsnapshot/state=nostate");
        QVERIFY2(nostate, "the removed snapshot state 'nostate' is not listed as a violation");
        dialog->allowedBox()->setChecked(true);
        QCOMPARE(dialog->model()->rowCount(), int(findings.size()));
        // Violations come first.
        for (int r = violations; r < dialog->model()->rowCount(); ++r)
            QVERIFY(!dialog->model()->index(r, 0).data(AuditModel::ViolationRole).toBool());
        QVERIFY(dialog->statusText().contains(QStringLiteral("%1 violation").arg(violations)));

        const QString md = dialog->exportText(ViewExporter::Format::Markdown);
        QCOMPARE(md.count(QLatin1Char('\n')), dialog->model()->rowCount() + 2);
        const QString csv = dialog->exportText(ViewExporter::Format::Csv);
        QCOMPARE(csv.count(QStringLiteral("\r\n")), dialog->model()->rowCount() + 1);

        // Activating a finding shows its item in the window.
        const QModelIndex item = dialog->model()->index(0, AuditModel::ItemColumn);
        Q_EMIT dialog->table()->activated(item);
        QCOMPARE(w->detailView()->currentItem().name,
                 item.data(AuditModel::ItemNameRole).toString());
    }

    void auditNeedsTwoReleases()
    {
        VSE_REQUIRE_INSTALLED_INDEX(single);
        Diagnostics d;
        const SnapshotPtr one = IndexSnapshot::load(single, &d);
        QVERIFY(one);
        QCOMPARE(one->releases().size(), 1);
        AuditDialog dialog(one);
        QVERIFY(!dialog.isRunning());
        QVERIFY(dialog.isShowingEmptyState());
        QVERIFY2(dialog.statusText().startsWith(
                     QLatin1String("Index at least two releases to audit them")),
                 qPrintable(dialog.statusText()));
    }
};

QTEST_MAIN(TestGuiReleases)
#include "tst_guireleases.moc"
