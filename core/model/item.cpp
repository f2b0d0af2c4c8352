#include "item.h"

#include <QCoreApplication>

namespace vse {

namespace {
struct KindName
{
    ItemKind kind;
    const char *id;
    const char *family;
    const char *label;
};
constexpr KindName kKinds[] = {
    {ItemKind::Function, "function", "api", QT_TRANSLATE_NOOP("ItemKind", "function")},
    {ItemKind::Enum, "enum", "api", QT_TRANSLATE_NOOP("ItemKind", "enum")},
    {ItemKind::EnumValue, "enum-value", "api", QT_TRANSLATE_NOOP("ItemKind", "enum value")},
    {ItemKind::Struct, "struct", "api", QT_TRANSLATE_NOOP("ItemKind", "struct")},
    {ItemKind::Union, "union", "api", QT_TRANSLATE_NOOP("ItemKind", "union")},
    {ItemKind::Typedef, "typedef", "api", QT_TRANSLATE_NOOP("ItemKind", "typedef")},
    {ItemKind::Callback, "callback", "api", QT_TRANSLATE_NOOP("ItemKind", "callback type")},
    {ItemKind::Macro, "macro", "api", QT_TRANSLATE_NOOP("ItemKind", "macro")},
    {ItemKind::Variable, "variable", "api", QT_TRANSLATE_NOOP("ItemKind", "variable")},
    {ItemKind::XmlElement, "xml-element", "xml", QT_TRANSLATE_NOOP("ItemKind", "XML element")},
    {ItemKind::XmlAttribute, "xml-attribute", "xml", QT_TRANSLATE_NOOP("ItemKind", "XML attribute")},
    {ItemKind::XmlValue, "xml-value", "xml", QT_TRANSLATE_NOOP("ItemKind", "XML value")},
    {ItemKind::RpcProcedure, "rpc-procedure", "rpc", QT_TRANSLATE_NOOP("ItemKind", "RPC procedure")},
    {ItemKind::RpcType, "rpc-type", "rpc", QT_TRANSLATE_NOOP("ItemKind", "RPC type")},
    {ItemKind::RpcConstant, "rpc-constant", "rpc", QT_TRANSLATE_NOOP("ItemKind", "RPC constant")},
    {ItemKind::RpcProgram, "rpc-program", "rpc", QT_TRANSLATE_NOOP("ItemKind", "RPC program")},
    {ItemKind::VirshCommand, "virsh-command", "virsh", QT_TRANSLATE_NOOP("ItemKind", "virsh command")},
    {ItemKind::VirshOption, "virsh-option", "virsh", QT_TRANSLATE_NOOP("ItemKind", "virsh option")},
    {ItemKind::ConfigOption, "config-option", "config", QT_TRANSLATE_NOOP("ItemKind", "configuration option")},
};
} // namespace

QString kindId(ItemKind kind)
{
    for (const auto &k : kKinds)
        if (k.kind == kind)
            return QString::fromLatin1(k.id);
    return {};
}

bool kindFromId(const QString &id, ItemKind *kind)
{
    for (const auto &k : kKinds) {
        if (id == QLatin1String(k.id)) {
            *kind = k.kind;
            return true;
        }
    }
    return false;
}

QString kindLabel(ItemKind kind)
{
    for (const auto &k : kKinds)
        if (k.kind == kind)
            return QCoreApplication::translate("ItemKind", k.label);
    return {};
}

QStringList allKindIds()
{
    QStringList ids;
    for (const auto &k : kKinds)
        ids << QString::fromLatin1(k.id);
    return ids;
}

QString kindFamily(ItemKind kind)
{
    for (const auto &k : kKinds)
        if (k.kind == kind)
            return QString::fromLatin1(k.family);
    return {};
}

const Evidence *Item::sinceEvidence() const
{
    const SinceRange r = sinceRange();
    if (!r.isKnown())
        return nullptr;
    for (const Evidence &e : evidence)
        if (e.kind == r.upper.kind && e.version == r.upper.version && e.detail == r.upper.detail)
            return &e;
    return nullptr;
}

} // namespace vse
