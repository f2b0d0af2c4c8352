#pragma once

#include "model/diagnostic.h"
#include "model/item.h"
#include "model/version.h"

#include <QJsonObject>
#include <QList>
#include <QString>

namespace vse {

// One thing check-config has to say about a line of a customer's file.
struct ConfigFinding
{
    enum Kind
    {
        Unknown,        // no release of the file ever had the option
        Removed,        // gone (from the file and the lens) by the target release
        TooNew,         // not yet in the target release
        MaybeTooNew,    // its since range contains the target
        LensCannotRead, // the shipped lens has no entry for it: augeas tools cannot edit it
        WrongType,      // the value does not have the lens's type
        DefaultChanged, // not set here, and the shipped value differs between --from and --to
        DroppedKept,    // dropped from the shipped file, still read by the lens (a note)
        SyntaxError,    // libvirt's parser stops here: the daemon refuses the whole file
        ListLensString, // a list where libvirt takes one but the lens only a string (a note)
        TaintsGuests,   // the setting makes libvirt mark every guest tainted (a note; its own verdict)
    };
    Kind kind = Unknown;
    int line = 0; // 0: concerns the file (a setting it does not have)
    QString option;
    QString message;
    QString suggestion; // nearest known name for Unknown
    QString taint;      // TaintsGuests: the reason id
    static QString kindId(Kind kind);
    bool isProblem() const
    {
        return kind != MaybeTooNew && kind != DroppedKept && kind != ListLensString && kind != TaintsGuests;
    }
};

struct ConfigCheckReport
{
    QString file;
    QString configName; // the file as the index knows it ("qemu.conf")
    QString mappedFrom; // "virtqemud.conf" when read with libvirtd.conf's lens
    int settings = 0;   // active settings read
    QList<ConfigFinding> findings;
    Diagnostics diagnostics; // errors: the file was refused
    // Whether libvirt's own parser refuses the file (SyntaxError findings).
    bool hasSyntaxErrors() const;
    // The taint reasons its settings give every guest (TaintsGuests findings).
    QStringList taints() const;
    QJsonObject toJson() const;
};

// Checks a daemon configuration file a user hands us against what the index
// knows of that file across releases (config-option items: presence, lens
// type, shipped value per release). The file is untrusted: it is read with
// readUntrustedText (check/untrustedtext.h: regular files only, at most
// kMaxSize bytes, UTF-8 text), else refused with a message.
class ConfigChecker
{
public:
    static constexpr qint64 kMaxSize = 1024 * 1024;
    struct Options
    {
        QString configName; // empty: from the file name
        Version maxVersion; // the release the file must work with
        Version from, to;   // shipped values compared between these
    };
    // The name the index uses for a file or daemon name: "qemu.conf",
    // "virtqemud.conf" -> "libvirtd.conf" (the split daemons read libvirtd's
    // settings through the same lens template), "qemu" -> "qemu.conf".
    static QString indexName(const QString &fileOrDaemon, QString *mappedFrom);
    // Reads a file as untrusted text; false with a diagnostic when refused.
    static bool readText(const QString &path, QString *text, Diagnostics *diagnostics);
    // `known`: every config-option item the index has for that file (any
    // release, history rows included).
    static ConfigCheckReport check(const QString &path, const ItemList &known,
                                   const Options &options);
    // The same on text already read (fuzzing, the GUI's tests).
    static ConfigCheckReport checkText(const QString &path, const QString &text,
                                       const ItemList &known, const Options &options);
};

} // namespace vse
