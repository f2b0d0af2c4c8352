// check-script on a shell script: the shell tokenizer (quotes, here-documents,
// substitutions, continuations) and the virsh checker against the shipped
// history's virsh commands and options, with a target release.
#include "fuzzcommon.h"
#include "packitems.h"

#include "check/scriptchecker.h"

namespace {
vse::VirshCatalogue *g_virsh = nullptr;
}

extern "C" int LLVMFuzzerInitialize(int *, char ***)
{
    g_virsh = new vse::VirshCatalogue(vsefuzz::packItems(
        {vse::ItemKind::VirshCommand, vse::ItemKind::VirshOption}, "fuzz_checkscript"));
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    vse::ScriptChecker::Options options;
    options.maxVersion = vse::Version(1, 2, 8);
    const auto report = vse::ScriptChecker::checkText(
        QStringLiteral("fuzz.sh"), QString::fromUtf8(vsefuzz::bytes(data, size)), *g_virsh, options);
    report.toJson();
    return 0;
}
