// check-xml's validation against the target release's own schemas: libvirt
// 7.0.0's test-suite domains (tests/qemuxml2argvdata, from the source
// tarball) checked for 1.0.0 with 1.0.0's schemas from the corpus. The
// expected answer for each file is libxml2's own RelaxNG validation of it
// against 1.0.0's domain.rng, made here without the checker's code; the
// per-item check alone calls dozens of these files fine for 1.0.0 although
// 1.0.0's schema rejects them (then-required controller@index, machine
// values tied to arch...).
#include "check/checkreport.h"
#include "check/domainxmlchecker.h"
#include "check/targetschemacheck.h"
#include "testdata.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <libxml/parser.h>
#include <libxml/relaxng.h>

using namespace vse;
using namespace vse::testdata;

namespace {

const QString kSchemas = QStringLiteral("/usr/share/libvirt/schemas");

void ignoreErrors(void *, const char *, ...) {}

// libxml2 alone: does `rng` accept `file`?
bool acceptedBy(const QString &rng, const QString &file)
{
    xmlRelaxNGParserCtxtPtr parser = xmlRelaxNGNewParserCtxt(QFile::encodeName(rng).constData());
    xmlRelaxNGSetParserErrors(parser, ignoreErrors, ignoreErrors, nullptr);
    xmlRelaxNGPtr schema = xmlRelaxNGParse(parser);
    xmlRelaxNGFreeParserCtxt(parser);
    if (!schema)
        qFatal("%s does not compile", qPrintable(rng));
    xmlDocPtr doc = xmlReadFile(QFile::encodeName(file).constData(), nullptr, XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
    if (!doc)
        qFatal("%s does not parse", qPrintable(file));
    xmlRelaxNGValidCtxtPtr valid = xmlRelaxNGNewValidCtxt(schema);
    xmlRelaxNGSetValidErrors(valid, ignoreErrors, ignoreErrors, nullptr);
    const bool ok = xmlRelaxNGValidateDoc(valid, doc) == 0;
    xmlRelaxNGFreeValidCtxt(valid);
    xmlFreeDoc(doc);
    xmlRelaxNGFree(schema);
    return ok;
}

} // namespace

class TestTargetSchema : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;
    QStringList m_files;
    QString m_target; // 1.0.0's docs/schemas

private Q_SLOTS:
    void initTestCase()
    {
        if (!QFile::exists(kSchemas + QStringLiteral("/domain.rng"))) {
            if (inCi())
                QFAIL("libvirt schemas are not installed");
            QSKIP("libvirt schemas are not installed");
        }
        m_target = targetSchemaDirOf(corpusDir() + QStringLiteral("/1.0.0"));
        if (m_target.isEmpty()) {
            if (inCi())
                QFAIL("the corpus has no 1.0.0 schemas");
            QSKIP("the corpus has no 1.0.0 schemas");
        }
        const QString tarball = qEnvironmentVariable("VSE_SOURCES_DIR", QStringLiteral("/var/cache/virt-support-explorer/sources")) +
                                QStringLiteral("/libvirt_7.0.0.orig.tar.xz");
        if (!QFile::exists(tarball)) {
            if (inCi())
                QFAIL("no libvirt 7.0.0 source tarball");
            QSKIP("no libvirt 7.0.0 source tarball");
        }
        QProcess tar;
        tar.start(QStringLiteral("tar"), {QStringLiteral("-xJf"), tarball, QStringLiteral("-C"), m_dir.path(),
                                          QStringLiteral("--strip-components=3"), QStringLiteral("--wildcards"),
                                          QStringLiteral("*/tests/qemuxml2argvdata/*.xml")});
        QVERIFY(tar.waitForFinished(120000) && tar.exitCode() == 0);
        const QStringList all = QDir(m_dir.path()).entryList({QStringLiteral("*.xml")}, QDir::Files, QDir::Name);
        QVERIFY2(all.size() > 500, qPrintable(QString::number(all.size())));
        // Every 4th file, and those of the kinds the per-item check misses.
        for (qsizetype i = 0; i < all.size(); ++i)
            if (i % 4 == 0 || all.at(i).startsWith(QLatin1String("s390")) || all.at(i).startsWith(QLatin1String("pseries")) ||
                all.at(i).startsWith(QLatin1String("usb-")))
                m_files << QDir(m_dir.path()).filePath(all.at(i));
    }

    void targetSchemaAgreesWithLibxml2()
    {
        const QString rng = m_target + QStringLiteral("/domain.rng");
        const ItemLookup none = [](const QString &) -> const Item * { return nullptr; };
        int accepted = 0, rejected = 0, perItemWrong = 0;
        for (const QString &file : std::as_const(m_files)) {
            const bool expected = acceptedBy(rng, file);
            const XmlCheckReport r = checkXml(file, kSchemas, none, Version(1, 0, 0), nullptr, m_target);
            QCOMPARE(r.targetSchema, rng);
            QVERIFY2(r.targetSchemaValid == expected, qPrintable(file));
            const CheckReport summary = CheckReport::of(r, Version(1, 0, 0));
            QCOMPARE(summary.verdict.targetErrors > 0, !expected);
            QCOMPARE(summary.verdict.targetSchema, rng);
            if (!expected) {
                // Too new for 1.0.0 even where no node's since says so.
                QCOMPARE(summary.verdict.kind == CheckVerdict::TooNew, r.valid);
                QVERIFY(!r.cleanFor(Version(1, 0, 0)));
                ++rejected;
                // The same file without 1.0.0's schemas: nothing per item
                // (this lookup knows no item) makes it too new.
                perItemWrong += checkXml(file, kSchemas, none, Version(1, 0, 0)).cleanFor(Version(1, 0, 0));
            } else {
                ++accepted;
            }
        }
        qInfo("%d files: 1.0.0's schema accepts %d, rejects %d (%d of them valid for the installed schema)",
              int(m_files.size()), accepted, rejected, perItemWrong);
        QVERIFY(accepted > 20);
        QVERIFY(rejected > 20);
        QVERIFY(perItemWrong > 0);
    }

    // A document root 1.0.0's schemas lack is rejected, not "supported".
    void rootTheTargetLacks()
    {
        QTemporaryDir tmp;
        const QString file = tmp.filePath(QStringLiteral("backup.xml"));
        QFile f(file);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("<domainbackup mode='push'/>\n");
        f.close();
        const ItemLookup none = [](const QString &) -> const Item * { return nullptr; };
        const XmlCheckReport r = checkXml(file, kSchemas, none, Version(1, 0, 0), nullptr, m_target);
        QVERIFY2(r.valid, qPrintable(r.schema));
        QVERIFY(!r.targetSchemaValid);
        QCOMPARE(CheckReport::of(r, Version(1, 0, 0)).verdict.kind, CheckVerdict::TooNew);
    }

    void schemaFolderOf()
    {
        QCOMPARE(targetSchemaDirOf(corpusDir() + QStringLiteral("/1.0.0")), m_target);
        QCOMPARE(targetSchemaDirOf(m_target), m_target);
        QVERIFY(targetSchemaDirOf(m_dir.path() + QStringLiteral("/nope")).isEmpty());
        QVERIFY(targetSchemaDirOf(m_dir.path()).isEmpty()); // domain XMLs, no .rng
    }
};

QTEST_GUILESS_MAIN(TestTargetSchema)
#include "tst_targetschema.moc"
