// Store::replaceRefusal: whether a file that is not a usable index is one of
// ours (rebuilt) or the user's (left alone). store.h says why.
#include "store.h"

#include "freshnessstamp.h"
#include "sqlite.h"

#include <QFile>
#include <QFileInfo>

#include <sqlite3.h>

namespace vse {

QString Store::replaceRefusal(const QString &path)
{
    const QFileInfo fi(path);
    if (!fi.exists() && !fi.isSymLink())
        return {};
    if (fi.isDir())
        return QStringLiteral("a folder");
    if (!fi.isFile())
        return QStringLiteral("not a regular file");
    if (fi.size() == 0 || fi.absoluteFilePath() == QFileInfo(defaultPath()).absoluteFilePath())
        return {};
    // This tool's freshness note beside it: the file was an index.
    {
        QFile stamp(FreshnessStamp::pathFor(path));
        if (stamp.open(QIODevice::ReadOnly) && stamp.read(32).startsWith("virt-support-explorer freshness"))
            return {};
    }
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return QStringLiteral("it cannot be read");
    const QByteArray head = f.read(64 * 1024);
    if (!head.startsWith(QByteArray("SQLite format 3", 16)))
        return QStringLiteral("not an SQLite database");
    f.close();
    // The schema's text is in the first page (SQLite keeps its table list
    // there): readable even when SQLite refuses the file (a truncated index
    // names pages past its end, and SQLite then parses no statement at all).
    if (head.contains("CREATE TABLE items(") && head.contains("CREATE TABLE releases("))
        return {};
    sqlite3 *db = nullptr;
    const QByteArray name = QFile::encodeName(path);
    QString why;
    if (sqlite3_open_v2(name.constData(), &db, SQLITE_OPEN_READONLY, nullptr) != SQLITE_OK) {
        why = QStringLiteral("an SQLite database that cannot be opened");
    } else {
        sql::Statement tables(db, "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name IN ('items', 'releases')");
        if (!tables.ok() || !tables.step())
            why = QStringLiteral("an SQLite database whose tables cannot be read");
        else if (tables.int64(0) != 2)
            why = QStringLiteral("another program's SQLite database: no items and releases tables");
    }
    sqlite3_close(db);
    return why;
}

} // namespace vse
