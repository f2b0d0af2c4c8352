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

    static bool isCXdrType(const QString &name)
    {
        // rpcgen hands names it does not know to the C compiler, and the C
        // library has xdr_ routines for these; 0.8.0 and 0.9.0 use u_int.
        static const QSet<QString> c = {
            QStringLiteral("u_int"),    QStringLiteral("u_long"),   QStringLiteral("u_short"),
            QStringLiteral("u_char"),   QStringLiteral("u_hyper"),  QStringLiteral("u_quad_t"),
            QStringLiteral("quad_t"),   QStringLiteral("int8_t"),   QStringLiteral("uint8_t"),
            QStringLiteral("int16_t"),  QStringLiteral("uint16_t"), QStringLiteral("int32_t"),
            QStringLiteral("uint32_t"), QStringLiteral("int64_t"),  QStringLiteral("uint64_t")};
        return c.contains(name);
    }

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
        if (t.builtin || t.referenced.isEmpty() || m_types.contains(t.referenced) ||
            isCXdrType(t.referenced))
            return;
        m_diagnostics.append(
            Diagnostic::error(m_file.fileName, t.line,
                              QStringLiteral("unknown type '%1'").arg(t.referenced), t.column));
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
    static const QRegularExpression re(
        QStringLiteral("^\\s*#\\s*include\\s+\"([A-Za-z0-9_]+)\\.h\""));
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
