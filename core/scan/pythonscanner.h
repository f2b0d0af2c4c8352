#pragma once

#include "pythonapimap.h"
#include "scanuse.h"

// The Python scanner of `scan`: every place Python code using libvirt-python
// touches libvirt (method calls mapped through the binding, libvirt.VIR_*
// constants, `from libvirt import ...`, module functions such as
// libvirt.open), with the guards around each use: hasattr/getattr presence
// checks, getLibVersion() comparisons (either branch) and try/except
// libvirtError fallbacks. Parsing is done by Python's own ast module through
// the helper the tool ships (pyhelper.h).
namespace vse::scan {

// One FileScan per file, in the order given. A file that does not parse, is
// binary or cannot be read gets one diagnostic (file:line) in its
// FileScan::problems and no uses; the others are scanned. Problems that stop
// the whole scan (no python3) go to `problems`.
QList<FileScan> scanPython(const QStringList &files, const PythonApiMap &map,
                           Diagnostics *problems);

// The .py files under a folder (recursively, sorted), or the file itself.
QStringList pythonFilesUnder(const QString &path);

} // namespace vse::scan
