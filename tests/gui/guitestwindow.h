#pragma once

// The explorer's main window on an existing index, as the GUI tests open it.
#include "appoptions.h"
#include "mainwindow.h"

#include <QSignalSpy>
#include <memory>

namespace vse::guitest {

// Shown, started without indexing, and back once its snapshot is installed;
// nullptr when that takes longer than `timeoutMs`.
inline std::unique_ptr<vse::gui::MainWindow> openWindow(const QString &indexPath, int timeoutMs = 60000)
{
    vse::gui::AppOptions o;
    o.indexPath = indexPath;
    o.noAutoIndex = true;
    auto w = std::make_unique<vse::gui::MainWindow>(o);
    w->show();
    QSignalSpy installed(w.get(), &vse::gui::MainWindow::snapshotInstalled);
    w->start();
    if (!installed.wait(timeoutMs))
        return nullptr;
    return w;
}

} // namespace vse::guitest
