#include "symbolnodes.h"

#include "store.h"

#include <QRegularExpression>

#include <algorithm>

namespace vse {

std::optional<SymbolNode> symbolNodeIn(const QString &typed)
{
    static const QRegularExpression node(
        QStringLiteral("(?<![A-Za-z0-9_])LIBVIRT_(?:(QEMU|LXC|ADMIN|PRIVATE)_)?(\\d+\\.\\d+\\.\\d+)(?![0-9.A-Za-z_])"));
    const QRegularExpressionMatch m = node.match(typed);
    if (!m.hasMatch())
        return std::nullopt;
    SymbolNode n;
    n.node = m.captured(0);
    n.release = Version::parse(m.captured(2));
    const QString part = m.captured(1);
    n.isPrivate = part == QLatin1String("PRIVATE");
    n.library = part == QLatin1String("QEMU")    ? QStringLiteral("libvirt-qemu.so.0")
                : part == QLatin1String("LXC")   ? QStringLiteral("libvirt-lxc.so.0")
                : part == QLatin1String("ADMIN") ? QStringLiteral("libvirt-admin.so.0")
                                                 : QStringLiteral("libvirt.so.0");
    if (!n.release.isValid())
        return std::nullopt;
    return n;
}

QString versionedSymbolFunction(const QString &typed)
{
    // The cheap test first: a query command compiles no pattern it does not need.
    if (!typed.contains(QLatin1String("@LIBVIRT_")) && !typed.contains(QLatin1String("undefined reference")))
        return {};
    static const QRegularExpression symbol(QStringLiteral("(?<![A-Za-z0-9_])(vir[A-Za-z0-9_]+)@@?LIBVIRT_"));
    if (const QRegularExpressionMatch m = symbol.match(typed); m.hasMatch())
        return m.captured(1);
    // The linker without a version: "undefined reference to `virFoo'".
    static const QRegularExpression undefinedRef(QStringLiteral("undefined reference to [`'\\x{2018}](vir[A-Za-z0-9_]+)"));
    const QRegularExpressionMatch u = undefinedRef.match(typed);
    return u.hasMatch() ? u.captured(1) : QString();
}

ItemList functionsOfNode(const Store &store, const SymbolNode &node)
{
    if (node.isPrivate)
        return {};
    ItemList out;
    // Evidence details read "libvirt.so.0: LIBVIRT_7.1.0" (a library) or
    // "libvirt.so.0:LIBVIRT_10.2.0 in 12.9.0 (release history)".
    static const QRegularExpression detail(QStringLiteral("^(\\S+?):\\s*(\\S+)"));
    for (const Item &it : store.functionsWithEvidenceText(node.node)) {
        const bool named = std::any_of(it.evidence.cbegin(), it.evidence.cend(), [&](const Evidence &e) {
            if (e.kind != Evidence::Kind::SymbolVersion && e.kind != Evidence::Kind::SymsFile)
                return false;
            const QRegularExpressionMatch m = detail.match(e.detail);
            return m.hasMatch() && m.captured(2) == node.node;
        });
        if (named && (out.isEmpty() || out.constLast().name != it.name))
            out.append(it);
    }
    return out;
}

NodeNeighbours knownNeighbours(const Store &store, const SymbolNode &node)
{
    // "LIBVIRT_" or "LIBVIRT_QEMU_": the nodes of the same library.
    const QString prefix = node.node.left(node.node.size() - node.release.toString().size());
    static const QRegularExpression named(QStringLiteral("LIBVIRT_[A-Z_]*\\d+\\.\\d+\\.\\d+"));
    std::optional<SymbolNode> below, above;
    for (const Item &it : store.functionsWithEvidenceText(prefix))
        for (const Evidence &e : it.evidence) {
            if (e.kind != Evidence::Kind::SymbolVersion && e.kind != Evidence::Kind::SymsFile)
                continue;
            for (auto m = named.globalMatch(e.detail); m.hasNext();) {
                const std::optional<SymbolNode> other = symbolNodeIn(m.next().captured(0));
                if (!other || other->isPrivate || other->library != node.library)
                    continue;
                if (other->release < node.release && (!below || below->release < other->release))
                    below = other;
                if (node.release < other->release && (!above || other->release < above->release))
                    above = other;
            }
        }
    return {below ? below->node : QString(), above ? above->node : QString()};
}

QString missingNodeMeaning(const SymbolNode &node, const NodeNeighbours &n)
{
    if (!n.before.isEmpty() && !n.after.isEmpty())
        return QStringLiteral("No libvirt release this tool knows has it: %1's nodes go from %2 to %3 (a release that "
                              "adds no function adds no node), so a program asking for %4 was linked against a "
                              "library that is no libvirt release (a patched or development build)")
            .arg(node.library, n.before, n.after, node.node);
    if (!n.after.isEmpty())
        return QStringLiteral("No libvirt release has it: %1's oldest node is %2").arg(node.library, n.after);
    if (!n.before.isEmpty())
        return QStringLiteral("It is newer than every %1 node this tool knows (the newest: %2): a libvirt newer than "
                              "the index and the release history may have it")
            .arg(node.library, n.before);
    return QStringLiteral("No indexed function is in it, and the index knows no %1 node to compare it with")
        .arg(node.library);
}

QString symbolNodeMeaning(const SymbolNode &node)
{
    const QString v = node.release.toString();
    if (node.isPrivate)
        return QStringLiteral("%1 is the private symbol version node of libvirt %2: libvirt's own programs "
                              "(the daemons, virsh) use it, each with the library of exactly its release, and no "
                              "application may. \"version `%1' not found\" means libvirt's packages are at "
                              "different versions (a partial upgrade): install one version of all of them")
            .arg(node.node, v);
    return QStringLiteral("%1 is %2's symbol version node of libvirt %3: a program that needs it runs on libvirt %3 "
                          "or newer; \"version `%1' not found\" means the library found is older")
        .arg(node.node, node.library, v);
}

} // namespace vse
