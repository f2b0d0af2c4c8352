#pragma once

#include "model/extractresult.h"
#include "model/version.h"

#include <QString>

namespace vse {

// Reads libvirt's public C headers with libclang: functions with their full
// prototypes, enums and every value with its number, structs and unions with
// their fields, typedefs and callbacks, macros, the doc summary and the
// "Since: x.y.z" tag of each. All headers of a release are parsed as ONE
// translation unit (an in-memory file including libvirt.h, virterror.h and the qemu, lxc
// and admin headers that exist), so the cost stays close to a bare parse of
// libvirt.h. Header errors become Diagnostics with the header's file and line.
class HeaderExtractor
{
public:
    // `includeDir` holds libvirt/ (installed: /usr/include; source tree:
    // <root>/include, where libvirt-common.h is made from its .in template).
    // Every header reached is checked first (checkHeaderIncludes) against
    // sourceRoot ("/" when empty); a refusal stops the extraction.
    ExtractResult extract(const QString &includeDir, const QString &sourceRoot = {});

    // LIBVIR_VERSION_NUMBER of the headers just read; invalid when the
    // headers do not define it or only a template placeholder was available.
    Version releaseVersion() const { return m_releaseVersion; }

    // Headers, relative to the include dir, that the extractor parses when
    // present, in this order. libvirt.h includes the other libvirt.so ones.
    static QStringList entryHeaders();

private:
    Version m_releaseVersion;
};

} // namespace vse
