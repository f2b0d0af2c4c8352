#include "dirlisting.h"

#include "fswatch.h"

#include <QFile>

#include <dirent.h>
#include <sys/stat.h>

#include <algorithm>
#include <memory>

namespace vse {

namespace {

// Greedy wildcard matching with one backtrack point (the last '*'),
// case-insensitive as QDir's name filters. `at(i)` gives the name's i-th
// character, so ASCII names are matched in their bytes.
bool sameFolded(QChar a, QChar b)
{
    if (a == b)
        return true;
    if (a.unicode() < 0x80 && b.unicode() < 0x80) {
        const auto lower = [](char16_t c) { return c >= u'A' && c <= u'Z' ? char16_t(c + 32) : c; };
        return lower(a.unicode()) == lower(b.unicode());
    }
    return a.toCaseFolded() == b.toCaseFolded();
}

template<typename At>
bool matchesWildcard(At at, qsizetype size, QStringView pattern)
{
    qsizetype n = 0, p = 0, starP = -1, starN = 0;
    while (n < size) {
        if (p < pattern.size() && pattern.at(p) == QLatin1Char('*')) {
            starP = p++;
            starN = n;
        } else if (p < pattern.size() &&
                   sameFolded(pattern.at(p), at(n))) {
            ++p;
            ++n;
        } else if (starP >= 0) {
            p = starP + 1;
            n = ++starN;
        } else {
            return false;
        }
    }
    while (p < pattern.size() && pattern.at(p) == QLatin1Char('*'))
        ++p;
    return p == pattern.size();
}

bool isAscii(const char *s)
{
    for (; *s; ++s)
        if (static_cast<unsigned char>(*s) >= 0x80)
            return false;
    return true;
}

struct DirCloser
{
    void operator()(DIR *d) const { ::closedir(d); }
};

void list(const QString &dir, const QStringList &patterns, DirListing::Type type, bool recursive,
          QStringList *out)
{
    const QByteArray encoded = QFile::encodeName(dir);
    // Before listing: a name added meanwhile changes the folder's time again.
    FsWatch::noteFolder(encoded);
    const std::unique_ptr<DIR, DirCloser> d(::opendir(encoded.constData()));
    if (!d)
        return;
    const QString prefix = dir.endsWith(QLatin1Char('/')) ? dir : dir + QLatin1Char('/');
    while (const dirent *e = ::readdir(d.get())) {
        // Hidden entries (".", ".." among them) are neither listed nor entered.
        if (e->d_name[0] == '.')
            continue;
        const auto path = [&] { return QByteArray(encoded + '/' + e->d_name); };
        unsigned char t = e->d_type;
        struct stat st = {};
        if (t == DT_UNKNOWN) {
            if (::lstat(path().constData(), &st) != 0)
                continue;
            t = IFTODT(st.st_mode);
        }
        bool isDir = t == DT_DIR;
        bool isFile = t == DT_REG;
        if (t == DT_LNK) {
            // The target decides, as for QFileInfo; a dangling link is a
            // "system" entry QDir leaves out, and a link to something neither
            // a file nor a folder passes both filters, as it does in QDir.
            if (::stat(path().constData(), &st) != 0)
                continue;
            isDir = S_ISDIR(st.st_mode);
            isFile = S_ISREG(st.st_mode);
            if (!isDir && !isFile)
                isDir = isFile = true;
        }
        const bool wanted = type == DirListing::Type::Files ? isFile : isDir;
        const bool descend = recursive && t == DT_DIR; // not through links, as QDirIterator
        if (!wanted && !descend)
            continue;
        // Most names are ASCII: matched in their bytes, decoded only when
        // listed (decoding every name cost more than the listing itself).
        const bool ascii = isAscii(e->d_name);
        const QString decoded = ascii ? QString() : QFile::decodeName(e->d_name);
        const QLatin1String bytes(e->d_name);
        const auto name = [&] { return ascii ? QString(bytes) : decoded; };
        const auto matches = [&](const QString &p) {
            return ascii ? matchesWildcard([&](qsizetype i) { return QChar(bytes.at(i)); }, bytes.size(), p)
                         : DirListing::matches(decoded, p);
        };
        if (wanted && (patterns.isEmpty() || std::any_of(patterns.cbegin(), patterns.cend(), matches)))
            out->append(prefix + name());
        if (descend)
            list(prefix + name(), patterns, type, recursive, out);
    }
}

} // namespace

bool DirListing::matches(QStringView name, QStringView pattern)
{
    return matchesWildcard([&](qsizetype i) { return name.at(i); }, name.size(), pattern);
}

QStringList DirListing::entries(const QString &dir, const QStringList &patterns, Type type, bool recursive)
{
    QStringList out;
    if (!dir.isEmpty())
        list(dir, patterns, type, recursive, &out);
    out.sort();
    return out;
}

} // namespace vse
