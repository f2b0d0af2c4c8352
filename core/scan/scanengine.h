#pragma once

#include "check/checkreport.h"
#include "model/item.h"
#include "scanuse.h"

#include <QJsonObject>
#include <QList>
#include <QString>

#include <functional>
#include <optional>

namespace vse::scan {

// One thing `scan` tells the developer about a place in the code.
struct Finding
{
    enum Kind
    {
        TooNew,             // unguarded, introduced after the target
        MaybeTooNew,        // unguarded, the target lies inside its since range
        InsufficientGuard,  // guarded, but by an older version than the use needs
        HypervisorSpecific, // libvirt-qemu / libvirt-lxc: no long-term guarantee
        Taint,              // calling it marks the guest tainted
        Private,            // a private interface
        Unclassified,       // the policy does not name it (libvirt-admin)
        LastValue,          // a *_LAST value: grows between releases
        Deprecated,         // a compatibility alias: use the preferred name
        ObsoleteGuard,      // a version check that the target always passes
        Ambiguous,          // a Python method several C functions could be
        Unknown,            // a name the index does not have
        NotInHeaders,       // a libvirt name the headers parsed with do not declare (newer than them)
        Xml,                // a domain XML file's check-xml finding
        NotInBinding,       // Python: a C spelling libvirt-python does not have (dom.getState: state)
    };
    enum Level
    {
        Note,
        Warning,
        Error
    };

    Kind kind = TooNew;
    SourcePos pos;
    QString symbol;
    QString message;
    SinceRange since; // Ambiguous: the newest candidate's
    QStringList candidates;
    // Ambiguous only: every candidate is in the target (or, without one,
    // no newer than the minimum), so the call cannot change the answer
    // whichever it is. Counted in the text, listed in JSON only.
    bool harmless = false;

    static QString kindId(Kind kind);    // "too-new", "maybe-too-new", ...
    static QString kindTitle(Kind kind); // "Newer than the target", for grouped text
    Level level() const;
    QJsonObject toJson() const;
};

// "function", "constant", "macro", "type", "field".
QString useKindId(UseKind kind);

// A libvirt name the code uses, with what the index says about it.
struct SymbolUse
{
    QString symbol;
    UseKind kind = UseKind::Function;
    SinceRange since;
    QString tier;
    SourcePos first; // the first counted use
    int uses = 0;    // counted (unguarded) uses
    int guarded = 0; // uses under a sufficient guard, presence check or fallback
};

struct ScanReport
{
    QStringList inputs;
    Version target;
    QString targetText; // how the target was chosen ("debian-12: 9.0.0 (…)")
    int files = 0;      // files scanned
    int excluded = 0;   // files and folders left out by --exclude
    int uses = 0;

    // The libvirt the code needs: the highest since among unguarded uses.
    // A range when the driving items' introduction is only known as one.
    SinceRange minimum;
    QList<SymbolUse> drivers; // the uses that set it
    QList<SymbolUse> symbols; // every libvirt name used, by since then name
    QList<Finding> findings;  // in file and line order
    Diagnostics problems;     // files not scanned or only in part, bad databases
    QList<CheckReport> xml;   // domain XML found under the inputs

    // 0 fine, 1 something is too new (or guarded too low) for the target,
    // 5 only "may be too new", 6 nothing too new but a use taints the guest,
    // 3 nothing could be scanned at all. Domain XML counts with its check-xml verdict.
    int exitCode() const;
    QJsonObject toJson() const;
    QString toText() const;
    QString toGcc() const;
    QJsonObject toSarif(const QString &toolVersion) const;
};

// The newest indexed item of an API name, or nullopt when the index lacks it.
using ApiLookup = std::function<std::optional<Item>(const QString &name)>;

// The findings engine: the language scanners' uses against the index and a
// target release (invalid: no target, only the minimum and the policy
// findings).
ScanReport analyse(const QList<FileScan> &files, const ApiLookup &lookup, const Version &target);

// The replacement a compatibility alias's documentation names
// ("... virTypedParameter is the preferred alias"), empty if it is none.
QString deprecatedInFavourOf(const Item &item, bool *deprecated);

} // namespace vse::scan
