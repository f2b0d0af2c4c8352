// Hostile inputs, re-created at run time (nothing big is committed): a source
// tree that points outside itself, files that would hang a reader, documents
// that would take libxml2 hours, and a run killed while writing. Each case runs
// the real CLI and asserts: refused (or finished) before a generous hang
// guard, a message naming the file and line, the previous index unchanged
// byte for byte, and nothing outside the tree read: a marker file outside
// the tree whose content must appear nowhere (output, index), and, where
// strace works, no open of it at all.
#include "clirunner.h"
#include "testfiles.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>
#include <unistd.h>

using namespace vse::testdata;

namespace {

// A hang guard, not a speed assertion: every case here finishes in seconds.
constexpr int kHangGuardMs = 300000;

QByteArray digest(const QString &path)
{
    return QCryptographicHash::hash(fileBytes(path), QCryptographicHash::Sha256);
}

bool writeFile(const QString &path, const QByteArray &content)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(content) == content.size();
}

bool straceWorks()
{
    QProcess p;
    p.start(QStringLiteral("strace"), {QStringLiteral("-f"), QStringLiteral("-o"),
                                       QStringLiteral("/dev/null"), QStringLiteral("true")});
    return p.waitForFinished(20000) && p.exitStatus() == QProcess::NormalExit && p.exitCode() == 0;
}

// A minimal domain XML written for these tests (not libvirt's).
const char kDomain[] =
    R"(<domain type='kvm' xmlns:qemu='http://libvirt.org/schemas/domain/qemu/1.0'>
  <name>demo</name>
  <memory unit='KiB'>1048576</memory>
  <vcpu placement='static'>2</vcpu>
  <os>
    <type arch='x86_64' machine='pc'>hvm</type>
    <boot dev='hd'/>
  </os>
  <devices>
    <disk type='file' device='disk'>
      <driver name='qemu' type='qcow2' cache='none'/>
      <source file='/var/lib/libvirt/images/demo.qcow2'/>
      <target dev='vda' bus='virtio'/>
    </disk>
    <serial type='pty'/>
  </devices>
  <qemu:commandline><qemu:arg value='-S'/></qemu:commandline>
</domain>
)";

} // namespace

class TestHostileInputs : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;
    QString m_pristine; // the corpus release, copied once
    QString m_tree;     // re-made from m_pristine for every case
    QString m_outside;  // a folder next to the tree
    QString m_marker;   // outside/secret.rng, a grammar naming m_token
    QByteArray m_token;
    QString m_index;
    QByteArray m_good;
    bool m_strace = false;

    QString tree(const QString &rel) const { return m_tree + QLatin1Char('/') + rel; }

    // Runs the CLI (under strace when it works) and checks what every case
    // must: no crash or hang, the marker's content nowhere, the marker file
    // never opened.
    CliRun run(const QStringList &args, const QString &index = {})
    {
        const QString log = m_dir.filePath(QStringLiteral("strace.log"));
        QFile::remove(log);
        QStringList full{QStringLiteral("--index"), index.isEmpty() ? m_index : index};
        full << args;
        QProcess p;
        if (m_strace)
            p.start(QStringLiteral("strace"),
                    QStringList{QStringLiteral("-f"), QStringLiteral("-qq"), QStringLiteral("-e"),
                                QStringLiteral("trace=open,openat,openat2"), QStringLiteral("-o"),
                                log, qEnvironmentVariable("VSE_CLI")} +
                        full);
        else
            p.start(qEnvironmentVariable("VSE_CLI"), full);
        CliRun r;
        if (!p.waitForFinished(kHangGuardMs)) {
            p.kill();
            p.waitForFinished();
            r.crashed = true;
            return r;
        }
        r.crashed = p.exitStatus() != QProcess::NormalExit;
        r.exitCode = p.exitCode();
        r.out = QString::fromUtf8(p.readAllStandardOutput());
        r.err = QString::fromUtf8(p.readAllStandardError());
        [&] {
            const QString both = r.out + r.err;
            QVERIFY2(!both.toUtf8().contains(m_token), qPrintable(r.err));
            QVERIFY2(!both.contains(QLatin1String("root:x:0")), qPrintable(r.err)); // /etc/passwd
            if (!m_strace)
                return;
            const QByteArray trace = fileBytes(log);
            QVERIFY(!trace.isEmpty());
            QVERIFY2(!trace.contains(QFile::encodeName(m_outside + QLatin1Char('/'))),
                     trace.constData());
            QVERIFY2(!trace.contains("\"/etc/passwd\""), "the CLI opened /etc/passwd");
        }();
        return r;
    }

    void expectIndexUnchanged()
    {
        QCOMPARE(digest(m_index), m_good);
        QVERIFY(!fileBytes(m_index).contains(m_token));
    }

    // Indexing the tree is refused with an error at `where` (file:line: or
    // file:) whose message contains `why`; the index stays as it was.
    void expectIndexRefused(const QString &where, const QString &why)
    {
        const CliRun r = run({QStringLiteral("index"), QStringLiteral("--source"), m_tree});
        QVERIFY2(!r.crashed, "the CLI hung or crashed");
        QCOMPARE(r.exitCode, 3);
        QVERIFY2(r.err.contains(where + QStringLiteral(" error: ")) ||
                     r.err.contains(where + QStringLiteral(": error: ")),
                 qPrintable(QStringLiteral("expected an error at %1 in:\n%2").arg(where, r.err)));
        QVERIFY2(r.err.contains(why), qPrintable(r.err));
        expectIndexUnchanged();
    }

    void addInclude(const QString &schema, const QByteArray &element)
    {
        QByteArray text = fileBytes(tree(schema));
        const qsizetype at = text.indexOf("<define");
        QVERIFY(at > 0);
        text.insert(at, element + "\n");
        QVERIFY(writeFile(tree(schema), text));
    }
    int lineOf(const QString &rel, const QByteArray &needle)
    {
        const QByteArray text = fileBytes(tree(rel));
        return int(text.left(text.indexOf(needle)).count('\n')) + 1;
    }

private Q_SLOTS:
    void initTestCase()
    {
        const QString corpus = qEnvironmentVariable("VSE_CORPUS_DIR");
        if (corpus.isEmpty() || !QFileInfo::exists(corpus + QStringLiteral("/1.3.5/src")))
            QSKIP("VSE_CORPUS_DIR is not set: the hostile trees are made from the corpus release "
                  "1.3.5");
        m_pristine = m_dir.filePath(QStringLiteral("pristine"));
        QVERIFY(copyTree(corpus + QStringLiteral("/1.3.5"), m_pristine));
        m_tree = m_dir.filePath(QStringLiteral("tree"));
        m_outside = m_dir.filePath(QStringLiteral("outside"));
        m_token = "vsemarker" + QByteArray::number(QRandomGenerator::global()->generate64());
        m_marker = m_outside + QStringLiteral("/secret.rng");
        // Valid for every reader that might be fooled: a grammar (schemas),
        // a struct (.x) and a version block (.syms) all name the token.
        QVERIFY(writeFile(
            m_marker,
            "<grammar xmlns='http://relaxng.org/ns/structure/1.0'><start><element name='" +
                m_token + "'><empty/></element></start><define name='" + m_token +
                "'><element name='" + m_token + "'><empty/></element></define></grammar>\n"));
        QVERIFY(writeFile(m_outside + QStringLiteral("/secret.x"),
                          "struct " + m_token + " { int x; };\n"));
        QVERIFY(writeFile(m_outside + QStringLiteral("/secret.syms"),
                          "LIBVIRT_QEMU_0.8.3 {\n global:\n  " + m_token + ";\n};\n"));
        QVERIFY(writeFile(m_outside + QStringLiteral("/secret.h"), "int " + m_token + "(void);\n"));
        QVERIFY(writeFile(m_outside + QStringLiteral("/secret.html"),
                          "<html><body><p>" + m_token + " Since 0.1.0</p></body></html>\n"));
        m_strace = straceWorks();
        if (!m_strace)
            qWarning("strace is missing or cannot trace here: checking the marker's content only");
        m_index = m_dir.filePath(QStringLiteral("index.sqlite"));
        QVERIFY(copyTree(m_pristine, m_tree));
        const CliRun r = run({QStringLiteral("index"), QStringLiteral("--source"), m_tree});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        m_good = digest(m_index);
    }

    void init()
    {
        if (m_tree.isEmpty())
            return;
        QDir(m_tree).removeRecursively();
        QVERIFY(copyTree(m_pristine, m_tree));
    }

    void schemaIncludeEscapingWithDotDot()
    {
        const QString schema = QStringLiteral("docs/schemas/domain.rng");
        addInclude(schema, "<include href='../../../../outside/secret.rng'/>");
        expectIndexRefused(tree(schema) +
                               QStringLiteral(":%1:").arg(lineOf(schema, "outside/secret")),
                           QStringLiteral("is outside the source root"));
    }

    void schemaIncludeAbsolute()
    {
        const QString schema = QStringLiteral("docs/schemas/network.rng");
        addInclude(schema, "<include href='" + QFile::encodeName(m_marker) + "'/>");
        expectIndexRefused(tree(schema) + QStringLiteral(":%1:").arg(lineOf(schema, "secret.rng")),
                           QStringLiteral("is outside the source root"));
    }

    void schemaIncludeEtcPasswd()
    {
        const QString schema = QStringLiteral("docs/schemas/storagepool.rng");
        addInclude(schema, "<include href='/etc/passwd'/>");
        expectIndexRefused(tree(schema) + QStringLiteral(":%1:").arg(lineOf(schema, "/etc/passwd")),
                           QStringLiteral("/etc/passwd is outside the source root"));
    }

    void schemaExternalRefOutside()
    {
        const QString schema = QStringLiteral("docs/schemas/secret.rng");
        QByteArray text = fileBytes(tree(schema));
        const qsizetype at = text.indexOf("<ref name=");
        QVERIFY(at > 0);
        text.insert(at, "<optional><externalRef href='../../../outside/secret.rng'/></optional>\n");
        QVERIFY(writeFile(tree(schema), text));
        expectIndexRefused(tree(schema) + QStringLiteral(":%1:").arg(lineOf(schema, "externalRef")),
                           QStringLiteral("is outside the source root"));
    }

    void schemaIncludeOfDevZero()
    {
        const QString schema = QStringLiteral("docs/schemas/interface.rng");
        addInclude(schema, "<include href='/dev/zero'/>");
        expectIndexRefused(tree(schema) + QStringLiteral(":%1:").arg(lineOf(schema, "/dev/zero")),
                           QStringLiteral("/dev/zero is outside the source root"));
    }

    void schemaSymlinkToOutside()
    {
        QVERIFY(QFile::link(m_marker, tree(QStringLiteral("docs/schemas/evil.rng"))));
        expectIndexRefused(tree(QStringLiteral("docs/schemas/evil.rng")) + QLatin1Char(':'),
                           QStringLiteral("is outside the source root"));
    }

    // A folder listing skips what is not a regular file; an include names it.
    void schemaSymlinkToDevZero()
    {
        const QString schema = QStringLiteral("docs/schemas/nodedev.rng");
        QVERIFY(QFile::link(QStringLiteral("/dev/zero"),
                            tree(QStringLiteral("docs/schemas/zero.rng"))));
        addInclude(schema, "<include href='zero.rng'/>");
        expectIndexRefused(tree(schema) + QStringLiteral(":%1:").arg(lineOf(schema, "zero.rng")),
                           QStringLiteral("zero.rng is outside the source root"));
    }

    void schemaThatIsAFifo()
    {
        const QString schema = QStringLiteral("docs/schemas/nwfilter.rng");
        const QString fifo = tree(QStringLiteral("docs/schemas/fifo.rng"));
        QCOMPARE(::mkfifo(QFile::encodeName(fifo).constData(), 0644), 0);
        addInclude(schema, "<include href='fifo.rng'/>");
        expectIndexRefused(tree(schema) + QStringLiteral(":%1:").arg(lineOf(schema, "fifo.rng")),
                           QStringLiteral("fifo.rng is a FIFO (named pipe): refused"));
    }

    void protocolSymlinkToOutside()
    {
        QVERIFY(QFile::link(m_outside + QStringLiteral("/secret.x"),
                            tree(QStringLiteral("src/rpc/evil_protocol.x"))));
        expectIndexRefused(tree(QStringLiteral("src/rpc/evil_protocol.x")) + QLatin1Char(':'),
                           QStringLiteral("is outside the source root"));
    }

    void protocolOverTheSizeLimit()
    {
        // Sparse: 17 MiB on paper, nothing on disk.
        const QString big = tree(QStringLiteral("src/rpc/big_protocol.x"));
        QVERIFY(writeFile(big, "struct s { int x; };\n"));
        QCOMPARE(::truncate(QFile::encodeName(big).constData(), 17 * 1024 * 1024), 0);
        expectIndexRefused(big + QLatin1Char(':'),
                           QStringLiteral("over the 16 MiB (16777216 bytes) input size limit"));
    }

    void symsSymlinkToOutside()
    {
        const QString syms = tree(QStringLiteral("src/libvirt_qemu.syms"));
        QVERIFY(QFile::remove(syms));
        QVERIFY(QFile::link(m_outside + QStringLiteral("/secret.syms"), syms));
        expectIndexRefused(syms + QLatin1Char(':'), QStringLiteral("is outside the source root"));
    }

    void symsWithHalfAMillionSymbols()
    {
        // 7.9 MB: under the size limit, refused by the symbol limit before
        // anything is indexed (it took 70 s and 1 GB before).
        QByteArray text = "LIBVIRT_0.0.3 {\n    global:\n";
        text.reserve(8 * 1024 * 1024);
        for (int i = 0; i < 500000; ++i)
            text += "    virS" + QByteArray::number(i).rightJustified(6, '0') + ";\n";
        text += "};\n";
        QVERIFY(writeFile(tree(QStringLiteral("src/libvirt_public.syms")), text));
        expectIndexRefused(tree(QStringLiteral("src/libvirt_public.syms")) +
                               QStringLiteral(":100003:"),
                           QStringLiteral("more than 100000 symbols: refused"));
    }

    void headerIncludingOutside_data()
    {
        QTest::addColumn<QByteArray>("directive");
        QTest::newRow("absolute") << QByteArray("#include \"") + QFile::encodeName(m_outside) +
                                         "/secret.h\"";
        QTest::newRow("dot-dot") << QByteArray("#include \"../../../outside/secret.h\"");
        QTest::newRow("angle dot-dot") << QByteArray("#include <../../outside/secret.h>");
        QTest::newRow("etc") << QByteArray("#include </etc/passwd>");
    }
    void headerIncludingOutside()
    {
        QFETCH(QByteArray, directive);
        const QString header = tree(QStringLiteral("include/libvirt/libvirt.h"));
        QVERIFY(writeFile(header, "#ifndef LIBVIRT_H\n#define LIBVIRT_H\n" + directive +
                                      "\nint virX(void);\n#endif\n"));
        expectIndexRefused(header + QStringLiteral(":3:"), QStringLiteral("refused"));
    }

    void headerSymlinkToOutside()
    {
        const QString header = tree(QStringLiteral("include/libvirt/libvirt.h"));
        QVERIFY(writeFile(header, "#include <libvirt/libvirt-host.h>\n"));
        QVERIFY(QFile::link(m_outside + QStringLiteral("/secret.h"),
                            tree(QStringLiteral("include/libvirt/libvirt-host.h"))));
        expectIndexRefused(header + QStringLiteral(":1:"),
                           QStringLiteral("is outside the source root"));
    }

    void docsPageSymlinkToOutside()
    {
        QVERIFY(QFile::link(m_outside + QStringLiteral("/secret.html"),
                            tree(QStringLiteral("docs/formatdomain.html"))));
        expectIndexRefused(tree(QStringLiteral("docs/formatdomain.html")) + QLatin1Char(':'),
                           QStringLiteral("is outside the source root"));
    }

    void driverTableSymlinkToOutside()
    {
        QVERIFY(QFile::link(m_outside + QStringLiteral("/secret.h"),
                            tree(QStringLiteral("src/qemu_driver.c"))));
        expectIndexRefused(tree(QStringLiteral("src/qemu_driver.c")) + QLatin1Char(':'),
                           QStringLiteral("is outside the source root"));
    }

    void checkXmlOnAFifoWithNoWriter()
    {
        const QString fifo = m_dir.filePath(QStringLiteral("domain.fifo"));
        QCOMPARE(::mkfifo(QFile::encodeName(fifo).constData(), 0644), 0);
        const CliRun r = run({QStringLiteral("check-xml"), fifo});
        QVERIFY2(!r.crashed, "check-xml blocked on a FIFO");
        QCOMPARE(r.exitCode, 3);
        QVERIFY2(r.err.contains(fifo + QStringLiteral(": error: ") + fifo +
                                QStringLiteral(" is a FIFO")),
                 qPrintable(r.err));
    }

    void checkXmlOnDevZero()
    {
        const CliRun r = run({QStringLiteral("check-xml"), QStringLiteral("/dev/zero")});
        QVERIFY(!r.crashed);
        QCOMPARE(r.exitCode, 3);
        QVERIFY2(r.err.contains(QStringLiteral("/dev/zero is a character device: refused")),
                 qPrintable(r.err));
    }

    // An unset shell variable ("$GUEST") gives an empty argument: refused by
    // name, not read as the current folder ("is a directory").
    void checksOnAnEmptyFileName()
    {
        for (const char *command : {"check-xml", "check-config", "check-script"}) {
            const CliRun r = run({QLatin1String(command), QString()});
            QVERIFY(!r.crashed);
            QCOMPARE(r.exitCode, 3);
            QVERIFY2(r.err.contains(QLatin1String("refused: an empty file name")) &&
                         !r.err.contains(QLatin1String("directory")),
                     qPrintable(QLatin1String(command) + QLatin1String(": ") + r.err));
        }
        const CliRun t = run({QStringLiteral("triage"), QString()});
        QCOMPARE(t.exitCode, 3);
        QVERIFY2(t.err.contains(QLatin1String("an empty name is not a folder")), qPrintable(t.err));
    }

    // A pasted log or page as the name to look up: show and search ended
    // only after minutes (every word became a term of the full-text query,
    // whose ranking grows with terms times matching rows: 20 000 words took
    // 24 s, these 60 000 (120 kB, about the most one argument may hold)
    // 223 s). Each must end well within half a minute, with its plain answer.
    void lookupsOfAPastedPage()
    {
        QStringList words;
        for (int i = 0; i < 60000; ++i)
            words << QStringLiteral("a");
        const QString many = words.join(QLatin1Char(' '));
        QStringList distinct;
        for (int i = 0; i < 8000; ++i)
            distinct << QStringLiteral("w%1").arg(i);
        for (const QString &text : {many, distinct.join(QLatin1Char(' '))}) {
            const CliRun show = runCli(m_index, {QStringLiteral("show"), text}, 30000);
            QVERIFY2(!show.crashed, "show did not end within 30 s");
            QCOMPARE(show.exitCode, 1);
            QVERIFY2(show.err.contains(QLatin1String("virt-support show: no match for ")), qPrintable(show.err.left(300)));
            const CliRun search = runCli(m_index, {QStringLiteral("search"), text}, 30000);
            QVERIFY2(!search.crashed, "search did not end within 30 s");
            QVERIFY(search.exitCode == 0 || search.exitCode == 1);
        }
    }

    // Lists in a configuration file nest (a list item is a value), each
    // level a call of the reader: a qemu.conf of 300 000 '[' crashed
    // check-config (stack overflow). It is refused, naming file and line.
    void checkConfigDeeplyNestedLists()
    {
        const QString conf = m_dir.filePath(QStringLiteral("nested/qemu.conf"));
        QVERIFY(QDir().mkpath(QFileInfo(conf).path()));
        QVERIFY(writeFile(conf, "# set by hand\nvnc_listen = \"0.0.0.0\"\nbad = " + QByteArray(300000, '[') + '\n'));
        const CliRun r = runCli(m_index, {QStringLiteral("check-config"), conf}, 60000);
        QVERIFY2(!r.crashed, "check-config crashed or hung");
        QCOMPARE(r.exitCode, 3);
        QVERIFY2(r.err.contains(conf + QStringLiteral(":3: error: lists nested more than 64 deep: refused")),
                 qPrintable(r.err.left(500)));
    }

    void checkXmlSchemasIncludingOutside()
    {
        // --schemas names a folder; what its schemas include stays inside it.
        const QString schemas = tree(QStringLiteral("docs/schemas"));
        addInclude(QStringLiteral("docs/schemas/domaincommon.rng"),
                   "<include href='../../../outside/secret.rng'/>");
        const QString doc = m_dir.filePath(QStringLiteral("demo.xml"));
        QVERIFY(writeFile(doc, kDomain));
        const CliRun r =
            run({QStringLiteral("check-xml"), QStringLiteral("--schemas"), schemas, doc});
        QVERIFY(!r.crashed);
        QCOMPARE(r.exitCode, 3);
        QVERIFY2(r.err.contains(QStringLiteral("is outside the source root")), qPrintable(r.err));
    }

    void checkXmlHugeDocuments_data()
    {
        QTest::addColumn<QByteArray>("head");
        QTest::addColumn<QByteArray>("repeated");
        QTest::addColumn<int>("count");
        QTest::addColumn<QByteArray>("tail");
        QTest::addColumn<QString>("limit");
        const QByteArray open =
            "<domain type='kvm' xmlns:qemu='http://libvirt.org/schemas/domain/qemu/1.0'>\n"
            "<name>x</name>\n<memory>1</memory>\n<os><type>hvm</type></os>\n";
        QTest::newRow("500 000 attributes on one element (5.9 MB)")
            << open + "<devices" << QByteArray(" a%1='1'") << 500000
            << QByteArray("/>\n</domain>\n") << QStringLiteral("has more than 256 attributes");
        QTest::newRow("700 000 <serial> elements (14 MB)")
            << open + "<devices>\n"
            << QByteArray("<serial type='pty'/>\n") << 700000
            << QByteArray("</devices>\n</domain>\n")
            << QStringLiteral("has more than 10000 child elements");
        QTest::newRow("200 000 <qemu:arg> (4.2 MB)")
            << open + "<qemu:commandline>\n"
            << QByteArray("<qemu:arg value='-x'/>\n") << 200000
            << QByteArray("</qemu:commandline>\n</domain>\n")
            << QStringLiteral("has more than 10000 child elements");
        QTest::newRow("5 000 devices of 10 elements (50 000+ elements)")
            << open + "<devices>\n"
            << QByteArray(
                   "<disk type='file'><driver name='qemu'/><source file='/a'/><target dev='vda'/>"
                   "<alias name='a%1'/><address type='pci'/><boot "
                   "order='1'/><readonly/><shareable/>"
                   "<serial>x</serial></disk>\n")
            << 5000 << QByteArray("</devices>\n</domain>\n")
            << QStringLiteral("has more than 50000 elements");
    }
    void checkXmlHugeDocuments()
    {
        QFETCH(QByteArray, head);
        QFETCH(QByteArray, repeated);
        QFETCH(int, count);
        QFETCH(QByteArray, tail);
        QFETCH(QString, limit);
        QByteArray doc = head;
        for (int i = 0; i < count; ++i)
            doc += repeated.contains("%1")
                       ? QByteArray(repeated).replace("%1", QByteArray::number(i))
                       : repeated;
        doc += tail;
        const QString path = m_dir.filePath(QStringLiteral("huge.xml"));
        QVERIFY(writeFile(path, doc));
        const CliRun r = run({QStringLiteral("check-xml"), path});
        QVERIFY2(!r.crashed, "check-xml did not finish");
        QCOMPARE(r.exitCode, 3);
        static const QRegularExpression located(QStringLiteral("^%1:[1-9][0-9]*: error: refused: ")
                                                    .arg(QRegularExpression::escape(path)),
                                                QRegularExpression::MultilineOption);
        QVERIFY2(located.match(r.err).hasMatch(), qPrintable(r.err));
        QVERIFY2(r.err.contains(limit), qPrintable(r.err));
    }

    void checkXmlSixteenMiBUnderTheLimitsFinishes()
    {
        // The worst document the limits allow: 16 MiB, 50 000 elements in
        // lists of 10 000 siblings. It must be checked, not refused.
        QByteArray doc = "<domain type='kvm'>\n<name>x</name>\n<memory>1</memory>\n<metadata>\n";
        for (int k = 0; k < 4; ++k) {
            doc +=
                "<x:a" + QByteArray::number(k) + " xmlns:x='urn:x" + QByteArray::number(k) + "'>\n";
            for (int i = 0; i < 9990; ++i)
                doc += "<x:b v='" + QByteArray::number(i) + "'/>\n";
            doc += "</x:a" + QByteArray::number(k) + ">\n";
        }
        doc += "</metadata>\n<os><type>hvm</type></os>\n<devices>\n";
        for (int i = 0; i < 9950; ++i)
            doc += "<serial type='pty'/>\n";
        doc += "</devices>\n";
        while (doc.size() < 16 * 1024 * 1024 - 1000100)
            doc += "<!--" + QByteArray(1000000, 'x') + "-->\n";
        doc += "</domain>\n";
        const QString path = m_dir.filePath(QStringLiteral("big-valid.xml"));
        QVERIFY(writeFile(path, doc));
        const CliRun r = run({QStringLiteral("check-xml"), path});
        QVERIFY2(!r.crashed, "check-xml did not finish");
        QVERIFY2(r.exitCode == 0, qPrintable(r.out + r.err));
        QVERIFY2(r.out.contains(QStringLiteral(": valid")), qPrintable(r.out));
    }

    void randomXmlRefusalsNameALine()
    {
        // Seeded mutations of a small domain XML: every file check-xml
        // refuses is refused with file:line.
        QRandomGenerator rng(14);
        const QList<QByteArray> inserts{
            "<",    ">",    "/",    "=",       "'",         "\"",           "&",
            ";",    "!",    "?",    "]]>",     "<![CDATA[", "<!DOCTYPE d>", "&#0;",
            "\xff", "\xc3", "\x01", "\xe9\x80"};
        int refused = 0;
        for (int k = 0; k < 65; ++k) {
            QByteArray b(kDomain);
            const int edits = 1 + int(rng.bounded(6));
            for (int e = 0; e < edits; ++e) {
                const qsizetype pos = rng.bounded(int(b.size()));
                const quint32 op = rng.bounded(3);
                if (op == 0)
                    b.remove(pos, 1 + rng.bounded(20));
                else if (op == 1)
                    b.insert(pos, inserts.at(rng.bounded(int(inserts.size()))));
                else
                    b[pos] = char(rng.bounded(256));
            }
            if (k % 10 == 0)
                b.truncate(rng.bounded(int(b.size())));
            const QString path = m_dir.filePath(QStringLiteral("random-%1.xml").arg(k));
            QVERIFY(writeFile(path, b));
            const CliRun r = run({QStringLiteral("check-xml"), path});
            QVERIFY(!r.crashed);
            if (r.exitCode != 3)
                continue;
            ++refused;
            const QRegularExpression located(QStringLiteral("^%1:[1-9][0-9]*(:[0-9]+)?: error: \\S")
                                                 .arg(QRegularExpression::escape(path)),
                                             QRegularExpression::MultilineOption);
            QVERIFY2(located.match(r.err).hasMatch(),
                     qPrintable(QStringLiteral("no line in:\n") + r.err));
        }
        QVERIFY2(refused >= 30,
                 qPrintable(QString::number(refused))); // the mutations do break most documents
    }

    void leftoverTemporaryIndexIsRemoved()
    {
        // Killed while writing (SIGKILL at the test hold point): the
        // half-written index.sqlite.new stays; the next run removes it.
        // The tree was copied anew (new times): index it once, then kill the
        // forced rebuild.
        const CliRun first = run({QStringLiteral("index"), QStringLiteral("--source"), m_tree});
        QCOMPARE(first.exitCode, 0);
        m_good = digest(m_index);
        QTemporaryDir hold;
        const QString marker = hold.filePath(QStringLiteral("writing"));
        QProcess p;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("VSE_TEST_HOLD"), QStringLiteral("write:") + marker);
        p.setProcessEnvironment(env);
        p.start(qEnvironmentVariable("VSE_CLI"),
                {QStringLiteral("--index"), m_index, QStringLiteral("index"),
                 QStringLiteral("--source"), m_tree, QStringLiteral("--force")});
        QVERIFY(p.waitForStarted());
        while (!QFile::exists(marker) && p.state() == QProcess::Running)
            p.waitForFinished(20);
        QVERIFY2(QFile::exists(marker), qPrintable(QString::fromUtf8(p.readAllStandardError())));
        const QString temporary = m_index + QStringLiteral(".new");
        QVERIFY(QFile::exists(temporary));
        p.kill();
        QVERIFY(p.waitForFinished());
        QVERIFY(QFile::exists(temporary));
        const CliRun r = run({QStringLiteral("index"), QStringLiteral("--source"), m_tree});
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.out.startsWith(QLatin1String("Index is up to date")), qPrintable(r.out));
        QVERIFY(!QFile::exists(temporary));
        expectIndexUnchanged();
    }
};

QTEST_GUILESS_MAIN(TestHostileInputs)
#include "tst_hostile_inputs.moc"
