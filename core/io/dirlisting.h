#pragma once

#include <QString>
#include <QStringList>

namespace vse {

// Lists a folder with opendir/readdir. Every query checks that the index is
// up to date by listing the input folders of each indexed release, and
// QDirIterator (a QFileInfo and a stat per entry) and QDir's name filters (a
// regular expression per pattern) made that check cost more than the query.
//
// Selects what QDir and QDirIterator select with the same filters, so the
// indexer's fingerprints do not change: `Files` is regular files and
// symbolic links to them, `Dirs` directories and links to them, never "."
// or "..", never hidden (dot) entries. Name patterns are shell wildcards with
// '*' only, matched case-insensitively as QDir's name filters are; an empty
// list matches every name. `recursive` descends into subfolders as
// QDirIterator::Subdirectories does (not through symbolic links, not into
// hidden folders). Returns full paths ("dir/name"), sorted.
struct DirListing
{
    enum class Type { Files, Dirs };
    static QStringList entries(const QString &dir, const QStringList &patterns, Type type,
                               bool recursive = false);
    // The matching rule on its own: '*' matches any run of characters.
    static bool matches(QStringView name, QStringView pattern);
};

} // namespace vse
