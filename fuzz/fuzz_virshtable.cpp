// virsh's command tables (tools/virsh*.c, vsh.h, virsh.h): the C-source
// reader, the option-macro expansion and the table walker. The input is one
// file ("tools/virsh.c") or several, each opened by "@@@ NAME" (the seeds
// bundle a release's virsh*.c with its headers).
#include "fuzzcommon.h"

#include "extract/tools/virshextractor.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    QList<vse::VirshExtractor::SourceText> sources;
    const auto files = vsefuzz::splitFiles(vsefuzz::bytes(data, size), QStringLiteral("virsh.c"));
    // Headers first, as a tree is read: their macros serve every .c file.
    for (auto it = files.cbegin(); it != files.cend(); ++it)
        if (it.key().endsWith(QLatin1String(".h")))
            sources.append({QStringLiteral("tools/") + it.key(), QString::fromUtf8(it.value())});
    for (auto it = files.cbegin(); it != files.cend(); ++it)
        if (!it.key().endsWith(QLatin1String(".h")))
            sources.append({QStringLiteral("tools/") + it.key(), QString::fromUtf8(it.value())});
    vse::VirshExtractor::parseSources(sources);
    return 0;
}
