// The API support matrix page (libvirt-doc's hvsupport.html).
#include "fuzzcommon.h"

#include "extract/drivers/driversupport.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    vse::Diagnostics diagnostics;
    vse::readHvSupportHtmlData(vsefuzz::bytes(data, size), QStringLiteral("hvsupport.html"), &diagnostics);
    return 0;
}
