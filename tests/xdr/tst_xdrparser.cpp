#include "extract/xdr/xdrparser.h"
#include "testdata.h"

#include <QDirIterator>
#include <QTest>

using namespace vse;

class TestXdrParser : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void corpusParses()
    {
        VSE_REQUIRE_CORPUS();
        int files = 0;
        for (const QString &release : testdata::corpusReleases()) {
            QDirIterator it(testdata::corpusDir() + QLatin1Char('/') + release + QStringLiteral("/src"),
                            {QStringLiteral("*.x")}, QDir::Files, QDirIterator::Subdirectories);
            while (it.hasNext()) {
                const QString path = it.next();
                const XdrFile f = parseXdrFile(path);
                for (const auto &d : f.diagnostics)
                    qWarning("%s", qPrintable(d.toString()));
                QVERIFY2(!f.hasErrors(), qPrintable(path));
                QVERIFY(!f.definitions.isEmpty());
                ++files;
            }
        }
        QVERIFY(files > 20);
    }
};

QTEST_GUILESS_MAIN(TestXdrParser)
#include "tst_xdrparser.moc"
