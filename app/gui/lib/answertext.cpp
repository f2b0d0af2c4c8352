#include "answertext.h"

#include "policytext.h"

#include "index/historyapplier.h"

namespace vse::gui {

QString AnswerText::forItem(const Item &item, const QString &releaseLabel)
{
    QStringList lines;
    lines << item.name + QStringLiteral(" (") + kindLabel(item.kind) + QLatin1Char(')');
    lines << tr("Tier: %1 \u2014 %2").arg(policytext::tierLabel(item.tier), policytext::tierRule(item.tier));
    const SinceRange since = item.sinceRange();
    lines << tr("Since: %1").arg(since.isKnown() ? since.explain() : tr("unknown"));
    if (const QString removed = HistoryApplier::removalText(item.attrs); !removed.isEmpty())
        lines << tr("Removed: %1").arg(removed);
    if (item.inconsistent()) {
        lines << tr("Note: the sources disagree about this release:");
        for (const Evidence &e : item.evidence)
            lines << QStringLiteral("  - ") + e.describe();
    }
    if (item.taints.isEmpty())
        lines << tr("Taint: none known");
    for (const QString &t : item.taints)
        lines << tr("Taint: %1 \u2014 %2").arg(t, policytext::taintMeaning(t));
    lines << tr("Hypervisor: %1").arg(item.hypervisor.isEmpty() ? tr("any") : item.hypervisor);
    for (const QString &w : item.warnings)
        lines << tr("Warning: %1").arg(w);
    if (!item.file.isEmpty())
        lines << tr("Defined in: %1").arg(item.line > 0 ? item.file + QLatin1Char(':') + QString::number(item.line)
                                                        : item.file);
    if (!releaseLabel.isEmpty())
        lines << tr("Indexed release: %1").arg(releaseLabel);
    return lines.join(QLatin1Char('\n')) + QLatin1Char('\n');
}

} // namespace vse::gui
