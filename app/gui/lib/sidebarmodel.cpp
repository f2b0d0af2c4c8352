#include "sidebarmodel.h"

#include "index/taintmentions.h"

#include "model/policy.h"
#include "policytext.h"

#include <QLocale>
#include <QFont>

namespace vse::gui {

SidebarModel::SidebarModel(QObject *parent)
    : QAbstractListModel(parent)
{
    const QString addTree = tr("add a libvirt source tree in Settings \u2192 Sources");
    const QString addInstalled = tr("add an installed libvirt (\"/\") or a package set in Settings \u2192 Sources");
    const auto add = [this](const QString &id, const QString &label, const QString &family,
                            const QStringList &tiers, const QString &hint) {
        m_entries.append({id, label, family, tiers, QString(), false, hint});
    };
    m_entries.append({QStringLiteral("h:interfaces"), tr("Interfaces"), {}, {}, {}, true, {}});
    add(QStringLiteral("all"), tr("Everything"), {}, {}, addInstalled);
    add(QStringLiteral("public-api"), tr("Public API"), QStringLiteral("api"), {QStringLiteral("stable")},
        tr("No public API indexed: %1.").arg(addInstalled));
    add(QStringLiteral("hypervisor-api"), tr("Hypervisor APIs"), QStringLiteral("api"),
        {QStringLiteral("hypervisor-specific")}, tr("No hypervisor APIs indexed: %1.").arg(addInstalled));
    add(QStringLiteral("admin-api"), tr("Admin API (unclassified)"), QStringLiteral("api"),
        {QStringLiteral("unclassified")}, tr("No admin API indexed: %1.").arg(addInstalled));
    add(QStringLiteral("error-codes"), tr("Error codes"), QStringLiteral("api"), {QStringLiteral("stable-value")},
        tr("No error codes indexed: %1.").arg(addInstalled));
    add(QStringLiteral("xml"), tr("XML schemas"), QStringLiteral("xml"), {},
        tr("No XML schemas indexed: %1.").arg(addInstalled));
    add(QStringLiteral("xml-ns"), tr("XML namespace extensions"), QStringLiteral("xml"),
        {QStringLiteral("namespace-extension")}, tr("No namespace extensions indexed: %1.").arg(addInstalled));
    add(QStringLiteral("rpc"), tr("RPC protocols"), QStringLiteral("rpc"), {},
        tr("No protocol files indexed: %1.").arg(addTree));
    add(QStringLiteral("rpc-private"), tr("Private protocols"), QStringLiteral("rpc"), {QStringLiteral("private")},
        tr("No private protocols indexed: %1.").arg(addTree));
    add(QStringLiteral("virsh"), tr("virsh commands and options"), QStringLiteral("virsh"), {},
        tr("No virsh commands indexed: add a libvirt source tree (tools/virsh*.c) in Settings \u2192 Sources; "
           "without one they come from the shipped release history."));
    add(QStringLiteral("virsh-compound"), tr("virsh: compound output"), QStringLiteral("virsh"),
        {QStringLiteral("stable-command")},
        tr("No virsh command with table or list output indexed: %1.").arg(addTree));
    add(QStringLiteral("config"), tr("Configuration files"), QStringLiteral("config"), {},
        tr("No configuration options indexed: add a source tree, a package set with the daemons' files or "
           "an installed /etc/libvirt in Settings \u2192 Sources."));
    m_entries.append({QStringLiteral("h:taint"), tr("Taint reasons"), {}, {}, {}, true, {}});
    for (const TaintReason &r : Policy::instance().taintReasons())
        m_entries.append({QStringLiteral("taint:") + r.id, r.id, {}, {}, r.id, false, emptyTaintHint(r.id)});
    m_counts.fill(0, m_entries.size());
}

QString SidebarModel::emptyTaintHint(const QString &reasonId)
{
    // Why a reason has no items: its triggers are not interfaces at all, or
    // the interfaces that trigger it are not in the indexed releases.
    QStringList indexed, other;
    for (const TaintTrigger &t : triggersOfTaint(reasonId)) {
        if (t.isInterface())
            indexed << t.name;
        else
            other << t.name;
    }
    if (indexed.isEmpty() && other.isEmpty())
        return tr("The catalogue knows no trigger of %1.").arg(reasonId);
    if (indexed.isEmpty())
        return tr("No API or XML sets %1: libvirt sets it from a host condition or the daemon's configuration "
                  "(%2), which no indexed item stands for. The detail pane lists the triggers and their sources.")
            .arg(reasonId, other.join(QStringLiteral("; ")));
    return tr("None of the interfaces that set %1 (%2) is in the indexed releases: add a release that has them "
              "in Settings \u2192 Sources.")
        .arg(reasonId, indexed.join(QStringLiteral(", ")));
}

bool SidebarModel::matches(const SidebarEntry &e, const ItemSummary &s, const QHash<qint64, QStringList> &taints)
{
    if (e.header)
        return false;
    if (!e.family.isEmpty() && kindFamily(s.kind) != e.family)
        return false;
    if (!e.tiers.isEmpty() && !e.tiers.contains(s.tier))
        return false;
    if (!e.taint.isEmpty() && (!s.tainted || !taints.value(s.id).contains(e.taint)))
        return false;
    return true;
}

void SidebarModel::setSnapshot(const SnapshotPtr &snapshot, qint64 releaseId)
{
    QList<int> counts(m_entries.size(), 0);
    if (snapshot) {
        for (const ItemSummary &s : snapshot->summaries()) {
            if (!IndexSnapshot::inRelease(s, releaseId))
                continue;
            for (qsizetype i = 0; i < m_entries.size(); ++i)
                if (matches(m_entries.at(i), s, snapshot->taintsById()))
                    ++counts[i];
        }
    }
    m_counts = counts;
    if (!m_entries.isEmpty())
        Q_EMIT dataChanged(index(0), index(int(m_entries.size()) - 1));
}

int SidebarModel::rowOf(const QString &id) const
{
    for (qsizetype i = 0; i < m_entries.size(); ++i)
        if (m_entries.at(i).id == id)
            return int(i);
    return -1;
}

int SidebarModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_entries.size());
}

QVariant SidebarModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const SidebarEntry &e = m_entries.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        // Digits grouped as the status bar groups them ("Everything (11,000)").
        return e.header ? e.label : tr("%1 (%2)").arg(e.label, QLocale().toString(m_counts.at(index.row())));
    case Qt::AccessibleTextRole:
        return e.label;
    case Qt::ToolTipRole:
        if (!e.taint.isEmpty())
            return policytext::taintMeaning(e.taint);
        return {};
    case Qt::FontRole:
        if (e.header) {
            QFont f;
            f.setBold(true);
            return f;
        }
        return {};
    case EntryIdRole:
        return e.id;
    case CountRole:
        return m_counts.at(index.row());
    default:
        return {};
    }
}

Qt::ItemFlags SidebarModel::flags(const QModelIndex &index) const
{
    if (!index.isValid())
        return Qt::NoItemFlags;
    if (m_entries.at(index.row()).header)
        return Qt::ItemIsEnabled | Qt::ItemNeverHasChildren;
    return Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemNeverHasChildren;
}

} // namespace vse::gui
