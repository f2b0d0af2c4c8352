#include "policytext.h"

#include "model/policy.h"

#include <QCoreApplication>

namespace vse::gui::policytext {

namespace {

// The English texts of resources/policy/*.json, only so lupdate extracts them.
[[maybe_unused]] constexpr const char *kPolicyData[] = {
    QT_TRANSLATE_NOOP("PolicyData", "stable"),
    QT_TRANSLATE_NOOP("PolicyData", "Kept forever: never removed, renamed or changed incompatibly (C API: ABI-compatible; XML: elements, attributes and values stay). New flags, enum values and XML may be added; *_LAST values grow between releases; a hypervisor may still reject what it does not support."),
    QT_TRANSLATE_NOOP("PolicyData", "hypervisor-specific"),
    QT_TRANSLATE_NOOP("PolicyData", "May be removed or change meaning in any release; some calls mark the running guest as tainted."),
    QT_TRANSLATE_NOOP("PolicyData", "stable value, changeable use"),
    QT_TRANSLATE_NOOP("PolicyData", "The number never changes, but which code an API reports for a given failure may change between releases."),
    QT_TRANSLATE_NOOP("PolicyData", "namespace extension"),
    QT_TRANSLATE_NOOP("PolicyData", "Lives in a hypervisor XML namespace: no long-term guarantee, and several of these taint the guest."),
    QT_TRANSLATE_NOOP("PolicyData", "stable ABI"),
    QT_TRANSLATE_NOOP("PolicyData", "Wire protocol of libvirtd: messages are only ever added; a procedure is identified by program and number, which are never reused."),
    QT_TRANSLATE_NOOP("PolicyData", "stable wire, hypervisor-specific semantics"),
    QT_TRANSLATE_NOOP("PolicyData", "The message layout on the wire is kept, but what the call does is as unstable as the hypervisor API it carries."),
    QT_TRANSLATE_NOOP("PolicyData", "private"),
    QT_TRANSLATE_NOOP("PolicyData", "Internal protocol between libvirt's own daemons: may change at any time; applications must not talk it."),
    QT_TRANSLATE_NOOP("PolicyData", "not guaranteed"),
    QT_TRANSLATE_NOOP("PolicyData", "Options may disappear and defaults may change in any release: set the values you rely on explicitly."),
    QT_TRANSLATE_NOOP("PolicyData", "stable command, unstable output"),
    QT_TRANSLATE_NOOP("PolicyData", "The command and its options stay, but the text it prints for compound data (tables, lists) may change: scripts should ask for a single item (a name, an XML document) instead, e.g. with --name, domname or dumpxml."),
    QT_TRANSLATE_NOOP("PolicyData", "unclassified"),
    QT_TRANSLATE_NOOP("PolicyData", "libvirt's support policy does not name this interface; the tool does not guess its guarantee."),
    QT_TRANSLATE_NOOP("PolicyData", "Extra command-line arguments or environment were passed to the hypervisor process behind libvirt's back."),
    QT_TRANSLATE_NOOP("PolicyData", "Commands were sent straight to the hypervisor monitor, so libvirt's view of the guest may be wrong."),
    QT_TRANSLATE_NOOP("PolicyData", "The hypervisor process runs with more privileges than libvirt normally grants."),
    QT_TRANSLATE_NOOP("PolicyData", "A network interface uses a custom shell script to set itself up."),
    QT_TRANSLATE_NOOP("PolicyData", "Disk image formats are probed, which a malicious guest image can exploit."),
    QT_TRANSLATE_NOOP("PolicyData", "The guest process was started outside libvirt and attached afterwards."),
    QT_TRANSLATE_NOOP("PolicyData", "The guest sees the host CPU as-is, so it cannot be migrated safely to a different host."),
    QT_TRANSLATE_NOOP("PolicyData", "A hook script changed the guest's configuration."),
    QT_TRANSLATE_NOOP("PolicyData", "A host CD-ROM drive is passed straight through to the guest."),
    QT_TRANSLATE_NOOP("PolicyData", "A custom device tree blob is given to the guest."),
    QT_TRANSLATE_NOOP("PolicyData", "Commands were sent straight to the guest agent."),
    QT_TRANSLATE_NOOP("PolicyData", "Hypervisor capabilities were switched on or off by hand."),
    QT_TRANSLATE_NOOP("PolicyData", "The guest uses configuration the hypervisor has deprecated."),
    QT_TRANSLATE_NOOP("PolicyData", "Device properties were overridden by hand in the hypervisor namespace."),
    QT_TRANSLATE_NOOP("PolicyData", "An nbdkit process serving a disk exited and libvirt could not restart it."),
};

QString translated(const QString &english)
{
    if (english.isEmpty())
        return english;
    const QByteArray utf8 = english.toUtf8();
    return QCoreApplication::translate("PolicyData", utf8.constData());
}

} // namespace

QString tierLabel(const QString &tierId)
{
    const QString label = Policy::instance().tier(tierId).label;
    return label.isEmpty() ? tierId : translated(label);
}

QString tierRule(const QString &tierId)
{
    return translated(Policy::instance().tier(tierId).rule);
}

QString tierGroupLabel(const QString &group)
{
    if (group == QLatin1String("stable"))
        return QCoreApplication::translate("PolicyData", "stable");
    if (group == QLatin1String("hypervisor-specific"))
        return QCoreApplication::translate("PolicyData", "hypervisor-specific");
    if (group == QLatin1String("namespace-extension"))
        return QCoreApplication::translate("PolicyData", "namespace extension");
    if (group == QLatin1String("private"))
        return QCoreApplication::translate("PolicyData", "private");
    if (group == QLatin1String("not-guaranteed"))
        return QCoreApplication::translate("PolicyData", "not guaranteed");
    if (group == QLatin1String("unclassified"))
        return QCoreApplication::translate("PolicyData", "unclassified");
    return group;
}

QString taintMeaning(const QString &reasonId)
{
    return translated(Policy::instance().taintReason(reasonId).meaning);
}

} // namespace vse::gui::policytext
