#include "xdrlexer.h"

#include "xdrparser.h"

#include <cstring>
#include <utility>

namespace vse {

namespace {

bool isIdentStart(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
}

bool isIdentChar(char c)
{
    return isIdentStart(c) || (c >= '0' && c <= '9');
}

bool isDigit(char c)
{
    return c >= '0' && c <= '9';
}

bool isPunct(char c)
{
    return std::strchr("{}()[]<>;:,=*", c) != nullptr && c != '\0';
}

bool isSpace(char c)
{
    return c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v';
}

} // namespace

bool appendLimitedError(Diagnostics *diagnostics, const Diagnostic &error)
{
    if (diagnostics->size() < kXdrMaxErrors) {
        diagnostics->append(error);
        return true;
    }
    if (diagnostics->size() == kXdrMaxErrors)
        diagnostics->append(Diagnostic::error(
            error.file, error.line,
            QStringLiteral("too many errors (%1), the rest of the file is not read")
                .arg(kXdrMaxErrors),
            error.column));
    return false;
}

XdrLexer::XdrLexer(const QByteArray &bytes, const QString &fileName, Diagnostics *diagnostics)
    : m_bytes(bytes), m_fileName(fileName), m_diagnostics(diagnostics)
{
}

bool XdrLexer::is(const XdrToken &t, const char *literal) const
{
    const auto len = std::strlen(literal);
    return t.type != XdrToken::Type::End && std::size_t(t.length) == len &&
           std::memcmp(m_bytes.constData() + t.offset, literal, len) == 0;
}

void XdrLexer::error(int line, int column, const QString &message)
{
    if (!appendLimitedError(m_diagnostics, Diagnostic::error(m_fileName, line, message, column)))
        m_aborted = true;
}

void XdrLexer::newline()
{
    ++m_pos;
    ++m_line;
    m_lineStart = m_pos;
}

bool XdrLexer::atLineStart(int pos) const
{
    for (int i = pos - 1; i >= m_lineStart; --i)
        if (!isSpace(m_bytes.at(i)))
            return false;
    return true;
}

void XdrLexer::skipSpaceAndComments()
{
    const int size = int(m_bytes.size());
    const char *d = m_bytes.constData();
    while (m_pos < size) {
        const char c = d[m_pos];
        if (c == '\n') {
            newline();
        } else if (isSpace(c)) {
            ++m_pos;
        } else if (c == '%' && atLineStart(m_pos)) {
            // rpcgen copies '%' lines verbatim into the generated C; they
            // carry no protocol facts but are kept for completeness.
            const int line = m_line;
            const int start = m_pos + 1;
            while (m_pos < size && d[m_pos] != '\n')
                ++m_pos;
            m_passThrough.append({QString::fromUtf8(d + start, m_pos - start), line});
        } else if (c == '/' && m_pos + 1 < size && d[m_pos + 1] == '*') {
            XdrComment comment;
            comment.line = m_line;
            comment.column = column();
            const int start = m_pos;
            m_pos += 2;
            bool closed = false;
            while (m_pos < size) {
                if (d[m_pos] == '*' && m_pos + 1 < size && d[m_pos + 1] == '/') {
                    m_pos += 2;
                    closed = true;
                    break;
                }
                if (d[m_pos] == '\n')
                    newline();
                else
                    ++m_pos;
            }
            if (!closed) {
                error(comment.line, comment.column, QStringLiteral("unterminated comment"));
                return;
            }
            comment.endLine = m_line;
            comment.text = QString::fromUtf8(d + start, m_pos - start);
            if (m_pending.size() == 8)
                m_pending.removeAt(1);
            m_pending.append(comment);
        } else {
            return;
        }
    }
}

XdrToken XdrLexer::next()
{
    XdrToken t;
    const int size = int(m_bytes.size());
    const char *d = m_bytes.constData();
    for (;;) {
        skipSpaceAndComments();
        t.comments = std::exchange(m_pending, {});
        t.offset = m_pos;
        t.line = m_line;
        t.column = column();
        if (m_aborted || m_pos >= size) {
            t.type = XdrToken::Type::End;
            t.length = 0;
            return t;
        }
        const char c = d[m_pos];
        if (isIdentStart(c)) {
            while (m_pos < size && isIdentChar(d[m_pos]))
                ++m_pos;
            t.type = XdrToken::Type::Identifier;
        } else if (isDigit(c) || (c == '-' && m_pos + 1 < size && isDigit(d[m_pos + 1]))) {
            ++m_pos;
            // Hex, octal and decimal share the same run; the parser validates.
            while (m_pos < size && (isIdentChar(d[m_pos])))
                ++m_pos;
            t.type = XdrToken::Type::Number;
        } else if (isPunct(c)) {
            ++m_pos;
            t.type = XdrToken::Type::Punct;
        } else if (c == '\0') {
            error(t.line, t.column,
                  QStringLiteral("NUL byte at offset %1: this is binary data, not an XDR "
                                 "protocol file")
                      .arg(m_pos));
            m_aborted = true;
            continue;
        } else {
            // One report for a run of stray bytes (e.g. an encoding accident),
            // then carry on with the next plausible token.
            const int start = m_pos;
            while (m_pos < size && d[m_pos] != '\n' && d[m_pos] != '\0' && !isSpace(d[m_pos]) &&
                   !isIdentStart(d[m_pos]) && !isPunct(d[m_pos]) && d[m_pos] != '/')
                ++m_pos;
            if (m_pos == start)
                ++m_pos;
            error(
                t.line, t.column,
                QStringLiteral("unexpected character 0x%1 ('%2')")
                    .arg(uchar(c), 2, 16, QLatin1Char('0'))
                    .arg(uchar(c) >= 0x20 && uchar(c) < 0x7f ? QChar::fromLatin1(c) : QChar(u'?')));
            t.type = XdrToken::Type::Error;
            t.length = m_pos - start;
            return t;
        }
        t.length = m_pos - t.offset;
        return t;
    }
}

} // namespace vse
