#pragma once

#include "model/diagnostic.h"

#include <QJsonObject>
#include <QStringList>

#include <optional>

// Runs the Python helper the tool ships (resources/scan/vse-pyscan.py,
// compiled into the program) with the system's python3, so Python code is
// read by Python's own parser. The helper is given to `python3 -I -c` and
// the file names on stdin: no file to locate, no user site or PYTHON*
// variables, no argument-length limit.
namespace vse::scan {

// mode: "scan" or "binding". Returns the helper's JSON document; nullopt
// (with one diagnostic saying why) when python3 is missing, fails or does
// not answer in time.
// `options` go before the file list (scan: --methods=a,b,...).
std::optional<QJsonObject> runPythonHelper(const QString &mode, const QStringList &files,
                                           Diagnostics *problems, const QStringList &options = {});

// The helper's source, as compiled in.
QByteArray pythonHelperSource();

} // namespace vse::scan
