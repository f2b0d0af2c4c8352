#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

namespace vse {

// What a computation over the file system looked at, so that a later run can
// tell "nothing it looked at changed" from one stat() per observation instead
// of running it again. The index freshness check uses it: deciding which
// input files a release has lists a dozen folders and probes a few dozen
// paths, which cost more than the query itself (core/index/freshnessstamp.h).
//
// While a Recorder lives on a thread, the functions below note each path
// they stat: a probed path (isFile / isDir / exists), a folder before it is
// listed (DirListing), an input file (noteFile). Each observation keeps the
// path's type, size, inode and modification time in nanoseconds, or that it
// was missing. A folder's time changes whenever an entry is added, removed or
// renamed in it, and a file's whenever it is written, so equal observations
// mean the same folders list the same names and the same files hold what
// they held. (Not seen: a symbolic link inside a listed folder whose target
// is replaced elsewhere, and changes of permissions; neither is how a
// release's files change.) Without a Recorder the functions only stat.
struct FsObservation
{
    QByteArray path; // as given to stat(), the file name's encoding
    bool exists = false;
    quint32 type = 0; // st_mode & S_IFMT
    qint64 size = 0;
    quint64 inode = 0;
    qint64 mtimeSec = 0; // st_mtim, as stat() gives it
    qint64 mtimeNsec = 0;

    // Stats `path` now (following symbolic links, as QFileInfo does).
    static FsObservation of(const QByteArray &path);
    bool sameState(const FsObservation &other) const;
};

class FsRecorder
{
public:
    FsRecorder();
    ~FsRecorder();
    FsRecorder(const FsRecorder &) = delete;
    FsRecorder &operator=(const FsRecorder &) = delete;

    const QList<FsObservation> &observations() const { return m_seen; }

    // The recorder of this thread, if any.
    static FsRecorder *current();
    void add(const FsObservation &o) { m_seen.append(o); }

private:
    FsRecorder *m_outer;
    QList<FsObservation> m_seen;
};

namespace FsWatch {
// QFileInfo(path).isFile() / isDir() / exists(), noted by the recorder.
bool isFile(const QString &path);
bool isDir(const QString &path);
bool exists(const QString &path);
// A folder about to be listed.
void noteFolder(const QByteArray &path);
// stat() of an input file, noted.
FsObservation statFile(const QByteArray &path);
} // namespace FsWatch

} // namespace vse
