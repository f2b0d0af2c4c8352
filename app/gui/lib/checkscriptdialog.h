#pragma once

#include "indexsnapshot.h"

#include "check/scriptchecker.h"

#include <QDialog>

class QTextBrowser;

namespace vse::gui {

// File → Check shell script…: the virsh calls of a shell script checked like
// `virt-support check-script` against the index, for the target release of
// the filter bar: the verdict first, then one finding per line with its line
// and column, and the stable alternatives where a table is parsed. Scripts
// are small and the virsh rows are a few thousand, so it runs on the GUI
// thread.
class CheckScriptDialog final : public QDialog
{
    Q_OBJECT
public:
    CheckScriptDialog(SnapshotPtr snapshot, Version target, QWidget *parent = nullptr);

    // Checks a file and shows the report; the report is also returned.
    ScriptCheckReport checkFile(const QString &path);
    QString reportText() const;

private:
    SnapshotPtr m_snapshot;
    Version m_target;
    QTextBrowser *m_report;

    void openFile();
};

} // namespace vse::gui
