#include "xdrparser.h"

#include "xdrlexer.h"

#include <QFile>
#include <QFileInfo>
#include <QHash>

#include <deque>

namespace vse {

namespace {

// Thrown after the diagnostic is recorded; caught at top level, which recovers.
struct SyntaxError
{
};

bool isKeyword(const QByteArray &word)
{
    static const char *const keywords[] = {
        "bool",  "case",  "const",  "default", "double", "quadruple", "enum",    "float",
        "hyper", "int",   "opaque", "string",  "struct", "switch",    "typedef", "union",
        "unsigned", "void", "program", "version"};
    for (const char *k : keywords)
        if (word == k)
            return true;
    return false;
}

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
    XdrLexer m_lexer;
    XdrFile m_file;
    XdrToken m_tok;  // current, not yet consumed
    XdrToken m_prev; // last consumed
    std::deque<XdrToken> m_ahead;
    qint64 m_consumed = 0;
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
};

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
        !appendLimitedError(&m_file.diagnostics, Diagnostic::error(m_file.fileName, at.line, message, at.column)))
        m_gaveUp = true;
    throw SyntaxError{};
}

void XdrParser::expected(const QString &what)
{
    // Running out of input inside a body is a truncated file: say which body.
    if (isEnd() && !m_open.isEmpty())
        fail(m_tok, QStringLiteral("unexpected end of file: %1 is not closed").arg(m_open.constLast()));
    fail(m_tok, QStringLiteral("expected %1, found %2").arg(what, describe(m_tok)));
}

void XdrParser::expect(const char *punct)
{
    if (!is(punct))
        expected(QLatin1Char('\'') + QLatin1String(punct) + QLatin1Char('\''));
    advance();
}

QString XdrParser::identifier(const QString &what)
{
    if (m_tok.type != XdrToken::Type::Identifier || isKeyword(m_lexer.text(m_tok)))
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
    } else if (m_tok.type == XdrToken::Type::Identifier && !isKeyword(m_lexer.text(m_tok))) {
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
    if (m_tok.commentCount == 0)
        return {};
    const auto &c = m_lexer.comments().at(m_tok.firstComment + m_tok.commentCount - 1);
    if (m_consumed > 0 && c.line == m_prev.line)
        return {};
    return c.text;
}

// The comment after a consumed token on the same line ("= 1, /* autogen */").
QString XdrParser::trailingAfter(const XdrToken &t) const
{
    const auto &comments = m_lexer.comments();
    for (int i = m_tok.firstComment; i < m_tok.firstComment + m_tok.commentCount; ++i)
        if (comments.at(i).line == t.line)
            return comments.at(i).text;
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
        } catch (const SyntaxError &) {
            recover(start);
        }
    }
    m_file.passThrough = m_lexer.takePassThrough();
    return std::move(m_file);
}

void XdrParser::definition()
{
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
        def.kind = is("struct") ? XdrDefinition::Kind::Struct
                                : is("union") ? XdrDefinition::Kind::Union : XdrDefinition::Kind::Enum;
        advance();
        def.name = identifier(QStringLiteral("a name after '%1'").arg(XdrDefinition::kindName(def.kind)));
        body(def);
    } else if (is("program")) {
        fail(m_tok, QStringLiteral("rpcgen 'program' definitions are not part of libvirt's protocols"));
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
        m_gaveUp |= !appendLimitedError(&m_file.diagnostics, Diagnostic::error(
            m_file.fileName, def.line,
            QStringLiteral("'%1' is defined twice (first at line %2)").arg(def.name).arg(*seen), def.column));
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

void XdrParser::body(XdrDefinition &def)
{
    if (++m_nesting > kXdrMaxNesting)
        fail(m_tok, QStringLiteral("definitions nested deeper than %1 levels").arg(kXdrMaxNesting));
    if (def.kind == XdrDefinition::Kind::Union) {
        if (!is("switch"))
            expected(QStringLiteral("'switch'"));
        advance();
        expect("(");
        def.discriminant = declaration(false);
        expect(")");
    }
    const XdrToken open = m_tok;
    expect("{");
    def.headComment = trailingAfter(open);
    const QString what = def.name.isEmpty() ? XdrDefinition::kindName(def.kind)
                                            : XdrDefinition::kindName(def.kind) + QLatin1Char(' ') + def.name;
    m_open.append(QStringLiteral("'{' of %1 at line %2, column %3").arg(what).arg(open.line).arg(open.column));
    if (def.kind == XdrDefinition::Kind::Struct)
        structBody(def);
    else if (def.kind == XdrDefinition::Kind::Union)
        unionBody(def);
    else
        enumBody(def);
    expect("}");
    m_open.removeLast();
    --m_nesting;
}

// Called where a member should start: names the unclosed body instead of a
// confusing "expected identifier" deep inside the next definition.
void XdrParser::checkBodyNotClosed()
{
    const QString &where = m_open.constLast();
    if (isEnd())
        fail(m_tok, QStringLiteral("unexpected end of file: %1 is not closed").arg(where));
    const bool definitionStart = is("const") || is("typedef") ||
                                 ((is("struct") || is("union") || is("enum")) &&
                                  peek(1).type == XdrToken::Type::Identifier &&
                                  (m_lexer.is(peek(2), "{") || m_lexer.is(peek(2), "switch")));
    if (definitionStart)
        fail(m_tok, QStringLiteral("unbalanced braces: %1 is not closed before this definition").arg(where));
}

void XdrParser::structBody(XdrDefinition &def)
{
    do {
        checkBodyNotClosed();
        def.fields.append(declaration(false));
        const XdrToken semi = m_tok;
        expect(";");
        def.fields.last().trailing = trailingAfter(semi);
    } while (!is("}"));
}

void XdrParser::unionBody(XdrDefinition &def)
{
    do {
        checkBodyNotClosed();
        XdrUnionArm arm;
        arm.line = m_tok.line;
        if (is("default")) {
            advance();
            expect(":");
            arm.isDefault = true;
        } else {
            do {
                if (!is("case"))
                    expected(QStringLiteral("'case', 'default' or '}'"));
                advance();
                qint64 n = 0;
                bool resolved = false;
                arm.labels.append(value(QStringLiteral("a case value"), &n, &resolved));
                expect(":");
            } while (is("case"));
        }
        arm.declaration = declaration(true);
        const XdrToken semi = m_tok;
        expect(";");
        arm.declaration.trailing = trailingAfter(semi);
        def.arms.append(std::move(arm));
    } while (!is("}"));
}

void XdrParser::enumBody(XdrDefinition &def)
{
    qint64 next = 0;
    bool nextKnown = true;
    for (;;) {
        checkBodyNotClosed();
        XdrEnumValue v;
        v.doc = leadingDoc();
        v.line = m_tok.line;
        v.column = m_tok.column;
        v.name = identifier(QStringLiteral("an enum value name"));
        if (is("=")) {
            advance();
            v.value = value(QStringLiteral("a number or a constant name"), &v.number, &v.resolved);
        } else {
            // rpcgen accepts C-style implicit values; libvirt uses them in a few enums.
            v.number = next;
            v.resolved = nextKnown;
        }
        next = v.number + 1;
        nextKnown = v.resolved;
        if (v.resolved)
            m_constants.insert(v.name, v.number);
        const XdrToken last = m_prev;
        const bool comma = is(",");
        if (comma)
            advance();
        v.trailing = trailingAfter(comma ? m_prev : last);
        def.values.append(std::move(v));
        if (!comma || is("}"))
            break;
    }
}

XdrTypeSpec XdrParser::typeSpec()
{
    XdrTypeSpec t;
    t.line = m_tok.line;
    t.column = m_tok.column;
    const auto builtin = [&](const QString &name) {
        t.name = name;
        t.builtin = true;
        advance();
    };
    if (is("unsigned")) {
        advance();
        // rpcgen reads a bare "unsigned" as "unsigned int".
        if (is("int") || is("hyper") || is("char") || is("short") || is("long"))
            builtin(QStringLiteral("unsigned ") + text(m_tok));
        else {
            t.name = QStringLiteral("unsigned");
            t.builtin = true;
        }
    } else if (is("int") || is("hyper") || is("float") || is("double") || is("quadruple") ||
               is("bool") || is("char") || is("short") || is("long")) {
        builtin(text(m_tok));
    } else if (is("struct") || is("union") || is("enum")) {
        auto def = std::make_shared<XdrDefinition>();
        def->kind = is("struct") ? XdrDefinition::Kind::Struct
                                 : is("union") ? XdrDefinition::Kind::Union : XdrDefinition::Kind::Enum;
        def->line = m_tok.line;
        def->column = m_tok.column;
        const QString keyword = text(m_tok);
        advance();
        if (is("{") || is("switch")) {
            body(*def);
            t.inlineBody = std::move(def);
        } else {
            t.referenced = identifier(QStringLiteral("a type name after '%1'").arg(keyword));
            t.name = keyword + QLatin1Char(' ') + t.referenced;
        }
    } else if (m_tok.type == XdrToken::Type::Identifier && !isKeyword(m_lexer.text(m_tok))) {
        t.name = t.referenced = text(m_tok);
        advance();
    } else {
        expected(QStringLiteral("a type"));
    }
    return t;
}

XdrDeclaration XdrParser::declaration(bool allowVoid)
{
    XdrDeclaration d;
    d.doc = leadingDoc();
    d.line = m_tok.line;
    d.column = m_tok.column;
    if (is("void")) {
        if (!allowVoid)
            fail(m_tok, QStringLiteral("'void' is only allowed as a union arm"));
        advance();
        d.isVoid = true;
        d.type.name = QStringLiteral("void");
        d.type.builtin = true;
        return d;
    }
    const bool opaque = is("opaque"), string = is("string");
    if (opaque || string) {
        d.type.name = text(m_tok);
        d.type.builtin = true;
        d.type.line = m_tok.line;
        d.type.column = m_tok.column;
        advance();
    } else {
        d.type = typeSpec();
        if (is("*")) {
            advance();
            d.optional = true;
        }
    }
    d.name = identifier(QStringLiteral("a field name"));
    if (d.optional)
        return d;
    const XdrToken open = m_tok;
    if (is("[") && !string) {
        advance();
        qint64 n = 0;
        bool resolved = false;
        d.array = XdrDeclaration::Array::Fixed;
        d.size = value(QStringLiteral("an array size"), &n, &resolved);
        expect("]");
    } else if (is("<")) {
        advance();
        d.array = XdrDeclaration::Array::Variable;
        if (!is(">")) {
            qint64 n = 0;
            bool resolved = false;
            d.size = value(QStringLiteral("a maximum size or '>'"), &n, &resolved);
        }
        expect(">");
    } else if (opaque || string) {
        fail(open, string ? QStringLiteral("'string' needs a maximum length: <N> or <>")
                          : QStringLiteral("'opaque' needs a size: [N], <N> or <>"));
    }
    return d;
}

} // namespace

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
    return QStringLiteral("file is %1 bytes, more than the %2 MiB accepted for an XDR protocol file")
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
            QStringLiteral("NUL byte at offset %1: this is binary data, not an XDR protocol file").arg(nul);
        return f;
    }
    return XdrParser(bytes, fileName).parse();
}

XdrFile parseXdrFile(const QString &path)
{
    const QFileInfo info(path);
    if (info.exists() && info.size() > kXdrMaxFileSize)
        return failedFile(path, tooBig(info.size()));
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return failedFile(path, QStringLiteral("cannot read: %1").arg(file.errorString()));
    // At most one byte past the limit, so a file that grew meanwhile is still refused.
    return parseXdr(file.read(kXdrMaxFileSize + 1), path);
}

} // namespace vse
