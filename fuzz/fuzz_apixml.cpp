// libvirt's generated API descriptions (/usr/share/libvirt/api/*-api.xml).
#include "fuzzcommon.h"

#include "extract/api/apixmlextractor.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    vse::ApiXmlExtractor().extractData(vsefuzz::bytes(data, size), QStringLiteral("libvirt-api.xml"));
    return 0;
}
