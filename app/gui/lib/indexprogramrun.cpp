#include "indexprogramrun.h"

#include "index/testhook.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QThread>
#include <QTimer>

#include <atomic>
#include <thread>

namespace vse::gui {

namespace {

// Lines of the child's stderr kept for an error message.
constexpr int kKeptMessages = 8;

} // namespace

// Relays the child's hold at the indexer's "read" point (VSE_TEST_HOLD) to
// the test hook of this process, on a thread of its own as the in-process
// Indexer would have reached it. Only runs while a hook is installed.
struct IndexProgramRun::Relay
{
    QTemporaryDir dir;
    QString marker;
    std::atomic_bool stop{false};
    std::thread thread;
};

IndexProgramRun::IndexProgramRun(QObject *parent) : QObject(parent) {}

IndexProgramRun::~IndexProgramRun()
{
    if (m_process) {
        m_process->disconnect(this);
        m_process->kill();
        m_process->waitForFinished(5000);
    }
    stopRelay();
}

QString IndexProgramRun::programPath(QStringList *lookedAt)
{
    QStringList candidates;
    const QString fromEnv = qEnvironmentVariable("VSE_INDEX_PROGRAM");
    if (!fromEnv.isEmpty()) {
        candidates << fromEnv;
    } else {
        const QString dir = QCoreApplication::applicationDirPath();
        candidates
            << dir + QStringLiteral("/virt-support-index")
            << QFileInfo(dir + QStringLiteral("/" VSE_CLI_HELPER_FROM_BINDIR)).absoluteFilePath();
#ifdef VSE_INDEX_PROGRAM_BUILD
        // The build tree, where the explorer, the CLI and the tests each
        // have their own folder.
        candidates << QStringLiteral(VSE_INDEX_PROGRAM_BUILD);
#endif
    }
    if (lookedAt)
        *lookedAt = candidates;
    for (const QString &c : std::as_const(candidates)) {
        const QFileInfo fi(c);
        if (fi.isFile() && fi.isExecutable())
            return fi.absoluteFilePath();
    }
    return {};
}

void IndexProgramRun::start(const QStringList &args)
{
    Q_ASSERT(m_done);
    m_output.clear();
    m_errBuffer.clear();
    m_messages.clear();
    m_startError.clear();
    m_exitCode = -1;
    m_crashed = false;
    m_cancelled = false;
    m_done = false;
    QStringList lookedAt;
    m_program = programPath(&lookedAt);
    if (m_program.isEmpty()) {
        m_startError = tr("the indexing program virt-support-index is missing (looked for %1)")
                           .arg(lookedAt.join(QStringLiteral(", ")));
        QTimer::singleShot(0, this, &IndexProgramRun::finish);
        return;
    }
    if (m_process) {
        // Possibly the sender of the signal being handled: not deleted here.
        m_process->disconnect(this);
        m_process->deleteLater();
    }
    m_process = new QProcess(this);
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    startRelay(&env);
    m_process->setProcessEnvironment(env);
    m_process->setStandardInputFile(QProcess::nullDevice());
    connect(m_process, &QProcess::readyReadStandardOutput, this,
            [this] { m_output += m_process->readAllStandardOutput(); });
    connect(m_process, &QProcess::readyReadStandardError, this, [this] { readErrors(false); });
    connect(m_process, &QProcess::finished, this, &IndexProgramRun::onFinished);
    connect(m_process, &QProcess::errorOccurred, this, &IndexProgramRun::onError);
    m_process->start(m_program, args);
}

void IndexProgramRun::cancel()
{
    if (m_done || m_cancelled)
        return;
    m_cancelled = true;
    // finished() follows once the child is gone (never from here: the
    // caller may be in the middle of something that expects it later).
    if (m_process && m_process->state() != QProcess::NotRunning)
        m_process->kill();
}

bool IndexProgramRun::isRunning() const
{
    return !m_done;
}

void IndexProgramRun::waitForFinished()
{
    if (m_done)
        return;
    if (m_process && m_process->state() != QProcess::NotRunning)
        m_process->waitForFinished(-1);
    // finished() may still be queued (a start failure, a finished signal
    // not yet delivered): deliver it now.
    QCoreApplication::sendPostedEvents(this);
    if (!m_done && m_process && m_process->state() == QProcess::NotRunning)
        onFinished(m_process->exitCode(), m_process->exitStatus());
    if (!m_done)
        finish();
}

QString IndexProgramRun::failure() const
{
    if (!m_startError.isEmpty())
        return m_startError;
    QString text = m_crashed ? tr("%1 stopped unexpectedly").arg(QFileInfo(m_program).fileName())
                             : tr("%1 ended with exit code %2 and no result")
                                   .arg(QFileInfo(m_program).fileName())
                                   .arg(m_exitCode);
    if (!m_messages.isEmpty())
        text += QStringLiteral(": ") + m_messages.join(QStringLiteral("; "));
    return text;
}

void IndexProgramRun::readErrors(bool flushAll)
{
    static const QRegularExpression progressLine(QStringLiteral("^\\[(\\d+)/(\\d+)\\] (.*)$"));
    m_errBuffer += m_process->readAllStandardError();
    if (flushAll && !m_errBuffer.isEmpty() && !m_errBuffer.endsWith('\n'))
        m_errBuffer += '\n';
    qsizetype eol;
    while ((eol = m_errBuffer.indexOf('\n')) >= 0) {
        const QString line = QString::fromUtf8(m_errBuffer.left(eol));
        m_errBuffer.remove(0, eol + 1);
        const auto m = progressLine.match(line);
        if (m.hasMatch()) {
            if (!m_cancelled)
                Q_EMIT progress(m.captured(1).toInt(), m.captured(2).toInt(), m.captured(3));
            continue;
        }
        if (line.trimmed().isEmpty())
            continue;
        m_messages << line;
        if (m_messages.size() > kKeptMessages)
            m_messages.removeFirst();
    }
}

void IndexProgramRun::onFinished(int exitCode, QProcess::ExitStatus status)
{
    if (m_done)
        return;
    m_output += m_process->readAllStandardOutput();
    readErrors(true);
    m_exitCode = exitCode;
    m_crashed = status == QProcess::CrashExit;
    finish();
}

void IndexProgramRun::onError(QProcess::ProcessError error)
{
    // Only a failed start gets no finished signal; crashes are told there.
    if (error != QProcess::FailedToStart || m_done)
        return;
    m_startError = tr("cannot run %1: %2").arg(m_program, m_process->errorString());
    finish();
}

void IndexProgramRun::finish()
{
    if (m_done)
        return;
    m_done = true;
    stopRelay();
    Q_EMIT finished();
}

void IndexProgramRun::startRelay(QProcessEnvironment *env)
{
    if (!testhook::hasHook())
        return;
    auto relay = std::make_shared<Relay>();
    if (!relay->dir.isValid())
        return;
    relay->marker = relay->dir.filePath(QStringLiteral("read.held"));
    env->insert(QStringLiteral("VSE_TEST_HOLD"), QStringLiteral("read:") + relay->marker);
    Relay *r = relay.get();
    relay->thread = std::thread([r] {
        while (!r->stop.load()) {
            if (QFileInfo::exists(r->marker)) {
                testhook::reached("read");
                QFile::remove(r->marker);
            } else {
                QThread::msleep(5);
            }
        }
    });
    m_relay = std::move(relay);
}

void IndexProgramRun::stopRelay()
{
    if (!m_relay)
        return;
    m_relay->stop.store(true);
    // Returns once a test's hook lets go (the hook decides how long the
    // child is held; a test releases it before it waits for the result).
    m_relay->thread.join();
    QFile::remove(m_relay->marker);
    m_relay.reset();
}

} // namespace vse::gui
