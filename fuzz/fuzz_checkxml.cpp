// The domain-XML checker (check-xml): untrusted-XML refusals, libxml2's
// RelaxNG validation against the installed schemas, and the usage walk that
// maps the document onto schema items with a target release.
#include "fuzzcommon.h"

#include "check/domainxmlchecker.h"

#include <QHash>

#include <cstdio>
#include <cstdlib>

namespace {
QString g_schemaDir;
QHash<QString, const vse::Item *> *g_items = nullptr;
} // namespace

extern "C" int LLVMFuzzerInitialize(int *, char ***)
{
    // $VSE_FUZZ_SCHEMAS or the installed libvirt's schemas; the index the
    // checker looks items up in is the items of those schemas.
    g_schemaDir = qEnvironmentVariableIsSet("VSE_FUZZ_SCHEMAS")
                      ? qEnvironmentVariable("VSE_FUZZ_SCHEMAS")
                      : vse::SchemaExtractor::installedSchemaDir();
    const auto index = vse::cachedSchemaIndex(g_schemaDir);
    g_items = new QHash<QString, const vse::Item *>;
    for (const vse::Item &item : index->result.items)
        g_items->insert(item.name, &item);
    if (g_items->isEmpty()) {
        std::fprintf(stderr, "fuzz_checkxml: no schema items in %s\n", qPrintable(g_schemaDir));
        std::exit(1);
    }
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const vse::ItemLookup lookup = [](const QString &path) { return g_items->value(path); };
    vse::checkXmlData(vsefuzz::bytes(data, size), QStringLiteral("fuzz.xml"), g_schemaDir, lookup,
                      vse::Version(7, 0, 0));
    return 0;
}
