#pragma once

#include "triagereport.h"

#include "index/store.h"

#include <QByteArray>
#include <QString>

#include <memory>
#include <optional>
#include <unordered_map>

namespace vse {

// Checks a host's guests and configuration files against the facts for
// *that host's* libvirt release, shared by `host` (live) and `triage`
// (sosreport): since ranges and removals come from the index (its releases
// plus the built-in release history, so a host at 7.0.0 is judged by 7.0.0
// even when only 9.0.0 is installed here); XML is validated with the
// schemas of the indexed release equal to the host's, else of the newest
// indexed release with schemas (the report says which).
class TriageChecker
{
public:
    TriageChecker(const Store &store, Version hostVersion);

    QString schemaRelease() const { return m_schemaRelease; }
    QStringList notes() const { return m_notes; }

    // Checks `xml` (untrusted; `shown` names it in the report) and records
    // the verdict, the taints its XML implies (with the catalogue's source)
    // and what is newer than the host in `guest`.
    void checkGuest(GuestReport &guest, const QByteArray &xml, const QString &shown);
    // check-config for one daemon file (already known to be inside the
    // sosreport); findings judged against the host's release.
    ConfigCheckReport checkConfig(const QString &path, const QString &shown);

private:
    const Item *xmlItem(const QString &path);

    const Store &m_store;
    Version m_host;
    QString m_schemaDir;
    QString m_schemaRelease;
    qint64 m_itemRelease = 0;
    qint64 m_historyRelease = 0; // its rows of items newer than the indexed releases
    QStringList m_notes;
    std::unordered_map<QString, std::optional<Item>> m_items;
    std::optional<ItemList> m_configItems;
};

} // namespace vse
