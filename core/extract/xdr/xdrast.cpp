#include "xdrast.h"

namespace vse {

namespace {

QString spaces(int indent)
{
    return QString(indent * 4, QLatin1Char(' '));
}

// Multi-line comments are re-indented line by line so the text stays readable
// whatever the original indentation was.
QString indentComment(const QString &comment, int indent)
{
    const QStringList lines = comment.split(QLatin1Char('\n'));
    QString out;
    for (int i = 0; i < lines.size(); ++i) {
        QString l = lines.at(i).trimmed();
        if (i > 0 && l.startsWith(QLatin1Char('*')))
            l.prepend(QLatin1Char(' '));
        out += spaces(indent) + l + QLatin1Char('\n');
    }
    return out;
}

} // namespace

QString XdrTypeSpec::toXdr(int indent) const
{
    if (inlineBody)
        return XdrDefinition::kindName(inlineBody->kind) + QLatin1Char(' ') +
               inlineBody->bodyToXdr(indent);
    return name;
}

QString XdrDeclaration::typeText() const
{
    if (isVoid)
        return QStringLiteral("void");
    QString t = type.toXdr();
    if (optional)
        return t + QStringLiteral(" *");
    if (array == Array::Fixed)
        t += QLatin1Char('[') + size + QLatin1Char(']');
    else if (array == Array::Variable)
        t += QLatin1Char('<') + size + QLatin1Char('>');
    return t;
}

QString XdrDeclaration::toXdr(int indent) const
{
    if (isVoid)
        return QStringLiteral("void;");
    QString out = type.toXdr(indent) + QLatin1Char(' ');
    if (optional)
        out += QLatin1Char('*');
    out += name;
    if (array == Array::Fixed)
        out += QLatin1Char('[') + size + QLatin1Char(']');
    else if (array == Array::Variable)
        out += QLatin1Char('<') + size + QLatin1Char('>');
    out += QLatin1Char(';');
    if (!trailing.isEmpty())
        out += QLatin1Char(' ') + trailing;
    return out;
}

QString XdrDefinition::kindName(Kind kind)
{
    switch (kind) {
    case Kind::Const:
        return QStringLiteral("const");
    case Kind::Typedef:
        return QStringLiteral("typedef");
    case Kind::Struct:
        return QStringLiteral("struct");
    case Kind::Union:
        return QStringLiteral("union");
    case Kind::Enum:
        return QStringLiteral("enum");
    }
    return {};
}

QString XdrDefinition::bodyToXdr(int indent) const
{
    QString out;
    if (kind == Kind::Union)
        out += QStringLiteral("switch (") + discriminant.type.toXdr(indent) + QLatin1Char(' ') +
               discriminant.name + QStringLiteral(") ");
    out += QLatin1Char('{');
    if (!headComment.isEmpty())
        out += QLatin1Char(' ') + headComment;
    out += QLatin1Char('\n');
    const QString pad = spaces(indent + 1);
    if (kind == Kind::Struct) {
        for (const auto &f : fields) {
            if (!f.doc.isEmpty())
                out += indentComment(f.doc, indent + 1);
            out += pad + f.toXdr(indent + 1) + QLatin1Char('\n');
        }
    } else if (kind == Kind::Enum) {
        for (int i = 0; i < values.size(); ++i) {
            const auto &v = values.at(i);
            if (!v.doc.isEmpty())
                out += indentComment(v.doc, indent + 1);
            out += pad + v.name;
            if (!v.value.isEmpty())
                out += QStringLiteral(" = ") + v.value;
            if (i + 1 < values.size())
                out += QLatin1Char(',');
            if (!v.trailing.isEmpty())
                out += QLatin1Char(' ') + v.trailing;
            out += QLatin1Char('\n');
        }
    } else if (kind == Kind::Union) {
        for (const auto &arm : arms) {
            if (arm.isDefault)
                out += pad + QStringLiteral("default:\n");
            for (const auto &label : arm.labels)
                out += pad + QStringLiteral("case ") + label + QStringLiteral(":\n");
            out += spaces(indent + 2) + arm.declaration.toXdr(indent + 2) + QLatin1Char('\n');
        }
    }
    return out + spaces(indent) + QLatin1Char('}');
}

QString XdrDefinition::toXdr() const
{
    QString out;
    switch (kind) {
    case Kind::Const:
        out =
            QStringLiteral("const ") + name + QStringLiteral(" = ") + constValue + QLatin1Char(';');
        break;
    case Kind::Typedef:
        out = QStringLiteral("typedef ") +
              (fields.isEmpty() ? QStringLiteral("void;") : fields.constFirst().toXdr());
        break;
    case Kind::Struct:
    case Kind::Union:
    case Kind::Enum:
        out = kindName(kind) + QLatin1Char(' ') + name + QLatin1Char(' ') + bodyToXdr(0) +
              QLatin1Char(';');
        break;
    }
    return out;
}

const XdrDefinition *XdrFile::find(const QString &name) const
{
    for (const auto &d : definitions)
        if (d.name == name)
            return &d;
    return nullptr;
}

} // namespace vse
