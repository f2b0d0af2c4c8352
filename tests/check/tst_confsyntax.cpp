// check-config's reading of libvirt's configuration-file grammar, judged by
// libvirt itself: the installed libvirt.so exports its parser
// (virConfReadString, a private symbol), so every input here is given to
// both, and they must agree on whether the file is refused and on the line.
// Inputs: every daemon .conf file of the 7.0.0, 9.0.0 and 11.3.0 source
// tarballs ($VSE_SOURCES_DIR), the same files with their commented examples
// switched on (what an administrator does), and each of those broken the
// ways a hand edit breaks them.
#include "testdata.h"

#include "check/confsyntax.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

#include <dlfcn.h>

using namespace vse::testdata;

namespace {

// libvirt's own parser, loaded at run time (its symbols are private).
class LibvirtConfParser
{
public:
    bool load()
    {
        m_lib = dlopen("libvirt.so.0", RTLD_NOW | RTLD_LOCAL);
        if (!m_lib)
            return false;
        m_read = reinterpret_cast<ReadString>(dlsym(m_lib, "virConfReadString"));
        m_free = reinterpret_cast<FreeConf>(dlsym(m_lib, "virConfFree"));
        m_message = reinterpret_cast<LastMessage>(dlsym(m_lib, "virGetLastErrorMessage"));
        auto quiet = reinterpret_cast<SetErrorFunc>(dlsym(m_lib, "virSetErrorFunc"));
        if (quiet)
            quiet(nullptr, [](void *, void *) {});
        return m_read && m_free && m_message && quiet;
    }
    // 0 when libvirt accepts the text, else the line it stops at.
    int errorLine(const QByteArray &text, QString *message) const
    {
        void *conf = m_read(text.constData(), 0);
        if (conf) {
            m_free(conf);
            return 0;
        }
        *message = QString::fromUtf8(m_message());
        static const QRegularExpression at(QStringLiteral("memory conf:(\\d+):"));
        const auto m = at.match(*message);
        return m.hasMatch() ? m.captured(1).toInt() : -1;
    }

private:
    using ReadString = void *(*)(const char *, unsigned int);
    using FreeConf = int (*)(void *);
    using LastMessage = const char *(*)();
    using SetErrorFunc = void (*)(void *, void (*)(void *, void *));
    void *m_lib = nullptr;
    ReadString m_read = nullptr;
    FreeConf m_free = nullptr;
    LastMessage m_message = nullptr;
};

// Commented examples switched on: "#name = value" lines lose their '#'
// (the continuation lines of a list example keep theirs, as a hurried
// administrator leaves them).
QByteArray uncommented(const QByteArray &text)
{
    static const QRegularExpression example(QStringLiteral("^#\\s*([a-z_][a-z0-9_]*\\s*=)"),
                                            QRegularExpression::MultilineOption);
    return QString::fromUtf8(text).replace(example, QStringLiteral("\\1")).toUtf8();
}

// The ways a hand edit breaks a setting line, each applied to one line.
QList<QPair<QString, QByteArray>> broken(const QByteArray &text)
{
    QList<QPair<QString, QByteArray>> out;
    const QList<QByteArray> lines = text.split('\n');
    const auto with = [&](qsizetype i, const QByteArray &line) {
        QList<QByteArray> copy = lines;
        copy[i] = line;
        return copy.join('\n');
    };
    static const QRegularExpression setting(
        QStringLiteral("^([a-z_][a-z0-9_]*)\\s*=\\s*(.*)$"));
    bool noEquals = false, openString = false, openList = false, bare = false;
    for (qsizetype i = 0; i < lines.size(); ++i) {
        const auto m = setting.match(QString::fromUtf8(lines.at(i)));
        if (!m.hasMatch())
            continue;
        const QByteArray name = m.captured(1).toUtf8(), value = m.captured(2).toUtf8();
        if (!noEquals) {
            out.append({QStringLiteral("no '=' on line %1").arg(i + 1), with(i, name + ' ' + value)});
            noEquals = true;
        }
        if (!openString && value.startsWith('"') && value.indexOf('"', 1) > 0) {
            out.append({QStringLiteral("string left open on line %1").arg(i + 1),
                        with(i, name + " = " + value.left(value.indexOf('"', 1)))});
            openString = true;
        }
        if (!openList && value.startsWith('[') && value.contains(']')) {
            out.append({QStringLiteral("list left open on line %1").arg(i + 1),
                        with(i, name + " = " + value.left(value.indexOf(']')))});
            openList = true;
        }
        if (!bare && value.startsWith('"') && value.indexOf('"', 1) > 1) {
            out.append({QStringLiteral("unquoted string on line %1").arg(i + 1),
                        with(i, name + " = " + value.mid(1, value.indexOf('"', 1) - 1))});
            bare = true;
        }
    }
    return out;
}

} // namespace

class TestConfSyntax : public QObject
{
    Q_OBJECT
    LibvirtConfParser m_libvirt;
    QTemporaryDir m_dir;
    QList<QPair<QString, QByteArray>> m_files; // shown name, text

    // Both parsers on one text; returns libvirt's line (0: accepted).
    int agree(const QString &what, const QByteArray &text)
    {
        QString message;
        const int theirs = m_libvirt.errorLine(text, &message);
        const QList<vse::ConfSyntaxError> ours = vse::confSyntaxErrors(QString::fromUtf8(text));
        const int mine = ours.isEmpty() ? 0 : ours.constFirst().line;
        if (theirs != mine)
            qWarning("%s: libvirt %s; ours: %s", qPrintable(what),
                     theirs == 0 ? "accepts it" : qPrintable(message),
                     ours.isEmpty() ? "no error"
                                    : qPrintable(QStringLiteral("line %1: %2")
                                                     .arg(mine)
                                                     .arg(ours.constFirst().message)));
        return theirs == mine ? theirs : -2;
    }

private Q_SLOTS:
    void initTestCase()
    {
        if (!m_libvirt.load()) {
            if (inCi())
                QFAIL("libvirt.so.0 with virConfReadString is not installed (scripts/setup-deps "
                      "installs libvirt0)");
            QSKIP("libvirt.so.0 is not installed");
        }
        const QString sources = qEnvironmentVariable("VSE_SOURCES_DIR",
                                                     QStringLiteral("/var/cache/virt-support-explorer/sources"));
        for (const char *v : {"7.0.0", "9.0.0", "11.3.0"}) {
            const QString tarball =
                sources + QStringLiteral("/libvirt_%1.orig.tar.xz").arg(QLatin1String(v));
            if (!QFile::exists(tarball))
                continue;
            QProcess tar;
            tar.start(QStringLiteral("tar"),
                      {QStringLiteral("-xJf"), tarball, QStringLiteral("-C"), m_dir.path(),
                       QStringLiteral("--wildcards"), QStringLiteral("libvirt-*/src/*.conf"),
                       QStringLiteral("libvirt-*/src/*.conf.in")});
            QVERIFY(tar.waitForFinished(120000));
        }
        QDirIterator it(m_dir.path(), {QStringLiteral("*.conf"), QStringLiteral("*.conf.in")},
                        QDir::Files, QDirIterator::Subdirectories);
        while (it.hasNext()) {
            const QString path = it.next();
            if (path.contains(QLatin1String("sysusers"))) // systemd's format, not libvirt's
                continue;
            QFile f(path);
            QVERIFY(f.open(QIODevice::ReadOnly));
            QByteArray text = f.readAll();
            // A template's lines that are only a build marker (7.0.0's
            // libvirtd.conf.in: @CUT_ENABLE_IP@ ... @END@) are cut by the
            // build; the file installed has none.
            static const QRegularExpression marker(QStringLiteral("^@[A-Z_]+@\\n"),
                                                   QRegularExpression::MultilineOption);
            text = QString::fromUtf8(text).remove(marker).toUtf8();
            m_files.append({QDir(m_dir.path()).relativeFilePath(path), text});
        }
        if (m_files.size() < 20) {
            if (inCi())
                QFAIL("the libvirt source tarballs are not in $VSE_SOURCES_DIR");
            QSKIP("the libvirt source tarballs are not in $VSE_SOURCES_DIR");
        }
    }

    // Every shipped file is read by libvirt, so it must be clean here too.
    void shippedFilesAreClean()
    {
        for (const auto &[name, text] : std::as_const(m_files))
            QVERIFY2(agree(name, text) == 0, qPrintable(name));
    }

    // With their examples switched on and broken by hand: same verdict,
    // same line as libvirt's parser, every time.
    void editedFilesAsLibvirtReadsThem()
    {
        int refused = 0, cases = 0;
        for (const auto &[name, text] : std::as_const(m_files)) {
            const QByteArray on = uncommented(text);
            QList<QPair<QString, QByteArray>> variants{{QStringLiteral("examples on"), on}};
            variants += broken(on);
            variants += broken(text);
            for (const auto &[how, variant] : std::as_const(variants)) {
                const int line = agree(name + QStringLiteral(", ") + how, variant);
                QVERIFY2(line != -2, qPrintable(name + QStringLiteral(", ") + how));
                refused += line > 0;
                ++cases;
            }
        }
        // The cases must include many refusals, or this test proves little.
        QVERIFY2(refused > cases / 3, qPrintable(QStringLiteral("%1 of %2").arg(refused).arg(cases)));
        qInfo("%d edited files, %d refused by libvirt, all at the same line here", cases, refused);
    }

    // Corners of the grammar, again judged by libvirt.
    void corners_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::newRow("empty") << QByteArray();
        QTest::newRow("blank lines only") << QByteArray("\n\n");
        QTest::newRow("semicolons") << QByteArray("a = 1; b = \"x\"\n");
        QTest::newRow("two values") << QByteArray("a = 1 2\n");
        QTest::newRow("word value") << QByteArray("a = yes\n");
        QTest::newRow("size suffix") << QByteArray("max_core = 1G\n");
        QTest::newRow("single quotes") << QByteArray("a = 'x'\n");
        QTest::newRow("triple quotes") << QByteArray("a = \"\"\"x\ny\"\"\"\nb = 1\n");
        QTest::newRow("triple left open") << QByteArray("a = \"\"\"x\ny\nb = 1\n");
        QTest::newRow("empty list") << QByteArray("a = [\n]\n");
        QTest::newRow("trailing comma") << QByteArray("a = [ \"x\", ]\n");
        QTest::newRow("comment in list") << QByteArray("a = [\n  \"x\",\n  # \"y\",\n]\n");
        QTest::newRow("list never closed") << QByteArray("a = [ \"x\",\n  \"y\"\nb = 1\n");
        QTest::newRow("sign alone") << QByteArray("a = -\n");
        QTest::newRow("digit first") << QByteArray("1a = 2\n");
        QTest::newRow("trailing comment") << QByteArray("a = \"x\" # why\n");
        QTest::newRow("crlf") << QByteArray("a = 1\r\nb = \"x\"\r\n");
        QTest::newRow("no value") << QByteArray("a =\nb = 1\n");
        QTest::newRow("value at end") << QByteArray("a =");
        QTest::newRow("nested list") << QByteArray("a = [ [ 1 ], \"x\" ]\n");
    }
    void corners()
    {
        QFETCH(QByteArray, text);
        QVERIFY(agree(QString::fromLatin1(QTest::currentDataTag()), text) != -2);
    }

    // Lists nest; the reader follows 64 levels (agreeing with libvirt there)
    // and refuses deeper ones as a limit of its own, reading no further.
    void deepListsAreBounded()
    {
        const QByteArray ok = "a = " + QByteArray(64, '[') + QByteArray(64, ']') + "\nb = 1\n";
        QVERIFY(agree(QStringLiteral("64 levels"), ok) != -2);
        QVERIFY(vse::confSyntaxErrors(QString::fromLatin1(ok)).isEmpty());
        const auto deep = vse::confSyntaxErrors(
            QStringLiteral("a = 1\nb = ") + QString(100000, u'[') + QStringLiteral("\nc = \"x\n"));
        QCOMPARE(deep.size(), 1);
        QVERIFY(deep.constFirst().toolLimit);
        QCOMPARE(deep.constFirst().line, 2);
        QCOMPARE(deep.constFirst().option, QStringLiteral("b"));
    }

    // After an error reading goes on, so one pass names every broken line.
    void everyErrorIsNamed()
    {
        const auto errors = vse::confSyntaxErrors(
            QStringLiteral("a = \"x\nb = [ 1,\n  2\nc = 3\nd 4\n"));
        QCOMPARE(errors.size(), 3);
        QCOMPARE(errors.at(0).line, 1);
        QCOMPARE(errors.at(1).line, 4); // b's list is found open where c starts
        QCOMPARE(errors.at(1).statementLine, 2);
        QCOMPARE(errors.at(2).line, 5);
        QCOMPARE(errors.at(2).option, QStringLiteral("d"));
    }
};

QTEST_GUILESS_MAIN(TestConfSyntax)
#include "tst_confsyntax.moc"
