// The history pack: its file format (round trip, strict errors with
// file:line), the generator on the git bundle of libvirt 0.0.1 - 1.3.5
// (deterministic, and facts checked by hand against the bundle), the pack
// built into the tools, and `virt-support history`.
#include "index/historyapplier.h"
#include "index/historybuilder.h"
#include "extract/drivers/driversupport.h"
#include "index/historypack.h"
#include "index/releasereader.h"
#include "index/sourcelayout.h"

#include "extract/schema/docsinceextractor.h"

#include "clirunner.h"
#include "testdata.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>
#include <algorithm>

using namespace vse;

namespace {

// Three releases, the middle one without XML data.
const QByteArray kFixture =
    "vse-history\t1\n"
    "release\t0.9.0\tgit:v0.9.0\tapi,rpc,xml\n"
    "release\t0.9.1\tgit:v0.9.1\tapi,rpc\n"
    "release\t1.0.0\tdebian-source:libvirt_1.0.0.orig.tar.xz\tapi,rpc,xml\n"
    "item\tfunction\tvirConnectOpen\t\theader:libvirt\t0-2\tinclude/libvirt/libvirt.h:198\t\n"
    "item\tfunction\tvirGone\t\theader:libvirt\t0-0\t\t\n"
    "item\trpc-procedure\tremote/1\tremote\tprotocol:remote\t0-1=REMOTE_PROC_OPEN,2-2=REMOTE_PROC_"
    "CONNECT_OPEN\tsrc/remote/remote_protocol.x:12\t{\"api\":\"virConnectOpen\",\"number\":1,"
    "\"program\":\"remote\"}\n"
    "item\txml-element\tdomain/uuid\tdomain\tschema:core\t2-2\tdocs/schemas/domain.rng:40\t\n"
    "item\txml-value\tdomain/os/type@arch=a%2Cb\tdomain/os/type@arch\tschema:core\t2-2=x%25y\t"
    "docs/schemas/a%09b.rng:3\t\n";

QString bundlePath()
{
    const QString env = qEnvironmentVariable("VSE_HISTORY_BUNDLE");
    if (!env.isEmpty())
        return env;
    return qEnvironmentVariable("VSE_SOURCE_DIR") +
           QStringLiteral("/../shared/history/libvirt-releases-0.0.1-1.3.5.bundle");
}

// Where scripts/fetch-debian-sources put Debian's upstream tarballs.
QString sourcesDir()
{
    const QString env = qEnvironmentVariable("VSE_SOURCES_DIR");
    return env.isEmpty() ? QStringLiteral("/var/cache/virt-support-explorer/sources") : env;
}

// Runs tar to make a test tarball; true when it worked.
bool makeTar(const QString &dir, const QStringList &args)
{
    QProcess tar;
    tar.setWorkingDirectory(dir);
    tar.start(QStringLiteral("tar"), args);
    return tar.waitForFinished(60000) && tar.exitCode() == 0;
}

// No text of libvirt's in the pack: no space in any field, except where a
// fact has one: a virsh option's name ("attach-disk --iothread"), a
// configuration option's shipped value and an error code's short message
// (attrs "default", "defaults", "message", at most 100 characters).
bool packHasNoText(const HistoryPack &pack)
{
    for (const HistoryEntry &e : pack.entries()) {
        QJsonObject attrs = e.attrs;
        const QString message = attrs.take(QStringLiteral("message")).toString();
        if (message.size() > 100)
            return false;
        attrs.remove(QStringLiteral("default"));
        attrs.remove(QStringLiteral("defaults"));
        if (QJsonDocument(attrs).toJson(QJsonDocument::Compact).contains(' '))
            return false;
        const bool spacedName = e.kind == ItemKind::VirshOption;
        for (const HistorySpan &s : e.spans)
            if (s.name.contains(QLatin1Char(' ')) && !spacedName)
                return false;
        if ((e.key.contains(QLatin1Char(' ')) && !spacedName) || e.parent.contains(QLatin1Char(' ')) ||
            e.file.contains(QLatin1Char(' ')) || e.origin.contains(QLatin1Char(' ')))
            return false;
    }
    for (const HistoryRelease &r : pack.releases())
        if (r.source.contains(QLatin1Char(' ')))
            return false;
    return true;
}

} // namespace

class TestHistoryPack : public QObject
{
    Q_OBJECT

    QTemporaryDir m_tmp;
    QString m_repo;
    std::optional<HistoryPack> m_built;
    HistoryBuilder::XmlMoveStats m_moves;

    QString cloneBundle()
    {
        if (!m_repo.isEmpty())
            return m_repo;
        if (!QFileInfo::exists(bundlePath()))
            return {};
        const QString repo = m_tmp.path() + QStringLiteral("/libvirt");
        QProcess git;
        git.start(QStringLiteral("git"),
                  {QStringLiteral("-c"), QStringLiteral("core.hooksPath=/dev/null"),
                   QStringLiteral("clone"), QStringLiteral("--quiet"),
                   QStringLiteral("--no-checkout"), bundlePath(), repo});
        if (!git.waitForFinished(120000) || git.exitCode() != 0)
            return {};
        m_repo = repo;
        return m_repo;
    }

    const HistoryPack *bundlePack()
    {
        if (m_built)
            return &*m_built;
        const QString repo = cloneBundle();
        if (repo.isEmpty())
            return nullptr;
        Diagnostics d;
        HistoryBuilder::Options o;
        o.gitRepo = repo;
        o.xmlMoves = &m_moves;
        m_built = HistoryBuilder::build(o, &d);
        return m_built ? &*m_built : nullptr;
    }

private slots:
    void roundTrip()
    {
        Diagnostics d;
        const auto pack = HistoryPack::parse(kFixture, QStringLiteral("fixture.tsv"), &d);
        QVERIFY2(pack, d.isEmpty() ? "" : qPrintable(d.constFirst().toString()));
        QCOMPARE(pack->serialize(), kFixture);
        QCOMPARE(pack->releases().size(), 3);
        QCOMPARE(pack->entries().size(), 5);
        QCOMPARE(pack->releases().at(2).source,
                 QStringLiteral("debian-source:libvirt_1.0.0.orig.tar.xz"));

        const HistoryEntry *proc = pack->find(QStringLiteral("rpc-procedure|remote/1"));
        QVERIFY(proc);
        QCOMPARE(pack->names(*proc), (QStringList{QStringLiteral("REMOTE_PROC_OPEN"),
                                                  QStringLiteral("REMOTE_PROC_CONNECT_OPEN")}));
        QCOMPARE(proc->attrs.value(QStringLiteral("number")).toInt(), 1);
        QCOMPARE(proc->file, QStringLiteral("src/remote/remote_protocol.x"));
        QCOMPARE(proc->line, 12);
        QCOMPARE(pack->firstSeen(*proc), Version(0, 9, 0));
        QVERIFY(!pack->lastAbsentBefore(*proc).isValid());
        QVERIFY(!pack->removedIn(*proc).isValid());

        const HistoryEntry *gone = pack->find(QStringLiteral("symbol|virGone"));
        QVERIFY(gone);
        QCOMPARE(pack->removedIn(*gone), Version(0, 9, 1));
        QCOMPARE(pack->lastSeen(*gone), Version(0, 9, 0));
        QVERIFY(pack->hasIn(*gone, 0));
        QVERIFY(!pack->hasIn(*gone, 1));

        // 0.9.1 has no XML data: the lower bound is the release before it.
        const HistoryEntry *uuid = pack->find(QStringLiteral("xml-element|domain/uuid"));
        QVERIFY(uuid);
        QCOMPARE(pack->firstSeen(*uuid), Version(1, 0, 0));
        QCOMPARE(pack->lastAbsentBefore(*uuid), Version(0, 9, 0));

        // Escapes in keys, names and files.
        const HistoryEntry *value = pack->find(QStringLiteral("xml-value|domain/os/type@arch=a,b"));
        QVERIFY(value);
        QCOMPARE(value->spans.constFirst().name, QStringLiteral("x%y"));
        QCOMPARE(value->file, QStringLiteral("docs/schemas/a\tb.rng"));

        QCOMPARE(pack->releaseIndex(Version(0, 9, 1)), 1);
        QCOMPARE(pack->releaseIndex(Version(0, 9, 2)), -1);
        QVERIFY(!pack->find(QStringLiteral("function|virConnectOpen"))); // symbols are "symbol|"
        QCOMPARE(pack->digest().size(), 64);

        // A pack made in memory serializes the same, sorted.
        HistoryPack made;
        made.setReleases(pack->releases());
        QList<HistoryEntry> reversed = pack->entries();
        std::reverse(reversed.begin(), reversed.end());
        made.setEntries(reversed);
        QCOMPARE(made.serialize(), kFixture);
        QCOMPARE(made.digest(), pack->digest());
    }

    // Format 2: the docs agreement lines and an entry's docs since; a pack
    // without docs lines is still written as format 1.
    void docsLines()
    {
        const QByteArray data =
            "vse-history\t2\n"
            "release\t1.3.5\tgit:v1.3.5\txml\n"
            "release\t7.0.0\tdebian-source:libvirt_7.0.0.orig.tar.xz\txml\n"
            "docs\thtml.in\txml-element\t36\t36\tkept\n"
            "docs\trst\txml-value\t3\t3\tdropped\n"
            "item\txml-value\tdomain/devices/tpm/backend@type=emulator\tdomain/devices/tpm/"
            "backend@type\tschema:core\t1-1\t\t{\"docSince\":\"4.5.0\",\"docSinceAt\":"
            "\"docs/formatdomain.rst:7784\",\"docSinceIn\":\"9.0.0\"}\n";
        Diagnostics d;
        const auto pack = HistoryPack::parse(data, QStringLiteral("x.tsv"), &d);
        QVERIFY2(pack, d.isEmpty() ? "" : qPrintable(d.constFirst().toString()));
        QCOMPARE(pack->serialize(), data);
        QCOMPARE(pack->docsAgreement().size(), 2);
        const auto *a = pack->docsAgreementFor(QStringLiteral("rst"), ItemKind::XmlValue);
        QVERIFY(a);
        QCOMPARE(a->agree, 3);
        QVERIFY(!a->kept);
        QVERIFY(pack->docsAgreementFor(QStringLiteral("html.in"), ItemKind::XmlElement)->kept);
        QCOMPARE(pack->entries().constFirst().attrs.value(QStringLiteral("docSince")).toString(),
                 QStringLiteral("4.5.0"));
        HistoryPack plain;
        plain.setReleases(pack->releases());
        QVERIFY(plain.serialize().startsWith("vse-history\t1\n"));
    }

    // A release whose XML data lacks one root dates the other roots' items,
    // not that root's: "secret" below is absent from 1.0.0, unread in 1.1.0
    // and present in 1.2.0 (ranged); "domain/x" is absent from 1.0.0 and
    // present in 1.1.0 (exact).
    void incompleteXmlRoots()
    {
        const QByteArray data = "vse-history\t1\n"
                                "release\t1.0.0\tgit:v1.0.0\txml\n"
                                "release\t1.1.0\tgit:v1.1.0\txml\txml:secret\n"
                                "release\t1.2.0\tgit:v1.2.0\txml\n"
                                "item\txml-element\tdomain\t\tschema:domain\t0-2\t\t\n"
                                "item\txml-element\tdomain/x\tdomain\tschema:domain\t1-2\t\t\n"
                                "item\txml-element\tsecret\t\tschema:secret\t2-2\t\t\n"
                                "item\txml-element\tsecret/gone\tsecret\tschema:secret\t0-0\t\t\n";
        Diagnostics d;
        const auto pack = HistoryPack::parse(data, QStringLiteral("x.tsv"), &d);
        QVERIFY2(pack, d.isEmpty() ? "" : qPrintable(d.constFirst().toString()));
        QCOMPARE(pack->serialize(), data);
        QCOMPARE(pack->releases().at(1).incompleteXmlRoots, QStringList{QStringLiteral("secret")});
        const HistoryEntry *x = pack->find(QStringLiteral("xml-element|domain/x"));
        const HistoryEntry *secret = pack->find(QStringLiteral("xml-element|secret"));
        const HistoryEntry *gone = pack->find(QStringLiteral("xml-element|secret/gone"));
        QVERIFY(x && secret && gone);
        QVERIFY(pack->datesIn(*x, 1));
        QVERIFY(!pack->datesIn(*secret, 1));
        QCOMPARE(pack->lastAbsentBefore(*x), Version(1, 0, 0));
        QCOMPARE(pack->lastAbsentBefore(*secret), Version(1, 0, 0));
        QCOMPARE(pack->firstSeen(*secret), Version(1, 2, 0));
        // Gone from the secret root: 1.1.0 cannot say so, 1.2.0 can.
        QCOMPARE(pack->removedIn(*gone), Version(1, 2, 0));
        QCOMPARE(HistoryPack::xmlRootOf(QStringLiteral("domain/devices/disk@type")),
                 QStringLiteral("domain"));
        QCOMPARE(HistoryPack::xmlRootOf(QStringLiteral("secret@ephemeral")), QStringLiteral("secret"));
    }

    // A command whose options a release does not show: the command is dated
    // as usual, its options not by that release.
    void incompleteVirshCommands()
    {
        const QByteArray data = "vse-history\t1\n"
                                "release\t1.0.0\tgit:v1.0.0\tvirsh,xml\n"
                                "release\t1.1.0\tgit:v1.1.0\tvirsh,xml\txml:secret,virsh:cd,virsh:echo\n"
                                "release\t1.2.0\tgit:v1.2.0\tvirsh\n"
                                "item\tvirsh-command\tcd\t\tvirsh\t0-2\t\t\n"
                                "item\tvirsh-command\tlist\t\tvirsh\t1-2\t\t\n"
                                "item\tvirsh-option\tcd --dir\tcd\tvirsh\t0-0,2-2\t\t\n"
                                "item\tvirsh-option\tcd --new\tcd\tvirsh\t2-2\t\t\n"
                                "item\tvirsh-option\tlist --all\tlist\tvirsh\t1-2\t\t\n";
        Diagnostics d;
        const auto pack = HistoryPack::parse(data, QStringLiteral("x.tsv"), &d);
        QVERIFY2(pack, d.isEmpty() ? "" : qPrintable(d.constFirst().toString()));
        QCOMPARE(pack->serialize(), data);
        QCOMPARE(pack->releases().at(1).incompleteVirshCommands,
                 (QStringList{QStringLiteral("cd"), QStringLiteral("echo")}));
        QCOMPARE(pack->releases().at(1).incompleteXmlRoots, QStringList{QStringLiteral("secret")});
        const HistoryEntry *cd = pack->find(QStringLiteral("virsh-command|cd"));
        const HistoryEntry *dir = pack->find(QStringLiteral("virsh-option|cd --dir"));
        const HistoryEntry *added = pack->find(QStringLiteral("virsh-option|cd --new"));
        const HistoryEntry *all = pack->find(QStringLiteral("virsh-option|list --all"));
        QVERIFY(cd && dir && added && all);
        QVERIFY(pack->datesIn(*cd, 1));
        QVERIFY(!pack->datesIn(*dir, 1));
        QVERIFY(pack->datesIn(*all, 1));
        // Not in 1.1.0, which cannot say: neither removed nor re-added.
        QCOMPARE(pack->removedIn(*dir).toString(), QString());
        // Added in 1.2.0, after 1.0.0 (1.1.0 does not show cd's options).
        QCOMPARE(pack->lastAbsentBefore(*added), Version(1, 0, 0));
        QCOMPARE(pack->lastAbsentBefore(*all), Version(1, 0, 0));
        // A virsh token on a release without virsh data is refused.
        QVERIFY(!HistoryPack::parse("vse-history\t1\nrelease\t1.0.0\tgit:v1\txml\tvirsh:cd\n",
                                    QStringLiteral("x.tsv"), &d));
        QVERIFY(d.constLast().message.contains(QLatin1String("without virsh data")));
    }

    // A release dates the options of the configuration files it lists, not
    // of the others; a release with "config" and no list dates every file.
    void configFiles()
    {
        const QByteArray data = "vse-history\t1\n"
                                "release\t1.0.0\tgit:v1.0.0\tconfig\tconf:qemu.conf\n"
                                "release\t1.1.0\tgit:v1.1.0\tconfig\tconf:libvirtd.conf,conf:qemu.conf\n"
                                "release\t1.2.0\tgit:v1.2.0\tconfig\n"
                                "item\tconfig-option\tlibvirtd.conf:listen_tcp\tlibvirtd.conf\tlibvirtd\t1-1\t\t\n"
                                "item\tconfig-option\tqemu.conf:vnc_tls\tqemu.conf\tqemu\t1-1\t\t\n";
        Diagnostics d;
        const auto pack = HistoryPack::parse(data, QStringLiteral("x.tsv"), &d);
        QVERIFY2(pack, d.isEmpty() ? "" : qPrintable(d.constFirst().toString()));
        QCOMPARE(pack->serialize(), data);
        QCOMPARE(pack->releases().at(1).configFiles,
                 (QStringList{QStringLiteral("libvirtd.conf"), QStringLiteral("qemu.conf")}));
        const HistoryEntry *listen = pack->find(QStringLiteral("config-option|libvirtd.conf:listen_tcp"));
        const HistoryEntry *tls = pack->find(QStringLiteral("config-option|qemu.conf:vnc_tls"));
        QVERIFY(listen && tls);
        QVERIFY(!pack->datesIn(*listen, 0));
        QVERIFY(pack->datesIn(*tls, 0));
        QCOMPARE(pack->lastAbsentBefore(*listen), Version());
        QCOMPARE(pack->lastAbsentBefore(*tls), Version(1, 0, 0));
        QCOMPARE(pack->removedIn(*listen), Version(1, 2, 0));
    }

    // The applier turns a kept docs since into Documentation evidence that
    // narrows the history's range; a dropped kind is not used; the installed
    // HTML's agreement check leaves it alone; applying twice changes nothing.
    void docsEvidence()
    {
        const QByteArray data =
            "vse-history\t2\n"
            "release\t1.3.5\tgit:v1.3.5\txml\n"
            "release\t7.0.0\tdebian-source:libvirt_7.0.0.orig.tar.xz\txml\n"
            "docs\trst\txml-value\t%1\t20\t%2\n"
            "item\txml-element\tdomain\t\tschema:core\t0-1\t\t\n"
            "item\txml-value\tdomain/devices/tpm/backend@type=emulator\tdomain/devices/tpm/"
            "backend@type\tschema:core\t1-1\t\t{\"docSince\":\"4.5.0\",\"docSinceAt\":"
            "\"docs/formatdomain.rst:7784\",\"docSinceIn\":\"9.0.0\"}\n";
        for (const bool kept : {true, false}) {
            Diagnostics d;
            const auto pack = HistoryPack::parse(QByteArray(data)
                                                     .replace("%1", kept ? "20" : "15")
                                                     .replace("%2", kept ? "kept" : "dropped"),
                                                 QStringLiteral("x.tsv"), &d);
            QVERIFY(pack);
            Release r;
            r.version = Version(9, 0, 0);
            r.sourcePath = QStringLiteral("/");
            Item v;
            v.kind = ItemKind::XmlValue;
            v.name = QStringLiteral("domain/devices/tpm/backend@type=emulator");
            v.parent = QStringLiteral("domain/devices/tpm/backend@type");
            v.evidence.append(
                {Evidence::Kind::FirstRelease, Version(9, 0, 0), QStringLiteral("/"), true});
            r.items.append(v);
            QList<Release> releases{r};
            HistoryApplier::apply(releases, *pack);
            HistoryApplier::apply(releases, *pack);
            const Item &it = releases.constFirst().items.constFirst();
            const auto docs =
                std::count_if(it.evidence.cbegin(), it.evidence.cend(), [](const Evidence &e) {
                    return e.kind == Evidence::Kind::Documentation;
                });
            QCOMPARE(docs, kept ? 1 : 0);
            if (kept) {
                QCOMPARE(it.since(), Version(4, 5, 0));
                for (const Evidence &e : it.evidence)
                    if (e.kind == Evidence::Kind::Documentation) {
                        QCOMPARE(
                            e.detail,
                            QStringLiteral("docs/formatdomain.rst:7784 in 9.0.0, agreement 100 %"));
                        QVERIFY(!e.unreliable);
                    }
            } else {
                QVERIFY(!it.sinceRange().exact);
                QCOMPARE(it.sinceRange().after, Version(1, 3, 5));
                QCOMPARE(it.sinceRange().upTo, Version(7, 0, 0));
            }
        }
    }

    void badInput_data()
    {
        QTest::addColumn<QByteArray>("data");
        QTest::addColumn<int>("line");
        QTest::addColumn<QString>("message");
        const QByteArray head =
            "vse-history\t1\nrelease\t1.0.0\tgit:v1.0.0\tapi\nrelease\t1.1.0\tgit:v1.1.0\tapi\n";
        QTest::newRow("empty") << QByteArray() << 1 << QStringLiteral("empty file");
        QTest::newRow("binary garbage") << QByteArray("\x7f"
                                                      "ELF\x02\x01\x00\x00\xff\xfe\n\x00\x01",
                                                      14)
                                        << 1 << QStringLiteral("not a history pack");
        QTest::newRow("truncated last line")
            << head + "item\tfunction\tvirFoo\t\theader:libvirt\t0-1" << 4
            << QStringLiteral("truncated");
        QTest::newRow("truncated item") << head + "item\tfunction\tvirFoo\t\theader:libvirt\t0-1\n"
                                        << 4 << QStringLiteral("8 fields");
        QTest::newRow("bad version") << QByteArray("vse-history\t1\nrelease\t1.x.0\tgit:v1\tapi\n")
                                     << 2 << QStringLiteral("bad version");
        QTest::newRow("four-part version")
            << QByteArray("vse-history\t1\nrelease\t1.0.0.1\tgit:v1\tapi\n") << 2
            << QStringLiteral("bad version");
        QTest::newRow("releases not ascending") << head + "release\t0.9.0\tgit:v0.9.0\tapi\n"
                                                << 4 << QStringLiteral("not newer");
        QTest::newRow("bad family")
            << QByteArray("vse-history\t1\nrelease\t1.0.0\tgit:v1\tapi,foo\n") << 2
            << QStringLiteral("bad family");
        QTest::newRow("incomplete root without xml")
            << QByteArray("vse-history\t1\nrelease\t1.0.0\tgit:v1\tapi\txml:secret\n") << 2
            << QStringLiteral("without xml data");
        QTest::newRow("incomplete root not xml:")
            << QByteArray("vse-history\t1\nrelease\t1.0.0\tgit:v1\txml\tsecret\n") << 2
            << QStringLiteral("bad release detail");
        QTest::newRow("incomplete root twice")
            << QByteArray("vse-history\t1\nrelease\t1.0.0\tgit:v1\txml\txml:a,xml:a\n") << 2
            << QStringLiteral("bad release detail");
        QTest::newRow("incomplete command twice")
            << QByteArray("vse-history\t1\nrelease\t1.0.0\tgit:v1\tvirsh\tvirsh:cd,virsh:cd\n") << 2
            << QStringLiteral("bad release detail");
        QTest::newRow("config file without config")
            << QByteArray("vse-history\t1\nrelease\t1.0.0\tgit:v1\tapi\tconf:qemu.conf\n") << 2
            << QStringLiteral("without config data");
        QTest::newRow("config file twice")
            << QByteArray("vse-history\t1\nrelease\t1.0.0\tgit:v1\tconfig\tconf:qemu.conf,conf:qemu.conf\n") << 2
            << QStringLiteral("bad release detail");
        QTest::newRow("span out of range") << head + "item\tfunction\tvirFoo\t\t\t0-2\t\t\n"
                                           << 4 << QStringLiteral("out of range");
        QTest::newRow("span reversed") << head + "item\tfunction\tvirFoo\t\t\t1-0\t\t\n"
                                       << 4 << QStringLiteral("out of range");
        QTest::newRow("spans overlap") << head + "item\tfunction\tvirFoo\t\t\t0-1,1-1=virBar\t\t\n"
                                       << 4 << QStringLiteral("overlap");
        QTest::newRow("bad span") << head + "item\tfunction\tvirFoo\t\t\t0to1\t\t\n"
                                  << 4 << QStringLiteral("bad span");
        QTest::newRow("no spans") << head + "item\tfunction\tvirFoo\t\t\t\t\t\n"
                                  << 4 << QStringLiteral("without spans");
        QTest::newRow("unknown kind") << head + "item\tgadget\tvirFoo\t\t\t0-1\t\t\n"
                                      << 4 << QStringLiteral("unknown kind");
        QTest::newRow("bad escape") << head + "item\tfunction\tvir%4\t\t\t0-1\t\t\n"
                                    << 4 << QStringLiteral("bad or empty key");
        QTest::newRow("bad attrs")
            << head + "item\trpc-procedure\tremote/1\t\t\t0-1\t\t{\"number\":\n"
            << 4 << QStringLiteral("JSON");
        QTest::newRow("bad line number") << head + "item\tfunction\tvirFoo\t\t\t0-1\tx.h:-3\t\n"
                                         << 4 << QStringLiteral("FILE:LINE");
        QTest::newRow("duplicate")
            << head + "item\tfunction\tvirFoo\t\t\t0-1\t\t\nitem\tvariable\tvirFoo\t\t\t0-0\t\t\n"
            << 5 << QStringLiteral("duplicate");
        QTest::newRow("release after item")
            << head + "item\tfunction\tvirFoo\t\t\t0-1\t\t\nrelease\t2.0.0\tgit:v2\t\n"
            << 5 << QStringLiteral("after the first item");
        QTest::newRow("empty line") << head + "\n" << 4 << QStringLiteral("empty line");
        QTest::newRow("unknown record") << head + "entry\tx\n"
                                        << 4 << QStringLiteral("unknown record");
        QTest::newRow("docs line in format 1") << head + "docs\trst\txml-element\t1\t2\tdropped\n"
                                               << 4 << QStringLiteral("needs format 2");
        const QByteArray head2 = "vse-history\t2\nrelease\t1.0.0\tgit:v1.0.0\txml\n";
        QTest::newRow("docs agree > compared") << head2 + "docs\trst\txml-element\t3\t2\tkept\n"
                                               << 3 << QStringLiteral("bad docs line");
        QTest::newRow("docs unknown source") << head2 + "docs\tpdf\txml-element\t1\t2\tkept\n"
                                             << 3 << QStringLiteral("bad docs line");
        QTest::newRow("docs after item")
            << head2 +
                   "item\txml-element\tdomain\t\t\t0-0\t\t\ndocs\trst\txml-element\t1\t2\tkept\n"
            << 4 << QStringLiteral("after the first item");
        QTest::newRow("invalid utf-8") << head + "item\tfunction\tvir\xff\xfe\t\t\t0-1\t\t\n"
                                       << 4 << QStringLiteral("bad or empty key");
    }

    void badInput()
    {
        QFETCH(QByteArray, data);
        QFETCH(int, line);
        QFETCH(QString, message);
        Diagnostics d;
        const auto pack = HistoryPack::parse(data, QStringLiteral("bad.tsv"), &d);
        QVERIFY(!pack);
        QCOMPARE(d.size(), 1);
        QCOMPARE(d.constFirst().file, QStringLiteral("bad.tsv"));
        QCOMPARE(d.constFirst().line, line);
        QVERIFY2(d.constFirst().message.contains(message), qPrintable(d.constFirst().toString()));
        QVERIFY(d.constFirst().toString().startsWith(QStringLiteral("bad.tsv:%1:").arg(line)));
    }

    void limits()
    {
        Diagnostics d;
        QByteArray big(HistoryPack::maxFileSize + 1, 'x');
        QVERIFY(!HistoryPack::parse(big, QStringLiteral("big.tsv"), &d));
        QVERIFY(d.constFirst().message.contains(QStringLiteral("too large")));
        big.clear();
        d.clear();
        QVERIFY(!HistoryPack::load(m_tmp.path() + QStringLiteral("/missing.tsv"), &d));
        QCOMPARE(d.constFirst().line, 0);
        // Random bytes never crash the parser.
        for (int seed = 0; seed < 200; ++seed) {
            QByteArray junk = kFixture;
            std::srand(unsigned(seed));
            for (int i = 0; i < 8; ++i)
                junk[std::rand() % junk.size()] = char(std::rand() % 256);
            Diagnostics dd;
            const auto p = HistoryPack::parse(junk, QStringLiteral("junk.tsv"), &dd);
            if (!p) {
                QCOMPARE(dd.size(), 1);
                QCOMPARE(dd.constFirst().file, QStringLiteral("junk.tsv"));
                QVERIFY(dd.constFirst().line >= 1);
            }
        }
    }

    void builtinPack()
    {
        const HistoryPack &pack = HistoryPack::builtin();
        QVERIFY2(pack.releases().size() >= 109,
                 "the committed pack should cover libvirt 0.0.1 - 1.3.5 and Debian's releases");
        QCOMPARE(pack.releases().constFirst().version, Version(0, 0, 1));
        const int r135 = pack.releaseIndex(Version(1, 3, 5));
        QCOMPARE(r135, 108);
        // After 1.3.5: Debian's upstream tarballs (or package sets), each
        // named, never a "git:" release (so never adjacent to 1.3.5).
        QVERIFY(pack.releases().constLast().version >= Version(9, 0, 0));
        for (int i = r135 + 1; i < int(pack.releases().size()); ++i) {
            const QString &src = pack.releases().at(i).source;
            QVERIFY2(src.startsWith(QLatin1String("debian-source:libvirt_")) ||
                         src.startsWith(QLatin1String("debian-binary:")),
                     qPrintable(src));
        }
        QVERIFY(pack.entries().size() > 5000);
        const HistoryEntry *open = pack.find(QStringLiteral("symbol|virConnectOpen"));
        QVERIFY(open);
        QCOMPARE(pack.firstSeen(*open), Version(0, 0, 3));
        // The committed file is canonical: its bytes are its serialization.
        QFile f(QStringLiteral(":/vse/history/libvirt-history.tsv"));
        QVERIFY(f.open(QIODevice::ReadOnly));
        QCOMPARE(pack.serialize(), f.readAll());
        // The digest compiled in for the freshness check is the loaded pack's.
        QCOMPARE(HistoryPack::builtinDigest(), pack.digest());

        // Package sets (12.8.0, 12.9.0) have virsh only from the manual page:
        // an option name no command table ever had is not taken from it.
        // 11.3.0's tools/virsh-domain.c gives domdirtyrate-calc the options
        // domain, seconds and mode; the page writes "--mode=[... | dirty-bitmap | ...]".
        QVERIFY(!pack.find(QStringLiteral("virsh-option|domdirtyrate-calc --dirty-bitmap")));
        QVERIFY(!pack.find(QStringLiteral("virsh-option|cd --directory")));
        const HistoryEntry *mode = pack.find(QStringLiteral("virsh-option|domdirtyrate-calc --mode"));
        QVERIFY(mode);
        const int r1130 = pack.releaseIndex(Version(11, 3, 0));
        QVERIFY(r1130 > 0 && pack.hasIn(*mode, r1130));

        // Error codes keep the message of the newest virerror.c read: the
        // package sets after the last tarball have none, and dropped them
        // (6 messages in the pack, all of codes gone before them).
        int withMessage = 0, codes = 0;
        for (const HistoryEntry &e : pack.entries())
            if (e.kind == ItemKind::EnumValue && e.parent == QLatin1String("virErrorNumber") &&
                pack.hasIn(e, int(pack.releases().size()) - 1)) {
                ++codes;
                withMessage += e.attrs.contains(QLatin1String("message"));
            }
        QVERIFY2(codes > 100 && withMessage >= codes - 5,
                 qPrintable(QStringLiteral("%1 of %2 current error codes have a message").arg(withMessage).arg(codes)));
        const HistoryEntry *invalid = pack.find(QStringLiteral("enum-value|VIR_ERR_OPERATION_INVALID"));
        QVERIFY(invalid);
        // As `git show v1.3.5:src/util/virerror.c` (and every later one) has it.
        QCOMPARE(invalid->attrs.value(QLatin1String("message")).toString(),
                 QStringLiteral("Requested operation is not valid"));

        // Which drivers implement each function, for a host without
        // libvirt-doc: a driver's since rarely changes, so nearly every
        // driver and release the installed hvsupport.html gives is in the pack
        // (newer releases' tables; libvirt corrects a comment now and then:
        // 9.0.0's page dates virDomainFDAssociate's remote driver 8.9.0, later
        // ones 9.0.0, the release that added the API).
        const QString page = QStringLiteral("/usr/share/doc/libvirt-doc/html/hvsupport.html");
        if (!QFile::exists(page))
            return;
        Diagnostics d;
        const DriverMatrix installed = readHvSupportHtml(page, &d);
        QVERIFY(installed.size() > 200);
        int checked = 0;
        QStringList differ;
        for (auto it = installed.cbegin(); it != installed.cend(); ++it) {
            const HistoryEntry *e = pack.find(QStringLiteral("symbol|") + it.key());
            if (!e || !pack.hasIn(*e, int(pack.releases().size()) - 1))
                continue; // an internal name of the page, or gone since
            const QString compact = e->attrs.value(HistoryPack::kDriverSupport).toString();
            for (const DriverSupport &s : it.value()) {
                if (s.removed.isValid())
                    continue;
                if (!compact.split(QLatin1Char(',')).contains(s.driver + QLatin1Char(' ') + s.since.toString()))
                    differ << QStringLiteral("%1: %2 %3 not in '%4'").arg(it.key(), s.driver, s.since.toString(), compact);
                ++checked;
            }
        }
        qInfo("drivers of the installed hvsupport.html: %d of %d in the pack as they are", int(checked - differ.size()),
              checked);
        QVERIFY2(checked > 1000, qPrintable(QString::number(checked)));
        QVERIFY2(differ.size() * 100 <= checked, qPrintable(differ.join(QLatin1Char('\n'))));
    }

    void generatorIsDeterministic()
    {
        const QString repo = cloneBundle();
        if (repo.isEmpty())
            QSKIP(qPrintable(
                QStringLiteral("the libvirt history bundle is not at %1 (set VSE_HISTORY_BUNDLE)")
                    .arg(bundlePath())));
        Diagnostics d1, d2;
        HistoryBuilder::Options o;
        o.gitRepo = repo;
        // Under ASan a build runs ~6x slower: fewer releases, same check.
        const int tags = vse::testdata::kSanitized ? 12 : 40;
        o.maxTags = tags;
        o.threads = 1;
        const auto a = HistoryBuilder::build(o, &d1);
        o.threads = 2;
        const auto b = HistoryBuilder::build(o, &d2);
        QVERIFY(a && b);
        QCOMPARE(a->releases().size(), tags);
        QCOMPARE(a->serialize(), b->serialize());
        QCOMPARE(d1.size(), d2.size());
        if (vse::testdata::kSanitized) {
            qInfo("sanitizer build: the second full build of the bundle is left to the normal build");
            return;
        }
        // The full build (also used by the facts below) gives the same bytes again.
        const HistoryPack *full = bundlePack();
        QVERIFY(full);
        HistoryBuilder::Options all;
        all.gitRepo = repo;
        Diagnostics d3;
        const auto again = HistoryBuilder::build(all, &d3);
        QVERIFY(again);
        QCOMPARE(again->serialize(), full->serialize());
    }

    void tags()
    {
        const QString repo = cloneBundle();
        if (repo.isEmpty())
            QSKIP("the libvirt history bundle is absent");
        Diagnostics d;
        const auto tags = HistoryBuilder::releaseTags(repo, &d);
        QVERIFY(tags);
        QCOMPARE(tags->size(), 109);
        QCOMPARE(tags->constFirst(), QStringLiteral("v0.0.1"));
        QCOMPARE(tags->constLast(), QStringLiteral("v1.3.5"));
        // Numeric order, not string order.
        QVERIFY(tags->indexOf(QStringLiteral("v0.9.13")) <
                tags->indexOf(QStringLiteral("v0.10.0")));
        QVERIFY(!HistoryBuilder::releaseTags(m_tmp.path() + QStringLiteral("/nope"), &d));
    }

    // Facts read by hand from the bundle. The commands used, for each group:
    //   git grep -n 'PATTERN' vX.Y.Z -- '*.x'           (RPC: which tags have the line)
    //   git grep -c 'NAME;' vX.Y.Z -- 'src/*.syms'     (.syms blocks)
    //   git grep -n 'name=.ELEMENT.' vX.Y.Z -- docs/schemas (schemas)
    // run over `git tag | sort -V` to find the first tag with the text and
    // the tag before it (a small shell loop), then reading the file at both.
    void handCheckedFacts_data()
    {
        QTest::addColumn<QString>("identity");
        QTest::addColumn<QString>("first");
        QTest::addColumn<QString>("absentBefore"); // empty: none
        QTest::addColumn<QString>("removed");      // empty: still in 1.3.5
        QTest::addColumn<QStringList>("names");    // empty: not checked

        // RPC. v0.2.3 has no remote_protocol.x; v0.3.0 has
        // qemud/remote_protocol.x:555 "REMOTE_PROC_OPEN = 1"; v1.0.4
        // src/remote/remote_protocol.x still names it REMOTE_PROC_OPEN,
        // v1.0.5 REMOTE_PROC_CONNECT_OPEN.
        QTest::newRow("remote/1") << QStringLiteral("rpc-procedure|remote/1")
                                  << QStringLiteral("0.3.0") << QStringLiteral("0.2.3") << QString()
                                  << QStringList{QStringLiteral("REMOTE_PROC_OPEN"),
                                                 QStringLiteral("REMOTE_PROC_CONNECT_OPEN")};
        // v1.0.4 remote_protocol.x:2878 REMOTE_PROC_DOMAIN_EVENTS_REGISTER = 105;
        // v1.0.5:3372 REMOTE_PROC_CONNECT_DOMAIN_EVENT_REGISTER = 105.
        QTest::newRow("remote/105")
            << QStringLiteral("rpc-procedure|remote/105") << QStringLiteral("0.5.0")
            << QStringLiteral("0.4.6") << QString()
            << QStringList{QStringLiteral("REMOTE_PROC_DOMAIN_EVENTS_REGISTER"),
                           QStringLiteral("REMOTE_PROC_CONNECT_DOMAIN_EVENT_REGISTER")};
        // First in v0.9.2 (absent in v0.9.1).
        QTest::newRow("remote/216")
            << QStringLiteral("rpc-procedure|remote/216") << QStringLiteral("0.9.2")
            << QStringLiteral("0.9.1") << QString()
            << QStringList{QStringLiteral("REMOTE_PROC_DOMAIN_MIGRATE_PERFORM3")};
        // First in v0.9.4 (absent in v0.9.3).
        QTest::newRow("remote/237")
            << QStringLiteral("rpc-procedure|remote/237") << QStringLiteral("0.9.4")
            << QStringLiteral("0.9.3") << QString()
            << QStringList{QStringLiteral("REMOTE_PROC_DOMAIN_BLOCK_JOB_ABORT")};
        // qemu_protocol.x first in v0.8.3 (QEMU_PROC_MONITOR_COMMAND = 1, still
        // so in v1.0.4 src/remote/qemu_protocol.x:74), renamed in v1.0.5.
        QTest::newRow("qemu/1") << QStringLiteral("rpc-procedure|qemu/1") << QStringLiteral("0.8.3")
                                << QStringLiteral("0.8.2") << QString()
                                << QStringList{QStringLiteral("QEMU_PROC_MONITOR_COMMAND"),
                                               QStringLiteral("QEMU_PROC_DOMAIN_MONITOR_COMMAND")};
        // lxc_protocol.x first in v1.0.2.
        QTest::newRow("lxc/1") << QStringLiteral("rpc-procedure|lxc/1") << QStringLiteral("1.0.2")
                               << QStringLiteral("1.0.1") << QString()
                               << QStringList{QStringLiteral("LXC_PROC_DOMAIN_OPEN_NAMESPACE")};

        // API. virDomainBlockCommit: libvirt_public.syms of v0.10.2, not v0.10.1.
        QTest::newRow("virDomainBlockCommit")
            << QStringLiteral("symbol|virDomainBlockCommit") << QStringLiteral("0.10.2")
            << QStringLiteral("0.10.1") << QString() << QStringList{};
        // libvirt_qemu.syms of v0.9.4, not v0.9.3.
        QTest::newRow("virDomainQemuAttach")
            << QStringLiteral("symbol|virDomainQemuAttach") << QStringLiteral("0.9.4")
            << QStringLiteral("0.9.3") << QString() << QStringList{};
        // include/libvirt/libvirt.h of v0.4.1 declares it, v0.3.3 does not.
        QTest::newRow("virConnectOpenAuth")
            << QStringLiteral("symbol|virConnectOpenAuth") << QStringLiteral("0.4.1")
            << QStringLiteral("0.3.3") << QString() << QStringList{};
        // libvirt-admin.h and libvirt_admin_public.syms of v1.3.0 only (v1.2.21
        // and v1.3.1 do not have it).
        QTest::newRow("virAdmDaemonClose")
            << QStringLiteral("symbol|virAdmDaemonClose") << QStringLiteral("1.3.0")
            << QStringLiteral("1.2.21") << QStringLiteral("1.3.1") << QStringList{};

        // v1.2.17 include/libvirt/libvirt-admin.h:53 declares it (that
        // release's headers have an error, but what they declare counts);
        // v1.2.16 has no libvirt-admin.h; v1.3.0 has neither the declaration
        // nor a .syms line, v1.3.1 both again (a gap, not a removal).
        QTest::newRow("virAdmConnectOpen")
            << QStringLiteral("symbol|virAdmConnectOpen") << QStringLiteral("1.2.17")
            << QStringLiteral("1.2.16") << QString() << QStringList{};
        // XML. docs/schemas/domain.rng gets element memballoon in v0.8.3.
        QTest::newRow("memballoon")
            << QStringLiteral("xml-element|domain/devices/memballoon") << QStringLiteral("0.8.3")
            << QStringLiteral("0.8.2") << QString() << QStringList{};
        // domaincommon.rng: hyperv in v1.0.0 (not in v0.10.2), rng in v1.0.3.
        QTest::newRow("hyperv") << QStringLiteral("xml-element|domain/features/hyperv")
                                << QStringLiteral("1.0.0") << QStringLiteral("0.10.2") << QString()
                                << QStringList{};
        QTest::newRow("rng") << QStringLiteral("xml-element|domain/devices/rng")
                             << QStringLiteral("1.0.3") << QStringLiteral("1.0.2") << QString()
                             << QStringList{};
        // seclabel first in v0.6.1's domain.rng.
        QTest::newRow("seclabel") << QStringLiteral("xml-element|domain/seclabel")
                                  << QStringLiteral("0.6.1") << QStringLiteral("0.6.0") << QString()
                                  << QStringList{};
        // virsh. v0.8.5 tools/virsh.c has the "echo" command with its
        // "shell" option (v0.8.4 neither). From v1.2.19 the generic commands
        // are macros of tools/vsh.h (v1.2.19 tools/virsh.c:804 VSH_CMD_ECHO),
        // a file the bundle leaves out: still there, options not shown, not
        // removed.
        QTest::newRow("virsh echo") << QStringLiteral("virsh-command|echo") << QStringLiteral("0.8.5")
                                    << QStringLiteral("0.8.4") << QString() << QStringList{};
        QTest::newRow("virsh echo --shell")
            << QStringLiteral("virsh-option|echo --shell") << QStringLiteral("0.8.5")
            << QStringLiteral("0.8.4") << QString() << QStringList{};
        // Configuration. v0.8.6 src/qemu/qemu.conf:90 has spice_listen, v0.8.5 not.
        QTest::newRow("qemu.conf spice_listen")
            << QStringLiteral("config-option|qemu.conf:spice_listen") << QStringLiteral("0.8.6")
            << QStringLiteral("0.8.5") << QString() << QStringList{};
        // src/locking/virtlockd.conf is new in v1.1.2 (line 11 log_level);
        // v1.1.1 has src/locking/lockd.conf and sanlock.conf, not it.
        QTest::newRow("virtlockd.conf log_level")
            << QStringLiteral("config-option|virtlockd.conf:log_level") << QStringLiteral("1.1.2")
            << QStringLiteral("1.1.1") << QString() << QStringList{};
        // libvirtd.conf lived in qemud/, which the bundle leaves out; v0.4.6
        // has its lens qemud/libvirtd.aug. v0.4.4 shows nothing under qemud/
        // (only src/qemu.conf): it cannot say listen_tcp was absent (it was not).
        QTest::newRow("libvirtd.conf listen_tcp")
            << QStringLiteral("config-option|libvirtd.conf:listen_tcp") << QStringLiteral("0.4.6")
            << QString() << QString() << QStringList{};
        // nwfilter.rng: chain's <value>ipv6</value> in v0.8.0 (line 258) to
        // v0.9.7 (line 292); v0.9.8 has only "root" and patterns.
        QTest::newRow("chain=ipv6")
            << QStringLiteral("xml-value|filter@chain=ipv6") << QStringLiteral("0.8.0")
            << QStringLiteral("0.7.7") << QStringLiteral("0.9.8") << QStringList{};
    }

    void handCheckedFacts()
    {
        QFETCH(QString, identity);
        QFETCH(QString, first);
        QFETCH(QString, absentBefore);
        QFETCH(QString, removed);
        QFETCH(QStringList, names);
        const HistoryPack *pack = bundlePack();
        if (!pack)
            QSKIP("the libvirt history bundle is absent");
        for (const HistoryPack *p : {pack, &HistoryPack::builtin()}) {
            const HistoryEntry *e = p->find(identity);
            QVERIFY2(e, qPrintable(identity));
            QCOMPARE(p->firstSeen(*e).toString(), first);
            QCOMPARE(p->lastAbsentBefore(*e).toString(), absentBefore);
            QCOMPARE(p->removedIn(*e).toString(), removed);
            if (!names.isEmpty())
                QCOMPARE(p->names(*e), names);
        }
    }

    void handCheckedDetails()
    {
        const HistoryPack *pack = bundlePack();
        if (!pack)
            QSKIP("the libvirt history bundle is absent");
        QCOMPARE(pack->releases().size(), 109);
        const HistoryEntry *open = pack->find(QStringLiteral("rpc-procedure|remote/1"));
        QVERIFY(open);
        // v0.3.0:qemud/remote_protocol.x line 555, outside src/ in old trees.
        QCOMPARE(open->file, QStringLiteral("qemud/remote_protocol.x"));
        QCOMPARE(open->line, 555);
        QCOMPARE(open->attrs.value(QStringLiteral("api")).toString(),
                 QStringLiteral("virConnectOpen"));
        QCOMPARE(open->attrs.value(QStringLiteral("program")).toString(), QStringLiteral("remote"));
        QVERIFY(!open->attrs.contains(QStringLiteral("annotations"))); // whitelist only
        // Renamed between 1.0.0 and 1.2.0.
        QVERIFY(pack->hasIn(*open, pack->releaseIndex(Version(1, 0, 0))));
        QCOMPARE(open->spans.constLast().name, QStringLiteral("REMOTE_PROC_CONNECT_OPEN"));
        // v0.0.1 and v0.0.2 have no libvirt.h in the bundle (v0.0.3 declares
        // virConnectOpen at include/libvirt/libvirt.h:179): no data.
        QVERIFY(!pack->releases().at(0).families.contains(QStringLiteral("api")));
        // ...but a whole tree without *.x files had no RPC protocol: that is
        // RPC data (remote/1 above is exact: absent in v0.2.3).
        QCOMPARE(pack->releases().at(0).families, QStringList{QStringLiteral("rpc")});
        // v0.7.1 - v0.7.4: docs/schemas/secret.rng is not well-formed (an
        // unclosed <ref name='usagevolume'>, fixed in v0.7.5). No other
        // schema includes it, so only the secret root is incomplete there;
        // the other roots' XML data still dates their items. Its
        // configuration data (src/qemu.conf, qemud/*.aug) is complete; it
        // has no tools/virsh.c yet (virsh lived in src/, which the bundle
        // leaves out): no virsh data.
        const int r071 = pack->releaseIndex(Version(0, 7, 1));
        QCOMPARE(pack->releases().at(r071).families,
                 (QStringList{QStringLiteral("api"), QStringLiteral("config"), QStringLiteral("rpc"),
                              QStringLiteral("xml")}));
        for (const Version &v : {Version(0, 7, 1), Version(0, 7, 4)})
            QCOMPARE(pack->releases().at(pack->releaseIndex(v)).incompleteXmlRoots,
                     QStringList{QStringLiteral("secret")});
        QVERIFY(pack->releases().at(pack->releaseIndex(Version(0, 7, 5))).incompleteXmlRoots.isEmpty());
        // `git show v0.7.0:docs/schemas/domain.rng` has <element name="serial">
        // only for character devices (line 954); v0.7.1 adds one under <disk>
        // (line 351): exact, dated by a release whose secret.rng is broken.
        const HistoryEntry *serial = pack->find(QStringLiteral("xml-element|domain/devices/disk/serial"));
        QVERIFY(serial);
        QCOMPARE(pack->firstSeen(*serial), Version(0, 7, 1));
        QCOMPARE(pack->lastAbsentBefore(*serial), Version(0, 7, 0));
        // <cpu>: no element named cpu in domain.rng of v0.7.4, one in v0.7.5.
        const HistoryEntry *cpu = pack->find(QStringLiteral("xml-element|domain/cpu"));
        QVERIFY(cpu);
        QCOMPARE(pack->firstSeen(*cpu), Version(0, 7, 5));
        QCOMPARE(pack->lastAbsentBefore(*cpu), Version(0, 7, 4));
        // v0.7.1 - v0.7.4's secret.rng leaves <ref name='usagevolume'> (line
        // 39) unclosed; v0.7.5 closes it. Read as libxml2 recovers it, what it
        // declares is present: <secret> is absent from v0.7.0 (before the
        // secret API) and there in v0.7.1, exact. The recovered tree nests the
        // later defines in the first, so usagevolume does not resolve: its
        // items are first read in v0.7.5, and as the broken releases date no
        // absence, their since stays the range 0.7.0 < since <= 0.7.5.
        const HistoryEntry *secret = pack->find(QStringLiteral("xml-element|secret"));
        QVERIFY(secret);
        QCOMPARE(pack->firstSeen(*secret), Version(0, 7, 1));
        QCOMPARE(pack->lastAbsentBefore(*secret), Version(0, 7, 0));
        const HistoryEntry *volume = pack->find(QStringLiteral("xml-element|secret/usage/volume"));
        QVERIFY(volume);
        QCOMPARE(pack->firstSeen(*volume), Version(0, 7, 5));
        QCOMPARE(pack->lastAbsentBefore(*volume), Version(0, 7, 0));
        // v1.2.17 and v1.2.18: libvirt-admin.h includes the private
        // "internal.h", so the headers do not parse: no API data.
        QCOMPARE(pack->releases().at(pack->releaseIndex(Version(1, 2, 17))).families,
                 (QStringList{QStringLiteral("config"), QStringLiteral("rpc"), QStringLiteral("virsh"),
                              QStringLiteral("xml")}));
        const HistoryEntry *adm = pack->find(QStringLiteral("symbol|virAdmConnectOpen"));
        QVERIFY(adm);
        QVERIFY(!pack->hasIn(*adm, pack->releaseIndex(Version(1, 3, 0))));
        QVERIFY(pack->hasIn(*adm, pack->releaseIndex(Version(1, 2, 18))));
        QCOMPARE(adm->file, QStringLiteral("include/libvirt/libvirt-admin.h"));
        QCOMPARE(adm->line, 53);
        QVERIFY(packHasNoText(*pack));
    }

    // XML paths whose canonical path changed when a schema was restructured
    // read as continuous presence. Checked by hand in the bundle:
    //   network/route: v1.0.5 docs/schemas/network.rng has no route; v1.0.6
    //   network.rng:324 has <element name="route"> inline under <network>
    //   (attributes family, address, netmask, prefix, gateway) up to v1.2.11;
    //   v1.2.12 network.rng:377 has <ref name="route"/> instead, the element
    //   now defined once in networkcommon.rng:232 and shared with
    //   interface.rng, so its canonical path is another one; <network><route>
    //   is still valid in v1.2.12 - v1.3.5.
    //   domain/devices/console/source: v0.6.0 domain.rng (the first release
    //   with schemas) has <console> with <ref name="qemucdev"/> (<source
    //   path=...>); v0.7.3 and v1.3.5 (domaincommon.rng:3378) still do, while
    //   the shared define's canonical path moved to another device.
    void xmlMoves_data()
    {
        QTest::addColumn<QString>("identity");
        QTest::addColumn<QString>("first");
        QTest::addColumn<QString>("absentBefore");
        QTest::newRow("network/route") << QStringLiteral("xml-element|network/route")
                                       << QStringLiteral("1.0.6") << QStringLiteral("1.0.5");
        QTest::newRow("network/route@gateway")
            << QStringLiteral("xml-attribute|network/route@gateway") << QStringLiteral("1.0.6")
            << QStringLiteral("1.0.5");
        QTest::newRow("console/source@path")
            << QStringLiteral("xml-attribute|domain/devices/console/source@path")
            << QStringLiteral("0.6.0") << QString();
    }

    void xmlMoves()
    {
        QFETCH(QString, identity);
        QFETCH(QString, first);
        QFETCH(QString, absentBefore);
        const HistoryPack *pack = bundlePack();
        if (!pack)
            QSKIP("the libvirt history bundle is absent");
        qInfo("XML move handling on the bundle: %d entries changed (%d backward, %d forward, "
              "%d gaps)",
              m_moves.entries, m_moves.backward, m_moves.forward, m_moves.gaps);
        QVERIFY(m_moves.entries > 0);
        for (const HistoryPack *p : {pack, &HistoryPack::builtin()}) {
            const HistoryEntry *e = p->find(identity);
            QVERIFY2(e, qPrintable(identity));
            QCOMPARE(p->firstSeen(*e).toString(), first);
            QCOMPARE(p->lastAbsentBefore(*e).toString(), absentBefore);
            QCOMPARE(p->removedIn(*e).toString(), QString());
            QVERIFY(p->hasIn(*e, p->releaseIndex(Version(1, 3, 5))));
        }
        const HistoryEntry *e = pack->find(identity);
        QCOMPARE(e->spans.size(), 1); // one continuous span, no removal + addition
    }

    // A real upstream tarball (Debian's .orig.tar.xz, fetched by
    // scripts/fetch-debian-sources) read like a source tree, next to v1.3.5
    // of the bundle. Checked by hand (tar -xJf, then grep -n):
    //   9.0.0 src/remote/remote_protocol.x:6976 REMOTE_PROC_DOMAIN_FD_ASSOCIATE = 443
    //   (the last procedure); v1.3.5 ends at 367, 7.0.0 at 425.
    //   9.0.0 has src/conf/schemas/*.rng (no docs/schemas) and meson.build
    //   version '9.0.0'.
    void tarball()
    {
        const QString file = sourcesDir() + QStringLiteral("/libvirt_9.0.0.orig.tar.xz");
        if (!QFileInfo::exists(file)) {
            if (vse::testdata::inCi())
                QFAIL(qPrintable(file + QStringLiteral(" is missing: CI runs "
                                                       "scripts/fetch-debian-sources first")));
            QSKIP(qPrintable(file + QStringLiteral(" is absent (scripts/fetch-debian-sources)")));
        }
        QTemporaryDir tmp;
        Diagnostics d;
        const auto v = HistoryBuilder::extractTarball(file, tmp.path() + QStringLiteral("/t"), &d);
        QVERIFY2(v, d.isEmpty() ? "" : qPrintable(d.constFirst().message));
        QCOMPARE(*v, Version(9, 0, 0));
        const QString t = tmp.path() + QStringLiteral("/t/");
        for (const char *f :
             {"meson.build", "src/remote/remote_protocol.x", "src/conf/schemas/domaincommon.rng",
              "src/libvirt_public.syms", "include/libvirt/libvirt-domain.h"})
            QVERIFY2(QFileInfo::exists(t + QLatin1String(f)), f);
        // Only the files the extractors read.
        QVERIFY(!QFileInfo::exists(t + QStringLiteral("tests")));
        QVERIFY(!QFileInfo::exists(t + QStringLiteral("docs/schemas")));

        const QString repo = cloneBundle();
        HistoryBuilder::Options o;
        if (!repo.isEmpty()) {
            o.gitRepo = repo;
            o.onlyTags = {QStringLiteral("v1.3.5")};
        }
        o.tarballs = {file};
        Diagnostics bd;
        const auto pack = HistoryBuilder::build(o, &bd);
        QVERIFY(pack);
        const HistoryRelease &rel = pack->releases().constLast();
        QCOMPARE(rel.version, Version(9, 0, 0));
        QCOMPARE(rel.source, QStringLiteral("debian-source:libvirt_9.0.0.orig.tar.xz"));
        QCOMPARE(rel.families, (QStringList{QStringLiteral("api"), QStringLiteral("config"), QStringLiteral("rpc"),
                                            QStringLiteral("virsh"), QStringLiteral("xml")}));
        const HistoryEntry *fd = pack->find(QStringLiteral("rpc-procedure|remote/443"));
        QVERIFY(fd);
        QCOMPARE(pack->names(*fd), QStringList{QStringLiteral("REMOTE_PROC_DOMAIN_FD_ASSOCIATE")});
        QCOMPARE(fd->file, QStringLiteral("src/remote/remote_protocol.x"));
        QCOMPARE(fd->line, 6976);
        QCOMPARE(pack->firstSeen(*fd), Version(9, 0, 0));
        if (!repo.isEmpty()) {
            QCOMPARE(pack->lastAbsentBefore(*fd), Version(1, 3, 5));
            // Present in both.
            const HistoryEntry *open = pack->find(QStringLiteral("rpc-procedure|remote/1"));
            QVERIFY(open);
            QCOMPARE(pack->firstSeen(*open), Version(1, 3, 5));
            QVERIFY(pack->hasIn(*open, 1));
        }
        // Schemas of src/conf/schemas were read.
        const HistoryEntry *tpm = pack->find(QStringLiteral("xml-element|domain/devices/tpm"));
        QVERIFY(tpm);
        QVERIFY(pack->hasIn(*tpm, int(pack->releases().size()) - 1));
        QVERIFY(packHasNoText(*pack));
    }

    // The `:since:` notes of a real tree's docs/*.rst, attributed to schema
    // items. Checked by hand in libvirt-9.0.0/docs/formatdomain.rst (tar -xJf,
    // grep -n):
    //   7784  :since:`'emulator' since 4.5.0` (after the passthrough example
    //         <tpm><backend type='passthrough'>) -> backend@type=emulator
    //   7852  ``persistent_state`` ... 7857 :since:`Since 7.0.0` (definition
    //         list, one note in its first paragraph) -> backend@persistent_state
    //   7766  :since:`'passthrough' since 1.0.5` (before its example)
    void rstNotes()
    {
        const QString file = sourcesDir() + QStringLiteral("/libvirt_9.0.0.orig.tar.xz");
        if (!QFileInfo::exists(file)) {
            if (vse::testdata::inCi())
                QFAIL(qPrintable(
                    file +
                    QStringLiteral(" is missing: CI runs scripts/fetch-debian-sources first")));
            QSKIP(qPrintable(file + QStringLiteral(" is absent (scripts/fetch-debian-sources)")));
        }
        QTemporaryDir tmp;
        Diagnostics d;
        QVERIFY(HistoryBuilder::extractTarball(file, tmp.path() + QStringLiteral("/t"), &d));
        QVERIFY(QFileInfo::exists(tmp.path() + QStringLiteral("/t/docs/formatdomain.rst")));
        const auto layout = SourceLayout::detect(tmp.path() + QStringLiteral("/t"), &d);
        QVERIFY(layout);
        const Release rel = ReleaseReader::read(*layout);
        const auto notes = DocSinceExtractor::readSourceTree(rel.items, layout->root);
        qInfo("%lld notes attributed in 9.0.0's docs/*.rst", qlonglong(notes.size()));
        QVERIFY(notes.size() > 100);
        QHash<QString, DocSinceExtractor::SourceNote> byName;
        for (const auto &n : notes) {
            QCOMPARE(n.source, QStringLiteral("rst"));
            byName.insert(rel.items.at(n.item).name, n);
        }
        const struct
        {
            const char *name;
            Version version;
            int line;
        } expected[] = {
            {"domain/devices/tpm/backend@type=emulator", Version(4, 5, 0), 7784},
            {"domain/devices/tpm/backend@type=passthrough", Version(1, 0, 5), 7766},
            {"domain/devices/tpm/backend@persistent_state", Version(7, 0, 0), 7857},
        };
        for (const auto &x : expected) {
            const auto it = byName.constFind(QLatin1String(x.name));
            QVERIFY2(it != byName.cend(), x.name);
            QCOMPARE(it->version, x.version);
            QCOMPARE(it->file, QStringLiteral("docs/formatdomain.rst"));
            QCOMPARE(it->line, x.line);
        }
    }

    // The agreement of the docs notes with the exact history since, computed
    // by the generator on the bundle and a tarball: every kept kind agrees
    // 95 % of the time or more, and the kept notes date entries after 1.3.5.
    void docsAgreement()
    {
        const QString file = sourcesDir() + QStringLiteral("/libvirt_9.0.0.orig.tar.xz");
        const QString repo = cloneBundle();
        if (!QFileInfo::exists(file) || repo.isEmpty()) {
            if (vse::testdata::inCi())
                QFAIL("the bundle and libvirt_9.0.0.orig.tar.xz are needed in CI");
            QSKIP("the bundle or the 9.0.0 tarball is absent");
        }
        HistoryBuilder::Options o;
        o.gitRepo = repo;
        o.tarballs = {file};
        QList<HistoryDocsAgreement> docs;
        o.docs = &docs;
        Diagnostics d;
        const auto pack = HistoryBuilder::build(o, &d);
        QVERIFY(pack);
        QCOMPARE(pack->docsAgreement().size(), docs.size());
        int kept = 0;
        for (const auto &a : docs) {
            qInfo("%s %s: %d of %d agree (%d %%) %s", qPrintable(a.source),
                  qPrintable(kindId(a.kind)), a.agree, a.compared, a.percent(),
                  a.kept ? "kept" : "dropped");
            QVERIFY(a.compared > 0);
            if (a.kept) {
                ++kept;
                QVERIFY(a.agree >= 0.95 * a.compared);
            }
        }
        QVERIFY(!docs.isEmpty());
        // Notes of both kinds were measured: old tags' .html.in, 9.0.0's .rst.
        QVERIFY(std::any_of(docs.cbegin(), docs.cend(),
                            [](const auto &a) { return a.source == QLatin1String("rst"); }));
        QVERIFY(std::any_of(docs.cbegin(), docs.cend(),
                            [](const auto &a) { return a.source == QLatin1String("html.in"); }));
        int dated = 0;
        for (const HistoryEntry &e : pack->entries()) {
            if (!e.attrs.contains(QStringLiteral("docSince")))
                continue;
            ++dated;
            // Only a kept kind dates an entry.
            const QString at = e.attrs.value(QStringLiteral("docSinceAt")).toString();
            const auto *a = pack->docsAgreementFor(
                at.section(QLatin1Char(':'), 0, 0).endsWith(QLatin1String(".rst"))
                    ? QStringLiteral("rst")
                    : QStringLiteral("html.in"),
                e.kind);
            QVERIFY(a && a->kept);
            const Version v = Version::parse(e.attrs.value(QStringLiteral("docSince")).toString());
            QVERIFY(pack->lastAbsentBefore(e) < v);
            QVERIFY(!(pack->firstSeen(e) < v));
            QVERIFY(e.attrs.value(QStringLiteral("docSinceAt"))
                        .toString()
                        .startsWith(QLatin1String("docs/")));
        }
        qInfo("%d kinds kept, %d entries dated by their docs", kept, dated);
        // The format round-trips with the docs lines.
        Diagnostics pd;
        const auto again = HistoryPack::parse(pack->serialize(), QStringLiteral("x"), &pd);
        QVERIFY(again);
        QCOMPARE(again->serialize(), pack->serialize());
        QCOMPARE(again->docsAgreement().size(), docs.size());
    }

    void hostileTarball_data()
    {
        QTest::addColumn<QString>("kind");
        QTest::addColumn<QString>("member"); // expected in the message
        QTest::newRow("absolute") << QStringLiteral("absolute") << QStringLiteral("/");
        QTest::newRow("dotdot") << QStringLiteral("dotdot")
                                << QStringLiteral("libvirt-1.0.0/../outside.h");
        QTest::newRow("symlink out")
            << QStringLiteral("symlink") << QStringLiteral("libvirt-1.0.0/include/libvirt");
        QTest::newRow("absolute symlink") << QStringLiteral("abssymlink")
                                          << QStringLiteral("libvirt-1.0.0/src/libvirt_qemu.syms");
        QTest::newRow("two top folders")
            << QStringLiteral("twotops") << QStringLiteral("\"other/\"");
    }

    void hostileTarball()
    {
        QFETCH(QString, kind);
        QFETCH(QString, member);
        QTemporaryDir tmp;
        const QString dir = tmp.path();
        QVERIFY(QDir(dir).mkpath(QStringLiteral("libvirt-1.0.0/src")));
        QVERIFY(QDir(dir).mkpath(QStringLiteral("libvirt-1.0.0/include")));
        QFile syms(dir + QStringLiteral("/libvirt-1.0.0/src/libvirt_public.syms"));
        QVERIFY(syms.open(QIODevice::WriteOnly));
        syms.write("LIBVIRT_0.0.3 {\n    global:\n        virConnectOpen;\n};\n");
        syms.close();
        QFile out(dir + QStringLiteral("/outside.h"));
        QVERIFY(out.open(QIODevice::WriteOnly));
        out.write("int outside;\n");
        out.close();
        const QString tarball = dir + QStringLiteral("/hostile.tar");
        QStringList args{QStringLiteral("-cPf"), tarball, QStringLiteral("libvirt-1.0.0")};
        if (kind == QLatin1String("absolute")) {
            args << out.fileName();
            member = out.fileName();
        } else if (kind == QLatin1String("dotdot")) {
            args << QStringLiteral("libvirt-1.0.0/../outside.h");
        } else if (kind == QLatin1String("symlink")) {
            QVERIFY(QFile::link(QStringLiteral("../../../outside"),
                                dir + QStringLiteral("/libvirt-1.0.0/include/libvirt")));
        } else if (kind == QLatin1String("abssymlink")) {
            QVERIFY(QFile::link(QStringLiteral("/etc/passwd"),
                                dir + QStringLiteral("/libvirt-1.0.0/src/libvirt_qemu.syms")));
        } else if (kind == QLatin1String("twotops")) {
            QVERIFY(QDir(dir).mkpath(QStringLiteral("other/src")));
            QVERIFY(QFile::copy(syms.fileName(),
                                dir + QStringLiteral("/other/src/libvirt_public.syms")));
            args << QStringLiteral("other");
        }
        QVERIFY(makeTar(dir, args));
        const QString dest = dir + QStringLiteral("/x");
        Diagnostics d;
        QVERIFY(!HistoryBuilder::extractTarball(tarball, dest, &d));
        QCOMPARE(d.size(), 1);
        const QString msg = d.constFirst().message;
        QVERIFY2(msg.contains(QStringLiteral("hostile.tar")) && msg.contains(member) &&
                     d.constFirst().isError(),
                 qPrintable(msg));
        QVERIFY(!QFileInfo::exists(dest + QStringLiteral("/src/libvirt_public.syms")));
        // The same tree without the hostile member is accepted.
        QVERIFY(makeTar(dir, {QStringLiteral("-cf"), dir + QStringLiteral("/good.tar"),
                              QStringLiteral("--exclude=libvirt_qemu.syms"),
                              QStringLiteral("--exclude=libvirt-1.0.0/include/libvirt"),
                              QStringLiteral("libvirt-1.0.0")}));
        Diagnostics g;
        const auto v = HistoryBuilder::extractTarball(dir + QStringLiteral("/good.tar"), dest, &g);
        QVERIFY2(v, g.isEmpty() ? "" : qPrintable(g.constFirst().message));
        QCOMPARE(*v, Version(1, 0, 0));
        QVERIFY(QFileInfo(dest + QStringLiteral("/src/libvirt_public.syms")).isFile());
    }

    void cli()
    {
        using vse::testdata::runCli;
        if (qEnvironmentVariable("VSE_CLI").isEmpty())
            QSKIP("VSE_CLI is not set");
        auto r = runCli({}, {QStringLiteral("history"), QStringLiteral("--json")});
        QCOMPARE(r.exitCode, 0);
        const QJsonObject o = QJsonDocument::fromJson(r.out.toUtf8()).object();
        // The bundle's 109 releases plus the Debian tarballs of later ones.
        QVERIFY(o.value(QStringLiteral("releases")).toInt() >= 109);
        QCOMPARE(o.value(QStringLiteral("first")).toString(), QStringLiteral("0.0.1"));
        QCOMPARE(o.value(QStringLiteral("exact")).toInt() +
                     o.value(QStringLiteral("ranged")).toInt(),
                 o.value(QStringLiteral("items")).toInt());
        r = runCli({}, {QStringLiteral("history")});
        QCOMPARE(r.exitCode, 0);
        // The bundle's 109 releases, 7.0.0, 9.0.0, 11.3.0 from Debian's
        // tarballs and 12.8.0, 12.9.0 from its package sets.
        QVERIFY2(r.out.contains(QStringLiteral("Releases: 114, 0.0.1 - 12.9.0")),
                 qPrintable(r.out));
        r = runCli({}, {QStringLiteral("history"), QStringLiteral("build"), QStringLiteral("--git"),
                        m_tmp.path()});
        QCOMPARE(r.exitCode, 2); // no --output
        r = runCli({}, {QStringLiteral("history"), QStringLiteral("build"), QStringLiteral("--git"),
                        m_tmp.path() + QStringLiteral("/none"), QStringLiteral("--output"),
                        m_tmp.path() + QStringLiteral("/out.tsv")});
        QCOMPARE(r.exitCode, 3);
        QVERIFY(!QFileInfo::exists(m_tmp.path() + QStringLiteral("/out.tsv")));
        QFile bad(m_tmp.path() + QStringLiteral("/bad.tsv"));
        QVERIFY(bad.open(QIODevice::WriteOnly));
        bad.write("vse-history\t1\nrelease\tnope\n");
        bad.close();
        QProcessEnvironment env;
        env.insert(QStringLiteral("VSE_HISTORY_PACK"), bad.fileName());
        r = runCli({}, {QStringLiteral("history")}, 60000, env);
        QCOMPARE(r.exitCode, 3);
        QVERIFY2(r.err.contains(bad.fileName() + QStringLiteral(":2:")), qPrintable(r.err));
        // `index` refuses it as well, naming the line, instead of writing an
        // index without any history; the previous index stays as it was.
        const QString index = m_tmp.path() + QStringLiteral("/bad-pack.sqlite");
        QFile previous(index);
        // (Recognisably one of the tool's indexes, though damaged: a file that
        // is not would be refused before the pack is even read.)
        const QByteArray previousBytes("SQLite format 3\0 CREATE TABLE releases( CREATE TABLE items( previous index", 74);
        QVERIFY(previous.open(QIODevice::WriteOnly));
        previous.write(previousBytes);
        previous.close();
        r = runCli(index, {QStringLiteral("index"), QStringLiteral("--source"), QStringLiteral("/")}, 120000, env);
        QCOMPARE(r.exitCode, 3);
        QVERIFY2(r.err.contains(bad.fileName() + QStringLiteral(":2:")), qPrintable(r.err));
        QVERIFY(previous.open(QIODevice::ReadOnly));
        QCOMPARE(previous.readAll(), previousBytes);
    }
};

QTEST_GUILESS_MAIN(TestHistoryPack)
#include "tst_historypack.moc"
