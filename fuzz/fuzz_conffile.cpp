// A daemon configuration file (qemu.conf, libvirtd.conf...) as shipped
// (commented settings count) and as a customer's (active settings only).
#include "fuzzcommon.h"

#include "extract/tools/configextractor.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QString text = QString::fromUtf8(vsefuzz::bytes(data, size));
    vse::Diagnostics diagnostics;
    vse::ConfigExtractor::parseConf(text, false, &diagnostics, QStringLiteral("qemu.conf"));
    vse::ConfigExtractor::parseConf(text, true, &diagnostics, QStringLiteral("qemu.conf"));
    return 0;
}
