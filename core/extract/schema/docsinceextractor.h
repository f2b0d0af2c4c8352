#pragma once

#include "model/diagnostic.h"
#include "model/item.h"

#include <QHash>

namespace vse {

// Reads "Since x.y.z" notes from libvirt's HTML format documentation
// (libvirt-doc: formatdomain.html, formatnetwork.html...) and attaches them to
// schema items as Documentation evidence. Only confident matches count: a
// definition-list entry naming exactly one element or attribute, whose
// description carries exactly one since note, and that name resolves to one
// item of the page's schema within the elements of the example just above
// it. Anything ambiguous is left without a since: never guessed.
class DocSinceExtractor
{
public:
    static QString installedDocDir() { return QStringLiteral("/usr/share/doc/libvirt-doc/html"); }

    // Returns how many items got a documentation since.
    // Pages are read through sourceRoot (htmlDir itself when empty; see
    // SourceRoot): one outside it, not regular or over the limit is an error.
    static int apply(ItemList &items, const QString &htmlDir, Diagnostics *diagnostics,
                     const QString &sourceRoot = {});

    // A "Since" note of a source tree's docs attributed to one item.
    struct SourceNote
    {
        qsizetype item = -1; // index into the items given
        Version version;
        QString file; // "docs/formatdomain.rst"
        int line = 0;
        QString source; // "rst" or "html.in"
    };

    // Reads the format documentation of a source tree at root: the `:since:`
    // roles of docs/format*.rst (new trees) or the since spans of
    // docs/format*.html.in (old trees), attributed with the same confident
    // rules as apply(). In .rst, two forms count:
    //  - a definition-list entry whose term is exactly one inline literal
    //    (``name``) naming an element or attribute, whose description has
    //    exactly one role, in its first paragraph, reading "Since X.Y.Z";
    //    the name must resolve to one item within the elements of the
    //    literal block just above it;
    //  - a role reading exactly "'VALUE' since X.Y.Z" names an enumerated
    //    value: it must resolve to one value item whose element is in the
    //    literal block just above it or the next one of the same section.
    // Notes are sorted by file, line.
    static QList<SourceNote> readSourceTree(const ItemList &items, const QString &root);

    // The notes of one page already in memory, by the rules above. `file`
    // names it and picks the format from its suffix (".rst", ".html.in" or
    // the installed ".html") and the roots from its name (rootsForPage); the
    // notes' file is `file` as given. A page that does not parse is a
    // warning in `diagnostics` when given. The fuzzer's entry point.
    static QList<SourceNote> readPage(const ItemList &items, const QByteArray &data,
                                      const QString &file, Diagnostics *diagnostics = nullptr);

    // readPage for many pages over the same items (the fuzzer, a batch): the
    // name and value indexes over the items are built once, not per page.
    // The items must outlive the reader.
    class PageReader
    {
    public:
        explicit PageReader(const ItemList &items);
        QList<SourceNote> read(const QByteArray &data, const QString &file,
                               Diagnostics *diagnostics = nullptr) const;

    private:
        const ItemList &m_items;
        QHash<QString, QList<qsizetype>> m_byName;
        QHash<QString, QList<qsizetype>> m_byValue;
    };

    // Root element(s) a format page documents ("formatdomain.html" -> domain).
    static QStringList rootsForPage(const QString &page);
};

} // namespace vse
