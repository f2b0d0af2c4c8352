// virt-support gen-header on an index of the installed libvirt: the header
// compiles cleanly with every libvirt header included (C and C++), and a
// program using one old and one newer function gets exactly one warning,
// naming the release the index gives for the newer one, which is checked
// against the installed API XML.
#include "clirunner.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QSet>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QVersionNumber>

using namespace vse::testdata;

namespace {

struct Compile
{
    int exitCode = -1;
    QString output;
};

Compile compile(const QString &compiler, const QString &source, const QString &dir)
{
    QProcess p;
    p.setWorkingDirectory(dir);
    p.setProcessChannelMode(QProcess::MergedChannels);
    p.start(compiler,
            {QStringLiteral("-Wall"), QStringLiteral("-fsyntax-only"), QStringLiteral("-I") + dir,
             QStringLiteral("-fdiagnostics-plain-output"), source});
    Compile c;
    if (!p.waitForFinished(120000))
        return c;
    c.exitCode = p.exitCode();
    c.output = QString::fromUtf8(p.readAll());
    return c;
}

} // namespace

class TestGenHeader : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;
    QString m_index;

    QString genHeader(const QString &version)
    {
        const CliRun r = runCli(
            m_index, {QStringLiteral("gen-header"), QStringLiteral("--max-allowed"), version});
        if (r.exitCode != 0)
            qWarning().noquote() << r.err;
        qInfo().noquote() << r.err.trimmed();
        QFile f(m_dir.filePath(QStringLiteral("libvirt-max-allowed.h")));
        if (!f.open(QIODevice::WriteOnly))
            return {};
        f.write(r.out.toUtf8());
        return r.out;
    }

    void writeFile(const QString &name, const QByteArray &text)
    {
        QFile f(m_dir.filePath(name));
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(text);
    }

private Q_SLOTS:
    void initTestCase()
    {
        if (!QFile::exists(QStringLiteral("/usr/include/libvirt/libvirt.h")))
            QSKIP("libvirt-dev is not installed");
        if (QStandardPaths::findExecutable(QStringLiteral("gcc")).isEmpty())
            QSKIP("gcc is not installed");
        m_index = m_dir.filePath(QStringLiteral("index.sqlite"));
        const CliRun r = runCli(m_index, {QStringLiteral("index")}, 600000);
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    }

    void oneWarningForTheNewerFunction()
    {
        // The since of virDomainGetMessages as the index has it, and as
        // libvirt's symbol file says it (the LIBVIRT_x.y.z block naming it).
        const CliRun show =
            runCli(m_index, {QStringLiteral("show"), QStringLiteral("virDomainGetMessages"),
                             QStringLiteral("--json")});
        QCOMPARE(show.exitCode, 0);
        const QString since = QJsonDocument::fromJson(show.out.toUtf8())
                                  .object()
                                  .value(QLatin1String("since"))
                                  .toString();
        QVERIFY(!since.isEmpty());
        // The installed API XML names the same release (version='x.y.z').
        QFile api(QStringLiteral("/usr/share/libvirt/api/libvirt-api.xml"));
        if (api.open(QIODevice::ReadOnly)) {
            static const QRegularExpression re(
                QStringLiteral("<function name='virDomainGetMessages'[^>]*version='([0-9.]+)'"));
            const auto m = re.match(QString::fromUtf8(api.readAll()));
            QVERIFY(m.hasMatch());
            QCOMPARE(m.captured(1), since);
        }
        // One release older than that is the ceiling.
        const QStringList parts = since.split(u'.');
        const QString older =
            parts.value(1).toInt() > 0
                ? QStringLiteral("%1.%2.0").arg(parts.value(0)).arg(parts.value(1).toInt() - 1)
                : QStringLiteral("%1.0.0").arg(parts.value(0).toInt() - 1);
        const QString header = genHeader(older);
        QVERIFY(header.contains(
            QLatin1String("extern __typeof__(virDomainGetMessages) virDomainGetMessages")));
        QVERIFY(!header.contains(QLatin1String("__typeof__(virConnectOpen)")));
        // As many of the installed functions as the installed API XML files
        // list with a newer version=; the rest are the history's functions
        // added after the installed release, each guarded by a release after it.
        int newer = 0;
        QSet<QString> installed;
        QVersionNumber newest; // of the installed functions
        for (const char *xml : {"libvirt-api.xml", "libvirt-qemu-api.xml", "libvirt-lxc-api.xml",
                                "libvirt-admin-api.xml"}) {
            QFile f(QStringLiteral("/usr/share/libvirt/api/") + QLatin1String(xml));
            if (!f.open(QIODevice::ReadOnly))
                QSKIP("libvirt's API XML is not installed");
            static const QRegularExpression fn(
                QStringLiteral("<function name='(\\w+)'[^>]*version='([0-9.]+)'"));
            for (auto it = fn.globalMatch(QString::fromUtf8(f.readAll())); it.hasNext();) {
                const auto m = it.next();
                installed.insert(m.captured(1));
                const QVersionNumber v = QVersionNumber::fromString(m.captured(2));
                newer += v > QVersionNumber::fromString(older);
                newest = std::max(newest, v);
            }
        }
        static const QRegularExpression decl(
            QStringLiteral("#if LIBVIR_VERSION_NUMBER >= (\\d+)[^\\n]*\\nextern __typeof__\\((\\w+)\\)"));
        int fromInstalled = 0;
        for (auto it = decl.globalMatch(header); it.hasNext();) {
            const auto m = it.next();
            if (installed.contains(m.captured(2)))
                ++fromInstalled;
            else
                QVERIFY2(m.captured(1).toLongLong() >
                             newest.majorVersion() * 1000000LL + newest.minorVersion() * 1000LL + newest.microVersion(),
                         qPrintable(m.captured(2)));
        }
        QCOMPARE(fromInstalled, newer);

        writeFile(QStringLiteral("app.c"), "#include <libvirt/libvirt.h>\n"
                                           "#include \"libvirt-max-allowed.h\"\n"
                                           "#include <stddef.h>\n"
                                           "int main(void)\n"
                                           "{\n"
                                           "    virConnectPtr conn = virConnectOpen(NULL);\n"
                                           "    char **msgs = NULL;\n"
                                           "    int n = virDomainGetMessages(NULL, &msgs, 0);\n"
                                           "    return conn == NULL && n < 0;\n"
                                           "}\n");
        const Compile c = compile(QStringLiteral("gcc"), QStringLiteral("app.c"), m_dir.path());
        qInfo().noquote() << c.output.trimmed();
        QCOMPARE(c.exitCode, 0);
        const QStringList warnings = c.output.split(u'\n').filter(QStringLiteral("warning:"));
        QCOMPARE(warnings.size(), 1);
        QVERIFY(warnings.first().startsWith(QLatin1String("app.c:8:")));
        QVERIFY(warnings.first().contains(QLatin1String("virDomainGetMessages")));
        QVERIFY(warnings.first().contains(
            QStringLiteral("needs libvirt %1 (max allowed %2)").arg(since, older)));
    }

    void wholeHeaderCompilesInCAndCxx()
    {
        // Every re-declaration, after every header that declares them.
        const QString header = genHeader(QStringLiteral("0.0.1"));
        const int lines = int(header.count(QLatin1String("extern __typeof__")));
        qInfo() << "re-declarations for 0.0.1:" << lines;
        QVERIFY(lines > 500);
        const QByteArray all = "#include <libvirt/libvirt.h>\n"
                               "#include <libvirt/virterror.h>\n"
                               "#include <libvirt/libvirt-qemu.h>\n"
                               "#include <libvirt/libvirt-lxc.h>\n"
                               "#include <libvirt/libvirt-admin.h>\n"
                               "#include \"libvirt-max-allowed.h\"\n"
                               "int main(void) { return 0; }\n";
        writeFile(QStringLiteral("all.c"), all);
        writeFile(QStringLiteral("all.cpp"), all);
        const Compile c = compile(QStringLiteral("gcc"), QStringLiteral("all.c"), m_dir.path());
        QVERIFY2(c.exitCode == 0 && c.output.isEmpty(), qPrintable(c.output.left(2000)));
        if (!QStandardPaths::findExecutable(QStringLiteral("g++")).isEmpty()) {
            const Compile cxx =
                compile(QStringLiteral("g++"), QStringLiteral("all.cpp"), m_dir.path());
            QVERIFY2(cxx.exitCode == 0 && cxx.output.isEmpty(), qPrintable(cxx.output.left(2000)));
        }
        // Without libvirt.h first, the header says what to do.
        writeFile(QStringLiteral("bare.c"),
                  "#include \"libvirt-max-allowed.h\"\nint main(void) { return 0; }\n");
        const Compile bare = compile(QStringLiteral("gcc"), QStringLiteral("bare.c"), m_dir.path());
        QVERIFY(bare.exitCode != 0);
        QVERIFY(bare.output.contains(QLatin1String("include <libvirt/libvirt.h> before")));
    }

    void badVersionIsAUsageError()
    {
        const CliRun r =
            runCli(m_index, {QStringLiteral("gen-header"), QStringLiteral("--max-allowed"),
                             QStringLiteral("latest")});
        QCOMPARE(r.exitCode, 2);
        QVERIFY(!r.err.isEmpty());
        // A distribution release is the libvirt it ships: the same header.
        const CliRun named = runCli(m_index, {QStringLiteral("gen-header"), QStringLiteral("--max-allowed"),
                                              QStringLiteral("bullseye")});
        const CliRun plain = runCli(m_index, {QStringLiteral("gen-header"), QStringLiteral("--max-allowed"),
                                              QStringLiteral("7.0.0")});
        QCOMPARE(named.exitCode, 0);
        QVERIFY(named.out.contains(QLatin1String("needs libvirt")));
        QCOMPARE(named.out, plain.out);
        QVERIFY2(named.err.contains(QLatin1String("'bullseye' read as libvirt 7.0.0")), qPrintable(named.err));
        const CliRun none = runCli(m_index, {QStringLiteral("gen-header")});
        QCOMPARE(none.exitCode, 2);
    }
};

QTEST_GUILESS_MAIN(TestGenHeader)
#include "tst_genheader.moc"
