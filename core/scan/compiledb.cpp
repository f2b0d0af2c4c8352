#include "compiledb.h"

#include "io/confinedfile.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace vse::scan {

namespace {

// The arguments a parse needs, with paths made absolute.
QStringList parseArguments(const QStringList &argv, const QString &dir, const QString &file)
{
    static const QStringList withPath{QStringLiteral("-I"), QStringLiteral("-isystem"),
                                      QStringLiteral("-iquote"), QStringLiteral("-include"),
                                      QStringLiteral("-idirafter")};
    static const QStringList dropWithValue{QStringLiteral("-o"), QStringLiteral("-MF"),
                                           QStringLiteral("-MT"), QStringLiteral("-MQ")};
    const QDir base(dir);
    QStringList out;
    for (qsizetype i = 1; i < argv.size(); ++i) { // argv[0] is the compiler
        const QString &a = argv.at(i);
        if (dropWithValue.contains(a)) {
            ++i;
            continue;
        }
        if (a == QLatin1String("-c") || a == QLatin1String("-MD") || a == QLatin1String("-MMD") ||
            a.startsWith(QLatin1String("-W")) || a.startsWith(QLatin1String("-o")) ||
            QFileInfo(base.absoluteFilePath(a)).absoluteFilePath() == file)
            continue;
        if (withPath.contains(a) && i + 1 < argv.size()) {
            out << a << QDir::cleanPath(base.absoluteFilePath(argv.at(++i)));
            continue;
        }
        if (a.startsWith(QLatin1String("-I")) && a.size() > 2) {
            out << QStringLiteral("-I") + QDir::cleanPath(base.absoluteFilePath(a.mid(2)));
            continue;
        }
        out << a;
    }
    return out;
}

} // namespace

QString CompileDatabase::find(const QString &dir)
{
    for (const QString &candidate :
         {QStringLiteral("compile_commands.json"), QStringLiteral("build/compile_commands.json")}) {
        const QFileInfo fi(QDir(dir).filePath(candidate));
        if (fi.isFile())
            return fi.absoluteFilePath();
    }
    return {};
}

CompileDatabase CompileDatabase::load(const QString &path, Diagnostics *diagnostics)
{
    CompileDatabase db;
    db.path = path;
    QByteArray data;
    if (!SourceRoot().read(path, &data, diagnostics))
        return db;
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(data, &error);
    if (!doc.isArray()) {
        const int line = int(data.left(error.offset).count('\n')) + 1;
        diagnostics->append(Diagnostic::error(
            path, line,
            QStringLiteral("not a compilation database (a JSON array of entries): %1")
                .arg(error.errorString())));
        return db;
    }
    const QJsonArray entries = doc.array();
    for (qsizetype i = 0; i < entries.size(); ++i) {
        const QJsonObject e = entries.at(i).toObject();
        const QString dir = e.value(QStringLiteral("directory")).toString();
        const QString name = e.value(QStringLiteral("file")).toString();
        if (name.isEmpty()) {
            diagnostics->append(Diagnostic::warning(
                path, 0, QStringLiteral("entry %1 has no \"file\"").arg(i + 1)));
            continue;
        }
        const QFileInfo fi(QDir(dir).absoluteFilePath(name));
        if (!fi.isFile()) {
            diagnostics->append(Diagnostic::warning(
                path, 0,
                QStringLiteral("entry %1 names %2, which does not exist; not scanned")
                    .arg(i + 1)
                    .arg(fi.filePath())));
            continue;
        }
        QStringList argv;
        if (e.value(QStringLiteral("arguments")).isArray()) {
            for (const auto &v : e.value(QStringLiteral("arguments")).toArray())
                argv << v.toString();
        } else {
            argv = splitCommandLine(e.value(QStringLiteral("command")).toString());
        }
        const QString file = fi.canonicalFilePath();
        if (!db.argsByFile.contains(file))
            db.files << file;
        db.argsByFile.insert(file, parseArguments(argv, dir, fi.absoluteFilePath()));
    }
    return db;
}

} // namespace vse::scan
