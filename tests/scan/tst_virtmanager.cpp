// A real program: virt-manager 4.1.0 as Debian 12 ships it (the
// virt-manager package and virtinst, whose code it runs, both under
// /usr/share/virt-manager/), fetched from Debian's archive (skipped when
// offline). Scanned with the Python scanner and the map from the real
// libvirt.py; the highest since among its unguarded, unambiguous uses is
// looked up in an index of the installed libvirt and compared with the
// versions virt-manager itself checks at run time (virtinst/support.py).
//
// The findings engine (the minimum version with ranges and the uses driving
// it) is helper A's; until it is here this test reads each symbol's since
// from the index store directly.
#include "clirunner.h"
#include "debianpackages.h"
#include "index/store.h"
#include "scan/pythonscanner.h"
#include "scan/scanengine.h"

#include <QDirIterator>
#include <QFile>
#include <QMap>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

using namespace vse;
using namespace vse::scan;

class TestVirtManager : public QObject
{
    Q_OBJECT
    QStringList m_roots;
    QStringList m_files;
    std::optional<PythonApiMap> m_map;
    QList<FileScan> m_scans;
    QTemporaryDir m_dir;

private Q_SLOTS:
    void initTestCase()
    {
        QString why;
        const QStringList dirs = testdata::fetchDebianPackages(
            {QStringLiteral("virt-manager"), QStringLiteral("virtinst")}, &why);
        if (dirs.size() != 2)
            QSKIP(qPrintable(why));
        const QString binding = testdata::libvirtBinding(&why);
        if (binding.isEmpty())
            QSKIP(qPrintable(why));
        qputenv("VSE_PYTHON_LIBVIRT", binding.toUtf8());
        Diagnostics problems;
        m_map = PythonApiMap::load(&problems);
        QVERIFY(m_map);
        for (const QString &d : dirs) {
            m_roots << d + QStringLiteral("/usr/share/virt-manager");
            m_files << pythonFilesUnder(m_roots.last());
        }
        QVERIFY(m_files.size() > 100);
        m_scans = scanPython(m_files, *m_map, &problems);
        QVERIFY2(problems.isEmpty(), qPrintable(problems.value(0).toString()));
        QCOMPARE(m_scans.size(), m_files.size());
    }

    void countsAndAmbiguity()
    {
        int uses = 0, constants = 0, resolved = 0, ambiguous = 0, guarded = 0, presence = 0,
            fallback = 0;
        QMap<QString, int> ambiguousNames;
        for (const FileScan &fs : std::as_const(m_scans)) {
            QVERIFY2(fs.problems.isEmpty(), qPrintable(fs.problems.value(0).toString()));
            for (const Use &u : fs.uses) {
                ++uses;
                constants += u.kind == UseKind::Constant;
                if (u.symbol.isEmpty()) {
                    ++ambiguous;
                    ++ambiguousNames[u.spelled.section(u'.', -1)];
                } else if (u.kind == UseKind::Function) {
                    ++resolved;
                }
                guarded += u.guardedFrom.has_value();
                presence += u.presenceChecked;
                fallback += u.hasFallback;
            }
        }
        qInfo().noquote()
            << QStringLiteral(
                   "virt-manager 4.1.0: %1 Python files, %2 uses: %3 functions resolved, "
                   "%4 ambiguous, %5 constants; guarded by version %6, by hasattr %7, "
                   "inside try/except libvirtError %8")
                   .arg(m_files.size())
                   .arg(uses)
                   .arg(resolved)
                   .arg(ambiguous)
                   .arg(constants)
                   .arg(guarded)
                   .arg(presence)
                   .arg(fallback);
        QStringList names;
        for (auto it = ambiguousNames.cbegin(); it != ambiguousNames.cend(); ++it)
            names << QStringLiteral("%1 (%2×, %3 candidates)")
                         .arg(it.key())
                         .arg(it.value())
                         .arg(m_map->resolveMethod(it.key()).candidates.size());
        qInfo().noquote() << "ambiguous method names:" << names.join(QStringLiteral(", "));
        QVERIFY(resolved > 100);
        QVERIFY(constants > 50);
        QVERIFY(!ambiguousNames.isEmpty());
        // Every ambiguous name really is several classes' method.
        for (auto it = ambiguousNames.cbegin(); it != ambiguousNames.cend(); ++it)
            QVERIFY(m_map->resolveMethod(it.key()).candidates.size() > 1);
    }

    void usesMatchTheSourceText()
    {
        // virtManager/connection.py registers node device events inside a
        // try whose handler catches Exception, reading the event ids with
        // getattr(libvirt, "VIR_…", default): found by reading the text.
        const QString file = m_roots.first() + QStringLiteral("/virtManager/connection.py");
        QFile f(file);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QStringList lines = QString::fromUtf8(f.readAll()).split(u'\n');
        QList<int> registerLines, getattrLines;
        for (int i = 0; i < lines.size(); ++i) {
            if (lines.at(i).contains(QLatin1String(".nodeDeviceEventRegisterAny(")))
                registerLines << i + 1;
            if (lines.at(i).contains(QLatin1String("getattr(libvirt, \"VIR_NODE_DEVICE_EVENT_ID_")))
                getattrLines << i + 1;
        }
        QCOMPARE(registerLines.size(), 2);
        QCOMPARE(getattrLines.size(), 2);
        const FileScan *scan = nullptr;
        for (const FileScan &fs : std::as_const(m_scans))
            if (fs.file == file)
                scan = &fs;
        QVERIFY(scan);
        for (const Use &u : scan->uses) {
            if (registerLines.contains(u.pos.line) &&
                u.spelled.endsWith(QLatin1String("nodeDeviceEventRegisterAny"))) {
                QCOMPARE(u.symbol, QStringLiteral("virConnectNodeDeviceEventRegisterAny"));
                QVERIFY(u.hasFallback);
                registerLines.removeOne(u.pos.line);
            }
            if (getattrLines.contains(u.pos.line)) {
                QCOMPARE(u.kind, UseKind::Constant);
                QVERIFY(u.symbol.startsWith(QLatin1String("VIR_NODE_DEVICE_EVENT_ID_")));
                QVERIFY(u.presenceChecked);
                getattrLines.removeOne(u.pos.line);
            }
        }
        QVERIFY(registerLines.isEmpty());
        QVERIFY(getattrLines.isEmpty());
    }

    // An index of the installed libvirt, built once for the tests below.
    QString installedIndex()
    {
        const QString index = m_dir.filePath(QStringLiteral("index.sqlite"));
        if (!QFile::exists(index)) {
            const testdata::CliRun r = testdata::runCli(index, {QStringLiteral("index")}, 600000);
            if (r.exitCode != 0)
                qWarning().noquote() << r.err;
        }
        return index;
    }

    // GTK's widget.destroy(), an object's .name(): calls whose receiver the
    // scanner cannot type. Those every reading of which the target has
    // cannot change the answer: the report counts them instead of listing
    // them, and lists the others. Checked call by call against the index.
    void ambiguousCallsThatCannotMatter()
    {
        if (!QFile::exists(QStringLiteral("/usr/include/libvirt/libvirt.h")))
            QSKIP("libvirt-dev is not installed: no index of the installed libvirt");
        Store store;
        Diagnostics problems;
        QVERIFY(store.open(installedIndex(), &problems));
        const auto lookup = [&store](const QString &name) -> std::optional<Item> {
            const ItemList items = store.itemsByName(name);
            return items.isEmpty() ? std::nullopt : std::optional<Item>(items.constLast());
        };
        const Version target = Version::parse(QStringLiteral("6.0.0"));
        const ScanReport report = analyse(m_scans, lookup, target);
        int harmless = 0, listed = 0;
        const QString text = report.toText();
        for (const Finding &f : report.findings) {
            if (f.kind != Finding::Ambiguous)
                continue;
            bool all = !f.candidates.isEmpty();
            for (const QString &c : f.candidates) {
                const std::optional<Item> item = lookup(c);
                all = all && item && item->sinceRange().fit(target) == SinceRange::Fit::Supported;
            }
            QVERIFY2(f.harmless == all, qPrintable(f.message));
            const QString line = QStringLiteral(": ") + f.message + QLatin1Char('\n');
            QVERIFY2(text.contains(line) != f.harmless, qPrintable(f.message));
            (f.harmless ? harmless : listed)++;
        }
        // virt-manager has both kinds: .destroy() of widgets, and
        // .create() that could be virNodeDeviceCreate (7.3.0).
        QVERIFY(harmless > 0);
        QVERIFY(listed > 0);
        QVERIFY2(text.contains(QStringLiteral("\n%1 more Python call(s) whose receiver's type is not known").arg(harmless)),
                 qPrintable(text.right(400)));
        qInfo().noquote() << QStringLiteral("ambiguous calls for target 6.0.0: %1 listed, %2 counted as harmless")
                                 .arg(listed)
                                 .arg(harmless);
    }

    void highestSinceVersusRuntimeChecks()
    {
        if (!QFile::exists(QStringLiteral("/usr/include/libvirt/libvirt.h")))
            QSKIP("libvirt-dev is not installed: no index of the installed libvirt");
        const QString index = installedIndex();
        Store store;
        Diagnostics problems;
        QVERIFY(store.open(index, &problems));

        // symbol -> its since (newest row), looked up once.
        QHash<QString, std::optional<SinceRange>> since;
        const auto sinceOf = [&](const QString &symbol) -> std::optional<SinceRange> {
            if (auto it = since.constFind(symbol); it != since.cend())
                return *it;
            std::optional<SinceRange> s;
            const ItemList items = store.itemsByName(symbol);
            if (!items.isEmpty())
                s = items.constLast().sinceRange();
            since.insert(symbol, s);
            return s;
        };
        Version highest;
        QStringList drivers, unknown;
        Version production;             // the same without virt-manager's test mock
        QMap<Version, QString> bySince; // one example use per since, for the top of the list
        int unguarded = 0;
        for (const FileScan &fs : std::as_const(m_scans))
            for (const Use &u : fs.uses) {
                if (u.symbol.isEmpty() || u.guardedFrom || u.presenceChecked || u.hasFallback)
                    continue;
                ++unguarded;
                const auto s = sinceOf(u.symbol);
                if (!s || !s->isKnown()) {
                    if (!unknown.contains(u.symbol))
                        unknown << u.symbol;
                    continue;
                }
                const QString where =
                    QStringLiteral("%1 (%2, %3:%4)")
                        .arg(u.symbol, s->toString(), u.pos.file.section(u'/', -2),
                             QString::number(u.pos.line));
                // virt-manager's fake events for its own UI tests
                // (--test-options); not run for users.
                if (!u.pos.file.endsWith(QLatin1String("/lib/testmock.py")) && s->upTo > production)
                    production = s->upTo;
                if (!bySince.contains(s->upTo))
                    bySince.insert(s->upTo, where);
                if (s->upTo > highest) {
                    highest = s->upTo;
                    drivers = {where};
                } else if (s->upTo == highest && drivers.size() < 5) {
                    drivers << where;
                }
            }
        QVERIFY(highest.isValid());

        // What virt-manager checks at run time: the version= of each
        // support check in virtinst/support.py.
        Version checked, lowestCheck;
        int checks = 0;
        for (const QString &root : std::as_const(m_roots)) {
            QFile f(root + QStringLiteral("/virtinst/support.py"));
            if (!f.open(QIODevice::ReadOnly))
                continue;
            static const QRegularExpression re(
                QStringLiteral("\\bversion=\"(\\d+\\.\\d+\\.\\d+)\""));
            for (auto it = re.globalMatch(QString::fromUtf8(f.readAll())); it.hasNext();) {
                const Version v = Version::parse(it.next().captured(1));
                ++checks;
                if (v > checked)
                    checked = v;
                if (!lowestCheck.isValid() || v < lowestCheck)
                    lowestCheck = v;
            }
        }
        QVERIFY(checks > 5);
        qInfo().noquote()
            << QStringLiteral(
                   "%1 unguarded resolved uses; the highest since among them: %2, driven by: %3 "
                   "(read from the index store directly; helper A's findings engine "
                   "computes the final minimum with ranges)")
                   .arg(unguarded)
                   .arg(highest.toString(), drivers.join(QStringLiteral("; ")));
        QStringList top;
        for (auto it = bySince.cend(); it != bySince.cbegin() && top.size() < 5;)
            top << (--it).value();
        qInfo().noquote() << "the five highest sinces among unguarded uses, one use each:"
                          << top.join(QStringLiteral("; "));
        qInfo().noquote()
            << QStringLiteral(
                   "without lib/testmock.py (fake events for virt-manager's UI tests): %1")
                   .arg(production.toString());
        qInfo().noquote()
            << QStringLiteral(
                   "not in the index (python-only or newer than the installed libvirt): %1")
                   .arg(unknown.isEmpty() ? QStringLiteral("none")
                                          : unknown.join(QStringLiteral(", ")));
        qInfo().noquote()
            << QStringLiteral("virt-manager's own run-time checks (virtinst/support.py): %1 with "
                              "version=, from %2 to %3")
                   .arg(checks)
                   .arg(lowestCheck.toString(), checked.toString());
        qInfo().noquote()
            << (highest > lowestCheck
                    ? QStringLiteral(
                          "Difference: unguarded uses need %1, above some of virt-manager's own "
                          "checks. Its checks test functions and flags through getattr on names "
                          "held "
                          "in data (_make(function=\"virDomain.foo\", flag=...)), which a scanner "
                          "of "
                          "calls cannot see as guards, so uses reached only after such a check "
                          "count "
                          "as unguarded here.")
                          .arg(highest.toString())
                    : QStringLiteral(
                          "Agreement: the unguarded uses need libvirt %1, at or below every "
                          "version "
                          "virt-manager checks at run time (%2 to %3): those checks switch "
                          "optional "
                          "features on for newer libvirt, above what the rest of the code needs.")
                          .arg(highest.toString(), lowestCheck.toString(), checked.toString()));
    }
};

QTEST_GUILESS_MAIN(TestVirtManager)
#include "tst_virtmanager.moc"
