// DirListing (readdir, used by every query's index freshness check) selects
// exactly what QDirIterator / QDir select with the same filters, so the
// indexer's fingerprints stay what they were: on the corpus' source trees
// (recursive, several patterns), on the installed libvirt's folders, on the
// machine's library folders (folders, a two-star pattern), and on a folder of
// awkward entries (hidden files and folders, links to files, folders, nothing
// and a FIFO, a FIFO itself, upper-case and non-ASCII names).
#include "io/dirlisting.h"

#include "testdata.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>

using namespace vse;

namespace {

// What the freshness check did before DirListing.
QStringList byQt(const QString &dir, const QStringList &patterns, DirListing::Type type, bool recursive)
{
    QStringList out;
    QDirIterator it(dir, patterns, type == DirListing::Type::Files ? QDir::Files : QDir::Dirs | QDir::NoDotAndDotDot,
                    recursive ? QDirIterator::Subdirectories : QDirIterator::NoIteratorFlags);
    while (it.hasNext())
        out << it.next();
    out.sort();
    return out;
}

} // namespace

class TestDirListing : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;

    void compare(const QString &dir, const QStringList &patterns, DirListing::Type type, bool recursive)
    {
        const QStringList expected = byQt(dir, patterns, type, recursive);
        const QStringList got = DirListing::entries(dir, patterns, type, recursive);
        if (got != expected) {
            for (const QString &p : expected)
                if (!got.contains(p))
                    qWarning("missing: %s", qPrintable(p));
            for (const QString &p : got)
                if (!expected.contains(p))
                    qWarning("extra: %s", qPrintable(p));
        }
        QCOMPARE(got, expected);
    }

private Q_SLOTS:
    void corpusSourceTrees()
    {
        VSE_REQUIRE_CORPUS();
        int listed = 0;
        for (const QString &release : testdata::corpusReleases()) {
            const QString src = testdata::corpusDir() + QLatin1Char('/') + release + QStringLiteral("/src");
            compare(src, {QStringLiteral("*.x")}, DirListing::Type::Files, true);
            compare(src, {QStringLiteral("*_driver.c"), QStringLiteral("driver-*.h")}, DirListing::Type::Files, true);
            compare(src, {QStringLiteral("libvirt*.syms")}, DirListing::Type::Files, false);
            compare(testdata::corpusDir() + QLatin1Char('/') + release, {}, DirListing::Type::Dirs, true);
            listed += int(DirListing::entries(src, {QStringLiteral("*.x")}, DirListing::Type::Files, true).size());
        }
        QVERIFY2(listed > 0, "no .x file found in the corpus");
    }

    void installedFolders()
    {
        if (!QFileInfo::exists(QStringLiteral("/usr/share/libvirt/schemas/domain.rng")))
            QSKIP("libvirt's schemas are not installed");
        compare(QStringLiteral("/usr/share/libvirt/schemas"), {QStringLiteral("*.rng")}, DirListing::Type::Files,
                false);
        compare(QStringLiteral("/usr/include/libvirt"), {QStringLiteral("*.h"), QStringLiteral("*.h.in")},
                DirListing::Type::Files, false);
        compare(QStringLiteral("/usr/lib"), {QStringLiteral("*-linux-gnu*")}, DirListing::Type::Dirs, false);
        compare(QStringLiteral("/lib"), {QStringLiteral("*-linux-gnu*")}, DirListing::Type::Dirs, false);
        QVERIFY(!DirListing::entries(QStringLiteral("/usr/share/libvirt/schemas"), {QStringLiteral("*.RNG")},
                                     DirListing::Type::Files)
                     .isEmpty());
    }

    void awkwardEntries()
    {
        const QString d = m_dir.path();
        const auto touch = [](const QString &path) {
            QFile f(path);
            QVERIFY(f.open(QIODevice::WriteOnly));
        };
        QVERIFY(QDir().mkpath(d + QStringLiteral("/sub/deeper")));
        QVERIFY(QDir().mkpath(d + QStringLiteral("/.hidden")));
        touch(d + QStringLiteral("/a.rng"));
        touch(d + QStringLiteral("/B.RNG"));
        touch(d + QStringLiteral("/.dot.rng"));
        touch(d + QStringLiteral("/.hidden/in-hidden.rng"));
        touch(d + QStringLiteral("/sub/deeper/deep.rng"));
        touch(d + QStringLiteral("/sub/x-linux-gnu-y.rng"));
        touch(d + QString::fromUtf8("/\xc3\xa9t\xc3\xa9.RnG"));
        QVERIFY(QFile::link(d + QStringLiteral("/a.rng"), d + QStringLiteral("/link.rng")));
        QVERIFY(QFile::link(d + QStringLiteral("/sub"), d + QStringLiteral("/sublink.rng")));
        QVERIFY(QFile::link(d + QStringLiteral("/missing"), d + QStringLiteral("/dangling.rng")));
        QVERIFY(::mkfifo(QFile::encodeName(d + QStringLiteral("/fifo.rng")).constData(), 0600) == 0);
        QVERIFY(QFile::link(d + QStringLiteral("/fifo.rng"), d + QStringLiteral("/fifolink.rng")));
        for (const bool recursive : {false, true}) {
            for (const auto type : {DirListing::Type::Files, DirListing::Type::Dirs}) {
                compare(d, {QStringLiteral("*.rng")}, type, recursive);
                compare(d, {}, type, recursive);
                compare(d, {QStringLiteral("*-linux-gnu*"), QStringLiteral("sub*")}, type, recursive);
                compare(d + QLatin1Char('/'), {QStringLiteral("*.rng")}, type, recursive);
            }
        }
        QCOMPARE(DirListing::entries(d + QStringLiteral("/none"), {}, DirListing::Type::Files), QStringList());
    }

    void wildcards()
    {
        QVERIFY(DirListing::matches(u"libvirt_public.syms", u"libvirt*.syms"));
        QVERIFY(DirListing::matches(u"LIBVIRT.SYMS", u"libvirt*.syms"));
        QVERIFY(DirListing::matches(u"x86_64-linux-gnu", u"*-linux-gnu*"));
        QVERIFY(DirListing::matches(u"a-linux-gnu-linux-gnux", u"*-linux-gnu*"));
        QVERIFY(DirListing::matches(u"", u"*"));
        QVERIFY(!DirListing::matches(u"domain.rng.bak", u"*.rng"));
        QVERIFY(!DirListing::matches(u"x86_64-linux-gn", u"*-linux-gnu*"));
        QVERIFY(DirListing::matches(u"\u00c9T\u00c9.rng", u"\u00e9t\u00e9.rng"));
    }
};

QTEST_GUILESS_MAIN(TestDirListing)
#include "tst_dirlisting.moc"
