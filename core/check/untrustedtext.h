#pragma once

#include "model/diagnostic.h"

#include <QString>

namespace vse {

// A text file a user hands to a checker (a configuration file, a shell
// script): opened through SourceRoot (regular files only, so a FIFO or a
// device cannot hang the reader; nothing opened for reading before its type
// and size are checked), at most maxSize bytes, no NUL byte, valid UTF-8.
// false with one error diagnostic naming the file (and the line for bad
// bytes) when refused; every message says "refused" or why it cannot be read.
bool readUntrustedText(const QString &path, qint64 maxSize, const QString &whatItShouldBe,
                       QString *text, Diagnostics *diagnostics);

} // namespace vse
