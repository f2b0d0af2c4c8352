// The history pack (resources/history/libvirt-history.tsv): parse, the facts
// derived from each entry, and a round trip: a pack that parsed serializes to
// text that parses back to the same pack.
#include "fuzzcommon.h"

#include "index/historypack.h"

#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    vse::Diagnostics diagnostics;
    const auto pack = vse::HistoryPack::parse(vsefuzz::bytes(data, size), QStringLiteral("fuzz.tsv"), &diagnostics);
    if (!pack)
        return 0;
    for (const vse::HistoryEntry &e : pack->entries()) {
        pack->firstSeen(e);
        pack->lastAbsentBefore(e);
        pack->removedIn(e);
        pack->lastSeen(e);
        pack->names(e);
        pack->find(vse::HistoryPack::identityOf(e));
    }
    const QByteArray text = pack->serialize();
    vse::Diagnostics again;
    const auto reparsed = vse::HistoryPack::parse(text, QStringLiteral("serialized.tsv"), &again);
    if (!reparsed || reparsed->serialize() != text)
        std::abort(); // the writer produced what the reader refuses or reads differently
    return 0;
}
