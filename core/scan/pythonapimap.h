#pragma once

#include "model/diagnostic.h"

#include <QHash>
#include <QSet>
#include <QString>
#include <QStringList>

#include <optional>

// Which C function each method of libvirt-python calls, read from the real
// binding: every method of libvirt.py (and module function of libvirt.py,
// libvirt_qemu.py, libvirt_lxc.py) calls libvirtmod.virXxx(...) in its body,
// so the map is the binding's own code read with Python's ast module, not a
// list kept here. Python does not say a receiver's type, so a method name is
// resolved only when every class that has it calls the same C function.
namespace vse::scan {

// A name as a Python programmer writes it: "libvirt.open('qemu:///system')",
// "virDomain.messages", "dom.messages()", "self.conn.lookupByName(n)",
// "libvirt.VIR_DOMAIN_RUNNING". At least one dot; a trailing call's
// arguments and ";" are dropped.
struct PythonName
{
    QString module;   // libvirt, libvirt_qemu or libvirt_lxc when written; else empty
    QString receiver; // what precedes the member: a class (virDomain) or a variable (dom); empty for module.member
    QString member;   // messages, open, VIR_DOMAIN_RUNNING
    bool called = false; // written as a call: "(...)" after it

    // "domain.rng" is dotted too: plainly Python when written as a call,
    // with the module, or on a class of the binding (libvirt's start "vir").
    bool plainlyPython() const
    {
        return called || !module.isEmpty() || receiver.startsWith(QLatin1String("vir"));
    }
};
std::optional<PythonName> parsePythonName(const QString &typed);

struct PythonResolution
{
    QString symbol;         // the one C function; empty when ambiguous or unknown
    QStringList candidates; // every C function the name can be, when ambiguous
};

class PythonApiMap
{
public:
    // Reads the binding's files (libvirt.py and its siblings found beside it).
    static std::optional<PythonApiMap> fromBinding(const QStringList &files, Diagnostics *problems);
    // Finds libvirt.py: $VSE_PYTHON_LIBVIRT (the file or its folder), the
    // installed python3-libvirt (or wherever python3 finds the module), else the newest one
    // unpacked by scripts/fetch-debian-packages. Empty when there is none.
    static QString findBinding();
    // findBinding() + fromBinding(); the diagnostic says how to fetch it.
    static std::optional<PythonApiMap> load(Diagnostics *problems);

    // "virDomain", "create" -> virDomainCreate; empty when the binding has
    // no such method or it calls no C function.
    QString cFunction(const QString &className, const QString &method) const;
    PythonResolution resolveMethod(const QString &method) const;
    // "libvirt", "open" -> virConnectOpen; "libvirt_qemu", "qemuMonitorCommand"
    // -> virDomainQemuMonitorCommand.
    QString resolveModuleFunction(const QString &module, const QString &name) const;
    bool hasConstant(const QString &name) const { return m_constants.contains(name); }
    bool hasClass(const QString &name) const { return m_classes.contains(name); }

    // What a typed Python name calls, per C function: the receiver's class
    // when it is one, else every class with that method (Python does not
    // say a variable's type). A C spelling the binding renamed
    // (dom.getState) is given with the method the binding has instead.
    struct Meaning
    {
        QString cFunction;       // virDomainGetMessages
        QStringList bindingNames; // virDomain.messages; libvirt.open
        bool cSpelled = false;   // typed the C way: no such method, bindingNames are the real ones
    };
    QList<Meaning> meaningsOf(const PythonName &name) const;

    QString source() const { return m_source; }
    int classCount() const { return int(m_classes.size()); }
    int methodCount() const;
    int mappedMethodCount() const;
    int moduleFunctionCount() const { return int(m_functions.size()); }
    int constantCount() const { return int(m_constants.size()); }
    // Every method name that calls a C function in some class.
    QStringList methodNames() const { return m_byMethod.keys(); }
    // Method names that several classes have with different C functions.
    QStringList ambiguousMethods() const;

    // A name the binding does not have but the C name spells: the C
    // function's name without its class's prefix (virDomainGetState on
    // virDomain: getState), where the binding chose another (state). What a
    // programmer who knows the C API writes; a call of it fails.
    struct CSpelled
    {
        QString cFunction; // virDomainGetState
        QString method;    // state
        QString className; // virDomain
    };
    // Every class that renamed it (getUUIDString: virDomain.UUIDString,
    // virNetwork.UUIDString...).
    QList<CSpelled> cSpelled(const QString &name) const { return m_cSpelled.value(name); }
    QStringList cSpelledNames() const { return m_cSpelled.keys(); }

private:
    QString m_source;
    QHash<QString, QHash<QString, QStringList>> m_classes; // class -> method -> C calls in order
    QHash<QString, QStringList> m_functions;               // "libvirt.open" -> C calls
    QHash<QString, QStringList> m_byMethod;                // method -> distinct C functions, sorted
    QSet<QString> m_constants;
    QHash<QString, QList<CSpelled>> m_cSpelled; // getState -> (virDomainGetState, state, virDomain), ...
};

} // namespace vse::scan
