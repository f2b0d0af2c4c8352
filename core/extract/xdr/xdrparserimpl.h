#pragma once

#include "xdrast.h"
#include "xdrlexer.h"

#include <QHash>

#include <deque>

namespace vse::detail {

// Thrown after the diagnostic is recorded; caught at top level, which recovers.
struct XdrSyntaxError
{
};

bool isXdrKeyword(const QByteArray &word);

// The recursive-descent parser behind parseXdr(). Private to the module: the
// token plumbing, error reporting and recovery live in xdrparser.cpp, the
// grammar rules in xdrgrammar.cpp.
class XdrParser
{
public:
    XdrParser(const QByteArray &bytes, const QString &fileName)
        : m_lexer(bytes, fileName, &m_file.diagnostics)
    {
        m_file.fileName = fileName;
    }

    XdrFile parse();

private:
    XdrFile m_file; // before m_lexer, which reports into m_file.diagnostics
    XdrLexer m_lexer;
    XdrToken m_tok;  // current, not yet consumed
    XdrToken m_prev; // last consumed
    std::deque<XdrToken> m_ahead;
    qint64 m_consumed = 0;
    int m_elements = 0;
    int m_braceDepth = 0;
    int m_nesting = 0;
    bool m_gaveUp = false;
    QHash<QString, qint64> m_constants;
    QHash<QString, int> m_defined; // name -> line
    QList<QString> m_open;         // "'{' of struct foo at line 3, column 12", innermost last

    XdrToken fetch();
    const XdrToken &peek(int n);
    void advance();
    QString text(const XdrToken &t) const { return QString::fromLatin1(m_lexer.text(t)); }
    QString describe(const XdrToken &t) const;
    bool is(const char *literal) const { return m_lexer.is(m_tok, literal); }
    bool isEnd() const { return m_tok.type == XdrToken::Type::End; }
    [[noreturn]] void fail(const XdrToken &at, const QString &message);
    [[noreturn]] void expected(const QString &what);
    void expect(const char *punct);
    QString identifier(const QString &what);
    QString value(const QString &what, qint64 *number, bool *resolved);
    QString leadingDoc() const;
    QString trailingAfter(const XdrToken &t) const;
    void recover(qint64 startConsumed);

    void definition();
    void constant(XdrDefinition &def);
    void body(XdrDefinition &def);
    void structBody(XdrDefinition &def);
    void unionBody(XdrDefinition &def);
    void enumBody(XdrDefinition &def);
    XdrDeclaration declaration(bool allowVoid);
    XdrTypeSpec typeSpec();
    void checkBodyNotClosed();
    void countElement();
};

} // namespace vse::detail
