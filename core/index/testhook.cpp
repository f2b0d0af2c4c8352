#include "testhook.h"

#include <QFile>
#include <QMutex>
#include <QThread>

namespace vse::testhook {

namespace {

QMutex &mutex()
{
    static QMutex m;
    return m;
}

Hook &installed()
{
    static Hook h;
    return h;
}

} // namespace

void setHook(Hook hook)
{
    const QMutexLocker lock(&mutex());
    installed() = std::move(hook);
}

bool hasHook()
{
    const QMutexLocker lock(&mutex());
    return bool(installed());
}

void reached(const char *point)
{
    Hook hook;
    {
        const QMutexLocker lock(&mutex());
        hook = installed();
    }
    if (hook)
        hook(QLatin1String(point));

    static const QString hold = qEnvironmentVariable("VSE_TEST_HOLD");
    if (hold.isEmpty() || hold.section(QLatin1Char(':'), 0, 0) != QLatin1String(point))
        return;
    const QString file = hold.section(QLatin1Char(':'), 1);
    QFile marker(file);
    if (file.isEmpty() || !marker.open(QIODevice::WriteOnly))
        return;
    marker.close();
    while (QFile::exists(file))
        QThread::msleep(5);
}

} // namespace vse::testhook
