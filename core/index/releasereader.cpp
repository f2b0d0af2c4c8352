#include "releasereader.h"

#include "extract/api/apireader.h"
#include "extract/drivers/driversupport.h"
#include "extract/schema/docpages.h"
#include "extract/schema/docsinceextractor.h"
#include "extract/schema/schemaextractor.h"
#include "extract/tools/configextractor.h"
#include "extract/tools/errormessages.h"
#include "extract/tools/virshextractor.h"
#include "extract/tools/virshmanpage.h"
#include "extract/xdr/protocolextractor.h"
#include "extract/xdr/rpcapilink.h"
#include "model/policy.h"

#include <QDirIterator>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QThreadPool>
#include <QtConcurrent/QtConcurrentRun>
#include <cstdio>

namespace vse {

namespace {

bool hasDriverSources(const QString &root)
{
    QDirIterator it(root + QStringLiteral("/src"), {QStringLiteral("*_driver.c")}, QDir::Files,
                    QDirIterator::Subdirectories);
    return it.hasNext();
}

// Which hypervisor drivers implement each API: the driver tables of a source
// tree, or libvirt-doc's hvsupport.html where it is installed.
void applyDrivers(const SourceLayout &layout, ExtractResult &api)
{
    DriverMatrix matrix;
    if (layout.kind == Release::SourceKind::SourceTree) {
        if (hasDriverSources(layout.root))
            matrix = readDriverTables(layout.root, &api.diagnostics);
    } else {
        const QString page = layout.docDir + QLatin1Char('/') + QLatin1String(DocPages::kDriverMatrix);
        if (!layout.docDir.isEmpty() && QFileInfo::exists(page))
            matrix = readHvSupportHtml(page, &api.diagnostics, SourceRoot(layout.root));
    }
    if (!matrix.isEmpty())
        applyDriverMatrix(api.items, matrix);
}

} // namespace

Release ReleaseReader::read(const SourceLayout &layout, const std::atomic_bool *cancel, QThreadPool *pool,
                            bool recoverMalformedSchemas)
{
    Release r;
    r.sourceKind = layout.kind;
    r.sourcePath = layout.root;

    // libclang dominates; the schemas and protocols are read on the other
    // core meanwhile.
    const ApiInputs inputs = layout.kind == Release::SourceKind::SourceTree
                                 ? ApiInputs::forSourceTree(layout.root)
                                 : ApiInputs::forInstalled(layout.root);
    QElapsedTimer t;
    t.start();
    const bool trace = qEnvironmentVariableIsSet("VSE_TRACE_TIMING");
    const auto mark = [&](const char *what) {
        if (trace)
            std::fprintf(stderr, "  %-28s %6lld ms\n", what, (long long)t.elapsed());
    };
    ApiReader apiReader;
    QFuture<ExtractResult> apiFuture = QtConcurrent::run(pool ? pool : QThreadPool::globalInstance(),
                                                         [&apiReader, inputs] { return apiReader.read(inputs); });

    ExtractResult schema;
    if (!layout.schemaDir.isEmpty() && !(cancel && cancel->load()))
        schema = SchemaExtractor::extractDir(layout.schemaDir, layout.root, recoverMalformedSchemas);
    // "Since x.y.z" notes of libvirt-doc, where installed, date XML items
    // within this one release; nothing is guessed where the docs are silent.
    if (!layout.docDir.isEmpty() && !schema.items.isEmpty())
        DocSinceExtractor::apply(schema.items, layout.docDir, &schema.diagnostics, layout.root);
    mark("schemas + docs");
    ExtractResult rpc;
    if (!layout.protocolRoot.isEmpty() && !(cancel && cancel->load()))
        rpc = ProtocolExtractor().extractTree(layout.root);
    mark("protocols");
    ExtractResult api = apiFuture.result();
    mark("api (joined)");

    linkProceduresToApis(rpc.items, api.items);
    // virsh's command tables, the daemons' configuration files and lenses, and
    // the error messages: small files read by hand-written readers.
    ExtractResult tools;
    if (layout.kind == Release::SourceKind::SourceTree) {
        tools = VirshExtractor::extractTree(layout.root);
        tools.items.append(ConfigExtractor::items(ConfigExtractor::readTree(layout.root, &tools.diagnostics)));
        QString errorFile;
        const auto messages = ErrorMessages::readTree(layout.root, &errorFile, &tools.diagnostics);
        if (!messages.isEmpty())
            ErrorMessages::apply(api.items, messages, errorFile);
    } else {
        tools.items.append(ConfigExtractor::items(ConfigExtractor::readInstalled(layout.root, &tools.diagnostics)));
        // Installed or unpacked libvirt-clients: no command tables, but the manual page.
        if (const QString man = VirshManPage::find(layout.root); !man.isEmpty())
            tools.append(VirshManPage::read(man, layout.root));
    }
    for (Item &item : tools.items)
        Policy::instance().apply(item);
    mark("virsh + config + errors");
    applyDrivers(layout, api);

    // The release's own statement of its number beats the layout's guesses.
    if (apiReader.releaseVersion().isValid()) {
        r.version = apiReader.releaseVersion();
        r.versionEvidence = apiReader.releaseVersionEvidence();
    } else {
        r.version = layout.detectVersion(&r.versionEvidence);
    }

    r.items.reserve(api.items.size() + schema.items.size() + rpc.items.size() + tools.items.size());
    for (ExtractResult *part : {&api, &schema, &rpc, &tools}) {
        r.items.append(std::move(part->items));
        r.diagnostics.append(std::move(part->diagnostics));
    }
    return r;
}

} // namespace vse
