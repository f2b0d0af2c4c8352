// Linker version scripts (src/libvirt_public.syms...).
#include "fuzzcommon.h"

#include "extract/api/symbolversions.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    vse::SymbolVersions::parseSyms(vsefuzz::bytes(data, size), QStringLiteral("libvirt_public.syms"));
    return 0;
}
