// Ranking and filters of the in-memory search on the installed libvirt.
#include "index/errorcodes.h"
#include "index/indexer.h"
#include "index/search.h"
#include "index/store.h"
#include "index/symbolnodes.h"
#include "index/taintmentions.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSet>
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
        QCOMPARE(SearchEngine::matchName(QStringLiteral("virdomaincreatexml"), QStringLiteral("dmcrxml"),
                                         u"virDomainCreateXML"),
                 MatchClass::Fuzzy);
        // The first letter must start a word: the d of "virdomain" written so does not.
        QCOMPARE(SearchEngine::matchName(QStringLiteral("virdomaincreatexml"), QStringLiteral("dmcrxml")), MatchClass::None);
        QCOMPARE(SearchEngine::matchName(QStringLiteral("remote_num_of_domains_ret"), QStringLiteral("memfd")),
                 MatchClass::None);
        QCOMPARE(SearchEngine::matchName(QStringLiteral("virdomaincreatexml"), QStringLiteral("xyz")), MatchClass::None);
        // Letters scattered over a long name are no fuzzy match; a later
        // start can still hold them close together.
        QCOMPARE(SearchEngine::matchName(QStringLiteral("remote_proc_node_num_of_devices"), QStringLiteral("memfd")),
                 MatchClass::None);
        QCOMPARE(SearchEngine::matchName(QStringLiteral("remote_proc_domain_is_updated"), QStringLiteral("tainted")),
                 MatchClass::None);
        QCOMPARE(SearchEngine::matchName(QStringLiteral("d_x_virdomaincreatexml"), QStringLiteral("dmcrxml"),
                                         u"d_x_virDomainCreateXML"),
                 MatchClass::Fuzzy);
        QVERIFY(SearchEngine::fuzzyMatch(u"abcdefgh", u"ah"));  // six letters between
        QVERIFY(!SearchEngine::fuzzyMatch(u"abcdefghi", u"ai")); // seven
        QVERIFY(SearchEngine::fuzzyMatch(u"axxxxxxxx_ab", u"ab")); // a later start, at a word
        QVERIFY(!SearchEngine::fuzzyMatch(u"axxxxxxxxab", u"ab"));  // a later start inside a word
        QVERIFY(SearchEngine::fuzzyMatch(u"axxxxxxxxab", u"ab", u"axxxxxxxxAb"));
        QVERIFY(!SearchEngine::fuzzyMatch(u"ab", u"a"));       // one letter: prefix or substring only
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

    // Fuzzy matches rank the tighter first: fewer letters of the name
    // skipped between the query's (separators do not count), then kind and
    // length as for any match.
    void fuzzyTighterFirst()
    {
        int gaps = -1;
        QVERIFY(SearchEngine::fuzzyMatch(u"virconnectlistdomains", u"lstdom", u"virConnectListDomains", &gaps));
        QCOMPARE(gaps, 1); // the i of List
        QVERIFY(SearchEngine::fuzzyMatch(u"virgetlasterrordomain", u"lstdom", u"virGetLastErrorDomain", &gaps));
        QCOMPARE(gaps, 6); // the a of Last, Error
        QVERIFY(SearchEngine::fuzzyMatch(u"remote_proc_connect_list_domains", u"lstdom", {}, &gaps));
        QCOMPARE(gaps, 1); // '_' is no letter
        // The tightest word start of the first letter counts, not the first one.
        QVERIFY(SearchEngine::fuzzyMatch(u"lookup_list_domains", u"lstdom", {}, &gaps));
        QCOMPARE(gaps, 1);
        // On the installed libvirt's names.
        const QStringList r = names(QStringLiteral("lstdom"));
        QVERIFY2(!r.isEmpty(), "no fuzzy match for lstdom");
        QCOMPARE(r.first(), QStringLiteral("virConnectListDomains"));
        QVERIFY(r.indexOf(QStringLiteral("REMOTE_PROC_CONNECT_LIST_DOMAINS")) < 0 ||
                r.indexOf(QStringLiteral("REMOTE_PROC_CONNECT_LIST_DOMAINS")) < r.indexOf(QStringLiteral("virGetLastErrorDomain")));
        QVERIFY(r.indexOf(QStringLiteral("virGetLastErrorDomain")) > r.indexOf(QStringLiteral("virConnectListAllDomains")) ||
                !r.contains(QStringLiteral("virGetLastErrorDomain")));
    }

    // "virDomainGet*", "*Migrate*Params", "dis?": shell patterns over the
    // whole name or an XML item's last segment, checked against Qt's own
    // wildcard translation over every row.
    void shellPatterns_data()
    {
        QTest::addColumn<QString>("pattern");
        for (const char *p : {"virDomainGet*", "*Migrate*Params", "dis?", "VIR_DOMAIN_*_LAST", "*qemu*", "?"})
            QTest::newRow(p) << QString::fromLatin1(p);
    }
    void shellPatterns()
    {
        QFETCH(QString, pattern);
        // By hand: Qt's own translation keeps '*' from crossing '/', and an
        // XML path's '*' must ("*qemu*" is every item of the qemu namespace).
        QString rx = QStringLiteral("^");
        for (const QChar c : pattern)
            rx += c == QLatin1Char('*')   ? QStringLiteral(".*")
                  : c == QLatin1Char('?') ? QStringLiteral(".")
                                          : QRegularExpression::escape(QString(c));
        const QRegularExpression re(rx + QLatin1Char('$'), QRegularExpression::CaseInsensitiveOption);
        QSet<QString> expected;
        for (const ItemSummary &s : m_engine.items()) {
            const QString last = s.name.section(QRegularExpression(QStringLiteral("[/@=]")), -1);
            if (s.latest && (re.match(s.name).hasMatch() || re.match(last).hasMatch()))
                expected.insert(s.name);
        }
        QSet<QString> got;
        for (const SearchHit &h : m_engine.search(SearchQuery::parse(pattern))) {
            QVERIFY(h.match == MatchClass::Wildcard || h.match == MatchClass::Exact);
            got.insert(m_engine.items().at(h.index).name);
        }
        QVERIFY(!expected.isEmpty());
        QVERIFY2(got == expected, qPrintable(QStringLiteral("only found: %1; only expected: %2")
                                                 .arg(QStringList((got - expected).values()).join(QLatin1Char(' ')),
                                                      QStringList((expected - got).values()).join(QLatin1Char(' ')))));
    }

    void patternsStayLinear()
    {
        // One backtrack point, not one per '*': a name of 5 000 'a's against
        // a pattern of 200 '*a' that cannot match ends at once.
        const QString name(5000, QLatin1Char('a'));
        QString pattern;
        for (int i = 0; i < 200; ++i)
            pattern += QStringLiteral("*a");
        QVERIFY(!SearchEngine::wildcardMatch(name, QString(pattern + QLatin1Char('b'))));
        QVERIFY(SearchEngine::wildcardMatch(name, pattern));
        QVERIFY(SearchEngine::wildcardMatch(QStringLiteral("domain/devices/disk"), QStringLiteral("d?sk")));
        QVERIFY(!SearchEngine::wildcardMatch(QStringLiteral("domain/devices/disk"), QStringLiteral("devices")));
    }

    void symbolVersionNodes()
    {
        const auto node = symbolNodeIn(QStringLiteral("version `LIBVIRT_QEMU_8.2.0' not found"));
        QVERIFY(node);
        QCOMPARE(node->node, QStringLiteral("LIBVIRT_QEMU_8.2.0"));
        QCOMPARE(node->library, QStringLiteral("libvirt-qemu.so.0"));
        QCOMPARE(node->release, Version(8, 2, 0));
        QVERIFY(!node->isPrivate);
        QVERIFY(symbolNodeIn(QStringLiteral("LIBVIRT_PRIVATE_9.0.0"))->isPrivate);
        QCOMPARE(symbolNodeIn(QStringLiteral("LIBVIRT_ADMIN_2.0.0"))->library, QStringLiteral("libvirt-admin.so.0"));
        QVERIFY(!symbolNodeIn(QStringLiteral("LIBVIRT_7.1")));
        QVERIFY(!symbolNodeIn(QStringLiteral("XLIBVIRT_7.1.0")));
        QVERIFY(!symbolNodeIn(QStringLiteral("LIBVIRT_7.1.0.1")));
        QCOMPARE(versionedSymbolFunction(QStringLiteral("virDomainGetMessages@@LIBVIRT_7.1.0")),
                 QStringLiteral("virDomainGetMessages"));
        QCOMPARE(versionedSymbolFunction(QStringLiteral("undefined reference to `virConnectOpen'")),
                 QStringLiteral("virConnectOpen"));
        QVERIFY(versionedSymbolFunction(QStringLiteral("virConnectOpen")).isEmpty());
    }

    // Taint reasons as tickets quote them; the daemon's words are the
    // catalogue's (taint.json), read here apart from the parser.
    void taintMentionsAsTicketsQuoteThem()
    {
        const auto ids = [](const QString &text) {
            QStringList out;
            for (const TaintMention &m : taintMentionsIn(text).known)
                out << m.reason.id + QLatin1Char('/') + m.via;
            return out;
        };
        QCOMPARE(ids(QStringLiteral(" Custom-Argv ")), QStringList{QStringLiteral("custom-argv/taint-reason")});
        // A guest log: several lines, in their order, each reason once; an id
        // the catalogue lacks is said apart.
        const QString log = QStringLiteral(
            "2024-05-02 10:11:12.345+0000: Domain id=3 is tainted: host-cpu\n"
            "2024-05-02 10:11:13.000+0000: Domain id=3 is tainted: frob-nicate\n"
            "2024-05-02 10:11:14.000+0000: Domain id=3 is tainted: custom-argv\n"
            "2024-05-02 10:11:15.000+0000: Domain id=3 is tainted: host-cpu\n");
        QCOMPARE(ids(log), (QStringList{QStringLiteral("host-cpu/log-line"), QStringLiteral("custom-argv/log-line")}));
        QCOMPARE(taintMentionsIn(log).unknown, QStringList{QStringLiteral("frob-nicate")});
        QCOMPARE(ids(QStringLiteral("<domstatus><taint flag='high-privileges'/>")),
                 QStringList{QStringLiteral("high-privileges/status-xml")});
        // virDomainGetMessages gives the reason's words, not its id.
        const TaintReason monitor = Policy::instance().taintReason(QStringLiteral("custom-monitor"));
        QVERIFY(!monitor.daemonMessage.isEmpty());
        QCOMPARE(ids(QStringLiteral("Messages:       tainted: ") + monitor.daemonMessage.toUpper()),
                 QStringList{QStringLiteral("custom-monitor/daemon-message")});
        QCOMPARE(ids(QStringLiteral("tainted: words no reason has")), QStringList());
        // Every reason for "tainted"; nothing for names that merely hold the letters.
        QCOMPARE(taintMentionsIn(QStringLiteral("Tainted")).known.size(), Policy::instance().taintReasons().size());
        QVERIFY(taintMentionsIn(QStringLiteral("VIR_DOMAIN_MESSAGE_TAINTING")).isEmpty());
        QVERIFY(taintMentionsIn(QStringLiteral("no-such-reason")).isEmpty());
        QVERIFY(taintMentionsIn(QStringLiteral("virConnectOpen")).isEmpty());
    }

    void quotedErrorMessagesStandWhole()
    {
        const QList<QuotedErrorMessage> known{{QStringLiteral("VIR_ERR_OPERATION_FAILED"), QStringLiteral("operation failed")},
                                              {QStringLiteral("VIR_ERR_NO_DOMAIN"), QStringLiteral("Domain not found")},
                                              {QStringLiteral("VIR_ERR_X"), QStringLiteral("operation failed badly")}};
        const auto codes = [&](const QString &text) {
            QStringList out;
            for (const QuotedErrorMessage &m : quotedErrorMessages(known, text))
                out << m.code;
            return out;
        };
        QCOMPARE(codes(QStringLiteral("error: domain not found: no domain 'x'")), QStringList{QStringLiteral("VIR_ERR_NO_DOMAIN")});
        // In the order they stand, each once.
        QCOMPARE(codes(QStringLiteral("operation failed: a\nerror: Domain not found\noperation failed: b")),
                 (QStringList{QStringLiteral("VIR_ERR_OPERATION_FAILED"), QStringLiteral("VIR_ERR_NO_DOMAIN")}));
        // The longer message where both start.
        QCOMPARE(codes(QStringLiteral("operation failed badly: x")), QStringList{QStringLiteral("VIR_ERR_X")});
        // Not inside a word, on either side.
        QVERIFY(codes(QStringLiteral("cooperation failed: x")).isEmpty());
        QVERIFY(codes(QStringLiteral("operation failedx")).isEmpty());
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
