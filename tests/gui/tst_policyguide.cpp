// The trainer's handout on an index of two releases (the installed libvirt
// and the corpus's 1.3.5 source tree, which brings the RPC protocols): the
// guide's per-tier counts, its examples and their links into the explorer,
// the PDF (read back with poppler's pdftotext), presentation mode's keys and
// the self-check's answers. Expected numbers and answers come from SQL over
// the index file and from the policy JSON, never from the code under test.
#include "guitestindex.h"
#include "guitestwindow.h"

#include "detailview.h"
#include "guidepdf.h"
#include "mainwindow.h"
#include "model/policy.h"
#include "policyguide.h"
#include "policyguidedialog.h"
#include "policytext.h"
#include "presentationwindow.h"
#include "selfcheck.h"
#include "selfcheckdialog.h"

#include <QLocale>
#include <QListWidget>
#include <QPointer>
#include <QProcess>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>
#include <QTextBrowser>

using namespace vse;
using namespace vse::gui;

class TestPolicyGuide : public QObject
{
    Q_OBJECT

    QString m_index;
    SnapshotPtr m_snapshot;

    // The newest row of each item, as the merger marks it.
    static QString latest()
    {
        return QStringLiteral("latest = 1 AND json_extract(attrs, '$.latest') = 1");
    }
    qint64 sql(const QString &where) const
    {
        return guitest::sqlCount(m_index,
                                 QStringLiteral("SELECT count(*) FROM items WHERE ") + where);
    }
    // Tier id -> group, read from the policy file itself.
    static QHash<QString, QString> tierGroups()
    {
        QHash<QString, QString> out;
        QFile f(qEnvironmentVariable("VSE_SOURCE_DIR") +
                QStringLiteral("/resources/policy/tiers.json"));
        if (f.open(QIODevice::ReadOnly))
            for (const QJsonValue &t : QJsonDocument::fromJson(f.readAll())
                                           .object()
                                           .value(QStringLiteral("tiers"))
                                           .toArray())
                out.insert(t.toObject().value(QStringLiteral("id")).toString(),
                           t.toObject().value(QStringLiteral("group")).toString());
        return out;
    }
    static QString run(const QString &program, const QStringList &args)
    {
        QProcess p;
        p.start(program, args);
        if (!p.waitForFinished(60000) || p.exitCode() != 0)
            return {};
        return QString::fromUtf8(p.readAllStandardOutput());
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
    }

    void countsEqualTheIndexPerTier()
    {
        const PolicyGuide guide(m_snapshot);
        const QHash<QString, QString> groups = tierGroups();
        QVERIFY(groups.size() >= 9);
        const QStringList ids = PolicyGuide::tierIds();
        QCOMPARE(QSet<QString>(groups.keyBegin(), groups.keyEnd()),
                 QSet<QString>(ids.cbegin(), ids.cend()));
        PolicyGuideDialog dialog(m_snapshot);
        for (const QString &tier : PolicyGuide::tierIds()) {
            const qint64 expected = sql(QStringLiteral("tier = '%1' AND %2").arg(tier, latest()));
            QCOMPARE(qint64(guide.count(tier)), expected);
            const QString page = guide.pageHtml(tier);
            QCOMPARE(page.contains(QLatin1String("no items of this tier")), expected == 0);
            if (expected > 0)
                QVERIFY2(page.contains(QStringLiteral(" %1 item").arg(QLocale().toString(expected))), qPrintable(tier));
            const int row = int(PolicyGuide::tierIds().indexOf(tier));
            QCOMPARE(dialog.tierList()->item(row)->text(),
                     policytext::tierLabel(tier) + QStringLiteral(" (%1)").arg(QLocale().toString(expected)));
        }
        // The tiers the issue found empty: the 1.3.5 tree brings their protocols
        // although the newest release (the installed one) has no .x files.
        for (const char *tier : {"stable-abi", "stable-wire", "private"})
            QVERIFY2(guide.count(QLatin1String(tier)) > 0, tier);
    }

    void examplesAreRepresentative()
    {
        const PolicyGuide guide(m_snapshot);
        for (const QString &tier : PolicyGuide::tierIds()) {
            for (const GuideExample &e : guide.examples(tier)) {
                QVERIFY2(!e.name.startsWith(QLatin1Char('_')), qPrintable(e.name));
                QVERIFY2(!e.name.endsWith(QLatin1String("_LAST")), qPrintable(e.name));
                QVERIFY2(e.kind != ItemKind::Macro && e.kind != ItemKind::Variable &&
                             e.kind != ItemKind::Typedef,
                         qPrintable(e.name));
                QCOMPARE(sql(QStringLiteral("id = %1 AND name = '%2' AND tier = '%3' AND %4")
                                 .arg(e.id)
                                 .arg(e.name, tier, latest())),
                         1);
            }
        }
        // "stable" opens with the C API, led by the function the most
        // hypervisor drivers implement (counted here from the drivers column).
        const QList<GuideExample> stable = guide.examples(QStringLiteral("stable"));
        QVERIFY(stable.size() >= 4);
        QCOMPARE(stable.first().kind, ItemKind::Function);
        const QString driverCount =
            QStringLiteral("(length(drivers) - length(replace(drivers, ',', '')) + 1)");
        const qint64 most = guitest::sqlCount(
            m_index,
            QStringLiteral(
                "SELECT max(%1) FROM items WHERE tier = 'stable' AND kind = 'function' AND "
                "ifnull(drivers, '') <> '' AND %2")
                .arg(driverCount, latest()));
        QVERIFY(most > 1);
        QCOMPARE(sql(QStringLiteral("id = %1 AND %2 = %3")
                         .arg(stable.first().id)
                         .arg(driverCount)
                         .arg(most)),
                 1);
        QCOMPARE(qint64(stable.first().drivers), most);
        bool hasXml = false;
        for (const GuideExample &e : stable)
            hasXml = hasXml || e.kind == ItemKind::XmlElement;
        QVERIFY(hasXml);
        // Namespace extensions: the oldest tainting element leads; the issue
        // named qemu:commandline as what people actually use.
        const QString oldestTainting = guitest::sqlText(
            m_index,
            QStringLiteral("SELECT name FROM items WHERE tier = 'namespace-extension' AND kind = "
                           "'xml-element' AND tainted = 1 AND %1 ORDER BY since_upto_num, "
                           "length(name) - length(replace(name, '/', '')), length(name) LIMIT 1")
                .arg(latest()));
        const QList<GuideExample> ns = guide.examples(QStringLiteral("namespace-extension"));
        QVERIFY(!ns.isEmpty());
        QCOMPARE(ns.first().name, oldestTainting);
        QCOMPARE(ns.first().name, QStringLiteral("domain/qemu:commandline"));
        // Spread: the second namespace example is not inside the first.
        QVERIFY(ns.size() > 1 && !ns.at(1).name.startsWith(ns.first().name + QLatin1Char('/')));
    }

    void examplesOpenInTheExplorer()
    {
        auto w = openWindow();
        QVERIFY(w);
        PolicyGuideDialog *dialog = w->showPolicyGuide();
        QVERIFY(dialog && dialog->isVisible());
        QVERIFY(!dialog->isModal());
        dialog->showTier(QStringLiteral("hypervisor-specific"));
        QTextBrowser *page = dialog->page(dialog->tierList()->currentRow());
        QVERIFY(page && page->isVisible());
        // The first link of the page, as a click on it delivers it.
        const QRegularExpression href(QStringLiteral("href=\"(vse:name/[^\"]+)\""));
        const QRegularExpressionMatch m = href.match(page->toHtml());
        QVERIFY(m.hasMatch());
        const QUrl url(m.captured(1));
        const QString name = url.path().mid(5);
        QCOMPARE(name,
                 dialog->guide().examples(QStringLiteral("hypervisor-specific")).first().name);
        Q_EMIT page->anchorClicked(url);
        QCOMPARE(w->detailView()->currentItem().name, name);
        QCOMPARE(sql(QStringLiteral("name = '%1' AND tier = 'hypervisor-specific'").arg(name)) > 0,
                 true);
    }

    void pdfHasTitleAndOnePagePerTier()
    {
        if (QStandardPaths::findExecutable(QStringLiteral("pdftotext")).isEmpty())
            QFAIL("pdftotext is missing: scripts/setup-deps installs poppler-utils");
        const PolicyGuide guide(m_snapshot);
        const QString pdf = guitest::tempDir().filePath(QStringLiteral("guide.pdf"));
        QString error;
        const QDate date(2026, 3, 14);
        QVERIFY2(GuidePdf::write(guide, pdf, date, &error), qPrintable(error));
        const QString info = run(QStringLiteral("pdfinfo"), {pdf});
        const QStringList tiers = PolicyGuide::tierIds();
        QVERIFY2(info.contains(
                     QRegularExpression(QStringLiteral("Pages:\\s+%1\\n").arg(tiers.size() + 1))),
                 qPrintable(info));
        const auto pageText = [&](int page) {
            // -raw keeps the reading order; joined lines so a wrapped name still matches.
            return run(QStringLiteral("pdftotext"),
                       {QStringLiteral("-f"), QString::number(page), QStringLiteral("-l"),
                        QString::number(page), QStringLiteral("-raw"), pdf, QStringLiteral("-")})
                .normalized(QString::NormalizationForm_KC) // the "fi" ligature back to two letters
                .simplified();
        };
        const QString title = pageText(1);
        QVERIFY(title.contains(QStringLiteral("2026-03-14")));
        for (const StoredRelease &r : m_snapshot->releases())
            QVERIFY2(title.contains(r.version.toString()), qPrintable(title));
        for (int i = 0; i < tiers.size(); ++i) {
            const QString text = pageText(i + 2);
            // The heading and everything of its tier on the same page: nothing
            // stranded, no table row carried over.
            QVERIFY2(text.startsWith(policytext::tierLabel(tiers.at(i))),
                     qPrintable(text.left(80)));
            for (const GuideExample &e : guide.examples(tiers.at(i)))
                QVERIFY2(text.contains(e.name),
                         qPrintable(tiers.at(i) + QStringLiteral(": ") + e.name));
            const qint64 n = sql(QStringLiteral("tier = '%1' AND %2").arg(tiers.at(i), latest()));
            if (n > 0)
                QVERIFY2(text.contains(QLocale().toString(n)), qPrintable(tiers.at(i)));
        }
    }

    void presentationKeyboard()
    {
        QPointer<PresentationWindow> p = new PresentationWindow(m_snapshot);
        p->showFullScreen();
        QVERIFY(QTest::qWaitForWindowExposed(p));
        QVERIFY(p->windowState() & Qt::WindowFullScreen);
        // A title slide, one per tier, and up to two examples per tier.
        const PolicyGuide guide(m_snapshot);
        int expected = 1;
        for (const QString &tier : PolicyGuide::tierIds())
            expected +=
                1 + qMin(PresentationWindow::kExampleSlides, int(guide.examples(tier).size()));
        QCOMPARE(p->slideCount(), expected);
        QCOMPARE(p->currentSlide(), 0);
        QTest::keyClick(p, Qt::Key_Right);
        QCOMPARE(p->currentSlide(), 1);
        QVERIFY(p->slideHtml(1).contains(
            policytext::tierLabel(PolicyGuide::tierIds().first()).toHtmlEscaped()));
        QTest::keyClick(p, Qt::Key_Space);
        QCOMPARE(p->currentSlide(), 2);
        QTest::keyClick(p, Qt::Key_PageDown);
        QCOMPARE(p->currentSlide(), 3);
        QTest::keyClick(p, Qt::Key_Left);
        QCOMPARE(p->currentSlide(), 2);
        QTest::keyClick(p, Qt::Key_PageUp);
        QCOMPARE(p->currentSlide(), 1);
        QTest::keyClick(p, Qt::Key_Left);
        QTest::keyClick(p, Qt::Key_Left); // stays on the first
        QCOMPARE(p->currentSlide(), 0);
        QTest::keyClick(p, Qt::Key_End);
        QCOMPARE(p->currentSlide(), expected - 1);
        QTest::keyClick(p, Qt::Key_Right); // stays on the last
        QCOMPARE(p->currentSlide(), expected - 1);
        QTest::keyClick(p, Qt::Key_Home);
        QCOMPARE(p->currentSlide(), 0);
        QTest::keyClick(p, Qt::Key_Escape);
        QTRY_VERIFY(p.isNull()); // closed and deleted
    }

    void presentationFromTheMenu()
    {
        auto w = openWindow();
        QVERIFY(w);
        QAction *present = nullptr;
        for (QAction *a : w->findChildren<QAction *>())
            if (a->shortcut() == QKeySequence(Qt::Key_F5))
                present = a;
        QVERIFY(present);
        present->trigger();
        auto *p = w->findChild<PresentationWindow *>();
        QVERIFY(p);
        QVERIFY(p->isVisible());
        QVERIFY(p->windowState() & Qt::WindowFullScreen);
        QCOMPARE(w->screenshotTarget(), p);
    }

    void selfCheckAnswersMatchTheIndex()
    {
        const PolicyGuide guide(m_snapshot);
        const QHash<QString, QString> groups = tierGroups();
        QSet<int> types;
        bool sawTaintYes = false, sawTaintNo = false;
        for (const quint32 seed : {1u, 7u, 42u, 2026u}) {
            const QList<SelfCheckQuestion> qs = SelfCheck::generate(guide, seed);
            QCOMPARE(qs.size(), 6);
            // Deterministic: the same seed gives the same quiz.
            const QList<SelfCheckQuestion> again = SelfCheck::generate(guide, seed);
            for (int i = 0; i < qs.size(); ++i) {
                QCOMPARE(again.at(i).text, qs.at(i).text);
                QCOMPARE(again.at(i).choices, qs.at(i).choices);
            }
            for (const SelfCheckQuestion &q : qs) {
                types.insert(int(q.type));
                QVERIFY(q.correct >= 0 && q.correct < q.choices.size());
                QCOMPARE(guitest::sqlText(
                             m_index,
                             QStringLiteral("SELECT name FROM items WHERE id = %1").arg(q.itemId)),
                         q.name);
                QVERIFY(q.text.contains(q.name));
                QVERIFY(!q.evidence.isEmpty());
                const QString answer = q.choices.at(q.correct);
                switch (q.type) {
                case SelfCheckQuestion::Type::Taints: {
                    const QString taints = guitest::sqlText(
                        m_index,
                        QStringLiteral("SELECT ifnull(taints, '') FROM items WHERE id = %1")
                            .arg(q.itemId));
                    const bool tainted =
                        sql(QStringLiteral("id = %1 AND tainted = 1").arg(q.itemId)) == 1;
                    QCOMPARE(answer, tainted ? QStringLiteral("Yes") : QStringLiteral("No"));
                    (tainted ? sawTaintYes : sawTaintNo) = true;
                    // The evidence names each reason the index stores.
                    for (const QJsonValue &r : QJsonDocument::fromJson(taints.toUtf8()).array())
                        QVERIFY2(q.evidence.contains(r.toString()), qPrintable(q.evidence));
                    break;
                }
                case SelfCheckQuestion::Type::Since:
                    QCOMPARE(
                        answer,
                        guitest::sqlText(
                            m_index,
                            QStringLiteral("SELECT since FROM items WHERE id = %1").arg(q.itemId)));
                    QCOMPARE(QSet<QString>(q.choices.cbegin(), q.choices.cend()).size(),
                             q.choices.size());
                    QVERIFY(q.evidence.contains(answer));
                    break;
                case SelfCheckQuestion::Type::MayBeRemoved: {
                    const QString tier = guitest::sqlText(
                        m_index,
                        QStringLiteral("SELECT tier FROM items WHERE id = %1").arg(q.itemId));
                    QVERIFY(groups.contains(tier) && tier != QLatin1String("unclassified"));
                    QCOMPARE(answer, groups.value(tier) == QLatin1String("stable")
                                         ? QStringLiteral("No")
                                         : QStringLiteral("Yes"));
                    QVERIFY(q.evidence.contains(policytext::tierLabel(tier)));
                    break;
                }
                }
            }
        }
        QCOMPARE(types.size(), 3);
        QVERIFY(sawTaintYes && sawTaintNo);
        QVERIFY(SelfCheck::generate(guide, 1).first().text !=
                    SelfCheck::generate(guide, 2).first().text ||
                SelfCheck::generate(guide, 1).at(1).text !=
                    SelfCheck::generate(guide, 2).at(1).text);
    }

    void noIndexYet()
    {
        // The Help menu works before the first index is loaded: nothing to
        // count or ask, and no crash.
        const PolicyGuide guide(nullptr);
        for (const QString &tier : PolicyGuide::tierIds()) {
            QCOMPARE(guide.count(tier), 0);
            QVERIFY(guide.pageHtml(tier).contains(QLatin1String("no items of this tier")));
        }
        QVERIFY(SelfCheck::generate(guide, 1).isEmpty());
        PresentationWindow p(nullptr);
        QCOMPARE(p.slideCount(), 1 + int(PolicyGuide::tierIds().size()));
        PolicyGuideDialog dialog(nullptr);
        QCOMPARE(dialog.tierList()->count(), int(PolicyGuide::tierIds().size()));
        SelfCheckDialog quiz(nullptr, 3);
        QVERIFY(quiz.questions().isEmpty());
    }

    void selfCheckDialogScoresAndShowsEvidence()
    {
        SelfCheckDialog dialog(m_snapshot, 7);
        const QList<SelfCheckQuestion> qs = dialog.questions();
        QVERIFY(!qs.isEmpty());
        dialog.answer(qs.at(0).correct);
        QCOMPARE(dialog.score(), 1);
        QVERIFY(dialog.feedbackText().startsWith(QStringLiteral("Right")));
        QVERIFY(dialog.feedbackText().contains(qs.at(0).evidence));
        dialog.next();
        QCOMPARE(dialog.current(), 1);
        dialog.answer((qs.at(1).correct + 1) % int(qs.at(1).choices.size()));
        QCOMPARE(dialog.score(), 1);
        QVERIFY(dialog.feedbackText().contains(qs.at(1).choices.at(qs.at(1).correct)));
        QVERIFY(dialog.feedbackText().startsWith(QStringLiteral("Not quite")));
        QSignalSpy requested(&dialog, &SelfCheckDialog::itemRequested);
        dialog.restart(7);
        QCOMPARE(dialog.current(), 0);
        QCOMPARE(dialog.questions().first().text, qs.first().text);
    }
};

QTEST_MAIN(TestPolicyGuide)
#include "tst_policyguide.moc"
