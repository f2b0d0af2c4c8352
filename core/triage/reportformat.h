#pragma once

#include "triagereport.h"

#include <QString>

namespace vse {

// Renders a HostReport for people: plain text for a terminal, Markdown for a
// ticket, HTML (the same content) for a browser. JSON is HostReport::toJson().
// Verdicts come first: the summary, then each guest's verdict line with its
// evidence, then the configuration files, then notes and refused inputs.
enum class ReportFormat
{
    Text,
    Markdown,
    Html
};

QString renderReport(const HostReport &report, ReportFormat format);

} // namespace vse
