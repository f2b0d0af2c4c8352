#include "doccomment.h"

#include <QRegularExpression>

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

DocComment parse(QByteArrayView comment)
{
    QString body = QString::fromUtf8(comment).trimmed();
    if (body.startsWith(QLatin1String("/*")))
        body.remove(0, 2);
    if (body.endsWith(QLatin1String("*/")))
        body.chop(2);
    while (body.startsWith(QLatin1Char('*')) || body.startsWith(QLatin1Char('!')) ||
           body.startsWith(QLatin1Char('<')))
        body.remove(0, 1);

    static const QRegularExpression sinceRe(
        QStringLiteral("\\(?\\s*Since:?\\s*v?(\\d+\\.\\d+(?:\\.\\d+)?)\\s*\\)?"));
    static const QRegularExpression titleRe(QStringLiteral("^([A-Za-z_][A-Za-z0-9_]*):\\s*$"));
    static const QRegularExpression paramRe(QStringLiteral("^@[A-Za-z0-9_.]+:"));

    DocComment doc;
    doc.found = true;
    QStringList paragraph;
    bool inProse = false;
    bool summaryDone = false;
    bool first = true;
    const QStringList lines = body.split(QLatin1Char('\n'));
    for (QString line : lines) {
        line = line.trimmed();
        if (line.startsWith(QLatin1Char('*')))
            line = line.mid(1).trimmed();
        if (first && !line.isEmpty()) {
            first = false;
            const auto m = titleRe.match(line);
            if (m.hasMatch() && m.captured(1) != QLatin1String("Since")) {
                doc.title = m.captured(1);
                continue;
            }
        }
        const auto since = sinceRe.match(line);
        if (since.hasMatch()) {
            if (!doc.since.isValid())
                doc.since = Version::parse(since.capturedView(1));
            line.remove(since.capturedStart(), since.capturedLength());
            line = line.trimmed();
            if (line.isEmpty())
                continue;
        }
        if (paramRe.match(line).hasMatch())
            continue;
        if (line.isEmpty()) {
            if (inProse)
                summaryDone = true;
            continue;
        }
        if (summaryDone)
            continue;
        inProse = true;
        paragraph.append(line);
    }
    doc.summary = paragraph.join(QLatin1Char(' '));
    return doc;
}

} // namespace vse::doccomment
