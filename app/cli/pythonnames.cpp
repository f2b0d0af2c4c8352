// show and search take libvirt-python's spelling of a name: the binding is
// what a Python programmer reads and writes, and its names differ from the
// C API's (virDomain.messages is virDomainGetMessages).
#include "cli.h"

#include "scan/pythonapimap.h"

#include <QJsonArray>

namespace vse::cli {

PythonLookup lookUpPythonName(Store &store, const QString &typed)
{
    PythonLookup out;
    const std::optional<scan::PythonName> name = scan::parsePythonName(typed);
    if (!name)
        return out;
    // libvirt.VIR_DOMAIN_RUNNING, libvirt.virDomain: the binding's constants
    // and classes keep their C names; no need to read the binding.
    if (!name->module.isEmpty() && name->receiver.isEmpty() && !store.itemsByName(name->member).isEmpty()) {
        out.names = QStringList{name->member};
        out.bindingNames.insert(name->member, {name->module + u'.' + name->member});
        out.why = QStringLiteral("libvirt-python's constants and classes keep their C names");
        out.lookup = QJsonObject{{QStringLiteral("query"), typed},
                                 {QStringLiteral("via"), QStringLiteral("python-module")},
                                 {QStringLiteral("module"), name->module}};
        return out;
    }
    // Why nothing answered is said only of a plainly Python form.
    const bool plainlyPython = name->plainlyPython();
    Diagnostics problems;
    const std::optional<scan::PythonApiMap> map = scan::PythonApiMap::load(&problems);
    if (!map) {
        if (!plainlyPython)
            return out;
        out.problem = QStringLiteral("it reads as libvirt-python, whose names come from its libvirt.py: ") +
                      (problems.isEmpty() ? QStringLiteral("not readable") : problems.constFirst().message);
        return out;
    }
    const QList<scan::PythonApiMap::Meaning> meanings = map->meaningsOf(*name);
    if (meanings.isEmpty()) {
        if (!plainlyPython && !map->hasClass(name->receiver))
            return out;
        out.problem = QStringLiteral("libvirt-python (%1) has no %2 that calls libvirt")
                          .arg(map->source(), name->receiver.isEmpty() ? QString(name->module + u'.' + name->member)
                                                                       : QString(QStringLiteral("method ") + name->member));
        return out;
    }
    for (const auto &m : meanings) {
        out.names << m.cFunction;
        out.bindingNames.insert(m.cFunction, m.bindingNames);
        out.bindings << m.bindingNames;
        out.cSpelling = out.cSpelling || m.cSpelled;
    }
    if (meanings.size() == 1) {
        const QString those = out.bindings.join(QStringLiteral(", "));
        out.why = out.cSpelling ? QStringLiteral("libvirt-python has no %1: it is %2, which calls it").arg(name->member, those)
                           : QStringLiteral("libvirt-python's %1 calls it").arg(those);
    }
    out.lookup = QJsonObject{{QStringLiteral("query"), typed},
                             {QStringLiteral("via"), QStringLiteral("python-binding")},
                             {QStringLiteral("binding"), QJsonArray::fromStringList(out.bindings)},
                             {QStringLiteral("bindingFile"), map->source()},
                             {QStringLiteral("cSpelling"), out.cSpelling}};
    return out;
}

} // namespace vse::cli
