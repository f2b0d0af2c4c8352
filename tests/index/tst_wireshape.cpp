// WireShapes: which changes to an RPC message keep its XDR encoding (RFC
// 4506): int / unsigned int / u_int / enum / bool are all four bytes, hyper
// eight; a renamed type with the same layout, or a renamed array bound,
// encodes the same; a union may gain arms at the end. Then the same on the
// real protocol files of the corpus, where the answer is read from the text.
#include "index/releasereader.h"
#include "index/sourcelayout.h"
#include "index/wireshape.h"
#include "testdata.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTest>

using namespace vse;

namespace {

QJsonArray fields(std::initializer_list<std::pair<const char *, const char *>> list)
{
    QJsonArray out;
    for (const auto &[name, type] : list)
        out.append(QJsonObject{{QStringLiteral("name"), QLatin1String(name)},
                               {QStringLiteral("type"), QLatin1String(type)}});
    return out;
}

Item rpcType(const char *name, const QJsonObject &attrs)
{
    Item it;
    it.kind = ItemKind::RpcType;
    it.name = QLatin1String(name);
    it.attrs = attrs;
    return it;
}

Item structType(const char *name, const QJsonArray &f)
{
    return rpcType(name, {{QStringLiteral("xdrKind"), QStringLiteral("struct")},
                          {QStringLiteral("fields"), f}});
}

Item typedefType(const char *name, const char *type)
{
    return rpcType(name, {{QStringLiteral("xdrKind"), QStringLiteral("typedef")},
                          {QStringLiteral("type"), QLatin1String(type)}});
}

Item unionType(const char *name, const char *discriminant, std::initializer_list<const char *> arms)
{
    QJsonArray a;
    for (const char *t : arms)
        a.append(QJsonObject{{QStringLiteral("type"), QLatin1String(t)}});
    return rpcType(name, {{QStringLiteral("xdrKind"), QStringLiteral("union")},
                          {QStringLiteral("discriminant"),
                           QJsonObject{{QStringLiteral("type"), QLatin1String(discriminant)}}},
                          {QStringLiteral("arms"), a}});
}

QString readText(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? QString::fromUtf8(f.readAll()) : QString();
}

} // namespace

class TestWireShape : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void fourByteIntegers_data()
    {
        QTest::addColumn<QString>("before");
        QTest::addColumn<QString>("after");
        QTest::addColumn<bool>("compatible");
        QTest::newRow("u_int -> unsigned int") << "u_int"
                                               << "unsigned int" << true;
        QTest::newRow("int -> unsigned int") << "int"
                                             << "unsigned int" << true;
        QTest::newRow("unsigned -> int") << "unsigned"
                                         << "int" << true;
        QTest::newRow("bool -> int") << "bool"
                                     << "int" << true;
        QTest::newRow("u_hyper -> unsigned hyper") << "u_hyper"
                                                   << "unsigned hyper" << true;
        QTest::newRow("hyper -> unsigned hyper") << "hyper"
                                                 << "unsigned hyper" << true;
        QTest::newRow("int -> hyper") << "int"
                                      << "hyper" << false;
        QTest::newRow("unsigned hyper -> unsigned int") << "unsigned hyper"
                                                        << "unsigned int" << false;
        QTest::newRow("float -> double") << "float"
                                         << "double" << false;
        QTest::newRow("string -> opaque") << "string<64>"
                                          << "opaque<64>" << false;
        QTest::newRow("bound renamed") << "string<REMOTE_STRING_MAX>"
                                       << "string<REMOTE_STRING_LIMIT>" << true;
        QTest::newRow("fixed size changed") << "opaque[16]"
                                            << "opaque[32]" << false;
        QTest::newRow("optional added") << "int"
                                        << "int*" << false;
        QTest::newRow("array of u_int -> unsigned int") << "u_int<16>"
                                                        << "unsigned int<>" << true;
    }
    void fourByteIntegers()
    {
        QFETCH(QString, before);
        QFETCH(QString, after);
        QFETCH(bool, compatible);
        const WireShapes none{ItemList()};
        const auto one = [](const QString &type) {
            return QJsonArray{QJsonObject{{QStringLiteral("name"), QStringLiteral("x")},
                                          {QStringLiteral("type"), type}}};
        };
        QCOMPARE(WireShapes::compatible(none, one(before), none, one(after)), compatible);
        QCOMPARE(WireShapes::compatible(none, one(after), none, one(before)), compatible);
    }

    void fieldsAddedOrRemovedBreak()
    {
        const WireShapes none{ItemList()};
        QVERIFY(!WireShapes::compatible(none, fields({{"a", "int"}}), none,
                                        fields({{"a", "int"}, {"b", "int"}})));
        QVERIFY(!WireShapes::compatible(none, fields({{"a", "int"}, {"b", "int"}}), none,
                                        fields({{"a", "int"}})));
        // Field names do not travel: a rename is the same message.
        QVERIFY(WireShapes::compatible(none, fields({{"a", "int"}}), none,
                                       fields({{"renamed", "int"}})));
        // Order matters.
        QVERIFY(!WireShapes::compatible(none, fields({{"a", "int"}, {"b", "hyper"}}), none,
                                        fields({{"b", "hyper"}, {"a", "int"}})));
    }

    void namedTypesAreExpanded()
    {
        // A struct renamed, with the same layout; a typedef to the same base.
        const ItemList a{structType("old_dom", fields({{"name", "string<256>"}, {"id", "int"}})),
                         typedefType("old_uuid", "opaque[16]")};
        const ItemList b{
            structType("new_dom", fields({{"name", "string<>"}, {"id", "unsigned int"}})),
            typedefType("new_uuid", "opaque[16]"),
            structType("wider_dom", fields({{"name", "string<>"}, {"id", "hyper"}}))};
        const WireShapes sa(a), sb(b);
        QVERIFY(WireShapes::compatible(sa, fields({{"d", "old_dom"}, {"u", "old_uuid"}}), sb,
                                       fields({{"d", "new_dom"}, {"u", "new_uuid"}})));
        QVERIFY(!WireShapes::compatible(sa, fields({{"d", "old_dom"}}), sb,
                                        fields({{"d", "wider_dom"}})));
        // A name neither release defines is only equal to itself.
        QVERIFY(
            WireShapes::compatible(sa, fields({{"d", "mystery"}}), sb, fields({{"d", "mystery"}})));
        QVERIFY(
            !WireShapes::compatible(sa, fields({{"d", "mystery"}}), sb, fields({{"d", "enigma"}})));
    }

    void unionsMayOnlyGrowAtTheEnd()
    {
        const ItemList a{unionType("u", "int", {"int", "hyper"})};
        const ItemList grown{unionType("u", "int", {"int", "hyper", "string<>"})};
        const ItemList shrunk{unionType("u", "int", {"int"})};
        const ItemList changed{unionType("u", "int", {"hyper", "int"})};
        const WireShapes sa(a), sg(grown), ss(shrunk), sc(changed);
        const QJsonArray f = fields({{"v", "u"}});
        QVERIFY(WireShapes::compatible(sa, f, sg, f));
        QVERIFY(!WireShapes::compatible(sa, f, ss, f));
        QVERIFY(!WireShapes::compatible(sa, f, sc, f));
    }

    void recursiveTypesEnd()
    {
        // A self-referencing list (as remote_error's optional pointers can be)
        // must not recurse forever.
        const ItemList a{structType("node", fields({{"v", "int"}, {"next", "node*"}}))};
        const WireShapes sa(a);
        const QJsonArray f = fields({{"n", "node"}});
        QVERIFY(WireShapes::compatible(sa, f, sa, f));
    }

    // The real change of 0.9.0 -> 0.10.0: remote_domain_memory_stats_args
    // went from u_int to unsigned int (read here from both files), which XDR
    // encodes identically; against a hyper field it would not be.
    void corpusMemoryStatsArgs()
    {
        VSE_REQUIRE_CORPUS();
        const QString c = testdata::corpusDir();
        static const QRegularExpression args(
            QStringLiteral("struct remote_domain_memory_stats_args \\{([^}]*)\\}"));
        static const QRegularExpression field(QStringLiteral("^\\s*(.+?)\\s+(\\w+)\\s*;"),
                                              QRegularExpression::MultilineOption);
        QJsonArray before, after;
        for (auto [release, out] : {std::pair{"0.9.0", &before}, std::pair{"0.10.0", &after}}) {
            const auto m = args.match(readText(c + QLatin1Char('/') + QLatin1String(release) +
                                               QStringLiteral("/src/remote/remote_protocol.x")));
            QVERIFY(m.hasMatch());
            for (auto f = field.globalMatch(m.captured(1)); f.hasNext();) {
                const auto fm = f.next();
                out->append(QJsonObject{{QStringLiteral("name"), fm.captured(2)},
                                        {QStringLiteral("type"), fm.captured(1)}});
            }
        }
        QCOMPARE(before.size(), 3);
        QCOMPARE(before.at(1).toObject().value(QStringLiteral("type")).toString(),
                 QStringLiteral("u_int"));
        QCOMPARE(after.at(1).toObject().value(QStringLiteral("type")).toString(),
                 QStringLiteral("unsigned int"));
        QVERIFY(before != after);
        // The releases' own types, as the indexer reads them.
        const auto types = [&](const char *release) {
            Diagnostics d;
            const auto layout =
                SourceLayout::detect(c + QLatin1Char('/') + QLatin1String(release), &d);
            return layout ? ReleaseReader::read(*layout).items : ItemList();
        };
        const ItemList a = types("0.9.0");
        const ItemList b = types("0.10.0");
        QVERIFY(a.size() > 100);
        const WireShapes sa(a), sb(b);
        QVERIFY(WireShapes::compatible(sa, before, sb, after));
        QJsonArray wider = after;
        QJsonObject last = wider.at(2).toObject();
        last.insert(QStringLiteral("type"), QStringLiteral("unsigned hyper"));
        wider.replace(2, last);
        QVERIFY(!WireShapes::compatible(sa, before, sb, wider));
    }
};

QTEST_GUILESS_MAIN(TestWireShape)
#include "tst_wireshape.moc"
