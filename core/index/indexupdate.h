#pragma once

#include "model/diagnostic.h"
#include "model/release.h"
#include "store.h"

#include <QHash>
#include <QList>
#include <QString>

namespace vse {

// Brings an existing index up to date by rewriting only the rows that
// changed. The result is the index Store::write() would write for the same
// releases — the same rows with the same ids in the same order — but a
// release added to nine others leaves most rows as they were, and of the
// rows the merge touched (another release's "latest" or since range) only
// the merged columns are encoded and written again. Everything happens in
// one SQLite transaction on the live file (rollback journal), so an
// interrupted update leaves the previous index; when most rows would change
// anyway (a release older than every indexed one shifts every id), the
// whole file is written anew through Store::write() instead.
class IndexUpdate
{
public:
    // The rows of the old index that this run loaded, as they were loaded
    // (before merging): the releases table, the unchanged releases' items
    // and the history's rows, each under its row id.
    class Baseline
    {
    public:
        // Reads the releases table and the "written" stamp of `old`.
        void begin(const Store &old);
        // The items of one stored release as loaded (before any merge).
        void add(const Store &old, const StoredRelease &stored, const ItemList &loaded);
        // Loads the rows of the history's release, if the index has one.
        void addHistory(const Store &old);
        bool isEmpty() const { return m_releases.isEmpty(); }

    private:
        friend class IndexUpdate;
        struct Rows
        {
            qint64 releaseId = 0;
            qint64 firstId = 0;
            ItemList items;
        };
        QList<StoredRelease> m_releases; // every row, history included
        QList<Rows> m_rows;
        QString m_written;
        // The history digest the old rows were merged with (pack + applier
        // version): when it differs, the rules that derive the since columns
        // from the evidence may have changed, so every row's are written.
        QString m_historyDigest;
    };

    struct Stats
    {
        bool rewritten = false; // written as a new file through Store::write
        qint64 rows = 0;        // items rows of the result
        qint64 unchanged = 0;
        qint64 merged = 0; // rows whose merged columns only were written
        qint64 replaced = 0; // rows written whole (new, moved or changed)
        qint64 deleted = 0;
    };

    // Writes a new file instead when more than this share of the old rows
    // would be written over whole: then a fresh file is smaller and faster.
    static constexpr double kRewriteShare = 0.5;

    // An update killed before its COMMIT leaves a hot journal beside the
    // index, which only a writable connection rolls back (a read-only one
    // fails to read). Rolls it back when there is one; cheap otherwise.
    static void recover(const QString &path);

    static bool write(const QString &path, const QList<Release> &releases, const Baseline &baseline,
                      Diagnostics *diagnostics, const QHash<QString, QString> &meta, Stats *stats = nullptr);
};

} // namespace vse
