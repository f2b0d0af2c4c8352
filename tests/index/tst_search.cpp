// Ranking and filters of the in-memory search on the installed libvirt.
#include "index/indexer.h"
#include "index/search.h"
#include "index/store.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace vse;

namespace {

// The tier ids resources/policy/tiers.json puts in a group.
QStringList tiersOfGroup(const QString &group)
{
    QFile f(qEnvironmentVariable("VSE_SOURCE_DIR") +
            QStringLiteral("/resources/policy/tiers.json"));
    if (!f.open(QIODevice::ReadOnly))
        return {};
    QStringList out;
    const QJsonArray tiers =
        QJsonDocument::fromJson(f.readAll()).object().value(QStringLiteral("tiers")).toArray();
    for (const QJsonValue &t : tiers)
        if (t.toObject().value(QStringLiteral("group")).toString() == group)
            out << t.toObject().value(QStringLiteral("id")).toString();
    return out;
}

} // namespace

class TestSearch : public QObject
{
    Q_OBJECT
    QTemporaryDir m_dir;
    SearchEngine m_engine;

    QStringList names(const QString &query, int limit = -1, ItemKind *kind = nullptr)
    {
        SearchQuery q = SearchQuery::parse(query);
        if (kind)
            q.kind = *kind;
        QStringList out;
        for (const auto &h : m_engine.search(q, limit))
            out << m_engine.items().at(h.index).name;
        return out;
    }

private Q_SLOTS:
    void initTestCase()
    {
        if (!QFile::exists(QStringLiteral("/usr/include/libvirt/libvirt.h")))
            QSKIP("libvirt-dev is not installed");
        const QString index = m_dir.filePath(QStringLiteral("i.sqlite"));
        QVERIFY(Indexer::run({QStringLiteral("/")}, index).ok);
        Store store;
        Diagnostics d;
        QVERIFY(store.open(index, &d));
        m_engine.setItems(store.summaries());
        QVERIFY(m_engine.items().size() > 5000);
    }

    void matchClasses()
    {
        QCOMPARE(SearchEngine::matchName(QStringLiteral("virdomaincreatexml"), QStringLiteral("virdomaincreatexml")),
                 MatchClass::Exact);
        QCOMPARE(SearchEngine::matchName(QStringLiteral("virdomaincreatexml"), QStringLiteral("virdomaincr")),
                 MatchClass::Prefix);
        QCOMPARE(SearchEngine::matchName(QStringLiteral("virdomaincreatexml"), QStringLiteral("createx")),
                 MatchClass::Substring);
        QCOMPARE(SearchEngine::matchName(QStringLiteral("virdomaincreatexml"), QStringLiteral("dmcrxml")),
                 MatchClass::Fuzzy);
        QCOMPARE(SearchEngine::matchName(QStringLiteral("virdomaincreatexml"), QStringLiteral("xyz")), MatchClass::None);
        // The last path segment counts as the name of an XML item.
        QCOMPARE(SearchEngine::matchName(QStringLiteral("domain/devices/disk"), QStringLiteral("disk")), MatchClass::Exact);
    }

    void exactFirstThenShorter()
    {
        const QStringList r = names(QStringLiteral("virDomainGetInfo"), 5);
        QCOMPARE(r.first(), QStringLiteral("virDomainGetInfo"));
        const QStringList fuzzy = names(QStringLiteral("dmcrxml"), 50);
        QVERIFY(fuzzy.contains(QStringLiteral("virDomainCreateXML")));
        // Shorter fuzzy matches rank before longer ones.
        QVERIFY(fuzzy.indexOf(QStringLiteral("virDomainCreateXML")) <
                fuzzy.indexOf(QStringLiteral("virDomainCreateXMLWithFiles")));
    }

    void scopes()
    {
        const SearchQuery q = SearchQuery::parse(QStringLiteral("xml:disk"));
        QCOMPARE(q.family, QStringLiteral("xml"));
        QCOMPARE(q.text, QStringLiteral("disk"));
        for (const auto &h : m_engine.search(q))
            QCOMPARE(kindFamily(m_engine.items().at(h.index).kind), QStringLiteral("xml"));
        QCOMPARE(names(QStringLiteral("xml:disk"), 1).first(), QStringLiteral("domain/devices/disk"));
        QVERIFY(names(QStringLiteral("api:disk")).size() > 0);
        // Not a scope: the colon is part of the text.
        QCOMPARE(SearchQuery::parse(QStringLiteral("qemu:commandline")).family, QString());
    }

    void filtersMatchAnIndependentCount()
    {
        // A tier group covers the tiers resources/policy/tiers.json puts in it,
        // read here from the file, not through Policy.
        for (const QString &group :
             {QStringLiteral("hypervisor-specific"), QStringLiteral("stable")}) {
            const QStringList tiers = tiersOfGroup(group);
            QVERIFY2(tiers.size() >= 2, qPrintable(group));
            SearchQuery q;
            q.tier = group;
            int expected = 0;
            for (const auto &s : m_engine.items())
                expected += tiers.contains(s.tier);
            QVERIFY(expected > 0);
            QCOMPARE(int(m_engine.search(q).size()), expected);
        }
        // One tier alone, not its group.
        SearchQuery one;
        one.tier = QStringLiteral("stable-value");
        int errorCodes = 0;
        for (const auto &s : m_engine.items())
            errorCodes += s.tier == QLatin1String("stable-value");
        QVERIFY(errorCodes > 0);
        QCOMPARE(int(m_engine.search(one).size()), errorCodes);

        SearchQuery old;
        old.maxVersion = Version(1, 0, 0);
        old.kind = ItemKind::Function;
        int functionsUpTo1 = 0;
        for (const auto &s : m_engine.items())
            functionsUpTo1 += s.kind == ItemKind::Function && (!s.sinceExact || s.sinceUpTo <= Version(1, 0, 0)) &&
                              !(s.sinceAfter.isValid() && Version(1, 0, 0) <= s.sinceAfter);
        QCOMPARE(int(m_engine.search(old).size()), functionsUpTo1);
    }
};

QTEST_GUILESS_MAIN(TestSearch)
#include "tst_search.moc"
