#include "xdrparser.h"
#include "xdrparserimpl.h"

// The grammar of RFC 4506 section 6.3, plus rpcgen's extensions libvirt uses.
namespace vse::detail {

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
    const QString what = def.name.isEmpty()
                             ? XdrDefinition::kindName(def.kind)
                             : XdrDefinition::kindName(def.kind) + QLatin1Char(' ') + def.name;
    m_open.append(QStringLiteral("'{' of %1 at line %2, column %3")
                      .arg(what)
                      .arg(open.line)
                      .arg(open.column));
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
        fail(m_tok, QStringLiteral("unbalanced braces: %1 is not closed before this definition")
                        .arg(where));
}

void XdrParser::structBody(XdrDefinition &def)
{
    do {
        checkBodyNotClosed();
        countElement();
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
        countElement();
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
        countElement();
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
        def->kind = is("struct")  ? XdrDefinition::Kind::Struct
                    : is("union") ? XdrDefinition::Kind::Union
                                  : XdrDefinition::Kind::Enum;
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
    } else if (m_tok.type == XdrToken::Type::Identifier && !isXdrKeyword(m_lexer.text(m_tok))) {
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

} // namespace vse::detail
