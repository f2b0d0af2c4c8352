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

// A C identifier in ASCII: the title is looked up again as bytes.
bool isIdentifier(const QString &s)
{
    const auto word = [](QChar c) {
        return (c >= QLatin1Char('a') && c <= QLatin1Char('z')) || (c >= QLatin1Char('A') && c <= QLatin1Char('Z')) ||
               (c >= QLatin1Char('0') && c <= QLatin1Char('9')) || c == QLatin1Char('_');
    };
    if (s.isEmpty() || (s.front() >= QLatin1Char('0') && s.front() <= QLatin1Char('9')))
        return false;
    return std::all_of(s.cbegin(), s.cend(), word);
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
        const qsizetype end = text.indexOf("*/", start + 2); // "/**/" closes itself
        if (end < 0)
            break;
        const DocComment doc = doccomment::parse(QByteArrayView(text).sliced(start, end + 2 - start));
        if (doc.since.isValid() && isIdentifier(doc.title)) {
            const qsizetype title = text.indexOf(doc.title.toLatin1(), start);
            if (title < counted || title > end) {
                start = end + 2;
                continue; // not where the block says (cannot happen for ASCII titles)
            }
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
