#include "targetschemacheck.h"

#include "domainxmlchecker.h"
#include "relaxngvalidator.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>

#include <algorithm>

namespace vse {

void checkAgainstTargetSchema(xmlDoc *doc, const QString &rootSegment, int rootLine, const QString &targetSchemaDir,
                              const Version &target, XmlCheckReport &report)
{
    const auto index = schemaIndexFor(targetSchemaDir, false);
    if (index->navigator.isEmpty()) {
        report.diagnostics.append(index->result.diagnostics);
        report.diagnostics.append(Diagnostic::error(
            targetSchemaDir, 0, QCoreApplication::translate("XmlCheck", "no usable schemas of the target release in this folder")));
        return;
    }
    const auto rejected = [&](int line, const QString &why) {
        XmlCheckFinding f;
        f.kind = XmlCheckFinding::RejectedByTargetSchema;
        f.line = line;
        f.message = QCoreApplication::translate("XmlCheck", "libvirt %1's schema rejects it: %2").arg(target.toString(), why);
        report.findings.append(f);
    };
    const QString schemaFile = index->navigator.rootSchema(rootSegment);
    if (schemaFile.isEmpty()) {
        // Documents of a kind the release did not have (<domainbackup> before 6.0.0).
        report.targetSchema = targetSchemaDir;
        rejected(rootLine, QCoreApplication::translate("XmlCheck", "no schema has the root element <%1>").arg(rootSegment));
        return;
    }
    report.targetSchema = QDir(targetSchemaDir).filePath(schemaFile);
    bool schemaOk = false;
    const Diagnostics errors = RelaxNgValidator::validate(doc, report.targetSchema, &schemaOk);
    if (!schemaOk) {
        report.diagnostics.append(errors);
        return;
    }
    report.targetSchemaValid = !hasErrors(errors);
    int last = rootLine; // libxml2 leaves some interleave errors without a line
    for (const Diagnostic &d : errors)
        if (d.isError()) {
            last = d.line > 0 ? d.line : last;
            rejected(last, d.message);
        }
    if (report.targetSchemaValid)
        report.findings.erase(std::remove_if(report.findings.begin(), report.findings.end(),
                                             [](const XmlCheckFinding &f) {
                                                 return f.kind == XmlCheckFinding::NewerThanTarget ||
                                                        f.kind == XmlCheckFinding::MaybeNewerThanTarget;
                                             }),
                              report.findings.end());
}

QString targetSchemaDirOf(const QString &path)
{
    const QDir dir(path);
    if (!dir.exists())
        return {};
    if (!dir.entryList({QStringLiteral("*.rng")}, QDir::Files).isEmpty())
        return QFileInfo(path).absoluteFilePath();
    for (const char *sub : {"src/conf/schemas", "docs/schemas"})
        if (const QDir schemas(dir.filePath(QLatin1String(sub)));
            schemas.exists() && !schemas.entryList({QStringLiteral("*.rng")}, QDir::Files).isEmpty())
            return schemas.absolutePath();
    return {};
}

} // namespace vse
