#pragma once

#include "model/diagnostic.h"

#include <QStatusBar>

class QLabel;
class QProgressBar;
class QPushButton;

namespace vse::gui {

// The status bar: row count, indexing progress with a Cancel button, and the
// last problem with the file it came from.
class IndexStatusBar final : public QStatusBar
{
    Q_OBJECT
public:
    explicit IndexStatusBar(QWidget *parent = nullptr);

    void setCounts(int rows, int total);
    void setBusy(bool busy, const QString &what = {});
    void setProgress(int done, int total, const QString &what);
    QString countText() const;
    QPushButton *cancelButton() const { return m_cancel; }

Q_SIGNALS:
    void cancelRequested();

private:
    QLabel *m_counts;
    QLabel *m_step;
    QProgressBar *m_progress;
    QPushButton *m_cancel;
};

} // namespace vse::gui
