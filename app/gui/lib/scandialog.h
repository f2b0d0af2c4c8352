#pragma once

#include <QDialog>

class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QProgressBar;
class QPushButton;
class QTreeWidget;
class QTreeWidgetItem;

namespace vse::gui {

class IndexProgramRun;

// Tools → Scan project…: `virt-support scan` for a folder, run by the
// indexing program (IndexProgramRun: libclang stays out of the explorer)
// with progress and cancel. The minimum libvirt comes first, then the
// findings grouped by kind; choosing one shows its source line below and
// asks the main window for the item's detail.
class ScanDialog final : public QDialog
{
    Q_OBJECT
public:
    // indexPath: the index the explorer shows (each scan opens it read-only).
    explicit ScanDialog(const QString &indexPath, QWidget *parent = nullptr);
    ~ScanDialog() override;

    // Starts a scan of `folder` for `target` ("" or a release such as 6.0.0),
    // leaving out what `exclude` names (scan --exclude's patterns, apart by
    // spaces: "tests vendor/*"). Returns false (with the reason in the
    // status line) when the input is bad.
    bool start(const QString &folder, const QString &target, const QString &exclude = {});
    void cancel();
    bool isRunning() const;
    QString minimumText() const;
    QString statusText() const;
    QTreeWidget *findingsTree() const { return m_tree; }
    QPlainTextEdit *sourceView() const { return m_source; }
    // Selects a finding (its tree item) as a click would.
    void showFinding(QTreeWidgetItem *item);

Q_SIGNALS:
    void itemRequested(const QString &name);
    void finished();

private:
    QString m_indexPath;
    QLineEdit *m_folder;
    QLineEdit *m_target;
    QLineEdit *m_exclude;
    QPushButton *m_start;
    QPushButton *m_cancel;
    QProgressBar *m_progress;
    QLabel *m_minimum;
    QLabel *m_status;
    QTreeWidget *m_tree;
    QPlainTextEdit *m_source;
    IndexProgramRun *m_run;

    void onFinished();
};

} // namespace vse::gui
