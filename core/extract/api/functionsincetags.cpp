#include "functionsincetags.h"

#include "doccomment.h"

#include "io/confinedfile.h"
#include "io/dirlisting.h"
#include "io/fswatch.h"

#include <QDir>
#include <QFileInfo>

#include <algorithm>

namespace vse::functionsincetags {

namespace {

bool isIdentifier(const QString &s)
{
    if (s.isEmpty() || !(s.front().isLetter() || s.front() == QLatin1Char('_')))
        return false;
    for (QChar c : s)
        if (!(c.isLetterOrNumber() || c == QLatin1Char('_')))
            return false;
    return true;
}

} // namespace

QStringList filesOf(const QString &root)
{
    QStringList files;
    const QString src = QDir::cleanPath(root + QStringLiteral("/src"));
    for (const QString &f : DirListing::entries(src, {QStringLiteral("libvirt*.c")}, DirListing::Type::Files))
        files.append(f);
    const QString admin = src + QStringLiteral("/admin/libvirt-admin.c");
    if (FsWatch::isFile(admin))
        files.append(admin);
    return files;
}

QList<FunctionSinceTag> parse(const QByteArray &text, const QString &fileName)
{
    QList<FunctionSinceTag> tags;
    int line = 1;           // the line of text[counted]
    qsizetype counted = 0;
    for (qsizetype start = text.indexOf("/**"); start >= 0; start = text.indexOf("/**", start)) {
        const qsizetype end = text.indexOf("*/", start + 3);
        if (end < 0)
            break;
        const DocComment doc = doccomment::parse(QByteArrayView(text).sliced(start, end + 2 - start));
        if (doc.since.isValid() && isIdentifier(doc.title)) {
            const qsizetype title = text.indexOf(doc.title.toLatin1(), start);
            line += int(std::count(text.constBegin() + counted, text.constBegin() + title, '\n'));
            counted = title;
            tags.append({doc.title, doc.since, fileName, line});
        }
        start = end + 2;
    }
    return tags;
}

QList<FunctionSinceTag> read(const QString &path, const SourceRoot &root, Diagnostics *diagnostics)
{
    QByteArray text;
    if (!root.read(path, &text, diagnostics))
        return {};
    const QString name = root.confines() ? QDir(root.path()).relativeFilePath(path) : path;
    return parse(text, name);
}

} // namespace vse::functionsincetags
