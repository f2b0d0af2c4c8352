#pragma once

#include <QCoreApplication>
#include <QString>
#include <QStringList>

namespace vse::gui {

// Command-line options of the explorer.
struct AppOptions
{
    Q_DECLARE_TR_FUNCTIONS(vse::gui::AppOptions)
public:
    QString indexPath;       // --index PATH; empty: Store::defaultPath()
    QString screenshotPath;  // --screenshot FILE: render the window once the index is loaded, then exit
    QString select;          // --select NAME: show this item (with --screenshot, or at start)
    QString search;          // --search TEXT: initial search text
    QString mustSupport;     // --must-support VERSION: initial target release
    QString newerThan;       // --newer-than VERSION: start by showing only what is newer than it
    QString checkXml;        // --check-xml FILE: open Check domain XML on this file (with --screenshot: its picture)
    bool benchmarkStartup = false; // --benchmark-startup: print start-up figures and exit
    bool noAutoIndex = false;      // --no-auto-index: never start indexing by itself
    bool guide = false;            // --guide: open the policy guide once the index is loaded
    bool present = false;          // --present: start the presentation (full screen) once loaded
    QString exportGuidePath;       // --export-guide FILE.pdf: write the policy guide's PDF once loaded, then exit
    quint32 selfCheckSeed = 0;     // --self-check N: start quiz number N once loaded (0: no)
    bool help = false;             // --help / -h: print the usage and exit
    bool version = false;          // --version: print the version and exit

    // Parses the arguments; false with `error` set on a usage error.
    static bool parse(const QStringList &arguments, AppOptions *options, QString *error);
    static QString usage();
};

} // namespace vse::gui
