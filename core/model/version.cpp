#include "version.h"

#include <QRegularExpression>

namespace vse {

Version Version::parse(QStringView text)
{
    // The first run of digits separated by dots or underscores; a symbol
    // version node like LIBVIRT_QEMU_0.8.3 carries no other digits before it.
    static const QRegularExpression re(QStringLiteral("(\\d+)\\.(\\d+)(?:\\.(\\d+))?"));
    const auto m = re.match(text.toString());
    if (!m.hasMatch())
        return {};
    bool ok1 = false, ok2 = false, ok3 = true;
    const int ma = m.capturedView(1).toInt(&ok1);
    const int mi = m.capturedView(2).toInt(&ok2);
    int mc = 0;
    if (m.lastCapturedIndex() >= 3 && !m.capturedView(3).isEmpty())
        mc = m.capturedView(3).toInt(&ok3);
    if (!ok1 || !ok2 || !ok3)
        return {};
    return Version(ma, mi, mc);
}

Version Version::fromNumber(qint64 number)
{
    if (number < 0)
        return {};
    return Version(int(number / 1000000), int((number / 1000) % 1000), int(number % 1000));
}

qint64 Version::toNumber() const
{
    if (!isValid())
        return -1;
    return qint64(m_major) * 1000000 + qint64(m_minor) * 1000 + m_micro;
}

QString Version::toString() const
{
    if (!isValid())
        return {};
    return QStringLiteral("%1.%2.%3").arg(m_major).arg(m_minor).arg(m_micro);
}

} // namespace vse
