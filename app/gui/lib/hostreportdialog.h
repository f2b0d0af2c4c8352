#pragma once

#include "triage/triagereport.h"

#include "joinedworker.h"

#include <QDialog>

class QLabel;
class QListWidget;
class QPushButton;
class QTextBrowser;

namespace vse::gui {

// File → Open host… / Open sosreport…: the support report of `virt-support
// host` and `virt-support triage` in a window. Guests on the left (the
// summary and the configuration files first), the selected one's verdict and
// findings on the right; every XML item links into the index (itemRequested).
// Copy report puts the Markdown report on the clipboard, ready for a ticket.
// Reading runs off the GUI thread: a remote host or a large sosreport must not
// freeze the window.
class HostReportDialog final : public QDialog
{
    Q_OBJECT
public:
    HostReportDialog(const QString &indexPath, QWidget *parent = nullptr);

    // Start reading; the window fills in when done (finished() is emitted).
    void openHost(const QString &uri);
    void openSosReport(const QString &folder);
    // Show a report already made (tests; a finished read).
    void setReport(const HostReport &report);

    const HostReport &report() const { return m_report; }
    QString pageText() const;    // the right pane as plain text
    QStringList entries() const; // the left pane's labels
    void selectEntry(int row);

public Q_SLOTS:
    void copyReport();

Q_SIGNALS:
    void itemRequested(const QString &name);
    void finished();

private:
    struct Result
    {
        HostReport report;
        QString error;
    };
    void start(std::function<Result()> job, const QString &what);
    void finish(const Result &r);
    void showEntry(int row);
    QString guestHtml(const GuestReport &g) const;

    QString m_indexPath;
    HostReport m_report;
    QLabel *m_status;
    QListWidget *m_list;
    QTextBrowser *m_page;
    QPushButton *m_copy;
    JoinedWorker<Result> m_worker{this};
};

} // namespace vse::gui
