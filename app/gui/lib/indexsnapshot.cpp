#include "indexsnapshot.h"

#include "index/itemanswer.h"
#include "index/search.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>

#include <sqlite3.h>

namespace vse::gui {

namespace {
template<typename Row>
void eachRow(sqlite3 *db, const char *sql, Row row);
} // namespace

std::shared_ptr<IndexSnapshot> IndexSnapshot::load(const QString &path, Diagnostics *diagnostics)
{
    auto snap = std::make_shared<IndexSnapshot>();
    if (!snap->m_store.open(path, diagnostics))
        return nullptr;
    // Store::open reads through a memory map, which suits a query that
    // touches a few pages. The explorer reads every row once: mapped, each
    // page of the file would stay resident in this process for as long as
    // the index is shown (150 MB for 150 000 rows). Plain reads instead.
    sqlite3_exec(snap->m_store.handle(), "PRAGMA mmap_size=0", nullptr, nullptr, nullptr);
    snap->m_releases = snap->m_store.releases();
    QList<ItemSummary> summaries = snap->m_store.summaries();
    if (snap->m_releases.size() > 1) {
        const QSet<qint64> older = notLatest(snap->m_store);
        for (ItemSummary &s : summaries)
            if (older.contains(s.id))
                s.latest = false;
    }
    // Only a handful of items are tainted; their reasons come from the full
    // rows so the sidebar can list items per taint reason.
    for (const ItemSummary &s : std::as_const(summaries))
        if (s.tainted)
            snap->m_taints.insert(s.id, snap->m_store.item(s.id).taints);
    for (qsizetype i = 0; i < summaries.size(); ++i)
        snap->m_byName[summaries.at(i).name].append(int(i));
    snap->m_drivers = driverIdsOf(summaries);
    snap->loadRemovedIn();
    snap->m_history = snap->m_store.historyRelease();
    snap->m_newerRule = snap->m_store.newerRule();
    // A few hundred rows: the option's file is its parent.
    snap->m_fileOf = snap->m_store.configFilesById();
    snap->m_engine.setItems(std::move(summaries));
    snap->m_engine.setConfigFiles(snap->m_fileOf); // "qemu.conf:vnc" in the search box
    // Reading every row filled SQLite's page cache (up to 2 MB); later
    // queries read a few rows each, so give it back.
    sqlite3_db_release_memory(snap->m_store.handle());
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
    QList<int> rows = m_byName.value(name);
    // "qemu.conf:vnc_listen", "qemu.conf vnc_listen": that file's option.
    if (const QString key = configKeyForm(name); rows.isEmpty() && !key.isEmpty()) {
        const QString file = key.section(QLatin1Char(':'), 0, 0);
        for (const int r : m_byName.value(key.section(QLatin1Char(':'), 1)))
            if (summaries().at(r).kind == ItemKind::ConfigOption && fileOf(summaries().at(r).id) == file)
                rows << r;
    }
    // "virsh:domstate", "api:virConnectOpen": the family scope the search
    // box and the CLI take, the name looked up within that family.
    if (QString bare; rows.isEmpty())
        if (const QString family = SearchQuery::familyScope(name, &bare); !family.isEmpty())
            for (const int r : m_byName.value(bare))
                if (kindFamily(summaries().at(r).kind) == family)
                    rows << r;
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
    // Only in the release history's rows (virsh and configuration on a
    // default install, items removed before or added after the indexed
    // releases), which are in no indexed release.
    return best >= 0 ? best : summaries().at(rows.constFirst()).id;
}

int IndexSnapshot::countFamily(const QString &family, qint64 releaseId) const
{
    int n = 0;
    for (const ItemSummary &s : summaries())
        if (inRelease(s, releaseId) && (family.isEmpty() || kindFamily(s.kind) == family))
            ++n;
    return n;
}

} // namespace vse::gui

namespace vse::gui {

namespace {

// Runs a query whose first column is an item id and second a text; calls
// `row` for each result.
template<typename Row>
void eachRow(sqlite3 *db, const char *sql, Row row)
{
    sqlite3_stmt *st = nullptr;
    if (db && sqlite3_prepare_v2(db, sql, -1, &st, nullptr) == SQLITE_OK) {
        while (sqlite3_step(st) == SQLITE_ROW) {
            const auto *text = reinterpret_cast<const char *>(sqlite3_column_text(st, 1));
            row(sqlite3_column_int64(st, 0), QByteArray(text ? text : ""));
        }
    }
    sqlite3_finalize(st);
}

} // namespace

void IndexSnapshot::loadRemovedIn()
{
    // The summaries do not carry the removal facts and loading every full
    // item to find the few removed ones would take seconds: SQLite picks the
    // candidate rows out of the stored attrs in one pass.
    eachRow(m_store.handle(),
            "SELECT id, attrs FROM items WHERE attrs LIKE '%\"removedIn\"%' OR attrs LIKE '%\"removed\"%'",
            [this](qint64 id, const QByteArray &attrs) {
                const ItemAnswer::Removal r = ItemAnswer::removalOf(QJsonDocument::fromJson(attrs).object());
                if (r.isRemoved())
                    m_removedIn.insert(id, r.in);
            });
}

QSet<qint64> IndexSnapshot::notLatest(const Store &store)
{
    // ReleaseMerger marks only the newest row of an item ("latest": true in
    // attrs); an index whose latest column says 1 for the older rows too would
    // list each item once per release. The attrs are the merger's own word.
    QSet<qint64> ids;
    eachRow(store.handle(), "SELECT id, '' FROM items WHERE latest = 1 AND attrs NOT LIKE '%\"latest\":true%'",
            [&ids](qint64 id, const QByteArray &) { ids.insert(id); });
    return ids;
}

} // namespace vse::gui
