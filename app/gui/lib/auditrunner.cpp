#include "auditrunner.h"

#include "index/store.h"

#include <algorithm>

namespace vse::gui {

AuditReport AuditRunner::run(const QString &indexPath)
{
    AuditReport report;
    Store store;
    Diagnostics diagnostics;
    if (!store.open(indexPath, &diagnostics)) {
        report.error = diagnostics.isEmpty() ? tr("Cannot open the index %1.").arg(indexPath)
                                             : diagnostics.constFirst().toString();
        return report;
    }
    // Store::releases() is in version order, which auditReleases() expects.
    QList<Release> releases;
    for (const StoredRelease &s : store.releases()) {
        releases.append(store.loadRelease(s));
        report.versions << s.version.toString();
    }
    if (releases.size() < 2)
        return report;
    report.findings = auditReleases(releases);
    std::stable_partition(report.findings.begin(), report.findings.end(),
                          [](const AuditFinding &f) { return f.violation; });
    report.violations = int(std::count_if(report.findings.cbegin(), report.findings.cend(),
                                          [](const AuditFinding &f) { return f.violation; }));
    return report;
}

QString AuditRunner::where(const Item &item)
{
    if (item.file.isEmpty())
        return {};
    return item.line > 0 ? item.file + QLatin1Char(':') + QString::number(item.line) : item.file;
}

} // namespace vse::gui
