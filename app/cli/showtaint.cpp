#include "cli.h"

#include <QJsonArray>
#include <QJsonDocument>

#include <algorithm>

namespace vse::cli {

namespace {

// What kind of thing a trigger is, for a reader.
QString triggerKind(const TaintTrigger &t)
{
    if (t.match == QLatin1String("api"))
        return QStringLiteral("API");
    if (t.match == QLatin1String("xml"))
        return QStringLiteral("XML");
    if (t.match == QLatin1String("config"))
        return QStringLiteral("a daemon configuration setting");
    return QStringLiteral("a host condition, no interface");
}

QString viaText(const QString &via)
{
    if (via == QLatin1String("log-line"))
        return QStringLiteral("the guest log's line");
    if (via == QLatin1String("status-xml"))
        return QStringLiteral("a status file's <taint flag>");
    if (via == QLatin1String("daemon-message"))
        return QStringLiteral("virDomainGetMessages' words");
    return QStringLiteral("a taint reason");
}

// A configuration option goes by FILE:OPTION (several files have "user").
QString displayName(const Item &it)
{
    return it.kind == ItemKind::ConfigOption && !it.key.isEmpty() ? it.key : it.name;
}

// A pasted log is quoted cut in the middle.
QString quoted(const QString &typed)
{
    const QString one = typed.simplified();
    constexpr qsizetype kHead = 50, kTail = 30;
    return one.size() <= kHead + kTail + 3 ? one : one.left(kHead) + QStringLiteral("...") + one.right(kTail);
}

QJsonObject reasonJson(const Store &store, const TaintMention &m)
{
    QJsonArray triggers, items;
    for (const TaintTrigger &t : triggersOfTaint(m.reason.id)) {
        QJsonObject o{{QStringLiteral("match"), t.match}, {QStringLiteral("name"), t.name},
                      {QStringLiteral("source"), t.source}};
        if (!t.condition.isEmpty())
            o.insert(QStringLiteral("condition"), t.condition);
        triggers.append(o);
    }
    for (const Item &it : itemsSettingTaint(store, m.reason.id)) {
        QJsonObject o{{QStringLiteral("name"), displayName(it)},
                      {QStringLiteral("kind"), kindId(it.kind)},
                      {QStringLiteral("tier"), it.tier},
                      {QStringLiteral("sinceText"), it.sinceRange().toString()}};
        const QJsonObject since = it.sinceRange().toJson();
        for (auto f = since.constBegin(); f != since.constEnd(); ++f)
            o.insert(f.key(), f.value());
        items.append(o);
    }
    return QJsonObject{{QStringLiteral("id"), m.reason.id},
                       {QStringLiteral("via"), m.via},
                       {QStringLiteral("meaning"), m.reason.meaning},
                       {QStringLiteral("logLine"), taintLogLine(m.reason.id)},
                       {QStringLiteral("daemonMessage"), QString(QStringLiteral("tainted: ") + m.reason.daemonMessage)},
                       {QStringLiteral("triggers"), triggers},
                       {QStringLiteral("items"), items}};
}

void reasonText(Context &ctx, const Store &store, const TaintMention &m)
{
    const TaintReason &r = m.reason;
    ctx.out << r.id << " is a reason libvirt marks a guest tainted: " << r.meaning << '\n';
    ctx.out << "  Guest log:  " << taintLogLine(r.id) << '\n';
    if (!r.daemonMessage.isEmpty())
        ctx.out << "  Messages:   tainted: " << r.daemonMessage << " (virDomainGetMessages, libvirt 7.1.0 and newer)\n";
    const QList<TaintTrigger> triggers = triggersOfTaint(r.id);
    if (triggers.isEmpty()) {
        ctx.out << "  Set by:     nothing the policy's taint catalogue knows\n";
    } else {
        ctx.out << "  Set by (the policy's taint catalogue):\n";
        for (const TaintTrigger &t : triggers) {
            ctx.out << "    " << t.name << " (" << triggerKind(t) << ')';
            if (!t.condition.isEmpty())
                ctx.out << ", " << t.condition;
            ctx.out << "\n      evidence: " << t.source << '\n';
        }
    }
    const ItemList items = itemsSettingTaint(store, r.id);
    if (items.isEmpty()) {
        const bool interface = std::ranges::any_of(triggers, &TaintTrigger::isInterface);
        ctx.out << (interface ? "  No indexed item sets it (the indexed releases lack those interfaces).\n"
                              : "  No API or XML sets it: libvirt decides it from the host or the daemon's "
                                "configuration.\n");
        return;
    }
    ctx.out << "  Indexed items that set it (" << items.size() << "):\n";
    for (const Item &it : items)
        ctx.out << "    " << displayName(it).leftJustified(44) << ' ' << kindId(it.kind).leftJustified(13) << ' '
                << it.tier.leftJustified(20) << ' ' << it.sinceRange().toString() << '\n';
}

} // namespace

int showTaintReasons(Context &ctx, const Store &store, const QString &typed, const TaintMentions &mentions, bool json,
                     QJsonArray *batch)
{
    QStringList ids;
    for (const TaintMention &m : mentions.known)
        ids << m.reason.id;
    QString unknownText;
    if (!mentions.unknown.isEmpty())
        unknownText = QStringLiteral("'%1' %2 this tool's taint catalogue does not know (a newer libvirt's?)")
                          .arg(mentions.unknown.join(QStringLiteral("', '")),
                               mentions.unknown.size() == 1 ? QStringLiteral("is a reason") : QStringLiteral("are reasons"));
    if (json) {
        QJsonArray reasons;
        for (const TaintMention &m : mentions.known)
            reasons.append(reasonJson(store, m));
        QJsonObject o{{QStringLiteral("query"), typed},
                      {QStringLiteral("found"), !ids.isEmpty()},
                      {QStringLiteral("taintReasons"), reasons}};
        if (!mentions.unknown.isEmpty()) {
            o.insert(QStringLiteral("unknownTaintReasons"), QJsonArray::fromStringList(mentions.unknown));
            o.insert(QStringLiteral("hint"), unknownText);
        }
        if (batch)
            batch->append(o);
        else
            ctx.out << QJsonDocument(o).toJson(QJsonDocument::Indented);
    }
    if (ids.isEmpty()) {
        QStringList all;
        for (const TaintReason &r : Policy::instance().taintReasons())
            all << r.id;
        ctx.err << "virt-support show: no match for '" << quoted(typed) << "': " << unknownText
                << "; the reasons it knows: " << all.join(QStringLiteral(", ")) << '\n';
        return NotFound;
    }
    if (json)
        return Ok;
    // "tainted": every reason, a line each.
    if (mentions.asksForAll()) {
        ctx.out << "libvirt marks a guest tainted for these reasons ('virt-support show REASON' for what sets one; "
                   "the guest log says 'Domain id=N is tainted: REASON'):\n";
        for (const TaintMention &m : mentions.known)
            ctx.out << "  " << m.reason.id.leftJustified(26) << ' ' << m.reason.meaning << '\n';
        return Ok;
    }
    // How the text was read, unless it was the reason's own id.
    const bool said = mentions.known.size() > 1 || mentions.known.first().via != QLatin1String("taint-reason");
    if (said)
        ctx.out << "'" << quoted(typed) << "' names taint reason" << (ids.size() == 1 ? " " : "s ")
                << ids.join(QStringLiteral(", ")) << " (" << viaText(mentions.known.first().via) << ")\n";
    if (!unknownText.isEmpty())
        ctx.out << "Also " << unknownText << ".\n";
    for (qsizetype i = 0; i < mentions.known.size(); ++i) {
        if (i || said || !unknownText.isEmpty())
            ctx.out << '\n';
        reasonText(ctx, store, mentions.known.at(i));
    }
    return Ok;
}

} // namespace vse::cli
