#include "confinedfile.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <cerrno>
#include <climits>
#include <cstdlib>
#include <cstring>
#include <fcntl.h>
#include <linux/openat2.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>

namespace vse {

namespace {

QString sizeLimitText()
{
    return QStringLiteral("the %1 MiB (%2 bytes) input size limit")
        .arg(SourceRoot::kMaxFileSize / (1024 * 1024))
        .arg(SourceRoot::kMaxFileSize);
}

QString fileTypeName(mode_t mode)
{
    if (S_ISFIFO(mode))
        return QStringLiteral("a FIFO (named pipe)");
    if (S_ISCHR(mode))
        return QStringLiteral("a character device");
    if (S_ISBLK(mode))
        return QStringLiteral("a block device");
    if (S_ISSOCK(mode))
        return QStringLiteral("a socket");
    if (S_ISDIR(mode))
        return QStringLiteral("a directory");
    return QStringLiteral("not a regular file");
}

// openat2 beneath dirFd; -1 with errno, ENOSYS when the kernel (or a seccomp
// filter) does not offer it.
int openBeneath(int dirFd, const QByteArray &rel, int flags)
{
    // VSE_NO_OPENAT2=1 takes the fallback path as on a kernel older than 5.6
    // or under a seccomp filter that refuses openat2, so tests can show that
    // path refuses the same hostile files.
    if (qEnvironmentVariableIsSet("VSE_NO_OPENAT2")) {
        errno = ENOSYS;
        return -1;
    }
#ifdef SYS_openat2
    open_how how;
    std::memset(&how, 0, sizeof how);
    how.flags = quint64(flags);
    how.resolve = RESOLVE_BENEATH | RESOLVE_NO_MAGICLINKS;
    return int(::syscall(SYS_openat2, dirFd, rel.constData(), &how, sizeof how));
#else
    Q_UNUSED(dirFd);
    Q_UNUSED(rel);
    Q_UNUSED(flags);
    errno = ENOSYS;
    return -1;
#endif
}

QString fdTarget(int fd)
{
    char buf[PATH_MAX + 1];
    const QByteArray link = "/proc/self/fd/" + QByteArray::number(fd);
    const ssize_t n = ::readlink(link.constData(), buf, PATH_MAX);
    return n > 0 ? QFile::decodeName(QByteArray(buf, int(n))) : QString();
}

} // namespace

SourceRoot::SourceRoot(const QString &root)
{
    const QString canonical = root.isEmpty() ? QString() : QFileInfo(root).canonicalFilePath();
    m_root = canonical.isEmpty() ? (root.isEmpty() ? QStringLiteral("/")
                                                   : QDir::cleanPath(QDir(root).absolutePath()))
                                 : canonical;
    if (confines()) {
        const int fd =
            ::open(QFile::encodeName(m_root).constData(), O_PATH | O_DIRECTORY | O_CLOEXEC);
        m_dirFd = std::shared_ptr<int>(new int(fd), [](int *p) {
            if (*p >= 0)
                ::close(*p);
            delete p;
        });
    }
}

namespace {

// Relative paths are the caller's, relative to the working directory
// (looked up only for those: QDir::current() costs system calls, and a
// batch opens one file after another).
QString absoluteClean(const QString &path)
{
    return QDir::cleanPath(QDir::isAbsolutePath(path) ? path : QDir::current().absoluteFilePath(path));
}

} // namespace

bool SourceRoot::lexicallyInside(const QString &path) const
{
    if (!confines())
        return true;
    const QString abs = absoluteClean(path);
    return abs == m_root || abs.startsWith(m_root + QLatin1Char('/'));
}

// A file named by the user, anywhere (no root to stay under): type and size
// are checked by path before it is opened, so a device or a FIFO is not
// opened, and again on the descriptor, so a file swapped in between is
// refused unread (O_NONBLOCK: no wait on a FIFO even then). Half the system
// calls of the two-stage open below, whose reopening through /proc was a
// tenth of a batch check-xml's time.
int SourceRoot::openNamed(const QString &path, const QByteArray &absName, qint64 *size, QString *why)
{
    const auto cannotRead = [&] {
        *why = errno == ENOENT ? QStringLiteral("%1 does not exist").arg(path)
                               : QStringLiteral("%1 cannot be read: %2")
                                     .arg(path, QString::fromLocal8Bit(std::strerror(errno)));
        return -1;
    };
    struct stat st;
    if (::stat(absName.constData(), &st) != 0)
        return cannotRead();
    if (!S_ISREG(st.st_mode)) {
        *why = QStringLiteral("%1 is %2: refused, only regular files are read").arg(path, fileTypeName(st.st_mode));
        return -1;
    }
    if (st.st_size > kMaxFileSize) {
        *why = QStringLiteral("%1 is %2 bytes, over %3: refused")
                   .arg(path)
                   .arg(qint64(st.st_size))
                   .arg(sizeLimitText());
        return -1;
    }
    const int fd = ::open(absName.constData(), O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC);
    if (fd < 0)
        return cannotRead();
    struct stat again;
    if (::fstat(fd, &again) != 0 || again.st_ino != st.st_ino || again.st_dev != st.st_dev ||
        !S_ISREG(again.st_mode) || again.st_size > kMaxFileSize) {
        ::close(fd);
        *why = QStringLiteral("%1 changed while being opened: refused").arg(path);
        return -1;
    }
    *size = qint64(again.st_size);
    return fd;
}

int SourceRoot::openRegular(const QString &path, qint64 *size, QString *why) const
{
    const QString abs = absoluteClean(path);
    const auto outside = [&] {
        *why = QStringLiteral(
                   "%1 is outside the source root %2 (after \"..\" and symbolic links): refused, "
                   "not opened")
                   .arg(path, m_root);
        return -1;
    };
    // The path relative to the root, found lexically, or through the
    // canonical form of its folder (a root spelled through a symlink). The
    // file itself is not touched yet.
    QString rel;
    if (confines()) {
        if (abs.startsWith(m_root + QLatin1Char('/'))) {
            rel = abs.mid(m_root.size() + 1);
        } else {
            const QFileInfo fi(abs);
            const QString dir = QFileInfo(fi.path()).canonicalFilePath();
            if (dir.isEmpty() || !(dir == m_root || dir.startsWith(m_root + QLatin1Char('/'))))
                return outside();
            rel = QDir(m_root).relativeFilePath(dir + QLatin1Char('/') + fi.fileName());
        }
        if (!m_dirFd || *m_dirFd < 0) {
            *why = QStringLiteral("cannot open the source root %1").arg(m_root);
            return -1;
        }
    }
    const QByteArray relName = QFile::encodeName(rel);
    const QByteArray absName = QFile::encodeName(abs);

    if (!confines())
        return openNamed(path, absName, size, why);

    // Stage 1: an O_PATH descriptor, which neither reads the file nor opens
    // a device or a FIFO, to check type and size first.
    int pathFd = -1;
    bool beneath = confines();
    if (beneath) {
        pathFd = openBeneath(*m_dirFd, relName, O_PATH | O_CLOEXEC);
        if (pathFd < 0 && (errno == ENOSYS || errno == EPERM)) {
            beneath = false; // fall back to realpath + a check of the descriptor
        } else if (pathFd < 0 && (errno == EXDEV || errno == ELOOP)) {
            return outside();
        }
    }
    QByteArray realName = absName;
    if (!beneath && pathFd < 0) {
        if (confines()) {
            char resolved[PATH_MAX];
            if (!::realpath(absName.constData(), resolved)) {
                *why = QStringLiteral("%1 cannot be read: %2")
                           .arg(path, QString::fromLocal8Bit(std::strerror(errno)));
                return -1;
            }
            realName = QByteArray(resolved);
            const QString real = QFile::decodeName(realName);
            if (!(real.startsWith(m_root + QLatin1Char('/'))))
                return outside();
            pathFd = ::open(realName.constData(), O_PATH | O_NOFOLLOW | O_CLOEXEC);
        } else {
            pathFd = ::open(absName.constData(), O_PATH | O_CLOEXEC);
        }
    }
    if (pathFd < 0) {
        *why = errno == ENOENT ? QStringLiteral("%1 does not exist").arg(path)
                               : QStringLiteral("%1 cannot be read: %2")
                                     .arg(path, QString::fromLocal8Bit(std::strerror(errno)));
        return -1;
    }
    struct stat st;
    if (::fstat(pathFd, &st) != 0 || !S_ISREG(st.st_mode)) {
        const mode_t mode = st.st_mode;
        ::close(pathFd);
        *why = QStringLiteral("%1 is %2: refused, only regular files are read")
                   .arg(path, fileTypeName(mode));
        return -1;
    }
    if (st.st_size > kMaxFileSize) {
        ::close(pathFd);
        *why = QStringLiteral("%1 is %2 bytes, over %3: refused")
                   .arg(path)
                   .arg(qint64(st.st_size))
                   .arg(sizeLimitText());
        return -1;
    }
    // Stage 2: the same file opened for reading through its O_PATH
    // descriptor, so it cannot have been swapped in between. O_NONBLOCK in
    // case it is not what fstat said after all.
    const QByteArray viaProc = "/proc/self/fd/" + QByteArray::number(pathFd);
    int fd = ::open(viaProc.constData(), O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC);
    if (fd < 0 && beneath)
        fd = openBeneath(*m_dirFd, relName, O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC);
    if (fd < 0 && !beneath)
        fd = ::open(realName.constData(),
                    O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC | (confines() ? O_NOFOLLOW : 0));
    ::close(pathFd);
    struct stat again;
    if (fd < 0) {
        *why = QStringLiteral("%1 cannot be read: %2")
                   .arg(path, QString::fromLocal8Bit(std::strerror(errno)));
        return -1;
    }
    if (::fstat(fd, &again) != 0 || again.st_ino != st.st_ino || again.st_dev != st.st_dev ||
        !S_ISREG(again.st_mode)) {
        ::close(fd);
        *why = QStringLiteral("%1 changed while being opened: refused").arg(path);
        return -1;
    }
    if (confines() && !beneath) {
        const QString target = fdTarget(fd);
        if (!target.startsWith(m_root + QLatin1Char('/'))) {
            ::close(fd);
            return outside();
        }
    }
    *size = qint64(again.st_size);
    return fd;
}

bool SourceRoot::read(const QString &path, QByteArray *data, QString *why) const
{
    qint64 size = 0;
    const int fd = openRegular(path, &size, why);
    if (fd < 0)
        return false;
    // Read to the end, not to the size fstat gave: the file may be growing;
    // stop one byte past the limit.
    QByteArray buf;
    buf.resize(qsizetype(size) + 1);
    qsizetype have = 0;
    for (;;) {
        if (have == buf.size()) {
            if (have > kMaxFileSize)
                break;
            buf.resize(qMin<qsizetype>(buf.size() * 2, kMaxFileSize + 1));
        }
        const ssize_t n = ::read(fd, buf.data() + have, size_t(buf.size() - have));
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0) {
            *why = QStringLiteral("%1 cannot be read: %2")
                       .arg(path, QString::fromLocal8Bit(std::strerror(errno)));
            ::close(fd);
            return false;
        }
        if (n == 0)
            break;
        have += n;
    }
    ::close(fd);
    if (have > kMaxFileSize) {
        *why =
            QStringLiteral("%1 grew over %2 while being read: refused").arg(path, sizeLimitText());
        return false;
    }
    buf.truncate(have);
    *data = std::move(buf);
    return true;
}

bool SourceRoot::read(const QString &path, QByteArray *data, Diagnostics *diagnostics,
                      const QString &fromFile, int fromLine) const
{
    QString why;
    if (read(path, data, &why))
        return true;
    diagnostics->append(Diagnostic::error(fromFile.isEmpty() ? path : fromFile,
                                          fromFile.isEmpty() ? 0 : fromLine, why));
    return false;
}

} // namespace vse
