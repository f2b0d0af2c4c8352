#include "policy.h"
#include "policybuiltin.h"

#include <QCoreApplication>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>

namespace vse {

namespace {

QByteArray readAll(const QString &path, Diagnostics *diagnostics)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) {
        diagnostics->append(Diagnostic::error(path, 0, f.errorString()));
        return {};
    }
    return f.readAll();
}

QJsonObject parseObject(const QByteArray &json, const QString &file, Diagnostics *diagnostics)
{
    QJsonParseError err;
    const auto doc = QJsonDocument::fromJson(json, &err);
    if (err.error != QJsonParseError::NoError || !doc.isObject()) {
        // QJsonParseError gives an offset; turn it into a line for the message.
        const int line = int(json.left(err.offset).count('\n')) + 1;
        diagnostics->append(Diagnostic::error(file, line, err.errorString()));
        return {};
    }
    return doc.object();
}

QString str(const QJsonObject &o, const char *key)
{
    return o.value(QLatin1String(key)).toString();
}

QString builtinDir()
{
    const QString dir = qEnvironmentVariable("VSE_POLICY_DIR");
    return dir.isEmpty() ? QStringLiteral(":/vse/policy") : dir;
}

void fatalUnlessClean(const Diagnostics &d)
{
    if (hasErrors(d))
        qFatal("virt-support: cannot load the policy data: %s", qPrintable(d.constFirst().toString()));
}

} // namespace

const Policy &Policy::instance()
{
    static const Policy policy = [] {
        Diagnostics d;
        Policy p;
        // The shipped table is compiled in (policybuiltin.h); an edited copy
        // named by VSE_POLICY_DIR is read as JSON.
        if (!qEnvironmentVariableIsSet("VSE_POLICY_DIR")) {
            p.loadBuiltinTiers();
            return p;
        }
        const QString tiers = builtinDir() + QStringLiteral("/tiers.json");
        const QByteArray tiersJson = readAll(tiers, &d);
        if (!hasErrors(d))
            p.loadTiers(tiersJson, tiers, &d);
        fatalUnlessClean(d);
        return p;
    }();
    return policy;
}

const Policy::Taints &Policy::taints() const
{
    if (m_taints)
        return *m_taints;
    // Only the built-in policy gets here (see m_taints).
    static const Taints builtin = [] {
        Diagnostics d;
        const QString taint = builtinDir() + QStringLiteral("/taint.json");
        const QByteArray taintJson = readAll(taint, &d);
        Taints t = hasErrors(d) ? Taints() : loadTaints(taintJson, taint, &d);
        fatalUnlessClean(d);
        return t;
    }();
    return builtin;
}

bool Policy::checkOverride(Diagnostics *diagnostics)
{
    if (!qEnvironmentVariableIsSet("VSE_POLICY_DIR"))
        return true;
    Diagnostics d;
    load(builtinDir(), &d);
    diagnostics->append(d);
    return !hasErrors(d);
}

Policy Policy::load(const QString &dir, Diagnostics *diagnostics)
{
    Policy p;
    const QString tiers = dir + QStringLiteral("/tiers.json");
    const QString taint = dir + QStringLiteral("/taint.json");
    const QByteArray tiersJson = readAll(tiers, diagnostics);
    const QByteArray taintJson = readAll(taint, diagnostics);
    if (hasErrors(*diagnostics)) {
        p.m_taints = std::make_shared<const Taints>();
        return p;
    }
    p.loadTiers(tiersJson, tiers, diagnostics);
    p.m_taints = std::make_shared<const Taints>(loadTaints(taintJson, taint, diagnostics));
    return p;
}

bool Policy::loadTiers(const QByteArray &json, const QString &file, Diagnostics *diagnostics)
{
    const QJsonObject root = parseObject(json, file, diagnostics);
    if (root.isEmpty())
        return false;
    for (const auto &v : root.value(QLatin1String("tiers")).toArray()) {
        const auto o = v.toObject();
        m_tiers.append({str(o, "id"), str(o, "label"), str(o, "group"), str(o, "rule")});
    }
    for (const auto &v : root.value(QLatin1String("origins")).toArray()) {
        const auto o = v.toObject();
        const QString tierId = str(o, "tier");
        if (tier(tierId).id.isEmpty()) {
            diagnostics->append(Diagnostic::error(
                file, 0, QStringLiteral("origin %1 names unknown tier %2").arg(str(o, "origin"), tierId)));
            continue;
        }
        m_origins.insert(str(o, "origin"), {tierId, str(o, "hypervisor"), str(o, "what")});
    }
    for (const auto &v : root.value(QLatin1String("namespaces")).toArray()) {
        const auto o = v.toObject();
        m_namespaces.append({str(o, "uri"), str(o, "prefix"), str(o, "hypervisor")});
    }
    if (tier(QStringLiteral("unclassified")).id.isEmpty())
        diagnostics->append(Diagnostic::error(file, 0, QStringLiteral("the tier 'unclassified' is missing")));
    return !hasErrors(*diagnostics);
}

void Policy::loadBuiltinTiers()
{
    namespace b = policybuiltin; // its arrays share names with members
    const auto text = [](const char *utf8) { return QString::fromUtf8(utf8); };
    for (int i = 0; i < b::tiersCount; ++i) {
        const b::TierRow &t = b::tiers[i];
        m_tiers.append({text(t.id), text(t.label), text(t.group), text(t.rule)});
    }
    for (int i = 0; i < b::originsCount; ++i) {
        const b::OriginRow &o = b::origins[i];
        m_origins.insert(text(o.origin), {text(o.tier), text(o.hypervisor), text(o.what)});
    }
    for (int i = 0; i < b::namespacesCount; ++i) {
        const b::NamespaceRow &n = b::namespaces[i];
        m_namespaces.append({text(n.uri), text(n.prefix), text(n.hypervisor)});
    }
}

Policy::Taints Policy::loadTaints(const QByteArray &json, const QString &file, Diagnostics *diagnostics)
{
    Taints out;
    const QJsonObject root = parseObject(json, file, diagnostics);
    if (root.isEmpty())
        return out;
    for (const auto &v : root.value(QLatin1String("reasons")).toArray()) {
        const auto o = v.toObject();
        out.reasons.append({str(o, "id"), str(o, "meaning"), str(o, "daemonMessage")});
    }
    const auto known = [&out](const QString &id) {
        return std::any_of(out.reasons.cbegin(), out.reasons.cend(), [&](const TaintReason &r) { return r.id == id; });
    };
    for (const auto &v : root.value(QLatin1String("triggers")).toArray()) {
        const auto o = v.toObject();
        TaintTrigger t;
        t.match = str(o, "match");
        t.name = str(o, "name");
        t.taint = str(o, "taint");
        t.source = str(o, "source");
        t.condition = str(o, "condition");
        t.file = str(o, "file");
        for (const QJsonValue &option : o.value(QLatin1String("options")).toArray())
            t.options << option.toString();
        for (const QJsonValue &value : o.value(QLatin1String("values")).toArray())
            t.values << value.toString();
        t.nonEmpty = o.value(QLatin1String("nonEmpty")).toBool();
        if (!known(t.taint)) {
            diagnostics->append(Diagnostic::error(
                file, 0, QStringLiteral("trigger %1 names unknown taint %2").arg(t.name, t.taint)));
            continue;
        }
        out.triggers.append(t);
    }
    return out;
}

TierInfo Policy::tier(const QString &id) const
{
    for (const auto &t : m_tiers)
        if (t.id == id)
            return t;
    return {};
}

TaintReason Policy::taintReason(const QString &id) const
{
    for (const auto &r : taints().reasons)
        if (r.id == id)
            return r;
    return {};
}

TaintReason Policy::taintReasonForMessage(const QString &text) const
{
    const QString wanted = text.simplified();
    for (const auto &r : taints().reasons)
        if (!r.daemonMessage.isEmpty() &&
            r.daemonMessage.compare(wanted, Qt::CaseInsensitive) == 0)
            return r;
    return {};
}

HypervisorNamespace Policy::namespaceForUri(const QString &uri) const
{
    for (const auto &n : m_namespaces)
        if (n.uri == uri)
            return n;
    return {};
}

QString Policy::originDescription(const QString &origin) const
{
    return m_origins.value(origin).what;
}

QList<TaintTrigger> Policy::triggersFor(const Item &item) const
{
    QList<TaintTrigger> out;
    const QString family = kindFamily(item.kind);
    for (const auto &t : taints().triggers) {
        // Both rules need the trigger's name as a prefix of the item's: a
        // cheap test first, since check-xml asks for every node it meets.
        if (!item.name.startsWith(t.name))
            continue;
        if (t.match == QLatin1String("api") && family == QLatin1String("api")) {
            if (item.name == t.name)
                out.append(t);
        } else if (t.match == QLatin1String("xml") && family == QLatin1String("xml")) {
            // Children of a tainting element taint too (qemu:commandline/qemu:arg).
            const QString &n = item.name;
            if (n == t.name || (n.startsWith(t.name) && n.size() > t.name.size() &&
                                (n.at(t.name.size()) == QLatin1Char('/') ||
                                 n.at(t.name.size()) == QLatin1Char('@'))))
                out.append(t);
        }
    }
    return out;
}

QList<TaintTrigger> Policy::configTriggersFor(const QString &file, const QString &option) const
{
    QList<TaintTrigger> out;
    for (const auto &t : taints().triggers)
        if (t.setsConfig(file, option))
            out.append(t);
    return out;
}

void Policy::apply(Item &item) const
{
    const auto it = m_origins.constFind(item.origin);
    if (it == m_origins.constEnd()) {
        item.tier = QStringLiteral("unclassified");
    } else {
        item.tier = it->tier;
        if (item.hypervisor.isEmpty())
            item.hypervisor = it->hypervisor;
    }
    for (const auto &t : triggersFor(item))
        if (!item.taints.contains(t.taint))
            item.taints.append(t.taint);
    // A virsh command taints as the hypervisor API it calls does
    // (qemu-monitor-command: virDomainQemuMonitorCommand, custom-monitor).
    if (item.kind == ItemKind::VirshCommand) {
        Item api;
        api.kind = ItemKind::Function;
        for (const QJsonValue &v : item.attrs.value(QStringLiteral("calls")).toArray()) {
            api.name = v.toString();
            for (const auto &t : triggersFor(api))
                if (!item.taints.contains(t.taint))
                    item.taints.append(t.taint);
        }
    }
    if (item.kind == ItemKind::EnumValue && item.name.endsWith(QLatin1String("_LAST")) &&
        !item.warnings.contains(lastValueWarning()))
        item.warnings.append(lastValueWarning());
}

QString lastValueWarning()
{
    return QCoreApplication::translate(
        "Policy", "_LAST values mark the current end of the enumeration and grow between "
                  "releases: never store them or compare against them.");
}

} // namespace vse
