#pragma once

#include "io/confinedfile.h"

#include <QList>
#include <QString>

namespace vse {

// What a guest's log (var/log/libvirt/qemu/NAME.log) says about support:
// the lines where libvirt recorded a taint, and deprecation warnings (from
// libvirt's deprecated-config taint or from the hypervisor process itself).
struct GuestLogEntry
{
    enum Kind
    {
        Taint,
        Deprecation
    };
    Kind kind = Taint;
    QString file;   // as shown in the report (relative to the sosreport)
    int line = 0;   // 1-based line in the part that was read (see GuestLog::firstLine)
    QString reason; // taint reason id ("custom-argv"); empty for a hypervisor warning
    QString detail; // the text after the reason, or the warning itself
    QString timestamp;
};

struct GuestLog
{
    QString file;
    qint64 size = 0;     // of the whole file
    qint64 readFrom = 0; // byte offset the tail starts at (0: the whole file)
    int firstLine = 1;   // the line number the tail starts with, when known (1 if readFrom is 0)
    QList<GuestLogEntry> entries;
    QString problem; // set: not read (refused: outside the root, not a regular file...)

    // Reads the last kMaxTail bytes of `path` inside `root` (a log grows
    // without bound; the latest start of the guest is at its end), never
    // more, and without reading the part before (a sparse 2 GB file costs
    // one seek). `shown` is how the report names the file.
    static GuestLog read(const SourceRoot &root, const QString &path, const QString &shown);
    // The same for text already in memory (tests, the live host).
    static QList<GuestLogEntry> parse(const QByteArray &text, const QString &shown, int firstLine);

    static constexpr qint64 kMaxTail = 1024 * 1024;
};

} // namespace vse
