#include "doccomment.h"

#include <limits>

namespace vse::doccomment {

namespace {

bool isBlank(char c)
{
    return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '\v';
}

bool isSpace(char c)
{
    return c == ' ' || c == '\t' || c == '\r';
}

qsizetype lineStart(QByteArrayView text, qsizetype offset)
{
    while (offset > 0 && text[offset - 1] != '\n')
        --offset;
    return offset;
}

// The comment ending at `end` (exclusive, just after "*/"): its start, or -1.
qsizetype commentStartBefore(QByteArrayView text, qsizetype end)
{
    if (end < 4 || text[end - 1] != '/' || text[end - 2] != '*')
        return -1;
    for (qsizetype i = end - 3; i > 0; --i)
        if (text[i - 1] == '/' && text[i] == '*')
            return i - 1;
    return -1;
}

// The comment starting at `start` ("/*"): its end just after "*/", or -1.
qsizetype commentEndAfter(QByteArrayView text, qsizetype start)
{
    if (start + 1 >= text.size() || text[start] != '/' || text[start + 1] != '*')
        return -1;
    for (qsizetype i = start + 2; i + 1 < text.size(); ++i)
        if (text[i] == '*' && text[i + 1] == '/')
            return i + 2;
    return -1;
}

qsizetype skipBlank(QByteArrayView text, qsizetype i)
{
    while (i < text.size() && isBlank(text[i]))
        ++i;
    return i;
}

qsizetype skipSpace(QByteArrayView text, qsizetype i)
{
    while (i < text.size() && isSpace(text[i]))
        ++i;
    return i;
}

} // namespace

DocComment leading(QByteArrayView text, qsizetype offset)
{
    qsizetype end = lineStart(text, qMin(offset, text.size()));
    while (end > 0 && isBlank(text[end - 1]))
        --end;
    const qsizetype start = commentStartBefore(text, end);
    if (start < 0 || start + 2 >= end)
        return {};
    DocComment doc = parse(text.sliced(start, end - start));
    doc.docBlock = text[start + 2] == '*';
    return doc;
}

DocComment trailing(QByteArrayView text, qsizetype offset)
{
    qsizetype i = skipSpace(text, offset);
    if (i < text.size() && text[i] == ',')
        i = skipSpace(text, i + 1);
    if (i < text.size() && text[i] == '/') {
        const qsizetype end = commentEndAfter(text, i);
        return end < 0 ? DocComment{} : parse(text.sliced(i, end - i));
    }
    if (i >= text.size() || text[i] != '\n')
        return {};
    i = skipBlank(text, i);
    const qsizetype end = commentEndAfter(text, i);
    if (end < 0)
        return {};
    const qsizetype next = skipBlank(text, end);
    if (next < text.size() && (text[next] == '}' || text[next] == '#'))
        return parse(text.sliced(i, end - i));
    return {};
}

DocComment above(QByteArrayView text, qsizetype offset)
{
    qsizetype end = lineStart(text, qMin(offset, text.size()));
    while (end > 0 && isBlank(text[end - 1]))
        --end;
    const qsizetype start = commentStartBefore(text, end);
    if (start < 0)
        return {};
    // A comment that shares its line with code belongs to that code.
    const qsizetype ls = lineStart(text, start);
    if (skipSpace(text, ls) != start)
        return {};
    return parse(text.sliced(start, end - start));
}

namespace {

bool isIdentifierChar(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
}

bool isDigit(char c)
{
    return c >= '0' && c <= '9';
}

// "name:" alone on the line.
bool isTitle(QByteArrayView line)
{
    if (line.size() < 2 || !line.endsWith(':') || isDigit(line[0]))
        return false;
    for (qsizetype i = 0; i + 1 < line.size(); ++i)
        if (!isIdentifierChar(line[i]))
            return false;
    return line != QByteArrayView("Since:");
}

// "@name:" parameter lines of function-like macros and callbacks.
bool isParameterLine(QByteArrayView line)
{
    if (!line.startsWith('@'))
        return false;
    qsizetype i = 1;
    while (i < line.size() && (isIdentifierChar(line[i]) || line[i] == '.'))
        ++i;
    return i > 1 && i < line.size() && line[i] == ':';
}

// Finds "Since: x.y.z" (optionally in parentheses) in a line: the version,
// and the line without the tag.
bool takeSince(QByteArrayView line, Version *since, QByteArray *rest)
{
    const qsizetype at = line.indexOf(QByteArrayView("Since:"));
    if (at < 0)
        return false;
    qsizetype i = at + 6;
    while (i < line.size() && (line[i] == ' ' || line[i] == '\t'))
        ++i;
    if (i < line.size() && line[i] == 'v')
        ++i;
    int parts[3] = {0, 0, 0};
    int count = 0;
    const qsizetype numberStart = i;
    while (i < line.size() && count < 3) {
        if (!isDigit(line[i]))
            break;
        while (i < line.size() && isDigit(line[i])) {
            // A part that does not fit an int is not a release number (found
            // by fuzz_doccomment: the sum overflowed).
            if (parts[count] > (std::numeric_limits<int>::max() - 9) / 10)
                return false;
            parts[count] = parts[count] * 10 + (line[i++] - '0');
        }
        ++count;
        if (i + 1 < line.size() && line[i] == '.' && isDigit(line[i + 1]) && count < 3)
            ++i;
        else
            break;
    }
    if (i == numberStart || count < 2)
        return false;
    *since = Version(parts[0], parts[1], parts[2]);
    qsizetype begin = at;
    while (begin > 0 && (line[begin - 1] == ' ' || line[begin - 1] == '\t'))
        --begin;
    if (begin > 0 && line[begin - 1] == '(') {
        --begin;
        while (i < line.size() && (line[i] == ' ' || line[i] == '\t'))
            ++i;
        if (i < line.size() && line[i] == ')')
            ++i;
    }
    *rest = line.first(begin).trimmed().toByteArray();
    const QByteArrayView after = line.sliced(i).trimmed();
    if (!after.isEmpty()) {
        if (!rest->isEmpty())
            *rest += ' ';
        *rest += after.toByteArray();
    }
    return true;
}

} // namespace

// Works on bytes and converts only the summary: this runs for every
// declaration of every header, so no regular expressions here.
DocComment parse(QByteArrayView comment)
{
    QByteArrayView body = comment.trimmed();
    if (body.startsWith("/*"))
        body = body.sliced(2);
    if (body.endsWith("*/"))
        body.chop(2);
    while (!body.isEmpty() && (body[0] == '*' || body[0] == '!' || body[0] == '<'))
        body = body.sliced(1);

    DocComment doc;
    doc.found = true;
    QByteArray summary;
    bool inProse = false;
    bool summaryDone = false;
    bool first = true;
    while (!body.isEmpty()) {
        qsizetype nl = body.indexOf('\n');
        QByteArrayView line = (nl < 0 ? body : body.first(nl)).trimmed();
        body = nl < 0 ? QByteArrayView() : body.sliced(nl + 1);
        if (line.startsWith('*'))
            line = line.sliced(1).trimmed();
        if (first && !line.isEmpty()) {
            first = false;
            if (isTitle(line)) {
                doc.title = QString::fromLatin1(line.chopped(1));
                continue;
            }
        }
        QByteArray rest;
        Version since;
        if (takeSince(line, &since, &rest)) {
            if (!doc.since.isValid())
                doc.since = since;
            if (rest.isEmpty())
                continue;
            line = rest;
        }
        if (isParameterLine(line))
            continue;
        if (line.isEmpty()) {
            if (inProse)
                summaryDone = true;
            continue;
        }
        if (summaryDone)
            continue;
        inProse = true;
        if (!summary.isEmpty())
            summary += ' ';
        summary += line.toByteArray();
    }
    doc.summary = QString::fromUtf8(summary);
    return doc;
}

} // namespace vse::doccomment
