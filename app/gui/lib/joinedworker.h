#pragma once

#include <QMetaObject>
#include <QObject>

#include <functional>
#include <memory>
#include <mutex>
#include <thread>

namespace vse::gui {

// Runs one job on a thread of its own and hands its result to a function on
// the GUI thread. Unlike QtConcurrent's pooled threads, which Qt detaches and
// which run their thread-local destructors (libvirt's and libxml2's
// per-thread state) after QThreadPool says they are done, this thread is
// joined: a finished job's thread is gone when its owner is destroyed, and
// no longer races with the process's exit handlers (a pooled thread that
// had read a live host was still ending while the process exited, and glibc
// once aborted on a corrupted heap there). A job still running when the
// owner goes (a remote host that does not answer) is left to finish
// alone: its result is dropped, and the window does not wait for it.
template<typename Result>
class JoinedWorker
{
public:
    explicit JoinedWorker(QObject *receiver) : m_receiver(receiver) {}
    ~JoinedWorker() { stop(); }
    JoinedWorker(const JoinedWorker &) = delete;
    JoinedWorker &operator=(const JoinedWorker &) = delete;

    // Starts `job`; `done` runs on the receiver's thread with its result,
    // unless another start() or the owner's end came first.
    void start(std::function<Result()> job, std::function<void(Result)> done)
    {
        stop();
        auto state = std::make_shared<State>();
        state->receiver = m_receiver;
        m_state = state;
        m_thread = std::thread([state, job = std::move(job), done = std::move(done)]() mutable {
            Result result = job();
            const std::lock_guard<std::mutex> lock(state->mutex);
            state->finished = true;
            if (!state->receiver)
                return;
            // Under the mutex: the receiver cannot be destroyed meanwhile
            // (its end clears `receiver` first), and Qt drops what is still
            // queued for it when it goes.
            QMetaObject::invokeMethod(
                state->receiver,
                [state, done = std::move(done), result = std::move(result)]() mutable {
                    if (!state->cancelled())
                        done(std::move(result));
                },
                Qt::QueuedConnection);
        });
    }

private:
    struct State
    {
        std::mutex mutex;
        QObject *receiver = nullptr; // cleared under mutex when the owner goes
        bool finished = false;
        bool cancelled()
        {
            const std::lock_guard<std::mutex> lock(mutex);
            return !receiver;
        }
    };
    void stop()
    {
        if (!m_thread.joinable())
            return;
        bool finished = false;
        {
            const std::lock_guard<std::mutex> lock(m_state->mutex);
            m_state->receiver = nullptr;
            finished = m_state->finished;
        }
        if (finished)
            m_thread.join(); // only its thread-local clean-up is left
        else
            m_thread.detach();
    }

    QObject *m_receiver;
    std::shared_ptr<State> m_state;
    std::thread m_thread;
};

} // namespace vse::gui
