// A real C program: libvirt-glib, from Debian's upstream tarball (fetched
// like the libvirt release tarballs when the cache lacks it; skipped when
// offline). The scan's minimum libvirt is printed next to what libvirt-glib's
// meson.build declares, with the uses that explain any difference, and is
// checked against facts read independently: the functions the sources call
// (found by a plain search of the comment-free text) and the version the
// installed libvirt-api.xml gives each of them.
#include "scantestsupport.h"

#include <QRegularExpression>
#include <QTest>
#include <QXmlStreamReader>

using namespace vse;
using namespace vse::scan;

namespace {

// function name -> version='' of /usr/share/libvirt/api/libvirt-api.xml.
QHash<QString, Version> apiXmlVersions()
{
    QHash<QString, Version> out;
    QFile f(QStringLiteral("/usr/share/libvirt/api/libvirt-api.xml"));
    if (!f.open(QIODevice::ReadOnly))
        return out;
    QXmlStreamReader xml(&f);
    while (!xml.atEnd()) {
        if (xml.readNext() == QXmlStreamReader::StartElement &&
            xml.name() == QLatin1String("function")) {
            const Version v = Version::parse(xml.attributes().value(QLatin1String("version")));
            if (v.isValid())
                out.insert(xml.attributes().value(QLatin1String("name")).toString(), v);
        }
    }
    return out;
}

// vir* names followed by "(" in the C files, comments removed.
QSet<QString> calledNames(const QString &root)
{
    static const QRegularExpression comment(QStringLiteral("/\\*.*?\\*/|//[^\\n]*"),
                                            QRegularExpression::DotMatchesEverythingOption);
    static const QRegularExpression call(QStringLiteral("\\b(vir[A-Z]\\w+)\\s*\\("));
    QSet<QString> out;
    QDirIterator it(root, {QStringLiteral("*.c")}, QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        QFile f(it.next());
        if (!f.open(QIODevice::ReadOnly))
            continue;
        QString text = QString::fromUtf8(f.readAll());
        text.remove(comment);
        for (auto m = call.globalMatch(text); m.hasNext();)
            out.insert(m.next().captured(1));
    }
    return out;
}

} // namespace

class TestScanLibvirtGlib : public QObject
{
    Q_OBJECT

private slots:
    void minimumVersion()
    {
        QTemporaryDir dir;
        QString why;
        const QString root = scantest::unpackLibvirtGlib(dir.path(), &why);
        if (root.isEmpty())
            QSKIP(qPrintable(why));
        QString problem;
        const QString index = scantest::installedIndex(&problem);
        QVERIFY2(!index.isEmpty(), qPrintable(problem));
        Store store;
        Diagnostics d;
        QVERIFY(store.open(index, &d));

        const ScanReport r = scantest::scanPaths(store, {root}, Version());
        Diagnostics cProblems;
        for (const auto &p : r.problems)
            if (!p.file.endsWith(QLatin1String(".py")))
                cProblems.append(p);
        qInfo("libvirt-glib: %d files, %d uses of %d libvirt names, %d C file(s) with parse "
              "problems, %d Python "
              "file(s) left to the Python scanner",
              r.files, r.uses, int(r.symbols.size()), int(cProblems.size()),
              int(r.problems.size() - cProblems.size()));
        for (const auto &p : cProblems.mid(0, 8))
            qInfo("  problem: %s", qPrintable(p.toString()));
        QVERIFY(r.minimum.isKnown());
        qInfo("minimum libvirt by the scan: %s", qPrintable(r.minimum.toString()));
        for (const auto &s : r.drivers)
            qInfo("  needed by %s (%s) at %s:%d", qPrintable(s.symbol),
                  qPrintable(s.since.toString()),
                  qPrintable(QDir(root).relativeFilePath(s.first.file)), s.first.line);

        // What the project itself declares.
        QFile meson(root + QStringLiteral("/meson.build"));
        QVERIFY(meson.open(QIODevice::ReadOnly));
        const auto m = QRegularExpression(QStringLiteral("libvirt_version\\s*=\\s*'([0-9.]+)'"))
                           .match(QString::fromUtf8(meson.readAll()));
        QVERIFY(m.hasMatch());
        const Version declared = Version::parse(m.captured(1));
        qInfo("meson.build requires libvirt >= %s", qPrintable(declared.toString()));

        // Independent facts: every vir* function the sources call that the
        // API XML knows must be among the scan's uses, and the newest of
        // them bounds the minimum from below.
        const QHash<QString, Version> api = apiXmlVersions();
        QVERIFY2(!api.isEmpty(), "no /usr/share/libvirt/api/libvirt-api.xml (libvirt-dev)");
        QSet<QString> scanned;
        for (const auto &s : r.symbols)
            scanned.insert(s.symbol);
        Version newestCalled;
        QString newestName;
        int called = 0;
        for (const QString &name : calledNames(root)) {
            if (!api.contains(name))
                continue; // libvirt-glib's own gvir_* helpers, or not an API
            ++called;
            QVERIFY2(scanned.contains(name),
                     qPrintable(name + QStringLiteral(" is called but the scan missed it")));
            if (api.value(name) > newestCalled)
                newestCalled = api.value(name), newestName = name;
        }
        qInfo("%d libvirt functions called (plain search); the newest by libvirt-api.xml: %s (%s)",
              called, qPrintable(newestName), qPrintable(newestCalled.toString()));
        QVERIFY(called > 50);
        QVERIFY(r.minimum.upTo >= newestCalled);
        // The drivers' since agrees with the API XML where it has them.
        for (const auto &s : r.drivers)
            if (api.contains(s.symbol))
                QVERIFY2(s.since.upTo == api.value(s.symbol) ||
                             (s.since.after < api.value(s.symbol) &&
                              api.value(s.symbol) <= s.since.upTo),
                         qPrintable(s.symbol));

        // The comparison, said in words.
        if (r.minimum.upTo > declared) {
            QStringList newer;
            for (const auto &s : r.symbols)
                if (s.uses > 0 && s.since.isKnown() && s.since.after >= declared)
                    newer << QStringLiteral("%1 (%2, %3:%4)")
                                 .arg(s.symbol, s.since.toString(),
                                      QDir(root).relativeFilePath(s.first.file))
                                 .arg(s.first.line);
            qInfo("DIFFERENCE: the code needs %s but meson.build asks only for %s: %d name(s) "
                  "newer than %s are "
                  "used without a guard: %s",
                  qPrintable(r.minimum.toString()), qPrintable(declared.toString()),
                  int(newer.size()), qPrintable(declared.toString()),
                  qPrintable(newer.join(QStringLiteral("; "))));
        } else if (r.minimum.upTo < declared) {
            qInfo("DIFFERENCE: meson.build asks for %s, more than the %s the code needs: the "
                  "declared version "
                  "is the project's floor (what it is built and tested with), not a need of the "
                  "API it calls",
                  qPrintable(declared.toString()), qPrintable(r.minimum.toString()));
        } else {
            qInfo("AGREE: the code needs exactly what meson.build requires");
        }
    }
};

QTEST_GUILESS_MAIN(TestScanLibvirtGlib)
#include "tst_scan_libvirtglib.moc"
