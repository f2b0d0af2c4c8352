// virsh.1, the manual page of libvirt-clients (roff: .SS per command, option
// lists, .EX/.EE and .nf/.fi blocks), as a package set's virsh is read.
#include "fuzzcommon.h"

#include "extract/tools/virshmanpage.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    vse::VirshManPage::parse(QString::fromUtf8(vsefuzz::bytes(data, size)), QStringLiteral("virsh.1"));
    return 0;
}
