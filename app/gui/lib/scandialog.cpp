#include "scandialog.h"

#include "translations.h"

#include "scan/excludepattern.h"
#include "scan/targets.h"

#include "indexprogramrun.h"
#include "scanoutcome.h"

#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QFontDatabase>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QRegularExpression>
#include <QTextBlock>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace vse::gui {

namespace {

enum Role
{
    SymbolRole = Qt::UserRole + 1,
    FileRole,
    LineRole
};

} // namespace

ScanDialog::ScanDialog(const QString &indexPath, QWidget *parent)
    : QDialog(parent), m_indexPath(indexPath), m_folder(new QLineEdit(this)),
      m_target(new QLineEdit(this)), m_exclude(new QLineEdit(this)), m_start(new QPushButton(tr("&Scan"), this)),
      m_cancel(new QPushButton(tr("&Cancel"), this)), m_progress(new QProgressBar(this)),
      m_minimum(new QLabel(this)), m_status(new QLabel(this)), m_tree(new QTreeWidget(this)),
      m_source(new QPlainTextEdit(this)), m_run(new IndexProgramRun(this))
{
    setWindowTitle(tr("Scan project"));
    auto *browse = new QPushButton(tr("&Browse\u2026"), this);
    auto *folderRow = new QHBoxLayout;
    folderRow->addWidget(m_folder, 1);
    folderRow->addWidget(browse);
    m_target->setPlaceholderText(tr("oldest libvirt to support, e.g. 6.0.0 (optional)"));
    auto *form = new QFormLayout;
    auto *folderLabel = new QLabel(tr("&Folder:"), this);
    folderLabel->setBuddy(m_folder); // a layout as the field gets no buddy by itself
    form->addRow(folderLabel, folderRow);
    form->addRow(tr("&Target:"), m_target);
    // Vendored code, tests and mocks: not what the application calls.
    m_exclude->setPlaceholderText(tr("names or paths to leave out, e.g. tests vendor/* (optional)"));
    form->addRow(tr("&Leave out:"), m_exclude);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_progress, 1);
    buttons->addWidget(m_start);
    buttons->addWidget(m_cancel);
    m_cancel->setEnabled(false);
    m_minimum->setTextInteractionFlags(Qt::TextSelectableByMouse);
    QFont bold = m_minimum->font();
    bold.setBold(true);
    m_minimum->setFont(bold);
    m_minimum->setAccessibleName(tr("Minimum libvirt"));
    m_status->setWordWrap(true);
    m_tree->setHeaderLabels({tr("Finding"), tr("Where")});
    m_tree->header()->setStretchLastSection(true);
    m_tree->setColumnWidth(0, 520);
    m_tree->setAccessibleName(tr("Scan findings"));
    m_source->setReadOnly(true);
    m_source->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_source->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_source->setAccessibleName(tr("Source line"));
    m_source->setMaximumHeight(m_source->fontMetrics().height() * 9);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addLayout(buttons);
    layout->addWidget(m_minimum);
    layout->addWidget(m_tree, 1);
    layout->addWidget(m_source);
    layout->addWidget(m_status);
    resize(900, 640);

    connect(browse, &QPushButton::clicked, this, [this] {
        const QString dir =
            QFileDialog::getExistingDirectory(this, tr("Folder to scan"), m_folder->text());
        if (!dir.isEmpty())
            m_folder->setText(dir);
    });
    connect(m_start, &QPushButton::clicked, this,
            [this] { start(m_folder->text(), m_target->text(), m_exclude->text()); });
    connect(m_cancel, &QPushButton::clicked, this, &ScanDialog::cancel);
    connect(m_tree, &QTreeWidget::currentItemChanged, this,
            [this](QTreeWidgetItem *item) { showFinding(item); });
    connect(m_tree, &QTreeWidget::itemActivated, this, [this](QTreeWidgetItem *item) {
        const QString symbol = item->data(0, SymbolRole).toString();
        if (!symbol.isEmpty())
            Q_EMIT itemRequested(symbol.section(QLatin1Char('.'), 0, 0));
    });
    connect(m_run, &IndexProgramRun::progress, this, [this](int done, int total) {
        m_progress->setRange(0, total);
        m_progress->setValue(done);
    });
    connect(m_run, &IndexProgramRun::finished, this, &ScanDialog::onFinished);
}

ScanDialog::~ScanDialog()
{
    m_run->disconnect(this);
    cancel();
    m_run->waitForFinished();
}

bool ScanDialog::isRunning() const
{
    return m_run->isRunning();
}

bool ScanDialog::start(const QString &folder, const QString &target, const QString &exclude)
{
    if (isRunning())
        return false;
    m_folder->setText(folder);
    m_target->setText(target);
    m_exclude->setText(exclude);
    static const QRegularExpression spaces(QStringLiteral("\\s+"));
    const QStringList patterns = exclude.split(spaces, Qt::SkipEmptyParts);
    for (const QString &pattern : patterns)
        if (!scan::isExcludePattern(pattern)) {
            m_status->setText(tr("'%1' is not a name or path pattern to leave out (such as tests or vendor/*).")
                                  .arg(pattern));
            return false;
        }
    Version max;
    if (!target.trimmed().isEmpty()) {
        // As the CLI reads a release: 6.0.0, v6.0.0, 9.0.0-4+deb12u2, bookworm.
        max = scan::readRelease(target).version;
        if (!max.isValid()) {
            m_status->setText(
                tr("'%1' is not a libvirt release number (such as 6.0.0).").arg(target));
            return false;
        }
    }
    if (!QFileInfo(folder).isDir()) {
        m_status->setText(tr("'%1' is not a folder.").arg(folder));
        return false;
    }
    m_tree->clear();
    m_source->clear();
    m_minimum->clear();
    m_status->setText(tr("Scanning\u2026"));
    m_progress->setRange(0, 0);
    m_start->setEnabled(false);
    m_cancel->setEnabled(true);
    // The index as the explorer shows it (--no-refresh: never rebuilt under
    // it); the target already checked above.
    QStringList args{QStringLiteral("--index"), m_indexPath, QStringLiteral("scan"), QStringLiteral("--format=json"),
                     QStringLiteral("--progress"), QStringLiteral("--no-refresh")};
    if (max.isValid())
        args << QStringLiteral("--target=") + max.toString();
    for (const QString &pattern : patterns)
        args << QStringLiteral("--exclude=") + pattern;
    // The findings in the window's language.
    if (const QString qm = translationFileForChildren(); !qm.isEmpty())
        args << QStringLiteral("--translations=") + qm;
    args << QStringLiteral("--") << folder;
    m_run->start(args);
    return true;
}

void ScanDialog::cancel()
{
    m_run->cancel();
}

QString ScanDialog::minimumText() const
{
    return m_minimum->text();
}

QString ScanDialog::statusText() const
{
    return m_status->text();
}

void ScanDialog::onFinished()
{
    m_start->setEnabled(true);
    m_cancel->setEnabled(false);
    m_progress->setRange(0, 1);
    m_progress->setValue(1);
    ScanOutcome report;
    if (m_run->wasCancelled()) {
        // A cancelled scan's partial answer would be wrong: show none.
        m_status->setText(tr("Cancelled."));
        Q_EMIT finished();
        return;
    }
    if (!ScanOutcome::fromJson(m_run->output(), &report)) {
        m_status->setText(tr("The scan failed: %1").arg(m_run->failure()));
        Q_EMIT finished();
        return;
    }
    if (report.minimumKnown) {
        m_minimum->setText(tr("Minimum libvirt: %1 (needed by %2)")
                               .arg(report.minimum, report.drivers.join(QStringLiteral(", "))));
    } else {
        m_minimum->setText(
            tr("Minimum libvirt: not determined (no unguarded use with a known since)"));
    }
    QHash<int, QTreeWidgetItem *> groups;
    for (const ScanOutcome::Finding &f : std::as_const(report.findings)) {
        QTreeWidgetItem *&group = groups[f.kind];
        if (!group) {
            group = new QTreeWidgetItem(m_tree, {f.title});
            group->setData(0, Qt::UserRole, f.kind);
        }
        auto *item = new QTreeWidgetItem(
            group, {f.message, QStringLiteral("%1:%2").arg(QFileInfo(f.file).fileName()).arg(f.line)});
        item->setData(0, SymbolRole, f.symbol);
        item->setData(0, FileRole, f.file);
        item->setData(0, LineRole, f.line);
        item->setToolTip(0, f.message);
    }
    for (QTreeWidgetItem *g : std::as_const(groups))
        g->setText(0, QStringLiteral("%1 (%2)").arg(g->text(0)).arg(g->childCount()));
    m_tree->sortItems(0, Qt::AscendingOrder);
    m_tree->expandAll();
    m_status->setText(tr("Scanned %n file(s)", nullptr, report.files) +
                      tr(", %n use(s)", nullptr, report.uses) +
                      (report.problems == 0 ? QString()
                                            : tr("; %n file(s) not scanned or only in part", nullptr,
                                                 report.problems)) +
                      (report.excluded == 0
                           ? QString()
                           : tr("; %n file(s) or folder(s) left out", nullptr, report.excluded)) +
                      (report.harmless == 0
                           ? QString()
                           : tr("; %n Python call(s) of unknown receiver not listed: whichever function they "
                                "mean, the answer stays",
                                nullptr, report.harmless)));
    Q_EMIT finished();
}

void ScanDialog::showFinding(QTreeWidgetItem *item)
{
    if (!item)
        return;
    m_tree->setCurrentItem(item);
    const QString file = item->data(0, FileRole).toString();
    const int line = item->data(0, LineRole).toInt();
    if (file.isEmpty() || line <= 0)
        return;
    QFile f(file);
    if (!f.open(QIODevice::ReadOnly) || f.size() > 16 * 1024 * 1024)
        return;
    m_source->setPlainText(QString::fromUtf8(f.readAll()));
    const QTextBlock block = m_source->document()->findBlockByNumber(line - 1);
    QTextCursor cursor(block);
    QTextEdit::ExtraSelection mark;
    mark.cursor = cursor;
    mark.format.setBackground(palette().highlight());
    mark.format.setForeground(palette().highlightedText());
    mark.format.setProperty(QTextFormat::FullWidthSelection, true);
    m_source->setExtraSelections({mark});
    m_source->setTextCursor(cursor);
    m_source->centerCursor();
}

} // namespace vse::gui
