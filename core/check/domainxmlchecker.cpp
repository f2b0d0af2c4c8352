#include "domainxmlchecker.h"

#include "domstatus.h"
#include "relaxngvalidator.h"
#include "targetschemacheck.h"
#include "untrustedxml.h"

#include "extract/schema/schemagraph.h"
#include "io/hugepageheap.h"

#include <QCoreApplication>
#include <QDir>
#include <QDirIterator>
#include <QFileInfo>
#include <QHash>
#include <QMutex>

#include <thread>

#include <libxml/parser.h>
#include <libxml/tree.h>

namespace vse {

namespace {

XmlCheckReport check(UntrustedXml &xml, bool loaded, const QString &file, const QString &schemaDir,
                     const ItemLookup &lookup, Version maxVersion, XmlUsageMemo *memo, const QString &targetSchemaDir,
                     XmlCheckReport report)
{
    report.file = file;
    if (!loaded)
        return report;
    const auto index = schemaIndexFor(schemaDir, false);
    if (index->navigator.isEmpty()) {
        report.diagnostics.append(index->result.diagnostics);
        report.diagnostics.append(Diagnostic::error(schemaDir, 0, QCoreApplication::translate("XmlCheck", "no usable schemas in this folder")));
        return report;
    }
    xmlNode *root = xmlDocGetRootElement(xml.document());
    const QString rootName = QString::fromUtf8(reinterpret_cast<const char *>(root->name));
    const QString prefix =
        root->ns ? SchemaGraph::prefixForNamespace(QString::fromUtf8(reinterpret_cast<const char *>(root->ns->href)))
                 : QString();
    const QString segment = prefix.isEmpty() ? rootName : prefix + QLatin1Char(':') + rootName;
    // A running guest's status file (run/libvirt/qemu/NAME.xml): libvirt's
    // private wrapper, which no schema has, around the live <domain>. That
    // <domain> is checked (on the file's own lines), once; what the wrapper
    // records (taints, deprecations) goes with the report.
    if (segment == QLatin1String("domstatus") && !report.status) {
        DomainStatus status;
        if (QString why; !domainStatusOf(xml.document(), file, &status, &why)) {
            report.diagnostics.append(Diagnostic::error(
                file, int(xmlGetLineNo(root)),
                QCoreApplication::translate("XmlCheck", "a guest's status file (<domstatus>) without its <domain>")));
            return report;
        }
        UntrustedXml domain;
        const bool ok = domain.loadData(status.domain, file, &report.diagnostics);
        status.domain.clear();
        report.status = std::move(status);
        return check(domain, ok, file, schemaDir, lookup, maxVersion, memo, targetSchemaDir, std::move(report));
    }
    const QString schemaFile = index->navigator.rootSchema(segment);
    if (schemaFile.isEmpty()) {
        report.diagnostics.append(Diagnostic::error(
            file, int(xmlGetLineNo(root)),
            QCoreApplication::translate("XmlCheck", "no libvirt schema has the root element <%1> (schemas: %2)").arg(segment, schemaDir)));
        return report;
    }
    report.schema = QDir(schemaDir).filePath(schemaFile);

    // The walk first: it needs no validation, and a schema that is still
    // compiling (compileLikelySchemaAhead) is waited for only after it.
    XmlUsageWalker walker(index->navigator, lookup, maxVersion, memo);
    walker.walk(root);
    bool schemaOk = false;
    const Diagnostics errors = RelaxNgValidator::validate(xml.document(), report.schema, &schemaOk);
    if (!schemaOk) {
        report.diagnostics.append(errors);
        return report;
    }
    report.valid = !hasErrors(errors);
    QList<XmlCheckFinding> findings;
    for (const Diagnostic &d : errors) {
        if (!d.isError())
            continue;
        XmlCheckFinding f;
        f.kind = XmlCheckFinding::ValidationError;
        f.line = d.line;
        f.message = d.message;
        findings.append(f);
    }
    // libxml2 leaves some interleave errors without a node ("Extra element
    // devices in interleave"); the error it reports next is about the same
    // node, so borrow that line (the root's when none follows).
    int last = int(xmlGetLineNo(root));
    for (qsizetype i = findings.size() - 1; i >= 0; --i) {
        if (findings[i].line > 0)
            last = findings[i].line;
        else
            findings[i].line = last;
    }
    // Validation errors first, then the uses (moved: no copy of each finding).
    // QList::append(QList &&) still makes a new array to move into, so the
    // walker's own list is taken as it is when there is nothing before it
    // (a valid document, and the report empty): two fewer arrays of a
    // hundred findings per document.
    if (findings.isEmpty())
        findings = walker.takeFindings();
    else
        findings.append(walker.takeFindings());
    if (report.findings.isEmpty())
        report.findings = std::move(findings);
    else
        report.findings.append(std::move(findings));
    if (maxVersion.isValid() && !targetSchemaDir.isEmpty()) {
        if (QFileInfo(targetSchemaDir).absoluteFilePath() != QFileInfo(schemaDir).absoluteFilePath()) {
            checkAgainstTargetSchema(xml.document(), segment, int(xmlGetLineNo(root)), targetSchemaDir, maxVersion, report);
        } else {
            // The target is the validating release: its errors are already there.
            report.targetSchema = report.schema;
            report.targetSchemaValid = report.valid;
        }
    }
    return report;
}

} // namespace

namespace {

struct SchemaIndexCache
{
    QMutex mutex;
    QHash<QString, std::shared_ptr<const SchemaIndex>> full, navigatorOnly;
};

SchemaIndexCache &schemaIndexCache()
{
    static SchemaIndexCache cache;
    return cache;
}

} // namespace

void provideSchemaNavigator(const QString &schemaDir, SchemaNavigator navigator)
{
    auto index = std::make_shared<SchemaIndex>();
    index->navigator = std::move(navigator);
    SchemaIndexCache &cache = schemaIndexCache();
    QMutexLocker locker(&cache.mutex);
    cache.navigatorOnly.insert(QFileInfo(schemaDir).absoluteFilePath(), std::move(index));
}

std::shared_ptr<const SchemaIndex> schemaIndexFor(const QString &schemaDir, bool withItems)
{
    SchemaIndexCache &cache = schemaIndexCache();
    auto &full = cache.full;
    auto &navigatorOnly = cache.navigatorOnly;
    const QString key = QFileInfo(schemaDir).absoluteFilePath();
    QMutexLocker locker(&cache.mutex);
    if (auto it = full.constFind(key); it != full.constEnd())
        return *it;
    auto &slot = withItems ? full[key] : navigatorOnly[key];
    if (!slot)
        slot = std::make_shared<const SchemaIndex>(SchemaExtractor::indexDir(key, withItems));
    return slot;
}

std::jthread compileLikelySchemaAhead(const QString &schemaDir, const QString &fileOrFolder)
{
    xmlInitParser(); // before any other thread parses
    return std::jthread([schemaDir, fileOrFolder] {
        useHugePagesForThisThread();
        QString file = fileOrFolder;
        if (QFileInfo(file).isDir()) {
            // Any of its documents will do (a folder of guests is usually
            // all domains): the first the folder lists, unsorted.
            QDirIterator it(file, {QStringLiteral("*.xml")}, QDir::Files);
            if (!it.hasNext())
                return;
            file = it.next();
        }
        UntrustedXml xml;
        Diagnostics ignored;
        if (!xml.load(file, &ignored))
            return;
        const xmlNode *root = xmlDocGetRootElement(xml.document());
        if (!root || !root->name)
            return;
        // A status file's <domstatus> wraps a <domain>.
        QString rootName = QString::fromUtf8(reinterpret_cast<const char *>(root->name));
        if (rootName == QLatin1String("domstatus"))
            rootName = QStringLiteral("domain");
        const QString schema = QDir(schemaDir).filePath(rootName + QStringLiteral(".rng"));
        if (QFileInfo(schema).isFile())
            RelaxNgValidator::compile(schema);
    });
}

void prepareParallelChecks(const QString &schemaDir, const QString &targetSchemaDir)
{
    xmlInitParser();
    schemaIndexFor(schemaDir, false);
    if (!targetSchemaDir.isEmpty())
        schemaIndexFor(targetSchemaDir, false);
}

std::shared_ptr<const SchemaIndex> cachedSchemaIndex(const QString &schemaDir)
{
    return schemaIndexFor(schemaDir, true);
}

XmlCheckReport checkXml(const QString &file, const QString &schemaDir, const ItemLookup &lookup,
                        Version maxVersion, XmlUsageMemo *memo, const QString &targetSchemaDir)
{
    XmlCheckReport report;
    UntrustedXml xml;
    const bool loaded = xml.load(file, &report.diagnostics);
    return check(xml, loaded, file, schemaDir, lookup, maxVersion, memo, targetSchemaDir, std::move(report));
}

XmlCheckReport checkXmlData(const QByteArray &data, const QString &name, const QString &schemaDir,
                            const ItemLookup &lookup, Version maxVersion, XmlUsageMemo *memo,
                            const QString &targetSchemaDir)
{
    XmlCheckReport report;
    UntrustedXml xml;
    const bool loaded = xml.loadData(data, name, &report.diagnostics);
    return check(xml, loaded, name, schemaDir, lookup, maxVersion, memo, targetSchemaDir, std::move(report));
}

} // namespace vse
