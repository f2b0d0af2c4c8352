#pragma once

#include "model/diagnostic.h"
#include "model/version.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

// What a language scanner (C/C++ through libclang, Python through its own
// ast module) hands to the findings engine: every place the application
// touches libvirt, with the guards that protect it. The scanners know the
// language; only the engine knows the index and the target, so the two meet
// here and nowhere else.
namespace vse::scan {

struct SourcePos
{
    QString file; // as given on the command line, or found under a given folder
    int line = 0; // 1-based
    int column = 0; // 1-based; 0 when unknown
};

enum class UseKind {
    Function, // a call or a reference to a libvirt function (Python: a mapped method)
    Constant, // an enum value or a VIR_* constant (compiled into the application)
    Macro, // a macro of libvirt's headers that is not a version check
    Type, // a struct, typedef or enum type
    Field, // a member of a public struct
};

struct Use
{
    SourcePos pos;
    // The C API name the use resolves to (virDomainCreateXML, VIR_DOMAIN_NONE).
    // Empty when a Python method is ambiguous: then `candidates` has every C
    // function it could be, and the engine reports them instead of guessing.
    QString symbol;
    QStringList candidates;
    QString spelled; // as written: "conn.lookupByName", "libvirt.VIR_DOMAIN_NONE", "virDomainCreate"
    UseKind kind = UseKind::Function;
    QString language; // "c", "c++", "python"
    // The code runs only on a libvirt at least this new: a compile-time guard
    // (#if LIBVIR_CHECK_VERSION(a,b,c), an #else of a "<" comparison) or a
    // run-time comparison of getLibVersion()/virConnectGetLibVersion().
    std::optional<Version> guardedFrom;
    // hasattr(libvirt, "…") or an equivalent presence check covers the use.
    bool presenceChecked = false;
    // The use sits where a missing API is handled: try/except libvirtError,
    // or a check of VIR_ERR_NO_SUPPORT right after the call.
    bool hasFallback = false;
    // The headers the file was parsed with do not declare it (clang said
    // "undeclared"), yet it is spelled like a libvirt name: a newer libvirt's
    // (virDomainGraphicsReload against 9.0.0's headers). Reported only when
    // the index knows the name.
    bool undeclared = false;
    // Python: the name is not the binding's but a C function's spelling
    // (dom.getMessages() for virDomainGetMessages): what the binding calls
    // each function so spelled ("virDomain.messages() for
    // virDomainGetMessages"). `symbol` is the C function when only one is.
    QStringList bindingNames;
};

// A version check found in the code, kept so that the engine can call a guard
// obsolete when the target already satisfies it.
struct GuardSite
{
    SourcePos pos;
    Version version; // the code under the guard needs libvirt >= version
    QString text; // the condition as written, for the message
};

struct FileScan
{
    QString file;
    QString language;
    QList<Use> uses;
    QList<GuardSite> guards;
    // Files that do not parse, binary input, missing compile_commands
    // entries: one message each; the rest of the scan goes on.
    Diagnostics problems;
};

} // namespace vse::scan
