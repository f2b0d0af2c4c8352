#include "apireader.h"

#include "apixmlextractor.h"
#include "functionsincetags.h"
#include "headerextractor.h"
#include "symbolversions.h"

#include "model/policy.h"

#include <QHash>

#include <libelf.h>
#include <libxml/parser.h>

#include <future>

namespace vse {

namespace {

QString keyOf(ItemKind kind, const QString &name)
{
    return kindId(kind) + QLatin1Char(':') + name;
}

// The API XML names some things differently from the C declarations:
// "struct virDomainInfo" is the typedef of struct _virDomainInfo, and
// "typedef virDomainState type=enum" is the enum itself.
QList<ItemKind> matchingKinds(ItemKind xmlKind)
{
    switch (xmlKind) {
    case ItemKind::Struct:
        return {ItemKind::Typedef, ItemKind::Struct, ItemKind::Union};
    case ItemKind::Enum:
        return {ItemKind::Enum, ItemKind::Typedef};
    case ItemKind::Typedef:
        return {ItemKind::Typedef, ItemKind::Callback, ItemKind::Struct, ItemKind::Enum};
    case ItemKind::Callback:
        return {ItemKind::Callback, ItemKind::Typedef};
    default:
        return {xmlKind};
    }
}

// "header:libvirt-qemu" -> "libvirt-qemu": the library whose symbol versions count.
QString libraryOfOrigin(const QString &origin)
{
    if (origin.startsWith(QLatin1String("header:")))
        return origin.mid(7);
    return QStringLiteral("libvirt"); // error codes and everything else of libvirt.so
}

struct SideInputs
{
    ExtractResult apiXml;
    QList<SymbolVersion> symbols;
    Diagnostics symbolDiagnostics;
    QList<FunctionSinceTag> sinceTags;
};

// API XML and symbol tables are read while libclang parses the headers.
SideInputs readSideInputs(const ApiInputs &in)
{
    SideInputs side;
    const SourceRoot root(in.sourceRoot);
    if (!in.apiXmlDir.isEmpty())
        side.apiXml = ApiXmlExtractor().extractDir(in.apiXmlDir, root);
    for (const QString &lib : in.sharedLibraries) {
        SymbolVersionResult r = SymbolVersions::readSharedLibrary(lib, root);
        side.symbols.append(r.symbols);
        side.symbolDiagnostics.append(r.diagnostics);
    }
    for (const QString &syms : in.symsFiles) {
        SymbolVersionResult r = SymbolVersions::readSymsFile(syms, root);
        side.symbols.append(r.symbols);
        side.symbolDiagnostics.append(r.diagnostics);
    }
    for (const QString &file : in.implementationFiles)
        side.sinceTags.append(functionsincetags::read(file, root, &side.symbolDiagnostics));
    return side;
}

} // namespace

void ApiReader::prepareThreads()
{
    xmlInitParser();
    elf_version(EV_CURRENT);
}

ExtractResult ApiReader::read(const ApiInputs &in)
{
    m_version = {};
    m_versionEvidence.clear();
    ExtractResult result;
    if (in.includeDir.isEmpty() && in.apiXmlDir.isEmpty() && in.sharedLibraries.isEmpty() &&
        in.symsFiles.isEmpty()) {
        result.diagnostics.append(Diagnostic::error(
            QString(), 0,
            QStringLiteral("no API inputs: no headers, API XML, libraries or version scripts")));
        return result;
    }
    // libxml2 2.9 wants its globals set up on one thread before others use it.
    xmlInitParser();
    std::future<SideInputs> sideFuture =
        std::async(std::launch::async, readSideInputs, std::cref(in));

    const bool haveHeaders = !in.includeDir.isEmpty();
    if (haveHeaders) {
        HeaderExtractor headers;
        result = headers.extract(in.includeDir, in.sourceRoot);
        if (headers.releaseVersion().isValid()) {
            m_version = headers.releaseVersion();
            m_versionEvidence = QStringLiteral("LIBVIR_VERSION_NUMBER in libvirt/libvirt-common.h");
        }
    } else {
        const QString where = !in.apiXmlDir.isEmpty()
                                  ? in.apiXmlDir
                                  : (in.symsFiles + in.sharedLibraries).constFirst();
        result.diagnostics.append(Diagnostic::warning(
            where, 0,
            !in.apiXmlDir.isEmpty() || !in.symsFiles.isEmpty()
                ? QStringLiteral("no header directory: items come from the API XML and symbol versions alone")
                // A host with libvirt0 and not libvirt-dev.
                : QStringLiteral("no headers or API XML (libvirt-dev is not installed): the C API's "
                                 "functions come from the libraries' symbol versions alone, without "
                                 "signatures, enums, macros or types")));
    }
    const bool headersUsable = haveHeaders && !result.items.isEmpty();
    SideInputs side = sideFuture.get();

    ItemList &items = result.items;
    QHash<QString, qsizetype> index;
    index.reserve(items.size() * 2);
    for (qsizetype i = 0; i < items.size(); ++i)
        index.insert(keyOf(items[i].kind, items[i].name), i);

    result.diagnostics.append(side.apiXml.diagnostics);
    for (Item &x : side.apiXml.items) {
        qsizetype found = -1;
        for (ItemKind k : matchingKinds(x.kind)) {
            found = index.value(keyOf(k, x.name), -1);
            if (found >= 0)
                break;
        }
        if (found >= 0) {
            Item &item = items[found];
            item.evidence.append(x.evidence);
            if (item.doc.isEmpty())
                item.doc = x.doc;
            continue;
        }
        if (headersUsable)
            result.diagnostics.append(Diagnostic::warning(
                x.evidence.isEmpty() ? x.file : x.evidence.constFirst().detail, x.line,
                QStringLiteral(
                    "%1 %2 is in the API XML but not in the headers; kept from the API XML alone")
                    .arg(kindId(x.kind), x.name)));
        if (!m_version.isValid() && x.kind == ItemKind::Macro &&
            x.name == QLatin1String("LIBVIR_VERSION_NUMBER")) {
            bool ok = false;
            const qint64 n = x.attrs.value(QStringLiteral("value")).toString().toLongLong(&ok);
            if (ok && n > 0) {
                m_version = Version::fromNumber(n);
                m_versionEvidence =
                    QStringLiteral("LIBVIR_VERSION_NUMBER in ") + x.evidence.value(0).detail;
            }
        }
        x.line = 0; // a line of the XML, not of the header named in `file`
        index.insert(keyOf(x.kind, x.name), items.size());
        items.append(std::move(x));
    }

    result.diagnostics.append(side.symbolDiagnostics);
    for (const SymbolVersion &sv : std::as_const(side.symbols)) {
        qsizetype found = index.value(keyOf(ItemKind::Function, sv.symbol), -1);
        if (found < 0)
            found = index.value(keyOf(ItemKind::Variable, sv.symbol), -1);
        if (found >= 0) {
            Item &item = items[found];
            // Only the library that declares the function speaks for it.
            if (libraryOfOrigin(item.origin) == sv.library)
                item.evidence.append(sv.evidence());
            continue;
        }
        Item item;
        item.kind = ItemKind::Function;
        item.name = sv.symbol;
        item.origin = QStringLiteral("header:") + sv.library;
        item.file = sv.source;
        item.line = sv.line;
        item.evidence.append(sv.evidence());
        if (headersUsable)
            result.diagnostics.append(Diagnostic::warning(
                sv.source, sv.line,
                QStringLiteral("%1 is exported (%2) but not declared in the headers")
                    .arg(sv.symbol, sv.node)));
        index.insert(keyOf(item.kind, item.name), items.size());
        items.append(std::move(item));
    }

    // A function's own tag, from the block above its definition; the tag of
    // a header declaration (rare for functions) was read with the headers.
    for (const FunctionSinceTag &tag : std::as_const(side.sinceTags)) {
        const qsizetype found = index.value(keyOf(ItemKind::Function, tag.function), -1);
        if (found < 0)
            continue; // a block of an internal helper, or a macro's
        Item &item = items[found];
        const bool tagged = std::any_of(item.evidence.cbegin(), item.evidence.cend(), [](const Evidence &e) {
            return e.kind == Evidence::Kind::SinceTag;
        });
        if (!tagged)
            item.evidence.append(Evidence(Evidence::Kind::SinceTag, tag.since,
                                          tag.file + QLatin1Char(':') + QString::number(tag.line)));
    }

    const Policy &policy = Policy::instance();
    for (Item &item : items)
        policy.apply(item);
    return result;
}

} // namespace vse
