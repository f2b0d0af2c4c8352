#include "indexupdate.h"

#include "historyapplier.h"

#include "itemcodec.h"
#include "itemrow.h"
#include "sqlite.h"
#include "testhook.h"

#include <QDateTime>
#include <QFile>

#include <cerrno>
#include <cstdio>
#include <ctime>
#include <cstring>
#include <fcntl.h>
#include <sqlite3.h>
#include <sys/file.h>
#include <unistd.h>
#include <vector>

namespace vse {

namespace {

// What a row needs: nothing, its merged columns, or all of it.
enum Action : quint8 { Keep = 0, SinceColumns = 1, AttrColumns = 2, Whole = 4 };

bool sameEvidence(const EvidenceList &a, const EvidenceList &b)
{
    if (a.size() != b.size())
        return false;
    for (qsizetype i = 0; i < a.size(); ++i) {
        const Evidence &x = a.at(i), &y = b.at(i);
        if (x.kind != y.kind || x.version != y.version || x.detail != y.detail ||
            x.upperBoundOnly != y.upperBoundOnly || x.after != y.after || x.unreliable != y.unreliable)
            return false;
    }
    return true;
}

// Every column itemrow::bindRow() fills from the item itself rather than
// from its evidence or attrs.
bool sameBase(const Item &a, const Item &b)
{
    return a.kind == b.kind && a.name == b.name && a.identity() == b.identity() && a.parent == b.parent &&
           a.origin == b.origin && a.tier == b.tier && a.hypervisor == b.hypervisor &&
           a.signature == b.signature && a.doc == b.doc && a.file == b.file && a.line == b.line &&
           a.taints == b.taints && a.warnings == b.warnings;
}

bool sameRelease(const StoredRelease &s, const Release &r)
{
    return s.version.toString() == r.version.toString() && s.versionEvidence == r.versionEvidence &&
           s.sourceKind == Release::sourceKindId(r.sourceKind) && s.sourcePath == r.sourcePath &&
           s.fingerprint == r.fingerprint && s.itemCount == r.items.size();
}

bool fail(Diagnostics *d, const QString &path, const QString &message)
{
    d->append(Diagnostic::error(path, 0, message));
    return false;
}

double threadCpuMs()
{
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return double(ts.tv_sec) * 1e3 + double(ts.tv_nsec) / 1e6;
}

} // namespace

void IndexUpdate::Baseline::begin(const Store &old)
{
    m_releases.clear();
    m_rows.clear();
    m_releases = old.releasesById();
    m_written = old.meta(QStringLiteral("written"));
    m_historyDigest = old.meta(QStringLiteral("historyDigest"));
}

void IndexUpdate::Baseline::add(const Store &old, const StoredRelease &stored, const ItemList &loaded)
{
    // Store::releaseItems() returns a release's rows in id order; the ids
    // are consecutive in every index written so far. Rows that are not are
    // left out (and so written again).
    sql::Statement q(old.handle(), "SELECT min(id), max(id), count(*) FROM items WHERE release_id = ?");
    q.bind(1, stored.id);
    if (!q.step() || q.int64(2) != loaded.size() || q.int64(1) - q.int64(0) + 1 != q.int64(2))
        return;
    m_rows.append({stored.id, q.int64(0), loaded});
}

void IndexUpdate::Baseline::addHistory(const Store &old)
{
    if (const auto history = old.historyRelease())
        add(old, *history, old.releaseItems(history->id));
}

void IndexUpdate::recover(const QString &path)
{
    if (!QFile::exists(path + QStringLiteral("-journal")))
        return;
    sqlite3 *db = nullptr;
    const QByteArray name = QFile::encodeName(path);
    if (sqlite3_open_v2(name.constData(), &db, SQLITE_OPEN_READWRITE, nullptr) == SQLITE_OK) {
        sqlite3_busy_timeout(db, 10000);
        // Reading takes the shared lock; a hot journal is rolled back then.
        sql::exec(db, "SELECT count(*) FROM sqlite_master");
    }
    sqlite3_close(db);
}

bool IndexUpdate::write(const QString &path, const QList<Release> &releases, const Baseline &baseline,
                        Diagnostics *diagnostics, const QHash<QString, QString> &meta, Stats *stats)
{
    Stats local;
    Stats &st = stats ? *stats : local;
    st = {};
    const auto rewrite = [&] {
        st.rewritten = true;
        return Store::write(path, releases, diagnostics, meta);
    };
    if (baseline.isEmpty())
        return rewrite();
    const double started = threadCpuMs();

    // The old rows by id, then what each row of the result needs.
    qint64 maxOld = 0;
    for (const auto &rows : baseline.m_rows)
        maxOld = std::max(maxOld, rows.firstId + rows.items.size() - 1);
    std::vector<const Item *> oldItem(size_t(maxOld + 1), nullptr);
    std::vector<qint64> oldRelease(size_t(maxOld + 1), 0);
    for (const auto &rows : baseline.m_rows)
        for (qsizetype i = 0; i < rows.items.size(); ++i) {
            oldItem[size_t(rows.firstId + i)] = &rows.items.at(i);
            oldRelease[size_t(rows.firstId + i)] = rows.releaseId;
        }
    std::vector<quint8> action;
    // Same evidence can still give another since when the derivation rules
    // changed (an applier version bump): then every row's since columns.
    const bool sinceRulesChanged = baseline.m_historyDigest != HistoryApplier::indexDigest();
    qint64 id = 0;
    for (qsizetype r = 0; r < releases.size(); ++r)
        for (const Item &it : releases.at(r).items) {
            ++id;
            const Item *o = id <= maxOld ? oldItem[size_t(id)] : nullptr;
            quint8 a = Keep;
            if (!o || oldRelease[size_t(id)] != r + 1 || !sameBase(*o, it)) {
                a = Whole;
            } else {
                if (sinceRulesChanged || !sameEvidence(o->evidence, it.evidence))
                    a |= SinceColumns;
                if (o->attrs != it.attrs)
                    a |= AttrColumns;
            }
            action.push_back(a);
        }
    st.rows = id;
    qint64 oldRows = 0, overwritten = 0;
    for (const StoredRelease &s : baseline.m_releases)
        oldRows += s.itemCount;
    for (size_t i = 0; i < action.size(); ++i) {
        const quint8 a = action[i];
        if (a == Keep)
            ++st.unchanged;
        else if (a & Whole)
            ++st.replaced;
        else
            ++st.merged;
        if ((a & Whole) && qint64(i) < oldRows)
            ++overwritten;
    }
    // New rows cost the same either way; old rows written over whole (moved
    // to another id, or changed) are what a new file does better.
    if (double(overwritten) > kRewriteShare * double(oldRows))
        return rewrite();
    const double planned = threadCpuMs();

    // Locks, the connection and the transaction live in here, so that a
    // rewrite decided inside (the file changed meanwhile) starts with all
    // of them released.
    enum class Outcome { Done, Failed, Rewrite };
    const auto failed = [&](const QString &where, const QString &message) {
        fail(diagnostics, where, message);
        return Outcome::Failed;
    };
    const auto inPlace = [&]() -> Outcome {
        // One writer at a time: the same lock Store::write() holds on the
        // temporary file's name, so a full rewrite and an update never overlap.
        const QString lockPath = path + QStringLiteral(".new");
        const QByteArray lockName = QFile::encodeName(lockPath);
        const int lockFd = ::open(lockName.constData(), O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0644);
        if (lockFd < 0)
            return failed(lockPath, QStringLiteral("cannot create the index lock file"));
        if (::flock(lockFd, LOCK_EX | LOCK_NB) != 0) {
            ::close(lockFd);
            return failed(lockPath, QStringLiteral("another indexer is writing this index right now"));
        }
        struct LockGuard
        {
            int fd;
            QByteArray name;
            ~LockGuard()
            {
                ::unlink(name.constData());
                ::close(fd);
            }
        } lockGuard{lockFd, lockName};

        sqlite3 *db = nullptr;
        const QByteArray name = QFile::encodeName(path);
        if (sqlite3_open_v2(name.constData(), &db, SQLITE_OPEN_READWRITE, nullptr) != SQLITE_OK) {
            sqlite3_close(db);
            return Outcome::Rewrite;
        }
        struct DbGuard
        {
            sqlite3 *db;
            ~DbGuard() { sqlite3_close(db); }
        } dbGuard{db};
        // Readers (a query command, the GUI) hold the file only briefly.
        sqlite3_busy_timeout(db, 10000);
        // The whole update stays in memory until COMMIT: readers see the old
        // index until then, and the journal holds only pages really changed.
        sql::exec(db, "PRAGMA cache_size=-262144");
        if (!sql::exec(db, "BEGIN IMMEDIATE"))
            return failed(path, QStringLiteral("cannot lock the index: ") + sql::lastError(db));
        const auto abandon = [&](const QString &why) {
            const QString msg = why + QStringLiteral(": ") + sql::lastError(db);
            sql::exec(db, "ROLLBACK");
            return failed(path, msg);
        };
        {
            // Changed since the baseline was read (another indexer ran): start over from the releases.
            sql::Statement v(db, "PRAGMA user_version");
            sql::Statement w(db, "SELECT value FROM meta WHERE key = 'written'");
            if (!v.step() || v.int64(0) != Store::kSchemaVersion || !w.step() || w.text(0) != baseline.m_written) {
                sql::exec(db, "ROLLBACK");
                return Outcome::Rewrite;
            }
        }
        {
            sql::Statement rel(db, (std::string("INSERT OR REPLACE INTO releases(id, ") + itemrow::kReleaseColumns +
                                    ") VALUES(?,?,?,?,?,?,?,?)").c_str());
            for (qsizetype r = 0; r < releases.size(); ++r) {
                const qint64 rid = r + 1;
                const auto stored = std::find_if(baseline.m_releases.cbegin(), baseline.m_releases.cend(),
                                                 [rid](const StoredRelease &s) { return s.id == rid; });
                if (stored != baseline.m_releases.cend() && sameRelease(*stored, releases.at(r)))
                    continue;
                rel.bind(1, rid);
                itemrow::bindRelease(rel, 2, releases.at(r));
                if (!rel.exec())
                    return abandon(QStringLiteral("cannot store release"));
            }
            sql::Statement dropReleases(db, "DELETE FROM releases WHERE id > ?");
            dropReleases.bind(1, qint64(releases.size()));
            if (!dropReleases.exec())
                return abandon(QStringLiteral("cannot remove a release"));

            // The full-text index has external content: what it indexed for a
            // row must be withdrawn (with the row's old name and doc) before the
            // row changes, and the new text added after.
            sql::Statement ftsDrop(db, "INSERT INTO items_fts(items_fts, rowid, name, doc) "
                                       "SELECT 'delete', id, name, doc FROM items WHERE id = ?");
            sql::Statement ftsAdd(db, "INSERT INTO items_fts(rowid, name, doc) VALUES(?, ?, ?)");
            sql::Statement whole(db, (std::string("INSERT OR REPLACE INTO items(id, ") + itemrow::kColumns +
                                      ") VALUES(?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)")
                                         .c_str());
            sql::Statement since(db, "UPDATE items SET since=?1, since_num=?2, since_after=?3, since_after_num=?4, "
                                     "since_upto=?5, since_upto_num=?6, since_evidence=?7, inconsistent=?8, "
                                     "evidence=?9 WHERE id=?10");
            sql::Statement facts(db, "UPDATE items SET removed_in=?1, latest=?2, drivers=?3, attrs=?4 WHERE id=?5");
            id = 0;
            for (qsizetype r = 0; r < releases.size(); ++r) {
                for (const Item &it : releases.at(r).items) {
                    ++id;
                    const quint8 a = action[size_t(id - 1)];
                    if (a & Whole) {
                        const Item *o = id <= maxOld ? oldItem[size_t(id)] : nullptr;
                        const bool sameText = o && o->name == it.name && o->doc == it.doc;
                        if (!sameText) {
                            ftsDrop.bind(1, id);
                            if (!ftsDrop.exec())
                                return abandon(QStringLiteral("cannot update the search index"));
                        }
                        whole.bind(1, id);
                        itemrow::bindRow(whole, 2, r + 1, it);
                        if (!whole.exec())
                            return abandon(QStringLiteral("cannot store item %1").arg(it.name));
                        if (!sameText) {
                            ftsAdd.bind(1, id);
                            ftsAdd.bind(2, it.name);
                            ftsAdd.bind(3, it.doc);
                            if (!ftsAdd.exec())
                                return abandon(QStringLiteral("cannot update the search index"));
                        }
                        continue;
                    }
                    if (a & SinceColumns) {
                        itemrow::bindSince(since, 1, it);
                        since.bind(8, qint64(it.inconsistent()));
                        since.bind(9, QString::fromUtf8(encodeEvidence(it.evidence)));
                        since.bind(10, id);
                        if (!since.exec())
                            return abandon(QStringLiteral("cannot update item %1").arg(it.name));
                    }
                    if (a & AttrColumns) {
                        itemrow::bindAttrFacts(facts, 1, 2, 3, it);
                        facts.bind(4, QString::fromUtf8(encodeAttrs(it.attrs)));
                        facts.bind(5, id);
                        if (!facts.exec())
                            return abandon(QStringLiteral("cannot update item %1").arg(it.name));
                    }
                }
            }
            sql::Statement count(db, "SELECT count(*) FROM items WHERE id > ?");
            count.bind(1, id);
            st.deleted = count.step() ? count.int64(0) : 0;
            count.reset();
            sql::Statement ftsDropRest(db, "INSERT INTO items_fts(items_fts, rowid, name, doc) "
                                           "SELECT 'delete', id, name, doc FROM items WHERE id > ?");
            ftsDropRest.bind(1, id);
            sql::Statement dropRest(db, "DELETE FROM items WHERE id > ?");
            dropRest.bind(1, id);
            if (!ftsDropRest.exec() || !dropRest.exec())
                return abandon(QStringLiteral("cannot remove items"));

            sql::exec(db, "DELETE FROM meta");
            sql::Statement m(db, "INSERT INTO meta(key, value) VALUES(?, ?)");
            m.bind(1, QStringLiteral("written"));
            m.bind(2, QDateTime::currentDateTimeUtc().toString(Qt::ISODate));
            bool metaOk = m.exec();
            for (auto it = meta.cbegin(); it != meta.cend(); ++it) {
                m.bind(1, it.key());
                m.bind(2, it.value());
                metaOk = m.exec() && metaOk;
            }
            if (!metaOk)
                return abandon(QStringLiteral("cannot store the index's facts"));
        }
            const double rowsDone = threadCpuMs();
        // The changed pages go to the file now rather than inside COMMIT
        // (the same writes): from here on a crash leaves a hot journal, and
        // the next reader rolls the file back with it (recover()).
        if (sqlite3_db_cacheflush(db) != SQLITE_OK)
            return abandon(QStringLiteral("cannot write the index"));
        testhook::reached("write");
        if (!sql::exec(db, "COMMIT"))
            return abandon(QStringLiteral("cannot finish updating the index"));
        if (qEnvironmentVariableIsSet("VSE_TRACE_TIMING"))
            std::fprintf(stderr, "  update in place, CPU: compare %.0f ms, rows %.0f ms, commit %.0f ms\n",
                         planned - started, rowsDone - planned, threadCpuMs() - rowsDone);
        return Outcome::Done;
    };
    switch (inPlace()) {
    case Outcome::Done:
        return true;
    case Outcome::Failed:
        return false;
    case Outcome::Rewrite:
        break;
    }
    return rewrite();
}

} // namespace vse
