#pragma once

#include <QString>
#include <compare>

namespace vse {

// A libvirt release number. Ordered numerically (1.10.0 > 1.9.0), which plain
// string comparison of "since" values gets wrong.
class Version
{
public:
    Version() = default;
    Version(int major, int minor, int micro) : m_major(major), m_minor(minor), m_micro(micro) {}

    // Accepts "1.2.3", "1.2", "LIBVIRT_1.2.3", "LIBVIRT_QEMU_0.8.3", "Since: 1.2.3",
    // "version='1.2.3'", "v1.2.3". Returns an invalid Version when no number is found.
    static Version parse(QStringView text);
    // libvirt's LIBVIR_VERSION_NUMBER encoding: major * 1000000 + minor * 1000 + micro.
    static Version fromNumber(qint64 number);

    bool isValid() const { return m_major >= 0; }
    int major() const { return m_major; }
    int minor() const { return m_minor; }
    int micro() const { return m_micro; }
    qint64 toNumber() const;
    QString toString() const;

    friend bool operator==(const Version &, const Version &) = default;
    friend std::strong_ordering operator<=>(const Version &a, const Version &b)
    {
        if (auto c = a.m_major <=> b.m_major; c != 0)
            return c;
        if (auto c = a.m_minor <=> b.m_minor; c != 0)
            return c;
        return a.m_micro <=> b.m_micro;
    }

private:
    int m_major = -1;
    int m_minor = 0;
    int m_micro = 0;
};

} // namespace vse
