#include "preprocessorguards.h"

#include <QRegularExpression>

namespace vse::scan {

namespace {

QString stripParens(QString s)
{
    s = s.trimmed();
    while (s.startsWith(QLatin1Char('(')) && s.endsWith(QLatin1Char(')'))) {
        // Only when the outer pair matches ("(a) && (b)" keeps its parentheses).
        int depth = 0;
        bool outer = true;
        for (qsizetype i = 0; i < s.size() - 1; ++i) {
            if (s.at(i) == QLatin1Char('('))
                ++depth;
            else if (s.at(i) == QLatin1Char(')'))
                --depth;
            if (depth == 0) {
                outer = false;
                break;
            }
        }
        if (!outer)
            break;
        s = s.mid(1, s.size() - 2).trimmed();
    }
    return s;
}

Version number(const QString &literal, int add)
{
    static const QRegularExpression digits(QStringLiteral("^(\\d+)[uUlL]*$"));
    const auto m = digits.match(literal);
    if (!m.hasMatch())
        return {};
    bool ok = false;
    const qint64 n = m.captured(1).toLongLong(&ok);
    return ok && n > 0 ? Version::fromNumber(n + add) : Version();
}

// One comparison or LIBVIR_CHECK_VERSION call; false: not a version test.
bool parseOne(const QString &text, const QString &variable, Version *whenTrue, Version *whenFalse)
{
    static const QRegularExpression check(QStringLiteral(
        "^(!\\s*)?LIBVIR_CHECK_VERSION\\s*\\(\\s*(\\d+)\\s*,\\s*(\\d+)\\s*,\\s*(\\d+)\\s*\\)$"));
    const QString s = stripParens(text);
    if (const auto m = check.match(s); m.hasMatch()) {
        const Version v(m.captured(2).toInt(), m.captured(3).toInt(), m.captured(4).toInt());
        (m.captured(1).isEmpty() ? *whenTrue : *whenFalse) = v;
        return true;
    }
    static const QRegularExpression cmp(QStringLiteral("^(\\w+)\\s*(>=|<=|>|<|==)\\s*(\\w+)$"));
    const auto m = cmp.match(s);
    if (!m.hasMatch())
        return false;
    const auto isSubject = [&](const QString &w) {
        return w == QLatin1String("LIBVIR_VERSION_NUMBER") ||
               (!variable.isEmpty() && w == variable);
    };
    QString op = m.captured(2);
    QString lit = m.captured(3);
    if (!isSubject(m.captured(1))) {
        if (!isSubject(m.captured(3)))
            return false;
        lit = m.captured(1);
        // "N <= v" is "v >= N".
        static const QHash<QString, QString> mirror{{QStringLiteral(">="), QStringLiteral("<=")},
                                                    {QStringLiteral("<="), QStringLiteral(">=")},
                                                    {QStringLiteral(">"), QStringLiteral("<")},
                                                    {QStringLiteral("<"), QStringLiteral(">")},
                                                    {QStringLiteral("=="), QStringLiteral("==")}};
        op = mirror.value(op);
    }
    if (op == QLatin1String(">=") || op == QLatin1String("=="))
        *whenTrue = number(lit, 0);
    else if (op == QLatin1String(">"))
        *whenTrue = number(lit, 1);
    else if (op == QLatin1String("<"))
        *whenFalse = number(lit, 0);
    else if (op == QLatin1String("<="))
        *whenFalse = number(lit, 1);
    return whenTrue->isValid() || whenFalse->isValid();
}

// The file with comments blanked and continuation lines joined onto their
// first line (later lines left empty, so line numbers stay).
QStringList logicalLines(const QByteArray &text)
{
    QString s = QString::fromUtf8(text);
    QString out;
    out.reserve(s.size());
    enum
    {
        Code,
        Block,
        Line,
        Str,
        Chr
    } state = Code;
    for (qsizetype i = 0; i < s.size(); ++i) {
        const QChar c = s.at(i);
        const QChar n = i + 1 < s.size() ? s.at(i + 1) : QChar();
        switch (state) {
        case Code:
            if (c == QLatin1Char('/') && n == QLatin1Char('*')) {
                state = Block;
                out += QLatin1String("  ");
                ++i;
                continue;
            }
            if (c == QLatin1Char('/') && n == QLatin1Char('/')) {
                state = Line;
                continue;
            }
            if (c == QLatin1Char('"'))
                state = Str;
            else if (c == QLatin1Char('\''))
                state = Chr;
            out += c;
            break;
        case Block:
            if (c == QLatin1Char('*') && n == QLatin1Char('/')) {
                state = Code;
                out += QLatin1String("  ");
                ++i;
                continue;
            }
            out += c == QLatin1Char('\n') ? c : QLatin1Char(' ');
            break;
        case Line:
            if (c == QLatin1Char('\n')) {
                state = Code;
                out += c;
            }
            break;
        case Str:
        case Chr:
            if (c == QLatin1Char('\\') && n != QLatin1Char('\n')) {
                out += c;
                out += n;
                ++i;
                continue;
            }
            if (c == QLatin1Char('\n') || c == QLatin1Char(state == Str ? '"' : '\''))
                state = Code;
            out += c;
            break;
        }
    }
    QStringList lines = out.split(QLatin1Char('\n'));
    for (qsizetype i = 0; i < lines.size(); ++i) {
        qsizetype j = i;
        while (lines[i].endsWith(QLatin1Char('\\')) && j + 1 < lines.size()) {
            lines[i].chop(1);
            lines[i] += QLatin1Char(' ') + lines[j + 1];
            lines[++j].clear();
        }
        i = j;
    }
    return lines;
}

struct Frame
{
    Version branch;    // what the current branch implies
    Version otherwise; // what every earlier branch failing implies (for #elif / #else)
    bool otherwiseKnown = true;
    QString presence; // #ifdef NAME: the name, while in the branch that has it
    int presenceFrom = 0;
};

} // namespace

bool parseVersionCondition(const QString &condition, const QString &variable, Version *whenTrue,
                           Version *whenFalse)
{
    *whenTrue = {};
    *whenFalse = {};
    const QString s = stripParens(condition);
    if (s.contains(QLatin1String("||")))
        return false;
    const QStringList parts = s.split(QLatin1String("&&"));
    bool any = false;
    for (const QString &part : parts) {
        Version t, f;
        if (!parseOne(part, variable, &t, &f))
            continue;
        any = true;
        if (t.isValid())
            *whenTrue = std::max(*whenTrue, t);
        // "!(a && b)" implies nothing about either alone.
        if (f.isValid() && parts.size() == 1)
            *whenFalse = f;
    }
    return any && (whenTrue->isValid() || whenFalse->isValid());
}

bool PreprocessorGuards::presenceChecked(const QString &name, int line) const
{
    for (const auto &p : presence)
        if (p.first == name && line >= p.second.first && line <= p.second.second)
            return true;
    return false;
}

PreprocessorGuards PreprocessorGuards::of(const QByteArray &text, const QString &file)
{
    static const QRegularExpression directive(QStringLiteral("^\\s*#\\s*(\\w+)\\s*(.*)$"));
    PreprocessorGuards g;
    const QStringList lines = logicalLines(text);
    g.perLine.resize(lines.size());
    QList<Frame> stack;
    Version active;
    const auto recompute = [&] {
        active = {};
        for (const Frame &f : stack)
            active = std::max(active, f.branch);
    };
    const auto closePresence = [&](Frame &f, int line) {
        if (!f.presence.isEmpty())
            g.presence.append({f.presence, {f.presenceFrom, line}});
        f.presence.clear();
    };
    const auto condition = [&](Frame &f, const QString &expr, int line) {
        Version t, fl;
        if (parseVersionCondition(expr, QString(), &t, &fl))
            g.sites.append({{file, line, 1}, t.isValid() ? t : fl, expr.simplified()});
        // An #elif branch runs only when the earlier ones failed.
        f.branch = std::max(t, f.otherwiseKnown ? f.otherwise : Version());
        if (fl.isValid() && f.otherwiseKnown)
            f.otherwise = std::max(f.otherwise, fl);
        else
            f.otherwiseKnown = false;
    };
    for (qsizetype i = 0; i < lines.size(); ++i) {
        const int line = int(i) + 1;
        const auto m = directive.match(lines.at(i));
        if (m.hasMatch()) {
            const QString word = m.captured(1);
            const QString rest = m.captured(2).trimmed();
            if (word == QLatin1String("if")) {
                stack.append(Frame());
                condition(stack.last(), rest, line);
            } else if (word == QLatin1String("ifdef") || word == QLatin1String("ifndef")) {
                // #ifdef NAME: the name is known in the first branch; #ifndef
                // NAME: in the #else (kept as "!NAME" until then).
                Frame f;
                f.otherwiseKnown = false;
                const QString name = rest.section(QLatin1Char(' '), 0, 0);
                f.presence = word == QLatin1String("ifdef") ? name : QLatin1Char('!') + name;
                f.presenceFrom = line;
                stack.append(f);
            } else if (word == QLatin1String("elif") && !stack.isEmpty()) {
                Frame &f = stack.last();
                if (!f.presence.startsWith(QLatin1Char('!')))
                    closePresence(f, line);
                f.presence.clear();
                condition(f, rest, line);
            } else if (word == QLatin1String("else") && !stack.isEmpty()) {
                Frame &f = stack.last();
                if (f.presence.startsWith(QLatin1Char('!'))) {
                    f.presence = f.presence.mid(1);
                    f.presenceFrom = line;
                } else {
                    closePresence(f, line);
                }
                f.branch = f.otherwiseKnown ? f.otherwise : Version();
            } else if (word == QLatin1String("endif") && !stack.isEmpty()) {
                Frame &f = stack.last();
                if (!f.presence.startsWith(QLatin1Char('!')))
                    closePresence(f, line);
                stack.removeLast();
            }
            recompute();
        }
        g.perLine[i] = active;
    }
    return g;
}

} // namespace vse::scan
