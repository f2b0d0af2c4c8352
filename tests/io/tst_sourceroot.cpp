// SourceRoot refuses the same hostile files with openat2 (RESOLVE_BENEATH)
// and on its fallback path (realpath, then the opened descriptor checked
// through /proc/self/fd), forced here with VSE_NO_OPENAT2 as on a kernel
// without openat2: a symlink, a "..", an absolute path or a symlinked folder
// leading out of the root, a FIFO, /dev/zero behind a symlink, a file over
// the size limit. The secret outside the root is never returned, and files
// inside are read the same on both paths.
#include "io/confinedfile.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>

using namespace vse;

class TestSourceRoot : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;
    QString m_root;
    QByteArray m_secret = QByteArrayLiteral("the secret outside the root\n");

    void write(const QString &path, const QByteArray &data)
    {
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(data);
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_root = m_dir.filePath(QStringLiteral("tree"));
        QVERIFY(QDir().mkpath(m_root + QStringLiteral("/docs")));
        QVERIFY(QDir().mkpath(m_dir.filePath(QStringLiteral("outside"))));
        write(m_dir.filePath(QStringLiteral("outside/secret.rng")), m_secret);
        write(m_root + QStringLiteral("/docs/ok.rng"), "<grammar/>\n");
        QVERIFY(QFile::link(m_dir.filePath(QStringLiteral("outside/secret.rng")),
                            m_root + QStringLiteral("/docs/link.rng")));
        QVERIFY(QFile::link(m_dir.filePath(QStringLiteral("outside")),
                            m_root + QStringLiteral("/docs/dirlink")));
        QVERIFY(QFile::link(QStringLiteral("/dev/zero"), m_root + QStringLiteral("/docs/zero.rng")));
        QVERIFY(::mkfifo(QFile::encodeName(m_root + QStringLiteral("/docs/fifo.rng")).constData(),
                         0600) == 0);
        QFile big(m_root + QStringLiteral("/docs/big.rng"));
        QVERIFY(big.open(QIODevice::WriteOnly));
        QVERIFY(big.resize(SourceRoot::kMaxFileSize + 1)); // sparse
    }

    void cleanup() { qunsetenv("VSE_NO_OPENAT2"); }

    void hostileRefused_data()
    {
        QTest::addColumn<bool>("fallback");
        QTest::addColumn<QString>("path");
        QTest::addColumn<QString>("why");
        for (const bool fallback : {false, true}) {
            const char *tag = fallback ? "fallback" : "openat2";
            const auto row = [&](const char *name, const QString &path, const char *why) {
                QTest::addRow("%s %s", tag, name) << fallback << path << QString::fromLatin1(why);
            };
            row("symlink out", m_root + QStringLiteral("/docs/link.rng"), "outside the source root");
            row("dotdot", m_root + QStringLiteral("/docs/../../outside/secret.rng"),
                "outside the source root");
            row("absolute", m_dir.filePath(QStringLiteral("outside/secret.rng")),
                "outside the source root");
            row("folder symlink", m_root + QStringLiteral("/docs/dirlink/secret.rng"),
                "outside the source root");
            row("dev zero", m_root + QStringLiteral("/docs/zero.rng"), "outside the source root");
            row("fifo", m_root + QStringLiteral("/docs/fifo.rng"), "FIFO");
            row("too big", m_root + QStringLiteral("/docs/big.rng"), "size limit");
        }
    }
    void hostileRefused()
    {
        QFETCH(bool, fallback);
        QFETCH(QString, path);
        QFETCH(QString, why);
        if (fallback)
            qputenv("VSE_NO_OPENAT2", "1");
        const SourceRoot root(m_root);
        QByteArray data;
        QString message;
        QVERIFY(!root.read(path, &data, &message));
        QVERIFY2(message.contains(why), qPrintable(message));
        QVERIFY(!data.contains(m_secret));
    }

    void insideReadOnBothPaths()
    {
        for (const bool fallback : {false, true}) {
            if (fallback)
                qputenv("VSE_NO_OPENAT2", "1");
            const SourceRoot root(m_root);
            QByteArray data;
            QString message;
            QVERIFY2(root.read(m_root + QStringLiteral("/docs/ok.rng"), &data, &message),
                     qPrintable(message));
            QCOMPARE(data, QByteArray("<grammar/>\n"));
            // A ".." that stays inside is fine.
            QVERIFY(root.read(m_root + QStringLiteral("/docs/../docs/ok.rng"), &data, &message));
        }
    }
};

QTEST_GUILESS_MAIN(TestSourceRoot)
#include "tst_sourceroot.moc"
