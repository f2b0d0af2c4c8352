#pragma once

#include <QFile>
#include <QList>
#include <QString>
#include <QStringList>

#include <sqlite3.h>

// Rows of an SQL query on an index file, opened read-only and apart from the
// tool: the independent route for expected results. NULL reads as "".
namespace vse::testdata {

inline QList<QStringList> sqlRows(const QString &indexPath, const QString &sql)
{
    QList<QStringList> rows;
    sqlite3 *db = nullptr;
    if (sqlite3_open_v2(QFile::encodeName(indexPath).constData(), &db, SQLITE_OPEN_READONLY,
                        nullptr) == SQLITE_OK) {
        sqlite3_stmt *st = nullptr;
        const QByteArray q = sql.toUtf8();
        if (sqlite3_prepare_v2(db, q.constData(), -1, &st, nullptr) == SQLITE_OK) {
            while (sqlite3_step(st) == SQLITE_ROW) {
                QStringList row;
                for (int c = 0; c < sqlite3_column_count(st); ++c) {
                    const auto *t = reinterpret_cast<const char *>(sqlite3_column_text(st, c));
                    row << QString::fromUtf8(t ? t : "");
                }
                rows.append(row);
            }
        }
        sqlite3_finalize(st);
    }
    sqlite3_close(db);
    return rows;
}

} // namespace vse::testdata
