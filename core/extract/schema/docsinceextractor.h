#pragma once

#include "model/diagnostic.h"
#include "model/item.h"

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
    static int apply(ItemList &items, const QString &htmlDir, Diagnostics *diagnostics);

    // Root element(s) a format page documents ("formatdomain.html" -> domain).
    static QStringList rootsForPage(const QString &page);
};

} // namespace vse
