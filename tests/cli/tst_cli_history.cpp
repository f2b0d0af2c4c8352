// The default install (an index of "/" only) answered from the shipped
// release history, through the real CLI and the index it writes: ranges that
// contain the truth, target checks that never fail on a bound, removed items
// still findable, and the protocol of a release whose packages ship no .x.
#include "clirunner.h"
#include "newerxml.h"
#include "testdata.h"
#include "testfiles.h"

#include "extract/api/functionsincetags.h"
#include "index/releasereader.h"
#include "index/sourcelayout.h"
#include "index/store.h"

#include <QDir>
#include <QFile>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QJsonObject>
#include <QProcess>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <cstring>
#include <tuple>

using namespace vse;
using namespace vse::testdata;

namespace {

QString writeTemp(const QTemporaryDir &dir, const QString &name, const QByteArray &content)
{
    const QString path = dir.filePath(name);
    QFile f(path);
    if (f.open(QIODevice::WriteOnly))
        f.write(content);
    return path;
}

// A plain guest as libvirt 1.0.0 already described it: boot menu, one IDE
// cdrom, a network interface, a serial console.
const char kPlainDomain[] = R"(<domain type='kvm'>
  <name>plain</name>
  <uuid>c7a5fdbd-edaf-9455-926a-d65c16db1809</uuid>
  <memory unit='KiB'>219136</memory>
  <currentMemory unit='KiB'>219136</currentMemory>
  <vcpu placement='static'>1</vcpu>
  <os>
    <type arch='x86_64' machine='pc'>hvm</type>
    <boot dev='cdrom'/>
    <bootmenu enable='yes'/>
  </os>
  <clock offset='utc'/>
  <on_poweroff>destroy</on_poweroff>
  <on_reboot>restart</on_reboot>
  <on_crash>destroy</on_crash>
  <devices>
    <emulator>/usr/bin/qemu-system-x86_64</emulator>
    <disk type='file' device='cdrom'>
      <source file='/var/lib/libvirt/images/install.iso'/>
      <target dev='hdc' bus='ide'/>
      <readonly/>
    </disk>
    <interface type='network'>
      <source network='default'/>
    </interface>
    <serial type='pty'>
      <target port='0'/>
    </serial>
  </devices>
</domain>
)";

// A TPM emulated by swtpm: the backend type came long after 1.3.5.
const char kTpmDomain[] = R"(<domain type='kvm'>
  <name>tpm</name>
  <memory unit='KiB'>219136</memory>
  <os>
    <type arch='x86_64'>hvm</type>
  </os>
  <devices>
    <tpm model='tpm-tis'>
      <backend type='emulator'/>
    </tpm>
  </devices>
</domain>
)";

// The members of a release's source tarball matching `patterns`, one after
// the other; empty when the tarball is not in $VSE_SOURCES_DIR.
QByteArray fromTarball(const QString &version, const QStringList &patterns)
{
    const QString tarball = qEnvironmentVariable("VSE_SOURCES_DIR",
                                                 QStringLiteral("/var/cache/virt-support-explorer/sources")) +
                            QStringLiteral("/libvirt_%1.orig.tar.xz").arg(version);
    if (!QFile::exists(tarball))
        return {};
    QProcess tar;
    tar.start(QStringLiteral("tar"), QStringList{QStringLiteral("-xJOf"), tarball, QStringLiteral("--wildcards")} + patterns);
    if (!tar.waitForFinished(120000) || tar.exitCode() != 0)
        qFatal("tar could not read %s", qPrintable(tarball));
    return tar.readAllStandardOutput();
}

// The exported functions a release's .syms files list (public, qemu, lxc, admin).
QSet<QString> exportedFunctions(const QString &version)
{
    static const QRegularExpression symbol(QStringLiteral("^\\s+(vir\\w+);"), QRegularExpression::MultilineOption);
    const QByteArray syms = fromTarball(version, {QStringLiteral("*/src/libvirt_public.syms"),
                                                  QStringLiteral("*/src/libvirt_qemu.syms"),
                                                  QStringLiteral("*/src/libvirt_lxc.syms"),
                                                  QStringLiteral("*/src/admin/libvirt_admin_public.syms")});
    QSet<QString> out;
    for (auto it = symbol.globalMatch(QString::fromUtf8(syms)); it.hasNext();)
        out.insert(it.next().captured(1));
    out.remove(QStringLiteral("virConnectAuthPtrDefault")); // a variable
    return out;
}

} // namespace

class TestCliHistory : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;
    QString m_index;

    QJsonObject showJson(const QString &name) { return showJsonOf(m_index, name); }

private Q_SLOTS:
    void initTestCase()
    {
        if (!QFile::exists(QStringLiteral("/usr/share/libvirt/schemas/domain.rng"))) {
            if (inCi())
                QFAIL("the installed libvirt schemas are missing; scripts/setup-deps installs them");
            QSKIP("libvirt schemas are not installed");
        }
        m_index = m_dir.filePath(QStringLiteral("index.sqlite"));
        const CliRun r = runCli(m_index, {QStringLiteral("index"), QStringLiteral("--source"), QStringLiteral("/")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    }

    void historyCovers()
    {
        const CliRun r = runCli(m_index, {QStringLiteral("history"), QStringLiteral("--json")});
        QCOMPARE(r.exitCode, 0);
        const QJsonObject o = QJsonDocument::fromJson(r.out.toUtf8()).object();
        // Every tag of the bundle (109, 0.0.1 – 1.3.5) plus Debian's later releases.
        QCOMPARE(o.value(QLatin1String("first")).toString(), QStringLiteral("0.0.1"));
        QVERIFY(o.value(QLatin1String("releases")).toInt() >= 109);
        QVERIFY(Version::parse(o.value(QLatin1String("last")).toString()) >= Version(1, 3, 5));
        QVERIFY(o.value(QLatin1String("exact")).toInt() > 0);
        // Each docs source says why it was dropped, from its own numbers; the
        // text says the same.
        const CliRun text = runCli(m_index, {QStringLiteral("history")});
        const QJsonArray docs = o.value(QLatin1String("docsAgreement")).toArray();
        QVERIFY(!docs.isEmpty());
        for (const auto &v : docs) {
            const QJsonObject a = v.toObject();
            const int agree = a.value(QLatin1String("agree")).toInt();
            const int compared = a.value(QLatin1String("compared")).toInt();
            const QString verdict = a.value(QLatin1String("verdict")).toString();
            if (a.value(QLatin1String("kept")).toBool())
                QCOMPARE(verdict, QStringLiteral("kept"));
            else if (compared < 20)
                QVERIFY2(verdict.contains(QLatin1String("too few")), qPrintable(verdict));
            else
                QVERIFY2(agree < 0.95 * compared && verdict.contains(QLatin1String("below 95 %")), qPrintable(verdict));
            QVERIFY2(text.out.contains(QStringLiteral("%1 of %2 agree (%3 %), %4")
                                           .arg(agree)
                                           .arg(compared)
                                           .arg(a.value(QLatin1String("percent")).toInt())
                                           .arg(verdict)),
                     qPrintable(text.out));
        }
    }

    void xmlItemsGetRangesFromTheHistory()
    {
        Store store;
        Diagnostics d;
        QVERIFY(store.open(m_index, &d));
        // The installed release's own items; the history's rows (removed
        // before it, added after it) are counted apart.
        const auto history = store.historyRelease();
        QVERIFY(history);
        int exact = 0, ranged = 0, upper = 0, total = 0, newer = 0;
        int api = 0, apiExact = 0;
        for (const ItemSummary &s : store.summaries()) {
            if (s.releaseId == history->id) {
                newer += !s.removed && kindFamily(s.kind) == QLatin1String("xml");
                continue;
            }
            if (kindFamily(s.kind) == QLatin1String("api") && s.latest && !s.removed) {
                ++api;
                apiExact += s.sinceExact;
            }
            if (kindFamily(s.kind) != QLatin1String("xml") || !s.latest || s.removed)
                continue;
            ++total;
            exact += s.sinceExact;
            ranged += !s.sinceExact && s.sinceAfter.isValid();
            upper += !s.sinceExact && !s.sinceAfter.isValid();
        }
        QVERIFY(total > 3000);
        // Items the git history covers (present by 1.3.5): exact unless the
        // release before is unknown (the first release with schema files,
        // 0.6.0, or the 0.7.1 – 0.7.4 releases whose secret.rng is broken).
        int upTo135 = 0, exactUpTo135 = 0, firstSchemas = 0;
        for (const ItemSummary &s : store.summaries()) {
            if (kindFamily(s.kind) != QLatin1String("xml") || !s.latest || s.removed || s.sinceUpTo > Version(1, 3, 5))
                continue;
            ++upTo135;
            exactUpTo135 += s.sinceExact;
            firstSchemas += !s.sinceExact && !s.sinceAfter.isValid();
        }
        qInfo("present by 1.3.5: %d; exact %d, <= 0.6.0 (first release with schemas) %d, other ranges %d", upTo135,
              exactUpTo135, firstSchemas, upTo135 - exactUpTo135 - firstSchemas);
        QVERIFY(exactUpTo135 >= 0.95 * (upTo135 - firstSchemas));
        qInfo("default install, XML items: %d; since exact %d (%.1f %%), ranged %d (%.1f %%), upper bound only %d "
              "(%.1f %%)",
              total, exact, 100.0 * exact / total, ranged, 100.0 * ranged / total, upper, 100.0 * upper / total);
        qInfo("default install, API items: %d; since exact %d (%.1f %%); XML items newer than the installed "
              "release, from the history: %d",
              api, apiExact, 100.0 * apiExact / api, newer);
        QVERIFY(newer > 0);
        // Before the history, all but the documented ones were "<= <installed release>".
        // Now only what the first release with schema files (0.6.0) already had
        // keeps a bare upper bound.
        int upperOther = 0;
        for (const ItemSummary &s : store.summaries())
            if (kindFamily(s.kind) == QLatin1String("xml") && s.latest && !s.removed && !s.sinceExact &&
                !s.sinceAfter.isValid() && s.sinceUpTo != Version(0, 6, 0))
                ++upperOther;
        QCOMPARE(upperOther, 0);
        // <domain> is in the first release with schema files: an honest upper bound, never "9.0.0".
        const QJsonObject domain = showJson(QStringLiteral("domain"));
        QVERIFY(domain.value(QLatin1String("since")).isNull());
        QCOMPARE(domain.value(QLatin1String("sinceRange")).toObject().value(QLatin1String("upTo")).toString(),
                 QStringLiteral("0.6.0"));
        // The TPM element: first in 1.0.5's domaincommon.rng, absent from 1.0.4's (checked by
        // `git show v1.0.4:docs/schemas/domaincommon.rng | grep -c tpm` = 0, v1.0.5 has it).
        const QJsonObject tpm = showJson(QStringLiteral("domain/devices/tpm"));
        QCOMPARE(tpm.value(QLatin1String("since")).toString(), QStringLiteral("1.0.5"));
        QCOMPARE(tpm.value(QLatin1String("sinceRange")).toObject().value(QLatin1String("after")).toString(),
                 QStringLiteral("1.0.4"));
    }

    void rangesContainWhatOtherReleasesShow()
    {
        // Independent readings: every corpus source tree and Debian package
        // set read directly. No range may start at or after a release that
        // already has the item.
        QStringList sources;
        for (const QString &r : corpusReleases())
            sources << corpusDir() + QLatin1Char('/') + r;
        const QString releasesDir = qEnvironmentVariable("VSE_RELEASES_DIR");
        if (!releasesDir.isEmpty())
            for (const QString &r : QDir(releasesDir).entryList({QStringLiteral("libvirt-*")}, QDir::Dirs))
                sources << releasesDir + QLatin1Char('/') + r;
        if (sources.isEmpty()) {
            if (inCi())
                QFAIL("no corpus or Debian releases to compare with");
            QSKIP("no corpus or Debian releases to compare with");
        }
        Store store;
        Diagnostics d;
        QVERIFY(store.open(m_index, &d));
        QHash<QString, ItemSummary> indexed;
        for (const ItemSummary &s : store.summaries())
            if (s.latest)
                indexed.insert(kindId(s.kind) + QLatin1Char('|') + s.name, s);
        int checked = 0, reVersionedCount = 0;
        QStringList wrong, manOnly;
        for (const QString &src : std::as_const(sources)) {
            Diagnostics dd;
            const auto layout = SourceLayout::detect(src, &dd);
            QVERIFY(layout);
            const Release rel = ReleaseReader::read(*layout);
            for (const Item &it : rel.items) {
                const auto s = indexed.constFind(kindId(it.kind) + QLatin1Char('|') + it.name);
                if (s == indexed.constEnd())
                    continue;
                const SinceRange range = s->sinceRange();
                // A package set's virsh items come from its manual page, which
                // is documentation, not what virsh accepts: 7.0.0's virsh.1
                // lists `iothreadset --config`, which 7.0.0's command table
                // (tools/virsh-domain.c) does not have. The tables' history
                // decides; such claims are counted, not called wrong.
                if (it.file.contains(QLatin1String("/man1/virsh.1"))) {
                    if (range.fit(rel.version) == SinceRange::Fit::TooNew)
                        manOnly << it.name + QStringLiteral(" (") + rel.version.toString() + QLatin1Char(')');
                    continue;
                }
                ++checked;
                // A function that release exported under another version
                // node, since withdrawn (libvirt-admin's LIBVIRT_ADMIN_1.3.0
                // became LIBVIRT_ADMIN_2.0.0): present there, but a program
                // linked today needs the newer node, which names the since.
                const bool reVersioned =
                    it.kind == ItemKind::Function && s->sinceEvidence == QLatin1String("symbol-version") &&
                    std::any_of(it.evidence.cbegin(), it.evidence.cend(), [&](const Evidence &e) {
                        return e.kind == Evidence::Kind::SymsFile && e.version < range.upTo;
                    });
                if (reVersioned) {
                    ++reVersionedCount;
                    // Only libvirt-admin's 1.3.x node was withdrawn (checked in
                    // the .syms files); any other would be an extraction fault
                    // hiding here.
                    if (!it.name.startsWith(QLatin1String("virAdm")))
                        wrong << it.name + QStringLiteral(" is in ") + rel.version.toString() +
                                     QStringLiteral(" under an older symbol version node, said withdrawn");
                    continue;
                }
                if (range.fit(rel.version) == SinceRange::Fit::TooNew)
                    wrong << it.name + QStringLiteral(" is in ") + rel.version.toString() +
                                 QStringLiteral(" but the index says ") + range.toString();
            }
        }
        qInfo("%d item occurrences in %lld independent releases checked, %lld called too new for a release that has them; "
              "%d functions there under a symbol version node since withdrawn",
              checked, qint64(sources.size()), qint64(wrong.size()), reVersionedCount);
        if (!manOnly.isEmpty())
            qInfo("documented by a virsh manual page but not in that release's command tables: %s",
                  qPrintable(manOnly.join(QStringLiteral(", "))));
        QVERIFY(checked > 5000);
        QVERIFY2(wrong.isEmpty(), qPrintable(wrong.mid(0, 30).join(QLatin1Char('\n'))));
    }

    void checkXmlPlainDomainIsCleanForOneZero()
    {
        VSE_REQUIRE_CORPUS();
        const QString file = writeTemp(m_dir, QStringLiteral("plain.xml"), kPlainDomain);
        // 1.0.0's own schema accepts the document (real RelaxNG validation).
        const CliRun schema10 = runCli(m_index, {QStringLiteral("check-xml"), file, QStringLiteral("--schemas"),
                                                 corpusDir() + QStringLiteral("/1.0.0/docs/schemas")});
        QVERIFY2(schema10.out.contains(QLatin1String(": valid")), qPrintable(schema10.out + schema10.err));
        const CliRun r = runCli(m_index, {QStringLiteral("check-xml"), file, QStringLiteral("--max-version"),
                                          QStringLiteral("1.0.0")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.out + r.err));
        QVERIFY2(r.out.startsWith(file + QStringLiteral(": supported as is for libvirt 1.0.0\n")), qPrintable(r.out));
        QVERIFY(!r.out.contains(QLatin1String("newer-than-target")));
    }

    void checkXmlTooNewAndMaybeTooNew()
    {
        const QString file = writeTemp(m_dir, QStringLiteral("tpm.xml"), kTpmDomain);
        // At 1.3.5 the history shows backend@type had no 'emulator' value: too new, exit 1.
        const CliRun old = runCli(m_index, {QStringLiteral("check-xml"), file, QStringLiteral("--max-version"),
                                            QStringLiteral("1.3.5"), QStringLiteral("--json")});
        QCOMPARE(old.exitCode, 1);
        const QJsonObject o = QJsonDocument::fromJson(old.out.toUtf8()).object();
        bool tooNew = false;
        for (const auto &v : o.value(QLatin1String("findings")).toArray()) {
            const QJsonObject f = v.toObject();
            if (f.value(QLatin1String("kind")).toString() == QLatin1String("newer-than-target") &&
                f.value(QLatin1String("path")).toString() == QLatin1String("domain/devices/tpm/backend@type=emulator")) {
                tooNew = true;
                QCOMPARE(f.value(QLatin1String("sinceRange")).toObject().value(QLatin1String("after")).toString(),
                         QStringLiteral("1.3.5"));
            }
        }
        QVERIFY2(tooNew, qPrintable(old.out));
        QCOMPARE(o.value(QLatin1String("target")).toString(), QStringLiteral("too-new-or-invalid"));
        // The element itself (1.0.5) is fine for 1.3.5.
        QVERIFY(!old.out.contains(QLatin1String("\"path\": \"domain/devices/tpm\",\n            \"sinceRange\"")));
        // At 4.0.0 the range 1.3.5 < since <= 9.0.0 holds the target: "may be too new", exit 5.
        const CliRun mid = runCli(m_index, {QStringLiteral("check-xml"), file, QStringLiteral("--max-version"),
                                            QStringLiteral("4.0.0")});
        QVERIFY2(mid.exitCode == 5, qPrintable(mid.out));
        QVERIFY(mid.out.contains(QLatin1String("may be too new for 4.0.0")));
        QVERIFY2(mid.out.startsWith(file + QStringLiteral(": may be too new for libvirt 4.0.0: ")), qPrintable(mid.out));
        // The verdict counts the lines it lists (backend@version and its
        // value 2.0 are one line): "N item(s)" = N lines marked.
        static const QRegularExpression count(QStringLiteral(": (\\d+) item\\(s\\) whose since range"));
        const auto m = count.match(mid.out);
        QVERIFY2(m.hasMatch(), qPrintable(mid.out));
        QCOMPARE(m.captured(1).toInt(), int(mid.out.count(QLatin1String("[may be too new for 4.0.0"))));
        // A number that is no libvirt release is refused, saying what is accepted.
        const CliRun bogus = runCli(m_index, {QStringLiteral("check-xml"), file, QStringLiteral("--max-version"),
                                              QStringLiteral("6.0.0.1")});
        QCOMPARE(bogus.exitCode, 2);
        QVERIFY2(bogus.err.contains(QLatin1String("is not a libvirt release number")), qPrintable(bogus.err));
        // At the installed release it is simply clean.
        const CliRun now = runCli(m_index, {QStringLiteral("check-xml"), file, QStringLiteral("--max-version"),
                                            QStringLiteral("9.0.0")});
        QCOMPARE(now.exitCode, 0);
    }

    void removedBeforeTheInstalledReleaseIsFound()
    {
        // virDomainRestart: in libvirt.h of 0.0.3 – 0.3.3, gone in 0.4.1 (checked with
        // `git grep -c virDomainRestart v0.3.3 v0.4.1 -- include/libvirt/libvirt.h`).
        const CliRun r = runCli(m_index, {QStringLiteral("show"), QStringLiteral("virDomainRestart")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        // 0.4.0 has no tag between them: a removal range, not "in 0.4.1".
        QVERIFY2(r.out.contains(QStringLiteral("Removed:    0.3.3 < removed \u2264 0.4.1")), qPrintable(r.out));
        QVERIFY(r.out.contains(QLatin1String("Release:    release history")));
        // A stable function that is gone: the tier line says the promise was
        // broken before it quotes the rule ("Kept forever" alone read as a
        // contradiction of the Removed line). A removed option of a tier that
        // allows removal keeps its plain rule.
        QVERIFY2(r.out.contains(QStringLiteral("Tier:       stable \u2014 promised to stay, yet removed")),
                 qPrintable(r.out));
        const CliRun option = runCli(m_index, {QStringLiteral("show"), QStringLiteral("libvirtd.conf:max_requests")});
        QVERIFY2(option.out.contains(QLatin1String("Removed:")) &&
                     option.out.contains(QStringLiteral("Tier:       not guaranteed \u2014 Options may disappear")),
                 qPrintable(option.out));
        const CliRun s = runCli(m_index, {QStringLiteral("search"), QStringLiteral("virDomainRestart"),
                                          QStringLiteral("--limit"), QStringLiteral("1")});
        QVERIFY(s.out.contains(QLatin1String("[removed]")));
    }

    void removedXmlPathNamesItsNamesake()
    {
        // <timer> stood beside <clock> in 0.8.0 - 0.8.5's domain.rng and inside
        // it from 0.8.6 on (`git show v0.8.5:docs/schemas/domain.rng`: the
        // timer ref comes before the clock element; v0.8.6: inside it). The
        // history has two paths, one removed in 0.8.6, one added then.
        const QJsonObject removed = showJson(QStringLiteral("domain/timer"));
        const QJsonObject moved = showJson(QStringLiteral("domain/clock/timer"));
        QCOMPARE(removed.value(QLatin1String("removal")).toObject().value(QLatin1String("in")).toString(), QStringLiteral("0.8.6"));
        const QJsonObject movedSince = moved.value(QLatin1String("sinceRange")).toObject();
        QVERIFY(movedSince.value(QLatin1String("exact")).toBool());
        QCOMPARE(movedSince.value(QLatin1String("upTo")).toString(), QStringLiteral("0.8.6"));
        const QJsonArray at = removed.value(QLatin1String("sameNameElsewhere")).toArray();
        QCOMPARE(at.size(), 1);
        QCOMPARE(at.at(0).toObject().value(QLatin1String("name")).toString(), QStringLiteral("domain/clock/timer"));
        QVERIFY(at.at(0).toObject().value(QLatin1String("appearedWhenRemoved")).toBool());
        QCOMPARE(at.at(0).toObject().value(QLatin1String("sinceRange")).toObject(), movedSince);
        // Deeper paths match on their longest shared tail.
        const QJsonArray deeper = showJson(QStringLiteral("domain/timer/catchup@limit")).value(QLatin1String("sameNameElsewhere")).toArray();
        QCOMPARE(deeper.size(), 1);
        QCOMPARE(deeper.at(0).toObject().value(QLatin1String("name")).toString(), QStringLiteral("domain/clock/timer/catchup@limit"));
        // The text says it, and only a removed item has it.
        const CliRun r = runCli(m_index, {QStringLiteral("show"), QStringLiteral("domain/timer")});
        QVERIFY2(r.out.contains(QStringLiteral("Also at:    domain/clock/timer (since 0.8.6, the release that dropped this path)")),
                 qPrintable(r.out));
        QVERIFY(!moved.contains(QLatin1String("sameNameElsewhere")));
    }

    void newerThanTheInstalledReleaseIsFound()
    {
        // The newest Debian package set's API XML against the installed one:
        // each function only the newer one lists is found, with the version
        // its API XML gives (the pack carries the symbol version), and marked
        // as newer than the installed release.
        const QString releases = qEnvironmentVariable("VSE_RELEASES_DIR");
        const QString newest = releases + QStringLiteral("/libvirt-12.9.0/usr/share/libvirt/api");
        if (!QDir(newest).exists()) {
            if (inCi())
                QFAIL("VSE_RELEASES_DIR has no libvirt-12.9.0 package set; CI fetches it");
            QSKIP("no libvirt-12.9.0 package set in VSE_RELEASES_DIR");
        }
        const QHash<QString, QString> installed = apiFunctions(QStringLiteral("/usr/share/libvirt/api"));
        const QHash<QString, QString> later = apiFunctions(newest);
        QVERIFY(installed.size() > 400);
        const QString installedVersion = showJson(QStringLiteral("virConnectOpen"))
                                             .value(QLatin1String("release"))
                                             .toString()
                                             .section(QLatin1Char(' '), 0, 0);
        QVERIFY(!installedVersion.isEmpty());
        QSet<QString> expected;
        for (auto it = later.cbegin(); it != later.cend(); ++it) {
            if (installed.contains(it.key()))
                continue;
            expected.insert(it.key());
            const QJsonObject o = showJson(it.key());
            QCOMPARE(o.value(QLatin1String("name")).toString(), it.key());
            QCOMPARE(o.value(QLatin1String("since")).toString(), it.value());
            QCOMPARE(o.value(QLatin1String("fromHistoryReason")).toString(), QStringLiteral("newer"));
            QCOMPARE(o.value(QLatin1String("newerThanIndexed")).toString(), installedVersion);
        }
        // 9.0.0 (Debian 12) lacks ten of them, 11.3.0 (Debian 13) one.
        QVERIFY2(!expected.isEmpty(), qPrintable(QString::number(expected.size())));
        // The text says so first thing after the facts of since.
        const CliRun text = runCli(m_index, {QStringLiteral("show"), *expected.cbegin()});
        QVERIFY2(text.out.contains(QStringLiteral("Not in the indexed releases: added after ") + installedVersion),
                 qPrintable(text.out));
        // "What is new since my release?" lists exactly those functions.
        const CliRun s = runCli(m_index, {QStringLiteral("search"), QStringLiteral("--newer-than"), installedVersion,
                                          QStringLiteral("--kind"), QStringLiteral("function"),
                                          QStringLiteral("--limit"), QStringLiteral("0"), QStringLiteral("--json")});
        QCOMPARE(s.exitCode, 0);
        QSet<QString> listed;
        for (const auto &v : QJsonDocument::fromJson(s.out.toUtf8()).array()) {
            listed.insert(v.toObject().value(QLatin1String("name")).toString());
            // Each says it is not in the installed release, as the text does.
            QCOMPARE(v.toObject().value(QLatin1String("newerThanIndexed")).toString(), installedVersion);
        }
        QCOMPARE(listed, expected);
        const CliRun st = runCli(m_index, {QStringLiteral("search"), *expected.cbegin()});
        QVERIFY2(st.out.contains(QStringLiteral("[not in %1]").arg(installedVersion)), qPrintable(st.out));
        // And nothing of the installed release is marked so.
        const QString open = runCli(m_index, {QStringLiteral("search"), QStringLiteral("virConnectOpen"),
                                              QStringLiteral("--limit"), QStringLiteral("1")})
                                 .out;
        QVERIFY2(open.startsWith(QLatin1String("virConnectOpen ")) && !open.contains(QLatin1String("[not in")),
                 qPrintable(open));
        // gen-header re-declares each, guarded by its release: newer headers
        // an application builds against declare it, the installed ones do not.
        const CliRun h = runCli(m_index, {QStringLiteral("gen-header"), QStringLiteral("--max-version"),
                                          QStringLiteral("1.0.0")});
        QCOMPARE(h.exitCode, 0);
        // The option's first name, kept: the same header.
        QCOMPARE(runCli(m_index, {QStringLiteral("gen-header"), QStringLiteral("--max-allowed"), QStringLiteral("1.0.0")})
                     .out,
                 h.out);
        for (const QString &name : std::as_const(expected)) {
            const Version since = Version::parse(showJson(name).value(QLatin1String("since")).toString());
            QVERIFY2(h.out.contains(QStringLiteral("#if LIBVIR_VERSION_NUMBER >= %1").arg(since.toNumber())) &&
                         h.out.contains(QStringLiteral("extern __typeof__(%1) %1 ").arg(name)),
                     qPrintable(name));
        }
        // ...and the header compiles against the installed headers.
        QTemporaryDir dir;
        writeTemp(dir, QStringLiteral("libvirt-max-allowed.h"), h.out.toUtf8());
        const QString c = writeTemp(dir, QStringLiteral("use.c"),
                                    "#include <libvirt/libvirt.h>\n#include \"libvirt-max-allowed.h\"\n"
                                    "int main(void) { return virConnectOpen(0) != 0; }\n");
        QProcess cc;
        cc.start(QStringLiteral("cc"), {QStringLiteral("-fsyntax-only"), QStringLiteral("-Werror"), c});
        if (cc.waitForStarted()) {
            QVERIFY(cc.waitForFinished(60000));
            QVERIFY2(cc.exitCode() == 0, cc.readAllStandardError().constData());
        } else if (inCi()) {
            QFAIL("no C compiler");
        }
    }

    void checkXmlNamesTheReleaseANewerElementNeeds()
    {
        // An element of the newest package set that no installed schema
        // names at all (pstore on 9.0.0): a document using it fails
        // the installed schema, and the finding names the range it needs.
        VSE_REQUIRE_NEWER_XML_ELEMENT(e, m_index);
        QTemporaryDir dir;
        const QString file = writeTemp(dir, QStringLiteral("newer.xml"), e.document);
        const QString because = QStringLiteral("not in the schema of the indexed %1: added after it").arg(e.installed);
        // Without a target: the installed schema rejects it, and the finding
        // says why instead of "not in the schema index"; so does the verdict.
        const CliRun r = runCli(m_index, {QStringLiteral("check-xml"), file});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(!r.out.contains(QLatin1String("not in the schema index")), qPrintable(r.out));
        QVERIFY2(r.out.contains(e.path + QStringLiteral("  [")), qPrintable(r.out));
        QVERIFY2(r.out.contains(because), qPrintable(r.out));
        QVERIFY2(r.out.section(QLatin1Char('\n'), 0, 0).contains(
                     QStringLiteral("perhaps only because the schema predates 1 item(s) it uses (%1)").arg(e.path)),
                 qPrintable(r.out));
        // For the installed release as target: too new, with the same range as show.
        QCOMPARE(showJson(e.path).value(QLatin1String("newerThanIndexed")).toString(), e.installed);
        const CliRun t =
            runCli(m_index, {QStringLiteral("check-xml"), file, QStringLiteral("--max-version"), e.installed});
        QCOMPARE(t.exitCode, 1);
        QVERIFY2(t.out.contains(QStringLiteral("%1  [too new for %2, %3, %4]").arg(e.path, e.installed, e.tier, e.sinceText)),
                 qPrintable(t.out));
        QVERIFY2(!t.out.contains(QLatin1String("perhaps only because")), qPrintable(t.out));
        // For a later target (a host newer than the index): not too new, and
        // the JSON says the schema errors may be the schema's age.
        const QString later = showJson(e.path).value(QLatin1String("sinceRange")).toObject().value(QLatin1String("upTo")).toString();
        QVERIFY(!later.isEmpty());
        const CliRun j = runCli(m_index, {QStringLiteral("check-xml"), file, QStringLiteral("--max-version"), later,
                                          QStringLiteral("--json")});
        QCOMPARE(j.exitCode, 1);
        const QJsonObject report = QJsonDocument::fromJson(j.out.toUtf8()).object();
        const QJsonObject verdict = report.value(QLatin1String("verdict")).toObject();
        QCOMPARE(verdict.value(QLatin1String("id")).toString(), QStringLiteral("invalid"));
        QCOMPARE(verdict.value(QLatin1String("newerThanSchema")).toInt(), 1);
        QCOMPARE(verdict.value(QLatin1String("tooNew")).toInt(), 0);
        QStringList kinds;
        for (const auto &f : report.value(QLatin1String("findings")).toArray())
            if (f.toObject().value(QLatin1String("path")).toString() == e.path)
                kinds << f.toObject().value(QLatin1String("kind")).toString();
        QVERIFY2(kinds.contains(QLatin1String("newer-than-schema")) && !kinds.contains(QLatin1String("newer-than-target")),
                 qPrintable(kinds.join(QLatin1Char(' '))));
    }

    // A hypervisor host has libvirt0 (libraries, schemas) and not
    // libvirt-dev (headers, API XML): indexing it failed outright. Now the
    // release is 9.0.0 by the library's file name, functions are dated by
    // their symbol versions, and the C declarations come from the history.
    void hostWithoutLibvirtDev()
    {
        const QString releases = qEnvironmentVariable("VSE_RELEASES_DIR");
        const QString set = releases + QStringLiteral("/libvirt-9.0.0");
        if (releases.isEmpty() || !QFileInfo(set + QStringLiteral("/usr/share/libvirt/schemas")).isDir()) {
            if (inCi())
                QFAIL("VSE_RELEASES_DIR has no libvirt-9.0.0 package set, and CI needs it");
            QSKIP("no libvirt-9.0.0 package set (VSE_RELEASES_DIR)");
        }
        QTemporaryDir dir;
        const QString host = dir.filePath(QStringLiteral("host")); // a name that says no version
        QVERIFY(copyTree(set + QStringLiteral("/usr/share/libvirt/schemas"),
                         host + QStringLiteral("/usr/share/libvirt/schemas")));
        // The libraries as packaged: libvirt.so.0 a link to libvirt.so.0.9000.0.
        const QString libs = QStringLiteral("/usr/lib/x86_64-linux-gnu");
        QVERIFY(QDir().mkpath(host + libs));
        QString soname;
        for (const QFileInfo &f : QDir(set + libs).entryInfoList({QStringLiteral("libvirt*.so.0*")}, QDir::Files)) {
            const QString to = host + libs + QLatin1Char('/') + f.fileName();
            if (f.isSymLink())
                QVERIFY(QFile::link(QFileInfo(f.symLinkTarget()).fileName(), to));
            else
                QVERIFY(QFile::copy(f.filePath(), to));
            if (f.fileName() == QLatin1String("libvirt.so.0"))
                soname = QFileInfo(f.symLinkTarget()).fileName();
        }
        QCOMPARE(soname, QStringLiteral("libvirt.so.0.9000.0"));
        const QString index = dir.filePath(QStringLiteral("host.sqlite"));
        const CliRun r = runCli(index, {QStringLiteral("index"), QStringLiteral("--source"), host});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY2(r.err.contains(QLatin1String("libvirt-dev is not installed")), qPrintable(r.err));
        const CliRun stats = runCli(index, {QStringLiteral("stats")});
        // No libvirt-doc: no documentation notes compared, and nothing said of them.
        QVERIFY2(!stats.out.contains(QLatin1String("Documentation 'Since' notes")), qPrintable(stats.out));
        const QJsonObject statsJson =
            QJsonDocument::fromJson(runCli(index, {QStringLiteral("stats"), QStringLiteral("--json")}).out.toUtf8()).object();
        QVERIFY(statsJson.contains(QLatin1String("docsSince")) && statsJson.value(QLatin1String("docsSince")).isNull());
        // With libvirt-doc (the full index): the figures the text prints.
        if (QFile::exists(QStringLiteral("/usr/share/doc/libvirt-doc/html/formatdomain.html"))) {
            const QJsonObject docs = QJsonDocument::fromJson(runCli(m_index, {QStringLiteral("stats"), QStringLiteral("--json")})
                                                                 .out.toUtf8())
                                         .object()
                                         .value(QLatin1String("docsSince"))
                                         .toObject();
            const int agree = docs.value(QLatin1String("agree")).toInt(-1);
            const int compared = docs.value(QLatin1String("compared")).toInt();
            QVERIFY2(compared > 0 && agree >= 0 && agree <= compared, qPrintable(QString::number(compared)));
            QCOMPARE(docs.value(QLatin1String("used")).toBool(), agree >= 0.95 * compared);
            QVERIFY(runCli(m_index, {QStringLiteral("stats")})
                        .out.contains(QStringLiteral("for %1/%2 XML items").arg(agree).arg(compared)));
        }
        QVERIFY2(stats.out.contains(QStringLiteral("Release 9.0.0 [package-set %1; version from the library's file "
                                                   "name, libvirt.so.0.9000.0]")
                                        .arg(host)),
                 qPrintable(stats.out));
        // A function: its own symbol version (libvirt.so.0.9000.0 exports virDomainGetMessages at LIBVIRT_7.1.0).
        const QJsonObject messages = showJsonOf(index, QStringLiteral("virDomainGetMessages"));
        QCOMPARE(messages.value(QLatin1String("since")).toString(), QStringLiteral("7.1.0"));
        QCOMPARE(messages.value(QLatin1String("sinceEvidence")).toObject().value(QLatin1String("kind")).toString(),
                 QStringLiteral("symbol-version"));
        // An enum value no file of the host declares: the history's 9.0.0, said so.
        const CliRun running = runCli(index, {QStringLiteral("show"), QStringLiteral("VIR_DOMAIN_RUNNING")});
        QVERIFY2(running.exitCode == 0, qPrintable(running.err));
        QVERIFY2(running.out.contains(QLatin1String("From:       the release history's 9.0.0")), qPrintable(running.out));
        // The same answers as the full 9.0.0 package set for what both have.
        QCOMPARE(showJsonOf(index, QStringLiteral("domain/devices/tpm")).value(QLatin1String("sinceText")),
                 showJson(QStringLiteral("domain/devices/tpm")).value(QLatin1String("sinceText")));
        // Drivers: no hvsupport.html here, so the history's; the same drivers
        // and releases as the installed libvirt-doc's page gives the full index.
        const auto driversOf = [](const QJsonObject &o) {
            QStringList out;
            for (const QJsonValue &v : o.value(QLatin1String("drivers")).toArray())
                out << v.toObject().value(QLatin1String("driver")).toString() + QLatin1Char(' ') +
                           v.toObject().value(QLatin1String("since")).toString();
            return out;
        };
        const QStringList fromHistory = driversOf(messages);
        QVERIFY2(fromHistory.contains(QStringLiteral("qemu 7.1.0")), qPrintable(fromHistory.join(u',')));
        if (QFile::exists(QStringLiteral("/usr/share/doc/libvirt-doc/html/hvsupport.html")))
            for (const QString &d : driversOf(showJson(QStringLiteral("virDomainGetMessages"))))
                QVERIFY2(fromHistory.contains(d), qPrintable(d));
        QVERIFY2(runCli(index, {QStringLiteral("show"), QStringLiteral("virDomainGetMessages")})
                     .out.contains(QLatin1String("(from the release history, ")),
                 "the text says where the drivers come from");
    }

    void protocolOfTheInstalledReleaseFromTheHistory()
    {
        const CliRun r = runCli(m_index, {QStringLiteral("protocol"), QStringLiteral("remote"), QStringLiteral("--json")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        const QJsonObject doc = QJsonDocument::fromJson(r.out.toUtf8()).object();
        QCOMPARE(doc.value(QLatin1String("source")).toString(), QStringLiteral("history"));
        const QJsonArray a = doc.value(QLatin1String("procedures")).toArray();
        QVERIFY(a.size() > 300);
        const QJsonObject first = a.first().toObject();
        QCOMPARE(first.value(QLatin1String("number")).toInt(), 1);
        QCOMPARE(first.value(QLatin1String("name")).toString(), QStringLiteral("REMOTE_PROC_CONNECT_OPEN"));
        // remote_protocol.x first appears in 0.3.0 (qemud/), after 0.2.3 without it.
        QCOMPARE(first.value(QLatin1String("since")).toString(), QStringLiteral("0.3.0"));
        // Exactly the installed release's procedures: the last is the last
        // number its remote_protocol.x defines, not one of a later release.
        const CliRun head = runCli(m_index, {QStringLiteral("protocol"), QStringLiteral("remote")});
        const QString version = head.out.section(QLatin1String(" in release "), 1, 1).section(QLatin1Char(' '), 0, 0);
        QVERIFY2(Version::parse(version).isValid(), qPrintable(head.out.left(200)));
        // JSON names the release the text names.
        QCOMPARE(doc.value(QLatin1String("release")).toString(), version);
        const QByteArray x = fromTarball(version, {QStringLiteral("*/src/remote/remote_protocol.x")});
        if (!x.isEmpty()) {
            static const QRegularExpression proc(QStringLiteral("\\bREMOTE_PROC_\\w+\\s*=\\s*(\\d+)"));
            int last = 0;
            for (auto it = proc.globalMatch(QString::fromUtf8(x)); it.hasNext();)
                last = std::max(last, it.next().captured(1).toInt());
            QVERIFY(last > 400);
            QCOMPARE(a.last().toObject().value(QLatin1String("number")).toInt(), last);
            QCOMPARE(a.size(), last);
            // A procedure is as new as the API it carries: the newest one
            // that carries a public API has the since of that API's version
            // block in the release's .syms (REMOTE_PROC_DOMAIN_FD_ASSOCIATE,
            // virDomainFDAssociate, LIBVIRT_9.0.0 on 9.0.0; event procedures
            // carry none).
            const QString syms = QString::fromUtf8(
                fromTarball(version, {QStringLiteral("*/src/libvirt_public.syms")}));
            bool checked = false;
            for (qsizetype i = a.size() - 1; i >= 0 && !checked; --i) {
                const QJsonObject proc = a.at(i).toObject();
                const QString api = proc.value(QLatin1String("api")).toString();
                const qsizetype at = api.isEmpty() ? -1 : syms.indexOf(QStringLiteral(" ") + api + QLatin1Char(';'));
                if (at < 0)
                    continue;
                const qsizetype block = syms.lastIndexOf(QLatin1String("LIBVIRT_"), at);
                const QString blockVersion = syms.mid(block + 8).section(QLatin1Char(' '), 0, 0);
                QCOMPARE(proc.value(QLatin1String("since")).toString(), blockVersion);
                checked = true;
            }
            QVERIFY(checked);
        } else if (inCi()) {
            QFAIL("the installed release's source tarball is missing");
        }
        const CliRun text = runCli(m_index, {QStringLiteral("protocol"), QStringLiteral("remote")});
        QVERIFY(text.out.contains(QLatin1String("release history")));
        // The old name still finds it.
        const CliRun old = runCli(m_index, {QStringLiteral("show"), QStringLiteral("REMOTE_PROC_OPEN")});
        QCOMPARE(old.exitCode, 0);
        QVERIFY(old.out.startsWith(QLatin1String("REMOTE_PROC_OPEN is a former name of REMOTE_PROC_CONNECT_OPEN")));
    }

    // A default install indexes one release; "what changed from 7.0.0 to
    // 9.0.0?" is answered from the shipped history (additions, removals,
    // renames), checked against the two releases' own files.
    void diffBetweenReleasesOfTheHistory()
    {
        const QSet<QString> in7 = exportedFunctions(QStringLiteral("7.0.0"));
        const QSet<QString> in9 = exportedFunctions(QStringLiteral("9.0.0"));
        if (in7.isEmpty() || in9.isEmpty())
            QSKIP("libvirt_7.0.0.orig.tar.xz or libvirt_9.0.0.orig.tar.xz is not in $VSE_SOURCES_DIR");
        QVERIFY(in7.size() > 300);
        const CliRun r = runCli(m_index, {QStringLiteral("diff"), QStringLiteral("7.0.0"), QStringLiteral("9.0.0"),
                                          QStringLiteral("--json")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        const QJsonObject o = QJsonDocument::fromJson(r.out.toUtf8()).object();
        QCOMPARE(o.value(QLatin1String("source")).toString(), QStringLiteral("history"));
        QCOMPARE(o.value(QLatin1String("from")).toString(), QStringLiteral("7.0.0"));
        QSet<QString> added, removed, xmlAdded, xmlRemoved;
        for (const auto &v : o.value(QLatin1String("changes")).toArray()) {
            const QJsonObject c = v.toObject();
            const QString change = c.value(QLatin1String("change")).toString();
            const QString kind = c.value(QLatin1String("kind")).toString();
            const QString name = c.value(QLatin1String("name")).toString();
            QVERIFY2(!c.contains(QLatin1String("before")) && !c.contains(QLatin1String("after")), qPrintable(name));
            if (kind == QLatin1String("function"))
                (change == QLatin1String("added") ? added : removed).insert(name);
            if (kind == QLatin1String("xml-value"))
                (change == QLatin1String("added") ? xmlAdded : xmlRemoved).insert(name);
        }
        // Exactly the exported functions 9.0.0's .syms add to 7.0.0's.
        QCOMPARE(added, in9 - in7);
        QVERIFY(removed.isEmpty());
        QVERIFY(added.contains(QStringLiteral("virDomainGetMessages")));
        // 9.0.0's schema spells a node device capability "vport_ops" where
        // 7.0.0's said "vports_ops".
        const QStringList nodedev{QStringLiteral("*/schemas/nodedev.rng")};
        QVERIFY(fromTarball(QStringLiteral("7.0.0"), nodedev).contains("<value>vports_ops</value>"));
        QVERIFY(!fromTarball(QStringLiteral("9.0.0"), nodedev).contains("<value>vports_ops</value>"));
        QVERIFY(fromTarball(QStringLiteral("9.0.0"), nodedev).contains("<value>vport_ops</value>"));
        QVERIFY(xmlRemoved.contains(QStringLiteral("device/capability/capability@type=vports_ops")));
        QVERIFY(xmlAdded.contains(QStringLiteral("device/capability/capability@type=vport_ops")));

        // The text says where the answer comes from and counts the same.
        const CliRun text = runCli(m_index, {QStringLiteral("diff"), QStringLiteral("7.0.0"), QStringLiteral("9.0.0")});
        QCOMPARE(text.exitCode, 0);
        QVERIFY2(text.out.startsWith(QLatin1String("From 7.0.0 to 9.0.0 (from the release history")), qPrintable(text.out));
        QVERIFY2(text.out.contains(QRegularExpression(QStringLiteral("\\n  function +added %1\\n").arg(added.size()))),
                 qPrintable(text.out));
        // ... and names each, with its kind.
        for (const QString &f : std::as_const(added))
            QVERIFY2(text.out.contains(QStringLiteral("\n  added    function       %1\n").arg(f)), qPrintable(f));
        QCOMPARE(text.out.count(QLatin1String("\n  added    function ")), added.size());
        QCOMPARE(o.value(QLatin1String("direction")).toString(), QStringLiteral("upgrade"));
        // Releases as people have them: the distribution's, said on stderr,
        // the same answer.
        const CliRun named = runCli(m_index, {QStringLiteral("diff"), QStringLiteral("bullseye"),
                                              QStringLiteral("9.0.0-4+deb12u2"), QStringLiteral("--json")});
        QCOMPARE(named.exitCode, 0);
        QCOMPARE(named.out, r.out);
        QVERIFY2(named.err.contains(QLatin1String("'bullseye' read as libvirt 7.0.0")), qPrintable(named.err));
        // Newer first is a downgrade, said so: what 9.0.0 adds to 7.0.0 is
        // what going back to 7.0.0 removes.
        const CliRun back = runCli(m_index, {QStringLiteral("diff"), QStringLiteral("9.0.0"), QStringLiteral("7.0.0"),
                                             QStringLiteral("--json")});
        QCOMPARE(back.exitCode, 0);
        const QJsonObject b = QJsonDocument::fromJson(back.out.toUtf8()).object();
        QCOMPARE(b.value(QLatin1String("direction")).toString(), QStringLiteral("downgrade"));
        QSet<QString> lost;
        for (const auto &v : b.value(QLatin1String("changes")).toArray()) {
            const QJsonObject c = v.toObject();
            if (c.value(QLatin1String("change")).toString() == QLatin1String("removed") &&
                c.value(QLatin1String("kind")).toString() == QLatin1String("function"))
                lost.insert(c.value(QLatin1String("name")).toString());
        }
        QCOMPARE(lost, added);
        const CliRun backText = runCli(m_index, {QStringLiteral("diff"), QStringLiteral("9.0.0"), QStringLiteral("7.0.0")});
        QVERIFY2(backText.out.startsWith(QLatin1String("From 9.0.0 to 7.0.0 (a downgrade:")), qPrintable(backText.out.left(300)));
        // A release in neither says which ones there are.
        const CliRun unknown = runCli(m_index, {QStringLiteral("diff"), QStringLiteral("8.0.0"), QStringLiteral("9.0.0")});
        QCOMPARE(unknown.exitCode, 1);
        QVERIFY2(unknown.err.contains(QLatin1String("release '8.0.0' is neither indexed nor in the release history")) &&
                     unknown.err.contains(QStringLiteral("0.0.1 \u2013 1.3.5, 7.0.0, 9.0.0")),
                 qPrintable(unknown.err));
    }

    // A path the installed schema reaches through a define it shares with
    // another path has its own history: network.rng's <route> (1.0.6) is
    // one define with the hostdev <route> (1.2.12) from 1.2.12 on, and the
    // interface's <teaming> (7.0.0's schema has it) one with the hostdev's.
    // A check must date each node by its own path, and show must find it.
    void sharedDefinePathsKeepTheirOwnHistory()
    {
        QTemporaryDir scratch;
        const QByteArray net105 = fileAtTag(scratch.path(), QStringLiteral("v1.0.5"), QStringLiteral("docs/schemas/network.rng"));
        const QByteArray net106 = fileAtTag(scratch.path(), QStringLiteral("v1.0.6"), QStringLiteral("docs/schemas/network.rng"));
        if (net106.isEmpty()) {
            if (inCi())
                QFAIL("the libvirt history bundle is missing");
            QSKIP("the libvirt history bundle is absent");
        }
        QVERIFY(!net105.contains("<element name=\"route\">"));
        QVERIFY(net106.contains("<element name=\"route\">"));
        QCOMPARE(showJson(QStringLiteral("network/route")).value(QLatin1String("since")).toString(),
                 QStringLiteral("1.0.6"));
        const QJsonObject hostdev = showJson(QStringLiteral("domain/devices/hostdev/route"));
        QCOMPARE(hostdev.value(QLatin1String("since")).toString(), QStringLiteral("1.2.12"));

        QTemporaryDir dir;
        const QString net = writeTemp(dir, QStringLiteral("net.xml"), R"(<network>
  <name>n</name>
  <bridge name='virbr5'/>
  <ip address='192.168.122.1' netmask='255.255.255.0'/>
  <route address='192.168.222.0' prefix='24' gateway='192.168.122.2'/>
</network>
)");
        const CliRun ok = runCli(m_index, {QStringLiteral("check-xml"), net, QStringLiteral("--max-version"),
                                           QStringLiteral("1.1.0"), QStringLiteral("--json")});
        QVERIFY2(ok.exitCode == 0, qPrintable(ok.out + ok.err));
        bool routeCounted = false;
        for (const auto &v : QJsonDocument::fromJson(ok.out.toUtf8()).object().value(QLatin1String("groups")).toArray())
            routeCounted = routeCounted || v.toObject().value(QLatin1String("item")).toString() == QLatin1String("network/route");
        QVERIFY2(routeCounted, qPrintable(ok.out));
        // Before 1.0.6 it is too new, by its own since.
        const CliRun old = runCli(m_index, {QStringLiteral("check-xml"), net, QStringLiteral("--max-version"),
                                            QStringLiteral("1.0.5")});
        QCOMPARE(old.exitCode, 1);
        QVERIFY2(old.out.contains(QLatin1String("network/route  [too new for 1.0.5, stable, since 1.0.6]")), qPrintable(old.out));

        // <teaming> of an interface: in 7.0.0's schema already.
        const QByteArray schema7 = fromTarball(QStringLiteral("7.0.0"), {QStringLiteral("*/docs/schemas/domaincommon.rng")});
        if (schema7.isEmpty())
            QSKIP("libvirt_7.0.0.orig.tar.xz is not in $VSE_SOURCES_DIR");
        QVERIFY(schema7.contains("<element name=\"teaming\">"));
        const QString teaming = writeTemp(dir, QStringLiteral("teaming.xml"), R"(<domain type='kvm'>
  <name>t</name>
  <memory unit='KiB'>219136</memory>
  <os><type arch='x86_64'>hvm</type></os>
  <devices>
    <interface type='bridge'>
      <source bridge='br0'/>
      <model type='virtio'/>
      <teaming type='persistent'/>
    </interface>
  </devices>
</domain>
)");
        const CliRun t = runCli(m_index, {QStringLiteral("check-xml"), teaming, QStringLiteral("--max-version"),
                                          QStringLiteral("7.0.0")});
        QVERIFY2(t.exitCode == 0 || t.exitCode == 5, qPrintable(t.out));
        QVERIFY2(!t.out.contains(QLatin1String("too new for 7.0.0")), qPrintable(t.out));
        // show names the item it shares the definition with.
        const CliRun text = runCli(m_index, {QStringLiteral("show"), QStringLiteral("domain/devices/interface/teaming")});
        QCOMPARE(text.exitCode, 0);
        QVERIFY2(text.out.contains(QLatin1String("Same as:    domain/devices/hostdev/teaming")), qPrintable(text.out));
    }

    // A default install has no daemon configuration files of its own: they
    // come from the history's 9.0.0. An option gone before that (1.3.5's
    // libvirtd.conf has mdns_adv and max_requests, 7.0.0's has neither) is
    // removed, not "never had".
    void configOptionsRemovedBeforeTheInstalledRelease()
    {
        QTemporaryDir scratch;
        const QByteArray old = fileAtTag(scratch.path(), QStringLiteral("v1.3.5"), QStringLiteral("daemon/libvirtd.conf"));
        const QByteArray now = fromTarball(QStringLiteral("7.0.0"), {QStringLiteral("*/src/remote/libvirtd.conf.in")});
        if (old.isEmpty() || now.isEmpty()) {
            if (inCi())
                QFAIL("the history bundle or libvirt_7.0.0.orig.tar.xz is missing");
            QSKIP("the history bundle or libvirt_7.0.0.orig.tar.xz is absent");
        }
        for (const char *option : {"#mdns_adv = ", "#max_requests = "}) {
            QVERIFY(old.contains(option));
            QVERIFY(!now.contains(option));
        }
        QTemporaryDir dir;
        const QString conf = writeTemp(dir, QStringLiteral("libvirtd.conf"), "max_requests = 20\nmdns_adv = 1\nlog_level = 3\n");
        const CliRun r = runCli(m_index, {QStringLiteral("check-config"), conf, QStringLiteral("--daemon"),
                                          QStringLiteral("libvirtd"), QStringLiteral("--max-version"), QStringLiteral("7.0.0")});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.out.contains(conf + QStringLiteral(":1: removed: max_requests: ")) &&
                     r.out.contains(conf + QStringLiteral(":2: removed: mdns_adv: ")),
                 qPrintable(r.out));
        QVERIFY2(!r.out.contains(QLatin1String("unknown-option")), qPrintable(r.out));
        const QJsonObject show = showJson(QStringLiteral("libvirtd.conf:max_requests"));
        QCOMPARE(show.value(QLatin1String("name")).toString(), QStringLiteral("max_requests"));
        QVERIFY(show.value(QLatin1String("removed")).toBool() ||
                show.value(QLatin1String("attrs")).toObject().contains(QLatin1String("removedIn")));
    }

    // virsh on a default install comes from the history: a command that
    // calls libvirt-qemu is hypervisor-specific and taints as that API does.
    // libvirt-admin.h declared virAdmConnectOpen from 1.2.17, but the
    // library exports it only under LIBVIRT_ADMIN_2.0.0 (1.3.x's node is
    // gone): a program using it needs 2.0.0, so the symbol version names the
    // since, and the earlier header stays listed as evidence.
    void functionSinceIsItsSymbolVersion()
    {
        const QString installedVersion = showJson(QStringLiteral("virConnectOpen"))
                                             .value(QLatin1String("release"))
                                             .toString()
                                             .section(QLatin1Char(' '), 0, 0);
        const QString syms = QString::fromUtf8(
            fromTarball(installedVersion, {QStringLiteral("*/src/admin/libvirt_admin_public.syms")}));
        if (syms.isEmpty()) {
            if (inCi())
                QFAIL("the installed release's source tarball is missing");
            QSKIP("the installed release's source tarball is not in $VSE_SOURCES_DIR");
        }
        const qsizetype at = syms.indexOf(QLatin1String(" virAdmConnectOpen;"));
        QVERIFY(at > 0);
        const qsizetype block = syms.lastIndexOf(QLatin1String("LIBVIRT_ADMIN_"), at);
        const QString blockVersion = syms.mid(block + 14).section(QLatin1Char(' '), 0, 0);
        QCOMPARE(blockVersion, QStringLiteral("2.0.0"));
        QTemporaryDir scratch;
        QVERIFY(testdata::fileAtTag(scratch.path(), QStringLiteral("v1.2.17"),
                                    QStringLiteral("include/libvirt/libvirt-admin.h"))
                    .contains("virAdmConnectOpen"));
        const QJsonObject o = showJson(QStringLiteral("virAdmConnectOpen"));
        QCOMPARE(o.value(QLatin1String("since")).toString(), blockVersion);
        QCOMPARE(o.value(QLatin1String("sinceEvidence")).toObject().value(QLatin1String("kind")).toString(),
                 QStringLiteral("symbol-version"));
        bool header = false;
        for (const auto &e : o.value(QLatin1String("evidence")).toArray())
            header |= e.toObject().value(QLatin1String("kind")).toString() == QLatin1String("history") &&
                      e.toObject().value(QLatin1String("version")).toString() == QLatin1String("1.2.17");
        QVERIFY(header);
        // So a check for 1.3.5 calls it too new, not supported.
        const CliRun s = runCli(m_index, {QStringLiteral("search"), QStringLiteral("virAdmConnectOpen"),
                                          QStringLiteral("--max-version"), QStringLiteral("1.3.5")});
        QVERIFY2(s.err.contains(QLatin1String("virAdmConnectOpen (since 2.0.0) is newer than 1.3.5")),
                 qPrintable(s.out + s.err));
    }

    // The other way round: libvirt exported virAdmServerUpdateTlsFiles, added
    // in 6.2.0, in the LIBVIRT_ADMIN_2.0.0 node (virDomainSetBlockThreshold,
    // 3.2.0, in LIBVIRT_3.1.0). No release before its Since tag had it, so
    // the tag (read from the source tree's implementation file into the
    // history pack) names the since, and a check for the node's release
    // calls it too new. Both facts are read from the installed release's
    // tarball here, not written down.
    void functionLaterThanItsVersionNode()
    {
        const QString installedVersion = showJson(QStringLiteral("virConnectOpen"))
                                             .value(QLatin1String("release"))
                                             .toString()
                                             .section(QLatin1Char(' '), 0, 0);
        for (const auto &[name, syms, impl, node] :
             {std::tuple{"virAdmServerUpdateTlsFiles", "*/src/admin/libvirt_admin_public.syms",
                         "*/src/admin/libvirt-admin.c", "LIBVIRT_ADMIN_"},
              std::tuple{"virDomainSetBlockThreshold", "*/src/libvirt_public.syms", "*/src/libvirt-domain.c",
                         "LIBVIRT_"}}) {
            const QString symsText = QString::fromUtf8(fromTarball(installedVersion, {QLatin1String(syms)}));
            const QByteArray implText = fromTarball(installedVersion, {QLatin1String(impl)});
            if (symsText.isEmpty() || implText.isEmpty()) {
                if (inCi())
                    QFAIL("the installed release's source tarball is missing");
                QSKIP("the installed release's source tarball is not in $VSE_SOURCES_DIR");
            }
            const qsizetype at = symsText.indexOf(QLatin1Char(' ') + QLatin1String(name) + QLatin1Char(';'));
            QVERIFY(at > 0);
            const qsizetype block = symsText.lastIndexOf(QLatin1String(node), at);
            const QString nodeVersion =
                symsText.mid(block + qsizetype(strlen(node))).section(QLatin1Char(' '), 0, 0);
            // The doc block titled NAME: its Since tag and the title's line.
            const QList<FunctionSinceTag> tags = functionsincetags::parse(implText, QLatin1String(impl));
            const auto tag = std::find_if(tags.cbegin(), tags.cend(),
                                          [&](const FunctionSinceTag &t) { return t.function == QLatin1String(name); });
            QVERIFY(tag != tags.cend());
            const QByteArray title = QByteArray(" * ") + name + ":\n";
            QCOMPARE(tag->line, int(implText.left(implText.indexOf(title)).count('\n')) + 1);
            const qsizetype sinceAt = implText.indexOf("Since: ", implText.indexOf(title));
            QCOMPARE(tag->since.toString(), QString::fromLatin1(implText.mid(sinceAt + 7, 5)));
            QVERIFY2(Version::parse(nodeVersion) < tag->since, qPrintable(nodeVersion));

            const QJsonObject o = showJson(QLatin1String(name));
            QCOMPARE(o.value(QLatin1String("since")).toString(), tag->since.toString());
            const QJsonObject ev = o.value(QLatin1String("sinceEvidence")).toObject();
            QCOMPARE(ev.value(QLatin1String("kind")).toString(), QStringLiteral("since-tag"));
            QVERIFY2(ev.value(QLatin1String("detail")).toString().contains(QLatin1String(impl).mid(2)),
                     qPrintable(ev.value(QLatin1String("detail")).toString()));
            // The node's release does not have it.
            const CliRun s = runCli(m_index, {QStringLiteral("search"), QLatin1String(name),
                                              QStringLiteral("--max-version"), nodeVersion});
            QVERIFY2(s.err.contains(QStringLiteral("%1 (since %2) is newer than %3")
                                        .arg(QLatin1String(name), tag->since.toString(), nodeVersion)),
                     qPrintable(s.out + s.err));
        }
    }

    // A C name that changed kind without a gap compiles against every
    // release since it first appeared: VIR_KEYCODE_SET_RFB was an enum value
    // from 0.9.5 and is a macro for another value now;
    // VIR_NODE_CPU_STATS_ALL_CPUS was a macro from 0.9.3 and is an enum value
    // now. Before, each was dated by its current kind only (1.3.5 < since <=
    // 7.0.0 and 0.9.8), and a check for 1.0.0 hid the first.
    void cNameThatChangedKindKeepsItsSince()
    {
        QTemporaryDir scratch;
        const QString header = QStringLiteral("include/libvirt/libvirt.h.in");
        for (const auto &[name, tag, before] :
             {std::tuple{"VIR_KEYCODE_SET_RFB", "0.9.5", "0.9.4"},
              std::tuple{"VIR_NODE_CPU_STATS_ALL_CPUS", "0.9.3", "0.9.2"}}) {
            const QByteArray at = testdata::fileAtTag(scratch.path(), QStringLiteral("v") + QLatin1String(tag), header);
            if (at.isEmpty()) {
                if (inCi())
                    QFAIL("the history bundle is missing");
                QSKIP("the history bundle is not at $VSE_HISTORY_BUNDLE");
            }
            QVERIFY(at.contains(name));
            QVERIFY(!testdata::fileAtTag(scratch.path(), QStringLiteral("v") + QLatin1String(before), header).contains(name));
            const QJsonObject o = showJson(QLatin1String(name));
            QCOMPARE(o.value(QLatin1String("since")).toString(), QLatin1String(tag));
            bool former = false;
            for (const auto &e : o.value(QLatin1String("evidence")).toArray())
                former |= e.toObject().value(QLatin1String("version")).toString() == QLatin1String(tag) &&
                          e.toObject().value(QLatin1String("detail")).toString().startsWith(QLatin1String("as "));
            QVERIFY2(former, QJsonDocument(o.value(QLatin1String("evidence")).toArray()).toJson().constData());
        }
        const CliRun s = runCli(m_index, {QStringLiteral("search"), QStringLiteral("VIR_KEYCODE_SET_RFB"),
                                          QStringLiteral("--max-version"), QStringLiteral("1.0.0")});
        QVERIFY2(s.exitCode == 0 && s.out.startsWith(QLatin1String("VIR_KEYCODE_SET_RFB ")), qPrintable(s.out + s.err));
    }

    void virshHypervisorCommandsTaintAsTheirApi()
    {
        const QJsonObject api = showJson(QStringLiteral("virDomainQemuMonitorCommand"));
        const QJsonObject cmd = showJson(QStringLiteral("qemu-monitor-command"));
        QCOMPARE(cmd.value(QLatin1String("tier")).toString(), QStringLiteral("hypervisor-specific"));
        QCOMPARE(cmd.value(QLatin1String("hypervisor")).toString(), QStringLiteral("qemu"));
        QVERIFY(!api.value(QLatin1String("taints")).toArray().isEmpty());
        QCOMPARE(cmd.value(QLatin1String("taints")).toArray().first().toObject().value(QLatin1String("reason")),
                 api.value(QLatin1String("taints")).toArray().first().toObject().value(QLatin1String("reason")));
        QCOMPARE(showJson(QStringLiteral("domstate")).value(QLatin1String("tier")).toString(), QStringLiteral("stable"));
    }

    // "May I use virDomainGetMessages on 7.0.0?" is not a "no match".
    void searchSaysWhatMaxVersionHides()
    {
        const QString since = showJson(QStringLiteral("virDomainGetMessages")).value(QLatin1String("since")).toString();
        QVERIFY(Version(7, 0, 0) < Version::parse(since));
        const CliRun r = runCli(m_index, {QStringLiteral("search"), QStringLiteral("virDomainGetMessages"),
                                          QStringLiteral("--max-version"), QStringLiteral("7.0.0")});
        QCOMPARE(r.exitCode, 1);
        QCOMPARE(r.err, QStringLiteral("virt-support search: virDomainGetMessages (since %1) is newer than 7.0.0: "
                                       "--max-version 7.0.0 hides it\n")
                            .arg(since));
    }

    void searchJsonKeepsBoundsOutOfVersions()
    {
        const CliRun r = runCli(m_index, {QStringLiteral("search"), QStringLiteral("xml:tpm"), QStringLiteral("--json"),
                                          QStringLiteral("--max-version"), QStringLiteral("4.0.0"),
                                          QStringLiteral("--limit"), QStringLiteral("0")});
        QCOMPARE(r.exitCode, 0);
        int maybe = 0;
        for (const auto &v : QJsonDocument::fromJson(r.out.toUtf8()).array()) {
            const QJsonObject o = v.toObject();
            const QJsonValue since = o.value(QLatin1String("since"));
            // A version string or null, never a symbol.
            QVERIFY(since.isNull() || !since.toString().contains(QChar(0x2264)));
            QVERIFY(o.contains(QLatin1String("sinceRange")));
            maybe += o.value(QLatin1String("target")).toString() == QLatin1String("maybe-too-new");
        }
        QVERIFY(maybe > 0);
    }
};

QTEST_GUILESS_MAIN(TestCliHistory)
#include "tst_cli_history.moc"
