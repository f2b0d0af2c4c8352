#include "guideexamples.h"

#include <QRegularExpression>

#include <algorithm>
#include <sqlite3.h>

namespace vse::gui {

namespace {

// Kinds in the order a class meets them; kinds not listed never serve as examples.
int kindOrder(ItemKind k)
{
    switch (k) {
    case ItemKind::Function:
        return 0;
    case ItemKind::XmlElement:
        return 1;
    case ItemKind::RpcProcedure:
        return 2;
    case ItemKind::Enum:
        return 3;
    case ItemKind::XmlAttribute:
        return 4;
    case ItemKind::EnumValue:
        return 5;
    case ItemKind::XmlValue:
        return 6;
    case ItemKind::RpcProgram:
        return 7;
    default:
        return -1;
    }
}

// Tiers whose items can mark a guest tainted: there the tainting ones lead.
bool tierCanTaint(const QString &tier)
{
    return tier == QLatin1String("hypervisor-specific") ||
           tier == QLatin1String("namespace-extension");
}

// Where an XML path nests: "domain/devices/disk@cache" has depth 3.
int depthOf(const QString &name)
{
    return int(name.count(QLatin1Char('/')) + name.count(QLatin1Char('@')));
}

// Whether `name` lives inside `outer` (an XML child or attribute of it).
bool isInside(const QString &name, const QString &outer)
{
    return name.size() > outer.size() && name.startsWith(outer) &&
           (name.at(outer.size()) == QLatin1Char('/') ||
            name.at(outer.size()) == QLatin1Char('@') || name.at(outer.size()) == QLatin1Char('='));
}

} // namespace

GuideExamples::GuideExamples(SnapshotPtr snapshot) : m_snapshot(std::move(snapshot))
{
    if (m_snapshot)
        countSignals();
}

bool GuideExamples::isExampleCandidate(const ItemSummary &s)
{
    if (!s.latest || s.removed || s.name.isEmpty() || kindOrder(s.kind) < 0)
        return false;
    if (s.name.startsWith(QLatin1Char('_')))
        return false;
    if (s.kind == ItemKind::EnumValue && s.name.endsWith(QLatin1String("_LAST")))
        return false;
    return true;
}

void GuideExamples::countSignals()
{
    // XML: how much lives under each element (its attributes, children, values).
    for (const ItemSummary &s : m_snapshot->summaries()) {
        if (!s.latest || kindFamily(s.kind) != QLatin1String("xml"))
            continue;
        for (qsizetype i = 0; i < s.name.size(); ++i) {
            const QChar c = s.name.at(i);
            if (c == QLatin1Char('/') || c == QLatin1Char('@') || c == QLatin1Char('='))
                ++m_inside[s.name.left(i)];
        }
    }
    // C names: mentions in the documentation of every item (one row per item).
    // One pass over the doc column; only names the index holds are kept below.
    static const QRegularExpression word(
        QStringLiteral("\\b(vir[A-Z][A-Za-z0-9]*|VIR_[A-Z0-9_]+)\\b"));
    sqlite3 *db = m_snapshot->store().handle();
    sqlite3_stmt *st = nullptr;
    if (db && sqlite3_prepare_v2(db, "SELECT doc FROM items WHERE latest = 1 AND doc <> ''", -1,
                                 &st, nullptr) == SQLITE_OK) {
        while (sqlite3_step(st) == SQLITE_ROW) {
            const auto *text = reinterpret_cast<const char *>(sqlite3_column_text(st, 0));
            const QString doc = QString::fromUtf8(text ? text : "");
            for (auto it = word.globalMatch(doc); it.hasNext();)
                ++m_mentions[it.next().captured(1)];
        }
    }
    sqlite3_finalize(st);
    // Usage: how many hypervisor drivers implement an API; a procedure counts
    // as much as the API it carries ("api" in its attrs).
    for (const ItemSummary &s : m_snapshot->summaries())
        if (s.latest && !s.drivers.isEmpty())
            m_drivers.insert(s.name, int(s.drivers.toString().count(QLatin1Char(',')) + 1));
    st = nullptr;
    if (db && sqlite3_prepare_v2(db,
                                 "SELECT name, json_extract(attrs, '$.api') FROM items "
                                 "WHERE kind = 'rpc-procedure' AND latest = 1 AND "
                                 "json_extract(attrs, '$.api') IS NOT NULL",
                                 -1, &st, nullptr) == SQLITE_OK) {
        while (sqlite3_step(st) == SQLITE_ROW) {
            const auto *proc = reinterpret_cast<const char *>(sqlite3_column_text(st, 0));
            const auto *api = reinterpret_cast<const char *>(sqlite3_column_text(st, 1));
            const QString apiName = QString::fromUtf8(api ? api : "");
            const QString procName = QString::fromUtf8(proc ? proc : "");
            m_drivers.insert(procName, m_drivers.value(apiName));
            m_mentions.insert(procName, m_mentions.value(apiName));
        }
    }
    sqlite3_finalize(st);
}

int GuideExamples::secondarySignalOf(const ItemSummary &s) const
{
    if (kindFamily(s.kind) == QLatin1String("xml"))
        return m_inside.value(s.name);
    return m_mentions.value(s.name);
}

int GuideExamples::tierCount(const QString &tierId) const
{
    if (!m_snapshot)
        return 0;
    int n = 0;
    for (const ItemSummary &s : m_snapshot->summaries())
        if (s.latest && s.tier == tierId)
            ++n;
    return n;
}

QList<GuideExample> GuideExamples::pick(const QString &tierId, int count) const
{
    QList<GuideExample> out;
    if (!m_snapshot || count <= 0)
        return out;
    struct Candidate
    {
        const ItemSummary *s;
        int drivers;   // implementations: the strongest usage signal
        int secondary; // documentation mentions (C) or items inside (XML)
    };
    QList<Candidate> cands;
    for (const ItemSummary &s : m_snapshot->summaries())
        if (s.tier == tierId && isExampleCandidate(s))
            cands.append({&s, m_drivers.value(s.name), secondarySignalOf(s)});
    const bool taintFirst = tierCanTaint(tierId);
    std::sort(cands.begin(), cands.end(), [taintFirst](const Candidate &a, const Candidate &b) {
        if (kindOrder(a.s->kind) != kindOrder(b.s->kind))
            return kindOrder(a.s->kind) < kindOrder(b.s->kind);
        if (taintFirst && a.s->tainted != b.s->tainted)
            return a.s->tainted;
        if (a.drivers != b.drivers)
            return a.drivers > b.drivers;
        // The longest in use first; an item whose since is unknown goes last.
        const Version va = a.s->sinceUpTo, vb = b.s->sinceUpTo;
        if (va.isValid() != vb.isValid())
            return va.isValid();
        if (va != vb)
            return va < vb;
        if (depthOf(a.s->name) != depthOf(b.s->name))
            return depthOf(a.s->name) < depthOf(b.s->name);
        if (a.secondary != b.secondary)
            return a.secondary > b.secondary;
        if (a.s->name.size() != b.s->name.size())
            return a.s->name.size() < b.s->name.size();
        return a.s->name < b.s->name;
    });
    // Half the list for the leading kind, then one of each further kind in
    // turn; an item inside one already picked waits for a second pass.
    QList<QList<Candidate>> byKind;
    for (const Candidate &c : std::as_const(cands)) {
        if (byKind.isEmpty() || byKind.constLast().constFirst().s->kind != c.s->kind)
            byKind.emplaceBack();
        byKind.last().append(c);
    }
    const auto already = [&out](const ItemSummary &s) {
        for (const GuideExample &e : out)
            if (e.name == s.name || isInside(s.name, e.name))
                return true;
        return false;
    };
    const auto take = [&](QList<Candidate> &list, bool allowInside) {
        for (qsizetype i = 0; i < list.size(); ++i) {
            const ItemSummary &s = *list.at(i).s;
            if (!allowInside && already(s))
                continue;
            out.append({s.id, s.name, s.kind, list.at(i).drivers, s.tainted,
                        s.sinceRange().displayPhrase()});
            list.removeAt(i);
            return true;
        }
        return false;
    };
    for (int pass = 0; pass < 2 && out.size() < count; ++pass) {
        const bool allowInside = pass == 1;
        const int leading = byKind.size() > 1 ? (count + 1) / 2 : count;
        for (int i = 0; i < leading && out.size() < count && !byKind.isEmpty(); ++i)
            if (!take(byKind.first(), allowInside))
                break;
        bool progress = true;
        while (out.size() < count && progress) {
            progress = false;
            for (QList<Candidate> &list : byKind) {
                if (out.size() >= count)
                    break;
                progress = take(list, allowInside) || progress;
            }
        }
    }
    return out;
}

} // namespace vse::gui
