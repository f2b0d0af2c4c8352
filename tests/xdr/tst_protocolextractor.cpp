#include "extract/xdr/protocolextractor.h"
#include "extract/xdr/rpcapilink.h"
#include "testdata.h"
#include "xdrtestutil.h"

#include <QDir>
#include <QDirIterator>
#include <QJsonArray>
#include <QRegularExpression>
#include <QTest>

using namespace vse;

namespace {

QString releaseRoot(const QString &release)
{
    return testdata::corpusDir() + QLatin1Char('/') + release;
}

const Item *findItem(const ItemList &items, ItemKind kind, const QString &identity)
{
    for (const auto &i : items)
        if (i.kind == kind && i.identity() == identity)
            return &i;
    return nullptr;
}

QStringList toStrings(const QJsonValue &v)
{
    QStringList out;
    for (const auto &x : v.toArray())
        out.append(x.toString());
    return out;
}

} // namespace

class TestProtocolExtractor : public QObject
{
    Q_OBJECT
private:
    QHash<QString, ExtractResult> m_cache;

    // Takes a plain C string for literals: a reference-returning function fed a
    // temporary QString trips GCC 13+'s -Wdangling-reference.
    const ExtractResult &tree(const char *release)
    {
        const QString name = QString::fromLatin1(release);
        return tree(name);
    }
    const ExtractResult &tree(const QString &release)
    {
        if (!m_cache.contains(release))
            m_cache.insert(release, ProtocolExtractor().extractTree(releaseRoot(release)));
        return m_cache[release];
    }

private Q_SLOTS:
    void everyReleaseExtractsWithoutErrors_data()
    {
        QTest::addColumn<QString>("release");
        for (const QString &r : testdata::corpusReleases())
            QTest::newRow(qPrintable(r)) << r;
    }
    void everyReleaseExtractsWithoutErrors()
    {
        VSE_REQUIRE_CORPUS();
        QFETCH(QString, release);
        const ExtractResult &r = tree(release);
        for (const auto &d : r.diagnostics)
            qWarning("%s", qPrintable(d.toString()));
        QVERIFY(!hasErrors(r.diagnostics));
        QVERIFY(r.diagnostics.isEmpty()); // every file is a known program
    }

    // Per file (= per program) and release: procedure count and highest number,
    // against a regex over the file text.
    void procedureCountsMatchRegex_data() { everyReleaseExtractsWithoutErrors_data(); }
    void procedureCountsMatchRegex()
    {
        VSE_REQUIRE_CORPUS();
        QFETCH(QString, release);
        const ExtractResult &r = tree(release);
        const QDir root(releaseRoot(release));
        QDirIterator it(root.filePath(QStringLiteral("src")), {QStringLiteral("*.x")}, QDir::Files,
                        QDirIterator::Subdirectories);
        int programsWithProcedures = 0;
        while (it.hasNext()) {
            const QString path = it.next();
            const QString rel = root.relativeFilePath(path);
            const xdrtest::ProcCount expected = xdrtest::countProceduresByRegex(path);
            const Item *program = nullptr;
            for (const auto &i : r.items)
                if (i.kind == ItemKind::RpcProgram && i.file == rel)
                    program = &i;
            QVERIFY2(program, qPrintable(rel));
            int count = 0;
            qint64 highest = 0;
            for (const auto &i : r.items) {
                if (i.kind != ItemKind::RpcProcedure || i.file != rel)
                    continue;
                ++count;
                highest =
                    std::max(highest, qint64(i.attrs.value(QLatin1String("number")).toInteger()));
                QCOMPARE(i.parent, program->name);
                QCOMPARE(i.key,
                         program->name + QLatin1Char('/') +
                             QString::number(i.attrs.value(QLatin1String("number")).toInteger()));
            }
            QCOMPARE(count, expected.count);
            QCOMPARE(highest, expected.highest);
            QCOMPARE(program->attrs.value(QLatin1String("procedureCount")).toInt(), expected.count);
            if (expected.count > 0) {
                ++programsWithProcedures;
                QCOMPARE(program->attrs.value(QLatin1String("highestProcedure")).toInteger(),
                         expected.highest);
            }
        }
        QVERIFY(programsWithProcedures >= 1);
    }

    void procedureOneIsRemoteOpen_data() { everyReleaseExtractsWithoutErrors_data(); }
    void procedureOneIsRemoteOpen()
    {
        VSE_REQUIRE_CORPUS();
        QFETCH(QString, release);
        const Item *p =
            findItem(tree(release).items, ItemKind::RpcProcedure, QStringLiteral("remote/1"));
        QVERIFY(p);
        const bool renamed = Version::parse(release) >= Version(1, 2, 0);
        QCOMPARE(p->name, renamed ? QStringLiteral("REMOTE_PROC_CONNECT_OPEN")
                                  : QStringLiteral("REMOTE_PROC_OPEN"));
        QCOMPARE(p->tier, QStringLiteral("stable-abi"));
    }

    void blockAnnotations()
    {
        VSE_REQUIRE_CORPUS();
        const ItemList &items = tree("1.3.5").items;
        const Item *p = nullptr;
        for (const auto &i : items)
            if (i.name == QLatin1String("REMOTE_PROC_DOMAIN_MIGRATE_FINISH3_PARAMS"))
                p = &i;
        QVERIFY(p);
        QCOMPARE(p->attrs.value(QLatin1String("generate")).toString(), QStringLiteral("none"));
        QCOMPARE(toStrings(p->attrs.value(QLatin1String("acl"))),
                 QStringList{QStringLiteral("domain:migrate")});
        QCOMPARE(p->attrs.value(QLatin1String("annotationStyle")).toString(),
                 QStringLiteral("block"));
        QCOMPARE(p->attrs.value(QLatin1String("apiKind")).toString(), QStringLiteral("internal"));
        QVERIFY(p->signature.contains(QLatin1String("@generate: none")));
        QVERIFY(p->signature.contains(
            QLatin1String("struct remote_domain_migrate_finish3_params_args")));
        QCOMPARE(p->attrs.value(QLatin1String("argsType")).toString(),
                 QStringLiteral("remote_domain_migrate_finish3_params_args"));
        QVERIFY(!p->attrs.value(QLatin1String("args")).toArray().isEmpty());
    }

    // Every "@acl:" line of every block is kept: compare with a regex count of
    // the lines in each block of remote_protocol.x.
    void severalAclLinesKept()
    {
        VSE_REQUIRE_CORPUS();
        const QString text =
            QString::fromUtf8(xdrtest::readFile(releaseRoot(QStringLiteral("1.3.5")) +
                                                QStringLiteral("/src/remote/remote_protocol.x")));
        static const QRegularExpression block(
            QStringLiteral("/\\*\\*((?:(?!\\*/).)*)\\*/\\s*(REMOTE_PROC_\\w+)\\s*="),
            QRegularExpression::DotMatchesEverythingOption);
        static const QRegularExpression aclLine(QStringLiteral("^\\s*\\*\\s*@acl:\\s*(\\S+)"),
                                                QRegularExpression::MultilineOption);
        const ItemList &items = tree("1.3.5").items;
        int multi = 0, total = 0;
        auto it = block.globalMatch(text);
        while (it.hasNext()) {
            const auto m = it.next();
            QStringList expected;
            auto a = aclLine.globalMatch(m.captured(1));
            while (a.hasNext())
                expected.append(a.next().captured(1));
            const Item *p = nullptr;
            for (const auto &i : items)
                if (i.kind == ItemKind::RpcProcedure && i.name == m.captured(2))
                    p = &i;
            QVERIFY2(p, qPrintable(m.captured(2)));
            QCOMPARE(toStrings(p->attrs.value(QLatin1String("acl"))), expected);
            multi += expected.size() > 1;
            ++total;
        }
        QVERIFY(total > 300);
        QVERIFY(multi > 5);
        // A known one with several @acl lines.
        const Item *save = findItem(items, ItemKind::RpcProcedure, QStringLiteral("remote/225"));
        QVERIFY(save);
        QVERIFY(toStrings(save->attrs.value(QLatin1String("acl"))).size() >= 2);
    }

    void trailingAnnotations()
    {
        VSE_REQUIRE_CORPUS();
        const QString path =
            releaseRoot(QStringLiteral("1.0.0")) + QStringLiteral("/src/remote/remote_protocol.x");
        const QString text = QString::fromUtf8(xdrtest::readFile(path));
        static const QRegularExpression line(
            QStringLiteral("^\\s*(REMOTE_PROC_\\w+)\\s*=\\s*(\\d+),?\\s*/"
                           "\\*\\s*(autogen|skipgen)\\s+(autogen|skipgen)([^*]*)\\*/"),
            QRegularExpression::MultilineOption);
        const ItemList &items = tree("1.0.0").items;
        int checked = 0, streams = 0, high = 0;
        auto it = line.globalMatch(text);
        while (it.hasNext()) {
            const auto m = it.next();
            const Item *p =
                findItem(items, ItemKind::RpcProcedure, QStringLiteral("remote/") + m.captured(2));
            QVERIFY(p);
            QCOMPARE(p->name, m.captured(1));
            const bool server = m.captured(3) == QLatin1String("autogen");
            const bool client = m.captured(4) == QLatin1String("autogen");
            const QString generate = server && client ? QStringLiteral("both")
                                     : server         ? QStringLiteral("server")
                                     : client         ? QStringLiteral("client")
                                                      : QStringLiteral("none");
            QCOMPARE(p->attrs.value(QLatin1String("generate")).toString(), generate);
            QCOMPARE(p->attrs.value(QLatin1String("annotationStyle")).toString(),
                     QStringLiteral("trailing"));
            if (m.captured(5).contains(QLatin1String("priority:high"))) {
                QCOMPARE(p->attrs.value(QLatin1String("priority")).toString(),
                         QStringLiteral("high"));
                ++high;
            }
            if (m.captured(5).contains(QLatin1String("stream@"))) {
                QVERIFY(p->attrs.contains(QLatin1String("readstream")) ||
                        p->attrs.contains(QLatin1String("writestream")));
                ++streams;
            }
            ++checked;
        }
        QCOMPARE(checked, xdrtest::countProceduresByRegex(path).count);
        QVERIFY(high > 50);
        QVERIFY(streams > 3);
    }

    void tiersPerProgram()
    {
        VSE_REQUIRE_CORPUS();
        const ItemList &items = tree("1.3.5").items;
        const struct
        {
            const char *program, *tier, *hypervisor;
        } expected[] = {{"remote", "stable-abi", ""},    {"virnet", "stable-abi", ""},
                        {"keepalive", "stable-abi", ""}, {"qemu", "stable-wire", "qemu"},
                        {"lxc", "stable-wire", "lxc"},   {"lock", "private", ""},
                        {"log", "private", ""},          {"admin", "private", ""},
                        {"lxc-monitor", "private", ""}};
        for (const auto &e : expected) {
            const QString program = QLatin1String(e.program);
            int seen = 0;
            for (const auto &i : items) {
                if (i.identity() != program && i.parent != program)
                    continue;
                QCOMPARE(i.tier, QLatin1String(e.tier));
                QCOMPARE(i.hypervisor, QLatin1String(e.hypervisor));
                QCOMPARE(i.origin, QStringLiteral("protocol:") + program);
                ++seen;
            }
            QVERIFY2(seen > 1, e.program);
        }
        // 0.10.0's src/lxc/lxc_protocol.x is the LXC monitor (by its program number).
        const Item *monitor = findItem(tree("0.10.0").items, ItemKind::RpcProgram,
                                       QStringLiteral("lxc-monitor"));
        QVERIFY(monitor);
        QCOMPARE(monitor->file, QStringLiteral("src/lxc/lxc_protocol.x"));
        QCOMPARE(monitor->tier, QStringLiteral("private"));
    }

    void programAndTypeItems()
    {
        VSE_REQUIRE_CORPUS();
        const ItemList &items = tree("1.3.5").items;
        const Item *remote = findItem(items, ItemKind::RpcProgram, QStringLiteral("remote"));
        QVERIFY(remote);
        QCOMPARE(remote->attrs.value(QLatin1String("numberHex")).toString(),
                 QStringLiteral("0x20008086"));
        QCOMPARE(remote->attrs.value(QLatin1String("version")).toString(), QStringLiteral("1"));
        QCOMPARE(remote->file, QStringLiteral("src/remote/remote_protocol.x"));

        const Item *create = findItem(items, ItemKind::RpcProcedure, QStringLiteral("remote/10"));
        QVERIFY(create);
        QCOMPARE(create->name, QStringLiteral("REMOTE_PROC_DOMAIN_CREATE_XML"));
        const QJsonArray args = create->attrs.value(QLatin1String("args")).toArray();
        QVERIFY(args.size() >= 2);
        QCOMPARE(args.at(0).toObject().value(QLatin1String("type")).toString(),
                 QStringLiteral("remote_nonnull_string"));
        QCOMPARE(create->attrs.value(QLatin1String("retType")).toString(),
                 QStringLiteral("remote_domain_create_xml_ret"));
        QVERIFY(create->line > 3000);

        const Item *param =
            findItem(items, ItemKind::RpcType, QStringLiteral("remote/remote_typed_param_value"));
        QVERIFY(param);
        QCOMPARE(param->attrs.value(QLatin1String("xdrKind")).toString(), QStringLiteral("union"));
        QVERIFY(param->signature.startsWith(
            QLatin1String("union remote_typed_param_value switch (int type) {")));
        QCOMPARE(param->attrs.value(QLatin1String("arms")).toArray().size(), 7);

        const Item *uuid = findItem(items, ItemKind::RpcType, QStringLiteral("remote/remote_uuid"));
        QVERIFY(uuid);
        QCOMPARE(uuid->attrs.value(QLatin1String("type")).toString(),
                 QStringLiteral("opaque[VIR_UUID_BUFLEN]"));

        const Item *constant =
            findItem(items, ItemKind::RpcConstant, QStringLiteral("remote/REMOTE_PROGRAM"));
        QVERIFY(constant);
        QCOMPARE(constant->attrs.value(QLatin1String("number")).toInteger(), qint64(0x20008086));
    }

    // Older releases name procedures differently (REMOTE_PROC_OPEN,
    // REMOTE_PROC_DOMAIN_DUMP_XML): report how far the naming rule gets there.
    void linkFractionPerRelease_data() { everyReleaseExtractsWithoutErrors_data(); }
    void linkFractionPerRelease()
    {
        VSE_REQUIRE_CORPUS();
        QFETCH(QString, release);
        const QDir apiDir(QStringLiteral("/usr/share/libvirt/api"));
        QStringList files;
        for (const QString &f : apiDir.entryList({QStringLiteral("*-api.xml")}))
            files.append(apiDir.filePath(f));
        if (files.isEmpty())
            QSKIP("installed libvirt API XML missing");
        ItemList apis = xdrtest::apiFunctionsFromXml(files);
        ItemList rpc = tree(release).items;
        linkProceduresToApis(rpc, apis);
        int candidates = 0, linked = 0;
        QStringList unlinked;
        for (const auto &p : rpc) {
            if (p.kind != ItemKind::RpcProcedure ||
                p.attrs.value(QLatin1String("apiKind")).toString() != QLatin1String("api"))
                continue;
            ++candidates;
            if (p.attrs.contains(QLatin1String("api")))
                ++linked;
            else
                unlinked.append(p.name);
        }
        qInfo("%s: %d of %d API procedures linked; unlinked: %s", qPrintable(release), linked,
              candidates, qPrintable(unlinked.join(QLatin1String(", "))));
        QVERIFY(double(linked) / candidates > 0.97);
    }

    void linksProceduresToApis()
    {
        VSE_REQUIRE_CORPUS();
        const QDir apiDir(QStringLiteral("/usr/share/libvirt/api"));
        if (!apiDir.exists(QStringLiteral("libvirt-api.xml")))
            QSKIP("installed libvirt API XML missing");
        QStringList files;
        for (const QString &f : apiDir.entryList({QStringLiteral("*-api.xml")}))
            files.append(apiDir.filePath(f));
        ItemList apis = xdrtest::apiFunctionsFromXml(files);
        QVERIFY(apis.size() > 400);
        ItemList rpc = tree("1.3.5").items;
        linkProceduresToApis(rpc, apis);
        linkProceduresToApis(rpc, apis); // idempotent

        int candidates = 0, linked = 0;
        QStringList unlinked;
        QHash<QString, int> kinds;
        QStringList internal;
        for (const auto &p : rpc) {
            if (p.kind != ItemKind::RpcProcedure)
                continue;
            const QString kind = p.attrs.value(QLatin1String("apiKind")).toString();
            const bool hasApi = p.attrs.contains(QLatin1String("api"));
            ++kinds[kind];
            if (kind == QLatin1String("internal"))
                internal.append(p.name);
            if (hasApi) {
                QCOMPARE(kind, QStringLiteral("api"));
                QCOMPARE(p.evidence.size(), 1);
                QCOMPARE(p.evidence.constFirst().kind, Evidence::Kind::ApiVersion);
            }
            if (kind != QLatin1String("api"))
                continue;
            ++candidates;
            if (hasApi)
                ++linked;
            else
                unlinked.append(p.name);
        }
        const double fraction = double(linked) / candidates;
        qInfo("1.3.5 procedures by apiKind: api %d, event %d, internal %d",
              kinds.value(QStringLiteral("api")), kinds.value(QStringLiteral("event")),
              kinds.value(QStringLiteral("internal")));
        qInfo("internal (no public API): %s", qPrintable(internal.join(QLatin1String(", "))));
        qInfo("1.3.5: %d of %d API procedures linked (%.1f %%); unlinked: %s", linked, candidates,
              fraction * 100, qPrintable(unlinked.join(QLatin1String(", "))));
        QVERIFY(fraction > 0.97);

        const auto check = [&](const char *key, const char *api) {
            const Item *p = findItem(rpc, ItemKind::RpcProcedure, QLatin1String(key));
            QVERIFY(p);
            QCOMPARE(p->attrs.value(QLatin1String("api")).toString(), QLatin1String(api));
            const Item *a = findItem(apis, ItemKind::Function, QLatin1String(api));
            QVERIFY(a);
            QCOMPARE(p->since(), a->since());
            const QJsonArray back = a->attrs.value(QLatin1String("procedures")).toArray();
            QCOMPARE(back.size(), 1);
            QCOMPARE(back.at(0).toObject().value(QLatin1String("name")).toString(), p->name);
            QCOMPARE(back.at(0).toObject().value(QLatin1String("acl")).toArray(),
                     p->attrs.value(QLatin1String("acl")).toArray());
        };
        check("remote/10", "virDomainCreateXML");
        check("remote/1", "virConnectOpen");
        check("qemu/1", "virDomainQemuMonitorCommand");
        check("lxc/1", "virDomainLxcOpenNamespace");
        check("admin/1", "virAdmConnectOpen");
    }
};

QTEST_GUILESS_MAIN(TestProtocolExtractor)
#include "tst_protocolextractor.moc"
