#include "taintmentions.h"

#include "store.h"

#include <QRegularExpression>

namespace vse {

namespace {

// A reason id's letters: "custom-argv", "high-privileges".
bool looksLikeReasonId(const QString &text)
{
    if (text.isEmpty() || text.size() > 40 || !text.contains(QLatin1Char('-')))
        return false;
    return std::all_of(text.cbegin(), text.cend(), [](QChar c) {
        return (c >= QLatin1Char('a') && c <= QLatin1Char('z')) || (c >= QLatin1Char('A') && c <= QLatin1Char('Z')) ||
               (c >= QLatin1Char('0') && c <= QLatin1Char('9')) || c == QLatin1Char('-');
    });
}

void add(TaintMentions &out, const QString &id, const QString &via)
{
    const TaintReason r = Policy::instance().taintReason(id);
    if (r.id.isEmpty()) {
        if (!out.unknown.contains(id))
            out.unknown << id;
        return;
    }
    for (const TaintMention &m : std::as_const(out.known))
        if (m.reason.id == r.id)
            return;
    out.known.append({r, via});
}

} // namespace

TaintMentions taintMentionsIn(const QString &typed)
{
    TaintMentions out;
    const QString text = typed.trimmed();
    // "tainted", "taint reasons": the whole catalogue.
    static const char *const catalogueWords[] = {"taint", "taints", "tainted", "taint reason", "taint reasons",
                                                 "tainted guest", "tainted guests"};
    if (text.size() <= 14) {
        const QString words = text.simplified().toLower();
        for (const char *w : catalogueWords)
            if (words == QLatin1String(w)) {
                for (const TaintReason &r : Policy::instance().taintReasons())
                    out.known.append({r, QStringLiteral("taint-catalogue")});
                return out;
            }
    }
    if (looksLikeReasonId(text)) {
        // Only a known reason: "custom-argv" typed is not a claim that some
        // reason of that name exists.
        if (const TaintReason r = Policy::instance().taintReason(text.toLower()); !r.id.isEmpty())
            out.known.append({r, QStringLiteral("taint-reason")});
        return out;
    }
    // The cheap test first: a query command compiles no pattern it does not need.
    if (!text.contains(QLatin1String("taint"), Qt::CaseInsensitive))
        return out;
    // Each form with its offset, so several lines of a log keep their order.
    struct Found
    {
        qsizetype at;
        QString id;
        QString via;
    };
    QList<Found> found;
    // The guest log and the journal: "Domain id=3 is tainted: custom-argv".
    static const QRegularExpression logLine(QStringLiteral("\\bis tainted: ([a-z0-9]+(?:-[a-z0-9]+)*)"));
    for (auto it = logLine.globalMatch(text); it.hasNext();) {
        const QRegularExpressionMatch m = it.next();
        found.append({m.capturedStart(), m.captured(1), QStringLiteral("log-line")});
    }
    // A running guest's status file: <taint flag='custom-argv'/>.
    static const QRegularExpression statusXml(QStringLiteral("<taint\\s+flag\\s*=\\s*['\"]([a-z0-9-]+)['\"]"));
    for (auto it = statusXml.globalMatch(text); it.hasNext();) {
        const QRegularExpressionMatch m = it.next();
        found.append({m.capturedStart(), m.captured(1), QStringLiteral("status-xml")});
    }
    // virDomainGetMessages: "tainted: " and the reason's message, not its
    // id; the message runs to the end of its line (a list of them: a comma
    // or a semicolon ends one too).
    static const QRegularExpression message(QStringLiteral("(?<!is )\\btainted: ([^\\n,;]+)"),
                                            QRegularExpression::CaseInsensitiveOption);
    for (auto it = message.globalMatch(text); it.hasNext();) {
        const QRegularExpressionMatch m = it.next();
        QString words = m.captured(1).trimmed();
        while (words.endsWith(QLatin1Char('.')) || words.endsWith(QLatin1Char('\'')) || words.endsWith(QLatin1Char('"')))
            words.chop(1);
        if (const TaintReason r = Policy::instance().taintReasonForMessage(words); !r.id.isEmpty())
            found.append({m.capturedStart(), r.id, QStringLiteral("daemon-message")});
    }
    std::stable_sort(found.begin(), found.end(), [](const Found &a, const Found &b) { return a.at < b.at; });
    for (const Found &f : std::as_const(found))
        add(out, f.id, f.via);
    return out;
}

ItemList itemsSettingTaint(const Store &store, const QString &reasonId)
{
    ItemList out;
    for (Item &it : store.itemsWithTaintText(QLatin1Char('"') + reasonId + QLatin1Char('"')))
        if (it.taints.contains(reasonId) && (out.isEmpty() || out.constLast().name != it.name))
            out.append(std::move(it));
    // Daemon settings that taint every guest with some values: their newest rows.
    for (const TaintTrigger &t : triggersOfTaint(reasonId))
        if (t.match == QLatin1String("config"))
            for (const QString &option : t.options)
                if (const ItemList rows = store.itemsByKey(t.file + QLatin1Char(':') + option); !rows.isEmpty())
                    out.append(rows.constLast());
    return out;
}

QList<TaintTrigger> triggersOfTaint(const QString &reasonId)
{
    QList<TaintTrigger> out;
    for (const TaintTrigger &t : Policy::instance().taintTriggers())
        if (t.taint == reasonId)
            out.append(t);
    return out;
}

QString taintLogLine(const QString &reasonId)
{
    return QStringLiteral("Domain id=N is tainted: ") + reasonId;
}

} // namespace vse
