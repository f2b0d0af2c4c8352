#pragma once

// bench_gui's memory figures: resident memory of a fresh process at each
// stage of loading an index into the explorer's models. Each stage prints
// VmRSS as the kernel reports it, VmRSS again after malloc_trim(0) (glibc
// keeps freed pages of temporaries mapped until then, so the first figure
// depends on what happened to be freed last), and the bytes malloc has
// handed out and not got back (live heap), which no trimming can lower.

#include "indexsnapshot.h"
#include "itemtablemodel.h"
#include "startupprobe.h"

#include <QFile>
#include <QTextStream>

#include <algorithm>

#include <malloc.h>

namespace vse::guitest {

inline double liveHeapMB()
{
    const struct mallinfo2 m = mallinfo2();
    return double(m.uordblks + m.hblkhd) / (1024.0 * 1024.0);
}

// Resident KiB of the mappings whose file name contains one of `names`
// (/proc/self/smaps), e.g. what linking libclang costs before any use.
inline qint64 residentKiBOf(const QList<QByteArray> &names)
{
    QFile smaps(QStringLiteral("/proc/self/smaps"));
    if (!smaps.open(QIODevice::ReadOnly))
        return -1;
    qint64 kib = 0;
    bool counting = false;
    for (const QByteArray &line : smaps.readAll().split('\n')) {
        // A mapping starts with "start-end perms ... path"; its fields follow as "Name: value".
        const QByteArray first = line.left(line.indexOf(' '));
        if (first.endsWith(':')) {
            if (counting && first == "Rss:")
                kib += line.mid(4).trimmed().split(' ').value(0).toLongLong();
        } else if (first.contains('-')) {
            counting = std::any_of(names.cbegin(), names.cend(), [&line](const QByteArray &n) { return line.contains(n); });
        }
    }
    return kib;
}

inline void printMemoryStage(QTextStream &out, const char *stage, double *lastTrimmed)
{
    const double raw = double(gui::StartupProbe::residentKiB()) / 1024.0;
    malloc_trim(0);
    const double trimmed = double(gui::StartupProbe::residentKiB()) / 1024.0;
    out << "memory: " << stage << ": " << QString::number(raw, 'f', 1) << " MB resident, "
        << QString::number(trimmed, 'f', 1) << " MB after malloc_trim";
    if (*lastTrimmed >= 0)
        out << " (+" << QString::number(trimmed - *lastTrimmed, 'f', 1) << " MB)";
    out << ", live heap " << QString::number(liveHeapMB(), 'f', 1) << " MB\n";
    out.flush();
    *lastTrimmed = trimmed;
}

// Loads `indexPath` the way the explorer does (IndexSnapshot, then the item
// table model with its filter structures) and prints each stage; 0 on success.
inline int printMemoryStages(const QString &indexPath, QTextStream &out)
{
    double last = -1;
    printMemoryStage(out, "Qt started, nothing loaded", &last);
    out << "memory: of which libclang and LLVM (linked by this benchmark, not by the explorer): "
        << QString::number(double(residentKiBOf({"libclang", "libLLVM"})) / 1024.0, 'f', 1) << " MB resident\n";
    Diagnostics d;
    gui::SnapshotPtr snap = gui::IndexSnapshot::load(indexPath, &d);
    if (!snap) {
        out << "memory: cannot load " << indexPath << '\n';
        return 1;
    }
    printMemoryStage(out, qPrintable(QStringLiteral("index loaded (IndexSnapshot, %1 rows)").arg(snap->summaries().size())),
                     &last);
    gui::ItemTableModel model;
    model.setSnapshot(snap);
    printMemoryStage(out, qPrintable(QStringLiteral("item table model filled (%1 rows shown)").arg(model.rowCount())),
                     &last);
    gui::ViewFilter f;
    const QString word = QStringLiteral("virDomainGet");
    for (qsizetype n = 1; n <= word.size(); ++n) {
        f.text = word.left(n);
        model.setFilter(f);
    }
    printMemoryStage(out, "after typing virDomainGet (the finder's last results cached)", &last);
    return 0;
}

} // namespace vse::guitest
