#include "guestlog.h"

#include <QDir>
#include <QFile>
#include <QRegularExpression>

#include <cerrno>
#include <cstring>

#include <climits>
#include <cstdlib>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace vse {

namespace {

// libvirt's qemu driver appends "<timestamp>: Domain id=<id> is tainted:
// <reason>" to the guest's log, the timestamp as virTimeStringNow() writes it
// (UTC, milliseconds, "+0000"); from 7.1.0 on a reason may be followed by
// " (<what>)", e.g. the deprecated machine type.
const QRegularExpression &taintLine()
{
    static const QRegularExpression re(QStringLiteral(
        R"(^(\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{3}\+\d{4}): Domain id=-?\d+ is tainted: ([a-z0-9-]+)(?: \((.*)\))?\s*$)"));
    return re;
}

// The hypervisor process writes its own warnings to the same log
// ("<binary>: warning: ...", with an ISO timestamp first when QEMU runs with
// -msg timestamp=on); those about deprecated features are what matters here.
const QRegularExpression &deprecationLine()
{
    static const QRegularExpression re(
        QStringLiteral(R"(^(?:(\d{4}-\d\d-\d\dT[0-9:.]+Z) )?([^\s:]+): warning: (.*deprecat.*)$)"),
        QRegularExpression::CaseInsensitiveOption);
    return re;
}

// SourceRoot refuses files over its limit, and a guest's log may be far
// larger: only its tail is read. The rules are otherwise SourceRoot's: the
// file must resolve inside the root after symbolic links, and be a regular
// file (checked on an O_PATH descriptor, so a FIFO or device is never
// opened); the descriptor opened for reading is checked again.
int openLogBeneath(const SourceRoot &root, const QString &path, qint64 *size, QString *why)
{
    const QString abs = QDir::cleanPath(QDir::current().absoluteFilePath(path));
    const QString top = root.path() + QLatin1Char('/');
    const auto outside = [&] {
        *why = QStringLiteral(
                   "%1 is outside %2 (after \"..\" and symbolic links): refused, not opened")
                   .arg(path, root.path());
        return -1;
    };
    if (!root.lexicallyInside(abs))
        return outside();
    char resolved[PATH_MAX];
    if (!::realpath(QFile::encodeName(abs).constData(), resolved)) {
        *why = QStringLiteral("%1 cannot be read: %2")
                   .arg(path, QString::fromLocal8Bit(std::strerror(errno)));
        return -1;
    }
    if (!QFile::decodeName(resolved).startsWith(top))
        return outside();
    const int pathFd = ::open(resolved, O_PATH | O_NOFOLLOW | O_CLOEXEC);
    struct stat st;
    if (pathFd < 0 || ::fstat(pathFd, &st) != 0 || !S_ISREG(st.st_mode)) {
        if (pathFd >= 0)
            ::close(pathFd);
        *why = QStringLiteral("%1 is not a regular file: refused").arg(path);
        return -1;
    }
    const QByteArray viaProc = "/proc/self/fd/" + QByteArray::number(pathFd);
    const int fd = ::open(viaProc.constData(), O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC);
    ::close(pathFd);
    struct stat again;
    if (fd < 0 || ::fstat(fd, &again) != 0 || again.st_ino != st.st_ino ||
        again.st_dev != st.st_dev) {
        if (fd >= 0)
            ::close(fd);
        *why = QStringLiteral("%1 changed while being opened: refused").arg(path);
        return -1;
    }
    const QString target = QFile::symLinkTarget(QStringLiteral("/proc/self/fd/%1").arg(fd));
    if (!target.startsWith(top)) {
        ::close(fd);
        return outside();
    }
    *size = qint64(again.st_size);
    return fd;
}

} // namespace

QList<GuestLogEntry> GuestLog::parse(const QByteArray &text, const QString &shown, int firstLine)
{
    QList<GuestLogEntry> out;
    int line = firstLine;
    qsizetype start = 0;
    while (start < text.size()) {
        qsizetype end = text.indexOf('\n', start);
        if (end < 0)
            end = text.size();
        // Only lines that can match are decoded (a log is mostly QEMU's command line and noise).
        const QByteArrayView raw(text.constData() + start, end - start);
        if (raw.contains("tainted") || raw.contains("eprecat")) {
            const QString s = QString::fromUtf8(raw).trimmed();
            if (const auto m = taintLine().match(s); m.hasMatch()) {
                out.append({GuestLogEntry::Taint, shown, line, m.captured(2), m.captured(3),
                            m.captured(1)});
            } else if (const auto d = deprecationLine().match(s); d.hasMatch()) {
                out.append(
                    {GuestLogEntry::Deprecation, shown, line, {}, d.captured(3), d.captured(1)});
            }
        }
        start = end + 1;
        ++line;
    }
    return out;
}

GuestLog GuestLog::read(const SourceRoot &root, const QString &path, const QString &shown)
{
    GuestLog log;
    log.file = shown;
    qint64 size = 0;
    QString why;
    const int fd = openLogBeneath(root, path, &size, &why);
    if (fd < 0) {
        log.problem = why;
        return log;
    }
    log.size = size;
    log.readFrom = size > kMaxTail ? size - kMaxTail : 0;
    QByteArray data(qsizetype(size - log.readFrom), Qt::Uninitialized);
    qsizetype got = 0;
    while (got < data.size()) {
        const ssize_t n =
            ::pread(fd, data.data() + got, size_t(data.size() - got), log.readFrom + got);
        if (n < 0) {
            log.problem = QStringLiteral("%1: cannot read: %2")
                              .arg(shown, QString::fromLocal8Bit(strerror(errno)));
            ::close(fd);
            return log;
        }
        if (n == 0)
            break; // the file shrank while we read it: keep what there is
        got += n;
    }
    ::close(fd);
    data.truncate(got);
    int firstLine = 1;
    if (log.readFrom > 0) {
        // The tail starts inside a line: skip to the next whole one. Line
        // numbers then count from the tail's start (the report says so).
        const qsizetype nl = data.indexOf('\n');
        data.remove(0, nl < 0 ? data.size() : nl + 1);
        firstLine = 1;
    }
    log.firstLine = firstLine;
    log.entries = parse(data, shown, firstLine);
    return log;
}

} // namespace vse
