#include "fswatch.h"

#include <QFile>

#include <sys/stat.h>

namespace vse {

namespace {
thread_local FsRecorder *t_recorder = nullptr;

FsObservation observe(const QString &path)
{
    const FsObservation o = FsObservation::of(QFile::encodeName(path));
    if (FsRecorder *r = FsRecorder::current())
        r->add(o);
    return o;
}
} // namespace

FsObservation FsObservation::of(const QByteArray &path)
{
    FsObservation o;
    o.path = path;
    struct stat st = {};
    if (::stat(path.constData(), &st) != 0)
        return o;
    o.exists = true;
    o.type = st.st_mode & S_IFMT;
    o.size = qint64(st.st_size);
    o.inode = quint64(st.st_ino);
    o.mtimeSec = qint64(st.st_mtim.tv_sec);
    o.mtimeNsec = qint64(st.st_mtim.tv_nsec);
    return o;
}

bool FsObservation::sameState(const FsObservation &other) const
{
    return exists == other.exists && type == other.type && size == other.size && inode == other.inode &&
           mtimeSec == other.mtimeSec && mtimeNsec == other.mtimeNsec;
}

FsRecorder::FsRecorder()
    : m_outer(t_recorder)
{
    t_recorder = this;
}

FsRecorder::~FsRecorder()
{
    t_recorder = m_outer;
}

FsRecorder *FsRecorder::current()
{
    return t_recorder;
}

namespace FsWatch {

bool isFile(const QString &path)
{
    return !path.isEmpty() && observe(path).type == S_IFREG;
}

bool isDir(const QString &path)
{
    return !path.isEmpty() && observe(path).type == S_IFDIR;
}

bool exists(const QString &path)
{
    return !path.isEmpty() && observe(path).exists;
}

void noteFolder(const QByteArray &path)
{
    if (FsRecorder *r = FsRecorder::current())
        r->add(FsObservation::of(path));
}

FsObservation statFile(const QByteArray &path)
{
    const FsObservation o = FsObservation::of(path);
    if (FsRecorder *r = FsRecorder::current())
        r->add(o);
    return o;
}

} // namespace FsWatch

} // namespace vse
