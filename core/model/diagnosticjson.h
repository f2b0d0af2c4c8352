#pragma once

#include "diagnostic.h"

#include <QJsonArray>
#include <QJsonObject>

namespace vse {

// A diagnostic as JSON, for a program that reads another one's problems
// (the explorer reading `virt-support index --json`) without parsing
// "file:line: error: message" text, where a file name may hold a colon:
// {"severity": "error"|"warning", "file", "line", "column", "message"}.
QJsonObject diagnosticToJson(const Diagnostic &d);
Diagnostic diagnosticFromJson(const QJsonObject &o);

QJsonArray diagnosticsToJson(const Diagnostics &diagnostics);
Diagnostics diagnosticsFromJson(const QJsonArray &array);

} // namespace vse
