#pragma once

#include "model/diagnostic.h"

#include <QListWidget>

namespace vse::gui {

// Lists indexing problems as "file:line: message", errors first, so a broken
// source is named in the window rather than silently leaving an empty index.
class ProblemsPanel final : public QListWidget
{
    Q_OBJECT
public:
    explicit ProblemsPanel(QWidget *parent = nullptr);
    void setDiagnostics(const Diagnostics &diagnostics);
    int errorCount() const { return m_errors; }

private:
    int m_errors = 0;
};

} // namespace vse::gui
