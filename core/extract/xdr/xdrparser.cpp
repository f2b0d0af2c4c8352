#include "xdrparser.h"

#include "xdrparserimpl.h"

#include <QFile>
#include <QFileInfo>

namespace vse {

namespace detail {

bool isXdrKeyword(const QByteArray &word)
{
    static const char *const keywords[] = {"bool",      "case",     "const",  "default", "double",
                                           "quadruple", "enum",     "float",  "hyper",   "int",
                                           "opaque",    "string",   "struct", "switch",  "typedef",
                                           "union",     "unsigned", "void",   "program", "version"};
    for (const char *k : keywords)
        if (word == k)
            return true;
    return false;
}

XdrToken XdrParser::fetch()
{
    // Stray bytes were already reported by the lexer; the grammar skips them.
    XdrToken t = m_lexer.next();
    while (t.type == XdrToken::Type::Error)
        t = m_lexer.next();
    return t;
}

const XdrToken &XdrParser::peek(int n)
{
    if (n == 0)
        return m_tok;
    while (int(m_ahead.size()) < n)
        m_ahead.push_back(fetch());
    return m_ahead.at(n - 1);
}

void XdrParser::advance()
{
    if (isEnd())
        return;
    if (is("{"))
        ++m_braceDepth;
    else if (is("}"))
        --m_braceDepth;
    m_prev = m_tok;
    ++m_consumed;
    if (!m_ahead.empty()) {
        m_tok = m_ahead.front();
        m_ahead.pop_front();
    } else {
        m_tok = fetch();
    }
}

QString XdrParser::describe(const XdrToken &t) const
{
    if (t.type == XdrToken::Type::End)
        return QStringLiteral("end of file");
    return QLatin1Char('\'') + text(t) + QLatin1Char('\'');
}

void XdrParser::fail(const XdrToken &at, const QString &message)
{
    if (!m_gaveUp && !m_lexer.aborted() &&
        !appendLimitedError(&m_file.diagnostics,
                            Diagnostic::error(m_file.fileName, at.line, message, at.column)))
        m_gaveUp = true;
    throw XdrSyntaxError{};
}

void XdrParser::expected(const QString &what)
{
    // Running out of input inside a body is a truncated file: say which body.
    if (isEnd() && !m_open.isEmpty())
        fail(m_tok,
             QStringLiteral("unexpected end of file: %1 is not closed").arg(m_open.constLast()));
    fail(m_tok, QStringLiteral("expected %1, found %2").arg(what, describe(m_tok)));
}

void XdrParser::countElement()
{
    if (++m_elements <= kXdrMaxElements)
        return;
    // Not a typo to recover from: stop reading the file.
    m_gaveUp = true;
    m_file.diagnostics.append(Diagnostic::error(
        m_file.fileName, m_tok.line,
        QStringLiteral("more than %1 definitions, members and values: not a plausible protocol "
                       "file, the rest is not read")
            .arg(kXdrMaxElements),
        m_tok.column));
    throw XdrSyntaxError{};
}

void XdrParser::expect(const char *punct)
{
    if (!is(punct))
        expected(QLatin1Char('\'') + QLatin1String(punct) + QLatin1Char('\''));
    advance();
}

QString XdrParser::identifier(const QString &what)
{
    if (m_tok.type != XdrToken::Type::Identifier || isXdrKeyword(m_lexer.text(m_tok)))
        expected(what);
    const QString name = text(m_tok);
    advance();
    return name;
}

// A constant or a name: a number, an XDR constant defined earlier, or a C
// macro the generated code will see (VIR_UUID_BUFLEN, VIR_TYPED_PARAM_INT).
QString XdrParser::value(const QString &what, qint64 *number, bool *resolved)
{
    *resolved = false;
    if (m_tok.type == XdrToken::Type::Number) {
        const QByteArray raw = m_lexer.text(m_tok);
        bool ok = false;
        // Base 0: 0x.. hex, 0.. octal, else decimal, as in C and rpcgen.
        qint64 n = raw.toLongLong(&ok, 0);
        if (!ok) // unsigned hyper constants above 2^63 keep their bit pattern
            n = qint64(raw.toULongLong(&ok, 0));
        if (!ok)
            fail(m_tok, QStringLiteral("invalid number %1").arg(describe(m_tok)));
        *number = n;
        *resolved = true;
    } else if (m_tok.type == XdrToken::Type::Identifier && !isXdrKeyword(m_lexer.text(m_tok))) {
        const auto it = m_constants.constFind(text(m_tok));
        if (it != m_constants.constEnd()) {
            *number = *it;
            *resolved = true;
        }
    } else {
        expected(what);
    }
    const QString v = text(m_tok);
    advance();
    return v;
}

// The comment right before a token, unless it trails the previous token on
// its own line (then it belongs to that one).
QString XdrParser::leadingDoc() const
{
    if (m_tok.comments.isEmpty())
        return {};
    const auto &c = m_tok.comments.constLast();
    if (m_consumed > 0 && c.line == m_prev.line)
        return {};
    return c.text;
}

// The comment after a consumed token on the same line ("= 1, /* autogen */").
QString XdrParser::trailingAfter(const XdrToken &t) const
{
    for (const auto &c : m_tok.comments)
        if (c.line == t.line)
            return c.text;
    return {};
}

void XdrParser::recover(qint64 startConsumed)
{
    int depth = m_braceDepth;
    while (!isEnd() && !m_gaveUp) {
        // libvirt writes definitions at column 1 and members indented, so a
        // definition keyword there is a safe place to resume.
        if (m_consumed > startConsumed && m_tok.column == 1 &&
            (is("const") || is("typedef") || is("struct") || is("union") || is("enum")))
            break;
        if (is("{")) {
            ++depth;
        } else if (is("}")) {
            --depth;
            if (depth <= 0) {
                advance();
                if (is(";"))
                    advance();
                break;
            }
        } else if (is(";") && depth <= 0) {
            advance();
            break;
        }
        advance();
    }
    m_braceDepth = 0;
    m_nesting = 0;
    m_open.clear();
}

XdrFile XdrParser::parse()
{
    m_tok = fetch();
    while (!isEnd()) {
        if (m_gaveUp || m_lexer.aborted())
            break;
        const qint64 start = m_consumed;
        try {
            definition();
        } catch (const XdrSyntaxError &) {
            recover(start);
        }
    }
    m_file.passThrough = m_lexer.takePassThrough();
    return std::move(m_file);
}

void XdrParser::definition()
{
    countElement();
    XdrDefinition def;
    def.doc = leadingDoc();
    def.line = m_tok.line;
    def.column = m_tok.column;
    if (is("const")) {
        advance();
        def.kind = XdrDefinition::Kind::Const;
        constant(def);
    } else if (is("typedef")) {
        advance();
        def.kind = XdrDefinition::Kind::Typedef;
        XdrDeclaration decl = declaration(false);
        def.name = decl.name;
        def.fields.append(std::move(decl));
    } else if (is("struct") || is("union") || is("enum")) {
        def.kind = is("struct")  ? XdrDefinition::Kind::Struct
                   : is("union") ? XdrDefinition::Kind::Union
                                 : XdrDefinition::Kind::Enum;
        advance();
        def.name =
            identifier(QStringLiteral("a name after '%1'").arg(XdrDefinition::kindName(def.kind)));
        body(def);
    } else if (is("program")) {
        fail(m_tok,
             QStringLiteral("rpcgen 'program' definitions are not part of libvirt's protocols"));
    } else if (is("}")) {
        fail(m_tok, QStringLiteral("unbalanced braces: '}' without a matching '{'"));
    } else {
        expected(QStringLiteral("a definition (const, typedef, struct, union or enum)"));
    }
    def.endLine = m_tok.line;
    const XdrToken semi = m_tok;
    expect(";");
    if (def.kind == XdrDefinition::Kind::Typedef && !def.fields.isEmpty())
        def.fields.first().trailing = trailingAfter(semi);
    // "typedef struct foo foo;" (log_protocol.x) is a C idiom rpcgen lets
    // through: an alias of the same name, not a second definition.
    const bool selfAlias = def.kind == XdrDefinition::Kind::Typedef && !def.fields.isEmpty() &&
                           def.fields.constFirst().type.referenced == def.name;
    const auto seen = m_defined.constFind(def.name);
    if (!selfAlias && seen != m_defined.constEnd())
        m_gaveUp |= !appendLimitedError(
            &m_file.diagnostics,
            Diagnostic::error(
                m_file.fileName, def.line,
                QStringLiteral("'%1' is defined twice (first at line %2)").arg(def.name).arg(*seen),
                def.column));
    else if (!selfAlias)
        m_defined.insert(def.name, def.line);
    m_file.definitions.append(std::move(def));
}

void XdrParser::constant(XdrDefinition &def)
{
    def.name = identifier(QStringLiteral("a constant name"));
    expect("=");
    qint64 n = 0;
    bool resolved = false;
    def.constValue = value(QStringLiteral("a number or a constant name"), &n, &resolved);
    if (resolved)
        m_constants.insert(def.name, n);
}

} // namespace detail

namespace {

XdrFile failedFile(const QString &fileName, const QString &message)
{
    XdrFile f;
    f.fileName = fileName;
    f.diagnostics.append(Diagnostic::error(fileName, 0, message));
    return f;
}

QString tooBig(qint64 size)
{
    return QStringLiteral(
               "file is %1 bytes, more than the %2 MiB accepted for an XDR protocol file")
        .arg(size)
        .arg(kXdrMaxFileSize / (1024 * 1024));
}

} // namespace

XdrFile parseXdr(const QByteArray &bytes, const QString &fileName)
{
    if (bytes.size() > kXdrMaxFileSize)
        return failedFile(fileName, tooBig(bytes.size()));
    // .x files are text: a NUL byte anywhere means binary input, and one
    // clear error beats dozens about stray bytes.
    const qsizetype nul = bytes.indexOf('\0');
    if (nul >= 0) {
        XdrFile f = failedFile(fileName, {});
        const QByteArray before = QByteArray::fromRawData(bytes.constData(), nul);
        f.diagnostics.first().line = int(before.count('\n')) + 1;
        f.diagnostics.first().column = int(nul - (before.lastIndexOf('\n') + 1)) + 1;
        f.diagnostics.first().message =
            QStringLiteral("NUL byte at offset %1: this is binary data, not an XDR protocol file")
                .arg(nul);
        return f;
    }
    return detail::XdrParser(bytes, fileName).parse();
}

XdrFile parseXdrFile(const QString &path, const SourceRoot &root)
{
    QByteArray data;
    QString why;
    if (!root.read(path, &data, &why))
        return failedFile(path, why);
    return parseXdr(data, path);
}

} // namespace vse
