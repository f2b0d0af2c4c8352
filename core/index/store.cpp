#include "store.h"

#include <QRegularExpression>

#include "itemcodec.h"
#include "indexupdate.h"
#include "itemrow.h"
#include "sourcelayout.h"
#include "sqlite.h"
#include "testhook.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>
#include <QJsonObject>
#include <QStandardPaths>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <sqlite3.h>
#include <sys/file.h>
#include <unistd.h>

namespace vse {

namespace {

const char kSchema[] = R"(
CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT);
CREATE TABLE releases(
  id INTEGER PRIMARY KEY, version TEXT, version_num INTEGER, version_evidence TEXT,
  source_kind TEXT, source_path TEXT, fingerprint TEXT, item_count INTEGER);
CREATE TABLE items(
  id INTEGER PRIMARY KEY, release_id INTEGER NOT NULL, kind TEXT NOT NULL, name TEXT NOT NULL,
  key TEXT, parent TEXT, origin TEXT, tier TEXT, hypervisor TEXT,
  since TEXT, since_num INTEGER, since_after TEXT, since_after_num INTEGER, since_upto TEXT, since_upto_num INTEGER,
  since_evidence TEXT, removed_in TEXT, inconsistent INTEGER,
  tainted INTEGER, latest INTEGER, drivers TEXT, signature TEXT, doc TEXT, file TEXT, line INTEGER,
  taints TEXT, warnings TEXT, evidence TEXT, attrs TEXT);
CREATE VIRTUAL TABLE items_fts USING fts5(name, doc, content='items', content_rowid='id');
)";

const char kIndexes[] = R"(
CREATE INDEX items_name ON items(name);
CREATE INDEX items_key ON items(key);
CREATE INDEX items_kind ON items(kind);
INSERT INTO items_fts(rowid, name, doc) SELECT id, name, doc FROM items;
)";

const char kItemColumns[] =
    "id, release_id, kind, name, key, parent, origin, tier, hypervisor, signature, doc, file, "
    "line, taints, warnings, evidence, attrs";

Item readItem(const sql::Statement &q)
{
    Item it;
    kindFromId(q.text(2), &it.kind);
    it.name = q.text(3);
    it.key = q.text(4);
    it.parent = q.text(5);
    it.origin = q.text(6);
    it.tier = q.text(7);
    it.hypervisor = q.text(8);
    it.signature = q.text(9);
    it.doc = q.text(10);
    it.file = q.text(11);
    it.line = int(q.int64(12));
    it.taints = decodeStrings(q.blob(13));
    it.warnings = decodeStrings(q.blob(14));
    it.evidence = decodeEvidence(q.blob(15));
    it.attrs = decodeAttrs(q.blob(16));
    it.attrs.insert(QStringLiteral("_id"), QString::number(q.int64(0)));
    it.attrs.insert(QStringLiteral("_release"), QString::number(q.int64(1)));
    return it;
}

// What an XML usage check reads of an item (XmlUsageWalker): no definition,
// documentation, location or warnings, and no row ids. Each path of a batch
// of documents is read once, but a batch reads a few thousand.
const char kUsageColumns[] = "kind, name, parent, origin, tier, hypervisor, taints, evidence, attrs";

Item readUsageItem(const sql::Statement &q)
{
    Item it;
    kindFromId(q.text(0), &it.kind);
    it.name = q.text(1);
    it.parent = q.text(2);
    it.origin = q.text(3);
    it.tier = q.text(4);
    it.hypervisor = q.text(5);
    it.taints = decodeStrings(q.blob(6));
    it.evidence = decodeEvidence(q.blob(7));
    it.attrs = decodeAttrs(q.blob(8));
    return it;
}

constexpr int kBusyTimeoutMs = 10000;

bool storeFail(Diagnostics *d, const QString &path, const QString &message)
{
    d->append(Diagnostic::error(path, 0, message));
    return false;
}

} // namespace

QString StoredRelease::label() const
{
    if (sourceKind == QLatin1String("history"))
        return QStringLiteral("release history (") + versionEvidence + QLatin1Char(')');
    // A tree that states no version (a trimmed copy, a folder of schemas) is still a release.
    return (version.isValid() ? version.toString() : QStringLiteral("version unknown")) + QStringLiteral(" (") +
           sourceKind + QStringLiteral(", ") + sourcePath + QLatin1Char(')');
}

Store::Store() = default;

Store::~Store()
{
    close();
}

QString Store::defaultPath()
{
    const QString overridePath = qEnvironmentVariable("VSE_INDEX_PATH");
    if (!overridePath.isEmpty())
        return overridePath;
    QString cache = qEnvironmentVariable("XDG_CACHE_HOME");
    if (cache.isEmpty())
        cache = QDir::homePath() + QStringLiteral("/.cache");
    return cache + QStringLiteral("/virt-support-explorer/index.sqlite");
}

QStringList Store::recordedSources(const QString &path)
{
    QStringList out;
    if (!QFileInfo::exists(path))
        return out;
    IndexUpdate::recover(path);
    sqlite3 *db = nullptr;
    const QByteArray p = QFile::encodeName(path);
    if (sqlite3_open_v2(p.constData(), &db, SQLITE_OPEN_READONLY, nullptr) != SQLITE_OK) {
        sqlite3_close(db);
        return out;
    }
    sqlite3_busy_timeout(db, kBusyTimeoutMs);
    {
        // Every schema so far has releases(source_path, source_kind, version_num).
        sql::Statement q(db, "SELECT source_path, source_kind FROM releases ORDER BY version_num, id");
        while (q.ok() && q.step())
            if (q.text(1) != QLatin1String("history") && !q.text(0).isEmpty() && !out.contains(q.text(0)))
                out << q.text(0);
    }
    sqlite3_close(db);
    return out;
}

void Store::close()
{
    m_byNameInRelease.reset(); // finalized before its connection
    m_usageByName.reset();
    if (m_db)
        sqlite3_close(m_db);
    m_db = nullptr;
}

void Store::holdReadLock() const
{
    if (!m_db)
        return;
    if (!sqlite3_get_autocommit(m_db))
        sql::exec(m_db, "COMMIT"); // ends the read transaction: the lock goes
    sql::exec(m_db, "BEGIN");      // deferred: the lock comes with the next read
}

bool Store::open(const QString &path, Diagnostics *diagnostics)
{
    close();
    m_path = path;
    if (!QFileInfo::exists(path))
        return storeFail(diagnostics, path, QStringLiteral("no index yet"));
    IndexUpdate::recover(path);
    sqlite3 *db = nullptr;
    const QByteArray p = QFile::encodeName(path);
    if (sqlite3_open_v2(p.constData(), &db, SQLITE_OPEN_READONLY, nullptr) != SQLITE_OK) {
        const QString err = db ? sql::lastError(db) : QStringLiteral("cannot open");
        sqlite3_close(db);
        return storeFail(diagnostics, path, err);
    }
    // An update in place (IndexUpdate) locks the file while it commits:
    // wait for it rather than calling the index damaged.
    sqlite3_busy_timeout(db, kBusyTimeoutMs);
    // A damaged file shows up here: garbage is "not a database", a truncated
    // one fails reading its tables. Then the caller rebuilds the index.
    sql::Statement v(db, "PRAGMA user_version");
    const int version = v.step() ? int(v.int64(0)) : -1;
    sql::Statement check(db, "SELECT count(*) FROM releases");
    if (version != kSchemaVersion || !check.ok() || !check.step()) {
        const QString why = version < 0 || !check.ok()
                                ? QStringLiteral("the index file is damaged (%1)").arg(sql::lastError(db))
                                : QStringLiteral("the index has schema version %1, this build needs %2")
                                      .arg(version)
                                      .arg(kSchemaVersion);
        sqlite3_close(db);
        return storeFail(diagnostics, path, why);
    }
    // Read through a memory map: no read() per page and no copy into a page
    // cache of our own (fewer page faults; the index is replaced by rename,
    // never truncated in place, so the mapping stays valid).
    sql::exec(db, "PRAGMA mmap_size=1073741824");
    m_db = db;
    return true;
}

bool Store::write(const QString &path, const QList<Release> &releases, Diagnostics *diagnostics,
                  const QHash<QString, QString> &extraMeta)
{
    const QFileInfo fi(path);
    if (!QDir().mkpath(fi.absolutePath()))
        return storeFail(diagnostics, fi.absolutePath(), QStringLiteral("cannot create the cache directory"));
    const QString tmp = path + QStringLiteral(".new");
    const QByteArray tmpName = QFile::encodeName(tmp);
    // A file of that name that a killed writer did not leave is the user's.
    if (const QString why = replaceRefusal(tmp); !why.isEmpty())
        return storeFail(diagnostics, tmp,
                         QStringLiteral("in the way of the new index and not a half-written one (%1): left alone").arg(why));
    // The temporary file is flock()ed for as long as it is written, so that
    // removeStaleTemporary() can tell a killed writer's file from a live one.
    // The lock is ours, apart from SQLite's own fcntl() locks.
    const int lockFd = ::open(tmpName.constData(), O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0644);
    if (lockFd < 0)
        return storeFail(diagnostics, tmp, QStringLiteral("cannot create the index file (is the cache directory writable?)"));
    struct LockGuard
    {
        int fd;
        ~LockGuard() { ::close(fd); }
    } lockGuard{lockFd};
    if (::flock(lockFd, LOCK_EX | LOCK_NB) != 0)
        return storeFail(diagnostics, tmp, QStringLiteral("another indexer is writing this index right now"));
    // Left over from a killed run: start from an empty file.
    if (::ftruncate(lockFd, 0) != 0)
        return storeFail(diagnostics, tmp, QStringLiteral("cannot reset the index file: %1").arg(QString::fromLocal8Bit(std::strerror(errno))));
    sqlite3 *db = nullptr;
    if (sqlite3_open_v2(tmpName.constData(), &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr) !=
        SQLITE_OK) {
        sqlite3_close(db);
        return storeFail(diagnostics, tmp, QStringLiteral("cannot create the index file (is the cache directory writable?)"));
    }
    auto abandon = [&](const QString &why) {
        const QString msg = why + QStringLiteral(": ") + sql::lastError(db);
        sqlite3_close(db);
        QFile::remove(tmp);
        return storeFail(diagnostics, tmp, msg);
    };
    // The file is private until renamed into place, so durability settings
    // that only matter for a live database can be relaxed.
    // SQLite's default page cache (2 MB) is far smaller than an index of a
    // few hundred thousand items: building the name indexes and the FTS
    // table then re-reads pages for every row, and writing grows faster than
    // linearly (500 000 items from one .syms took 61 s instead of 25). The
    // cache is allocated as used, so small indexes do not pay for it.
    sql::exec(db, "PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF; PRAGMA temp_store=MEMORY; "
                  "PRAGMA cache_size=-262144;");
    if (!sql::exec(db, kSchema))
        return abandon(QStringLiteral("cannot create the index schema"));
    sql::exec(db, "BEGIN");
    {
        // Statements must be finalized before the database can be closed.
        sql::Statement rel(db, (std::string("INSERT INTO releases(id, ") + itemrow::kReleaseColumns +
                                ") VALUES(?,?,?,?,?,?,?,?)").c_str());
        sql::Statement ins(db, (std::string("INSERT INTO items(") + itemrow::kColumns +
                                ") VALUES(?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)").c_str());
        for (qsizetype r = 0; r < releases.size(); ++r) {
            const Release &release = releases.at(r);
            const qint64 rid = r + 1;
            rel.bind(1, rid);
            itemrow::bindRelease(rel, 2, release);
            if (!rel.exec())
                return abandon(QStringLiteral("cannot store release"));
            for (const Item &it : release.items) {
                itemrow::bindRow(ins, 1, rid, it);
                if (!ins.exec())
                    return abandon(QStringLiteral("cannot store item %1").arg(it.name));
            }
        }
    }
    testhook::reached("write");
    if (!sql::exec(db, kIndexes))
        return abandon(QStringLiteral("cannot build the search index"));
    {
        sql::Statement meta(db, "INSERT INTO meta(key, value) VALUES(?, ?)");
        meta.bind(1, QStringLiteral("written"));
        meta.bind(2, QDateTime::currentDateTimeUtc().toString(Qt::ISODate));
        meta.exec();
        for (auto it = extraMeta.cbegin(); it != extraMeta.cend(); ++it) {
            meta.bind(1, it.key());
            meta.bind(2, it.value());
            meta.exec();
        }
    }
    sql::exec(db, "COMMIT");
    sql::exec(db, ("PRAGMA user_version=" + std::to_string(kSchemaVersion)).c_str());
    if (sqlite3_close(db) != SQLITE_OK)
        return storeFail(diagnostics, tmp, QStringLiteral("cannot finish writing the index"));
    // rename(2) replaces the old index atomically: readers see old or new, never half.
    const QByteArray finalName = QFile::encodeName(path);
    if (std::rename(tmpName.constData(), finalName.constData()) != 0) {
        const QString err = QString::fromLocal8Bit(std::strerror(errno));
        QFile::remove(tmp);
        return storeFail(diagnostics, path, QStringLiteral("cannot replace the index: ") + err);
    }
    return true;
}

bool Store::removeStaleTemporary(const QString &path)
{
    const QByteArray tmpName = QFile::encodeName(path + QStringLiteral(".new"));
    const int fd = ::open(tmpName.constData(), O_RDWR | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK);
    if (fd < 0)
        return false;
    bool removed = false;
    // Unlocked and holding an index's first page (or nothing): a killed
    // writer's, not a file of the user's that happens to have this name.
    if (::flock(fd, LOCK_EX | LOCK_NB) == 0 && replaceRefusal(path + QStringLiteral(".new")).isEmpty())
        removed = ::unlink(tmpName.constData()) == 0;
    ::close(fd);
    return removed;
}

QList<StoredRelease> Store::releaseRows(const char *whereAndOrder) const
{
    const std::string sqlText = std::string("SELECT id, version, version_evidence, source_kind, source_path, "
                                            "fingerprint, item_count FROM releases ") +
                                whereAndOrder;
    QList<StoredRelease> out;
    sql::Statement q(m_db, sqlText.c_str());
    while (q.step())
        out.append({q.int64(0), Version::parse(q.text(1)), q.text(2), q.text(3), q.text(4), q.text(5),
                    int(q.int64(6))});
    return out;
}

QList<StoredRelease> Store::releases() const
{
    return releaseRows("WHERE source_kind != 'history' ORDER BY version_num, id");
}

QList<StoredRelease> Store::releasesWithHistory() const
{
    return releaseRows("ORDER BY source_kind = 'history', version_num, id");
}

std::optional<StoredRelease> Store::historyRelease() const
{
    const QList<StoredRelease> rows = releaseRows("WHERE source_kind = 'history' LIMIT 1");
    return rows.isEmpty() ? std::nullopt : std::optional<StoredRelease>(rows.constFirst());
}

Store::NewerRule Store::newerRule() const
{
    NewerRule rule;
    if (const auto h = historyRelease())
        rule.historyId = h->id;
    if (const QList<StoredRelease> all = releases(); !all.isEmpty())
        rule.newest = all.constLast().version;
    return rule;
}

std::optional<Item> Store::xmlItemOrNewer(const QString &path, qint64 releaseId, qint64 historyId) const
{
    if (!m_usageByName) {
        const std::string sqlText = std::string("SELECT ") + kUsageColumns +
                                    " FROM items WHERE name = ? AND release_id = ? ORDER BY id";
        m_usageByName = std::make_unique<sql::Statement>(m_db, sqlText.c_str());
    }
    const auto lastXml = [this, &path](qint64 release) {
        std::optional<Item> found;
        sql::Statement &q = *m_usageByName;
        q.reset();
        q.bind(1, path);
        q.bind(2, release);
        while (q.step()) {
            Item item = readUsageItem(q);
            if (kindFamily(item.kind) == QLatin1String("xml"))
                found = std::move(item);
        }
        q.reset();
        return found;
    };
    std::optional<Item> found = releaseId != 0 ? lastXml(releaseId) : std::nullopt;
    if (!found && historyId != 0) {
        found = lastXml(historyId);
        if (found && found->newerThanIndexed().isEmpty())
            found.reset();
    }
    return found;
}

QString Store::meta(const QString &key) const
{
    sql::Statement q(m_db, "SELECT value FROM meta WHERE key = ?");
    q.bind(1, key);
    return q.step() ? q.text(0) : QString();
}

namespace {

QList<ItemSummary> readSummaries(sqlite3 *db, const char *where, const QString &arg,
                                 qint64 expected)
{
    QList<ItemSummary> out;
    if (expected > 0)
        out.reserve(expected);
    const QByteArray sqlText =
        QByteArray("SELECT id, release_id, kind, name, tier, hypervisor, since, since_evidence, "
                   "since_after, since_upto, removed_in, tainted, inconsistent, latest, drivers "
                   "FROM items ") +
        where + " ORDER BY id";
    sql::Statement q(db, sqlText.constData());
    if (!arg.isNull())
        q.bind(1, arg);
    // One copy of each distinct string, shared by every row that has it:
    // a name recurs in every release that has the item, a tier or an
    // evidence kind in thousands of rows (the GUI keeps all the rows).
    QSet<QString> pool;
    const auto shared = [&pool](QString text) {
        if (text.isEmpty())
            return QString();
        const auto it = pool.constFind(text);
        if (it != pool.constEnd())
            return *it;
        pool.insert(text);
        return text;
    };
    while (q.step()) {
        ItemSummary s;
        s.id = q.int64(0);
        s.releaseId = q.int64(1);
        kindFromId(q.text(2), &s.kind);
        s.name = shared(q.text(3));
        s.tier = q.text(4);
        s.hypervisor = q.text(5);
        s.sinceExact = !q.text(6).isEmpty();
        s.sinceEvidence = q.text(7);
        s.sinceAfter = Version::parse(q.text(8));
        s.sinceUpTo = Version::parse(q.text(9));
        s.removed = !q.text(10).isEmpty();
        s.tainted = q.int64(11) != 0;
        s.inconsistent = q.int64(12) != 0;
        s.latest = q.int64(13) != 0;
        s.drivers = q.text(14);
        out.append(std::move(s));
    }
    return out;
}

} // namespace

QList<ItemSummary> Store::summaries() const
{
    sql::Statement n(m_db, "SELECT count(*) FROM items");
    return readSummaries(m_db, "", QString(), n.step() ? n.int64(0) : 0);
}

std::optional<QList<ItemSummary>> Store::summariesMatching(const QString &text) const
{
    if (text.isEmpty())
        return std::nullopt;
    // LIKE '%a%b%c%' is "a, b, c in this order", ASCII case folded.
    QString pattern = QStringLiteral("%");
    for (const QChar c : text) {
        if (c.unicode() >= 0x80)
            return std::nullopt;
        if (c == QLatin1Char('*') || c == QLatin1Char('?')) // a pattern's wildcards: any letters
            continue;
        if (c == QLatin1Char('%') || c == QLatin1Char('_') || c == QLatin1Char('\\'))
            pattern += QLatin1Char('\\');
        pattern += c;
        pattern += QLatin1Char('%');
    }
    return readSummaries(m_db, "WHERE name LIKE ?1 ESCAPE '\\'", pattern, 0);
}

QList<ItemSummary> Store::summariesOf(const QList<qint64> &ids) const
{
    QStringList list;
    for (qint64 id : ids)
        list << QString::number(id);
    return readSummaries(m_db, "WHERE id IN (SELECT value FROM json_each(?1))",
                         QLatin1Char('[') + list.join(QLatin1Char(',')) + QLatin1Char(']'), 0);
}

QHash<qint64, QString> Store::keysOf(const QList<qint64> &ids) const
{
    QHash<qint64, QString> out;
    if (ids.isEmpty())
        return out;
    QStringList list;
    for (qint64 id : ids)
        list << QString::number(id);
    sql::Statement q(m_db, "SELECT id, key FROM items WHERE id IN (SELECT value FROM json_each(?1)) "
                           "AND key IS NOT NULL AND key != '' AND key != name");
    q.bind(1, QLatin1Char('[') + list.join(QLatin1Char(',')) + QLatin1Char(']'));
    while (q.step())
        out.insert(q.int64(0), q.text(1));
    return out;
}

QHash<qint64, QString> Store::configFilesById() const
{
    QHash<qint64, QString> out;
    sql::Statement q(m_db, "SELECT id, parent FROM items WHERE kind = 'config-option'");
    while (q.step())
        out.insert(q.int64(0), q.text(1));
    return out;
}

Store::Counts Store::counts() const
{
    // The same counts as over summaries(): since IS NOT NULL is sinceExact,
    // since_after / since_upto are NULL exactly when the bound is invalid.
    Counts c;
    sql::Statement q(
        m_db, "SELECT release_id, kind, tier, count(*), sum(tainted <> 0), sum(inconsistent <> 0), "
              "sum(latest <> 0 AND since_upto IS NULL), "
              "sum(latest <> 0 AND ifnull(since, '') <> ''), "
              "sum(latest <> 0 AND ifnull(since, '') = '' AND since_after IS NOT NULL), "
              "sum(latest <> 0 AND ifnull(since, '') = '' AND since_after IS NULL AND since_upto "
              "IS NOT NULL) "
              "FROM items GROUP BY release_id, kind, tier");
    while (q.step()) {
        ItemKind kind = ItemKind::Function;
        kindFromId(q.text(1), &kind);
        const int n = int(q.int64(3));
        c.perKind[q.int64(0)][kindId(kind)] += n;
        c.perTier[q.int64(0)][q.text(2)] += n;
        c.items += n;
        c.tainted += int(q.int64(4));
        c.inconsistent += int(q.int64(5));
        c.noSince += int(q.int64(6));
        c.exact += int(q.int64(7));
        c.ranged += int(q.int64(8));
        c.upperOnly += int(q.int64(9));
    }
    return c;
}

ItemList Store::itemsByName(const QString &name) const
{
    return itemRows("WHERE name = ?1 ORDER BY release_id", {name});
}

ItemList Store::itemsByName(const QString &name, qint64 releaseId) const
{
    ItemList out;
    if (!m_byNameInRelease) {
        const std::string sqlText = std::string("SELECT ") + kItemColumns +
                                    " FROM items WHERE name = ? AND release_id = ? ORDER BY id";
        m_byNameInRelease = std::make_unique<sql::Statement>(m_db, sqlText.c_str());
    }
    sql::Statement &q = *m_byNameInRelease;
    q.reset();
    q.bind(1, name);
    q.bind(2, releaseId);
    while (q.step())
        out.append(readItem(q));
    q.reset();
    return out;
}

ItemList Store::itemsByParent(const QString &kind, const QString &parent) const
{
    return itemRows("WHERE kind = ?1 AND parent = ?2 ORDER BY release_id, id", {kind, parent});
}

ItemList Store::functionsWithEvidenceText(const QString &text) const
{
    // instr, not LIKE: '_' is a wildcard to LIKE and every node name has one.
    return itemRows("WHERE kind = 'function' AND latest = 1 AND instr(evidence, ?1) > 0 ORDER BY name, release_id",
                    {text});
}

ItemList Store::itemsWithTaintText(const QString &text) const
{
    return itemRows("WHERE latest = 1 AND instr(taints, ?1) > 0 ORDER BY name, release_id", {text});
}

ItemList Store::itemsEndingWith(const QString &kind, const QString &tail) const
{
    // A suffix compared as such: LIKE would read '_' and '%' in names.
    return itemRows("WHERE kind = ?1 AND (name = ?2 OR substr(name, -length(?2) - 1) = '/' || ?2) "
                    "ORDER BY release_id, id",
                    {kind, tail});
}

ItemList Store::itemsByKey(const QString &key) const
{
    return itemRows("WHERE key = ?1 ORDER BY release_id", {key});
}

ItemList Store::itemRows(const char *whereAndOrder, const QStringList &args) const
{
    const std::string sqlText = std::string("SELECT ") + kItemColumns + " FROM items " + whereAndOrder;
    sql::Statement q(m_db, sqlText.c_str());
    for (qsizetype i = 0; i < args.size(); ++i)
        q.bind(int(i) + 1, args.at(i));
    ItemList out;
    while (q.step())
        out.append(readItem(q));
    return out;
}

ItemList Store::itemsByOtherName(const QString &name) const
{
    ItemList out;
    // attrs is compact JSON; instr() narrows, the decoded list decides.
    for (Item &it : itemRows("WHERE latest = 1 AND instr(attrs, ?1) > 0 ORDER BY release_id",
                             {QLatin1Char('"') + name + QLatin1Char('"')})) {
        for (const auto &v : it.attrs.value(QStringLiteral("otherNames")).toArray())
            if (v.toString() == name) {
                out.append(std::move(it));
                break;
            }
    }
    return out;
}

Item Store::item(qint64 id) const
{
    const std::string sqlText = std::string("SELECT ") + kItemColumns + " FROM items WHERE id = ?";
    sql::Statement q(m_db, sqlText.c_str());
    q.bind(1, id);
    return q.step() ? readItem(q) : Item();
}

ItemList Store::releaseItems(qint64 releaseId, const QStringList &kinds) const
{
    ItemList out;
    std::string sqlText =
        std::string("SELECT ") + kItemColumns + " FROM items WHERE release_id = ?";
    if (!kinds.isEmpty())
        sqlText += " AND kind IN (SELECT value FROM json_each(?))";
    sqlText += " ORDER BY id";
    sql::Statement q(m_db, sqlText.c_str());
    q.bind(1, releaseId);
    if (!kinds.isEmpty())
        q.bind(
            2,
            QString::fromUtf8(
                QJsonDocument(QJsonArray::fromStringList(kinds)).toJson(QJsonDocument::Compact)));
    while (q.step()) {
        Item it = readItem(q);
        it.attrs.remove(QStringLiteral("_id"));
        it.attrs.remove(QStringLiteral("_release"));
        out.append(std::move(it));
    }
    return out;
}

std::optional<Store::SchemaSource> Store::schemaSource(const Version &prefer) const
{
    std::optional<SchemaSource> out;
    const QList<StoredRelease> all = releases();
    for (auto it = all.crbegin(); it != all.crend(); ++it) {
        if (out && !(prefer.isValid() && it->version == prefer))
            continue;
        Diagnostics ignored;
        const auto layout = SourceLayout::detect(it->sourcePath, &ignored);
        if (layout && !layout->schemaDir.isEmpty())
            out = SchemaSource{*it, layout->schemaDir};
    }
    return out;
}

ItemList Store::itemsOfKinds(const QList<ItemKind> &kinds) const
{
    QStringList ids;
    for (ItemKind k : kinds)
        ids << kindId(k);
    QList<StoredRelease> all = releases();
    if (const auto h = historyRelease())
        all.append(*h);
    ItemList out;
    for (const StoredRelease &r : std::as_const(all))
        out.append(releaseItems(r.id, ids));
    return out;
}

Release Store::loadRelease(const StoredRelease &stored) const
{
    Release r;
    r.version = stored.version;
    r.versionEvidence = stored.versionEvidence;
    r.sourceKind = Release::sourceKindFromId(stored.sourceKind);
    r.sourcePath = stored.sourcePath;
    r.fingerprint = stored.fingerprint;
    r.items = releaseItems(stored.id);
    return r;
}

QList<qint64> Store::fullText(const QString &query, int limit) const
{
    QList<qint64> out;
    // Quote every word so user input is never read as FTS5 query syntax.
    // Each word once, and at most kMaxWords of them: FTS5's ranking takes
    // time quadratic in the query's terms (a pasted log of 2 000 words took
    // minutes), and a dozen words already pick out any documentation text.
    constexpr qsizetype kMaxWords = 12;
    static const QRegularExpression space(QStringLiteral("\\s+"));
    QStringList words;
    for (const QString &w : query.split(space, Qt::SkipEmptyParts)) {
        QString q = w;
        q.replace(QLatin1Char('"'), QStringLiteral("\"\""));
        q = QLatin1Char('"') + q + QLatin1Char('"');
        if (!words.contains(q, Qt::CaseInsensitive))
            words << q;
        if (words.size() == kMaxWords)
            break;
    }
    if (words.isEmpty())
        return out;
    sql::Statement q(m_db, "SELECT rowid FROM items_fts WHERE items_fts MATCH ? ORDER BY rank LIMIT ?");
    q.bind(1, words.join(QLatin1Char(' ')));
    q.bind(2, qint64(limit));
    while (q.step())
        out.append(q.int64(0));
    return out;
}

int Store::itemCount() const
{
    sql::Statement q(m_db, "SELECT count(*) FROM items");
    return q.step() ? int(q.int64(0)) : 0;
}

QStringList driverIdsOf(const QList<ItemSummary> &items)
{
    QSet<QString> drivers;
    for (const ItemSummary &s : items)
        for (const QString &d : s.drivers.toString().split(QLatin1Char(','), Qt::SkipEmptyParts))
            drivers.insert(d);
    QStringList ids(drivers.cbegin(), drivers.cend());
    ids.sort();
    return ids;
}

} // namespace vse
