#pragma once

#include "policyguide.h"

#include <QDialog>

class QTabWidget;

namespace vse::gui {

// Help → Policy guide: one tab per tier with its count in the index and
// examples that open in the explorer; prints the guide, exports it as PDF,
// and starts the presentation or the self-check.
class PolicyGuideDialog final : public QDialog
{
    Q_OBJECT
public:
    explicit PolicyGuideDialog(SnapshotPtr snapshot, QWidget *parent = nullptr);

    const PolicyGuide &guide() const { return m_guide; }
    QTabWidget *tabs() const { return m_tabs; }
    // Writes the whole guide as a PDF file; false with an error when it cannot.
    bool exportPdf(const QString &path, QString *error) const;

Q_SIGNALS:
    // An example was clicked: select it in the explorer.
    void itemRequested(const QString &name);
    void presentationRequested();
    void selfCheckRequested();

private:
    PolicyGuide m_guide;
    QTabWidget *m_tabs;

    void print();
    void askExportPdf();
};

} // namespace vse::gui
