// hvsupport.html (libvirt-doc's API support matrix) read with libxml2, checked
// cell by cell against a regular-expression reading of the same page: the
// installed libvirt-doc and, with VSE_RELEASES_DIR, the Debian package sets
// scripts/fetch-debian-releases unpacked there.

#include "extract/api/apixmlextractor.h"
#include "extract/drivers/driversupport.h"
#include "hvsupportregex.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSet>
#include <QTest>

using namespace vse;

namespace {

const DriverSupport *find(const QList<DriverSupport> &list, const QString &driver)
{
    for (const DriverSupport &s : list) {
        if (s.driver == driver)
            return &s;
    }
    return nullptr;
}

QString installedPage()
{
    return hvSupportHtmlPath();
}

} // namespace

class TestHvSupport : public QObject
{
    Q_OBJECT

private slots:
    void wholePage_data();
    void wholePage();
    void perfEventsDrivers();
    void removals();
    void applyToItems();
    void applyToInstalledApi();
};

void TestHvSupport::wholePage_data()
{
    QTest::addColumn<QString>("path");
    if (QFileInfo::exists(installedPage()))
        QTest::newRow("installed") << installedPage();
    const QString releases = qEnvironmentVariable("VSE_RELEASES_DIR");
    int rows = QFileInfo::exists(installedPage()) ? 1 : 0;
    if (!releases.isEmpty()) {
        const QDir dir(releases);
        for (const QString &sub :
             dir.entryList({QStringLiteral("libvirt-*")}, QDir::Dirs, QDir::Name)) {
            const QString page = hvSupportHtmlPath(dir.filePath(sub));
            if (QFileInfo::exists(page)) {
                QTest::newRow(qPrintable(sub)) << page;
                ++rows;
            }
        }
    }
    if (rows == 0)
        QTest::newRow("none") << QString();
}

// Every cell the regular expressions see is in the matrix with the same
// versions, and nothing else is.
void TestHvSupport::wholePage()
{
    QFETCH(QString, path);
    if (path.isEmpty())
        QSKIP("no hvsupport.html: install libvirt-doc or set VSE_RELEASES_DIR");
    Diagnostics diagnostics;
    const DriverMatrix matrix = readHvSupportHtml(path, &diagnostics);
    for (const Diagnostic &d : diagnostics)
        qWarning("%s", qPrintable(d.toString()));
    QVERIFY(diagnostics.isEmpty());

    const testregex::Page page = testregex::readPage(path);
    QVERIFY(page.tables >= 7); // one per driver kind, plus the common APIs in newer pages
    QVERIFY(page.rows.size() > 300);
    QCOMPARE(matrix.size(), page.rows.size());
    int entries = 0;
    for (auto it = matrix.cbegin(); it != matrix.cend(); ++it)
        entries += int(it->size());
    QCOMPARE(entries, page.nonEmptyCells);

    for (auto it = page.rows.cbegin(); it != page.rows.cend(); ++it) {
        const QList<DriverSupport> got = matrix.value(it.key());
        QCOMPARE(got.size(), it->size());
        for (const testregex::Cell &cell : *it) {
            const DriverSupport *s = find(got, cell.driver);
            QVERIFY2(s, qPrintable(it.key() + QLatin1Char('/') + cell.driver));
            QCOMPARE(s->since.toString(), cell.since);
            QCOMPARE(s->removed.isValid() ? s->removed.toString() : QString(), cell.removed);
            QCOMPARE(s->evidence, QStringLiteral("hvsupport.html"));
        }
    }
    qInfo("%s: %lld functions, %d driver entries", qPrintable(path), qlonglong(matrix.size()),
          entries);
}

// The question from the design: since when does virDomainSetPerfEvents
// exist per driver, and does LXC implement it?
void TestHvSupport::perfEventsDrivers()
{
    if (!QFileInfo::exists(installedPage()))
        QSKIP("libvirt-doc is not installed");
    QFile f(installedPage());
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QString html = QString::fromUtf8(f.readAll());
    // The row of virDomainSetPerfEvents and the header of the table it sits in.
    const qsizetype at = html.indexOf(QLatin1String(">virDomainSetPerfEvents</a>"));
    QVERIFY(at > 0);
    const qsizetype tableStart = html.lastIndexOf(QLatin1String("<table"), at);
    const QString header =
        html.mid(tableStart, html.indexOf(QLatin1String("</thead>"), tableStart) - tableStart);
    QStringList columns;
    static const QRegularExpression th(QStringLiteral("<th>([^<]*)</th>"));
    for (auto m = th.globalMatch(header); m.hasNext();)
        columns.append(m.next().captured(1));
    const QString row = html.mid(at, html.indexOf(QLatin1String("</tr>"), at) - at);
    QStringList cells{QStringLiteral("virDomainSetPerfEvents")};
    static const QRegularExpression td(QStringLiteral("<td\\s*/>|<td>([^<]*)</td>"));
    for (auto m = td.globalMatch(row); m.hasNext();)
        cells.append(m.next().captured(1));
    QCOMPARE(cells.size(), columns.size());
    const QString qemuCell = cells.at(columns.indexOf(QLatin1String("qemu")));
    QVERIFY(!qemuCell.isEmpty());
    QVERIFY(columns.contains(QLatin1String("lxc")));
    QVERIFY(cells.at(columns.indexOf(QLatin1String("lxc"))).isEmpty());

    Diagnostics diagnostics;
    const DriverMatrix matrix = readHvSupportHtml(installedPage(), &diagnostics);
    const QList<DriverSupport> drivers = matrix.value(QStringLiteral("virDomainSetPerfEvents"));
    const DriverSupport *qemu = find(drivers, QStringLiteral("qemu"));
    QVERIFY(qemu);
    QCOMPARE(qemu->since.toString(), qemuCell);
    QVERIFY(!qemu->removed.isValid());
    QVERIFY(!find(drivers, QStringLiteral("lxc")));
    // The qemu-only API has no LXC column entry either, and LXC-only ones no qemu.
    QVERIFY(
        !find(matrix.value(QStringLiteral("virDomainQemuMonitorCommand")), QStringLiteral("lxc")));
    QVERIFY(
        find(matrix.value(QStringLiteral("virDomainQemuMonitorCommand")), QStringLiteral("qemu")));
    QVERIFY(
        !find(matrix.value(QStringLiteral("virDomainLxcOpenNamespace")), QStringLiteral("qemu")));
}

void TestHvSupport::removals()
{
    if (!QFileInfo::exists(installedPage()))
        QSKIP("libvirt-doc is not installed");
    Diagnostics diagnostics;
    const DriverMatrix matrix = readHvSupportHtml(installedPage(), &diagnostics);
    const testregex::Page page = testregex::readPage(installedPage());
    int removed = 0;
    for (const QList<DriverSupport> &list : matrix) {
        for (const DriverSupport &s : list) {
            if (s.removed.isValid()) {
                ++removed;
                QVERIFY(s.since < s.removed);
            }
        }
    }
    QVERIFY(page.removalCells > 0);
    QCOMPARE(removed, page.removalCells);
}

// Function items named by the matrix get attrs["drivers"]; others are untouched.
void TestHvSupport::applyToItems()
{
    if (!QFileInfo::exists(installedPage()))
        QSKIP("libvirt-doc is not installed");
    Diagnostics diagnostics;
    const DriverMatrix matrix = readHvSupportHtml(installedPage(), &diagnostics);
    ItemList items;
    Item perf;
    perf.name = QStringLiteral("virDomainSetPerfEvents");
    items.append(perf);
    Item notAFunction = perf;
    notAFunction.kind = ItemKind::EnumValue;
    items.append(notAFunction);
    Item unknown;
    unknown.name = QStringLiteral("virNoSuchFunction");
    items.append(unknown);
    QCOMPARE(applyDriverMatrix(items, matrix), 1);

    const QJsonArray json = items.at(0).attrs.value(QStringLiteral("drivers")).toArray();
    QCOMPARE(json.size(), matrix.value(perf.name).size());
    QCOMPARE(driverSupportFromJson(json), matrix.value(perf.name));
    bool sawQemu = false;
    for (const QJsonValue &v : json) {
        const QJsonObject o = v.toObject();
        QVERIFY(!o.value(QStringLiteral("since")).toString().isEmpty());
        QCOMPARE(o.value(QStringLiteral("evidence")).toString(), QStringLiteral("hvsupport.html"));
        QVERIFY(!o.contains(QStringLiteral("removed")));
        sawQemu = sawQemu || o.value(QStringLiteral("driver")).toString() == QLatin1String("qemu");
    }
    QVERIFY(sawQemu);
    QVERIFY(!items.at(1).attrs.contains(QStringLiteral("drivers")));
    QVERIFY(!items.at(2).attrs.contains(QStringLiteral("drivers")));
}

// The public functions of the installed API XML: every one the page has a
// row for gets its drivers, and the rest of the page is named.
void TestHvSupport::applyToInstalledApi()
{
    const QString apiDir = QStringLiteral("/usr/share/libvirt/api");
    if (!QFileInfo::exists(installedPage()) ||
        !QFileInfo::exists(apiDir + QStringLiteral("/libvirt-api.xml")))
        QSKIP("libvirt-doc or libvirt-dev is not installed");
    ExtractResult api = ApiXmlExtractor().extractDir(apiDir);
    QVERIFY(!hasErrors(api.diagnostics));
    Diagnostics diagnostics;
    const DriverMatrix matrix = readHvSupportHtml(installedPage(), &diagnostics);
    const testregex::Page page = testregex::readPage(installedPage());

    QSet<QString> functions;
    for (const Item &item : std::as_const(api.items)) {
        if (item.kind == ItemKind::Function)
            functions.insert(item.name);
    }
    int expected = 0;
    QStringList notPublic;
    for (auto it = page.rows.cbegin(); it != page.rows.cend(); ++it) {
        if (functions.contains(it.key()))
            ++expected;
        else
            notPublic.append(it.key());
    }
    QVERIFY(expected > 300);
    QCOMPARE(applyDriverMatrix(api.items, matrix), expected);
    notPublic.sort();
    qInfo("%d of %lld public functions have drivers; rows for non-public names: %s", expected,
          qlonglong(functions.size()), qPrintable(notPublic.join(QLatin1String(", "))));

    for (const Item &item : std::as_const(api.items)) {
        if (item.name != QLatin1String("virDomainQemuMonitorCommand") ||
            item.kind != ItemKind::Function)
            continue;
        QCOMPARE(item.origin, QStringLiteral("header:libvirt-qemu"));
        const QList<DriverSupport> drivers =
            driverSupportFromJson(item.attrs.value(QStringLiteral("drivers")).toArray());
        QVERIFY(find(drivers, QStringLiteral("qemu")));
        QVERIFY(!find(drivers, QStringLiteral("lxc")));
    }
}

QTEST_GUILESS_MAIN(TestHvSupport)
#include "tst_hvsupport.moc"
