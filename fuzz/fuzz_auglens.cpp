// An augeas lens of libvirt (libvirtd_qemu.aug...): module name, the files it
// reads, and its typed entries.
#include "fuzzcommon.h"

#include "extract/tools/configextractor.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    vse::ConfigExtractor::parseLens(QString::fromUtf8(vsefuzz::bytes(data, size)));
    return 0;
}
