#include "pythonnamehint.h"

#include "emptystatelink.h"
#include "htmlbits.h"
#include "scan/pythonapimap.h"

namespace vse::gui {

using emptystate::link;

PythonNameHint::PythonNameHint(QObject *parent) : QObject(parent) {}

PythonNameHint::~PythonNameHint() = default;

QString PythonNameHint::hintFor(const QString &typed, const std::function<bool(const QString &)> &has)
{
    const std::optional<scan::PythonName> name = scan::parsePythonName(typed);
    if (!name)
        return {};
    // libvirt.VIR_DOMAIN_RUNNING: constants and classes keep their C names.
    if (!name->module.isEmpty() && name->receiver.isEmpty() && has(name->member))
        return tr("libvirt-python's constants and classes keep their C names: %1.").arg(link(name->member));
    if (!m_loaded) {
        if (!m_loading) {
            m_loading = true;
            m_worker.start(
                [] {
                    Diagnostics problems;
                    std::optional<scan::PythonApiMap> map = scan::PythonApiMap::load(&problems);
                    Loaded l;
                    if (map)
                        l.map = std::make_shared<const scan::PythonApiMap>(std::move(*map));
                    else
                        l.problem = problems.isEmpty() ? QStringLiteral("libvirt.py not readable") : problems.constFirst().message;
                    return l;
                },
                [this](Loaded l) {
                    m_loaded = std::move(l);
                    m_loading = false;
                    Q_EMIT ready();
                });
        }
        return name->plainlyPython() ? html::esc(tr("Reading libvirt-python's names\u2026")) : QString();
    }
    if (!m_loaded->map)
        return name->plainlyPython() ? html::esc(tr("It reads as libvirt-python, whose names come from its libvirt.py: %1")
                                                     .arg(m_loaded->problem))
                                     : QString();
    QList<scan::PythonApiMap::Meaning> meanings = m_loaded->map->meaningsOf(*name);
    meanings.removeIf([&has](const scan::PythonApiMap::Meaning &m) { return !has(m.cFunction); });
    if (meanings.isEmpty())
        return {};
    if (meanings.size() == 1) {
        const auto &m = meanings.constFirst();
        const QString bindings = html::esc(m.bindingNames.join(QStringLiteral(", ")));
        return m.cSpelled ? tr("libvirt-python has no %1: %2 calls %3.").arg(html::esc(name->member), bindings, link(m.cFunction))
                          : tr("In libvirt-python, %1 calls %2.").arg(bindings, link(m.cFunction));
    }
    // dom.create(): Python does not say what dom is; each class's function.
    QStringList each;
    for (const auto &m : std::as_const(meanings))
        each << html::esc(m.bindingNames.join(QStringLiteral(", "))) + QStringLiteral(" \u2192 ") + link(m.cFunction);
    return tr("In libvirt-python, %1 is a method of several classes: %2.")
        .arg(html::esc(name->member), each.join(QStringLiteral(", ")));
}

} // namespace vse::gui
