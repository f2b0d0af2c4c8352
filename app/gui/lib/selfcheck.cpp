#include "selfcheck.h"

#include "model/policy.h"
#include "policyguide.h"
#include "policytext.h"

#include <QRandomGenerator>
#include <QSet>

#include <algorithm>

namespace vse::gui {

namespace {

using Type = SelfCheckQuestion::Type;

// The candidates of one question type, sorted by name so the seed alone
// decides the draw.
struct Pools
{
    QList<const ItemSummary *> taint, since, removal;
};

Pools collectPools(const PolicyGuide &guide)
{
    const IndexSnapshot &snap = *guide.snapshot();
    QSet<qint64> ids;
    for (const QString &tier : PolicyGuide::tierIds())
        for (const GuideExample &e : guide.examples(tier))
            ids.insert(e.id);
    // The tainting items too: "does this taint?" must sometimes be "yes".
    // Only where a taint starts (qemu:commandline, not each of its
    // attributes): an XML item inside a tainting one inherits its reasons.
    QSet<QString> taintingNames;
    for (const ItemSummary &s : snap.summaries())
        if (s.latest && s.tainted)
            taintingNames.insert(s.name);
    for (const ItemSummary &s : snap.summaries()) {
        if (!s.latest || !s.tainted)
            continue;
        bool inherited = false;
        for (qsizetype i = 1; i < s.name.size() && !inherited; ++i) {
            const QChar c = s.name.at(i);
            if (c == QLatin1Char('/') || c == QLatin1Char('@') || c == QLatin1Char('='))
                inherited = taintingNames.contains(s.name.left(i));
        }
        if (!inherited)
            ids.insert(s.id);
    }
    Pools p;
    for (const ItemSummary &s : snap.summaries()) {
        if (!s.latest || !ids.contains(s.id))
            continue;
        p.taint << &s;
        if (s.sinceExact)
            p.since << &s;
        if (s.tier != QLatin1String("unclassified") && !s.removed)
            p.removal << &s;
    }
    for (auto *list : {&p.taint, &p.since, &p.removal})
        std::sort(list->begin(), list->end(),
                  [](const ItemSummary *a, const ItemSummary *b) { return a->name < b->name; });
    return p;
}

QString taintEvidence(const Item &item)
{
    if (item.taints.isEmpty())
        return SelfCheck::tr("No taint reason of the catalogue applies to %1 (tier: %2).")
            .arg(item.name, policytext::tierLabel(item.tier));
    QStringList lines;
    const QList<TaintTrigger> triggers = Policy::instance().triggersFor(item);
    for (const QString &reason : item.taints) {
        QString line = reason + QStringLiteral(": ") + policytext::taintMeaning(reason);
        for (const TaintTrigger &t : triggers)
            if (t.taint == reason && !t.source.isEmpty())
                line += QLatin1Char(' ') + SelfCheck::tr("(source: %1)").arg(t.source);
        lines << line;
    }
    return SelfCheck::tr("%1 marks the guest tainted: %2")
        .arg(item.name, lines.join(QStringLiteral("; ")));
}

// Three other releases that items of the index were introduced in, drawn
// with the seed, and the right one; in release order.
QStringList sinceChoices(const QList<Version> &versions, const Version &right,
                         QRandomGenerator &rng, int *correct)
{
    QList<Version> pick{right};
    for (int tries = 0; pick.size() < 4 && tries < 100 && versions.size() > pick.size(); ++tries) {
        const Version v = versions.at(int(rng.bounded(quint32(versions.size()))));
        if (!pick.contains(v))
            pick << v;
    }
    std::sort(pick.begin(), pick.end());
    QStringList out;
    for (const Version &v : pick)
        out << v.toString();
    *correct = int(pick.indexOf(right));
    return out;
}

} // namespace

bool SelfCheck::mayBeRemoved(const QString &tierId)
{
    return Policy::instance().tier(tierId).group != QLatin1String("stable");
}

QList<SelfCheckQuestion> SelfCheck::generate(const PolicyGuide &guide, quint32 seed, int count)
{
    QList<SelfCheckQuestion> out;
    if (!guide.snapshot())
        return out;
    const IndexSnapshot &snap = *guide.snapshot();
    const Pools pools = collectPools(guide);
    QList<Version> versions;
    for (const ItemSummary *s : pools.since)
        if (!versions.contains(s->sinceUpTo))
            versions << s->sinceUpTo;
    std::sort(versions.begin(), versions.end());
    QRandomGenerator rng(seed);
    QSet<qint64> asked;
    const Type order[] = {Type::Taints, Type::Since, Type::MayBeRemoved};
    for (int i = 0; out.size() < count && i < count * 4; ++i) {
        const Type type = order[i % 3];
        const QList<const ItemSummary *> &pool = type == Type::Taints  ? pools.taint
                                                 : type == Type::Since ? pools.since
                                                                       : pools.removal;
        if (pool.isEmpty())
            continue;
        // Taint questions alternate between a tainting item and a harmless one.
        QList<const ItemSummary *> from;
        if (type == Type::Taints) {
            const bool wantTainted = (out.size() / 3) % 2 == 0;
            for (const ItemSummary *s : pool)
                if (s->tainted == wantTainted)
                    from << s;
        }
        if (from.isEmpty())
            from = pool;
        const ItemSummary *s = from.at(int(rng.bounded(quint32(from.size()))));
        if (asked.contains(s->id))
            continue;
        asked.insert(s->id);
        const Item item = snap.item(s->id);
        SelfCheckQuestion q;
        q.type = type;
        q.itemId = s->id;
        q.name = s->name;
        if (type == Type::Taints) {
            q.text = tr("Does %1 (%2) mark the guest tainted?").arg(s->name, kindLabel(s->kind));
            q.choices = {tr("Yes"), tr("No")};
            q.correct = item.taints.isEmpty() ? 1 : 0;
            q.evidence = taintEvidence(item);
        } else if (type == Type::Since) {
            q.text = tr("Since which libvirt release does %1 (%2) exist?")
                         .arg(s->name, kindLabel(s->kind));
            q.choices = sinceChoices(versions, s->sinceUpTo, rng, &q.correct);
            q.evidence = tr("Since %1").arg(item.sinceRange().explain());
        } else {
            q.text = tr("May a later libvirt release remove %1 (%2) or change what it means?")
                         .arg(s->name, kindLabel(s->kind));
            q.choices = {tr("Yes"), tr("No")};
            q.correct = mayBeRemoved(s->tier) ? 0 : 1;
            q.evidence = tr("Tier %1 (%2): %3")
                             .arg(policytext::tierLabel(s->tier),
                                  Policy::instance().originDescription(item.origin),
                                  policytext::tierRule(s->tier));
        }
        out << q;
    }
    return out;
}

} // namespace vse::gui
