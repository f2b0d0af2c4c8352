#include "untrustedtext.h"

#include "io/confinedfile.h"

#include <QByteArray>

#include <cerrno>
#include <cstring>
#include <unistd.h>

namespace vse {

bool readUntrustedText(const QString &path, qint64 maxSize, const QString &whatItShouldBe,
                       QString *text, Diagnostics *diagnostics)
{
    QString why;
    qint64 size = 0;
    // The root "/" confines nothing: a user may name any file, but only a
    // regular one of bounded size is read.
    const int fd = SourceRoot().openRegular(path, &size, &why);
    if (fd < 0) {
        diagnostics->append(Diagnostic::error(path, 0, why));
        return false;
    }
    if (size > maxSize) {
        ::close(fd);
        diagnostics->append(Diagnostic::error(
            path, 0,
            QStringLiteral("refused: %1 bytes, over the %2 bytes accepted for %3")
                .arg(size)
                .arg(maxSize)
                .arg(whatItShouldBe)));
        return false;
    }
    // Read one byte past the limit: the file may grow after fstat.
    QByteArray data(qsizetype(maxSize) + 1, Qt::Uninitialized);
    qsizetype got = 0;
    while (got < data.size()) {
        const ssize_t n = ::read(fd, data.data() + got, size_t(data.size() - got));
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0) {
            const QString err = QString::fromLocal8Bit(std::strerror(errno));
            ::close(fd);
            diagnostics->append(Diagnostic::error(path, 0, QStringLiteral("cannot be read: ") + err));
            return false;
        }
        if (n == 0)
            break;
        got += n;
    }
    ::close(fd);
    if (got > maxSize) {
        diagnostics->append(Diagnostic::error(
            path, 0, QStringLiteral("refused: grew over %1 bytes while being read").arg(maxSize)));
        return false;
    }
    data.truncate(got);
    if (const qsizetype nul = data.indexOf('\0'); nul >= 0) {
        diagnostics->append(Diagnostic::error(
            path, int(data.left(nul).count('\n')) + 1,
            QStringLiteral("refused: binary data (a NUL byte), not %1").arg(whatItShouldBe)));
        return false;
    }
    if (!QByteArrayView(data).isValidUtf8()) {
        int line = 1;
        for (const QByteArray &l : data.split('\n')) {
            if (!QByteArrayView(l).isValidUtf8())
                break;
            ++line;
        }
        diagnostics->append(
            Diagnostic::error(path, line, QStringLiteral("refused: not valid UTF-8 text")));
        return false;
    }
    *text = QString::fromUtf8(data);
    return true;
}

} // namespace vse
