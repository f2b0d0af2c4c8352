#include "rpcitembuilder.h"

#include "model/policy.h"
#include "rpcannotations.h"

#include <QJsonArray>
#include <QRegularExpression>

namespace vse {

namespace {

QString procedureWords(const QString &name)
{
    const int at = name.indexOf(QLatin1String("_PROC_"));
    return at < 0 ? name : name.mid(at + 6);
}

// Comment markers and leading '*' removed: the prose a person reads.
QString commentProse(const QString &comment)
{
    static const QRegularExpression markers(QStringLiteral("^/\\*+|\\*+/$"));
    QString s = comment;
    s.remove(markers);
    QStringList lines;
    for (QString l : s.split(QLatin1Char('\n'))) {
        l = l.trimmed();
        if (l.startsWith(QLatin1Char('*')))
            l = l.mid(1).trimmed();
        lines.append(l);
    }
    return lines.join(QLatin1Char(' ')).simplified();
}

QJsonObject declarationJson(const XdrDeclaration &d)
{
    QJsonObject o{{QStringLiteral("name"), d.name}, {QStringLiteral("type"), d.typeText()}};
    const int insert = parseInsertAnnotation(d.trailing);
    if (insert >= 0)
        o.insert(QStringLiteral("insert"), insert);
    return o;
}

} // namespace

QJsonArray xdrFieldsJson(const XdrDefinition &def)
{
    QJsonArray out;
    for (const auto &f : def.fields)
        out.append(declarationJson(f));
    return out;
}

QString rpcApiKind(const QString &programId, const QString &procedureName)
{
    if (programId != QLatin1String("remote") && programId != QLatin1String("qemu") &&
        programId != QLatin1String("lxc") && programId != QLatin1String("admin"))
        return QStringLiteral("internal");
    const QString w = procedureWords(procedureName);
    // Event messages, and the registration of event and close callbacks,
    // which the client library drives on the application's behalf.
    if (w.contains(QLatin1String("EVENT")) || w.contains(QLatin1String("CALLBACK")))
        return QStringLiteral("event");
    // Authentication, feature probes and the steps of migration are driven by
    // libvirt itself, never called by an application.
    static const QRegularExpression internal(
        QStringLiteral("^(AUTH_.*|CONNECT_SUPPORTS_FEATURE|SUPPORTS_FEATURE|DOMAIN_MIGRATE_("
                       "PREPARE|PERFORM|FINISH|BEGIN|CONFIRM).*)$"));
    if (internal.match(w).hasMatch())
        return QStringLiteral("internal");
    return QStringLiteral("api");
}

RpcItemBuilder::RpcItemBuilder(const XdrFile &file, const RpcProgramInfo &program,
                               const QString &displayPath)
    : m_file(file), m_program(program), m_path(displayPath)
{
    for (int i = 0; i < m_file.definitions.size(); ++i) {
        const auto &d = m_file.definitions.at(i);
        if (d.kind == XdrDefinition::Kind::Struct || d.kind == XdrDefinition::Kind::Union)
            m_byNormalizedName.insert(normalizedTypeName(d.name), i);
    }
}

Item RpcItemBuilder::makeItem(ItemKind kind, const QString &name, int line) const
{
    Item item;
    item.kind = kind;
    item.name = name;
    item.origin = m_program.origin;
    item.parent = m_program.id;
    item.file = m_path;
    item.line = line;
    return item;
}

ExtractResult RpcItemBuilder::build()
{
    int count = 0;
    qint64 highest = 0;
    addProcedures(&count, &highest);
    for (int i = 0; i < m_file.definitions.size(); ++i) {
        const auto &d = m_file.definitions.at(i);
        if (i == m_program.procedureEnum)
            continue; // represented by the program and its procedures
        if (d.kind == XdrDefinition::Kind::Const)
            addConstant(d);
        else
            addType(d);
    }
    addProgram(count, highest);
    for (auto &item : m_result.items)
        Policy::instance().apply(item);
    return std::move(m_result);
}

void RpcItemBuilder::addProgram(int procedureCount, qint64 highest)
{
    Item item = makeItem(ItemKind::RpcProgram, m_program.id, 0);
    item.parent.clear();
    item.doc = m_program.label;
    QJsonObject a{{QStringLiteral("file"), m_path},
                  {QStringLiteral("procedureCount"), procedureCount}};
    if (!m_program.constant.isEmpty()) {
        a.insert(QStringLiteral("constant"), m_program.constant);
        a.insert(QStringLiteral("number"), m_program.numberText);
        if (m_program.number >= 0)
            a.insert(QStringLiteral("numberHex"),
                     QStringLiteral("0x%1").arg(m_program.number, 8, 16, QLatin1Char('0')));
        item.signature =
            QStringLiteral("const %1 = %2;").arg(m_program.constant, m_program.numberText);
    }
    if (!m_program.version.isEmpty())
        a.insert(QStringLiteral("version"), m_program.version);
    if (m_program.procedureEnum >= 0) {
        const auto &e = m_file.definitions.at(m_program.procedureEnum);
        a.insert(QStringLiteral("procedureEnum"), e.name);
        a.insert(QStringLiteral("highestProcedure"), highest);
        item.line = e.line;
    }
    item.attrs = a;
    m_result.items.prepend(std::move(item));
}

const XdrDefinition *RpcItemBuilder::messageType(const QString &words, const char *suffix) const
{
    const QString key = m_program.typePrefix + normalizedTypeName(words) + QLatin1String(suffix);
    const auto it = m_byNormalizedName.constFind(key);
    return it == m_byNormalizedName.constEnd() ? nullptr : &m_file.definitions.at(*it);
}

void RpcItemBuilder::addProcedures(int *count, qint64 *highest)
{
    if (m_program.procedureEnum < 0)
        return;
    const XdrDefinition &e = m_file.definitions.at(m_program.procedureEnum);
    QHash<qint64, const XdrEnumValue *> byNumber;
    for (const XdrEnumValue &v : e.values) {
        if (!v.resolved) {
            m_result.diagnostics.append(Diagnostic::error(
                m_file.fileName, v.line,
                QStringLiteral("procedure %1 has no numeric value ('%2')").arg(v.name, v.value),
                v.column));
            continue;
        }
        if (const XdrEnumValue *first = byNumber.value(v.number)) {
            // The number is the procedure's identity on the wire: two names
            // for one number would make the program ambiguous.
            m_result.diagnostics.append(Diagnostic::error(
                m_file.fileName, v.line,
                QStringLiteral(
                    "duplicate procedure number %1 in %2: %3 reuses the number of %4 (line %5)")
                    .arg(v.number)
                    .arg(e.name, v.name, first->name)
                    .arg(first->line),
                v.column));
            continue;
        }
        byNumber.insert(v.number, &v);
        ++*count;
        *highest = std::max(*highest, v.number);

        Item item = makeItem(ItemKind::RpcProcedure, v.name, v.line);
        item.key = m_program.id + QLatin1Char('/') + QString::number(v.number);
        const RpcAnnotations ann = parseRpcAnnotations(v.doc, v.trailing);
        QJsonObject a{{QStringLiteral("program"), m_program.id},
                      {QStringLiteral("number"), v.number},
                      {QStringLiteral("apiKind"), rpcApiKind(m_program.id, v.name)}};
        QString signature = QStringLiteral("enum %1 {\n").arg(e.name);
        if (!v.doc.isEmpty() && ann.style == RpcAnnotations::Style::Block)
            signature += QStringLiteral("    ") + v.doc + QLatin1Char('\n');
        signature += QStringLiteral("    %1 = %2").arg(v.name, v.value);
        if (!v.trailing.isEmpty())
            signature += QLatin1Char(' ') + v.trailing;
        signature += QStringLiteral("\n};");
        const QString words = procedureWords(v.name);
        const struct
        {
            const char *suffix;
            const char *key;
        } parts[] = {{"args", "args"}, {"ret", "ret"}, {"msg", "msg"}};
        for (const auto &p : parts) {
            const XdrDefinition *t = messageType(words, p.suffix);
            if (!t)
                continue;
            a.insert(QLatin1String(p.key),
                     t->kind == XdrDefinition::Kind::Struct ? xdrFieldsJson(*t) : QJsonArray());
            a.insert(QLatin1String(p.key) + QLatin1String("Type"), t->name);
            signature += QStringLiteral("\n\n") + t->toXdr();
        }
        if (!ann.isEmpty()) {
            a.insert(QStringLiteral("annotations"), ann.toJson());
            a.insert(QStringLiteral("annotationStyle"), ann.style == RpcAnnotations::Style::Block
                                                            ? QStringLiteral("block")
                                                            : QStringLiteral("trailing"));
            a.insert(QStringLiteral("acl"), QJsonArray::fromStringList(ann.acl));
            if (!ann.aclfilter.isEmpty())
                a.insert(QStringLiteral("aclfilter"), QJsonArray::fromStringList(ann.aclfilter));
            if (!ann.generate.isEmpty())
                a.insert(QStringLiteral("generate"), ann.generate);
            if (!ann.priority.isEmpty())
                a.insert(QStringLiteral("priority"), ann.priority);
            if (ann.readstream >= 0)
                a.insert(QStringLiteral("readstream"), ann.readstream);
            if (ann.writestream >= 0)
                a.insert(QStringLiteral("writestream"), ann.writestream);
            if (!ann.sparseflag.isEmpty())
                a.insert(QStringLiteral("sparseflag"), ann.sparseflag);
        }
        item.attrs = a;
        item.signature = signature;
        m_result.items.append(std::move(item));
    }
}

void RpcItemBuilder::addType(const XdrDefinition &def)
{
    // "typedef struct foo foo;" only repeats the struct's name for C.
    if (def.kind == XdrDefinition::Kind::Typedef && !def.fields.isEmpty() &&
        def.fields.constFirst().type.referenced == def.name)
        return;
    Item item = makeItem(ItemKind::RpcType, def.name, def.line);
    item.key = m_program.id + QLatin1Char('/') + def.name;
    item.signature = def.toXdr();
    item.doc = commentProse(def.doc);
    QJsonObject a{{QStringLiteral("xdrKind"), XdrDefinition::kindName(def.kind)}};
    switch (def.kind) {
    case XdrDefinition::Kind::Struct:
        a.insert(QStringLiteral("fields"), xdrFieldsJson(def));
        break;
    case XdrDefinition::Kind::Typedef:
        if (!def.fields.isEmpty())
            a.insert(QStringLiteral("type"), def.fields.constFirst().typeText());
        break;
    case XdrDefinition::Kind::Union: {
        a.insert(QStringLiteral("discriminant"), declarationJson(def.discriminant));
        QJsonArray arms;
        for (const auto &arm : def.arms) {
            QJsonObject o = declarationJson(arm.declaration);
            o.insert(QStringLiteral("cases"), arm.isDefault
                                                  ? QJsonArray{QStringLiteral("default")}
                                                  : QJsonArray::fromStringList(arm.labels));
            arms.append(o);
        }
        a.insert(QStringLiteral("arms"), arms);
        break;
    }
    case XdrDefinition::Kind::Enum: {
        QJsonArray values;
        for (const auto &v : def.values) {
            QJsonObject o{{QStringLiteral("name"), v.name}};
            if (v.resolved)
                o.insert(QStringLiteral("value"), v.number);
            else
                o.insert(QStringLiteral("value"), v.value);
            values.append(o);
        }
        a.insert(QStringLiteral("values"), values);
        break;
    }
    case XdrDefinition::Kind::Const:
        break;
    }
    const int insert = parseInsertAnnotation(def.headComment);
    if (insert >= 0)
        a.insert(QStringLiteral("insert"), insert);
    item.attrs = a;
    m_result.items.append(std::move(item));
}

void RpcItemBuilder::addConstant(const XdrDefinition &def)
{
    Item item = makeItem(ItemKind::RpcConstant, def.name, def.line);
    item.key = m_program.id + QLatin1Char('/') + def.name;
    item.signature = def.toXdr();
    item.doc = commentProse(def.doc);
    QJsonObject a{{QStringLiteral("value"), def.constValue}};
    bool ok = false;
    const qint64 n = def.constValue.toLongLong(&ok, 0);
    if (ok)
        a.insert(QStringLiteral("number"), n);
    item.attrs = a;
    m_result.items.append(std::move(item));
}

} // namespace vse
