#pragma once

#include <QByteArray>
#include <QObject>
#include <QProcess>
#include <QStringList>

#include <memory>

namespace vse::gui {

// One run of `virt-support-index`, the CLI program linked with the
// extractors. The explorer builds indexes and scans projects through it
// instead of in its own process, so it never loads libclang / LLVM (some
// 50 MB resident) and a hostile input can at worst crash the child.
//
// The child prints progress on stderr as "[DONE/TOTAL] WHAT" lines (index,
// scan --progress) and its result as one JSON document on stdout. Other
// stderr lines are kept for the error message when the child fails without a result. cancel() kills
// the child: the index writer never leaves a damaged index (a new file is renamed into place only
// when complete, an in-place update is one SQLite transaction).
class IndexProgramRun final : public QObject
{
    Q_OBJECT
public:
    explicit IndexProgramRun(QObject *parent = nullptr);
    ~IndexProgramRun() override;

    // The program: $VSE_INDEX_PROGRAM, else beside the explorer, else where
    // `cmake --install` puts it (libexec/virt-support-explorer/), else the
    // build tree's. Empty when none is executable; `lookedAt` lists where.
    static QString programPath(QStringList *lookedAt = nullptr);

    // Starts `virt-support-index ARGS`; finished() follows in every case
    // (at once, queued, when the program cannot be started).
    void start(const QStringList &args);
    void cancel();
    bool isRunning() const;
    // Blocks until finished() has been emitted (tests, shutdown).
    void waitForFinished();

    bool wasCancelled() const { return m_cancelled; }
    int exitCode() const { return m_exitCode; }
    QByteArray output() const { return m_output; }
    // Why the run gave no usable result, for an error message: the program
    // missing or not startable, killed by a signal, or its last stderr lines.
    QString failure() const;
    QString program() const { return m_program; }

Q_SIGNALS:
    void progress(int done, int total, const QString &what);
    void finished();

private:
    struct Relay;

    QProcess *m_process = nullptr;
    QString m_program;
    QByteArray m_output;
    QByteArray m_errBuffer;
    QStringList m_messages;
    QString m_startError;
    int m_exitCode = -1;
    bool m_crashed = false;
    bool m_cancelled = false;
    bool m_done = true;
    std::shared_ptr<Relay> m_relay;

    void readErrors(bool flushAll);
    void onFinished(int exitCode, QProcess::ExitStatus status);
    void onError(QProcess::ProcessError error);
    void finish();
    void startRelay(QProcessEnvironment *env);
    void stopRelay();
};

} // namespace vse::gui
