#pragma once

#include "io/confinedfile.h"
#include "model/diagnostic.h"

#include <QByteArray>
#include <QString>

typedef struct _xmlDoc xmlDoc;

namespace vse {

// Reads and parses an XML file a user hands us (a domain XML pasted from a
// ticket, say) without trusting it: size cap, binary and encoding checks, and
// a refusal of DTDs that declare entities or name an external subset (XXE,
// "billion laughs"). The DTD check is our own scan of the bytes, done before
// libxml2 sees them, so the outcome does not depend on the libxml2 version
// (2.9 and 2.12+ differ in what they expand and when they give up).
class UntrustedXml
{
public:
    static constexpr qint64 kMaxSize = SourceRoot::kMaxFileSize;
    // Structure limits, checked by a linear scan before libxml2 parses:
    // libxml2 checks an element's attributes for duplicates pairwise, and
    // its RelaxNG validation of an element's children (interleave, repeated
    // groups) grows with the square of their number, so a 16 MiB document
    // of 700 000 <serial> elements would validate for hours. Real libvirt
    // documents are far below these (a few dozen attributes at most, a few
    // thousand elements for the largest host capabilities).
    static constexpr int kMaxAttributes = 256;    // per element
    static constexpr int kMaxChildren = 10000;    // child elements of one element
    static constexpr int kMaxElements = 50000;    // in the whole document
    static constexpr int kMaxDepth = 256;         // element nesting (libxml2's own default)

    UntrustedXml() = default;
    ~UntrustedXml();
    UntrustedXml(const UntrustedXml &) = delete;
    UntrustedXml &operator=(const UntrustedXml &) = delete;

    // False (with a diagnostic naming the file and, when known, the line)
    // when the file is refused or does not parse.
    bool load(const QString &file, Diagnostics *diagnostics);
    bool loadData(const QByteArray &data, const QString &file, Diagnostics *diagnostics);

    xmlDoc *document() const { return m_doc; }

    // The byte-level checks alone; empty when acceptable, else the reason
    // and (through *line) where.
    static QString refusalReason(const QByteArray &data, int *line);
    // The structure limits above alone (a scan of the bytes, no parse).
    static QString structureRefusal(const QByteArray &data, int *line);

private:
    xmlDoc *m_doc = nullptr;
};

} // namespace vse
