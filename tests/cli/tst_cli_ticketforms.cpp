// Forms a ticket or a lesson quotes that are no item's name, through the
// real CLI on an index of the installed libvirt: a schema file
// ("domain.rng", as a validation error names it) is shown as the root
// element of its documents, read independently from the installed .rng
// files; a connection URI is "no match" naming its driver.
#include "clirunner.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

using namespace vse::testdata;

namespace {

const QString kSchemas = QStringLiteral("/usr/share/libvirt/schemas");

// The element a schema file's <start> names, when the define it refers to
// is in the same file ("storagevol.rng": start -> ref vol -> <element
// name="volume">); empty otherwise.
QString startElement(const QString &rngPath)
{
    QFile f(rngPath);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    const QString text = QString::fromUtf8(f.readAll());
    static const QRegularExpression start(QStringLiteral("<start>\\s*<ref name=\"([\\w.-]+)\"\\s*/>"));
    const QRegularExpressionMatch s = start.match(text);
    if (!s.hasMatch())
        return {};
    const QRegularExpression define(QStringLiteral("<define name=\"%1\">\\s*<element name=\"([\\w:]+)\"")
                                        .arg(QRegularExpression::escape(s.captured(1))));
    return define.match(text).captured(1);
}

} // namespace

class TestCliTicketForms : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;
    QString m_index;

    CliRun run(const QStringList &args) const { return runCli(m_index, args); }
    QJsonObject json(const QStringList &args) const
    {
        return QJsonDocument::fromJson(run(args).out.toUtf8()).object();
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(QFile::exists(qEnvironmentVariable("VSE_CLI")));
        if (!QFile::exists(kSchemas + QStringLiteral("/domain.rng")))
            QSKIP("libvirt's schemas are not installed");
        m_index = m_dir.filePath(QStringLiteral("index.sqlite"));
        const CliRun r = run({QStringLiteral("index"), QStringLiteral("--source"), QStringLiteral("/")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    }

    void schemaFileIsItsRootElement()
    {
        int checked = 0;
        for (const QString &file : QDir(kSchemas).entryList({QStringLiteral("*.rng")})) {
            const QString root = startElement(kSchemas + QLatin1Char('/') + file);
            if (root.isEmpty())
                continue;
            ++checked;
            const CliRun r = run({QStringLiteral("show"), file});
            QCOMPARE(r.exitCode, 0);
            QCOMPARE(r.out.section(QLatin1Char('\n'), 0, 0),
                     QStringLiteral("'%1' is shown as %2 (%1 is the schema of the documents with that root)")
                         .arg(file, root));
            // The rest is the element's own answer (not the virsh command
            // "capabilities"); a path to the file reads the same.
            QCOMPARE(r.out.section(QLatin1Char('\n'), 2), run({QStringLiteral("show"), QStringLiteral("xml:") + root}).out);
            const QJsonObject o = json({QStringLiteral("show"), kSchemas + QLatin1Char('/') + file, QStringLiteral("--json")});
            QCOMPARE(o.value(QLatin1String("name")).toString(), root);
            const QJsonObject lookup = o.value(QLatin1String("lookup")).toObject();
            QCOMPARE(lookup.value(QLatin1String("via")).toString(), QStringLiteral("schema-file"));
            QCOMPARE(lookup.value(QLatin1String("schemaFile")).toString(), file);
        }
        QVERIFY2(checked >= 10, "libvirt's document schemas start with a define of their own file");
    }

    // domaincommon.rng is included by domain.rng: no document's schema,
    // said with the files that are.
    void includedSchemaIsNoMatchNamingTheDocumentSchemas()
    {
        const CliRun r = run({QStringLiteral("show"), QStringLiteral("domaincommon.rng"), QStringLiteral("--json")});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(QLatin1String("domaincommon.rng is the schema of no document")), qPrintable(r.err));
        const QJsonObject o = QJsonDocument::fromJson(r.out.toUtf8()).object();
        QCOMPARE(o.value(QLatin1String("found")).toBool(true), false);
        const QJsonArray schemas = o.value(QLatin1String("documentSchemas")).toArray();
        QVERIFY(schemas.contains(QStringLiteral("domain.rng")));
        QVERIFY(schemas.contains(QStringLiteral("storagevol.rng")));
        QVERIFY(!schemas.contains(QStringLiteral("domaincommon.rng")));
    }

    void connectionUriNamesItsDriver_data()
    {
        QTest::addColumn<QString>("uri");
        QTest::addColumn<QString>("driver");
        QTest::addColumn<QString>("transport");
        QTest::newRow("local") << QStringLiteral("qemu:///system") << QStringLiteral("qemu") << QString();
        QTest::newRow("remote") << QStringLiteral("qemu+ssh://root@host.example/system") << QStringLiteral("qemu")
                                << QStringLiteral("ssh");
        // The xen:// scheme is the libxl driver's, as the driver tables name it.
        QTest::newRow("xen") << QStringLiteral("xen:///system") << QStringLiteral("libxl") << QString();
        QTest::newRow("unknown scheme") << QStringLiteral("nosuch:///") << QString() << QString();
    }

    void connectionUriNamesItsDriver()
    {
        QFETCH(QString, uri);
        QFETCH(QString, driver);
        QFETCH(QString, transport);
        const CliRun r = run({QStringLiteral("show"), uri, QStringLiteral("--json")});
        QCOMPARE(r.exitCode, 1);
        const QJsonObject o = QJsonDocument::fromJson(r.out.toUtf8()).object();
        QCOMPARE(o.value(QLatin1String("found")).toBool(true), false);
        const QJsonObject facts = o.value(QLatin1String("connectionUri")).toObject();
        QCOMPARE(facts.value(QLatin1String("driver")).toString(), driver);
        QCOMPARE(facts.value(QLatin1String("transport")).toString(), transport);
        QVERIFY2(r.err.contains(QLatin1String("a connection URI")), qPrintable(r.err));
        if (driver.isEmpty())
            return;
        // What the hint offers works: the driver's APIs.
        const QString offered = QStringLiteral("'virt-support search --driver %1'").arg(driver);
        QVERIFY2(r.err.contains(offered), qPrintable(r.err));
        const CliRun apis = run({QStringLiteral("search"), QStringLiteral("--driver"), driver, QStringLiteral("--limit"),
                                 QStringLiteral("0")});
        QCOMPARE(apis.exitCode, 0);
        QVERIFY(apis.out.contains(QLatin1String("virConnectOpen ")));
    }
};

QTEST_GUILESS_MAIN(TestCliTicketForms)
#include "tst_cli_ticketforms.moc"
