// The structure limits of UntrustedXml: one pass over the bytes, before
// libxml2 sees them, so that what libxml2 does in quadratic time (duplicate
// attribute checks, RelaxNG validation of long child lists) is never reached.

#include "untrustedxml.h"

#include <QCoreApplication>
#include <QVarLengthArray>

#include <algorithm>
#include <cstring>

namespace vse {

namespace {

struct Open
{
    QByteArrayView name; // into the document's bytes, which outlive the scan
    int line = 0;
    int children = 0;
};

bool isSpace(char c)
{
    return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

} // namespace

QString UntrustedXml::structureRefusal(const QByteArray &data, int *line)
{
    const char *p = data.constData();
    const qsizetype n = data.size();
    qsizetype i = 0;
    int ln = 1;
    // Moves to `to`, counting the lines passed: every byte is counted once.
    const auto advanceTo = [&](qsizetype to) {
        to = std::min(to, n);
        ln += int(std::count(p + i, p + to, '\n'));
        i = to;
    };
    const auto skipPast = [&](const char *end, qsizetype from) {
        const qsizetype at = data.indexOf(end, from);
        advanceTo(at < 0 ? n : at + qsizetype(std::strlen(end)));
    };
    QVarLengthArray<Open, 64> stack;
    int elements = 0;
    while (i < n) {
        const void *lt = std::memchr(p + i, '<', size_t(n - i));
        if (!lt)
            break;
        advanceTo(static_cast<const char *>(lt) - p);
        const QByteArrayView rest(p + i, n - i);
        if (rest.startsWith("<!--")) {
            skipPast("-->", i + 4);
        } else if (rest.startsWith("<![CDATA[")) {
            skipPast("]]>", i + 9);
        } else if (rest.startsWith("<?")) {
            skipPast("?>", i + 2);
        } else if (rest.startsWith("<!")) {
            // The DOCTYPE (checkDoctype has refused any with entities); an
            // internal subset runs to "]".
            const qsizetype bracket = data.indexOf('[', i);
            const qsizetype gt = data.indexOf('>', i);
            if (bracket >= 0 && (gt < 0 || bracket < gt))
                skipPast("]", bracket);
            skipPast(">", i);
        } else if (rest.startsWith("</")) {
            if (!stack.isEmpty())
                stack.removeLast();
            skipPast(">", i + 2);
        } else {
            const int elementLine = ln;
            qsizetype j = i + 1;
            while (j < n && !isSpace(p[j]) && p[j] != '>' && p[j] != '/')
                ++j;
            const QByteArrayView name(p + i + 1, j - i - 1);
            if (++elements > kMaxElements) {
                *line = elementLine;
                return QCoreApplication::translate("UntrustedXml", "refused: the document has more than %1 elements (the checker's limit; "
                          "libvirt "
                          "documents have far fewer, and validation time grows faster than their "
                          "number)")
                    .arg(kMaxElements);
            }
            if (!stack.isEmpty() && ++stack.last().children > kMaxChildren) {
                *line = elementLine;
                return QCoreApplication::translate("UntrustedXml", "refused: element <%1> (line %2) has more than %3 child elements (the "
                          "checker's limit: "
                          "RelaxNG validation time grows with the square of an element's children)")
                    .arg(QString::fromUtf8(stack.last().name.toByteArray()))
                    .arg(stack.last().line)
                    .arg(kMaxChildren);
            }
            // Attributes: '=' outside quoted values, up to the tag's '>'.
            int attributes = 0;
            char quote = 0;
            while (j < n && (quote || p[j] != '>')) {
                if (quote) {
                    if (p[j] == quote)
                        quote = 0;
                } else if (p[j] == '"' || p[j] == '\'') {
                    quote = p[j];
                } else if (p[j] == '=') {
                    ++attributes;
                }
                ++j;
            }
            if (attributes > kMaxAttributes) {
                *line = elementLine;
                return QCoreApplication::translate("UntrustedXml", "refused: element <%1> has more than %2 attributes (the checker's limit: "
                          "libxml2 "
                          "compares each attribute with every other)")
                    .arg(QString::fromUtf8(name.toByteArray()))
                    .arg(kMaxAttributes);
            }
            const bool selfClosing = j < n && j > i && p[j - 1] == '/';
            advanceTo(j + 1);
            if (!selfClosing) {
                stack.append({name, elementLine, 0});
                if (stack.size() > kMaxDepth) {
                    *line = elementLine;
                    return QCoreApplication::translate("UntrustedXml", "refused: elements nested more than %1 deep (the checker's limit)")
                        .arg(kMaxDepth);
                }
            }
        }
    }
    return {};
}

} // namespace vse
