#include "mainwindow.h"

#include "auditdialog.h"
#include "emptystatelink.h"
#include "detailview.h"
#include "filterbar.h"
#include "policytext.h"
#include "freedmemory.h"
#include "indexcontroller.h"
#include "indexstatusbar.h"
#include "itemtablemodel.h"
#include "policyguidedialog.h"
#include "presentationwindow.h"
#include "problemspanel.h"
#include "pythonnamehint.h"
#include "selfcheckdialog.h"
#include "sidebarmodel.h"
#include "sourcesettings.h"

#include "index/errorcodes.h"
#include "index/symbolnodes.h"
#include "index/taintmentions.h"

#include <QAction>
#include <QApplication>
#include <QDate>
#include <QDockWidget>
#include <QFileInfo>
#include <QHeaderView>
#include <QKeySequence>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QMenuBar>
#include <QMessageBox>
#include <QSplitter>
#include <QScrollBar>
#include <QSettings>
#include <QStackedWidget>
#include <QTableView>
#include <QVBoxLayout>

namespace vse::gui {

MainWindow::MainWindow(const AppOptions &options, QWidget *parent)
    : QMainWindow(parent)
    , m_options(options)
    , m_indexPath(options.indexPath.isEmpty() ? Store::defaultPath() : options.indexPath)
    , m_controller(new IndexController(this))
    , m_model(new ItemTableModel(this))
    , m_sidebar(new SidebarModel(this))
    , m_sidebarView(new QListView(this))
    , m_filterBar(new FilterBar(this))
    , m_table(new QTableView(this))
    , m_emptyState(new QLabel(this))
    , m_pythonHint(new PythonNameHint(this))
    , m_tableStack(new QStackedWidget(this))
    , m_detail(new DetailView(this))
    , m_status(new IndexStatusBar(this))
    , m_problems(new ProblemsPanel(this))
    , m_problemsDock(new QDockWidget(tr("Problems"), this))
{
    setWindowTitle(tr("virt-support explorer"));
    setWindowIcon(QIcon(QStringLiteral(":/vse/icons/org.virt_support_explorer.Explorer.svg")));

    m_sidebarView->setModel(m_sidebar);
    m_sidebarView->setAccessibleName(tr("Interfaces and taint reasons"));
    m_table->setModel(m_model);
    m_table->setAccessibleName(tr("Items"));
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setTabKeyNavigation(false);
    m_table->verticalHeader()->hide();
    // Fixed row height and no per-row sizing: the table stays fast with 150 000 rows.
    m_table->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 6);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    // Paths share long prefixes (nine domain/qemu:override/... rows): keep
    // both ends visible; the tooltip has the whole name.
    m_table->setTextElideMode(Qt::ElideMiddle);
    // Wrapping would cut a path at its first '/' that does not fit instead.
    m_table->setWordWrap(false);
    // Header clicks sort; a third click returns to the rank order.
    m_table->horizontalHeader()->setSortIndicatorClearable(true);
    m_table->horizontalHeader()->setSortIndicator(-1, Qt::AscendingOrder);
    m_table->setSortingEnabled(true);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->setColumnWidth(ItemTableModel::NameColumn, 250);
    // Wide enough for "configuration option", the longest kind most rows have.
    m_table->setColumnWidth(ItemTableModel::KindColumn,
                            m_table->fontMetrics().horizontalAdvance(kindLabel(ItemKind::ConfigOption) +
                                                                     QStringLiteral("  ")));
    m_table->setColumnWidth(ItemTableModel::TierColumn,
                            m_table->fontMetrics().horizontalAdvance(QStringLiteral("namespace extension  ")));
    m_table->setColumnWidth(ItemTableModel::HypervisorColumn, 70);
    // Wide enough for a range: "1.3.5 < since ≤ 11.3.0".
    m_table->setColumnWidth(ItemTableModel::SinceColumn,
                            m_table->fontMetrics().horizontalAdvance(QStringLiteral("11.10.0 < since \u2264 11.10.0 ")));
    // The note ("taints", "newer", "removed") is read with the name, and the
    // release right after it: at 1280 px the table shows some 650 px, and
    // "since" came sixth, behind a horizontal scroll.
    QHeaderView *header = m_table->horizontalHeader();
    header->moveSection(header->visualIndex(ItemTableModel::NoteColumn), 1);
    header->moveSection(header->visualIndex(ItemTableModel::SinceColumn), 2);
    m_table->setColumnWidth(ItemTableModel::NoteColumn,
                            m_table->fontMetrics().horizontalAdvance(ItemTableModel::tr("removed") + ItemTableModel::tr("taints") +
                                                                     QStringLiteral(",   ")));
    m_emptyState->setWordWrap(true);
    // Word wrap cannot break a word: a long one pasted into the search box
    // (a path, a base64 blob) would otherwise set the window's width.
    m_emptyState->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    m_emptyState->setAlignment(Qt::AlignCenter);
    m_emptyState->setAccessibleName(tr("Empty view explanation"));
    m_emptyState->setTextInteractionFlags(Qt::TextBrowserInteraction); // its links by keyboard too
    // A link names an item (libvirt-python's name or an error number typed
    // in the search box): search for it instead, and select it.
    connect(m_emptyState, &QLabel::linkActivated, this, [this](const QString &href) {
        if (const QString name = emptystate::linkedName(href); !name.isEmpty()) {
            m_filterBar->setSearchText(name);
            applyFilter(); // now, not after the typing delay: the row is selected next
            selectName(name);
        } else if (const QString reason = emptystate::linkedTaint(href); !reason.isEmpty()) {
            showTaintEntry(reason);
        }
    });
    connect(m_pythonHint, &PythonNameHint::ready, this, &MainWindow::updateEmptyState);
    m_tableStack->addWidget(m_table);
    m_tableStack->addWidget(m_emptyState);

    auto *centre = new QWidget(this);
    auto *centreLayout = new QVBoxLayout(centre);
    centreLayout->setContentsMargins(0, 0, 0, 0);
    centreLayout->addWidget(m_filterBar);
    centreLayout->addWidget(m_tableStack, 1);
    m_splitter = new QSplitter(this);
    m_splitter->setObjectName(QStringLiteral("explorerSplitter"));
    m_splitter->addWidget(m_sidebarView);
    m_splitter->addWidget(centre);
    m_splitter->addWidget(m_detail);
    m_splitter->setChildrenCollapsible(false);
    m_splitter->setStretchFactor(1, 3);
    m_splitter->setStretchFactor(2, 2);
    setCentralWidget(m_splitter);
    setStatusBar(m_status);
    m_problemsDock->setObjectName(QStringLiteral("problems"));
    m_problemsDock->setWidget(m_problems);
    addDockWidget(Qt::BottomDockWidgetArea, m_problemsDock);
    m_problemsDock->hide();

    createActions();
    connect(m_filterBar, &FilterBar::filterChanged, this, &MainWindow::applyFilter);
    connect(m_filterBar, &FilterBar::enterResults, this, [this] {
        m_table->setFocus();
        if (m_model->rowCount() > 0 && !m_table->currentIndex().isValid())
            m_table->setCurrentIndex(m_model->index(0, 0));
    });
    connect(m_model, &ItemTableModel::filtered, this, &MainWindow::onFiltered);
    connect(m_sidebarView->selectionModel(), &QItemSelectionModel::currentChanged, this, &MainWindow::onSidebarChanged);
    connect(m_table->selectionModel(), &QItemSelectionModel::currentChanged, this, &MainWindow::onCurrentRowChanged);
    connect(m_table, &QTableView::activated, this, [this] { m_detail->setFocus(); });
    connect(m_detail, &DetailView::historyChanged, this, [this] {
        m_back->setEnabled(m_detail->canGoBack());
        m_forward->setEnabled(m_detail->canGoForward());
    });
    connect(m_detail, &DetailView::auditRequested, this, &MainWindow::showAudit);
    connect(m_detail, &DetailView::newerThanRequested, this, [this](const QString &version) {
        selectSidebarEntry(QStringLiteral("public-api"));
        m_filterBar->setNewerOnly(true);
        m_filterBar->setTarget(version);
        applyFilter();
    });
    connect(m_detail, &DetailView::searchRequested, this, [this](const QString &text) {
        selectSidebarEntry(QStringLiteral("config"));
        m_filterBar->setSearchText(text);
        applyFilter();
    });
    connect(m_controller, &IndexController::loaded, this, &MainWindow::onLoaded);
    connect(m_controller, &IndexController::loadFailed, this, &MainWindow::onLoadFailed);
    connect(m_controller, &IndexController::loadedStale, this, &MainWindow::onLoadedStale);
    connect(m_controller, &IndexController::indexFinished, this, &MainWindow::onIndexFinished);
    connect(m_controller, &IndexController::progress, m_status, &IndexStatusBar::setProgress);
    connect(m_controller, &IndexController::busyChanged, this, [this](bool busy) {
        m_status->setBusy(busy, busy ? tr("Working in the background\u2026") : QString());
        updateEmptyState();
    });
    connect(m_status, &IndexStatusBar::cancelRequested, m_controller, &IndexController::cancel);

    selectSidebarEntry(QStringLiteral("all"));
    m_filterBar->setSearchText(m_options.search);
    if (!m_options.mustSupport.isEmpty())
        m_filterBar->setTarget(m_options.mustSupport);
    if (!m_options.newerThan.isEmpty()) {
        m_filterBar->setNewerOnly(true);
        m_filterBar->setTarget(m_options.newerThan);
    }
    updateEmptyState();
    resize(1280, 760);
    connect(m_splitter, &QSplitter::splitterMoved, this,
            [this] { QSettings().setValue(QLatin1String(kSplitterKey), m_splitter->saveState()); });
}

void MainWindow::showEvent(QShowEvent *event)
{
    QMainWindow::showEvent(event);
    // Sized once the window has its real width: the splitter's before the
    // first show is a default one, and the stretch factors would share the
    // difference instead.
    if (!m_splitterSized) {
        m_splitterSized = true;
        restoreSplitter();
    }
}

MainWindow::~MainWindow() = default;

void MainWindow::createActions()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    QAction *exportAction = file->addAction(tr("&Export view\u2026"), this, &MainWindow::exportView);
    exportAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_E));
    m_checkXml = file->addAction(tr("&Check domain XML\u2026"), this, &MainWindow::checkXml);
    file->addAction(tr("Check con&figuration file\u2026"), this, &MainWindow::checkConfig);
    file->addAction(tr("Open &host\u2026"), this, &MainWindow::openHost);
    file->addAction(tr("Open &sosreport\u2026"), this, &MainWindow::openSosReport);
    file->addAction(tr("Check shell scr&ipt\u2026"), this, &MainWindow::checkScript);
    file->addSeparator();
    QAction *quit = file->addAction(tr("&Quit"), this, &QWidget::close);
    quit->setShortcut(QKeySequence::Quit);

    QMenu *edit = menuBar()->addMenu(tr("&Edit"));
    QAction *find = edit->addAction(tr("&Find"), this, [this] {
        m_filterBar->searchEdit()->setFocus(Qt::ShortcutFocusReason);
        m_filterBar->searchEdit()->selectAll();
    });
    find->setShortcut(QKeySequence::Find);
    QAction *copy = edit->addAction(tr("Copy &answer"), m_detail, &DetailView::copyAnswer);
    copy->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_C));

    QMenu *go = menuBar()->addMenu(tr("&Go"));
    m_back = go->addAction(tr("&Back"), m_detail, &DetailView::goBack);
    m_back->setShortcut(QKeySequence(Qt::ALT | Qt::Key_Left));
    m_back->setEnabled(false);
    m_forward = go->addAction(tr("&Forward"), m_detail, &DetailView::goForward);
    m_forward->setShortcut(QKeySequence(Qt::ALT | Qt::Key_Right));
    m_forward->setEnabled(false);

    QMenu *tools = menuBar()->addMenu(tr("&Tools"));
    tools->addAction(tr("Policy &audit\u2026"), this, &MainWindow::showAudit);
    tools->addAction(tr("&Scan project\u2026"), this, &MainWindow::showScan);

    QMenu *settings = menuBar()->addMenu(tr("&Settings"));
    settings->addAction(tr("&Sources\u2026"), this, &MainWindow::editSources);
    settings->addAction(tr("&Re-index now"), this, [this] { reindex(true); });

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("&Policy guide"), this, &MainWindow::showPolicyGuide);
    QAction *present = help->addAction(tr("P&resentation mode"), this, &MainWindow::startPresentation);
    present->setShortcut(QKeySequence(Qt::Key_F5));
    help->addAction(tr("&Self-check\u2026"), this,
                    [this] { startSelfCheck(quint32(QDate::currentDate().toJulianDay() % 999999) + 1); });
    help->addAction(tr("&About"), this, [this] {
        QMessageBox::about(this, tr("About virt-support explorer"),
                           tr("Answers \"can I rely on this libvirt interface, since which release, and with "
                              "which caveats?\" from an index of libvirt's API, XML schemas and RPC protocols."));
    });
}

void MainWindow::start()
{
    m_controller->load(m_indexPath);
}

void MainWindow::setSnapshot(SnapshotPtr snapshot)
{
    onLoaded(std::move(snapshot));
}

void MainWindow::onLoaded(SnapshotPtr snapshot)
{
    m_snapshot = std::move(snapshot);
    m_errorMessagesOf = nullptr; // read again from this index when asked
    {
        const QSignalBlocker block(m_filterBar);
        m_filterBar->setSnapshot(m_snapshot);
    }
    const qint64 release = m_filterBar->filter().releaseId;
    m_sidebar->setSnapshot(m_snapshot, release);
    fitSidebar();
    m_detail->setSnapshot(m_snapshot, release);
    m_model->setSnapshot(m_snapshot);
    // An open audit, guide or self-check belongs to the previous index.
    if (m_audit)
        m_audit->close();
    for (QWidget *w : {static_cast<QWidget *>(m_guide.data()), static_cast<QWidget *>(m_presentation.data()),
                       static_cast<QWidget *>(m_selfCheck.data())})
        if (w)
            w->close();
    applyFilter();
    if (!m_options.select.isEmpty())
        selectName(m_options.select);
    // Once, on the first index loaded.
    if (!m_options.checkXml.isEmpty()) {
        openCheckXml(m_options.checkXml);
        m_options.checkXml.clear();
    }
    openFromOptions();
    releaseFreedMemory(); // the load's temporaries and the previous snapshot's rows
    Q_EMIT snapshotInstalled();
}

void MainWindow::onLoadFailed(const Diagnostics &diagnostics)
{
    const bool exists = QFileInfo::exists(m_indexPath);
    if (m_options.noAutoIndex || (exists && m_snapshot)) {
        showProblems(diagnostics);
        updateEmptyState();
        return;
    }
    // First run (no index yet) or a damaged index: build it from the sources.
    if (exists)
        showProblems(diagnostics);
    reindex(false);
}

void MainWindow::onLoadedStale()
{
    // Once a session: an update that fails leaves the index as it was,
    // stale still, and must not start again by itself.
    if (m_options.noAutoIndex || m_refreshedStale || m_controller->isBusy())
        return;
    m_refreshedStale = true;
    m_status->showMessage(tr("The libvirt files this index was made from have changed: updating it. "
                             "Until then the window shows the index as it was."),
                          15000);
    reindex(false);
}

void MainWindow::reindex(bool force)
{
    m_controller->reindex(SourceSettings::sources(), m_indexPath, force);
}

void MainWindow::onIndexFinished(const Indexer::Result &result)
{
    showProblems(result.diagnostics);
    if (result.cancelled)
        m_status->showMessage(tr("Indexing cancelled; the previous index is kept."), 10000);
    else if (!result.ok)
        m_status->showMessage(tr("Indexing failed; see Problems for the file it came from."), 10000);
    else
        m_status->showMessage(tr("Indexed %n release(s)", nullptr, result.releases), 5000);
    updateEmptyState();
}

void MainWindow::restoreSplitter()
{
    // The user's last division of the window, if they ever moved a handle;
    // pictures made with --screenshot always use the default one.
    QSettings settings;
    const QByteArray saved = settings.value(QLatin1String(kSplitterKey)).toByteArray();
    if (m_options.screenshotPath.isEmpty() && !saved.isEmpty() && m_splitter->restoreState(saved)) {
        // A saved state from a smaller window must not leave the detail pane a sliver.
        const QList<int> sizes = m_splitter->sizes();
        if (sizes.size() == 3 && sizes.at(2) >= kMinDetailWidth)
            return;
    }
    // The detail pane carries the answer (evidence, banners, definitions):
    // about 30 % of the window, whatever the language's label widths.
    const int total = m_splitter->width();
    const int detail = std::max(kMinDetailWidth, total * 30 / 100);
    const int sidebar = std::max(160, m_sidebarView->sizeHintForColumn(0) + 24);
    m_splitter->setSizes({sidebar, std::max(200, total - sidebar - detail), detail});
}

void MainWindow::fitSidebar()
{
    // Wide enough for the longest entry with its count ("XML namespace extensions (64)").
    const int width = m_sidebarView->sizeHintForColumn(0) + 2 * m_sidebarView->frameWidth() +
                      m_sidebarView->verticalScrollBar()->sizeHint().width() + 4;
    m_sidebarView->setMinimumWidth(width);
}

void MainWindow::showProblems(const Diagnostics &diagnostics)
{
    m_problems->setDiagnostics(diagnostics);
    m_problemsDock->setVisible(!diagnostics.isEmpty());
}

void MainWindow::applyFilter()
{
    ViewFilter f = m_filterBar->filter();
    const QModelIndex current = m_sidebarView->currentIndex();
    if (current.isValid()) {
        const SidebarEntry &e = m_sidebar->entry(current.row());
        f.family = e.family;
        f.tiers = e.tiers;
        f.taint = e.taint;
    }
    if (m_snapshot && f.releaseId != m_model->filter().releaseId) {
        m_sidebar->setSnapshot(m_snapshot, f.releaseId);
        fitSidebar();
        m_detail->setReleaseId(f.releaseId);
    }
    m_model->setFilter(f);
}

void MainWindow::onFiltered(int rows, int excluded)
{
    m_filterBar->setExcludedCount(excluded, m_model->maybeNewer());
    m_status->setCounts(rows, m_snapshot ? int(m_snapshot->summaries().size()) : 0);
    updateEmptyState();
    // A taint reason typed or pasted lists its items; with none chosen yet,
    // the detail pane says what the reason means and what sets it.
    if (m_snapshot && !m_table->currentIndex().isValid())
        if (const TaintMentions t = taintMentionsIn(m_filterBar->filter().text);
            t.known.size() == 1 && !t.asksForAll())
            m_detail->showTaintReason(t.known.first().reason.id);
}

void MainWindow::onSidebarChanged()
{
    applyFilter();
    const QModelIndex current = m_sidebarView->currentIndex();
    if (current.isValid() && !m_sidebar->entry(current.row()).taint.isEmpty())
        m_detail->showTaintReason(m_sidebar->entry(current.row()).taint);
}

void MainWindow::selectSidebarEntry(const QString &id)
{
    const int row = m_sidebar->rowOf(id);
    if (row >= 0)
        m_sidebarView->setCurrentIndex(m_sidebar->index(row));
}

void MainWindow::onCurrentRowChanged()
{
    const QModelIndex idx = m_table->currentIndex();
    if (idx.isValid())
        m_detail->showItem(idx.data(ItemTableModel::ItemIdRole).toLongLong());
}

bool MainWindow::selectName(const QString &typed)
{
    // "virsh:domstate", "api:virConnectOpen": a name within that family, as
    // the search box and the CLI read it.
    QString name = typed;
    const QString family = SearchQuery::familyScope(typed, &name);
    // A configuration option by its file too ("qemu.conf vnc_listen"): the
    // table names it "qemu.conf:vnc_listen".
    const QString configKey = configKeyForm(name);
    const auto selectRow = [this, &configKey, &family](const QString &exact) {
        for (int r = 0; r < m_model->rowCount(); ++r) {
            const ItemSummary *s = m_model->summary(r);
            if (!family.isEmpty() && kindFamily(s->kind) != family)
                continue;
            if (s->name == exact || (!configKey.isEmpty() && s->kind == ItemKind::ConfigOption &&
                                     m_model->displayName(*s) == configKey)) {
                m_table->setCurrentIndex(m_model->index(r, 0));
                m_table->scrollTo(m_model->index(r, 0), QAbstractItemView::PositionAtCenter);
                return true;
            }
        }
        return false;
    };
    if (selectRow(name))
        return true;
    // As people type it ("<pstore/>", an XPath, another case): the row of the
    // one item it stands for, so the list shows where the answer is.
    if (m_snapshot)
        if (const QString one = m_snapshot->engine().tolerantMatch(name).one(); !one.isEmpty() && selectRow(one))
            return true;
    // An error number ("virError(Code=42, Domain=10, ...)"): its VIR_ERR_ value.
    if (const auto numbers = m_snapshot ? errorNumbersIn(name) : std::nullopt)
        if (const QStringList names = lookUpErrorNumbers(m_snapshot->store(), *numbers).names; !names.isEmpty())
            return selectRow(names.first()) || m_detail->showName(names.first());
    // libvirt's message for an error code ("error: Domain not found: ...").
    if (const QList<QuotedErrorMessage> quoted = quotedMessages(name); !quoted.isEmpty())
        return selectRow(quoted.first().code) || m_detail->showName(quoted.first().code);
    // A taint reason ("custom-argv", a guest log's "is tainted: custom-argv"): its sidebar entry.
    if (const TaintMentions taints = taintMentionsIn(typed); !taints.known.isEmpty() && !taints.asksForAll()) {
        showTaintEntry(taints.known.first().reason.id);
        return true;
    }
    return m_detail->showName(typed);
}

void MainWindow::showTaintEntry(const QString &reasonId)
{
    // The search text would hide the reason's items.
    m_filterBar->setSearchText(QString());
    selectSidebarEntry(QStringLiteral("taint:") + reasonId);
    applyFilter();
    m_detail->showTaintReason(reasonId);
}

bool MainWindow::isShowingEmptyState() const
{
    return m_tableStack->currentWidget() == m_emptyState;
}

QString MainWindow::emptyStateText() const
{
    return m_emptyState->text();
}

} // namespace vse::gui
