// Models, filters and text generators of the explorer, on a real index of the
// installed libvirt. Expected counts come from SQL over the index file and
// from the policy JSON, not from the code under test.
#include "guitestindex.h"

#include "answertext.h"
#include "model/policy.h"
#include "hitfinder.h"
#include "indexsnapshot.h"
#include "itemtablemodel.h"
#include "navigationhistory.h"
#include "policyguide.h"
#include "policyguidedialog.h"
#include "sidebarmodel.h"
#include "viewexporter.h"

#include <QAbstractItemModelTester>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QFont>
#include <QTest>

using namespace vse;
using namespace vse::gui;

class TestGuiModels : public QObject
{
    Q_OBJECT

    QString m_index;
    SnapshotPtr m_snapshot;
    qint64 m_release = 0;

    // Rows of the installed release only: the index also holds the release
    // history's rows (removed items, protocol), which a release filter excludes.
    qint64 sql(const QString &where) const
    {
        return guitest::sqlCount(m_index, QStringLiteral("SELECT count(*) FROM items WHERE release_id = %1 AND (%2)")
                                              .arg(m_release)
                                              .arg(where));
    }
    ViewFilter baseFilter() const
    {
        ViewFilter f;
        f.releaseId = m_release;
        return f;
    }

private Q_SLOTS:
    void initTestCase()
    {
        VSE_REQUIRE_INSTALLED_INDEX(path);
        m_index = path;
        Diagnostics d;
        m_snapshot = IndexSnapshot::load(m_index, &d);
        QVERIFY(m_snapshot);
        m_release = m_snapshot->newestReleaseId();
        QVERIFY(m_release > 0);
        QCOMPARE(qint64(m_snapshot->summaries().size()),
                 guitest::sqlCount(m_index, QStringLiteral("SELECT count(*) FROM items")));
    }

    void tableModelPassesModelTester()
    {
        ItemTableModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setSnapshot(m_snapshot);
        ViewFilter f = baseFilter();
        for (const char *text : {"vir", "virDomainGet", "xml:disk", "", "zzzzzz"}) {
            f.text = QString::fromLatin1(text);
            model.setFilter(f);
        }
        f.text.clear();
        f.target = Version(1, 0, 0);
        f.greyNewer = true;
        model.setFilter(f);
        QVERIFY(model.rowCount() > 0);
        model.setSnapshot(nullptr);
        QCOMPARE(model.rowCount(), 0);
    }

    void sidebarModelPassesModelTester()
    {
        SidebarModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setSnapshot(m_snapshot, m_release);
        const int all = model.rowOf(QStringLiteral("all"));
        QCOMPARE(qint64(model.count(all)), sql(QStringLiteral("release_id = %1").arg(m_release)));
        const int hv = model.rowOf(QStringLiteral("hypervisor-api"));
        QCOMPARE(qint64(model.count(hv)), sql(QStringLiteral("tier = 'hypervisor-specific'")));
        QVERIFY(!(model.flags(model.index(0)) & Qt::ItemIsSelectable)); // section header
    }

    void tierGroupFilter_data()
    {
        QTest::addColumn<QString>("group");
        for (const char *g : {"stable", "hypervisor-specific", "namespace-extension", "private", "unclassified"})
            QTest::newRow(g) << QString::fromLatin1(g);
    }
    void tierGroupFilter()
    {
        QFETCH(QString, group);
        const QStringList tiers = guitest::tiersOfGroup(group);
        QVERIFY2(!tiers.isEmpty(), "tiers.json names no tier of this group");
        ItemTableModel model;
        model.setSnapshot(m_snapshot);
        ViewFilter f = baseFilter();
        f.tierGroup = group;
        model.setFilter(f);
        QCOMPARE(qint64(model.rowCount()), sql(QStringLiteral("tier IN (%1)").arg(guitest::sqlList(tiers))));
        for (int r = 0; r < model.rowCount(); ++r)
            QVERIFY(tiers.contains(model.summary(r)->tier));
    }

    void hypervisorFilter()
    {
        ItemTableModel model;
        model.setSnapshot(m_snapshot);
        ViewFilter f = baseFilter();
        f.hypervisor = QStringLiteral("qemu");
        model.setFilter(f);
        const qint64 qemu = sql(QStringLiteral("hypervisor = 'qemu'"));
        QVERIFY(qemu > 0);
        QCOMPARE(qint64(model.rowCount()), qemu);
        f.hypervisor = QStringLiteral("-");
        model.setFilter(f);
        QCOMPARE(qint64(model.rowCount()), sql(QStringLiteral("(hypervisor IS NULL OR hypervisor = '')")));
    }

    void targetReleaseHidesOrGreys()
    {
        ItemTableModel model;
        model.setSnapshot(m_snapshot);
        ViewFilter f = baseFilter();
        f.target = Version(6, 0, 0);
        model.setFilter(f);
        // Certainly newer than 6.0.0: an exact since after it, or a release at
        // or after it known without the item; ranges containing it never exclude.
        const qint64 newer =
            sql(QStringLiteral("since_num > 6000000 OR (since_num IS NULL AND since_after_num >= 6000000)"));
        const qint64 total = sql(QStringLiteral("1"));
        QVERIFY(newer > 100);
        QCOMPARE(qint64(model.excludedNewer()), newer);
        QCOMPARE(qint64(model.rowCount()), total - newer);
        for (int r = 0; r < model.rowCount(); ++r) {
            const ItemSummary *s = model.summary(r);
            QVERIFY(s->sinceRange().fit(Version(6, 0, 0)) != SinceRange::Fit::TooNew);
        }
        // Ranges that contain 6.0.0 stay, marked (italic, role, count).
        const qint64 maybe = sql(QStringLiteral("since_num IS NULL AND since_upto_num > 6000000 AND "
                                                "(since_after_num IS NULL OR since_after_num < 6000000)"));
        QVERIFY(maybe > 0);
        QCOMPARE(qint64(model.maybeNewer()), maybe);
        int marked = 0;
        for (int r = 0; r < model.rowCount(); ++r)
            if (model.index(r, 0).data(ItemTableModel::MaybeNewerRole).toBool()) {
                ++marked;
                QVERIFY(model.index(r, 0).data(Qt::FontRole).value<QFont>().italic());
            }
        QCOMPARE(qint64(marked), maybe);
        f.greyNewer = true;
        model.setFilter(f);
        QCOMPARE(qint64(model.rowCount()), total);
        int greyed = 0;
        for (int r = 0; r < model.rowCount(); ++r)
            greyed += model.index(r, 0).data(ItemTableModel::NewerRole).toBool() ? 1 : 0;
        QCOMPARE(qint64(greyed), newer);
    }

    void rankingMatchesSearchEngine_data()
    {
        QTest::addColumn<QString>("text");
        for (const char *t : {"virDomainGetInfo", "virdomainget", "disk", "xml:disk", "api:lookup", "vdgi", "LAST",
                              "lstdom", "dmcrxml", "memfd",
                              "virsh:domstate", "virsh domstate", "<pstore/>", "config:log_level",
                              // shell patterns, as people type them
                              "virDomainGet*", "*Migrate*Params", "xml:dis?", "vir*Frob*"})
            QTest::newRow(t) << QString::fromLatin1(t);
    }
    void rankingMatchesSearchEngine()
    {
        QFETCH(QString, text);
        HitFinder finder;
        finder.setEngine(&m_snapshot->engine());
        ViewFilter f;
        f.text = text;
        const FindResult mine = finder.find(f);
        const QList<SearchHit> ref = m_snapshot->engine().search(SearchQuery::parse(text));
        QCOMPARE(mine.hits.size(), ref.size());
        for (qsizetype i = 0; i < ref.size(); ++i) {
            QCOMPARE(mine.hits.at(i).match, ref.at(i).match);
            QCOMPARE(m_snapshot->summaries().at(mine.hits.at(i).index).name,
                     m_snapshot->summaries().at(ref.at(i).index).name);
        }
        if (!SearchQuery::parse(text).text.isEmpty() && !ref.isEmpty()
            && QString::compare(m_snapshot->summaries().at(ref.first().index).name, SearchQuery::parse(text).text,
                                Qt::CaseInsensitive) == 0)
            QCOMPARE(mine.hits.first().match, MatchClass::Exact);
    }

    // A tag pasted with attributes: the values it names come first, in the
    // order typed, as `search` lists them; the elements follow.
    void tagWithAttributesListsItsReadingFirst()
    {
        const QString tag = QStringLiteral("<disk type='file' device='cdrom'>");
        HitFinder finder;
        finder.setEngine(&m_snapshot->engine());
        ViewFilter f;
        f.text = tag;
        const FindResult r = finder.find(f);
        const QList<int> reading = m_snapshot->engine().tagReading(tag);
        QCOMPARE(reading.size(), 2);
        QVERIFY(r.hits.size() > 2);
        const auto name = [&](int i) { return m_snapshot->summaries().at(i).name; };
        QVERIFY2(name(r.hits.at(0).index).endsWith(QLatin1String("/disk@type=file")), qPrintable(name(r.hits.at(0).index)));
        QVERIFY2(name(r.hits.at(1).index).endsWith(QLatin1String("/disk@device=cdrom")), qPrintable(name(r.hits.at(1).index)));
        QCOMPARE(r.hits.at(0).index, reading.at(0));
        QCOMPARE(r.hits.at(1).index, reading.at(1));
        // Listed once, and the elements named disk follow.
        QSet<int> seen;
        for (const SearchHit &h : r.hits)
            seen.insert(h.index);
        QCOMPARE(seen.size(), r.hits.size());
        QCOMPARE(name(r.hits.at(2).index).section(QLatin1Char('/'), -1), QStringLiteral("disk"));
    }

    void narrowingWhileTypingEqualsFreshSearch_data()
    {
        QTest::addColumn<QString>("word");
        QTest::newRow("name") << QStringLiteral("virDomainGetInfo");
        // After "vir*Get*Inf" comes "vir*Get*Info", which matches names the shorter pattern does not.
        QTest::newRow("pattern") << QStringLiteral("vir*Get*Info");
    }
    void narrowingWhileTypingEqualsFreshSearch()
    {
        QFETCH(QString, word);
        HitFinder typing;
        typing.setEngine(&m_snapshot->engine());
        ViewFilter f = baseFilter();
        for (qsizetype n = 1; n <= word.size(); ++n) {
            f.text = word.left(n);
            const FindResult narrowed = typing.find(f);
            HitFinder fresh;
            fresh.setEngine(&m_snapshot->engine());
            const FindResult full = fresh.find(f);
            QCOMPARE(narrowed.hits.size(), full.hits.size());
            for (qsizetype i = 0; i < full.hits.size(); ++i)
                QCOMPARE(narrowed.hits.at(i).index, full.hits.at(i).index);
        }
        if (!SearchEngine::isWildcard(word))
            QCOMPARE(m_snapshot->summaries().at(typing.find(f).hits.first().index).name, word);
        else // the pattern matches, and only what it should
            for (const SearchHit &h : typing.find(f).hits)
                QVERIFY(SearchEngine::wildcardMatch(m_snapshot->summaries().at(h.index).name.toLower(), word.toLower()));
    }

    void scopeLimitsFamily()
    {
        ItemTableModel model;
        model.setSnapshot(m_snapshot);
        ViewFilter f = baseFilter();
        f.text = QStringLiteral("xml:disk");
        model.setFilter(f);
        QVERIFY(model.rowCount() > 0);
        for (int r = 0; r < model.rowCount(); ++r)
            QCOMPARE(kindFamily(model.summary(r)->kind), QStringLiteral("xml"));
        // Exact matches of the last path segment rank first ("domain/devices/disk").
        const QString first = model.summary(0)->name;
        QVERIFY2(first.section(QRegularExpression(QStringLiteral("[/@=]")), -1) == QLatin1String("disk"), qPrintable(first));
        // virsh and config are scopes too, also typed as "virsh domstate"
        // (newest of each item: virsh comes from the release history).
        for (const QString &text : {QStringLiteral("virsh:domstate"), QStringLiteral("virsh domstate")}) {
            ViewFilter newest;
            newest.text = text;
            model.setFilter(newest);
            QVERIFY(model.rowCount() > 0);
            QCOMPARE(model.summary(0)->name, QStringLiteral("domstate"));
            for (int r = 0; r < model.rowCount(); ++r)
                QCOMPARE(kindFamily(model.summary(r)->kind), QStringLiteral("virsh"));
        }
    }

    void exportersWriteEveryRow()
    {
        ItemTableModel model;
        model.setSnapshot(m_snapshot);
        ViewFilter f = baseFilter();
        f.text = QStringLiteral("virDomainQemu");
        model.setFilter(f);
        QVERIFY(model.rowCount() > 3);
        const QString csv = ViewExporter::toText(model, ViewExporter::Format::Csv);
        QCOMPARE(csv.count(QStringLiteral("\r\n")), model.rowCount() + 1);
        QVERIFY(csv.contains(QStringLiteral("virDomainQemuMonitorCommand,")));
        const QJsonArray json =
            QJsonDocument::fromJson(ViewExporter::toText(model, ViewExporter::Format::Json).toUtf8()).array();
        QCOMPARE(json.size(), model.rowCount());
        QCOMPARE(json.first().toObject().value(QStringLiteral("name")).toString(), model.summary(0)->name);
        const QString md = ViewExporter::toText(model, ViewExporter::Format::Markdown);
        QCOMPARE(md.count(QLatin1Char('\n')), model.rowCount() + 2);
    }

    void copyAnswerNamesTaintAndEvidence()
    {
        const qint64 id = m_snapshot->findByName(QStringLiteral("virDomainQemuMonitorCommand"), m_release);
        QVERIFY(id > 0);
        const Item item = m_snapshot->item(id);
        const QString text = AnswerText::forItem(item);
        QVERIFY(text.startsWith(QLatin1String("virDomainQemuMonitorCommand  (")));
        QVERIFY(text.contains(QLatin1String("Taint:      custom-monitor")));
        QVERIFY(text.contains(Policy::instance().taintReason(QStringLiteral("custom-monitor")).meaning));
        QVERIFY(text.contains(Policy::instance().tier(item.tier).rule));
        QVERIFY(text.contains(QStringLiteral("Since:      ") + item.sinceRange().toString()));
        QVERIFY(text.contains(QStringLiteral("Hypervisor: qemu")));
        QVERIFY(text.contains(item.file + QLatin1Char(':') + QString::number(item.line)));
    }

    void policyGuideHasExamplesAndExportsPdf()
    {
        const PolicyGuide guide(m_snapshot);
        const QList<GuideExample> ex = guide.examples(QStringLiteral("hypervisor-specific"));
        QVERIFY(!ex.isEmpty());
        for (const GuideExample &e : ex)
            QCOMPARE(sql(QStringLiteral("name = '%1' AND tier = 'hypervisor-specific'").arg(e.name)) > 0, true);
        for (const QString &tier : PolicyGuide::tierIds())
            QVERIFY2(!PolicyGuide::explanation(tier).isEmpty(), qPrintable(tier));
        PolicyGuideDialog dialog(m_snapshot);
        const QString pdf = guitest::tempDir().filePath(QStringLiteral("guide.pdf"));
        QString error;
        QVERIFY2(dialog.exportPdf(pdf, &error), qPrintable(error));
        QFile f(pdf);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QVERIFY(f.read(5) == "%PDF-");
    }

    void navigationHistory()
    {
        NavigationHistory h;
        QVERIFY(!h.canGoBack());
        h.visit(QStringLiteral("a"));
        h.visit(QStringLiteral("b"));
        h.visit(QStringLiteral("c"));
        QCOMPARE(h.back(), QStringLiteral("b"));
        QCOMPARE(h.back(), QStringLiteral("a"));
        QVERIFY(!h.canGoBack());
        QCOMPARE(h.forward(), QStringLiteral("b"));
        h.visit(QStringLiteral("d")); // drops "c"
        QVERIFY(!h.canGoForward());
        QCOMPARE(h.back(), QStringLiteral("b"));
    }
};

QTEST_MAIN(TestGuiModels)
#include "tst_guimodels.moc"
