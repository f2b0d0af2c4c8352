// The German translation is complete enough to load and translates known
// strings of the GUI and of the core's model contexts.
#include "translations.h"

#include "model/item.h"

#include <QApplication>
#include <QFile>
#include <QTest>
#include <QTranslator>

class TestGuiTranslation : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void compiledGermanLoads()
    {
        QVERIFY(QFile::exists(QStringLiteral(":/i18n/virt-support-explorer_de.qm")));
        QTranslator t;
        QVERIFY(t.load(QStringLiteral(":/i18n/virt-support-explorer_de.qm")));
        QCOMPARE(t.translate("vse::gui::ItemTableModel", "Kind"), QStringLiteral("Art"));
        QCOMPARE(t.translate("vse::gui::FilterBar", "All tiers"), QStringLiteral("Alle Stufen"));
        QCOMPARE(t.translate("ItemKind", "function"), QStringLiteral("Funktion"));
        QCOMPARE(t.translate("vse::gui::ReleaseFactsHtml", "Removed in %1"), QStringLiteral("Entfernt in %1"));
        QCOMPARE(t.translate("vse::gui::AuditModel", "Violation"), QStringLiteral("Verstoß"));
    }

    void localeSelectsTranslation()
    {
        QVERIFY(vse::gui::installTranslations(qApp, QLocale(QLocale::German, QLocale::Germany)));
        QCOMPARE(vse::kindLabel(vse::ItemKind::Function), QStringLiteral("Funktion"));
        QVERIFY(!vse::gui::installTranslations(qApp, QLocale(QLocale::Japanese, QLocale::Japan)));
    }

    void everyMessageIsTranslated()
    {
        QFile ts(qEnvironmentVariable("VSE_SOURCE_DIR") + QStringLiteral("/translations/virt-support-explorer_de.ts"));
        QVERIFY(ts.open(QIODevice::ReadOnly));
        const QByteArray text = ts.readAll();
        QVERIFY(text.count("<message") > 100);
        QCOMPARE(text.count("type=\"unfinished\""), 0);
        QCOMPARE(text.count("<translation></translation>"), 0);
    }
};

QTEST_MAIN(TestGuiTranslation)
#include "tst_guitranslation.moc"
