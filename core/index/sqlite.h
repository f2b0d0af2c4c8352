#pragma once

#include <QByteArray>
#include <QString>

struct sqlite3;
struct sqlite3_stmt;

namespace vse::sql {

// Thin RAII wrappers over SQLite's C API: the index needs FTS5 and full
// control over transactions and file replacement, which Qt SQL hides.
class Statement
{
public:
    Statement(sqlite3 *db, const char *sql);
    ~Statement();
    Statement(const Statement &) = delete;
    Statement &operator=(const Statement &) = delete;

    bool ok() const { return m_stmt != nullptr; }
    void bind(int index, const QString &value);
    void bind(int index, qint64 value);
    void bindNull(int index);
    // Returns true while a row is available.
    bool step();
    // Runs to completion; false on error.
    bool exec();
    void reset();

    qint64 int64(int column) const;
    QString text(int column) const;
    QByteArray blob(int column) const;
    bool isNull(int column) const;

private:
    sqlite3_stmt *m_stmt = nullptr;
    int m_lastResult = 0;
};

// Runs one or more statements without results; false on error.
bool exec(sqlite3 *db, const char *sql);
QString lastError(sqlite3 *db);

} // namespace vse::sql
