#include "indexsnapshot.h"

namespace vse::gui {

std::shared_ptr<IndexSnapshot> IndexSnapshot::load(const QString &path, Diagnostics *diagnostics)
{
    auto snap = std::make_shared<IndexSnapshot>();
    if (!snap->m_store.open(path, diagnostics))
        return nullptr;
    snap->m_releases = snap->m_store.releases();
    QList<ItemSummary> summaries = snap->m_store.summaries();
    // Only a handful of items are tainted; their reasons come from the full
    // rows so the sidebar can list items per taint reason.
    for (const ItemSummary &s : std::as_const(summaries))
        if (s.tainted)
            snap->m_taints.insert(s.id, snap->m_store.item(s.id).taints);
    for (qsizetype i = 0; i < summaries.size(); ++i)
        snap->m_byName[summaries.at(i).name].append(int(i));
    snap->m_engine.setItems(std::move(summaries));
    return snap;
}

qint64 IndexSnapshot::newestReleaseId() const
{
    // releases() is ordered by version number, oldest first.
    return m_releases.isEmpty() ? 0 : m_releases.constLast().id;
}

StoredRelease IndexSnapshot::release(qint64 id) const
{
    for (const auto &r : m_releases)
        if (r.id == id)
            return r;
    return {};
}

Item IndexSnapshot::item(qint64 id) const
{
    return id > 0 ? m_store.item(id) : Item();
}

qint64 IndexSnapshot::findByName(const QString &name, qint64 preferredRelease) const
{
    const QList<int> rows = m_byName.value(name);
    if (rows.isEmpty())
        return -1;
    for (const int r : rows)
        if (summaries().at(r).releaseId == preferredRelease)
            return summaries().at(r).id;
    // Otherwise the newest release that has it (ids grow with release order
    // only within one write, so compare release positions).
    qint64 best = -1;
    int bestPos = -1;
    for (const int r : rows) {
        const ItemSummary &s = summaries().at(r);
        for (int p = 0; p < m_releases.size(); ++p) {
            if (m_releases.at(p).id == s.releaseId && p > bestPos) {
                bestPos = p;
                best = s.id;
            }
        }
    }
    return best;
}

int IndexSnapshot::countFamily(const QString &family, qint64 releaseId) const
{
    int n = 0;
    for (const ItemSummary &s : summaries())
        if ((releaseId == 0 || s.releaseId == releaseId) && (family.isEmpty() || kindFamily(s.kind) == family))
            ++n;
    return n;
}

} // namespace vse::gui
