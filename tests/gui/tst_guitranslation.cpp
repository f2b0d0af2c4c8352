// The German translation loads, translates known strings of the GUI and of
// the core's model contexts, and covers every tr() string the sources have
// today (checked by running lupdate on them, as the build does).
#include "translations.h"

#include "check/checkreport.h"
#include "model/item.h"
#include "model/policy.h"
#include "policytext.h"

#include <QApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLibraryInfo>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>
#include <QTranslator>
#include <QXmlStreamReader>

namespace {

// Qt 6's lupdate: next to the Qt tools, or where Debian's qt6-l10n-tools puts it.
QString findLupdate()
{
    const QStringList candidates = {
        QLibraryInfo::path(QLibraryInfo::BinariesPath) + QStringLiteral("/lupdate"),
        QStringLiteral("/usr/lib/qt6/bin/lupdate"),
    };
    for (const QString &c : candidates)
        if (QFileInfo(c).isExecutable())
            return c;
    return {};
}

// "context: source" of every message a .ts marks unfinished (or leaves empty).
QStringList unfinishedMessages(const QByteArray &ts)
{
    QStringList out;
    QXmlStreamReader xml(ts);
    QString context, source;
    while (!xml.atEnd()) {
        if (xml.readNext() != QXmlStreamReader::StartElement)
            continue;
        if (xml.name() == QLatin1String("name"))
            context = xml.readElementText();
        else if (xml.name() == QLatin1String("source"))
            source = xml.readElementText();
        else if (xml.name() == QLatin1String("translation")) {
            const bool unfinished = xml.attributes().value(QLatin1String("type")) == QLatin1String("unfinished");
            const QString text = xml.readElementText(QXmlStreamReader::IncludeChildElements);
            if (unfinished || text.trimmed().isEmpty())
                out << context + QStringLiteral(": ") + source;
        }
    }
    if (xml.hasError())
        out << QStringLiteral("XML error at line %1: %2").arg(xml.lineNumber()).arg(xml.errorString());
    return out;
}

} // namespace

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
        // The XML check's verdict, made in the core, as the explorer's Check
        // domain XML dialog shows it.
        vse::CheckVerdict verdict;
        verdict.kind = vse::CheckVerdict::TooNew;
        verdict.target = vse::Version(7, 0, 0);
        verdict.tooNew = 2;
        QCOMPARE(verdict.text(), QStringLiteral("zu neu f\u00fcr libvirt 7.0.0: 2 Eintr\u00e4ge sind neuer"));
        verdict.kind = vse::CheckVerdict::Invalid;
        verdict.errors = 1;
        QCOMPARE(verdict.text(), QStringLiteral("ung\u00fcltig: 1 Schemafehler"));
        QVERIFY(!vse::gui::installTranslations(qApp, QLocale(QLocale::Japanese, QLocale::Japan)));
    }

    // The tiers and taint reasons come from resources/policy/*.json, which
    // lupdate cannot read: policytext lists their English for it. A tier
    // added to the data without that ("stable command, unstable output")
    // stayed English in the German guide and table.
    void policyDataIsTranslated()
    {
        QVERIFY(vse::gui::installTranslations(qApp, QLocale(QLocale::German, QLocale::Germany)));
        QStringList english;
        for (const vse::TierInfo &t : vse::Policy::instance().tiers()) {
            if (vse::gui::policytext::tierLabel(t.id) == t.label)
                english << t.label;
            if (vse::gui::policytext::tierRule(t.id) == t.rule)
                english << t.rule;
        }
        for (const vse::TaintReason &r : vse::Policy::instance().taintReasons())
            if (!r.meaning.isEmpty() && vse::gui::policytext::taintMeaning(r.id) == r.meaning)
                english << r.meaning;
        QVERIFY2(english.isEmpty(), qPrintable(english.join(u'\n')));
        // Qt's own button words, which Debian's qtbase translations would
        // give only when installed.
        QCOMPARE(QCoreApplication::translate("QPlatformTheme", "Close"), QStringLiteral("Schlie\u00dfen"));
    }

    void everyMessageIsTranslated()
    {
        const QString sourceDir = qEnvironmentVariable("VSE_SOURCE_DIR");
        QFile ts(sourceDir + QStringLiteral("/translations/virt-support-explorer_de.ts"));
        QVERIFY(ts.open(QIODevice::ReadOnly));
        const QByteArray committed = ts.readAll();
        QVERIFY(committed.count("<message") > 100);
        QVERIFY2(unfinishedMessages(committed).isEmpty(), qPrintable(unfinishedMessages(committed).join(u'\n')));

        // The committed file alone cannot show a tr() string added since it was
        // last updated: run lupdate on the sources the build translates (the
        // GUI library, the core's model and the XML check's verdicts and
        // findings) into a copy and look again.
        const QString lupdate = findLupdate();
        if (lupdate.isEmpty())
            QSKIP("lupdate not found (install qt6-l10n-tools)");
        QTemporaryDir tmp;
        QVERIFY(tmp.isValid());
        const QString copy = tmp.filePath(QStringLiteral("virt-support-explorer_de.ts"));
        QVERIFY(QFile::copy(ts.fileName(), copy));
        QFile::setPermissions(copy, QFileDevice::ReadOwner | QFileDevice::WriteOwner);
        QStringList args = {QStringLiteral("-no-obsolete"), QStringLiteral("-locations"), QStringLiteral("none"),
                            sourceDir + QStringLiteral("/app/gui/lib")};
        for (const char *folder : {"/core/model", "/core/check"}) {
            const QDir dir(sourceDir + QLatin1String(folder));
            for (const QString &f : dir.entryList({QStringLiteral("*.cpp"), QStringLiteral("*.h")}, QDir::Files))
                args << dir.filePath(f);
        }
        args << sourceDir + QStringLiteral("/core/scan/scanengine.cpp"); // the scan dialog's group titles
        args << QStringLiteral("-ts") << copy;
        QProcess p;
        p.setProcessChannelMode(QProcess::MergedChannels);
        p.start(lupdate, args);
        QVERIFY2(p.waitForFinished(120000), qPrintable(p.errorString()));
        const QByteArray log = p.readAll();
        QVERIFY2(p.exitStatus() == QProcess::NormalExit && p.exitCode() == 0, log.constData());
        QFile updated(copy);
        QVERIFY(updated.open(QIODevice::ReadOnly));
        const QByteArray fresh = updated.readAll();
        const QStringList missing = unfinishedMessages(fresh);
        QVERIFY2(missing.isEmpty(),
                 qPrintable(QStringLiteral("%1 source string(s) have no German translation; run lupdate as in "
                                           "app/gui/CMakeLists.txt and translate them:\n")
                                .arg(missing.size())
                            + missing.join(u'\n')));
        // Stale messages (dropped by -no-obsolete) mean the file was edited by hand.
        QCOMPARE(fresh.count("<message"), committed.count("<message"));
    }
};

QTEST_MAIN(TestGuiTranslation)
#include "tst_guitranslation.moc"
