#pragma once

#include "indexsnapshot.h"

#include "check/configchecker.h"

#include <QDialog>

class QLineEdit;
class QTextBrowser;

namespace vse::gui {

// File → Check configuration file…: a daemon configuration file (qemu.conf,
// virtqemud.conf, ...) checked like `virt-support check-config` against the
// index, for the target release of the filter bar: the verdict first, then
// one finding per line with its line number. Config files are small and the
// check reads a few hundred index rows, so it runs on the GUI thread.
class CheckConfigDialog final : public QDialog
{
    Q_OBJECT
public:
    CheckConfigDialog(SnapshotPtr snapshot, Version target, QWidget *parent = nullptr);

    // Checks a file and shows the report; the report is also returned.
    ConfigCheckReport checkFile(const QString &path);
    QString reportText() const;

private:
    SnapshotPtr m_snapshot;
    Version m_target;
    QLineEdit *m_from;
    QLineEdit *m_to;
    QTextBrowser *m_report;

    void openFile();
};

} // namespace vse::gui
