#include "checkxmldialog.h"

#include "check/libxmlmemory.h"
#include "io/confinedfile.h"

#include "xmlcheckrunner.h"

#include <QDialogButtonBox>
#include <QDir>
#include <QFileInfo>
#include <QFile>
#include <QFontDatabase>
#include <QFileDialog>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSplitter>
#include <QTextBrowser>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

namespace vse::gui {

CheckXmlDialog::CheckXmlDialog(SnapshotPtr snapshot, Version target, QWidget *parent, const QString &targetText)
    : QDialog(parent)
    , m_snapshot(std::move(snapshot))
    , m_target(target)
    , m_name(tr("pasted XML"))
    , m_input(new QPlainTextEdit(this))
    , m_report(new QTextBrowser(this))
    , m_check(new QPushButton(tr("&Check"), this))
{
    setWindowTitle(tr("Check domain XML"));
    auto *intro = new QLabel(target.isValid() ? tr("Paste a libvirt XML document or open a file. Target release: %1.")
                                                    .arg(targetText.isEmpty() ? target.toString() : targetText)
                                              : tr("Paste a libvirt XML document or open a file."),
                             this);
    intro->setWordWrap(true);
    m_input->setAccessibleName(tr("XML to check"));
    m_input->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_report->setAccessibleName(tr("Check findings"));
    m_report->setOpenLinks(false);
    connect(m_report, &QTextBrowser::anchorClicked, this, [this](const QUrl &url) {
        if (url.scheme() == QLatin1String("vse") && url.path().startsWith(QLatin1String("name/")))
            Q_EMIT itemRequested(url.path().mid(5));
        else if (url.scheme().isEmpty() && url.hasFragment()) // a folder's summary row
            m_report->scrollToAnchor(url.fragment());
    });
    auto *open = new QPushButton(tr("&Open file\u2026"), this);
    connect(open, &QPushButton::clicked, this, &CheckXmlDialog::openFile);
    auto *openFolderButton = new QPushButton(tr("Open fol&der\u2026"), this);
    m_openButtons = {open, openFolderButton};
    connect(openFolderButton, &QPushButton::clicked, this, [this] {
        const QString dir = QFileDialog::getExistingDirectory(this, tr("Check every *.xml of a folder"));
        if (!dir.isEmpty())
            openPath(dir);
    });
    connect(m_check, &QPushButton::clicked, this, &CheckXmlDialog::runCheck);
    connect(&m_watcher, &QFutureWatcherBase::finished, this, [this] {
        setBusy(false);
        m_report->setHtml(XmlCheckRunner::reportHtml(m_watcher.result(), m_target));
        Q_EMIT checked();
    });
    connect(&m_folderWatcher, &QFutureWatcherBase::finished, this, [this] {
        setBusy(false);
        m_report->setHtml(m_folderWatcher.result());
        Q_EMIT checked();
    });
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    buttons->addButton(open, QDialogButtonBox::ActionRole);
    buttons->addButton(openFolderButton, QDialogButtonBox::ActionRole);
    buttons->addButton(m_check, QDialogButtonBox::ActionRole);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *split = new QSplitter(Qt::Vertical, this);
    split->addWidget(m_input);
    split->addWidget(m_report);
    split->setStretchFactor(1, 2); // the verdict and findings matter more than the pasted text
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addWidget(split, 1);
    layout->addWidget(buttons);
    resize(820, 620);
}

void CheckXmlDialog::setXml(const QString &xml, const QString &name)
{
    m_folderFiles.clear();
    m_input->setPlainText(xml);
    m_name = name.isEmpty() ? tr("pasted XML") : name;
}

void CheckXmlDialog::openFile()
{
    const QString path = QFileDialog::getOpenFileName(this, tr("Open libvirt XML"), {}, tr("XML files (*.xml);;All files (*)"));
    if (!path.isEmpty())
        openPath(path);
}

// One check at a time (its report would overwrite the other's): what would
// start another is disabled until the report is shown.
void CheckXmlDialog::setBusy(bool busy)
{
    m_check->setEnabled(!busy);
    for (QPushButton *b : std::as_const(m_openButtons))
        b->setEnabled(!busy);
}

void CheckXmlDialog::showProblem(const QString &text)
{
    m_report->setHtml(QStringLiteral("<p>") + text.toHtmlEscaped() + QStringLiteral("</p>"));
}

bool CheckXmlDialog::openPath(const QString &path)
{
    if (isChecking()) {
        // Not reachable from the dialog's buttons (setBusy); said rather than
        // dropped for any other caller.
        showProblem(tr("Cannot check %1 yet: wait for the report of the check that is running.").arg(path));
        return false;
    }
    const QFileInfo info(path);
    if (!info.exists()) {
        showProblem(tr("Cannot check %1: there is no such file or folder.").arg(path));
        return false;
    }
    if (info.isDir())
        return openFolder(path);
    // Regular files only, within the one size limit: a FIFO would freeze the window.
    QByteArray data;
    QString why;
    if (!vse::SourceRoot().read(path, &data, &why)) {
        showProblem(tr("Cannot check %1: %2").arg(path, why));
        return false;
    }
    setXml(QString::fromUtf8(data), path);
    runCheck();
    return true;
}

bool CheckXmlDialog::openFolder(const QString &path)
{
    const QDir dir(path);
    const QStringList names = dir.entryList({QStringLiteral("*.xml")}, QDir::Files | QDir::Readable, QDir::Name);
    if (names.isEmpty()) {
        showProblem(tr("Cannot check %1: the folder has no *.xml file (subfolders are not searched).").arg(path));
        return false;
    }
    QStringList files;
    for (const QString &n : names)
        files << dir.filePath(n);
    m_input->setPlainText(files.join(QLatin1Char('\n')));
    m_name = path;
    m_folderFiles = files;
    startFolderCheck();
    return true;
}

void CheckXmlDialog::startFolderCheck()
{
    setBusy(true);
    m_report->setHtml(QStringLiteral("<p>") +
                      tr("Checking %n file(s)\u2026", nullptr, int(m_folderFiles.size())).toHtmlEscaped() +
                      QStringLiteral("</p>"));
    m_folderWatcher.setFuture(QtConcurrent::run([snapshot = m_snapshot, files = m_folderFiles, target = m_target] {
        // libxml2's small blocks reused from one file to the next.
        const LibxmlBlockCache blocks;
        return XmlCheckRunner::folderHtml(snapshot, files, target);
    }));
}

void CheckXmlDialog::runCheck()
{
    if (isChecking())
        return;
    // The input lists a folder's files: check them again, not the list as XML.
    if (!m_folderFiles.isEmpty() && m_input->toPlainText() == m_folderFiles.join(QLatin1Char('\n'))) {
        startFolderCheck();
        return;
    }
    m_folderFiles.clear();
    setBusy(true);
    m_report->setHtml(QStringLiteral("<p>") + tr("Checking\u2026").toHtmlEscaped() + QStringLiteral("</p>"));
    const QByteArray xml = m_input->toPlainText().toUtf8();
    m_watcher.setFuture(QtConcurrent::run(
        [snapshot = m_snapshot, xml, name = m_name, target = m_target] {
            return XmlCheckRunner::check(snapshot, xml, name, target);
        }));
}

QString CheckXmlDialog::reportText() const
{
    return m_report->toPlainText();
}

} // namespace vse::gui
