#include "xdrtypecheck.h"

#include <QRegularExpression>
#include <QSet>

namespace vse {

namespace {

class TypeChecker
{
public:
    TypeChecker(const XdrFile &file, const QList<const XdrFile *> &included) : m_file(file)
    {
        addDefined(file);
        for (const XdrFile *f : included)
            if (f)
                addDefined(*f);
    }

    Diagnostics run()
    {
        for (const auto &d : m_file.definitions)
            checkDefinition(d);
        return m_diagnostics;
    }

private:
    const XdrFile &m_file;
    QSet<QString> m_types;
    Diagnostics m_diagnostics;

    void addDefined(const XdrFile &f)
    {
        for (const auto &d : f.definitions)
            if (d.kind != XdrDefinition::Kind::Const)
                m_types.insert(d.name);
    }

    void checkType(const XdrTypeSpec &t)
    {
        if (t.inlineBody) {
            checkDefinition(*t.inlineBody);
            return;
        }
        if (t.builtin || t.referenced.isEmpty() || m_types.contains(t.referenced))
            return;
        m_diagnostics.append(Diagnostic::error(
            m_file.fileName, t.line, QStringLiteral("unknown type '%1'").arg(t.referenced), t.column));
    }

    void checkDeclaration(const XdrDeclaration &d)
    {
        if (!d.isVoid)
            checkType(d.type);
    }

    void checkDefinition(const XdrDefinition &d)
    {
        switch (d.kind) {
        case XdrDefinition::Kind::Const:
        case XdrDefinition::Kind::Enum:
            break;
        case XdrDefinition::Kind::Typedef:
        case XdrDefinition::Kind::Struct:
            for (const auto &f : d.fields)
                checkDeclaration(f);
            break;
        case XdrDefinition::Kind::Union:
            checkDeclaration(d.discriminant);
            for (const auto &arm : d.arms)
                checkDeclaration(arm.declaration);
            break;
        }
    }
};

} // namespace

QStringList xdrIncludedProtocols(const XdrFile &file)
{
    static const QRegularExpression re(QStringLiteral("^\\s*#\\s*include\\s+\"([A-Za-z0-9_]+)\\.h\""));
    QStringList out;
    for (const auto &p : file.passThrough) {
        const auto m = re.match(p.text);
        if (m.hasMatch())
            out.append(m.captured(1));
    }
    return out;
}

Diagnostics checkXdrTypes(const XdrFile &file, const QList<const XdrFile *> &included)
{
    return TypeChecker(file, included).run();
}

} // namespace vse
