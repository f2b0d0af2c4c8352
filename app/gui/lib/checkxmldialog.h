#pragma once

#include "indexsnapshot.h"

#include "check/xmlcheckreport.h"

#include <QDialog>
#include <QFutureWatcher>

class QPlainTextEdit;
class QPushButton;
class QTextBrowser;

namespace vse::gui {

// File → Check domain XML…: open or paste a libvirt XML document, check it in
// the background against the index and the target release, and list the
// findings with links into the index.
class CheckXmlDialog final : public QDialog
{
    Q_OBJECT
public:
    // targetText names the target as the user gave it ("6.0.0 (focal)");
    // empty: the version.
    CheckXmlDialog(SnapshotPtr snapshot, Version target, QWidget *parent = nullptr,
                   const QString &targetText = {});

    void setXml(const QString &xml, const QString &name = {});
    // Reads a file into the editor and checks it; false (said in the report,
    // in one message) when missing or unreadable. A folder: every *.xml in
    // it (not recursive, by name, as `virt-support check-xml FOLDER`), a
    // verdict per file and a summary.
    bool openPath(const QString &path);
    void runCheck();
    QString reportText() const;
    bool isChecking() const { return m_watcher.isRunning() || m_folderWatcher.isRunning(); }

Q_SIGNALS:
    void itemRequested(const QString &name);
    void checked();

private:
    SnapshotPtr m_snapshot;
    Version m_target;
    QString m_name;
    QPlainTextEdit *m_input;
    QTextBrowser *m_report;
    QPushButton *m_check;
    QList<QPushButton *> m_openButtons; // Open file, Open folder
    QFutureWatcher<XmlCheckReport> m_watcher;
    QFutureWatcher<QString> m_folderWatcher;
    // The files of the folder shown in the input (its list, not XML): Check
    // checks them again; cleared when the input gets XML.
    QStringList m_folderFiles;
    void startFolderCheck();

    void openFile();
    bool openFolder(const QString &path);
    void showProblem(const QString &text);
    void setBusy(bool busy);
};

} // namespace vse::gui
