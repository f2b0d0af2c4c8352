#include "confsyntax.h"

#include <QScopeGuard>

namespace vse {

namespace {

// One pass over the text; each step returns false after recording where
// and why it stopped.
class ConfReader
{
public:
    explicit ConfReader(QStringView text) : m_s(text) {}

    QList<ConfSyntaxError> run()
    {
        while (m_i < m_s.size()) {
            const qsizetype start = m_i;
            if (statement() && separator())
                continue;
            // The tool's own limit: nothing more is read (the file is refused).
            if (!m_errors.isEmpty() && m_errors.constLast().toolLimit)
                break;
            resync(start);
        }
        return m_errors;
    }

private:
    static bool isBlank(QChar c) { return c == u' ' || c == u'\t'; }
    static bool isEol(QChar c) { return c == u'\n' || c == u'\r'; }
    static bool isAsciiAlpha(QChar c)
    {
        return (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z');
    }
    static bool isAsciiDigit(QChar c) { return c >= u'0' && c <= u'9'; }

    bool atEnd() const { return m_i >= m_s.size(); }
    QChar cur() const { return atEnd() ? QChar() : m_s.at(m_i); }
    void skipBlanks()
    {
        while (!atEnd() && isBlank(cur()))
            ++m_i;
    }
    void skipBlanksAndEol()
    {
        while (!atEnd() && (isBlank(cur()) || isEol(cur())))
            ++m_i;
    }
    void skipToEol()
    {
        while (!atEnd() && !isEol(cur()))
            ++m_i;
    }
    // Counted from the last question, forward or back (after an error the
    // parser steps back to the start of a line), so a large file costs one
    // pass; starting again from the top made a file of many errors quadratic.
    int lineAt(qsizetype pos)
    {
        pos = qMin(pos, m_s.size());
        if (pos < m_linePos) {
            m_line -= int(m_s.sliced(pos, m_linePos - pos).count(u'\n'));
            m_linePos = pos;
        }
        m_line += int(m_s.sliced(m_linePos, pos - m_linePos).count(u'\n'));
        m_linePos = pos;
        return m_line;
    }
    bool fail(const QString &message)
    {
        m_errors.append({lineAt(m_i), m_statementLine, m_option, message});
        return false;
    }

    bool statement()
    {
        skipBlanksAndEol();
        m_option.clear();
        m_statementLine = lineAt(m_i);
        if (atEnd()) {
            // Blank lines after something are fine; a file of nothing but
            // blank lines is not (the parser then wants a name and meets
            // the end).
            if (m_read > 0)
                return true;
            return fail(QStringLiteral("the file holds only blank lines: libvirt's parser "
                                       "refuses it (an empty file or a comment is fine)"));
        }
        ++m_read;
        if (cur() == u'#') {
            skipToEol();
            return true;
        }
        if (!isAsciiAlpha(cur()))
            return fail(QStringLiteral("a setting must start with its name (a letter, then "
                                       "letters, digits or '_'), not '%1'")
                            .arg(cur()));
        const qsizetype nameStart = m_i;
        while (!atEnd() && (isAsciiAlpha(cur()) || isAsciiDigit(cur()) || cur() == u'_'))
            ++m_i;
        m_option = m_s.sliced(nameStart, m_i - nameStart).toString();
        skipBlanks();
        if (cur() != u'=')
            return fail(atEnd() || isEol(cur())
                            ? QStringLiteral("'%1' has no '=': every line that is not a comment "
                                             "must be 'name = value'")
                                  .arg(m_option)
                            : QStringLiteral("'%1' is followed by '%2' where '=' must come")
                                  .arg(m_option, cur()));
        ++m_i;
        skipBlanks();
        if (!value())
            return false;
        skipBlanks();
        if (cur() == u'#')
            skipToEol();
        return true;
    }

    bool separator()
    {
        skipBlanks();
        if (atEnd())
            return true;
        if (isEol(cur()) || cur() == u';') {
            ++m_i;
            skipBlanksAndEol();
            return true;
        }
        return fail(QStringLiteral("unexpected '%1' after the value of %2: a value ends the "
                                   "setting (one per line, or separated by ';'; a comment "
                                   "starts with '#')")
                        .arg(cur())
                        .arg(m_option));
    }

    bool value()
    {
        skipBlanks();
        if (atEnd() || isEol(cur()))
            return fail(QStringLiteral("no value after '=' (a quoted string, a number or a "
                                       "[ list ])"));
        const QChar c = cur();
        if (c == u'"' || c == u'\'')
            return string();
        if (c == u'[')
            return list();
        if (isAsciiDigit(c) || c == u'-' || c == u'+')
            return number();
        return fail(QStringLiteral("the value starts with '%1': strings must be quoted (\"...\"), "
                                   "numbers are digits, lists are [ ... ]")
                        .arg(c));
    }

    bool string()
    {
        const int opened = lineAt(m_i);
        // Python-style """...""" may span lines (the parser wants at least
        // six characters left for it).
        if (m_i + 6 < m_s.size() && m_s.sliced(m_i).startsWith(u"\"\"\"")) {
            const qsizetype close = m_s.indexOf(u"\"\"\"", m_i + 3);
            if (close < 0) {
                // libvirt's search stops two characters before the end, and
                // so does its line count.
                m_i = qMax(m_i + 3, m_s.size() - 2);
                fail(QStringLiteral("the \"\"\" string opened on line %1 is never closed")
                                .arg(opened));
                m_i = m_s.size();
                return false;
            }
            m_i = close + 3;
            return true;
        }
        const QChar quote = cur();
        ++m_i;
        while (!atEnd() && cur() != quote && !isEol(cur()))
            ++m_i;
        if (cur() != quote)
            return fail(QStringLiteral("the string is not closed with %1 on its line (strings "
                                       "cannot span lines)")
                            .arg(quote));
        ++m_i;
        return true;
    }

    bool number()
    {
        if (cur() == u'-' || cur() == u'+')
            ++m_i;
        if (atEnd() || !isAsciiDigit(cur()))
            return fail(QStringLiteral("a sign must be followed by digits"));
        while (!atEnd() && isAsciiDigit(cur()))
            ++m_i;
        return true;
    }

    bool list()
    {
        const int opened = lineAt(m_i);
        // A list's items are values, so lists nest, each level a call of
        // its own: without a bound, a file of '[' overflows the stack.
        // libvirt's settings hold lists of strings; a few levels is plenty.
        constexpr int kMaxDepth = 64;
        if (m_depth == kMaxDepth) {
            fail(QStringLiteral("lists nested more than %1 deep: refused, a limit of this tool (libvirt's "
                                "settings hold lists of strings)")
                     .arg(kMaxDepth));
            m_errors.last().toolLimit = true;
            return false;
        }
        ++m_depth;
        const auto leave = qScopeGuard([this] { --m_depth; });
        ++m_i; // '['
        skipBlanksAndEol();
        if (!atEnd() && cur() != u']') {
            if (!listItem(opened))
                return false;
            skipBlanksAndEol();
        }
        while (!atEnd() && cur() != u']') {
            if (cur() != u',')
                return fail(QStringLiteral("the list opened on line %1 has '%2' where ',' or "
                                           "']' must come (a missing ',' or ']'?)")
                                .arg(opened)
                                .arg(cur()));
            ++m_i;
            skipBlanksAndEol();
            if (cur() == u']')
                break;
            if (!listItem(opened))
                return false;
            skipBlanksAndEol();
        }
        if (cur() != u']')
            return fail(QStringLiteral("the list opened on line %1 is never closed with ']'")
                            .arg(opened));
        ++m_i;
        return true;
    }

    bool listItem(int opened)
    {
        if (!atEnd() && cur() == u'#')
            return fail(QStringLiteral("a comment inside the list opened on line %1: libvirt "
                                       "does not allow comments between list items")
                            .arg(opened));
        if (atEnd())
            return fail(QStringLiteral("the list opened on line %1 is never closed with ']'")
                            .arg(opened));
        return value();
    }

    // After an error, go on with the line the parser stopped on when that is
    // a later line than the setting's (a list left open swallows the next
    // setting), else with the next line.
    void resync(qsizetype statementStart)
    {
        qsizetype lineStart = m_i;
        while (lineStart > 0 && m_s.at(lineStart - 1) != u'\n')
            --lineStart;
        if (lineStart > statementStart && !m_s.first(lineStart).sliced(statementStart).trimmed().isEmpty()) {
            m_i = lineStart;
            return;
        }
        skipToEol();
        if (!atEnd())
            ++m_i;
    }

    QStringView m_s;
    qsizetype m_i = 0;
    int m_depth = 0; // of lists being read
    int m_statementLine = 0;
    int m_read = 0; // statements and comments read
    qsizetype m_linePos = 0;
    int m_line = 1;
    QString m_option;
    QList<ConfSyntaxError> m_errors;
};

} // namespace

QList<ConfSyntaxError> confSyntaxErrors(const QString &text)
{
    return ConfReader(text).run();
}

} // namespace vse
