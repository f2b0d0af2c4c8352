#pragma once

#include "index/indexer.h"
#include "index/store.h"
#include "sqlrows.h"
#include "testdata.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <sqlite3.h>

// Helpers shared by the GUI tests: a real index of the installed libvirt
// ("/") built once per test process, and independent SQL counts to check the
// GUI's filters against.
namespace vse::guitest {

inline QTemporaryDir &tempDir()
{
    static QTemporaryDir dir;
    return dir;
}

// Builds (once) the index of the installed libvirt; empty string plus a
// message on failure.
inline QString installedIndex(QString *problem)
{
    static QString path;
    static QString error;
    if (path.isEmpty() && error.isEmpty()) {
        const QString p = tempDir().filePath(QStringLiteral("installed.sqlite"));
        const Indexer::Result r = Indexer::run({QStringLiteral("/")}, p);
        if (!r.ok || r.items == 0) {
            error = QStringLiteral("indexing the installed libvirt failed:");
            for (const auto &d : r.diagnostics)
                error += QLatin1Char(' ') + d.toString();
        } else {
            path = p;
        }
    }
    *problem = error;
    return path;
}

// Builds (once) the index of the installed libvirt plus the corpus's 1.3.5
// source tree: two releases, so items were removed, renamed and changed.
// Empty string plus a message when the corpus is not configured (the caller
// skips) or indexing failed (the caller fails; *corpusMissing tells which).
inline QString releasesIndex(QString *problem, bool *corpusMissing)
{
    static QString path;
    static QString error;
    static bool missing = false;
    if (path.isEmpty() && error.isEmpty()) {
        const QString tree = vse::testdata::corpusDir() + QStringLiteral("/1.3.5");
        if (vse::testdata::corpusDir().isEmpty() || !QDir(tree).exists()) {
            missing = true;
            error = QStringLiteral("VSE_CORPUS_DIR is not set or has no 1.3.5: multi-release GUI tests skipped");
        } else {
            const QString p = tempDir().filePath(QStringLiteral("releases.sqlite"));
            const Indexer::Result r = Indexer::run({QStringLiteral("/"), tree}, p);
            if (!r.ok || r.releases < 2) {
                error = QStringLiteral("indexing / and %1 failed:").arg(tree);
                for (const auto &d : r.diagnostics)
                    error += QLatin1Char(' ') + d.toString();
            } else {
                path = p;
            }
        }
    }
    *problem = error;
    *corpusMissing = missing;
    return path;
}

// One text value from an SQL query (empty when none).
inline QString sqlText(const QString &indexPath, const QString &sql)
{
    sqlite3 *db = nullptr;
    QString out;
    if (sqlite3_open_v2(QFile::encodeName(indexPath).constData(), &db, SQLITE_OPEN_READONLY, nullptr) == SQLITE_OK) {
        sqlite3_stmt *st = nullptr;
        const QByteArray q = sql.toUtf8();
        if (sqlite3_prepare_v2(db, q.constData(), -1, &st, nullptr) == SQLITE_OK && sqlite3_step(st) == SQLITE_ROW) {
            const auto *t = reinterpret_cast<const char *>(sqlite3_column_text(st, 0));
            out = QString::fromUtf8(t ? t : "");
        }
        sqlite3_finalize(st);
    }
    sqlite3_close(db);
    return out;
}

// One integer from an SQL query on the index, opened separately from the
// GUI's Store: the independent route for expected counts.
inline qint64 sqlCount(const QString &indexPath, const QString &sql)
{
    sqlite3 *db = nullptr;
    qint64 n = -1;
    if (sqlite3_open_v2(QFile::encodeName(indexPath).constData(), &db, SQLITE_OPEN_READONLY, nullptr) == SQLITE_OK) {
        sqlite3_stmt *st = nullptr;
        const QByteArray q = sql.toUtf8();
        if (sqlite3_prepare_v2(db, q.constData(), -1, &st, nullptr) == SQLITE_OK && sqlite3_step(st) == SQLITE_ROW)
            n = sqlite3_column_int64(st, 0);
        sqlite3_finalize(st);
    }
    sqlite3_close(db);
    return n;
}

// Every row of an SQL query on the index (NULL reads as "").
inline QList<QStringList> sqlRowsOf(const QString &indexPath, const QString &sql)
{
    return vse::testdata::sqlRows(indexPath, sql);
}

// The tier ids of a tier group, read straight from the policy file.
inline QStringList tiersOfGroup(const QString &group)
{
    QFile f(qEnvironmentVariable("VSE_SOURCE_DIR") + QStringLiteral("/resources/policy/tiers.json"));
    QStringList out;
    if (!f.open(QIODevice::ReadOnly))
        return out;
    for (const QJsonValue &t : QJsonDocument::fromJson(f.readAll()).object().value(QStringLiteral("tiers")).toArray())
        if (t.toObject().value(QStringLiteral("group")).toString() == group)
            out << t.toObject().value(QStringLiteral("id")).toString();
    return out;
}

inline QString sqlList(const QStringList &values)
{
    QStringList quoted;
    for (const QString &v : values)
        quoted << QLatin1Char('\'') + v + QLatin1Char('\'');
    return quoted.join(QLatin1Char(','));
}

} // namespace vse::guitest

#define VSE_REQUIRE_RELEASES_INDEX(var)                                                            \
    QString var;                                                                                   \
    do {                                                                                           \
        QString problem_;                                                                          \
        bool missing_ = false;                                                                     \
        var = vse::guitest::releasesIndex(&problem_, &missing_);                                   \
        if (var.isEmpty() && missing_)                                                             \
            QSKIP(qPrintable(problem_));                                                           \
        if (var.isEmpty())                                                                         \
            QFAIL(qPrintable(problem_));                                                           \
    } while (false)

#define VSE_REQUIRE_INSTALLED_INDEX(var)                                                           \
    QString var;                                                                                   \
    do {                                                                                           \
        QString problem_;                                                                          \
        var = vse::guitest::installedIndex(&problem_);                                             \
        if (var.isEmpty())                                                                         \
            QFAIL(qPrintable(problem_));                                                           \
    } while (false)
