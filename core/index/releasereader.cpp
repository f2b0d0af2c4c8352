#include "releasereader.h"

#include "extract/api/apireader.h"
#include "extract/schema/schemaextractor.h"
#include "extract/xdr/protocolextractor.h"
#include "extract/xdr/rpcapilink.h"

#include <QtConcurrent/QtConcurrentRun>

namespace vse {

Release ReleaseReader::read(const SourceLayout &layout, const std::atomic_bool *cancel)
{
    Release r;
    r.sourceKind = layout.kind;
    r.sourcePath = layout.root;

    // libclang dominates; the schemas and protocols are read on the other
    // core meanwhile.
    const ApiInputs inputs = layout.kind == Release::SourceKind::SourceTree
                                 ? ApiInputs::forSourceTree(layout.root)
                                 : ApiInputs::forInstalled(layout.root);
    ApiReader apiReader;
    QFuture<ExtractResult> apiFuture = QtConcurrent::run([&apiReader, inputs] { return apiReader.read(inputs); });

    ExtractResult schema;
    if (!layout.schemaDir.isEmpty() && !(cancel && cancel->load()))
        schema = SchemaExtractor::extractDir(layout.schemaDir);
    ExtractResult rpc;
    if (!layout.protocolRoot.isEmpty() && !(cancel && cancel->load()))
        rpc = ProtocolExtractor().extractTree(layout.root);
    ExtractResult api = apiFuture.result();

    linkProceduresToApis(rpc.items, api.items);

    // The release's own statement of its number beats the layout's guesses.
    if (apiReader.releaseVersion().isValid()) {
        r.version = apiReader.releaseVersion();
        r.versionEvidence = apiReader.releaseVersionEvidence();
    } else {
        r.version = layout.detectVersion(&r.versionEvidence);
    }

    r.items.reserve(api.items.size() + schema.items.size() + rpc.items.size());
    for (ExtractResult *part : {&api, &schema, &rpc}) {
        r.items.append(std::move(part->items));
        r.diagnostics.append(std::move(part->diagnostics));
    }
    return r;
}

} // namespace vse
