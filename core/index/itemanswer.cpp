#include "itemanswer.h"

#include "extract/tools/configextractor.h"

#include "historyapplier.h"
#include "itemjson.h"
#include "model/policy.h"
#include "model/releaseseries.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTextStream>

namespace vse {

namespace {

// A string or an array of strings ("api" is one name on a procedure).
QStringList stringsOf(const QJsonValue &v)
{
    QStringList out;
    if (v.isString())
        out << v.toString();
    for (const QJsonValue &e : v.toArray())
        if (e.isString())
            out << e.toString();
    return out;
}

// Names of a list of {name: …} objects (the procedures an API travels as).
QStringList namesOf(const QJsonValue &v)
{
    QStringList out;
    if (v.isString())
        out << v.toString();
    for (const QJsonValue &e : v.toArray()) {
        const QString n = e.isObject() ? e.toObject().value(QStringLiteral("name")).toString() : e.toString();
        if (!n.isEmpty())
            out << n;
    }
    return out;
}

QString attrText(const QJsonValue &v)
{
    if (v.isString())
        return v.toString();
    if (v.isDouble())
        return QString::number(v.toDouble(), 'g', 17);
    if (v.isBool())
        return v.toBool() ? QStringLiteral("yes") : QStringLiteral("no");
    if (v.isArray()) {
        QStringList parts;
        for (const auto &e : v.toArray()) {
            if (e.isObject()) {
                const auto o = e.toObject();
                QStringList kv;
                for (auto it = o.begin(); it != o.end(); ++it)
                    kv << it.key() + QLatin1Char('=') + attrText(it.value());
                parts << QLatin1Char('{') + kv.join(QStringLiteral(", ")) + QLatin1Char('}');
            } else {
                parts << attrText(e);
            }
        }
        return parts.join(QStringLiteral(", "));
    }
    if (v.isObject())
        return QString::fromUtf8(QJsonDocument(v.toObject()).toJson(QJsonDocument::Compact));
    return {};
}

// An XML item's value constraints ({"minInclusive":"1","pattern":"[0-9]+"}),
// as people read them: "≥ 1, pattern [0-9]+".
QString constraintsText(const QJsonObject &params)
{
    QStringList parts;
    if (params.contains(QStringLiteral("minInclusive")))
        parts << QStringLiteral("\u2265 ") + params.value(QStringLiteral("minInclusive")).toString();
    if (params.contains(QStringLiteral("maxInclusive")))
        parts << QStringLiteral("\u2264 ") + params.value(QStringLiteral("maxInclusive")).toString();
    if (params.contains(QStringLiteral("minLength")))
        parts << QStringLiteral("at least %1 characters").arg(params.value(QStringLiteral("minLength")).toString());
    if (params.contains(QStringLiteral("maxLength")))
        parts << QStringLiteral("at most %1 characters").arg(params.value(QStringLiteral("maxLength")).toString());
    QStringList patterns;
    for (const QJsonValue &v : params.value(QStringLiteral("patterns")).toArray())
        patterns << v.toString();
    if (patterns.isEmpty() && params.contains(QStringLiteral("pattern")))
        patterns << params.value(QStringLiteral("pattern")).toString();
    if (!patterns.isEmpty())
        parts << QStringLiteral("pattern ") + patterns.join(QStringLiteral(" or "));
    static const QStringList known{QStringLiteral("minInclusive"), QStringLiteral("maxInclusive"),
                                   QStringLiteral("minLength"),    QStringLiteral("maxLength"),
                                   QStringLiteral("pattern"),      QStringLiteral("patterns")};
    for (auto it = params.begin(); it != params.end(); ++it)
        if (!known.contains(it.key()))
            parts << it.key() + QLatin1Char(' ') + attrText(it.value());
    return parts.join(QStringLiteral(", "));
}

// The label of an attribute shown as it is ("datatype" -> "Data type");
// a key nobody named yet gets its first letter capitalised.
QString attrLabel(ItemKind kind, const QString &key)
{
    static const QHash<QString, QString> labels{
        {QStringLiteral("define"), QStringLiteral("Define")},
        {QStringLiteral("optional"), QStringLiteral("Optional")},
        {QStringLiteral("schema"), QStringLiteral("Schema")},
        {QStringLiteral("values"), QStringLiteral("Values")},
        {QStringLiteral("datatype"), QStringLiteral("Data type")},
        {QStringLiteral("aliases"), QStringLiteral("Aliases")},
        {QStringLiteral("ns"), QStringLiteral("Namespace")},
        {QStringLiteral("value"), QStringLiteral("Value")},
        {QStringLiteral("number"), QStringLiteral("Number")},
        {QStringLiteral("program"), QStringLiteral("Program")},
        {QStringLiteral("fields"), QStringLiteral("Fields")},
        {QStringLiteral("typedef"), QStringLiteral("Typedef")},
        {QStringLiteral("type"), QStringLiteral("Type")},
        {QStringLiteral("calls"), QStringLiteral("Calls")},
        {QStringLiteral("hidden"), QStringLiteral("Hidden")},
    };
    if (key == QLatin1String("params"))
        return kindFamily(kind) == QLatin1String("xml") ? QStringLiteral("Constraints") : QStringLiteral("Parameters");
    if (const auto it = labels.constFind(key); it != labels.cend())
        return *it;
    return key.isEmpty() ? key : key.at(0).toUpper() + key.mid(1);
}

// Attributes rendered as their own facts (or internal), not as "key: value".
bool ownFact(const QString &key)
{
    static const QStringList keys{
        QStringLiteral("drivers"),   QStringLiteral("children"),  QStringLiteral("latest"),
        QStringLiteral("removedIn"), QStringLiteral("releases"),  QStringLiteral("otherNames"),
        QStringLiteral("procedures"), QStringLiteral("proceduresFrom"), QStringLiteral("api"),
        QStringLiteral("acl"),
    };
    return key.startsWith(QLatin1Char('_')) || keys.contains(key) || HistoryApplier::ownedKeys().contains(key);
}

QJsonObject evidenceJson(const Evidence &e)
{
    QJsonObject o{{QStringLiteral("kind"), Evidence::kindId(e.kind)},
                  {QStringLiteral("version"), e.version.toString()},
                  {QStringLiteral("detail"), e.detail}};
    if (e.upperBoundOnly)
        o.insert(QStringLiteral("upperBoundOnly"), true);
    if (e.after.isValid())
        o.insert(QStringLiteral("notIn"), e.after.toString());
    if (e.unreliable)
        o.insert(QStringLiteral("unreliable"), true);
    return o;
}

// The facts of the tool kinds (virsh, configuration, error codes), and the
// attribute keys they consume (not repeated as raw "key: value" facts).
QList<ItemAnswer::Fact> kindFactsOf(const Item &item, QStringList *consumed)
{
    const QJsonObject &a = item.attrs;
    QList<ItemAnswer::Fact> facts;
    const auto text = [&a, consumed](const char *key) {
        *consumed << QLatin1String(key);
        return a.value(QLatin1String(key)).toString();
    };
    const auto add = [&facts](const QString &label, const QString &value) {
        if (!value.isEmpty())
            facts << ItemAnswer::Fact{label, value};
    };
    const auto yesNo = [](bool b) { return b ? QStringLiteral("yes") : QStringLiteral("no"); };
    switch (item.kind) {
    case ItemKind::VirshCommand: {
        add(QStringLiteral("Alias of"), text("aliasOf"));
        const QString output = text("output");
        const QString alternative = text("stableAlternative");
        if (output == QLatin1String("compound"))
            add(QStringLiteral("Output"),
                QStringLiteral("compound (a table or list): its layout is not stable") +
                    (alternative.isEmpty() ? QString() : QStringLiteral("; for scripts: ") + alternative));
        else if (output == QLatin1String("single"))
            add(QStringLiteral("Output"), QStringLiteral("a single item (stable)"));
        *consumed << QStringLiteral("options");
        if (a.contains(QStringLiteral("options")))
            add(QStringLiteral("Options"), QString::number(a.value(QStringLiteral("options")).toInt()));
        break;
    }
    case ItemKind::VirshOption: {
        add(QStringLiteral("Type"), text("type"));
        const QString alias = text("aliasOf");
        *consumed << QStringLiteral("required") << QStringLiteral("positional");
        if (!alias.isEmpty()) {
            add(QStringLiteral("Stands for"), alias);
        } else {
            add(QStringLiteral("Required"), yesNo(a.value(QStringLiteral("required")).toBool()));
            add(QStringLiteral("Positional"), yesNo(a.value(QStringLiteral("positional")).toBool()));
        }
        break;
    }
    case ItemKind::ConfigOption: {
        add(QStringLiteral("File"), text("file"));
        add(QStringLiteral("Type (lens)"), text("type"));
        add(QStringLiteral("Lens"), text("lens"));
        *consumed << QStringLiteral("inConf") << QStringLiteral("inLens") << QStringLiteral("defaults")
                  << QStringLiteral("commented");
        const bool inConf = a.value(QStringLiteral("inConf")).toBool(true);
        const bool inLens = a.value(QStringLiteral("inLens")).toBool(true);
        // Commented out, the shipped line is not in effect: it shows a
        // default or an example (qemu.conf's vnc_listen shows 0.0.0.0, the
        // built-in default is 127.0.0.1).
        const bool commented = a.value(QStringLiteral("commented")).toBool();
        add(QStringLiteral("State"),
            inConf && inLens    ? commented ? QStringLiteral("in the shipped file, commented out (not in effect as shipped), "
                                                             "and read by the lens")
                                            : QStringLiteral("in the shipped file and read by the lens")
            : !inConf && inLens ? QStringLiteral("dropped from the shipped file, still read by the lens")
            : inConf            ? commented ? QStringLiteral("in the shipped file, commented out (not in effect as "
                                                             "shipped), no lens entry")
                                            : QStringLiteral("in the shipped file, no lens entry")
                                : QStringLiteral("unknown"));
        // The shipped value in each release where it changed.
        QStringList shipped;
        for (const QJsonValue &step : a.value(QStringLiteral("defaults")).toArray()) {
            const QJsonArray s = step.toArray();
            shipped << s.at(0).toString() + QStringLiteral(": ") +
                           (s.at(1).isString() ? s.at(1).toString() : QStringLiteral("(not in the shipped file)")) +
                           (isBuildPlaceholder(s.at(1)) ? QStringLiteral(" (a build-time placeholder: set when libvirt is built)")
                                                        : QString());
        }
        const QString shippedDefault = text("default");
        if (!shipped.isEmpty())
            add(QStringLiteral("Shipped"), shipped.join(QStringLiteral("; ")));
        else
            add(QStringLiteral("Shipped"), shippedDefault);
        break;
    }
    case ItemKind::EnumValue: {
        const QString message = text("message");
        const QString fromHistory = text("historyMessage");
        if (!message.isEmpty())
            add(QStringLiteral("Message"), message);
        else if (!fromHistory.isEmpty())
            add(QStringLiteral("Message"), fromHistory + QStringLiteral(" (from the release history's virerror.c)"));
        break;
    }
    default:
        break;
    }
    return facts;
}

} // namespace

QString ItemAnswer::Removal::text() const
{
    if (!isRemoved())
        return {};
    QString t = after.isValid() && !ReleaseSeries::adjacent(after, in)
                    ? QString(after.toString() + QStringLiteral(" < removed \u2264 ") + in.toString())
                    : QString(QStringLiteral("in ") + in.toString());
    if (byDrivers)
        t += QStringLiteral(" (no hypervisor driver implements it any more; the symbol is still exported and calls "
                            "fail)");
    if (!how.isEmpty())
        t += QStringLiteral(" (") + how + QLatin1Char(')');
    return t;
}

// When an item stopped being usable, as far as the index knows. Two facts say
// so: "removedIn" (a newer release lacks the item) and the driver matrix, when
// every hypervisor driver that implemented an API dropped it although the
// symbol is still exported (the remote driver only forwards calls, so its
// column does not keep an API alive).
ItemAnswer::Removal ItemAnswer::removalOf(const QJsonObject &attrs)
{
    ItemAnswer::Removal r;
    r.in = Version::parse(attrs.value(QStringLiteral("removedIn")).toString());
    r.how = attrs.value(QStringLiteral("removedEvidence")).toString();
    if (r.isRemoved()) {
        r.after = Version::parse(attrs.value(QStringLiteral("removedAfter")).toString());
        return r;
    }
    Version last;
    int implementations = 0;
    for (const QJsonValue &v : attrs.value(QStringLiteral("drivers")).toArray()) {
        const QJsonObject d = v.toObject();
        if (d.value(QStringLiteral("driver")).toString() == QLatin1String("remote"))
            continue;
        ++implementations;
        const Version removed = Version::parse(d.value(QStringLiteral("removed")).toString());
        if (!removed.isValid())
            return {}; // a driver still implements it
        if (!last.isValid() || last < removed)
            last = removed;
    }
    if (implementations > 0) {
        r.in = last;
        r.byDrivers = true;
        r.how.clear();
    }
    return r;
}

QString ItemAnswer::Option::sinceText() const
{
    return since.isKnown() ? since.toString() : QStringLiteral("unknown");
}

QString ItemAnswer::Option::flagsText() const
{
    if (!aliasOf.isEmpty())
        return QStringLiteral("alias of ") + aliasOf;
    QStringList words{type};
    if (required)
        words << QStringLiteral("required");
    if (positional)
        words << QStringLiteral("positional");
    return words.join(QStringLiteral(", "));
}

QString ItemAnswer::Taint::conditionText() const
{
    if (whenNonEmpty)
        return QStringLiteral("when the list is not empty");
    QStringList quoted;
    for (const QString &v : whenValues)
        quoted << QLatin1Char('"') + v + QLatin1Char('"');
    const QString last = quoted.isEmpty() ? QString() : quoted.takeLast();
    return QStringLiteral("when set to ") +
           (quoted.isEmpty() ? last : quoted.join(QStringLiteral(", ")) + QStringLiteral(" or ") + last);
}

ItemAnswer ItemAnswer::of(const Item &item, const Context &context)
{
    const Policy &policy = Policy::instance();
    ItemAnswer a;
    a.item = item;
    a.kindLabel = vse::kindLabel(item.kind);
    const TierInfo tier = policy.tier(item.tier);
    a.tierLabel = tier.label.isEmpty() ? item.tier : tier.label;
    a.tierGroup = tier.group;
    a.tierRule = tier.rule;
    a.since = item.sinceRange();
    a.sinceText = a.since.isKnown() ? a.since.explain() : QStringLiteral("unknown (no evidence in the indexed data)");
    a.inconsistent = evidenceDisagrees(item.evidence);
    a.removal = removalOf(item.attrs);

    // The taint catalogue is read on first use: not for an item without taints.
    const QList<TaintTrigger> triggers = item.taints.isEmpty() ? QList<TaintTrigger>() : policy.triggersFor(item);
    for (const QString &t : item.taints) {
        Taint taint;
        taint.reason = t;
        taint.meaning = policy.taintReason(t).meaning;
        for (const TaintTrigger &trig : triggers)
            if (trig.taint == t && !taint.sources.contains(trig.source))
                taint.sources << trig.source;
        a.taints << taint;
    }

    // A daemon setting taints every guest the daemon starts, with some values
    // (qemu.conf user = "root"): the catalogue's config triggers.
    if (item.kind == ItemKind::ConfigOption)
        for (const TaintTrigger &trig : policy.configTriggersFor(item.parent, item.name)) {
            Taint taint;
            taint.reason = trig.taint;
            taint.meaning = policy.taintReason(trig.taint).meaning;
            taint.sources = {trig.source};
            taint.whenValues = trig.values;
            taint.whenNonEmpty = trig.nonEmpty;
            a.taints << taint;
        }

    // The banners, most serious first.
    for (const Taint &t : std::as_const(a.taints))
        a.notes << Note{QStringLiteral("taint"),
                        t.isConditional() ? QStringLiteral("Taints every guest the daemon starts %1: %2.")
                                                .arg(t.conditionText(), t.reason)
                                          : QStringLiteral("Taints the guest: %1.").arg(t.reason),
                        t.meaning};
    if (a.removal.isRemoved()) {
        const bool promised = tier.group == QLatin1String("stable");
        a.notes << Note{QStringLiteral("removed"), QStringLiteral("Removed %1.").arg(a.removal.text()),
                        promised ? QStringLiteral("A stable interface was removed: see the audit.")
                                 : QStringLiteral("Allowed for its tier (%1).").arg(a.tierLabel)};
    }
    a.fromHistory = item.attrs.value(QStringLiteral("fromHistory")).toString();
    a.newerThanIndexed = item.newerThanIndexed();
    if (!a.fromHistory.isEmpty())
        a.fromHistoryReason = !a.newerThanIndexed.isEmpty() ? QStringLiteral("newer")
                              : a.removal.isRemoved()      ? QStringLiteral("removed")
                                                           : QStringLiteral("no-data");
    if (!a.newerThanIndexed.isEmpty())
        a.notes << Note{QStringLiteral("newer"),
                        QStringLiteral("Not in the indexed releases: added after %1.").arg(a.newerThanIndexed),
                        a.since.exact ? QStringLiteral("Needs libvirt %1 or newer; the release history knows it.")
                                            .arg(a.since.upTo.toString())
                                      : QStringLiteral("Needs a libvirt newer than %1 (%2); the release history "
                                                       "knows it.")
                                            .arg(a.newerThanIndexed, a.since.toString())};
    if (item.tier == QLatin1String("namespace-extension"))
        a.notes << Note{QStringLiteral("namespace-extension"), QStringLiteral("Namespace extension."),
                        QStringLiteral("This XML lives in a hypervisor namespace; libvirt gives it no long-term "
                                       "guarantee.")};
    if (item.tier == QLatin1String("private"))
        a.notes << Note{QStringLiteral("private"), QStringLiteral("Private protocol."),
                        QStringLiteral("Only libvirt's own daemons speak this protocol; applications must not use "
                                       "it.")};
    else if (tier.group == QLatin1String("hypervisor-specific"))
        a.notes << Note{QStringLiteral("hypervisor-specific"), QStringLiteral("Hypervisor-specific."),
                        QStringLiteral("This interface may change or disappear in any release.")};
    for (const QString &w : item.warnings)
        a.notes << Note{QStringLiteral("warning"), QStringLiteral("Warning."), w};
    if (a.inconsistent)
        a.notes << Note{QStringLiteral("sources-disagree"), QStringLiteral("Sources disagree."),
                        QStringLiteral("The evidence names different releases; the range follows the strongest.")};

    if (!item.file.isEmpty())
        a.definedIn = item.line > 0 ? item.file + QLatin1Char(':') + QString::number(item.line) : item.file;
    a.releaseLabel = context.releaseLabel;
    a.releases = stringsOf(item.attrs.value(QStringLiteral("releases")));
    if (a.releases.isEmpty())
        a.releases = context.fallbackReleases;
    a.history = HistoryApplier::spansText(item.attrs);
    a.historyNoDataAfter = item.attrs.value(QStringLiteral("historyNoDataAfter")).toString();
    if (const QJsonArray spans = item.attrs.value(QStringLiteral("historySpans")).toArray(); !spans.isEmpty()) {
        const Version firstInHistory = Version::parse(spans.first().toObject().value(QStringLiteral("from")).toString());
        const Version since = item.sinceRange().exactVersion();
        if (since.isValid() && firstInHistory.isValid() && since < firstInHistory) {
            a.historyGapFrom = since.toString();
            a.historyGapTo = firstInHistory.toString();
        }
    }
    a.acceptedAsText = item.attrs.value(QStringLiteral("acceptedAsTextIn")).toString();
    a.otherNames = stringsOf(item.attrs.value(QStringLiteral("otherNames")));
    a.sameNameElsewhere = context.sameNameElsewhere;
    for (const QJsonValue &v : item.attrs.value(QStringLiteral("drivers")).toArray()) {
        const QJsonObject o = v.toObject();
        Driver d{o.value(QStringLiteral("driver")).toString(), o.value(QStringLiteral("since")).toString(),
                 o.value(QStringLiteral("removed")).toString(), o.value(QStringLiteral("evidence")).toString()};
        if (!d.driver.isEmpty())
            a.drivers << d;
    }
    a.procedures = namesOf(item.attrs.value(QStringLiteral("procedures")));
    a.proceduresFrom = context.proceduresFrom.isEmpty() ? item.attrs.value(QStringLiteral("proceduresFrom")).toString()
                                                        : context.proceduresFrom;
    a.api = stringsOf(item.attrs.value(QStringLiteral("api")));
    a.acl = stringsOf(item.attrs.value(QStringLiteral("acl")));
    if (a.acl.isEmpty()) {
        // The access checks of the procedures an API travels as.
        for (const QJsonValue &p : item.attrs.value(QStringLiteral("procedures")).toArray())
            a.acl << stringsOf(p.toObject().value(QStringLiteral("acl")));
        a.acl.removeDuplicates();
    }
    QStringList consumed;
    a.kindFacts = kindFactsOf(item, &consumed);
    // A path reached through a define another path owns (HistoryApplier).
    if (const QString of = item.attrs.value(QStringLiteral("aliasPathOf")).toString(); !of.isEmpty()) {
        a.otherFacts << qMakePair(QStringLiteral("Same as"),
                                  of + QStringLiteral(" (one definition in the schema; this path has its own history)"));
        consumed << QStringLiteral("aliasPathOf");
    }
    // A procedure's program and number are its identity (remote/305).
    if (item.kind == ItemKind::RpcProcedure)
        consumed << QStringLiteral("program") << QStringLiteral("number");
    for (auto it = item.attrs.begin(); it != item.attrs.end(); ++it) {
        if (ownFact(it.key()) || consumed.contains(it.key()))
            continue;
        const QString text = it.key() == QLatin1String("params") && it.value().isObject()
                                 ? constraintsText(it.value().toObject())
                                 : attrText(it.value());
        if (!text.isEmpty())
            a.otherFacts << qMakePair(attrLabel(item.kind, it.key()), text);
    }
    for (const Item &part : context.parts) {
        if (part.kind != ItemKind::VirshOption || part.parent != item.name)
            continue;
        Option o;
        o.name = QStringLiteral("--") + part.name.section(QStringLiteral(" --"), 1);
        o.type = part.attrs.value(QStringLiteral("type")).toString();
        o.required = part.attrs.value(QStringLiteral("required")).toBool();
        o.positional = part.attrs.value(QStringLiteral("positional")).toBool();
        o.aliasOf = part.attrs.value(QStringLiteral("aliasOf")).toString();
        o.since = part.sinceRange();
        a.options << o;
    }
    if (!a.options.isEmpty()) {
        // The usage line virsh's help prints, from the same facts.
        QStringList words{item.name};
        for (const Option &o : std::as_const(a.options)) {
            if (!o.aliasOf.isEmpty())
                continue;
            const QString bare = o.name.mid(2);
            const QString word = o.type == QLatin1String("bool") ? o.name
                                 : o.positional ? QStringLiteral("[%1] <%2>").arg(o.name, bare)
                                                : QStringLiteral("%1 <%2>").arg(o.name, o.type);
            words << (o.required ? word : QLatin1Char('[') + word + QLatin1Char(']'));
        }
        a.synopsis = words.join(QLatin1Char(' '));
    }
    return a;
}

QString ItemAnswer::historyText() const
{
    QStringList notes;
    // Read alone, "9.0.0 - 12.9.0" would look like its since.
    if (!historyGapFrom.isEmpty())
        notes << QStringLiteral("the history's first release from %1 on is %2").arg(historyGapFrom, historyGapTo);
    if (!historyNoDataAfter.isEmpty())
        notes << QStringLiteral("the history's releases after %1 have no data for it").arg(historyNoDataAfter);
    if (history.isEmpty() || notes.isEmpty())
        return history;
    return history + QStringLiteral(" (") + notes.join(QStringLiteral("; ")) + QLatin1Char(')');
}

QString ItemAnswer::fromHistoryText() const
{
    if (fromHistory.isEmpty())
        return {};
    const QString why = fromHistoryReason == QLatin1String("newer")
                            ? QStringLiteral("newer than every indexed release with this kind of data; the newest "
                                             "is %1")
                                  .arg(newerThanIndexed)
                        : fromHistoryReason == QLatin1String("removed")
                            ? QStringLiteral("removed before the indexed releases")
                            : QStringLiteral("no indexed release has this item's files");
    return QStringLiteral("the release history's %1 (%2)").arg(fromHistory, why);
}

QList<QPair<QString, QString>> ItemAnswer::factLines() const
{
    QList<QPair<QString, QString>> lines;
    const auto add = [&lines](const QString &label, const QString &value) {
        if (!value.isEmpty())
            lines << qMakePair(label, value);
    };
    if (item.identity() != item.name)
        add(QStringLiteral("Identity"), item.identity());
    // A removed item of a tier that promises to stay: the rule is what was
    // promised, not what happened, so say the promise was broken first.
    if (removal.isRemoved() && tierGroup == QLatin1String("stable"))
        add(QStringLiteral("Tier"), tierLabel +
                                        QStringLiteral(" \u2014 promised to stay, yet removed; the tier's rule: ") +
                                        tierRule);
    else
        add(QStringLiteral("Tier"), tierLabel + QStringLiteral(" \u2014 ") + tierRule);
    add(QStringLiteral("Hypervisor"), item.hypervisor);
    add(QStringLiteral("Since"), sinceText);
    add(QStringLiteral("Removed"), removal.text());
    if (!sameNameElsewhere.isEmpty()) {
        QStringList at;
        for (const auto &[name, since] : sameNameElsewhere)
            at << name + QStringLiteral(" (") + since.phrase() +
                      (appearedWhenRemoved(since) ? QStringLiteral(", the release that dropped this path") : QString()) +
                      QLatin1Char(')');
        add(QStringLiteral("Also at"),
            at.join(QStringLiteral("; ")) + QStringLiteral(" \u2014 the same name, still there: perhaps it moved (the release "
                                                           "history records paths, not moves)"));
    }
    for (const Taint &t : taints) {
        add(QStringLiteral("Taint"), t.reason + (t.isConditional() ? QLatin1Char(' ') + t.conditionText() : QString()) +
                                         QStringLiteral(" \u2014 ") + t.meaning);
        for (const QString &s : t.sources)
            add(QStringLiteral("  source"), s);
    }
    for (const Note &n : notes)
        if (n.kind != QLatin1String("taint") && n.kind != QLatin1String("removed") &&
            n.kind != QLatin1String("warning") && n.kind != QLatin1String("sources-disagree"))
            add(QStringLiteral("Note"), n.title + QLatin1Char(' ') + n.text);
    for (const QString &w : item.warnings)
        add(QStringLiteral("Warning"), w);
    // A configuration option's parent is its file, which the File fact names.
    if (item.kind != ItemKind::ConfigOption)
        add(QStringLiteral("Parent"), item.parent);
    add(QStringLiteral("Defined in"), definedIn);
    add(QStringLiteral("Release"), releaseLabel);
    add(QStringLiteral("Releases"), releases.join(QStringLiteral(", ")));
    add(QStringLiteral("History"), historyText());
    if (!acceptedAsText.isEmpty())
        add(QStringLiteral("Accepted"),
            QStringLiteral("as plain text in %1 and before, while %2 took any value; checks for older targets "
                           "follow %2")
                .arg(acceptedAsText, item.parent));
    add(QStringLiteral("From"), fromHistoryText());
    add(QStringLiteral("Other names"), otherNames.join(QStringLiteral(", ")));
    QStringList driverTexts;
    for (const Driver &d : drivers)
        driverTexts << d.driver + QLatin1Char(' ') + d.since +
                           (d.removed.isEmpty() ? QString() : QStringLiteral(" (removed ") + d.removed + QLatin1Char(')'));
    // Said when no indexed file gave them (no libvirt-doc): the history's release.
    QString driversFrom;
    if (!drivers.isEmpty() && drivers.constFirst().evidence.startsWith(QLatin1String("release history")))
        driversFrom = QStringLiteral(" (from the ") + drivers.constFirst().evidence + QLatin1Char(')');
    add(QStringLiteral("Drivers"), driverTexts.join(QStringLiteral(", ")) + (driverTexts.isEmpty() ? QString() : driversFrom));
    for (const Fact &f : kindFacts)
        add(f.label, f.text);
    add(QStringLiteral("Procedures"), procedures.join(QStringLiteral(", ")) +
                                          (procedures.isEmpty() || proceduresFrom.isEmpty()
                                               ? QString()
                                               : QStringLiteral(" (as of ") + proceduresFrom + QLatin1Char(')')));
    add(QStringLiteral("Carries API"), api.join(QStringLiteral(", ")));
    add(QStringLiteral("ACL"), acl.join(QStringLiteral(", ")));
    for (const auto &f : otherFacts)
        add(f.first, f.second);
    return lines;
}

QString ItemAnswer::toText() const
{
    QString out;
    QTextStream o(&out);
    // log_level is an option of three files: the heading says which.
    if (item.kind == ItemKind::ConfigOption && !item.parent.isEmpty())
        o << item.name << "  (" << kindLabel << " of " << item.parent << ")\n";
    else
        o << item.name << "  (" << kindLabel << ")\n";
    // Every piece of evidence right below the range it supports.
    bool evidenceDone = item.evidence.size() <= 1 && !inconsistent;
    static const QStringList head{QStringLiteral("Identity"), QStringLiteral("Tier"), QStringLiteral("Hypervisor"),
                                  QStringLiteral("Since"), QStringLiteral("Removed")};
    const auto evidenceBlock = [&] {
        o << "  Evidence:" << (inconsistent ? "   sources DISAGREE:\n" : "\n");
        for (const auto &e : item.evidence)
            o << "    - " << e.describe() << '\n';
        evidenceDone = true;
    };
    for (const auto &[label, value] : factLines()) {
        if (!evidenceDone && !head.contains(label))
            evidenceBlock();
        QString l = label + QLatin1Char(':');
        l = l.leftJustified(12);
        if (!l.endsWith(QLatin1Char(' ')))
            l += QLatin1Char(' ');
        o << "  " << l << value << '\n';
    }
    if (!evidenceDone)
        evidenceBlock();
    if (!synopsis.isEmpty())
        o << "  Synopsis:\n    " << synopsis << '\n';
    if (!options.isEmpty()) {
        o << "  Options:\n";
        for (const Option &x : options)
            o << "    " << x.name.leftJustified(26) << ' ' << x.flagsText().leftJustified(34) << " since "
              << x.sinceText() << '\n';
    }
    if (!item.signature.isEmpty()) {
        o << "  Definition:\n";
        for (const auto &line : item.signature.split(QLatin1Char('\n')))
            o << "    " << line << '\n';
    }
    if (!item.doc.isEmpty())
        o << "  Summary:\n    " << item.doc.simplified() << '\n';
    o.flush();
    return out;
}

bool ItemAnswer::appearedWhenRemoved(const SinceRange &since) const
{
    return since.exact && removal.isRemoved() && since.upTo == removal.in;
}

QJsonObject ItemAnswer::toJson() const
{
    QJsonObject o;
    o.insert(QStringLiteral("name"), item.name);
    o.insert(QStringLiteral("kind"), kindId(item.kind));
    o.insert(QStringLiteral("kindLabel"), kindLabel);
    if (item.identity() != item.name)
        o.insert(QStringLiteral("key"), item.identity());
    if (!item.parent.isEmpty())
        o.insert(QStringLiteral("parent"), item.parent);
    o.insert(QStringLiteral("tier"), item.tier);
    o.insert(QStringLiteral("tierLabel"), tierLabel);
    o.insert(QStringLiteral("tierGroup"), tierGroup);
    o.insert(QStringLiteral("tierRule"), tierRule);
    if (!item.hypervisor.isEmpty())
        o.insert(QStringLiteral("hypervisor"), item.hypervisor);
    o.insert(QStringLiteral("origin"), item.origin);
    insertSince(o, since);
    o.insert(QStringLiteral("sinceExplained"), sinceText);
    if (since.isKnown())
        o.insert(QStringLiteral("sinceEvidence"), evidenceJson(since.upper));
    QJsonArray ev;
    for (const auto &e : item.evidence)
        ev.append(evidenceJson(e));
    o.insert(QStringLiteral("evidence"), ev);
    o.insert(QStringLiteral("inconsistent"), inconsistent);
    if (removal.isRemoved()) {
        QJsonObject r{{QStringLiteral("in"), removal.in.toString()},
                      {QStringLiteral("text"), removal.text()},
                      {QStringLiteral("byDrivers"), removal.byDrivers}};
        if (removal.after.isValid())
            r.insert(QStringLiteral("after"), removal.after.toString());
        if (!removal.how.isEmpty())
            r.insert(QStringLiteral("evidence"), removal.how);
        o.insert(QStringLiteral("removal"), r);
    }
    QJsonArray taintArray;
    for (const Taint &t : taints) {
        QJsonObject taint{{QStringLiteral("reason"), t.reason},
                          {QStringLiteral("meaning"), t.meaning},
                          {QStringLiteral("sources"), QJsonArray::fromStringList(t.sources)}};
        if (t.isConditional())
            taint.insert(QStringLiteral("when"), t.whenNonEmpty ? QJsonValue(QStringLiteral("non-empty"))
                                                                : QJsonValue(QJsonArray::fromStringList(t.whenValues)));
        taintArray.append(taint);
    }
    o.insert(QStringLiteral("taints"), taintArray);
    QJsonArray noteArray;
    for (const Note &n : notes)
        noteArray.append(QJsonObject{{QStringLiteral("kind"), n.kind},
                                     {QStringLiteral("title"), n.title},
                                     {QStringLiteral("text"), n.text}});
    o.insert(QStringLiteral("notes"), noteArray);
    if (!item.warnings.isEmpty())
        o.insert(QStringLiteral("warnings"), QJsonArray::fromStringList(item.warnings));
    if (!item.signature.isEmpty())
        o.insert(QStringLiteral("signature"), item.signature);
    if (!item.doc.isEmpty())
        o.insert(QStringLiteral("doc"), item.doc);
    if (!item.file.isEmpty()) {
        o.insert(QStringLiteral("file"), item.file);
        o.insert(QStringLiteral("line"), item.line);
        o.insert(QStringLiteral("definedIn"), definedIn);
    }
    if (!releaseLabel.isEmpty())
        o.insert(QStringLiteral("release"), releaseLabel);
    if (!releases.isEmpty())
        o.insert(QStringLiteral("releases"), QJsonArray::fromStringList(releases));
    if (!history.isEmpty())
        o.insert(QStringLiteral("history"), history);
    if (!historyNoDataAfter.isEmpty())
        o.insert(QStringLiteral("historyNoDataAfter"), historyNoDataAfter);
    if (!historyGapFrom.isEmpty())
        o.insert(QStringLiteral("historyGap"),
                 QJsonObject{{QStringLiteral("from"), historyGapFrom}, {QStringLiteral("upTo"), historyGapTo}});
    if (!acceptedAsText.isEmpty())
        o.insert(QStringLiteral("acceptedAsTextIn"), acceptedAsText);
    if (!fromHistory.isEmpty()) {
        o.insert(QStringLiteral("fromHistory"), fromHistory);
        o.insert(QStringLiteral("fromHistoryReason"), fromHistoryReason);
        o.insert(QStringLiteral("fromHistoryText"), fromHistoryText());
    }
    if (!newerThanIndexed.isEmpty())
        o.insert(Item::newerThanIndexedKey(), newerThanIndexed);
    if (!otherNames.isEmpty())
        o.insert(QStringLiteral("otherNames"), QJsonArray::fromStringList(otherNames));
    if (!sameNameElsewhere.isEmpty()) {
        QJsonArray at;
        for (const auto &[name, since] : sameNameElsewhere) {
            QJsonObject one{{QStringLiteral("name"), name}};
            since.insertInto(one);
            one.insert(QStringLiteral("appearedWhenRemoved"), appearedWhenRemoved(since));
            at.append(one);
        }
        o.insert(QStringLiteral("sameNameElsewhere"), at);
    }
    if (!drivers.isEmpty()) {
        QJsonArray d;
        for (const Driver &x : drivers) {
            QJsonObject j{{QStringLiteral("driver"), x.driver}, {QStringLiteral("since"), x.since}};
            if (!x.removed.isEmpty())
                j.insert(QStringLiteral("removed"), x.removed);
            if (!x.evidence.isEmpty())
                j.insert(QStringLiteral("evidence"), x.evidence);
            d.append(j);
        }
        o.insert(QStringLiteral("drivers"), d);
    }
    if (!kindFacts.isEmpty()) {
        QJsonArray facts;
        for (const Fact &f : kindFacts)
            facts.append(QJsonObject{{QStringLiteral("label"), f.label}, {QStringLiteral("text"), f.text}});
        o.insert(QStringLiteral("facts"), facts);
    }
    if (!options.isEmpty()) {
        QJsonArray table;
        for (const Option &x : options) {
            QJsonObject j{{QStringLiteral("name"), x.name},
                          {QStringLiteral("type"), x.type},
                          {QStringLiteral("text"), x.flagsText()},
                          {QStringLiteral("sinceText"), x.sinceText()}};
            if (x.aliasOf.isEmpty()) {
                j.insert(QStringLiteral("required"), x.required);
                j.insert(QStringLiteral("positional"), x.positional);
            } else {
                j.insert(QStringLiteral("aliasOf"), x.aliasOf);
            }
            insertSince(j, x.since);
            table.append(j);
        }
        o.insert(QStringLiteral("optionTable"), table);
        o.insert(QStringLiteral("synopsis"), synopsis);
    }
    if (!procedures.isEmpty())
        o.insert(QStringLiteral("procedures"), QJsonArray::fromStringList(procedures));
    if (!proceduresFrom.isEmpty())
        o.insert(QStringLiteral("proceduresFrom"), proceduresFrom);
    if (!api.isEmpty())
        o.insert(QStringLiteral("api"), QJsonArray::fromStringList(api));
    if (!acl.isEmpty())
        o.insert(QStringLiteral("acl"), QJsonArray::fromStringList(acl));
    // Every raw attribute too, for scripts that read kind-specific facts.
    QJsonObject attrs = item.attrs;
    attrs.remove(QStringLiteral("_id"));
    attrs.remove(QStringLiteral("_release"));
    if (!attrs.isEmpty())
        o.insert(QStringLiteral("attrs"), attrs);
    return o;
}

} // namespace vse
