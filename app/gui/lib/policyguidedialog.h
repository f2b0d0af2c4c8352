#pragma once

#include "indexsnapshot.h"

#include <QDialog>

class QTabWidget;

namespace vse::gui {

// Help → Policy guide: one tab per tier with live examples; prints the whole
// guide or exports it as PDF.
class PolicyGuideDialog final : public QDialog
{
    Q_OBJECT
public:
    explicit PolicyGuideDialog(SnapshotPtr snapshot, QWidget *parent = nullptr);

    // Writes the whole guide as a PDF file; false with an error when it cannot.
    bool exportPdf(const QString &path, QString *error) const;

private:
    SnapshotPtr m_snapshot;
    QTabWidget *m_tabs;

    void print();
    void askExportPdf();
};

} // namespace vse::gui
