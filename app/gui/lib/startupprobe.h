#pragma once

#include "appoptions.h"

#include <QObject>
#include <QPointer>
#include <QWidget>

namespace vse::gui {

class MainWindow;

// Serves --screenshot and --benchmark-startup: watches the window for its
// first paint and for the loaded index, then saves a picture or prints the
// start-up figures (milliseconds, resident memory) and quits.
class StartupProbe final : public QObject
{
    Q_OBJECT
public:
    StartupProbe(MainWindow *window, const AppOptions &options);

    // Call first thing in main(): the reference point for "ms after main()".
    static void markProcessStart();
    static qint64 msSinceMain();
    // Milliseconds since the kernel started the process (/proc, 10 ms steps); -1 if unknown.
    static qint64 msSinceProcessStart();
    // VmRSS of this process in KiB, from /proc/self/status; -1 if unknown.
    static qint64 residentKiB();
    // The file names of this process's mappings (/proc/self/maps) that
    // contain one of `names`, each once: what is loaded that should not be.
    static QStringList mappedFiles(const QList<QByteArray> &names);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    MainWindow *m_window;
    AppOptions m_options;
    qint64 m_firstPaintMain = -1;
    qint64 m_firstPaintProcess = -1;
    bool m_loaded = false;
    QPointer<QWidget> m_grab; // what --screenshot saves when not the window (the Check domain XML dialog)

    void onLoaded();
    void finish();
};

} // namespace vse::gui
