#pragma once

#include "model/diagnostic.h"

#include <QByteArray>
#include <QString>

#include <memory>

namespace vse {

// The one way the indexer and the checker open an input file. A source tree
// is untrusted (a customer's tarball, a downloaded release): every file read
// from it must resolve inside its root after symlinks and "..", must be a
// regular file (a FIFO with no writer or /dev/zero would hang the reader) and
// must be at most kMaxFileSize bytes. A refused file is never opened for
// reading: references that leave the root lexically are refused before any
// system call, symlinks that lead out are stopped by the kernel (openat2 with
// RESOLVE_BENEATH; where that is unavailable, realpath plus a check of the
// opened descriptor through /proc/self/fd), and the file type and size are
// checked on an O_PATH descriptor before the file itself is opened.
// The environment variable VSE_NO_OPENAT2 forces the fallback (tests).
//
// The root "/" (the installed libvirt, or a file a user names on the command
// line) confines nothing but keeps the regular-file and size rules.
class SourceRoot
{
public:
    // One limit for every input; libvirt's largest source file (a driver or a
    // format page) is under 2 MiB.
    static constexpr qint64 kMaxFileSize = 16 * 1024 * 1024;

    // root need not be canonical; an empty root means "/".
    explicit SourceRoot(const QString &root = QStringLiteral("/"));

    QString path() const { return m_root; }
    bool confines() const { return m_root != QLatin1String("/"); }
    // Paths may be absolute or relative to the working directory.
    // Whether path, lexically (without touching the file system beyond the
    // root's own canonical form), lies inside the root.
    bool lexicallyInside(const QString &path) const;

    // The whole file, or false with *why set (a sentence naming the file and
    // the rule it broke; the caller adds where the reference was made).
    bool read(const QString &path, QByteArray *data, QString *why) const;
    // The same, reported as an error diagnostic blamed on fromFile:fromLine
    // (the file and line that named path) or on path itself.
    bool read(const QString &path, QByteArray *data, Diagnostics *diagnostics,
              const QString &fromFile = {}, int fromLine = 0) const;

    // A read-only descriptor of a regular file inside the root (the caller
    // closes it), or -1 with *why set. *size receives the file's size.
    int openRegular(const QString &path, qint64 *size, QString *why) const;

private:
    static int openNamed(const QString &path, const QByteArray &absName, qint64 *size, QString *why);

    QString m_root; // canonical, no trailing slash except for "/"
    std::shared_ptr<int> m_dirFd;
};

} // namespace vse
