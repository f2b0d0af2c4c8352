#include "apixmlreference.h"

#include "extract/api/apixmlextractor.h"

#include <QTemporaryDir>
#include <QTest>

using namespace vse;

namespace {

QString errorsOf(const Diagnostics &d)
{
    QStringList s;
    for (const Diagnostic &x : d)
        s.append(x.toString());
    return s.join(QLatin1Char('\n'));
}

} // namespace

class TestApiXml : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    // Each installed file: as many items as <symbols> has children (counted
    // with QXmlStreamReader), each with the file's version= as evidence.
    void installedFiles()
    {
        const QStringList files = apitest::installedApiXmlFiles();
        if (files.isEmpty())
            QSKIP("libvirt API XML is not installed");
        for (const QString &path : files) {
            const QString name = QFileInfo(path).fileName();
            const ExtractResult r = ApiXmlExtractor().extractFile(path);
            QVERIFY2(r.diagnostics.isEmpty(), qPrintable(errorsOf(r.diagnostics)));
            const QList<apitest::XmlSymbol> expected = apitest::readApiXml(path);
            QCOMPARE(r.items.size(), expected.size());
            for (qsizetype i = 0; i < expected.size(); ++i) {
                const Item &item = r.items.at(i);
                QCOMPARE(item.name, expected.at(i).name);
                QCOMPARE(item.evidence.size(), 1);
                QCOMPARE(item.evidence.constFirst().kind, Evidence::Kind::ApiXml);
                QCOMPARE(item.evidence.constFirst().detail, name);
                QCOMPARE(item.evidence.constFirst().version,
                         Version::parse(expected.at(i).version));
                QCOMPARE(item.origin.isEmpty(), false);
                if (expected.at(i).tag == QLatin1String("function"))
                    QCOMPARE(item.kind, ItemKind::Function);
            }
        }
    }

    void functionDetails()
    {
        const QString path =
            apitest::installedApiXmlDir() + QStringLiteral("/libvirt-qemu-api.xml");
        if (!QFileInfo::exists(path))
            QSKIP("libvirt API XML is not installed");
        const ExtractResult r = ApiXmlExtractor().extractFile(path);
        for (const Item &i : r.items) {
            if (i.name != QLatin1String("virDomainQemuMonitorCommand"))
                continue;
            QCOMPARE(i.origin, QStringLiteral("header:libvirt-qemu"));
            QCOMPARE(i.file, QStringLiteral("libvirt/libvirt-qemu.h"));
            QVERIFY(!i.doc.isEmpty());
            QVERIFY(!i.doc.contains(QLatin1Char('\n')));
            QVERIFY(i.signature.startsWith(
                QLatin1String("int virDomainQemuMonitorCommand(virDomainPtr ")));
            return;
        }
        QFAIL("virDomainQemuMonitorCommand missing");
    }

    void badInput_data()
    {
        QTest::addColumn<QByteArray>("data");
        QTest::addColumn<int>("line");
        QTest::newRow("garbage") << QByteArray("\x01\x02 not xml at all") << 1;
        QTest::newRow("truncated")
            << QByteArray("<api name='x'>\n<symbols>\n<function name='a' version='1.0.0'>\n") << 4;
        QTest::newRow("wrong root") << QByteArray("<?xml version='1.0'?>\n\n<html/>") << 3;
        QTest::newRow("mismatched") << QByteArray("<api>\n<symbols>\n</api>\n") << 4;
    }
    void badInput()
    {
        QFETCH(QByteArray, data);
        QFETCH(int, line);
        const ExtractResult r = ApiXmlExtractor().extractData(data, QStringLiteral("bad-api.xml"));
        QVERIFY(hasErrors(r.diagnostics));
        QCOMPARE(r.diagnostics.constFirst().file, QStringLiteral("bad-api.xml"));
        // libxml2 versions place some errors on the last line read rather
        // than on the offending one: only bound the line.
        const int reported = r.diagnostics.constFirst().line;
        QVERIFY2(reported >= 1 && reported <= line,
                 qPrintable(r.diagnostics.constFirst().toString()));
    }

    // An external entity is neither fetched nor expanded.
    void externalEntityIsNotLoaded()
    {
        QTemporaryDir dir;
        const QString secret = dir.filePath(QStringLiteral("secret.txt"));
        QFile s(secret);
        QVERIFY(s.open(QIODevice::WriteOnly));
        s.write("TOPSECRET");
        s.close();
        const QByteArray xml = "<?xml version='1.0'?>\n<!DOCTYPE api [<!ENTITY x SYSTEM 'file://" +
                               secret.toUtf8() +
                               "'>]>\n<api><symbols>\n<function name='virX' "
                               "version='1.0.0'><info>&x;</info></function>\n"
                               "</symbols></api>\n";
        const ExtractResult r = ApiXmlExtractor().extractData(xml, QStringLiteral("evil-api.xml"));
        for (const Item &i : r.items)
            QVERIFY(!i.doc.contains(QLatin1String("TOPSECRET")));
    }

    void missingDirectory()
    {
        QTemporaryDir dir;
        ExtractResult r = ApiXmlExtractor().extractDir(dir.filePath(QStringLiteral("none")));
        QVERIFY(hasErrors(r.diagnostics));
        r = ApiXmlExtractor().extractDir(dir.path()); // exists, but no libvirt-api.xml
        QVERIFY(hasErrors(r.diagnostics));
        QVERIFY(r.diagnostics.constFirst().file.endsWith(QLatin1String("libvirt-api.xml")));
        const QString file = dir.filePath(QStringLiteral("f"));
        QFile f(file);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.close();
        r = ApiXmlExtractor().extractDir(file);
        QVERIFY(hasErrors(r.diagnostics));
        QCOMPARE(r.diagnostics.constFirst().file, file);
    }
};

QTEST_GUILESS_MAIN(TestApiXml)
#include "tst_api_xml.moc"
