#pragma once

#include "appoptions.h"
#include "indexsnapshot.h"

#include "index/errorcodes.h"
#include "index/indexer.h"

#include <QMainWindow>
#include <QPointer>

class QAction;
class QDockWidget;
class QLabel;
class QListView;
class QSplitter;
class QStackedWidget;
class QTableView;

namespace vse::gui {

class AuditDialog;
class CheckXmlDialog;
class PolicyGuideDialog;
class PresentationWindow;
class SelfCheckDialog;
class ScanDialog;
class DetailView;
class FilterBar;
class IndexController;
class IndexStatusBar;
class ItemTableModel;
class ProblemsPanel;
class SidebarModel;

// The explorer window: sidebar of interfaces and taint reasons, filter bar
// and search, the item table, the detail pane, and the indexing status. It
// wires the pieces together; each piece does its own job.
class MainWindow final : public QMainWindow
{
    Q_OBJECT
public:
    explicit MainWindow(const AppOptions &options, QWidget *parent = nullptr);
    ~MainWindow() override;

    // Loads the index (or indexes the sources when there is none).
    void start();
    SnapshotPtr snapshot() const { return m_snapshot; }
    // Installs a snapshot directly (tests, benchmarks).
    void setSnapshot(SnapshotPtr snapshot);

    ItemTableModel *tableModel() const { return m_model; }
    SidebarModel *sidebarModel() const { return m_sidebar; }
    QTableView *table() const { return m_table; }
    QListView *sidebarView() const { return m_sidebarView; }
    FilterBar *filterBar() const { return m_filterBar; }
    DetailView *detailView() const { return m_detail; }
    QSplitter *splitter() const { return m_splitter; }
    IndexController *controller() const { return m_controller; }
    ProblemsPanel *problems() const { return m_problems; }
    QString emptyStateText() const;
    bool isShowingEmptyState() const;
    // Applies the filter now instead of after the debounce.
    void applyFilter();
    // Selects the table row of the item called `name` (exact match first); false if none.
    bool selectName(const QString &name);
    void selectSidebarEntry(const QString &id);
    // File → Check domain XML…, on this file when `path` is given.
    CheckXmlDialog *openCheckXml(const QString &path = {});
    // Tools → Policy audit…: opens (or raises) the audit of the indexed releases.
    AuditDialog *showAudit();
    // Tools → Scan project…: an application's C/C++ code against the index.
    ScanDialog *showScan();
    // Help → Policy guide, Presentation mode, Self-check: opened (or raised)
    // without blocking the explorer, so their examples can select items in it.
    PolicyGuideDialog *showPolicyGuide();
    PresentationWindow *startPresentation();
    SelfCheckDialog *startSelfCheck(quint32 seed);
    // What --screenshot pictures: the guide, presentation or self-check
    // when one was opened from the command line, else the window.
    QWidget *screenshotTarget();

Q_SIGNALS:
    void snapshotInstalled();

protected:
    void showEvent(QShowEvent *event) override;

private:
    AppOptions m_options;
    QString m_indexPath;
    SnapshotPtr m_snapshot;
    IndexController *m_controller;
    ItemTableModel *m_model;
    SidebarModel *m_sidebar;
    QListView *m_sidebarView;
    FilterBar *m_filterBar;
    QTableView *m_table;
    QLabel *m_emptyState;
    class PythonNameHint *m_pythonHint;
    QStackedWidget *m_tableStack;
    DetailView *m_detail;
    IndexStatusBar *m_status;
    ProblemsPanel *m_problems;
    QDockWidget *m_problemsDock;
    QSplitter *m_splitter = nullptr;
    bool m_splitterSized = false;
    QAction *m_back = nullptr;
    QAction *m_forward = nullptr;
    QAction *m_checkXml = nullptr;
    QPointer<AuditDialog> m_audit;
    QPointer<ScanDialog> m_scan;
    QPointer<PolicyGuideDialog> m_guide;
    QPointer<PresentationWindow> m_presentation;
    QPointer<SelfCheckDialog> m_selfCheck;
    bool m_openedFromOptions = false;
    bool m_refreshedStale = false; // onLoadedStale() started its update

    void createActions();
    void onLoaded(SnapshotPtr snapshot);
    void onLoadFailed(const Diagnostics &diagnostics);
    void onLoadedStale();
    void onIndexFinished(const Indexer::Result &result);
    void onFiltered(int rows, int excluded);
    void onSidebarChanged();
    void onCurrentRowChanged();
    void reindex(bool force);
    void editSources();
    void exportView();
    void openFromOptions();
    void checkXml();
    void checkConfig();
    void openHost();      // hostreportui.cpp
    void openSosReport(); // hostreportui.cpp
    void checkScript();
    void showProblems(const Diagnostics &diagnostics);
    void fitSidebar();
    void restoreSplitter();
    static constexpr int kMinDetailWidth = 360;
    static constexpr const char *kSplitterKey = "explorer/splitter";
    void updateEmptyState();
    // Rich text naming the VIR_ERR_ / VIR_FROM_ values of an error number
    // typed in the search box, with links; empty for other text.
    QString errorNumberHint(const QString &typed) const;
    QString errorMessageHint(const QString &typed) const;
    QString symbolNodeHint(const QString &typed) const;
    // A taint reason typed or pasted ("custom-argv", "Domain id=3 is
    // tainted: custom-argv"): its meaning, linked to its sidebar entry.
    QString taintHint(const QString &typed) const;
    // A schema file ("domain.rng"): its documents' root element, linked; a
    // connection URI ("qemu:///system"): its driver (mainwindowemptystate.cpp).
    QString schemaFileHint(const QString &typed) const;
    QString connectionUriHint(const QString &typed) const;
    void showTaintEntry(const QString &reasonId);
    QList<QuotedErrorMessage> quotedMessages(const QString &typed) const;
    mutable QList<QuotedErrorMessage> m_errorMessages; // of m_errorMessagesOf's index
    mutable const void *m_errorMessagesOf = nullptr;
    static QString elidedTyped(const QString &typed);
};

} // namespace vse::gui
