#include "csource.h"

#include <QRegularExpression>

#include <algorithm>

namespace vse {

namespace {

// Blanks comments with spaces (newlines kept), leaving string and character
// literals alone.
QString blankComments(const QString &in)
{
    QString out = in;
    const qsizetype n = out.size();
    qsizetype i = 0;
    while (i < n) {
        const QChar c = out.at(i);
        if (c == QLatin1Char('"') || c == QLatin1Char('\'')) {
            const QChar q = c;
            ++i;
            while (i < n && out.at(i) != q && out.at(i) != QLatin1Char('\n')) {
                if (out.at(i) == QLatin1Char('\\'))
                    ++i;
                ++i;
            }
            ++i;
        } else if (c == QLatin1Char('/') && i + 1 < n && out.at(i + 1) == QLatin1Char('*')) {
            qsizetype end = out.indexOf(QLatin1String("*/"), i + 2);
            end = end < 0 ? n : end + 2;
            for (qsizetype j = i; j < end; ++j)
                if (out.at(j) != QLatin1Char('\n'))
                    out[j] = QLatin1Char(' ');
            i = end;
        } else if (c == QLatin1Char('/') && i + 1 < n && out.at(i + 1) == QLatin1Char('/')) {
            while (i < n && out.at(i) != QLatin1Char('\n'))
                out[i++] = QLatin1Char(' ');
        } else {
            ++i;
        }
    }
    return out;
}

// Replaces the identifier `word` (whole words only) with `value`, taken
// literally (a regular expression replacement would read backslashes in it).
QString replaceWord(const QString &text, const QString &word, const QString &value)
{
    QString out;
    const auto isIdent = [](QChar c) { return c.isLetterOrNumber() || c == QLatin1Char('_'); };
    qsizetype i = 0;
    while (i < text.size()) {
        const qsizetype at = text.indexOf(word, i);
        if (at < 0)
            break;
        const qsizetype end = at + word.size();
        const bool whole = (at == 0 || !isIdent(text.at(at - 1))) &&
                           (end >= text.size() || !isIdent(text.at(end)));
        out += QStringView(text).sliced(i, at - i);
        out += whole ? value : word;
        i = end;
    }
    out += QStringView(text).sliced(i);
    return out;
}

} // namespace

CSource::CSource(const QString &file, const QString &text) : m_file(file)
{
    m_code = blankComments(text);
    static const QRegularExpression define(
        QStringLiteral("^\\s*#\\s*define\\s+([A-Za-z_]\\w*)(\\(([^)]*)\\))?\\s*(.*)$"),
        QRegularExpression::DotMatchesEverythingOption);
    qsizetype pos = 0;
    while (pos < m_code.size()) {
        qsizetype eol = m_code.indexOf(QLatin1Char('\n'), pos);
        if (eol < 0)
            eol = m_code.size();
        const QStringView line = QStringView(m_code).sliced(pos, eol - pos).trimmed();
        if (!line.startsWith(QLatin1Char('#'))) {
            pos = eol + 1;
            continue;
        }
        // A directive with its continuation lines.
        qsizetype end = eol;
        qsizetype lastLine = pos;
        // Continued while the directive's last physical line ends with a backslash.
        while (end < m_code.size() && QStringView(m_code)
                                          .sliced(lastLine, end - lastLine)
                                          .trimmed()
                                          .endsWith(QLatin1Char('\\'))) {
            lastLine = end + 1;
            const qsizetype next = m_code.indexOf(QLatin1Char('\n'), end + 1);
            end = next < 0 ? m_code.size() : next;
        }
        QString directive = m_code.mid(pos, end - pos);
        directive.replace(QLatin1String("\\\n"), QLatin1String(" "));
        const auto m = define.match(directive);
        if (m.hasMatch()) {
            Macro macro;
            macro.functionLike = m.capturedLength(2) > 0;
            for (const QString &p : m.captured(3).split(QLatin1Char(','), Qt::SkipEmptyParts))
                macro.params << p.trimmed();
            macro.body = m.captured(4).trimmed();
            m_macros.insert(m.captured(1), macro);
        }
        for (qsizetype j = pos; j < end; ++j)
            if (m_code.at(j) != QLatin1Char('\n'))
                m_code[j] = QLatin1Char(' ');
        pos = end + 1;
    }
    m_lineStarts << 0;
    for (qsizetype j = 0; j < m_code.size(); ++j)
        if (m_code.at(j) == QLatin1Char('\n'))
            m_lineStarts << int(j + 1);
}

int CSource::lineAt(int offset) const
{
    const auto it = std::upper_bound(m_lineStarts.cbegin(), m_lineStarts.cend(), offset);
    return int(it - m_lineStarts.cbegin());
}

int CSource::matchBrace(const QString &s, int open)
{
    int depth = 0;
    for (int i = open; i < s.size(); ++i) {
        const QChar c = s.at(i);
        if (c == QLatin1Char('"') || c == QLatin1Char('\'')) {
            const QChar q = c;
            for (++i; i < s.size() && s.at(i) != q; ++i)
                if (s.at(i) == QLatin1Char('\\'))
                    ++i;
        } else if (c == QLatin1Char('{')) {
            ++depth;
        } else if (c == QLatin1Char('}')) {
            if (--depth == 0)
                return i + 1;
        }
    }
    return -1;
}

QList<CSource::Element> CSource::splitTopLevel(const QString &s, int baseOffset)
{
    QList<Element> out;
    int depth = 0;
    int start = 0;
    auto flush = [&](int end) {
        const QString piece = s.mid(start, end - start);
        const QString trimmed = piece.trimmed();
        if (!trimmed.isEmpty()) {
            int lead = 0;
            while (lead < piece.size() && piece.at(lead).isSpace())
                ++lead;
            out.append({trimmed, baseOffset + start + lead});
        }
        start = end + 1;
    };
    for (int i = 0; i < s.size(); ++i) {
        const QChar c = s.at(i);
        if (c == QLatin1Char('"') || c == QLatin1Char('\'')) {
            const QChar q = c;
            for (++i; i < s.size() && s.at(i) != q; ++i)
                if (s.at(i) == QLatin1Char('\\'))
                    ++i;
        } else if (c == QLatin1Char('{') || c == QLatin1Char('(') || c == QLatin1Char('[')) {
            ++depth;
        } else if (c == QLatin1Char('}') || c == QLatin1Char(')') || c == QLatin1Char(']')) {
            --depth;
        } else if (c == QLatin1Char(',') && depth == 0) {
            flush(i);
        }
    }
    flush(int(s.size()));
    return out;
}

QString CSource::stringValue(const QString &expr)
{
    QString out;
    for (int i = 0; i < expr.size(); ++i) {
        if (expr.at(i) != QLatin1Char('"'))
            continue;
        for (++i; i < expr.size() && expr.at(i) != QLatin1Char('"'); ++i) {
            if (expr.at(i) == QLatin1Char('\\') && i + 1 < expr.size()) {
                const QChar e = expr.at(++i);
                if (e == QLatin1Char('"') || e == QLatin1Char('\\'))
                    out += e;
                else if (e == QLatin1Char('n'))
                    out += QLatin1Char(' ');
                else
                    out += QLatin1Char('\\') + e;
            } else {
                out += expr.at(i);
            }
        }
    }
    return out;
}

QString CSource::expand(const QString &text, const QHash<QString, Macro> &macros, int depth)
{
    static const QRegularExpression call(QStringLiteral("^([A-Za-z_]\\w*)\\s*(\\((.*)\\))?$"),
                                         QRegularExpression::DotMatchesEverythingOption);
    const auto m = call.match(text.trimmed());
    if (depth <= 0 || !m.hasMatch())
        return text;
    const auto it = macros.constFind(m.captured(1));
    if (it == macros.cend() || it->functionLike != (m.capturedLength(2) > 0))
        return text;
    QString body = it->body;
    if (it->functionLike) {
        const QList<Element> args = splitTopLevel(m.captured(3));
        for (int i = 0; i < it->params.size(); ++i) {
            const QString value = i < args.size() ? args.at(i).text : QString();
            body = replaceWord(body, it->params.at(i), value);
        }
    }
    // The body may itself be a call, or a list whose elements are calls.
    QStringList parts;
    for (const Element &e : splitTopLevel(body))
        parts << expand(e.text, macros, depth - 1);
    return parts.join(QStringLiteral(", "));
}

} // namespace vse
