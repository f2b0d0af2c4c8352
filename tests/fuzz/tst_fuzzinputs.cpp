// The in-memory entry points the fuzzers (fuzz/) call read real libvirt
// files exactly as the file readers do, and read nothing else; and every
// input a fuzzer found to crash or misbehave stays fixed (one test each).
#include "extract/api/doccomment.h"
#include "extract/drivers/driversupport.h"
#include "extract/schema/docsinceextractor.h"
#include "extract/schema/schemaextractor.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTest>

using namespace vse;

namespace {
const QString kSchemas = SchemaExtractor::installedSchemaDir();

QByteArray readAll(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

QStringList names(const ItemList &items)
{
    QStringList out;
    for (const Item &item : items)
        out.append(QString::number(int(item.kind)) + QLatin1Char(' ') + item.name);
    out.sort();
    return out;
}
} // namespace

class TestFuzzInputs : public QObject
{
    Q_OBJECT

private slots:
    void schemasInMemoryAsOnDisk();
    void schemasInMemoryReadNothingOnDisk();
    void hvSupportDataAsFile();
    void docPageAsApply();
    void docCommentSinceTooLong();
};

// Every installed schema handed over in memory gives the items, root
// schemas and diagnostics the folder gives.
void TestFuzzInputs::schemasInMemoryAsOnDisk()
{
    const QStringList files = QDir(kSchemas).entryList({QStringLiteral("*.rng")}, QDir::Files);
    QVERIFY2(files.size() > 10, qPrintable(kSchemas));
    QMap<QString, QByteArray> memory;
    for (const QString &f : files)
        memory.insert(f, readAll(kSchemas + QLatin1Char('/') + f));
    const SchemaIndex disk = SchemaExtractor::indexDir(kSchemas);
    const SchemaIndex mem = SchemaExtractor::indexFiles(memory);
    QVERIFY(disk.result.items.size() > 1000);
    QCOMPARE(mem.result.items.size(), disk.result.items.size());
    QCOMPARE(names(mem.result.items), names(disk.result.items));
    QCOMPARE(mem.rootSchemas, disk.rootSchemas);
    QCOMPARE(mem.result.diagnostics.size(), disk.result.diagnostics.size());
    qInfo("%lld items from %lld schema files, in memory and on disk", qlonglong(mem.result.items.size()),
          qlonglong(files.size()));
}

// An include of a file that exists on disk but not among the in-memory
// files is "not found": the fuzzer's schemas never reach the file system.
void TestFuzzInputs::schemasInMemoryReadNothingOnDisk()
{
    const QString basictypes = kSchemas + QStringLiteral("/basictypes.rng");
    QVERIFY(QFileInfo::exists(basictypes));
    const QByteArray main = "<grammar xmlns=\"http://relaxng.org/ns/structure/1.0\">\n"
                            "  <include href=\"" + basictypes.toUtf8() + "\"/>\n"
                            "  <include href=\"../../../../etc/hostname\"/>\n"
                            "  <start><element name=\"fuzz\"><ref name=\"UUID\"/></element></start>\n"
                            "</grammar>\n";
    const SchemaIndex index = SchemaExtractor::indexFiles({{QStringLiteral("main.rng"), main}});
    int notFound = 0;
    for (const Diagnostic &d : index.result.diagnostics) {
        if (d.message.startsWith(QLatin1String("schema file not found"))) {
            ++notFound;
            QVERIFY2(d.line == 2 || d.line == 3, qPrintable(d.toString()));
        }
    }
    QCOMPARE(notFound, 2);
    // UUID comes from basictypes.rng: not read, so the ref is unresolved.
    bool unresolved = false;
    for (const Diagnostic &d : index.result.diagnostics)
        unresolved |= d.message.contains(QLatin1String("UUID"));
    QVERIFY(unresolved);
    QCOMPARE(index.rootSchemas, QStringList{QStringLiteral("main.rng")});
}

// The support matrix read from bytes is the one read from the file.
void TestFuzzInputs::hvSupportDataAsFile()
{
    const QString page = hvSupportHtmlPath();
    if (!QFileInfo::exists(page))
        QSKIP("libvirt-doc is not installed");
    Diagnostics fromFile, fromData;
    const DriverMatrix file = readHvSupportHtml(page, &fromFile);
    const DriverMatrix data = readHvSupportHtmlData(readAll(page), page, &fromData);
    QVERIFY(file.size() > 300);
    QCOMPARE(data, file);
    QCOMPARE(fromData.size(), fromFile.size());
}

// The notes of each installed format page read one page at a time are the
// documentation evidence apply() attaches for the whole folder.
void TestFuzzInputs::docPageAsApply()
{
    const QString docs = DocSinceExtractor::installedDocDir();
    if (!QFileInfo::exists(docs + QStringLiteral("/formatdomain.html")))
        QSKIP("libvirt-doc is not installed");
    ExtractResult r = SchemaExtractor::extractDir(kSchemas);
    int perPage = 0;
    for (const QString &page : QDir(docs).entryList({QStringLiteral("format*.html")}, QDir::Files))
        perPage += int(DocSinceExtractor::readPage(r.items, readAll(docs + QLatin1Char('/') + page), page).size());
    Diagnostics d;
    const int applied = DocSinceExtractor::apply(r.items, docs, &d);
    QVERIFY(applied > 50);
    QCOMPARE(perPage, applied);
}

// fuzz_doccomment: a "Since:" part with more digits than an int holds
// overflowed (undefined behaviour; the wrapped number came out as a
// release). Such a tag is not a release number. The comment is the one above
// virConnectAuth in the installed libvirt-host.h, with its tag lengthened.
void TestFuzzInputs::docCommentSinceTooLong()
{
    const QByteArray header = readAll(QStringLiteral("/usr/include/libvirt/libvirt-host.h"));
    const qsizetype decl = header.indexOf("typedef struct _virConnectAuth virConnectAuth;");
    QVERIFY(decl > 0);
    const DocComment real = doccomment::leading(header, decl);
    QVERIFY(real.found);
    QVERIFY(real.since.isValid());
    const qsizetype start = header.lastIndexOf("/**", decl);
    QByteArray comment = header.mid(start, decl - start);
    const QByteArray tag = "Since: " + real.since.toString().toUtf8();
    QVERIFY(comment.contains(tag));
    QCOMPARE(doccomment::parse(comment).since, real.since);
    for (const QByteArray &digits : {QByteArray("6666666666666666666666666"), QByteArray("2147483648")}) {
        QByteArray longer = comment;
        longer.replace(tag, QByteArray(tag + digits));
        const DocComment parsed = doccomment::parse(longer);
        QVERIFY2(!parsed.since.isValid(), qPrintable(parsed.since.toString()));
    }
}

QTEST_GUILESS_MAIN(TestFuzzInputs)
#include "tst_fuzzinputs.moc"
