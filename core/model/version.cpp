#include "version.h"

namespace vse {

Version Version::parse(QStringView text)
{
    // The first run of digits separated by dots or underscores; a symbol
    // version node like LIBVIRT_QEMU_0.8.3 carries no other digits before it.
    // Found by hand, as the regular expression (\d+)\.(\d+)(?:\.(\d+))? would
    // (ASCII digits, leftmost): compiling that one cost each query more than
    // reading the releases it parsed.
    const auto isDigit = [&](qsizetype i) { return i < text.size() && text.at(i) >= u'0' && text.at(i) <= u'9'; };
    const auto digitsEnd = [&](qsizetype i) {
        while (isDigit(i))
            ++i;
        return i;
    };
    for (qsizetype i = 0; i < text.size();) {
        if (!isDigit(i)) {
            ++i;
            continue;
        }
        const qsizetype majorEnd = digitsEnd(i);
        if (majorEnd >= text.size() || text.at(majorEnd) != u'.' || !isDigit(majorEnd + 1)) {
            i = majorEnd; // a later start inside this run would end the same way
            continue;
        }
        const qsizetype minorEnd = digitsEnd(majorEnd + 1);
        qsizetype microEnd = minorEnd;
        if (minorEnd < text.size() && text.at(minorEnd) == u'.' && isDigit(minorEnd + 1))
            microEnd = digitsEnd(minorEnd + 1);
        bool ok1 = false, ok2 = false, ok3 = true;
        const int ma = text.sliced(i, majorEnd - i).toInt(&ok1);
        const int mi = text.sliced(majorEnd + 1, minorEnd - majorEnd - 1).toInt(&ok2);
        const int mc = microEnd > minorEnd ? text.sliced(minorEnd + 1, microEnd - minorEnd - 1).toInt(&ok3) : 0;
        if (!ok1 || !ok2 || !ok3)
            return {};
        return Version(ma, mi, mc);
    }
    return {};
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
