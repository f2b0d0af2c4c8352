#include "startupprobe.h"

#include "checkxmldialog.h"
#include "indexcontroller.h"
#include "mainwindow.h"
#include "itemtablemodel.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QEvent>
#include <QFile>
#include <QPixmap>
#include <QTextStream>
#include <QTimer>

#include <algorithm>

#include <unistd.h>

namespace vse::gui {

namespace {
QElapsedTimer &mainClock()
{
    static QElapsedTimer clock;
    return clock;
}
} // namespace

void StartupProbe::markProcessStart()
{
    mainClock().start();
}

qint64 StartupProbe::msSinceMain()
{
    return mainClock().isValid() ? mainClock().elapsed() : -1;
}

qint64 StartupProbe::msSinceProcessStart()
{
    QFile stat(QStringLiteral("/proc/self/stat"));
    QFile uptime(QStringLiteral("/proc/uptime"));
    if (!stat.open(QIODevice::ReadOnly) || !uptime.open(QIODevice::ReadOnly))
        return -1;
    const QByteArray s = stat.readAll();
    // Field 22 (starttime) counts after the ")" that ends the command name.
    const QList<QByteArray> fields = s.mid(s.lastIndexOf(')') + 2).split(' ');
    if (fields.size() < 20)
        return -1;
    const double startTicks = fields.at(19).toDouble();
    const double up = uptime.readAll().split(' ').value(0).toDouble();
    const long hz = sysconf(_SC_CLK_TCK);
    return qint64(up * 1000.0 - startTicks * 1000.0 / double(hz));
}

qint64 StartupProbe::residentKiB()
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : status.readAll().split('\n'))
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').value(0).toLongLong();
    return -1;
}

QStringList StartupProbe::mappedFiles(const QList<QByteArray> &names)
{
    QFile maps(QStringLiteral("/proc/self/maps"));
    if (!maps.open(QIODevice::ReadOnly))
        return {};
    QStringList out;
    for (const QByteArray &line : maps.readAll().split('\n')) {
        const qsizetype slash = line.indexOf('/');
        if (slash < 0)
            continue;
        const QString file = QString::fromUtf8(line.mid(slash));
        const QByteArray base = line.mid(line.lastIndexOf('/') + 1);
        if (!out.contains(file) &&
            std::any_of(names.cbegin(), names.cend(), [&base](const QByteArray &n) { return base.startsWith(n); }))
            out << file;
    }
    return out;
}

StartupProbe::StartupProbe(MainWindow *window, const AppOptions &options)
    : QObject(window)
    , m_window(window)
    , m_options(options)
{
    if (m_options.screenshotPath.isEmpty() && !m_options.benchmarkStartup)
        return;
    m_window->installEventFilter(this);
    connect(m_window, &MainWindow::snapshotInstalled, this, &StartupProbe::onLoaded);
    // No index and nothing to index (or indexing failed): still produce the
    // picture of the window's empty state rather than wait forever.
    connect(m_window->controller(), &IndexController::busyChanged, this, [this](bool busy) {
        if (!busy)
            QTimer::singleShot(200, this, [this] {
                if (!m_loaded && !m_window->controller()->isBusy())
                    finish();
            });
    });
}

bool StartupProbe::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_window && event->type() == QEvent::Paint && m_firstPaintMain < 0) {
        m_firstPaintMain = msSinceMain();
        m_firstPaintProcess = msSinceProcessStart();
    }
    return QObject::eventFilter(watched, event);
}

void StartupProbe::onLoaded()
{
    if (m_loaded)
        return;
    m_loaded = true;
    // --check-xml: the picture is of the dialog, once its check is done.
    if (auto *dialog = m_window->findChild<CheckXmlDialog *>(); dialog && !m_options.checkXml.isEmpty()) {
        m_grab = dialog;
        if (dialog->isChecking())
            connect(dialog, &CheckXmlDialog::checked, this, [this] { QTimer::singleShot(50, this, &StartupProbe::finish); });
        else
            QTimer::singleShot(50, this, &StartupProbe::finish);
        return;
    }
    // Let the table paint with the data before measuring or grabbing.
    QTimer::singleShot(50, this, &StartupProbe::finish);
}

void StartupProbe::finish()
{
    QTextStream out(stdout);
    if (m_options.benchmarkStartup) {
        const auto snap = m_window->snapshot();
        out << "startup: first paint " << m_firstPaintMain << " ms after main(), " << m_firstPaintProcess
            << " ms after process start\n";
        out << "startup: index loaded and shown " << msSinceMain() << " ms after main() ("
            << (snap ? snap->summaries().size() : 0) << " items)\n";
        out << "startup: resident memory " << residentKiB() / 1024 << " MB (VmRSS)\n";
        // Indexing and scanning run in virt-support-index: none of these
        // belongs in the explorer's process.
        const QStringList extractors = mappedFiles({"libclang", "libLLVM", "libelf"});
        out << "startup: libclang, LLVM or libelf mapped: "
            << (extractors.isEmpty() ? QStringLiteral("none") : extractors.join(QStringLiteral(", "))) << '\n';
    }
    int code = 0;
    if (!m_options.screenshotPath.isEmpty()) {
        QWidget *shown = m_grab ? m_grab.data() : m_window->screenshotTarget();
        if (!shown->grab().save(m_options.screenshotPath)) {
            QTextStream(stderr) << "cannot write " << m_options.screenshotPath << '\n';
            code = 1;
        }
    }
    out.flush();
    QCoreApplication::exit(code);
}

} // namespace vse::gui
