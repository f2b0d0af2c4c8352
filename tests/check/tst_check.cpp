// The domain-XML checker on real libvirt schemas (installed 9.0.0) with
// documents written by the test, including hostile ones.
#include "check/domainxmlchecker.h"
#include "check/libxmlmemory.h"
#include "check/untrustedxml.h"
#include "testdata.h"

#include <QDir>
#include <QFile>
#include <QHash>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>

#include <thread>

using namespace vse;

namespace {

const QString kSchemas = QStringLiteral("/usr/share/libvirt/schemas");

const char kDomain[] = R"(<domain type='kvm' xmlns:qemu='http://libvirt.org/schemas/domain/qemu/1.0'>
  <name>demo</name>
  <memory unit='KiB'>524288</memory>
  <os>
    <type arch='x86_64' machine='pc'>hvm</type>
  </os>
  <cpu mode='host-passthrough'/>
  <devices>
    <disk type='file' device='disk'>
      <driver name='qemu' type='qcow2' cache='writeback'/>
      <source file='/var/lib/libvirt/images/demo.qcow2'/>
      <target dev='vda' bus='virtio'/>
      <address type='pci' domain='0x0000' bus='0x00' slot='0x04' function='0x0'/>
    </disk>
    <!--EXTRA-->
  </devices>
  <qemu:commandline>
    <qemu:arg value='-no-reboot'/>
    <qemu:env name='FOO' value='bar'/>
  </qemu:commandline>
</domain>
)";

int lineOf(const QByteArray &text, const char *needle)
{
    return int(text.left(text.indexOf(needle)).count('\n')) + 1;
}

// The index stand-in: this project's own schema items, plus a few "since"
// values so the target-release logic has something to compare.
class Index
{
public:
    Index()
    {
        for (const Item &i : cachedSchemaIndex(kSchemas)->result.items)
            m_items.insert(i.name, i);
        since(QStringLiteral("domain/devices/disk/driver@cache"), Version(0, 6, 0));
        since(QStringLiteral("domain/qemu:commandline"), Version(0, 8, 3));
        // Known only as a range: absent in 0.5.0, present in 0.9.0.
        range(QStringLiteral("domain/memory@unit"), Version(0, 5, 0), Version(0, 9, 0));
    }
    ItemLookup lookup() const
    {
        return [this](const QString &path) -> const Item * {
            auto it = m_items.constFind(path);
            return it == m_items.constEnd() ? nullptr : &*it;
        };
    }

private:
    void since(const QString &name, Version v)
    {
        QVERIFY(m_items.contains(name));
        m_items[name].evidence.append({Evidence::Kind::Documentation, v, QStringLiteral("test")});
    }
    void range(const QString &name, Version after, Version upTo)
    {
        QVERIFY(m_items.contains(name));
        Evidence e(Evidence::Kind::History, upTo, QStringLiteral("test"));
        e.after = after;
        m_items[name].evidence.append(e);
    }
    QHash<QString, Item> m_items;
};

QString writeFile(QTemporaryDir &dir, const QString &name, const QByteArray &data)
{
    const QString path = dir.filePath(name);
    QFile f(path);
    if (f.open(QIODevice::WriteOnly))
        f.write(data);
    return path;
}

const XmlCheckFinding *find(const XmlCheckReport &r, XmlCheckFinding::Kind kind, const QString &path,
                            const QString &taint = {})
{
    for (const auto &f : r.findings)
        if (f.kind == kind && f.path == path && (taint.isEmpty() || f.taint == taint))
            return &f;
    return nullptr;
}

QString dump(const XmlCheckReport &r)
{
    QString s;
    for (const auto &d : r.diagnostics)
        s += d.toString() + QLatin1Char('\n');
    for (const auto &f : r.findings)
        if (f.kind == XmlCheckFinding::ValidationError || f.kind == XmlCheckFinding::Unknown)
            s += QString::number(f.line) + QLatin1Char(' ') + f.message + QLatin1Char('\n');
    return s;
}

} // namespace

class TestCheck : public QObject
{
    Q_OBJECT

private slots:
    void commandlineTaint();
    void targetRelease();
    void unknownElement();
    void otherRoots();
    void externalEntityRefused();
    void billionLaughsRefused();
    void binaryRefused();
    void oversizeRefused();
    void malformed();
    void blockCacheSameReports();

private:
    Index m_index;
};

void TestCheck::commandlineTaint()
{
    QTemporaryDir tmp;
    const QByteArray xml(kDomain);
    const XmlCheckReport r = checkXml(writeFile(tmp, QStringLiteral("d.xml"), xml), kSchemas, m_index.lookup(), {});
    QVERIFY2(r.valid, qPrintable(dump(r)));
    QVERIFY(r.diagnostics.isEmpty());
    QCOMPARE(r.schema, kSchemas + QStringLiteral("/domain.rng"));
    QVERIFY(r.taints().contains(QStringLiteral("custom-argv")));
    QVERIFY(r.taints().contains(QStringLiteral("host-cpu")));
    const auto *taint = find(r, XmlCheckFinding::Taint, QStringLiteral("domain/qemu:commandline"),
                             QStringLiteral("custom-argv"));
    QVERIFY(taint);
    QCOMPARE(taint->line, lineOf(xml, "<qemu:commandline>"));
    QVERIFY(find(r, XmlCheckFinding::Taint, QStringLiteral("domain/qemu:commandline/qemu:arg"),
                 QStringLiteral("custom-argv")));
    const auto *ns = find(r, XmlCheckFinding::NamespaceExtension, QStringLiteral("domain/qemu:commandline/qemu:env"));
    QVERIFY(ns);
    QCOMPARE(ns->hypervisor, QStringLiteral("qemu"));
    QCOMPARE(ns->tier, QStringLiteral("namespace-extension"));
    const auto *cache = find(r, XmlCheckFinding::Uses, QStringLiteral("domain/devices/disk/driver@cache=writeback"));
    QVERIFY(cache);
    QCOMPARE(cache->tier, QStringLiteral("stable"));
    QCOMPARE(cache->line, lineOf(xml, "<driver"));
    // The disk's <address> is the shared device address pattern: the finding
    // names the canonical item it maps to.
    const auto *address = find(r, XmlCheckFinding::Uses, QStringLiteral("domain/devices/disk/address@type=pci"));
    QVERIFY(address);
    QVERIFY(address->item.endsWith(QLatin1String("/address@type=pci")));
    QVERIFY(r.findingsOf(XmlCheckFinding::Unknown).isEmpty());
    QVERIFY(r.cleanFor(Version(9, 0, 0)));
    QCOMPARE(r.toJson().value(QStringLiteral("valid")).toBool(), true);
}

void TestCheck::targetRelease()
{
    const XmlCheckReport r =
        checkXmlData(QByteArray(kDomain), QStringLiteral("paste"), kSchemas, m_index.lookup(), Version(0, 7, 0));
    QVERIFY(r.valid);
    const auto *newer = find(r, XmlCheckFinding::NewerThanTarget, QStringLiteral("domain/qemu:commandline"));
    QVERIFY(newer);
    QCOMPARE(newer->since.exactVersion(), Version(0, 8, 3));
    QVERIFY(!find(r, XmlCheckFinding::NewerThanTarget, QStringLiteral("domain/devices/disk/driver@cache")));
    QVERIFY(!r.cleanFor(Version(0, 7, 0)));
    // The range 0.5.0 < since <= 0.9.0 contains 0.7.0: "may be too new", not a failure.
    const auto *maybe = find(r, XmlCheckFinding::MaybeNewerThanTarget, QStringLiteral("domain/memory@unit"));
    QVERIFY(maybe);
    QVERIFY(!find(r, XmlCheckFinding::NewerThanTarget, QStringLiteral("domain/memory@unit")));
    QCOMPARE(maybe->since.toString(), QStringLiteral("0.5.0 < since \u2264 0.9.0"));
    // One JSON shape everywhere: "since" is null unless exact (README, "JSON").
    QVERIFY(maybe->toJson().value(QStringLiteral("since")).isNull());
    QVERIFY(maybe->toJson().contains(QStringLiteral("since")));
    QCOMPARE(maybe->toJson().value(QStringLiteral("sinceRange")).toObject().value(QStringLiteral("after")).toString(),
             QStringLiteral("0.5.0"));
    QVERIFY(r.uncertainFor(Version(0, 7, 0)));
    // At 0.8.3 the exact item is fine and the range still straddles the target.
    const XmlCheckReport at083 =
        checkXmlData(QByteArray(kDomain), QStringLiteral("paste"), kSchemas, m_index.lookup(), Version(0, 8, 3));
    QVERIFY(at083.cleanFor(Version(0, 8, 3)));
    QVERIFY(at083.uncertainFor(Version(0, 8, 3)));
    // A target at or below the lower end makes it certainly too new.
    const XmlCheckReport at050 =
        checkXmlData(QByteArray(kDomain), QStringLiteral("paste"), kSchemas, m_index.lookup(), Version(0, 5, 0));
    QVERIFY(find(at050, XmlCheckFinding::NewerThanTarget, QStringLiteral("domain/memory@unit")));
    // From the upper end on it is supported.
    const XmlCheckReport at090 =
        checkXmlData(QByteArray(kDomain), QStringLiteral("paste"), kSchemas, m_index.lookup(), Version(0, 9, 0));
    QVERIFY(at090.cleanFor(Version(0, 9, 0)));
    QVERIFY(!at090.uncertainFor(Version(0, 9, 0)));
}

void TestCheck::unknownElement()
{
    QByteArray xml(kDomain);
    xml.replace("<!--EXTRA-->", "<bogus attr='1'/>");
    const XmlCheckReport r = checkXmlData(xml, QStringLiteral("bad.xml"), kSchemas, m_index.lookup(), {});
    QVERIFY(!r.valid);
    QVERIFY(!r.cleanFor(Version(9, 0, 0)));
    const auto errors = r.findingsOf(XmlCheckFinding::ValidationError);
    QVERIFY(!errors.isEmpty());
    for (const auto &e : errors)
        QVERIFY2(e.line > 0 && !e.message.isEmpty(), qPrintable(dump(r)));
    const int line = lineOf(xml, "<bogus");
    const bool pointed = std::any_of(errors.cbegin(), errors.cend(), [&](const XmlCheckFinding &f) {
        return f.line == line || f.line == lineOf(xml, "<devices>");
    });
    QVERIFY2(pointed, qPrintable(dump(r)));
    const auto *unknown = find(r, XmlCheckFinding::Unknown, QStringLiteral("domain/devices/bogus"));
    QVERIFY(unknown);
    QCOMPARE(unknown->line, line);
}

void TestCheck::otherRoots()
{
    const QByteArray network = "<network>\n  <name>default</name>\n  <forward mode='nat'/>\n"
                               "  <bridge name='virbr0'/>\n  <ip address='192.168.122.1' netmask='255.255.255.0'/>\n"
                               "</network>\n";
    XmlCheckReport r = checkXmlData(network, QStringLiteral("net.xml"), kSchemas, m_index.lookup(), {});
    QVERIFY2(r.valid, qPrintable(dump(r)));
    QCOMPARE(r.schema, kSchemas + QStringLiteral("/network.rng"));
    QVERIFY(find(r, XmlCheckFinding::Uses, QStringLiteral("network/forward@mode=nat")));
    r = checkXmlData("<nosuchroot/>", QStringLiteral("x.xml"), kSchemas, m_index.lookup(), {});
    QVERIFY(hasErrors(r.diagnostics));
    QVERIFY(r.diagnostics.constFirst().message.contains(QLatin1String("nosuchroot")));
}

void TestCheck::externalEntityRefused()
{
    QTemporaryDir tmp;
    const QString secret = writeFile(tmp, QStringLiteral("secret.txt"), "TOP-SECRET-CONTENT");
    const QByteArray xxe = "<?xml version='1.0'?>\n<!DOCTYPE domain [\n  <!ENTITY xxe SYSTEM 'file://" +
                           secret.toUtf8() + "'>\n]>\n<domain type='kvm'><name>&xxe;</name></domain>\n";
    XmlCheckReport r = checkXml(writeFile(tmp, QStringLiteral("xxe.xml"), xxe), kSchemas, m_index.lookup(), {});
    QVERIFY(hasErrors(r.diagnostics));
    QVERIFY(!r.valid);
    QVERIFY(r.findings.isEmpty());
    QVERIFY(r.diagnostics.constFirst().message.contains(QLatin1String("refused")));
    QCOMPARE(r.diagnostics.constFirst().line, lineOf(xxe, "<!ENTITY"));
    QVERIFY(!QJsonDocument(r.toJson()).toJson().contains("TOP-SECRET"));

    const QByteArray external = "<!DOCTYPE domain SYSTEM 'http://192.0.2.1/evil.dtd'>\n<domain type='kvm'/>\n";
    r = checkXmlData(external, QStringLiteral("ext.xml"), kSchemas, m_index.lookup(), {});
    QVERIFY(hasErrors(r.diagnostics));
    QVERIFY(r.diagnostics.constFirst().message.contains(QLatin1String("external DTD")));
    // Parameter entities are refused the same way.
    const QByteArray param = "<!DOCTYPE domain [<!ENTITY % p SYSTEM 'file:///etc/hostname'> %p;]><domain/>";
    int line = 0;
    QVERIFY(!UntrustedXml::refusalReason(param, &line).isEmpty());
    // A bare DOCTYPE declares nothing and is fine.
    QVERIFY(UntrustedXml::refusalReason("<!DOCTYPE domain>\n<domain/>", &line).isEmpty());
}

void TestCheck::billionLaughsRefused()
{
    QByteArray lol = "<?xml version='1.0'?>\n<!DOCTYPE domain [\n <!ENTITY lol0 'lol'>\n";
    for (int i = 1; i < 10; ++i) {
        QByteArray e = " <!ENTITY lol" + QByteArray::number(i) + " '";
        for (int j = 0; j < 10; ++j)
            e += "&lol" + QByteArray::number(i - 1) + ";";
        lol += e + "'>\n";
    }
    lol += "]>\n<domain type='kvm'><name>&lol9;</name></domain>\n";
    const XmlCheckReport r = checkXmlData(lol, QStringLiteral("lol.xml"), kSchemas, m_index.lookup(), {});
    QVERIFY(hasErrors(r.diagnostics));
    QVERIFY(r.diagnostics.constFirst().message.contains(QLatin1String("refused")));
    QCOMPARE(r.diagnostics.constFirst().line, lineOf(lol, "<!ENTITY"));
    QVERIFY(r.findings.isEmpty());
}

void TestCheck::binaryRefused()
{
    QTemporaryDir tmp;
    QByteArray garbage;
    for (int i = 0; i < 65536; ++i)
        garbage.append(char((i * 7919 + 13) % 256));
    XmlCheckReport r = checkXml(writeFile(tmp, QStringLiteral("bin.xml"), garbage), kSchemas, m_index.lookup(), {});
    QVERIFY(hasErrors(r.diagnostics));
    QVERIFY(!r.valid);
    QVERIFY(r.diagnostics.constFirst().file.endsWith(QLatin1String("bin.xml")));
    // Text that merely is not XML.
    r = checkXmlData("just some words\n", QStringLiteral("t"), kSchemas, m_index.lookup(), {});
    QVERIFY(hasErrors(r.diagnostics));
    r = checkXml(tmp.filePath(QStringLiteral("missing.xml")), kSchemas, m_index.lookup(), {});
    QVERIFY(hasErrors(r.diagnostics));
}

void TestCheck::oversizeRefused()
{
    QTemporaryDir tmp;
    const QString path = tmp.filePath(QStringLiteral("big.xml"));
    {
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("<domain type='kvm'>\n<!--");
        const QByteArray chunk(1024 * 1024, 'x');
        for (int i = 0; i < 17; ++i)
            f.write(chunk);
        f.write("-->\n</domain>\n");
    }
    const XmlCheckReport r = checkXml(path, kSchemas, m_index.lookup(), {});
    QVERIFY(hasErrors(r.diagnostics));
    QVERIFY(r.diagnostics.constFirst().message.contains(QLatin1String("16 MiB")));
    QVERIFY(r.findings.isEmpty());
}

void TestCheck::malformed()
{
    const QByteArray xml(kDomain);
    const QByteArray truncated = xml.left(xml.indexOf("<devices>") + 20);
    const XmlCheckReport r = checkXmlData(truncated, QStringLiteral("cut.xml"), kSchemas, m_index.lookup(), {});
    QVERIFY(hasErrors(r.diagnostics));
    QVERIFY(r.diagnostics.constFirst().line > 0);
    QVERIFY(r.diagnostics.constFirst().message.contains(QLatin1String("well-formed")));
}

// libxml2's blocks kept and reused per thread (check/libxmlmemory.h; this
// test links the memory functions in, as the programs install them): the
// same reports, document after document, on this thread and on two at once,
// as with glibc alone; an invalid document and one refused unread too.
void TestCheck::blockCacheSameReports()
{
    QTemporaryDir tmp;
    QStringList files;
    const QDir examples(QStringLiteral("/usr/share/doc/libvirt-doc/examples/xml/test"));
    for (const QString &f : examples.entryList({QStringLiteral("*.xml")}, QDir::Files, QDir::Name))
        files << examples.filePath(f);
    if (files.isEmpty()) {
        if (testdata::inCi())
            QFAIL("libvirt-doc's examples are missing; scripts/setup-deps installs libvirt-doc");
        QSKIP("libvirt-doc is not installed");
    }
    QByteArray invalid(kDomain);
    invalid.replace("<!--EXTRA-->", "<disk type='file'><target/></disk><nosuchdevice/>");
    files << writeFile(tmp, QStringLiteral("invalid.xml"), invalid)
          << writeFile(tmp, QStringLiteral("xxe.xml"),
                       "<!DOCTYPE d [<!ENTITY x SYSTEM 'file:///etc/passwd'>]><domain>&x;</domain>");
    const auto reports = [&] {
        QStringList out;
        for (int round = 0; round < 3; ++round) // later rounds take kept blocks
            for (const QString &f : std::as_const(files))
                out << QString::fromUtf8(QJsonDocument(checkXml(f, kSchemas, m_index.lookup(), {}).toJson())
                                             .toJson(QJsonDocument::Compact));
        return out;
    };
    const QStringList plain = reports();
    QVERIFY(plain.size() == 3 * files.size());
    QVERIFY2(plain.at(files.size() - 2).contains(QStringLiteral("\"valid\":false")), qPrintable(plain.at(files.size() - 2)));
    {
        const LibxmlBlockCache blocks;
        QCOMPARE(reports(), plain);
    }
    QStringList first, second;
    std::thread a([&] {
        const LibxmlBlockCache blocks;
        first = reports();
    });
    std::thread b([&] {
        const LibxmlBlockCache blocks;
        second = reports();
    });
    a.join();
    b.join();
    QCOMPARE(first, plain);
    QCOMPARE(second, plain);
}

QTEST_GUILESS_MAIN(TestCheck)
#include "tst_check.moc"
