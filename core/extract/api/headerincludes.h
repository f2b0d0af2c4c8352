#pragma once

#include "io/confinedfile.h"
#include "model/diagnostic.h"

#include <QStringList>

namespace vse {

// libclang opens the files a header #includes by itself, so a hostile source
// tree could make it read /etc/passwd or hang on /dev/zero. Before the headers
// reach libclang, this follows every #include of the entry headers (and of
// the headers they reach inside the tree) and refuses: an absolute path
// outside the root and the system include folders, a name whose ".." leads
// out of the root, and a header that resolves outside the root, is not a
// regular file or is over the size limit (read through SourceRoot). Names not
// found in the tree are system headers, left to libclang's own search path.
// Errors name the including file and line.
Diagnostics checkHeaderIncludes(const QStringList &entryHeaders, const QString &includeDir,
                                const SourceRoot &root);

} // namespace vse
