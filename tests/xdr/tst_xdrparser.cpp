#include "extract/xdr/protocolextractor.h"
#include "extract/xdr/rpcannotations.h"
#include "extract/xdr/xdrparser.h"
#include "extract/xdr/xdrtypecheck.h"
#include "testdata.h"
#include "xdrtestutil.h"

#include <QDirIterator>
#include <QMap>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

using namespace vse;

namespace {

QList<Diagnostic> errors(const Diagnostics &all)
{
    QList<Diagnostic> out;
    for (const auto &d : all)
        if (d.isError())
            out.append(d);
    return out;
}

// Line and column just past the last byte, computed from the text alone.
QPair<int, int> endPosition(const QByteArray &text)
{
    const int line = int(text.count('\n')) + 1;
    const int column = int(text.size() - (text.lastIndexOf('\n') + 1)) + 1;
    return {line, column};
}

// The tokens of XDR text without its comments and %pass-through lines.
QStringList xdrTokens(QString text)
{
    static const QRegularExpression comment(QStringLiteral("/\\*.*?\\*/"),
                                            QRegularExpression::DotMatchesEverythingOption);
    static const QRegularExpression passThrough(QStringLiteral("^%.*$"),
                                                QRegularExpression::MultilineOption);
    static const QRegularExpression token(QStringLiteral("\\w+|\\S"));
    text.remove(comment);
    text.remove(passThrough);
    QStringList out;
    for (auto m = token.globalMatch(text); m.hasNext();)
        out << m.next().captured(0);
    return out;
}

// Every .x file of every corpus release.
QStringList corpusXdrFiles()
{
    QStringList out;
    for (const QString &release : testdata::corpusReleases()) {
        QDirIterator it(testdata::corpusDir() + QLatin1Char('/') + release + QStringLiteral("/src"),
                        {QStringLiteral("*.x")}, QDir::Files, QDirIterator::Subdirectories);
        while (it.hasNext())
            out << it.next();
    }
    return out;
}

QString remote135()
{
    return testdata::corpusDir() + QStringLiteral("/1.3.5/src/remote/remote_protocol.x");
}

} // namespace

class TestXdrParser : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void corpusParses()
    {
        VSE_REQUIRE_CORPUS();
        int files = 0;
        for (const QString &path : corpusXdrFiles()) {
            {
                const XdrFile f = parseXdrFile(path);
                for (const auto &d : f.diagnostics)
                    qWarning("%s", qPrintable(d.toString()));
                QVERIFY2(f.diagnostics.isEmpty(), qPrintable(path));
                // Every top-level "struct|union|enum|typedef|const" line is a definition.
                static const QRegularExpression def(
                    QStringLiteral("^(struct|union|enum|typedef|const)\\s"),
                    QRegularExpression::MultilineOption);
                const QString text = QString::fromUtf8(xdrtest::readFile(path));
                QCOMPARE(f.definitions.size(), text.count(def));
                ++files;
            }
        }
        QVERIFY(files > 20);
    }

    // What the parser read is what the file says: printed back, every
    // release's protocol files give the same tokens as the source (comments
    // and %pass-through lines aside), and parsing the printed text again
    // gives the same definitions. The procedure numbers are checked against
    // a regex over the file as well.
    void roundTripMatchesSource()
    {
        VSE_REQUIRE_CORPUS();
        int files = 0;
        for (const QString &path : corpusXdrFiles()) {
            {
                const XdrFile f = parseXdrFile(path);
                QVERIFY2(!f.hasErrors(), qPrintable(path));
                QByteArray printed;
                for (const auto &d : f.definitions)
                    printed += d.toXdr().toUtf8() + "\n\n";
                const QStringList want = xdrTokens(QString::fromUtf8(xdrtest::readFile(path)));
                const QStringList got = xdrTokens(QString::fromUtf8(printed));
                QVERIFY(want.size() > 10);
                if (got != want) {
                    qsizetype i = 0;
                    while (i < got.size() && i < want.size() && got.at(i) == want.at(i))
                        ++i;
                    QFAIL(qPrintable(
                        QStringLiteral("%1: printed text differs from the file at token %2: '%3' "
                                       "vs '%4' after '%5'")
                            .arg(path)
                            .arg(i)
                            .arg(got.value(i), want.value(i),
                                 want.mid(qMax<qsizetype>(0, i - 8), 8).join(QLatin1Char(' ')))));
                }
                const XdrFile again = parseXdr(printed, QStringLiteral("printed.x"));
                QVERIFY2(again.diagnostics.isEmpty(),
                         qPrintable(again.diagnostics.value(0).toString()));
                QCOMPARE(again.definitions.size(), f.definitions.size());
                for (qsizetype i = 0; i < f.definitions.size(); ++i)
                    QCOMPARE(again.definitions.at(i).toXdr(), f.definitions.at(i).toXdr());
                ++files;
            }
        }
        QVERIFY(files > 20);

        // remote_protocol.x of 1.3.5: each "REMOTE_PROC_X = N" line of the
        // file is one value of the parsed procedure enum, with that number.
        const QString text = QString::fromUtf8(xdrtest::readFile(remote135()));
        static const QRegularExpression proc(
            QStringLiteral("^\\s*(REMOTE_PROC_\\w+)\\s*=\\s*(\\d+)"),
            QRegularExpression::MultilineOption);
        QMap<QString, qint64> expected;
        for (auto m = proc.globalMatch(text); m.hasNext();) {
            const auto match = m.next();
            expected.insert(match.captured(1), match.captured(2).toLongLong());
        }
        QVERIFY(expected.size() > 300);
        const XdrFile remote = parseXdrFile(remote135());
        const XdrDefinition *procs = remote.find(QStringLiteral("remote_procedure"));
        QVERIFY(procs);
        QMap<QString, qint64> parsed;
        for (const auto &v : procs->values)
            parsed.insert(v.name, v.number);
        QCOMPARE(parsed, expected);
    }

    void commentsAndPassThrough()
    {
        const QByteArray text =
            "%#include \"remote_protocol.h\"\n" // 1
            "/* A doc comment. */\n"            // 2
            "struct s { /* insert@1 */\n"       // 3
            "    int a; /* insert@2 */\n"       // 4
            "    /* about b */\n"               // 5
            "    unsigned b;\n"                 // 6
            "};\n"                              // 7
            "enum e_procedure {\n"              // 8
            "    /**\n"                         // 9
            "     * @generate: both\n"          // 10
            "     * @acl: domain:write\n"       // 11
            "     * @acl: domain:save:!VIR_DOMAIN_AFFECT_CONFIG|VIR_DOMAIN_AFFECT_LIVE\n"
            "     */\n" // 13
            "    E_PROC_A = 1, /* autogen skipgen priority:high */\n"
            "    E_PROC_B = 2 /* skipgen skipgen */\n" // 15
            "};\n";
        const XdrFile f = parseXdr(text, QStringLiteral("t.x"));
        QVERIFY(f.diagnostics.isEmpty());
        QCOMPARE(f.passThrough.size(), 1);
        QCOMPARE(f.passThrough.at(0).line, 1);
        QCOMPARE(xdrIncludedProtocols(f), QStringList{QStringLiteral("remote_protocol")});
        const XdrDefinition *s = f.find(QStringLiteral("s"));
        QVERIFY(s);
        QCOMPARE(s->doc, QStringLiteral("/* A doc comment. */"));
        QCOMPARE(parseInsertAnnotation(s->headComment), 1);
        QCOMPARE(parseInsertAnnotation(s->fields.at(0).trailing), 2);
        QCOMPARE(s->fields.at(1).doc, QStringLiteral("/* about b */"));
        QCOMPARE(s->fields.at(1).typeText(), QStringLiteral("unsigned"));
        QCOMPARE(s->fields.at(1).line, 6);
        const XdrDefinition *e = f.find(QStringLiteral("e_procedure"));
        QVERIFY(e);
        QCOMPARE(e->values.size(), 2);
        const RpcAnnotations a = parseRpcAnnotations(e->values.at(0).doc, e->values.at(0).trailing);
        QCOMPARE(a.generate, QStringLiteral("both"));
        QCOMPARE(
            a.acl,
            (QStringList{
                QStringLiteral("domain:write"),
                QStringLiteral("domain:save:!VIR_DOMAIN_AFFECT_CONFIG|VIR_DOMAIN_AFFECT_LIVE")}));
        // The block wins over the trailing words when both exist.
        QCOMPARE(a.style, RpcAnnotations::Style::Block);
        QCOMPARE(e->values.at(0).trailing, QStringLiteral("/* autogen skipgen priority:high */"));
        const RpcAnnotations b = parseRpcAnnotations(e->values.at(1).doc, e->values.at(1).trailing);
        QCOMPARE(b.style, RpcAnnotations::Style::Trailing);
        QCOMPARE(b.generate, QStringLiteral("none"));
        QVERIFY(e->values.at(1).doc.isEmpty()); // A's trailing comment is not B's doc
    }

    void truncatedFile()
    {
        VSE_REQUIRE_CORPUS();
        const QByteArray full = xdrtest::readFile(remote135());
        const QByteArray marker = "struct remote_domain_create_xml_args {";
        const int at = int(full.indexOf(marker));
        QVERIFY(at > 0);
        const QByteArray cut = full.left(at + marker.size() + 30); // inside the struct body
        const int openLine = int(full.left(at).count('\n')) + 1;
        const XdrFile f = parseXdr(cut, QStringLiteral("remote_protocol.x"));
        const auto errs = errors(f.diagnostics);
        QCOMPARE(errs.size(), 1);
        const auto [line, column] = endPosition(cut);
        QCOMPARE(errs.at(0).file, QStringLiteral("remote_protocol.x"));
        QCOMPARE(errs.at(0).line, line);
        QCOMPARE(errs.at(0).column, column);
        QVERIFY2(errs.at(0).message.contains(QStringLiteral("end of file")),
                 qPrintable(errs.at(0).message));
        QVERIFY(errs.at(0).message.contains(QStringLiteral("line %1,").arg(openLine)));
        // Everything before the cut is still there.
        QVERIFY(f.find(QStringLiteral("remote_typed_param")));

        // Cut inside a comment: reported where the comment starts.
        const QByteArray inComment = "const A = 1;\n  /* never closed\n";
        const XdrFile g = parseXdr(inComment, QStringLiteral("c.x"));
        QCOMPARE(errors(g.diagnostics).size(), 1);
        QCOMPARE(g.diagnostics.at(0).line, 2);
        QCOMPARE(g.diagnostics.at(0).column, 3);
        QCOMPARE(g.definitions.size(), 1);

        // Any cut of a real file: no crash, and errors always carry a position.
        const QByteArray small = xdrtest::readFile(
            testdata::corpusDir() + QStringLiteral("/1.3.5/src/logging/log_protocol.x"));
        for (int n = 0; n < small.size(); n += 7) {
            const XdrFile t = parseXdr(small.left(n), QStringLiteral("log_protocol.x"));
            for (const auto &d : t.diagnostics)
                QVERIFY(d.line >= 1 && d.column >= 1);
        }
    }

    void missingClosingBrace()
    {
        const QByteArray text = "struct a {\n"
                                "    int x;\n"
                                "\n"
                                "struct b {\n"
                                "    int y;\n"
                                "};\n";
        const XdrFile f = parseXdr(text, QStringLiteral("u.x"));
        QCOMPARE(f.diagnostics.size(), 1);
        const Diagnostic &d = f.diagnostics.at(0);
        QCOMPARE(d.file, QStringLiteral("u.x"));
        QCOMPARE(d.line, 4);
        QCOMPARE(d.column, 1);
        QVERIFY2(d.message.contains(QStringLiteral("struct a at line 1, column 10 is not closed")),
                 qPrintable(d.message));
        QVERIFY(f.find(QStringLiteral("b"))); // recovered at the next definition
    }

    void extraClosingBrace()
    {
        const QByteArray text = "struct a { int x; };\n"
                                "  };\n"
                                "const C = 1;\n";
        const XdrFile f = parseXdr(text, QStringLiteral("u.x"));
        QCOMPARE(f.diagnostics.size(), 1);
        QCOMPARE(f.diagnostics.at(0).line, 2);
        QCOMPARE(f.diagnostics.at(0).column, 3);
        QVERIFY(f.diagnostics.at(0).message.contains(QStringLiteral("without a matching '{'")));
        QVERIFY(f.find(QStringLiteral("a")) && f.find(QStringLiteral("C")));
    }

    // A missing ';' in the real remote protocol costs that struct only.
    void recoveryInRealFile()
    {
        VSE_REQUIRE_CORPUS();
        const QByteArray full = xdrtest::readFile(remote135());
        const XdrFile good = parseXdr(full, QStringLiteral("remote_protocol.x"));
        const QByteArray field =
            "struct remote_domain_create_xml_args {\n    remote_nonnull_string xml_desc;";
        const int at = int(full.indexOf(field));
        QVERIFY(at > 0);
        QByteArray broken = full;
        broken.remove(at + field.size() - 1, 1); // drop the ';'
        const XdrFile f = parseXdr(broken, QStringLiteral("remote_protocol.x"));
        QCOMPARE(f.diagnostics.size(), 1);
        const int fieldLine = int(full.left(at).count('\n')) + 2;
        QCOMPARE(f.diagnostics.at(0).line, fieldLine + 1); // found at the next field
        QCOMPARE(f.diagnostics.at(0).column, 5);
        QVERIFY(f.diagnostics.at(0).message.startsWith(QStringLiteral("expected ';'")));
        QCOMPARE(f.definitions.size(), good.definitions.size() - 1);
        QVERIFY(!f.find(QStringLiteral("remote_domain_create_xml_args")));
        QVERIFY(f.find(QStringLiteral("remote_domain_create_xml_ret")));
    }

    void unknownType()
    {
        const QByteArray text = "typedef string my_string<64>;\n"
                                "struct a {\n"
                                "    my_string name;\n"
                                "    remote_nonexistent thing;\n"
                                "    u_int legacy;\n"
                                "};\n";
        const XdrFile f = parseXdr(text, QStringLiteral("t.x"));
        QVERIFY(f.diagnostics.isEmpty()); // syntax is fine
        const Diagnostics d = checkXdrTypes(f, {});
        QCOMPARE(d.size(), 1);
        QCOMPARE(d.at(0).file, QStringLiteral("t.x"));
        QCOMPARE(d.at(0).line, 4);
        QCOMPARE(d.at(0).column, 5);
        QCOMPARE(d.at(0).message, QStringLiteral("unknown type 'remote_nonexistent'"));
        // The extractor reports it too, and accepts a type from an included file.
        QCOMPARE(errors(ProtocolExtractor::extractParsed(f, {}, QStringLiteral("t.x")).diagnostics)
                     .size(),
                 1);
        const XdrFile inc =
            parseXdr("struct remote_nonexistent { int x; };", QStringLiteral("inc.x"));
        QVERIFY(checkXdrTypes(f, {&inc}).isEmpty());
    }

    void duplicateProcedureNumber()
    {
        const QByteArray text = "const REMOTE_PROGRAM = 0x20008086;\n"
                                "enum remote_procedure {\n"
                                "    REMOTE_PROC_A = 1,\n"
                                "    REMOTE_PROC_B = 2,\n"
                                "      REMOTE_PROC_C = 1\n"
                                "};\n";
        const XdrFile f = parseXdr(text, QStringLiteral("remote_protocol.x"));
        QVERIFY(f.diagnostics.isEmpty());
        const ExtractResult r =
            ProtocolExtractor::extractParsed(f, {}, QStringLiteral("remote_protocol.x"));
        const auto errs = errors(r.diagnostics);
        QCOMPARE(errs.size(), 1);
        QCOMPARE(errs.at(0).file, QStringLiteral("remote_protocol.x"));
        QCOMPARE(errs.at(0).line, 5);
        QCOMPARE(errs.at(0).column, 7);
        QVERIFY(errs.at(0).message.contains(QStringLiteral("REMOTE_PROC_C")));
        QVERIFY(errs.at(0).message.contains(QStringLiteral("REMOTE_PROC_A (line 3)")));
        int procedures = 0;
        for (const auto &i : r.items)
            procedures += i.kind == ItemKind::RpcProcedure;
        QCOMPARE(procedures, 2);
    }

    void hugeFileRefused()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString path = dir.filePath(QStringLiteral("huge_protocol.x"));
        QFile out(path);
        QVERIFY(out.open(QIODevice::WriteOnly));
        const QByteArray chunk = QByteArray("struct s { int x; };\n").repeated(50000);
        qint64 written = 0;
        while (written < 50 * 1024 * 1024)
            written += out.write(chunk);
        out.close();
        const XdrFile f = parseXdrFile(path);
        QCOMPARE(f.diagnostics.size(), 1);
        QCOMPARE(f.diagnostics.at(0).file, path);
        QCOMPARE(f.diagnostics.at(0).line, 0); // concerns the whole file
        QCOMPARE(f.diagnostics.at(0).column, 0);
        QVERIFY(f.diagnostics.at(0).message.contains(QString::number(written)));
        QVERIFY(f.diagnostics.at(0).message.contains(QStringLiteral("16 MiB")));
        QVERIFY(f.definitions.isEmpty());
        const ExtractResult r = ProtocolExtractor().extractFile(path);
        QVERIFY(r.items.isEmpty());
        QCOMPARE(errors(r.diagnostics).size(), 1);
        // The in-memory entry point applies the same limit.
        const XdrFile g = parseXdr(QByteArray(kXdrMaxFileSize + 1, ' '), QStringLiteral("mem.x"));
        QCOMPARE(g.diagnostics.size(), 1);
    }

    // Under the size limit but absurd: bounded work and memory, one clear error.
    void floodsStayBounded()
    {
        QByteArray many;
        for (int i = 0; i < kXdrMaxElements + 1000; ++i)
            many += "const C" + QByteArray::number(i) + " = 1;\n";
        QVERIFY(many.size() < kXdrMaxFileSize);
        const XdrFile f = parseXdr(many, QStringLiteral("many.x"));
        QCOMPARE(f.diagnostics.size(), 1);
        QCOMPARE(f.diagnostics.at(0).line, kXdrMaxElements + 1);
        QCOMPARE(f.diagnostics.at(0).column, 1);
        QVERIFY(f.diagnostics.at(0).message.contains(QString::number(kXdrMaxElements)));
        QCOMPARE(f.definitions.size(), kXdrMaxElements);

        // Millions of comments are read but only the ones that annotate are kept.
        const XdrFile c =
            parseXdr(QByteArray("/**/").repeated(3 * 1024 * 1024) + "\nconst X = 1;\n",
                     QStringLiteral("comments.x"));
        QVERIFY(c.diagnostics.isEmpty());
        QCOMPARE(c.definitions.size(), 1);
        QCOMPARE(c.definitions.at(0).doc, QStringLiteral("/**/"));
    }

    void binaryGarbage()
    {
        QRandomGenerator rng(4506);
        QByteArray bytes(1 << 20, '\0');
        for (auto &b : bytes)
            b = char(rng.bounded(256));
        const int nul = int(bytes.indexOf('\0'));
        QVERIFY(nul >= 0);
        const XdrFile f = parseXdr(bytes, QStringLiteral("garbage.x"));
        QCOMPARE(f.diagnostics.size(), 1);
        const auto [line, column] = endPosition(bytes.left(nul));
        const Diagnostic &d = f.diagnostics.at(0);
        QCOMPARE(d.file, QStringLiteral("garbage.x"));
        QCOMPARE(d.line, line);
        QCOMPARE(d.column, column);
        QVERIFY(d.message.contains(QStringLiteral("NUL byte at offset %1").arg(nul)));

        // Binary without NUL bytes: stray bytes reported where each run starts, capped.
        for (auto &b : bytes)
            if (b == '\0')
                b = '\x80';
        const XdrFile noNul = parseXdr(bytes, QStringLiteral("garbage.x"));
        QVERIFY(noNul.hasErrors());
        QCOMPARE(noNul.diagnostics.size(), kXdrMaxErrors + 1);
        QVERIFY(
            noNul.diagnostics.constLast().message.startsWith(QStringLiteral("too many errors")));
        for (const auto &e : noNul.diagnostics)
            QVERIFY(e.line >= 1 && e.column >= 1);

        // A NUL right at the start: one clear error at 1:1.
        const XdrFile g = parseXdr(QByteArray("\0\x01\x02struct", 9), QStringLiteral("elf.x"));
        QCOMPARE(g.diagnostics.size(), 1);
        QCOMPARE(g.diagnostics.at(0).line, 1);
        QCOMPARE(g.diagnostics.at(0).column, 1);

        // High bytes without NUL (wrong encoding): reported where they start.
        const XdrFile h =
            parseXdr("const A = 1;\nconst \xff\xfe B = 2;\n", QStringLiteral("enc.x"));
        QVERIFY(h.hasErrors());
        QCOMPARE(h.diagnostics.at(0).line, 2);
        QCOMPARE(h.diagnostics.at(0).column, 7);
        QVERIFY(h.diagnostics.at(0).message.contains(QStringLiteral("0xff")));

        // Printable garbage stops after the error limit instead of listing thousands.
        QByteArray printable(1 << 20, ' ');
        for (auto &b : printable)
            b = "{}<>[]();:=*,abc 019\n"[rng.bounded(21)];
        const XdrFile p = parseXdr(printable, QStringLiteral("noise.x"));
        QVERIFY(p.hasErrors());
        QVERIFY(p.diagnostics.size() <= kXdrMaxErrors + 1);
    }

    // Random edits of a real file (deleted, duplicated and replaced bytes):
    // never a crash, and every error has a position inside the input.
    void mutatedRealFile()
    {
        VSE_REQUIRE_CORPUS();
        const QByteArray base = xdrtest::readFile(
            testdata::corpusDir() + QStringLiteral("/1.3.5/src/admin/admin_protocol.x"));
        QVERIFY(!base.isEmpty());
        QRandomGenerator rng(5531);
        static const char alphabet[] = "{}<>[]();:=*,/%\n\"abcXYZ_019- \t\x80\xff";
        int withErrors = 0;
        for (int round = 0; round < 400; ++round) {
            QByteArray bytes = base;
            for (int edits = 1 + int(rng.bounded(4)); edits > 0; --edits) {
                const int at = int(rng.bounded(int(bytes.size())));
                switch (rng.bounded(3)) {
                case 0:
                    bytes.remove(at, 1 + int(rng.bounded(20)));
                    break;
                case 1:
                    bytes.insert(
                        at, bytes.mid(int(rng.bounded(int(bytes.size()))), int(rng.bounded(40))));
                    break;
                default:
                    bytes[at] = alphabet[rng.bounded(int(sizeof(alphabet) - 1))];
                }
            }
            const XdrFile f = parseXdr(bytes, QStringLiteral("admin_protocol.x"));
            const int lines = int(bytes.count('\n')) + 1;
            for (const auto &d : f.diagnostics) {
                QVERIFY(d.line >= 1 && d.line <= lines);
                QVERIFY(d.column >= 1);
            }
            withErrors += f.hasErrors();
            ProtocolExtractor::extractParsed(f, {}, QStringLiteral("admin_protocol.x"));
        }
        QVERIFY(withErrors > 200);
    }

    void nestingLimit()
    {
        QByteArray text = "struct a {\n";
        for (int i = 0; i < 100000; ++i)
            text += "struct {\n";
        const XdrFile f = parseXdr(text, QStringLiteral("deep.x"));
        QVERIFY(f.hasErrors());
        const Diagnostic &d = f.diagnostics.at(0);
        QVERIFY2(d.message.contains(QStringLiteral("nested deeper than %1").arg(kXdrMaxNesting)),
                 qPrintable(d.message));
        // "struct a {" is level 1, so the body that passes the limit is on line kXdrMaxNesting + 1.
        QCOMPARE(d.line, kXdrMaxNesting + 1);
        QCOMPARE(d.column, 8);

        // Within the limit, inline bodies parse and print.
        const XdrFile ok =
            parseXdr("struct o { struct { int x; } inner; union switch (int k) { case 1: int y; "
                     "default: void; } u; };",
                     QStringLiteral("inline.x"));
        QVERIFY(ok.diagnostics.isEmpty());
        QVERIFY(ok.definitions.at(0).toXdr().contains(QStringLiteral("struct {")));
    }
};

QTEST_GUILESS_MAIN(TestXdrParser)
#include "tst_xdrparser.moc"
