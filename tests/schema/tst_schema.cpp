// The schema index on real schemas (installed libvirt, every corpus release)
// and on small hostile schemas written by the test itself.
#include "extract/schema/schemaextractor.h"
#include "model/policy.h"
#include "testdata.h"

#include <QDir>
#include <QFile>
#include <QHash>
#include <QJsonArray>
#include <QRegularExpression>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

using namespace vse;

namespace {

const QString kInstalled = QStringLiteral("/usr/share/libvirt/schemas");

QHash<QString, const Item *> byName(const ItemList &items)
{
    QHash<QString, const Item *> h;
    for (const Item &i : items)
        h.insert(i.name, &i);
    return h;
}

QString firstError(const Diagnostics &d)
{
    for (const auto &x : d)
        if (x.isError())
            return x.toString();
    return {};
}

// Independent of the extractor: names of <element name=...> and
// <attribute name=...> in the files, comments stripped (libvirt keeps
// commented-out patterns in its schemas), prefixes dropped.
QSet<QString> namesByRegex(const QString &dir, const QString &pattern)
{
    static const QRegularExpression comment(QStringLiteral("<!--.*?-->"),
                                            QRegularExpression::DotMatchesEverythingOption);
    const QRegularExpression re(QStringLiteral("<%1\\s[^>]*?\\bname\\s*=\\s*[\"']([^\"']+)[\"']").arg(pattern));
    QSet<QString> names;
    for (const QString &f : QDir(dir).entryList({QStringLiteral("*.rng")}, QDir::Files)) {
        QFile file(QDir(dir).filePath(f));
        if (!file.open(QIODevice::ReadOnly))
            continue;
        QString text = QString::fromUtf8(file.readAll());
        text.remove(comment);
        for (auto it = re.globalMatch(text); it.hasNext();) {
            const QString n = it.next().captured(1);
            names.insert(n.mid(n.indexOf(QLatin1Char(':')) + 1));
        }
    }
    return names;
}

QString lastSegment(const Item &item)
{
    QString s = item.kind == ItemKind::XmlAttribute ? item.name.section(QLatin1Char('@'), -1)
                                                    : item.name.section(QLatin1Char('/'), -1);
    return s.mid(s.indexOf(QLatin1Char(':')) + 1);
}

void write(const QString &path, const QByteArray &data)
{
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(data);
}

int lineOf(const QByteArray &text, const char *needle)
{
    return int(text.left(text.indexOf(needle)).count('\n')) + 1;
}

QByteArray grammar(const QByteArray &body)
{
    return "<?xml version=\"1.0\"?>\n<grammar xmlns=\"http://relaxng.org/ns/structure/1.0\">\n" + body +
           "\n</grammar>\n";
}

} // namespace

class TestSchema : public QObject
{
    Q_OBJECT

private slots:
    void diskCacheValues();
    void qemuNamespace();
    void taintCatalogueMatchesSchema();
    void releaseIndexesCompletely_data();
    void releaseIndexesCompletely();
    void canonicalPathsAndAliases();
    void findSchemaDir();
    void missingDefine();
    void missingInclude();
    void malformedAndBinary();
    void malformedReadAsRecovered();
    void includeLoopAndRecursion();
    void overridesAndCombine();
    void nestedGrammarAndExternalRef();
    void badFolders();
    void navigatorText_data();
    void navigatorText();
};

void TestSchema::diskCacheValues()
{
    const ExtractResult r = SchemaExtractor::extractDir(kInstalled);
    QVERIFY2(!hasErrors(r.diagnostics), qPrintable(firstError(r.diagnostics)));
    const auto items = byName(r.items);
    const Item *cache = items.value(QStringLiteral("domain/devices/disk/driver@cache"));
    QVERIFY(cache);
    QCOMPARE(cache->kind, ItemKind::XmlAttribute);
    QCOMPARE(cache->parent, QStringLiteral("domain/devices/disk/driver"));
    QCOMPARE(cache->attrs.value(QStringLiteral("optional")).toBool(), true);
    QSet<QString> values;
    for (const auto &v : cache->attrs.value(QStringLiteral("values")).toArray())
        values.insert(v.toString());
    const QSet<QString> expected{QStringLiteral("default"), QStringLiteral("none"),
                                 QStringLiteral("writethrough"), QStringLiteral("writeback"),
                                 QStringLiteral("directsync"), QStringLiteral("unsafe")};
    QCOMPARE(values, expected);
    for (const QString &v : expected) {
        const Item *value = items.value(cache->name + QLatin1Char('=') + v);
        QVERIFY2(value, qPrintable(v));
        QCOMPARE(value->kind, ItemKind::XmlValue);
        QCOMPARE(value->parent, cache->name);
        QCOMPARE(value->tier, QStringLiteral("stable"));
        QVERIFY(value->file.endsWith(QLatin1String(".rng")) && value->line > 0);
    }
    QCOMPARE(cache->attrs.value(QStringLiteral("schema")).toString(), QStringLiteral("domain.rng"));
    QVERIFY(!cache->attrs.value(QStringLiteral("define")).toString().isEmpty());
    QCOMPARE(cache->origin, QStringLiteral("schema:core"));
}

void TestSchema::qemuNamespace()
{
    const ExtractResult r = SchemaExtractor::extractDir(kInstalled);
    const auto items = byName(r.items);
    for (const char *name : {"domain/qemu:commandline", "domain/qemu:commandline/qemu:arg",
                             "domain/qemu:commandline/qemu:env", "domain/qemu:commandline/qemu:arg@value"}) {
        const Item *item = items.value(QLatin1String(name));
        QVERIFY2(item, name);
        QCOMPARE(item->origin, QStringLiteral("schema:namespace"));
        QCOMPARE(item->tier, QStringLiteral("namespace-extension"));
        QCOMPARE(item->hypervisor, QStringLiteral("qemu"));
        QVERIFY2(item->taints.contains(QStringLiteral("custom-argv")), name);
    }
    const Item *lxc = items.value(QStringLiteral("domain/lxc:namespace"));
    QVERIFY(lxc);
    QCOMPARE(lxc->hypervisor, QStringLiteral("lxc"));
    QVERIFY(lxc->taints.isEmpty());
    // Core items stay core and untainted.
    const Item *disk = items.value(QStringLiteral("domain/devices/disk"));
    QVERIFY(disk);
    QCOMPARE(disk->tier, QStringLiteral("stable"));
    QVERIFY(disk->hypervisor.isEmpty() && disk->taints.isEmpty());
}

void TestSchema::taintCatalogueMatchesSchema()
{
    // Every XML trigger of the taint catalogue names a real 9.0.0 schema item.
    const ExtractResult r = SchemaExtractor::extractDir(kInstalled);
    const auto items = byName(r.items);
    int checked = 0;
    for (const TaintTrigger &t : Policy::instance().taintTriggers()) {
        if (t.match != QLatin1String("xml"))
            continue;
        const Item *item = items.value(t.name);
        QVERIFY2(item, qPrintable(t.name));
        QVERIFY2(item->taints.contains(t.taint), qPrintable(t.name));
        ++checked;
    }
    QVERIFY(checked >= 5);
}

void TestSchema::releaseIndexesCompletely_data()
{
    QTest::addColumn<QString>("dir");
    QTest::newRow("installed") << kInstalled;
    for (const QString &release : testdata::corpusReleases()) {
        const QString dir = SchemaExtractor::findSchemaDir(QDir(testdata::corpusDir()).filePath(release));
        QTest::newRow(qPrintable(release)) << dir;
    }
}

void TestSchema::releaseIndexesCompletely()
{
    QFETCH(QString, dir);
    QVERIFY2(!dir.isEmpty(), "no schema folder found");
    const ExtractResult r = SchemaExtractor::extractDir(dir);
    QVERIFY2(!hasErrors(r.diagnostics), qPrintable(firstError(r.diagnostics)));

    QSet<QString> elements, attributes, names;
    for (const Item &i : r.items) {
        QVERIFY2(!names.contains(i.name), qPrintable(QStringLiteral("duplicate item ") + i.name));
        names.insert(i.name);
        if (i.kind == ItemKind::XmlElement)
            elements.insert(lastSegment(i));
        else if (i.kind == ItemKind::XmlAttribute)
            attributes.insert(lastSegment(i));
        QVERIFY2(!i.tier.isEmpty() && !i.origin.isEmpty(), qPrintable(i.name));
        QVERIFY2(i.parent.isEmpty() || names.contains(i.parent) || i.kind != ItemKind::XmlValue,
                 qPrintable(i.name));
    }
    elements.remove(QStringLiteral("*"));
    attributes.remove(QStringLiteral("*"));
    const QSet<QString> regexElements = namesByRegex(dir, QStringLiteral("element"));
    const QSet<QString> regexAttributes = namesByRegex(dir, QStringLiteral("attribute"));
    QCOMPARE(elements.size(), regexElements.size());
    QCOMPARE(elements, regexElements);
    QCOMPARE(attributes, regexAttributes);
    qInfo("%s: %lld items, %lld distinct element names, %lld distinct attribute names", qPrintable(dir),
          qlonglong(r.items.size()), qlonglong(elements.size()), qlonglong(attributes.size()));
    for (const char *known : {"domain", "domain/devices/disk", "domain/devices/disk@type",
                              "domain/devices/disk/target@dev", "domain/memory", "network", "pool", "volume"})
        QVERIFY2(names.contains(QLatin1String(known)), known);
}

void TestSchema::canonicalPathsAndAliases()
{
    const ExtractResult r = SchemaExtractor::extractDir(kInstalled);
    const auto items = byName(r.items);
    // The device <address> is one pattern shared by every device type: one
    // canonical path, the others as aliases.
    int withDiskAlias = 0;
    for (const Item &i : r.items)
        if (i.attrs.value(QStringLiteral("aliases")).toArray().contains(QStringLiteral("domain/devices/disk/address")))
            ++withDiskAlias;
    QCOMPARE(withDiskAlias, 1);
    QVERIFY(!items.contains(QStringLiteral("domain/devices/disk/address")));
    // anyName elements get a "*" segment.
    QVERIFY(items.contains(QStringLiteral("domain/metadata/*")));
    // cpu.rng's root is the domain's <cpu>: named by its domain path.
    QVERIFY(items.contains(QStringLiteral("domain/cpu@mode=host-passthrough")));
    QVERIFY(items.contains(QStringLiteral("domain/os/dtb")));
    // Items from several roots are not duplicated: the snapshot's inline
    // domain uses the domain's items.
    QVERIFY(!items.contains(QStringLiteral("domainsnapshot/domain/devices/disk")));
}

void TestSchema::findSchemaDir()
{
    QTemporaryDir tmp;
    QVERIFY(QDir(tmp.path()).mkpath(QStringLiteral("src/conf/schemas")));
    QCOMPARE(SchemaExtractor::findSchemaDir(tmp.path()), QString());
    write(tmp.filePath(QStringLiteral("src/conf/schemas/x.rng")), grammar("<start><element name=\"x\"><empty/></element></start>"));
    QCOMPARE(SchemaExtractor::findSchemaDir(tmp.path()), QDir::cleanPath(tmp.filePath(QStringLiteral("src/conf/schemas"))));
    for (const QString &release : testdata::corpusReleases())
        QVERIFY(SchemaExtractor::findSchemaDir(QDir(testdata::corpusDir()).filePath(release)).endsWith(QLatin1String("docs/schemas")));
}

void TestSchema::missingDefine()
{
    QTemporaryDir tmp;
    const QByteArray text = grammar("<start><element name=\"a\">\n<optional>\n<ref name=\"nope\"/>\n</optional>"
                                     "<element name=\"b\"><text/></element></element></start>");
    write(tmp.filePath(QStringLiteral("a.rng")), text);
    const ExtractResult r = SchemaExtractor::extractDir(tmp.path());
    QVERIFY(hasErrors(r.diagnostics));
    const Diagnostic &d = r.diagnostics.constFirst();
    QVERIFY(d.file.endsWith(QLatin1String("a.rng")));
    QCOMPARE(d.line, lineOf(text, "<ref name=\"nope\""));
    QVERIFY(d.message.contains(QLatin1String("nope")));
    // The rest is still indexed.
    QVERIFY(byName(r.items).contains(QStringLiteral("a/b")));
}

void TestSchema::missingInclude()
{
    QTemporaryDir tmp;
    const QByteArray text = grammar("<start><element name=\"a\"><empty/></element></start>\n<include href=\"gone.rng\"/>");
    write(tmp.filePath(QStringLiteral("a.rng")), text);
    const ExtractResult r = SchemaExtractor::extractDir(tmp.path());
    QVERIFY(hasErrors(r.diagnostics));
    QVERIFY(r.diagnostics.constFirst().file.endsWith(QLatin1String("a.rng")));
    QCOMPARE(r.diagnostics.constFirst().line, lineOf(text, "<include"));
    QVERIFY(r.diagnostics.constFirst().message.contains(QLatin1String("gone.rng")));
}

void TestSchema::malformedAndBinary()
{
    QTemporaryDir tmp;
    const QByteArray text = grammar("<start><element name=\"a\"><empty/></element></start>");
    write(tmp.filePath(QStringLiteral("t.rng")), text.left(text.size() - 20));
    QByteArray garbage;
    for (int i = 0; i < 4096; ++i)
        garbage.append(char((i * 131 + 7) % 256));
    write(tmp.filePath(QStringLiteral("g.rng")), garbage);
    const ExtractResult r = SchemaExtractor::extractDir(tmp.path());
    QSet<QString> blamed;
    for (const Diagnostic &d : r.diagnostics) {
        QVERIFY(d.isError());
        QVERIFY(d.line > 0);
        blamed.insert(QFileInfo(d.file).fileName());
    }
    QCOMPARE(blamed, (QSet<QString>{QStringLiteral("t.rng"), QStringLiteral("g.rng")}));
}

// An unclosed tag (libvirt 0.7.1's secret.rng): by default no items, an
// error naming the line; asked to recover (the release history), the items
// libxml2's mended tree declares, and the error still.
void TestSchema::malformedReadAsRecovered()
{
    QTemporaryDir tmp;
    const QByteArray text = grammar("<start><element name=\"a\"><attribute name=\"x\"/>"
                                    "<optional><element name=\"b\">\n<ref name=\"c\">\n</element></optional>"
                                    "</element></start><define name=\"c\"><empty/></define>");
    write(tmp.filePath(QStringLiteral("t.rng")), text);
    for (const bool recover : {false, true}) {
        const ExtractResult r = SchemaExtractor::extractDir(tmp.path(), {}, recover);
        QVERIFY(hasErrors(r.diagnostics));
        const Diagnostic &d = r.diagnostics.constFirst();
        QVERIFY(d.file.endsWith(QLatin1String("t.rng")));
        QVERIFY2(d.line >= lineOf(text, "<ref name"), qPrintable(d.message));
        QCOMPARE(d.message.contains(QLatin1String("read as libxml2 recovers it")), recover);
        const auto items = byName(r.items);
        QCOMPARE(items.contains(QStringLiteral("a")), recover);
        QCOMPARE(items.contains(QStringLiteral("a@x")), recover);
    }
}

void TestSchema::includeLoopAndRecursion()
{
    QTemporaryDir tmp;
    write(tmp.filePath(QStringLiteral("a.rng")),
          grammar("<include href=\"b.rng\"/><start><ref name=\"r\"/></start>"
                  "<define name=\"loop\"><optional><ref name=\"loop\"/></optional><attribute name=\"x\"/></define>"
                  "<define name=\"r\"><element name=\"r\"><ref name=\"loop\"/><optional><ref name=\"r\"/></optional>"
                  "</element></define>"));
    write(tmp.filePath(QStringLiteral("b.rng")), grammar("<include href=\"a.rng\"/>"));
    const ExtractResult r = SchemaExtractor::extractDir(tmp.path());
    bool loop = false;
    for (const Diagnostic &d : r.diagnostics)
        loop = loop || d.message.contains(QLatin1String("include loop"));
    QVERIFY(loop);
    const auto items = byName(r.items);
    QVERIFY(items.contains(QStringLiteral("r")));
    QVERIFY(items.contains(QStringLiteral("r@x")));
    const Item *root = items.value(QStringLiteral("r"));
    QVERIFY(root->attrs.value(QStringLiteral("aliases")).toArray().contains(QStringLiteral("r/r")));
}

void TestSchema::overridesAndCombine()
{
    QTemporaryDir tmp;
    write(tmp.filePath(QStringLiteral("lib.rng")),
          grammar("<define name=\"inner\"><element name=\"old\"><empty/></element></define>"
                  "<define name=\"extra\"><notAllowed/></define>"));
    write(tmp.filePath(QStringLiteral("top.rng")),
          grammar("<start><element name=\"top\"><ref name=\"inner\"/><optional><ref name=\"extra\"/></optional>"
                  "</element></start>"
                  "<include href=\"lib.rng\"><define name=\"inner\"><element name=\"new\"><empty/></element></define></include>"
                  "<define name=\"extra\" combine=\"choice\"><attribute name=\"mode\"><choice>"
                  "<value>a</value><value>b</value></choice></attribute></define>"));
    const ExtractResult r = SchemaExtractor::extractDir(tmp.path());
    QVERIFY2(!hasErrors(r.diagnostics), qPrintable(firstError(r.diagnostics)));
    const auto items = byName(r.items);
    QVERIFY(items.contains(QStringLiteral("top/new")));
    QVERIFY(!items.contains(QStringLiteral("top/old")));
    QVERIFY(items.contains(QStringLiteral("top@mode=a")));
    QVERIFY(items.contains(QStringLiteral("top@mode=b")));
    QCOMPARE(items.value(QStringLiteral("top@mode"))->attrs.value(QStringLiteral("optional")).toBool(), true);
    QCOMPARE(items.value(QStringLiteral("top@mode"))->attrs.value(QStringLiteral("schema")).toString(),
             QStringLiteral("top.rng"));
}

void TestSchema::nestedGrammarAndExternalRef()
{
    QTemporaryDir tmp;
    write(tmp.filePath(QStringLiteral("ext.rng")),
          "<element name=\"ext\" xmlns=\"http://relaxng.org/ns/structure/1.0\"><data type=\"int\"/></element>");
    write(tmp.filePath(QStringLiteral("outer.rng")),
          grammar("<start><element name=\"outer\"><externalRef href=\"ext.rng\"/>"
                  "<grammar><start><element name=\"inner\"><parentRef name=\"p\"/></element></start></grammar>"
                  "<element name=\"x\" ns=\"http://libvirt.org/schemas/domain/qemu/1.0\"><empty/></element>"
                  "</element></start>"
                  "<define name=\"p\"><element name=\"fromParent\"><empty/></element></define>"));
    const ExtractResult r = SchemaExtractor::extractDir(tmp.path());
    QVERIFY2(!hasErrors(r.diagnostics), qPrintable(firstError(r.diagnostics)));
    const auto items = byName(r.items);
    // ext.rng is a schema of its own too (a bare pattern is its start), so
    // its element is named by the shorter path and outer/ext is an alias.
    const Item *ext = items.value(QStringLiteral("ext"));
    QVERIFY(ext);
    QCOMPARE(ext->attrs.value(QStringLiteral("datatype")).toString(), QStringLiteral("int"));
    QVERIFY(ext->attrs.value(QStringLiteral("aliases")).toArray().contains(QStringLiteral("outer/ext")));
    QVERIFY(items.contains(QStringLiteral("outer/inner/fromParent")));
    QVERIFY(items.contains(QStringLiteral("outer/qemu:x")));
    QCOMPARE(items.value(QStringLiteral("outer/qemu:x"))->hypervisor, QStringLiteral("qemu"));
}

void TestSchema::badFolders()
{
    QTemporaryDir tmp;
    ExtractResult r = SchemaExtractor::extractDir(tmp.filePath(QStringLiteral("nope")));
    QVERIFY(hasErrors(r.diagnostics));
    r = SchemaExtractor::extractDir(tmp.path());
    QVERIFY(hasErrors(r.diagnostics));
    QVERIFY(r.items.isEmpty());
}

void TestSchema::navigatorText_data()
{
    releaseIndexesCompletely_data();
}

// The index keeps check-xml's navigator as text: read back, it must answer
// exactly as the one built from the schema files.
void TestSchema::navigatorText()
{
    QFETCH(QString, dir);
    const SchemaIndex built = SchemaExtractor::indexDir(dir, false);
    QVERIFY(!built.navigator.isEmpty());
    const QString text = built.navigator.toText();
    QVERIFY(text.startsWith(QLatin1String("vse-navigator 1\n")));
    const auto read = SchemaNavigator::fromText(text);
    QVERIFY(read.has_value());
    QCOMPARE(read->toText(), text);
    int children = 0;
    for (const QStringView line : QStringView(text).split(QLatin1Char('\n'))) {
        const auto f = line.split(QLatin1Char('\t'));
        if (f.size() != 4)
            continue;
        if (f.at(0) == u"r") {
            QCOMPARE(read->rootPath(f.at(1).toString()), built.navigator.rootPath(f.at(1).toString()));
            QCOMPARE(read->rootSchema(f.at(1).toString()), built.navigator.rootSchema(f.at(1).toString()));
        } else {
            ++children;
            QCOMPARE(read->childPath(f.at(1).toString(), f.at(2).toString()),
                     built.navigator.childPath(f.at(1).toString(), f.at(2).toString()));
        }
    }
    QVERIFY2(children > 100, qPrintable(QString::number(children)));
    QCOMPARE(read->rootSchema(QStringLiteral("domain")), QStringLiteral("domain.rng"));
    // Anything else is refused, not half read.
    QVERIFY(!SchemaNavigator::fromText(QString()).has_value());
    QVERIFY(!SchemaNavigator::fromText(QStringLiteral("vse-navigator 2\nr\tdomain\tdomain\tdomain.rng")).has_value());
    QVERIFY(!SchemaNavigator::fromText(QStringLiteral("vse-navigator 1\nr\tdomain\tdomain")).has_value());
    QVERIFY(!SchemaNavigator::fromText(QStringLiteral("vse-navigator 1\nx\ta\tb\tc")).has_value());
}

QTEST_GUILESS_MAIN(TestSchema)
#include "tst_schema.moc"
