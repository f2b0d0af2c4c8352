#include "problemspanel.h"

#include <QStyle>

namespace vse::gui {

ProblemsPanel::ProblemsPanel(QWidget *parent)
    : QListWidget(parent)
{
    setAccessibleName(tr("Indexing problems"));
}

void ProblemsPanel::setDiagnostics(const Diagnostics &diagnostics)
{
    clear();
    m_errors = 0;
    // At most a thousand lines: a broken tree can produce many warnings, and
    // the first ones name the file to look at.
    constexpr int kMax = 1000;
    Diagnostics sorted = diagnostics;
    std::stable_sort(sorted.begin(), sorted.end(),
                     [](const Diagnostic &a, const Diagnostic &b) { return a.isError() && !b.isError(); });
    for (const Diagnostic &d : std::as_const(sorted)) {
        if (d.isError())
            ++m_errors;
        if (count() >= kMax)
            continue;
        auto *item = new QListWidgetItem(d.toString(), this);
        item->setIcon(style()->standardIcon(d.isError() ? QStyle::SP_MessageBoxCritical : QStyle::SP_MessageBoxWarning));
    }
}

} // namespace vse::gui
