// "Since" notes from libvirt-doc's format pages, attached to the installed
// schema items only when the match is confident.
#include "extract/schema/docsinceextractor.h"
#include "extract/schema/schemaextractor.h"

#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QRegularExpression>
#include <QTest>

using namespace vse;

namespace {
const QString kInstalled = QStringLiteral("/usr/share/libvirt/schemas");
} // namespace

class TestDocSince : public QObject
{
    Q_OBJECT

private slots:
    void docSince();
};

void TestDocSince::docSince()
{
    const QString docs = DocSinceExtractor::installedDocDir();
    if (!QFileInfo::exists(docs + QStringLiteral("/formatdomain.html")))
        QSKIP("libvirt-doc is not installed");
    ExtractResult r = SchemaExtractor::extractDir(kInstalled);
    Diagnostics d;
    const int count = DocSinceExtractor::apply(r.items, docs, &d);
    qInfo("%d of %lld schema items got a since from the documentation", count, qlonglong(r.items.size()));
    QVERIFY(count > 50);
    // Every attached since is backed by a definition-list entry of that page
    // naming the item, whose description has exactly that since note: checked
    // on the raw HTML, independently of the HTML parser.
    QHash<QString, QString> pages;
    int checked = 0;
    for (const Item &item : std::as_const(r.items)) {
        const Evidence *e = nullptr;
        for (const Evidence &x : item.evidence)
            if (x.kind == Evidence::Kind::Documentation)
                e = &x;
        if (!e)
            continue;
        QCOMPARE(item.since(), e->version);
        if (!pages.contains(e->detail)) {
            QFile f(docs + QLatin1Char('/') + e->detail);
            QVERIFY(f.open(QIODevice::ReadOnly));
            pages.insert(e->detail, QString::fromUtf8(f.readAll()));
        }
        const QString name = item.kind == ItemKind::XmlAttribute ? item.name.section(QLatin1Char('@'), -1)
                                                                 : item.name.section(QLatin1Char('/'), -1);
        const QRegularExpression entry(
            QStringLiteral("<dt><span class=\"docutils literal\">(?:<span class=\"pre\">)?%1(?:</span>)?</span></dt>"
                           "\\s*<dd>((?:(?!</dd>).)*)</dd>")
                .arg(QRegularExpression::escape(name)),
            QRegularExpression::DotMatchesEverythingOption);
        bool backed = false;
        for (auto it = entry.globalMatch(pages.value(e->detail)); it.hasNext();) {
            const QString body = it.next().captured(1);
            if (body.count(QLatin1String("class=\"since\"")) == 1 &&
                body.contains(QRegularExpression(QStringLiteral("class=\"since\">\\s*[Ss]ince\\s+%1\\b")
                                                     .arg(QRegularExpression::escape(e->version.toString())))))
                backed = true;
        }
        QVERIFY2(backed, qPrintable(item.name + QLatin1Char(' ') + e->describe()));
        if (checked % 15 == 0)
            qInfo("  e.g. %s since %s", qPrintable(item.name), qPrintable(e->version.toString()));
        ++checked;
    }
    QCOMPARE(checked, count);
}

QTEST_GUILESS_MAIN(TestDocSince)
#include "tst_docsince.moc"
