#pragma once

#include "cscanner.h"
#include "excludepattern.h"
#include "scanuse.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <atomic>
#include <functional>

namespace vse::scan {

// The files a `scan PATH...` covers: C/C++ sources and headers, Python
// files, and XML files whose root element is <domain> (for check-xml).
// Folders are walked recursively, skipping hidden folders and build output
// (.git, build*, node_modules); files given by name are taken as they are.
struct ProjectFiles
{
    QStringList roots; // canonical folders whose files are the application
    QStringList c;
    QStringList python;
    QStringList domainXml;
    Diagnostics problems; // paths that do not exist or cannot be read
    int excluded = 0;     // files and folders left out by an exclude pattern
};

// `exclude`: shell patterns (`*`, `?`, `[...]`; `*` stays within one path
// segment). One without '/' matches the name of a file or folder at any
// depth (`tests`, `*_test.py`); one with '/' the path below the folder
// given (`virtManager/lib/testmock.py`, `vendor/*`). A folder that matches
// is not entered. Files named on the command line are always taken.
ProjectFiles collectProjectFiles(const QStringList &paths, const QStringList &exclude = {});


// Every language scanner over the project's files.
struct ProjectScanOptions
{
    QString compileCommands;
    std::atomic<bool> *cancel = nullptr;
    std::function<void(int done, int total, const QString &file)> progress;
};
QList<FileScan> scanProject(const ProjectFiles &files, const ProjectScanOptions &options,
                            Diagnostics *problems);

} // namespace vse::scan
