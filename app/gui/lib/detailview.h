#pragma once

#include "detailrenderer.h"
#include "indexsnapshot.h"
#include "navigationhistory.h"

#include <QTextBrowser>

namespace vse::gui {

// The detail pane: shows one item (or a taint reason) as generated HTML,
// follows vse: links to related items and keeps back / forward history.
class DetailView final : public QTextBrowser
{
    Q_OBJECT
public:
    explicit DetailView(QWidget *parent = nullptr);

    void setSnapshot(SnapshotPtr snapshot, qint64 releaseId);
    // The release names resolve in first (0: the newest release that has the name).
    void setReleaseId(qint64 releaseId);
    // Shows an item and records it in the history.
    void showItem(qint64 id);
    void showTaintReason(const QString &reasonId);
    void showMessage(const QString &title, const QString &text);
    // Nothing selected: what the index holds and example questions as links.
    void showWelcome();
    bool isShowingWelcome() const { return m_welcome; }
    // Resolves a name in the shown release; false when the index has none.
    bool showName(const QString &name);

    qint64 currentItemId() const { return m_itemId; }
    const Item &currentItem() const { return m_item; }
    QString currentReleaseLabel() const;
    QString answerText() const;
    // The HTML of the item shown last, as generated (links intact).
    QString itemHtml() const { return m_html; }
    bool canGoBack() const { return m_history.canGoBack(); }
    bool canGoForward() const { return m_history.canGoForward(); }

public Q_SLOTS:
    void goBack();
    void goForward();
    void copyAnswer();

Q_SIGNALS:
    void itemShown(qint64 id);
    void historyChanged();
    // A vse:audit link was followed.
    void auditRequested();
    // A vse:newer/VERSION link: show what is newer than that release.
    void newerThanRequested(const QString &version);
    // A link to a configuration file ("Part of qemu.conf"): list its options.
    void searchRequested(const QString &text);

protected:
    void changeEvent(QEvent *event) override;

private:
    SnapshotPtr m_snapshot;
    qint64 m_releaseId = 0;
    qint64 m_itemId = 0;
    Item m_item;
    bool m_welcome = false;
    QString m_html;
    QString m_answerText; // Copy answer: the shown item's ItemAnswer as text
    DetailRenderer m_renderer;
    NavigationHistory m_history;

    void openLink(const QUrl &url);
    void showPage(const QString &page);
    void render();
    QString releaseLabel(qint64 releaseId) const;
};

} // namespace vse::gui
