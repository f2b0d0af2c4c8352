#pragma once

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

namespace vse::gui {

// What the scan dialog shows of `virt-support scan --format json` (run by
// the indexing program, since scanning C needs libclang): the minimum
// libvirt and the uses that set it, the findings with their place, and the
// counts for the status line.
struct ScanOutcome
{
    struct Finding
    {
        int kind = 0;  // scan::Finding::Kind
        QString title; // its group's title ("Newer than the target")
        QString message;
        QString symbol;
        QString file;
        int line = 0;
    };

    bool minimumKnown = false;
    QString minimum; // "7.1.0", or a range ("1.3.5 < since ≤ 7.0.0")
    QStringList drivers;
    QList<Finding> findings;
    int files = 0;
    int uses = 0;
    int problems = 0; // files not scanned or only in part
    // Ambiguous calls that cannot change the answer (not in `findings`).
    int harmless = 0;
    int excluded = 0; // files and folders the exclude patterns left out

    // False when `json` is not a scan report.
    static bool fromJson(const QByteArray &json, ScanOutcome *out);
};

} // namespace vse::gui
