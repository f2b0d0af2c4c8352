#include "shelltokenizer.h"

#include <vector>

namespace vse {

namespace {

enum class End { Input, Paren, Backtick };

struct PendingHeredoc
{
    QString delimiter;
    bool stripTabs = false;
};

class Parser
{
public:
    explicit Parser(const QString &script)
    {
        // Line continuations vanish before anything else, as in the shell;
        // every character keeps the place it had in the file.
        int line = 1, column = 1;
        m_chars.reserve(size_t(script.size()));
        for (qsizetype i = 0; i < script.size(); ++i) {
            const QChar c = script.at(i);
            if (c == QLatin1Char('\\') && i + 1 < script.size() &&
                script.at(i + 1) == QLatin1Char('\n')) {
                ++i;
                ++line;
                column = 1;
                continue;
            }
            if (c == QLatin1Char('\r') && i + 1 < script.size() &&
                script.at(i + 1) == QLatin1Char('\n'))
                continue; // a script saved with CRLF
            m_chars.push_back({c, line, column});
            if (c == QLatin1Char('\n')) {
                ++line;
                column = 1;
            } else {
                ++column;
            }
        }
    }

    ShellTokenizer::Result run()
    {
        parseList(End::Input, 0, 0);
        return std::move(m_result);
    }

private:
    struct Char
    {
        QChar c;
        int line;
        int column;
    };
    std::vector<Char> m_chars;
    size_t m_pos = 0;
    int m_nextPipeline = 1;
    int m_nextSubstitution = 1;
    QList<PendingHeredoc> m_heredocs;
    ShellTokenizer::Result m_result;

    bool atEnd() const { return m_pos >= m_chars.size(); }
    QChar peek(size_t ahead = 0) const
    {
        return m_pos + ahead < m_chars.size() ? m_chars[m_pos + ahead].c : QChar();
    }
    bool is(char c, size_t ahead = 0) const { return peek(ahead) == QLatin1Char(c); }
    QString where() const
    {
        if (m_chars.empty())
            return QStringLiteral("1:1");
        const Char &c = m_chars[std::min(m_pos, m_chars.size() - 1)];
        return QStringLiteral("%1:%2").arg(c.line).arg(c.column);
    }
    void problem(const QString &at, const QString &what)
    {
        m_result.problems << at + QStringLiteral(": ") + what;
    }
    static bool isBlank(QChar c) { return c == QLatin1Char(' ') || c == QLatin1Char('\t'); }
    static bool isOperator(QChar c)
    {
        return c == QLatin1Char(';') || c == QLatin1Char('&') || c == QLatin1Char('|') ||
               c == QLatin1Char('(') || c == QLatin1Char(')') || c == QLatin1Char('<') ||
               c == QLatin1Char('>');
    }

    void finish(ShellCommand &cmd, int *stage)
    {
        if (!cmd.words.isEmpty()) {
            m_result.commands.append(cmd);
            ++*stage;
        }
        cmd.words.clear();
        cmd.stage = *stage;
    }
    void newPipeline(ShellCommand &cmd, int *stage)
    {
        finish(cmd, stage);
        *stage = 0;
        cmd.stage = 0;
        cmd.pipeline = m_nextPipeline++;
    }

    // After a newline: the bodies of the here-documents started on that line.
    void skipHeredocBodies()
    {
        const QList<PendingHeredoc> pending = std::exchange(m_heredocs, {});
        for (const PendingHeredoc &h : pending) {
            const QString start = atEnd() ? QString() : where();
            bool closed = false;
            while (!atEnd() && !closed) {
                QString line;
                while (!atEnd() && !is('\n'))
                    line += m_chars[m_pos++].c;
                if (!atEnd())
                    ++m_pos;
                if (h.stripTabs)
                    while (line.startsWith(QLatin1Char('\t')))
                        line.remove(0, 1);
                closed = line == h.delimiter;
            }
            if (!closed)
                problem(start, QStringLiteral("here-document not closed by '%1'").arg(h.delimiter));
        }
    }

    // Skips a balanced (…) or {…} group; the opening character is consumed.
    void skipBalanced(QChar open, QChar close)
    {
        const QString start = where();
        int depth = 1;
        while (!atEnd() && depth > 0) {
            const QChar c = m_chars[m_pos++].c;
            if (c == QLatin1Char('\\') && !atEnd())
                ++m_pos;
            else if (c == open)
                ++depth;
            else if (c == close)
                --depth;
        }
        if (depth > 0)
            problem(start, QStringLiteral("'%1' not closed").arg(open));
    }

    // A command substitution's body: its commands are parsed and marked.
    void substitution(End end, int depth, QString *text)
    {
        if (depth >= ShellTokenizer::kMaxDepth) {
            problem(where(), QStringLiteral("command substitutions nested too deeply; not followed"));
            if (end == End::Paren)
                skipBalanced(QLatin1Char('('), QLatin1Char(')'));
            else
                while (!atEnd() && !is('`'))
                    ++m_pos;
            return;
        }
        parseList(end, m_nextSubstitution++, depth + 1);
        *text += end == End::Paren ? QStringLiteral("$(…)") : QStringLiteral("`…`");
    }

    // "$…": parameter, arithmetic or command substitution; m_pos is on '$'.
    void dollar(ShellWord &w, int depth)
    {
        ++m_pos;
        w.literal = false;
        if (is('(') && is('(', 1)) {
            m_pos += 2;
            skipBalanced(QLatin1Char('('), QLatin1Char(')'));
            if (is(')'))
                ++m_pos;
            w.text += QStringLiteral("$((…))");
        } else if (is('(')) {
            ++m_pos;
            substitution(End::Paren, depth, &w.text);
        } else if (is('{')) {
            ++m_pos;
            skipBalanced(QLatin1Char('{'), QLatin1Char('}'));
            w.text += QStringLiteral("${…}");
        } else {
            w.text += QLatin1Char('$');
            while (!atEnd() && (peek().isLetterOrNumber() || is('_')))
                w.text += m_chars[m_pos++].c;
            if (w.text.endsWith(QLatin1Char('$')) && !atEnd() &&
                QStringLiteral("@*#?-$!").contains(peek()))
                w.text += m_chars[m_pos++].c;
        }
    }

    ShellWord readWord(End end, int depth)
    {
        ShellWord w;
        w.line = m_chars[m_pos].line;
        w.column = m_chars[m_pos].column;
        while (!atEnd()) {
            const QChar c = peek();
            if (isBlank(c) || c == QLatin1Char('\n') || isOperator(c))
                break;
            if (c == QLatin1Char('`') && end == End::Backtick)
                break;
            if (c == QLatin1Char('\\')) {
                ++m_pos;
                if (!atEnd())
                    w.text += m_chars[m_pos++].c;
            } else if (c == QLatin1Char('\'')) {
                const QString start = where();
                ++m_pos;
                while (!atEnd() && !is('\''))
                    w.text += m_chars[m_pos++].c;
                if (atEnd())
                    problem(start, QStringLiteral("unterminated single quote"));
                else
                    ++m_pos;
            } else if (c == QLatin1Char('"')) {
                const QString start = where();
                ++m_pos;
                while (!atEnd() && !is('"')) {
                    if (is('\\') && m_pos + 1 < m_chars.size() &&
                        QStringLiteral("$`\"\\").contains(peek(1))) {
                        w.text += peek(1);
                        m_pos += 2;
                    } else if (is('$')) {
                        dollar(w, depth);
                    } else if (is('`') && end != End::Backtick) {
                        ++m_pos;
                        w.literal = false;
                        substitution(End::Backtick, depth, &w.text);
                        if (is('`'))
                            ++m_pos;
                    } else {
                        w.text += m_chars[m_pos++].c;
                    }
                }
                if (atEnd())
                    problem(start, QStringLiteral("unterminated double quote"));
                else
                    ++m_pos;
            } else if (c == QLatin1Char('$')) {
                dollar(w, depth);
            } else if (c == QLatin1Char('`')) {
                ++m_pos;
                w.literal = false;
                substitution(End::Backtick, depth, &w.text);
                if (is('`'))
                    ++m_pos;
            } else {
                w.text += c;
                ++m_pos;
            }
        }
        return w;
    }

    // A redirection operator at m_pos; its target word is read and dropped.
    void redirection(End end, int depth)
    {
        const bool input = is('<');
        if (input && is('<', 1) && is('<', 2)) {
            m_pos += 3; // here-string: a word follows
        } else if (input && is('<', 1)) {
            m_pos += 2;
            const bool strip = is('-');
            if (strip)
                ++m_pos;
            while (!atEnd() && isBlank(peek()))
                ++m_pos;
            if (atEnd() || is('\n'))
                return;
            const ShellWord d = readWord(end, depth);
            m_heredocs.append({d.text, strip});
            return;
        } else if ((input || is('>')) && is('(', 1)) {
            m_pos += 2; // process substitution: a command whose output is a file
            QString ignored;
            substitution(End::Paren, depth, &ignored);
            if (is(')'))
                ++m_pos;
            return;
        } else {
            ++m_pos;
            if (is('>') || is('&') || is('|'))
                ++m_pos;
        }
        while (!atEnd() && isBlank(peek()))
            ++m_pos;
        if (!atEnd() && !is('\n') && !isOperator(peek()))
            readWord(end, depth);
    }

    void parseList(End end, int substitutionId, int depth)
    {
        ShellCommand cmd;
        cmd.substitution = substitutionId;
        cmd.pipeline = m_nextPipeline++;
        int stage = 0;
        while (!atEnd()) {
            const QChar c = peek();
            if (isBlank(c)) {
                ++m_pos;
            } else if (c == QLatin1Char('\n')) {
                ++m_pos;
                newPipeline(cmd, &stage);
                skipHeredocBodies();
            } else if (c == QLatin1Char('#') && cmd.words.isEmpty()) {
                while (!atEnd() && !is('\n'))
                    ++m_pos;
            } else if (c == QLatin1Char('#')) {
                // A word starting with '#' after blanks is a comment too.
                while (!atEnd() && !is('\n'))
                    ++m_pos;
            } else if (c == QLatin1Char('|') && !is('|', 1)) {
                m_pos += is('&', 1) ? 2 : 1;
                finish(cmd, &stage);
            } else if (c == QLatin1Char('&') && is('>', 1)) {
                ++m_pos;
                redirection(end, depth);
            } else if (c == QLatin1Char(';') || c == QLatin1Char('&') || c == QLatin1Char('|')) {
                m_pos += (peek(1) == c) ? 2 : 1;
                newPipeline(cmd, &stage);
            } else if (c == QLatin1Char(')')) {
                ++m_pos;
                if (end == End::Paren) {
                    newPipeline(cmd, &stage);
                    return;
                }
                newPipeline(cmd, &stage); // a subshell's end or a case pattern
            } else if (c == QLatin1Char('`') && end == End::Backtick) {
                newPipeline(cmd, &stage);
                return; // the caller consumes the backtick
            } else if (c == QLatin1Char('(')) {
                ++m_pos;
                if (is('(')) { // (( arithmetic ))
                    ++m_pos;
                    skipBalanced(QLatin1Char('('), QLatin1Char(')'));
                    if (is(')'))
                        ++m_pos;
                } else {
                    newPipeline(cmd, &stage); // a subshell or "name()"
                }
            } else if (c == QLatin1Char('<') || c == QLatin1Char('>')) {
                redirection(end, depth);
            } else {
                ShellWord w = readWord(end, depth);
                // "2>file": the digits are the descriptor, not a word.
                bool digits = !w.text.isEmpty() && w.literal;
                for (const QChar d : std::as_const(w.text))
                    digits = digits && d.isDigit();
                if (digits && !atEnd() && (is('<') || is('>')))
                    continue;
                cmd.words.append(std::move(w));
            }
        }
        if (end != End::Input)
            problem(where(), end == End::Paren ? QStringLiteral("'$(' not closed")
                                               : QStringLiteral("'`' not closed"));
        finish(cmd, &stage);
    }
};

} // namespace

ShellTokenizer::Result ShellTokenizer::parse(const QString &script)
{
    return Parser(script).run();
}

} // namespace vse
