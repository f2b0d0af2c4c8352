#include "freshnessstamp.h"

#include "historyapplier.h"

#include <QFile>
#include <QHash>

#include <cerrno>
#include <charconv>
#include <cstring>
#include <ctime>
#include <fcntl.h>
#include <unistd.h>

namespace vse {

namespace {

constexpr char kStampMagic[] = "virt-support-explorer freshness 1";
// Far more than any release's inputs (a source tree: ~2 000 lines of ~100 bytes).
constexpr qint64 kMaxSize = 4 << 20;
// Coarser than any file system clock tick (FAT's is 2 s).
constexpr qint64 kSettleSeconds = 3;

void appendNumber(QByteArray &out, qint64 n)
{
    char digits[24];
    const auto r = std::to_chars(digits, digits + sizeof digits, n);
    out.append(digits, r.ptr - digits);
    out.append(' ');
}

// "o EXISTS TYPE SIZE INODE SEC NSEC PATH": the path last, as it may hold spaces.
void appendObservation(QByteArray &out, const FsObservation &o)
{
    out.append("o ");
    appendNumber(out, o.exists ? 1 : 0);
    appendNumber(out, o.type);
    appendNumber(out, o.size);
    appendNumber(out, qint64(o.inode));
    appendNumber(out, o.mtimeSec);
    appendNumber(out, o.mtimeNsec);
    out.append(o.path);
    out.append('\n');
}

bool parseObservation(const char *p, const char *end, FsObservation *o)
{
    if (end - p < 2 || p[0] != 'o' || p[1] != ' ')
        return false;
    p += 2;
    qint64 fields[6];
    for (qint64 &f : fields) {
        const auto r = std::from_chars(p, end, f);
        if (r.ec != std::errc() || r.ptr == end || *r.ptr != ' ')
            return false;
        p = r.ptr + 1;
    }
    o->exists = fields[0] != 0;
    o->type = quint32(fields[1]);
    o->size = fields[2];
    o->inode = quint64(fields[3]);
    o->mtimeSec = fields[4];
    o->mtimeNsec = fields[5];
    o->path = QByteArray(p, end - p);
    return !o->path.isEmpty();
}

bool readSmallFile(const QByteArray &path, QByteArray *out)
{
    const int fd = ::open(path.constData(), O_RDONLY | O_CLOEXEC | O_NOFOLLOW);
    if (fd < 0)
        return false;
    char buf[16384];
    bool ok = true;
    for (;;) {
        const ssize_t n = ::read(fd, buf, sizeof buf);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0) {
            ok = n == 0;
            break;
        }
        out->append(buf, n);
        if (out->size() > kMaxSize) {
            ok = false;
            break;
        }
    }
    ::close(fd);
    return ok;
}

} // namespace

QString FreshnessStamp::pathFor(const QString &indexPath)
{
    return indexPath + QStringLiteral(".fresh");
}

bool FreshnessStamp::confirms(const QString &indexPath)
{
    QByteArray data;
    if (!readSmallFile(QFile::encodeName(pathFor(indexPath)), &data))
        return false;
    const QByteArray digest = "digest " + HistoryApplier::indexDigest().toUtf8();
    const QByteArray index = QFile::encodeName(indexPath);
    int line = 0;
    bool sawIndex = false;
    for (qsizetype at = 0; at < data.size();) {
        const qsizetype eol = data.indexOf('\n', at);
        if (eol < 0)
            return false; // cut short
        const char *p = data.constData() + at;
        const char *end = data.constData() + eol;
        at = eol + 1;
        const QByteArrayView text(p, end - p);
        if (line++ == 0) {
            if (text != QByteArrayView(kStampMagic))
                return false;
            continue;
        }
        if (line == 2) {
            if (text != digest)
                return false;
            continue;
        }
        FsObservation then;
        if (!parseObservation(p, end, &then))
            return false;
        // The first observation is the index file itself: the note is about it.
        if (line == 3) {
            if (then.path != index)
                return false;
            sawIndex = true;
        }
        if (!FsObservation::of(then.path).sameState(then))
            return false;
    }
    return sawIndex;
}

void FreshnessStamp::write(const QString &indexPath, const FsObservation &index, const QList<FsObservation> &observed)
{
    // The index must be the one that was checked, unchanged meanwhile.
    if (!index.exists || !FsObservation::of(index.path).sameState(index))
        return;
    QByteArray out(kStampMagic);
    out.append('\n');
    out.append("digest " + HistoryApplier::indexDigest().toUtf8() + '\n');
    appendObservation(out, index);
    // A file or folder changed in the last seconds may change again within
    // the same tick of the file system's clock and keep its time (an added
    // name would go unseen): no note until everything has settled, as git
    // does with "racily clean" entries. The index itself is exempt: it is
    // only rewritten when an input changed, which its inputs show.
    timespec now = {};
    ::clock_gettime(CLOCK_REALTIME, &now);
    const qint64 settled = qint64(now.tv_sec) - kSettleSeconds;
    // Once per path (a library is probed, then stat()ed as an input file).
    QHash<QByteArray, const FsObservation *> seen;
    seen.reserve(observed.size());
    for (const FsObservation &o : observed) {
        if (o.path.contains('\n'))
            return; // cannot be written on one line: no note, the full check each time
        if (o.exists && o.mtimeSec >= settled)
            return;
        if (const FsObservation *first = seen.value(o.path)) {
            if (!first->sameState(o))
                return; // changed while it was checked: no note
            continue;
        }
        seen.insert(o.path, &o);
        appendObservation(out, o);
    }
    const QByteArray target = QFile::encodeName(pathFor(indexPath));
    // A file of that name that is no note of ours is the user's: no note.
    if (const int old = ::open(target.constData(), O_RDONLY | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK); old >= 0) {
        char head[sizeof kStampMagic - 1] = {};
        const ssize_t n = ::read(old, head, sizeof head);
        ::close(old);
        if (n != ssize_t(sizeof head) || std::memcmp(head, kStampMagic, sizeof head) != 0)
            return;
    } else if (errno != ENOENT) {
        return; // there, but not a file we may read (a symbolic link, no permission)
    }
    const QByteArray tmp = target + ".tmp" + QByteArray::number(qint64(::getpid()));
    const int fd = ::open(tmp.constData(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC | O_NOFOLLOW, 0644);
    if (fd < 0)
        return;
    qsizetype done = 0;
    while (done < out.size()) {
        const ssize_t n = ::write(fd, out.constData() + done, size_t(out.size() - done));
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            break;
        done += n;
    }
    const bool ok = ::close(fd) == 0 && done == out.size();
    if (!ok || ::rename(tmp.constData(), target.constData()) != 0)
        ::unlink(tmp.constData());
}

} // namespace vse
