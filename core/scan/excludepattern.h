#pragma once

#include <QString>

namespace vse::scan {

// Whether `pattern` is one collectProjectFiles() can take (not empty, a
// shell pattern that compiles): the command line and the explorer's scan
// dialog refuse the others before scanning. In a file of its own: the
// explorer links it without the scanners, and so without libclang.
bool isExcludePattern(const QString &pattern);

} // namespace vse::scan
