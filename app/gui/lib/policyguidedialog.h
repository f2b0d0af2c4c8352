#pragma once

#include "policyguide.h"

#include <QDialog>

class QListWidget;
class QStackedWidget;
class QTextBrowser;

namespace vse::gui {

// Help → Policy guide: one page per tier (picked from a list) with its count in the index and
// examples that open in the explorer; prints the guide, exports it as PDF,
// and starts the presentation or the self-check.
class PolicyGuideDialog final : public QDialog
{
    Q_OBJECT
public:
    explicit PolicyGuideDialog(SnapshotPtr snapshot, QWidget *parent = nullptr);

    const PolicyGuide &guide() const { return m_guide; }
    // The tier list ("stable ABI (1132)") and the page of each tier, in PolicyGuide::tierIds()
    // order.
    QListWidget *tierList() const { return m_list; }
    QTextBrowser *page(int index) const;
    void showTier(const QString &tierId);
    // Writes the whole guide as a PDF file; false with an error when it cannot.
    bool exportPdf(const QString &path, QString *error) const;

Q_SIGNALS:
    // An example was clicked: select it in the explorer.
    void itemRequested(const QString &name);
    void presentationRequested();
    void selfCheckRequested();

private:
    PolicyGuide m_guide;
    QListWidget *m_list;
    QStackedWidget *m_pages;

    void print();
    void askExportPdf();
};

} // namespace vse::gui
