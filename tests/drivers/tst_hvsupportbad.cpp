// hvsupport.html that is missing, binary, huge, hostile, truncated or of an
// unexpected shape: diagnostics naming the file and line, never a crash or
// a silently wrong matrix.

#include "extract/drivers/driversupport.h"

#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>

using namespace vse;

class TestHvSupportBad : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { QVERIFY(m_dir.isValid()); }
    void missingFile();
    void binaryFile();
    void notHtml();
    void tooLarge();
    void deepNesting();
    void unexpectedHeader();
    void badRowsAndCells();
    void truncatedRealPage();

private:
    QString write(const QString &name, const QByteArray &data)
    {
        const QString path = m_dir.filePath(name);
        QFile f(path);
        if (!f.open(QIODevice::WriteOnly))
            return {};
        f.write(data);
        return path;
    }
    QTemporaryDir m_dir;
};

namespace {

QByteArray page(const QByteArray &tables)
{
    return "<!DOCTYPE html>\n<html>\n<body>\n" + tables + "</body>\n</html>\n";
}

const QByteArray kHeader = "<tr><th>API</th><th>Version</th><th>qemu</th><th>lxc</th></tr>\n";

} // namespace

void TestHvSupportBad::missingFile()
{
    Diagnostics d;
    const QString path = m_dir.filePath(QStringLiteral("nope/hvsupport.html"));
    QVERIFY(readHvSupportHtml(path, &d).isEmpty());
    QCOMPARE(d.size(), 1);
    QVERIFY(d.first().isError());
    QCOMPARE(d.first().file, path);
}

void TestHvSupportBad::binaryFile()
{
    QByteArray data = "<html>\n<table>\n";
    data += QByteArray("\x7f"
                       "ELF\x02\x01\x01\0\0\0",
                       10);
    for (int i = 0; i < 4096; ++i)
        data += char((i * 7919) & 0xff);
    const QString path = write(QStringLiteral("binary.html"), data);
    Diagnostics d;
    QVERIFY(readHvSupportHtml(path, &d).isEmpty());
    QCOMPARE(d.size(), 1);
    QVERIFY(d.first().isError());
    QCOMPARE(d.first().file, path);
    QCOMPARE(d.first().line, 3);
}

void TestHvSupportBad::notHtml()
{
    const QString path =
        write(QStringLiteral("prose.html"), "libvirt has drivers.\nThey support APIs.\n");
    Diagnostics d;
    QVERIFY(readHvSupportHtml(path, &d).isEmpty());
    QCOMPARE(d.size(), 1);
    QVERIFY(d.first().isError());
    QVERIFY(d.first().message.contains(QLatin1String("no API support table")));
}

void TestHvSupportBad::tooLarge()
{
    const QString path = write(QStringLiteral("huge.html"), page(""));
    QFile f(path);
    QVERIFY(f.resize(200 * 1024 * 1024)); // sparse: no 200 MB written
    Diagnostics d;
    QVERIFY(readHvSupportHtml(path, &d).isEmpty());
    QCOMPARE(d.size(), 1);
    QVERIFY(d.first().isError());
    // The one input limit, named, with the file's size.
    QVERIFY2(d.first().message.contains(QLatin1String("209715200 bytes, over the 16 MiB (16777216 bytes) input size limit")),
             qPrintable(d.first().message));
}

// A table buried under 100 000 open elements still parses (the reader walks
// the tree without recursion) or fails with a diagnostic, but never crashes.
void TestHvSupportBad::deepNesting()
{
    QByteArray data = "<html><body>";
    for (int i = 0; i < 100000; ++i)
        data += "<div><span>";
    data += "<table>" + kHeader +
            "<tr><td>virConnectOpen</td><td>0.0.3</td><td>0.2.0</td><td/></tr></table>";
    const QString path = write(QStringLiteral("deep.html"), data);
    Diagnostics d;
    const DriverMatrix m = readHvSupportHtml(path, &d);
    qInfo("deep nesting: %s", m.isEmpty() ? qPrintable(d.value(0).toString()) : "table read");
    if (m.isEmpty()) {
        QVERIFY(hasErrors(d));
    } else {
        QCOMPARE(m.value(QStringLiteral("virConnectOpen")).size(), 1);
        QCOMPARE(m.value(QStringLiteral("virConnectOpen")).first().driver, QStringLiteral("qemu"));
    }
}

void TestHvSupportBad::unexpectedHeader()
{
    const QByteArray data = page("<table>\n"
                                 "<tr><th>Function</th><th>Since</th><th>qemu</th></tr>\n"
                                 "<tr><td>virConnectOpen</td><td>0.0.3</td><td>0.2.0</td></tr>\n"
                                 "</table>\n"
                                 "<table>\n"
                                 "<tr><th>API</th><th>Version</th><th>qemu driver!</th></tr>\n"
                                 "</table>\n"
                                 "<table>\n"
                                 "<tr><td>virConnectOpen</td><td>0.0.3</td><td>0.2.0</td></tr>\n"
                                 "</table>\n");
    const QString path = write(QStringLiteral("shape.html"), data);
    Diagnostics d;
    QVERIFY(readHvSupportHtml(path, &d).isEmpty());
    QCOMPARE(d.size(), 4);
    QCOMPARE(d.at(0).line, 5); // the header row of the first table
    QVERIFY(!d.at(0).isError());
    QCOMPARE(d.at(1).line, 9);  // the odd driver column
    QCOMPARE(d.at(2).line, 12); // rows without a header
    QVERIFY(d.at(3).isError()); // and so no table at all
    for (const Diagnostic &x : std::as_const(d))
        QCOMPARE(x.file, path);
}

// A bad row or cell costs that row or cell only.
void TestHvSupportBad::badRowsAndCells()
{
    const QByteArray data =
        page("<table>\n<thead>\n" + kHeader +
             "</thead>\n<tbody>\n"
             "<tr><td>virConnectOpen</td><td>0.0.3</td><td>0.2.0</td><td>0.4.2</td></tr>\n"
             "<tr><td>virDomainSuspend</td><td>0.0.3</td><td>0.2.0</td></tr>\n"
             "<tr><td>not an api()</td><td>0.0.3</td><td>0.2.0</td><td/></tr>\n"
             "<tr><td>virDomainResume</td><td>0.0.3</td><td>soon</td><td>0.4.2 - 5.0.0</td></tr>\n"
             "<tr><td>virDomainReboot</td><td>0.1.0</td><td>9.0.0 - 1.0.0</td><td/></tr>\n" +
             kHeader +
             "<tr><td>virDomainShutdown</td><td>0.0.3</td><td/><td>0.6.0</td></tr>\n"
             "</tbody>\n</table>\n");
    const QString path = write(QStringLiteral("rows.html"), data);
    Diagnostics d;
    const DriverMatrix m = readHvSupportHtml(path, &d);
    QCOMPARE(m.size(), 4);
    QCOMPARE(m.value(QStringLiteral("virConnectOpen")).size(), 2);
    QVERIFY(!m.contains(QStringLiteral("virDomainSuspend")));
    const QList<DriverSupport> resume = m.value(QStringLiteral("virDomainResume"));
    QCOMPARE(resume.size(), 1);
    QCOMPARE(resume.first().driver, QStringLiteral("lxc"));
    QCOMPARE(resume.first().removed, Version(5, 0, 0));
    QCOMPARE(m.value(QStringLiteral("virDomainShutdown")).first().since, Version(0, 6, 0));
    QList<int> lines;
    for (const Diagnostic &x : std::as_const(d)) {
        QVERIFY(!x.isError());
        lines.append(x.line);
    }
    QCOMPARE(lines, (QList<int>{10, 11, 12, 13}));
}

// The real page cut in the middle of a table: what was read is right, the
// cut row is reported, nothing crashes.
void TestHvSupportBad::truncatedRealPage()
{
    const QString real = hvSupportHtmlPath();
    if (!QFileInfo::exists(real))
        QSKIP("libvirt-doc is not installed");
    QFile f(real);
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QByteArray full = f.readAll();
    Diagnostics d;
    const DriverMatrix whole = readHvSupportHtml(real, &d);
    QVERIFY(d.isEmpty());
    // Cut inside a row, between two cells.
    const qsizetype cut = full.indexOf("</td>", full.size() / 3) + 5;
    const QString path = write(QStringLiteral("truncated.html"), full.left(cut));
    d.clear();
    const DriverMatrix part = readHvSupportHtml(path, &d);
    QVERIFY(!part.isEmpty());
    QVERIFY(part.size() < whole.size());
    QVERIFY(!hasErrors(d));
    QCOMPARE(d.size(), 1); // the cut row
    int same = 0;
    for (auto it = part.cbegin(); it != part.cend(); ++it)
        same += whole.value(it.key()) == *it ? 1 : 0;
    QCOMPARE(same, part.size());
}

QTEST_GUILESS_MAIN(TestHvSupportBad)
#include "tst_hvsupportbad.moc"
