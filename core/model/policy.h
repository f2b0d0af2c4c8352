#pragma once

#include "diagnostic.h"
#include "item.h"

#include <QHash>
#include <QList>
#include <QString>

#include <memory>

namespace vse {

struct TierInfo
{
    QString id;    // "stable"
    QString label; // "stable"
    QString group; // filter group: stable, hypervisor-specific, namespace-extension, ...
    QString rule;  // the one-line rule shown next to the tier
};

struct TaintReason
{
    QString id;      // "custom-monitor"
    QString meaning; // what it means for the guest
    // libvirt's English wording of it in virDomainGetMessages ("tainted: <this>").
    QString daemonMessage;
};

struct TaintTrigger
{
    QString match; // "api" or "xml"
    QString name;  // function name, or XML path (descendants inherit)
    QString taint;
    QString source; // where the fact comes from
    // When libvirt taints only under a further condition the XML cannot
    // show ("when the guest arrives by incoming migration"); empty: always.
    QString condition;
    // match "config": the file and settings check-config reads, and the
    // values that taint (quotes aside), or any non-empty list (nonEmpty).
    QString file;
    QStringList options;
    QStringList values;
    bool nonEmpty = false;

    // An API or XML trigger: an indexed item stands for it.
    bool isInterface() const { return match == QLatin1String("api") || match == QLatin1String("xml"); }
    // A config trigger of this setting of a daemon file ("qemu.conf", "user").
    bool setsConfig(const QString &configFile, const QString &option) const
    {
        return match == QLatin1String("config") && file == configFile && options.contains(option);
    }
};

struct HypervisorNamespace
{
    QString uri;
    QString prefix;
    QString hypervisor;
};

// The support policy as data: tiers, which origin gets which tier, hypervisor
// XML namespaces and the taint catalogue. Loaded at run time from
// resources/policy/*.json (built in, or $VSE_POLICY_DIR to review a change).
class Policy
{
public:
    // The policy, loaded once: built in, or the edited copy $VSE_POLICY_DIR
    // names. Aborts loudly if it does not load (see checkOverride()).
    static const Policy &instance();
    // Loads tiers.json and taint.json from a directory.
    static Policy load(const QString &dir, Diagnostics *diagnostics);
    // The edited policy $VSE_POLICY_DIR names, read once up front: false
    // with *diagnostics filled when it does not load. The programs call it
    // before anything asks instance(), which could only abort then; unset,
    // it is true (the built-in policy is checked by the tests).
    static bool checkOverride(Diagnostics *diagnostics);

    const QList<TierInfo> &tiers() const { return m_tiers; }
    TierInfo tier(const QString &id) const;
    const QList<TaintReason> &taintReasons() const { return taints().reasons; }
    TaintReason taintReason(const QString &id) const;
    // The reason whose daemonMessage is `text` (case and spacing aside); an
    // empty reason when none is (a translated daemon, a newer reason).
    TaintReason taintReasonForMessage(const QString &text) const;
    const QList<TaintTrigger> &taintTriggers() const { return taints().triggers; }
    const QList<HypervisorNamespace> &namespaces() const { return m_namespaces; }
    HypervisorNamespace namespaceForUri(const QString &uri) const;
    QString originDescription(const QString &origin) const;

    // Sets tier and hypervisor from item.origin (unknown origin: unclassified),
    // adds taints from the catalogue and the warnings the tier implies.
    void apply(Item &item) const;
    // Triggers that apply to an item (the api name or the XML path or one of its ancestors).
    QList<TaintTrigger> triggersFor(const Item &item) const;
    // The config triggers of one setting of a daemon file ("qemu.conf", "user").
    QList<TaintTrigger> configTriggersFor(const QString &file, const QString &option) const;

private:
    struct Origin
    {
        QString tier;
        QString hypervisor;
        QString what;
    };
    QList<TierInfo> m_tiers;
    struct Taints
    {
        QList<TaintReason> reasons;
        QList<TaintTrigger> triggers;
    };
    QHash<QString, Origin> m_origins;
    QList<HypervisorNamespace> m_namespaces;
    // load() reads the taint catalogue with the tiers; the built-in policy
    // reads it on first use instead (null here), since `show` of an item
    // without taints never needs it and parsing it was a tenth of the query.
    std::shared_ptr<const Taints> m_taints;

    const Taints &taints() const;
    bool loadTiers(const QByteArray &json, const QString &file, Diagnostics *diagnostics);
    void loadBuiltinTiers();
    static Taints loadTaints(const QByteArray &json, const QString &file, Diagnostics *diagnostics);
};

// Warning attached to enum values whose name ends in _LAST.
QString lastValueWarning();

} // namespace vse
