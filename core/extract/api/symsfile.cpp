#include "symbolversions.h"

#include <QFile>
#include <QFileInfo>

// Linker version scripts: "NODE { global: sym; ... local: *; } PARENT;" with
// "#" comments. A small tokenizer and a strict grammar, so a broken file is
// reported at the line where it breaks instead of yielding a partial list.

namespace vse {

namespace {

struct Token
{
    enum Type
    {
        Word,
        Open,
        Close,
        Semicolon,
        Colon,
        End,
        Bad
    } type = End;
    QByteArray text;
    int line = 0;
};

class Lexer
{
public:
    explicit Lexer(const QByteArray &text) : m_text(text) {}

    Token next()
    {
        skipBlankAndComments();
        Token t;
        t.line = m_line;
        if (m_pos >= m_text.size())
            return t;
        const char c = m_text[m_pos];
        switch (c) {
        case '{':
            t.type = Token::Open;
            break;
        case '}':
            t.type = Token::Close;
            break;
        case ';':
            t.type = Token::Semicolon;
            break;
        case ':':
            t.type = Token::Colon;
            break;
        default:
            if (isWordChar(c)) {
                const qsizetype start = m_pos;
                while (m_pos < m_text.size() && isWordChar(m_text[m_pos]))
                    ++m_pos;
                t.type = Token::Word;
                t.text = m_text.mid(start, m_pos - start);
                return t;
            }
            t.type = Token::Bad;
            t.text = QByteArray(1, c);
            break;
        }
        ++m_pos;
        return t;
    }

private:
    static bool isWordChar(char c)
    {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
               c == '_' || c == '.' || c == '*' || c == '?';
    }
    void skipBlankAndComments()
    {
        while (m_pos < m_text.size()) {
            const char c = m_text[m_pos];
            if (c == '\n') {
                ++m_line;
                ++m_pos;
            } else if (c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v') {
                ++m_pos;
            } else if (c == '#') {
                while (m_pos < m_text.size() && m_text[m_pos] != '\n')
                    ++m_pos;
            } else {
                return;
            }
        }
    }

    const QByteArray &m_text;
    qsizetype m_pos = 0;
    int m_line = 1;
};

QString describe(const Token &t)
{
    switch (t.type) {
    case Token::Word:
        return QStringLiteral("'%1'").arg(QString::fromUtf8(t.text));
    case Token::Open:
        return QStringLiteral("'{'");
    case Token::Close:
        return QStringLiteral("'}'");
    case Token::Semicolon:
        return QStringLiteral("';'");
    case Token::Colon:
        return QStringLiteral("':'");
    case Token::End:
        return QStringLiteral("end of file");
    case Token::Bad:
        return QStringLiteral("character 0x%1").arg(uchar(t.text.at(0)), 2, 16, QLatin1Char('0'));
    }
    return {};
}

} // namespace

SymbolVersionResult SymbolVersions::readSymsFile(const QString &path, const SourceRoot &root)
{
    SymbolVersionResult result;
    QByteArray data;
    if (!root.read(path, &data, &result.diagnostics))
        return result;
    // Evidence names the file alone; a problem is reported at its full path.
    result = parseSyms(data, QFileInfo(path).fileName());
    for (Diagnostic &d : result.diagnostics)
        d.file = path;
    return result;
}

SymbolVersionResult SymbolVersions::parseSyms(const QByteArray &text, const QString &fileName)
{
    SymbolVersionResult result;
    Lexer lexer(text);
    auto fail = [&](const Token &t, const QString &expected) {
        result.diagnostics.append(Diagnostic::error(
            fileName, t.line, QStringLiteral("expected %1, found %2").arg(expected, describe(t))));
    };
    int blocks = 0;
    for (Token t = lexer.next(); t.type != Token::End; t = lexer.next()) {
        if (t.type != Token::Word) {
            fail(t, QStringLiteral("a version node name"));
            return result;
        }
        const QString node = QString::fromUtf8(t.text);
        const int nodeLine = t.line;
        const Token open = lexer.next();
        if (open.type != Token::Open) {
            fail(open, QStringLiteral("'{' after %1").arg(node));
            return result;
        }
        const Version version = Version::parse(node);
        const bool isPrivate = isPrivateNode(node);
        if (!version.isValid() && !isPrivate)
            result.diagnostics.append(Diagnostic::warning(
                fileName, nodeLine, QStringLiteral("version node %1 names no release").arg(node)));
        bool global = true; // symbols before any "global:" are global
        for (;;) {
            Token s = lexer.next();
            if (s.type == Token::Close)
                break;
            if (s.type == Token::End) {
                result.diagnostics.append(Diagnostic::error(
                    fileName, nodeLine,
                    QStringLiteral("block %1 is never closed (missing '}')").arg(node)));
                return result;
            }
            if (s.type != Token::Word) {
                fail(s, QStringLiteral("a symbol name or '}'"));
                return result;
            }
            const Token after = lexer.next();
            if (after.type == Token::Colon && (s.text == "global" || s.text == "local")) {
                global = s.text == "global";
                continue;
            }
            if (after.type != Token::Semicolon) {
                fail(after, QStringLiteral("';' after %1").arg(QString::fromUtf8(s.text)));
                return result;
            }
            if (!global || isPrivate)
                continue;
            if (result.symbols.size() >= maxSymbols) {
                result.diagnostics.append(Diagnostic::error(
                    fileName, s.line,
                    QStringLiteral("more than %1 symbols: refused (the limit for one version script; "
                                   "libvirt's own have a few hundred)")
                        .arg(maxSymbols)));
                result.symbols.clear();
                return result;
            }
            SymbolVersion sv;
            sv.symbol = QString::fromUtf8(s.text);
            sv.node = node;
            sv.version = version;
            sv.library = libraryForNode(node);
            sv.source = fileName;
            sv.fromSymsFile = true;
            sv.line = s.line;
            result.symbols.append(sv);
        }
        Token end = lexer.next();
        if (end.type == Token::Word) // the node this one inherits from
            end = lexer.next();
        if (end.type != Token::Semicolon) {
            fail(end, QStringLiteral("';' after the block of %1").arg(node));
            return result;
        }
        ++blocks;
    }
    if (blocks == 0)
        result.diagnostics.append(Diagnostic::error(
            fileName, 1,
            QStringLiteral("no version blocks: empty or not a linker version script")));
    return result;
}

} // namespace vse
