// XmlCheckRunner::folderHtml: Check domain XML on a folder, as
// `virt-support check-xml FOLDER` checks one (every *.xml, a verdict each).
#include "xmlcheckrunner.h"
#include "xmlcheckrunner_p.h"

#include "check/checkreport.h"
#include "io/confinedfile.h"

#include <QFileInfo>

namespace vse::gui {

QString XmlCheckRunner::folderHtml(const SnapshotPtr &snapshot, const QStringList &files, Version target)
{
    QList<XmlCheckReport> reports;
    int clean = 0;
    Lookup lookup(snapshot); // the index read once for the whole folder
    for (const QString &file : files) {
        QByteArray data;
        QString why;
        XmlCheckReport report;
        if (vse::SourceRoot().read(file, &data, &why)) {
            report = check(lookup, data, file, target);
        } else {
            report.file = file;
            report.diagnostics.append(Diagnostic::error(file, 0, why));
        }
        clean += CheckReport::of(report, target).verdict.kind == CheckVerdict::Supported ? 1 : 0;
        reports.append(std::move(report));
    }
    QString summary = QStringLiteral("<h3>") +
                      tr("%n file(s) checked", nullptr, int(files.size())).toHtmlEscaped() +
                      QStringLiteral(", ") + tr("%n supported as is", nullptr, clean).toHtmlEscaped() +
                      QStringLiteral("</h3><table cellspacing=\"4\"><tr><th align=\"left\">") +
                      tr("File").toHtmlEscaped() + QStringLiteral("</th><th align=\"left\">") +
                      tr("Verdict").toHtmlEscaped() + QStringLiteral("</th></tr>");
    QString details;
    for (qsizetype i = 0; i < reports.size(); ++i) {
        const XmlCheckReport &r = reports.at(i);
        const QString anchor = QStringLiteral("file%1").arg(i);
        const QString name = QFileInfo(r.file).fileName().toHtmlEscaped();
        summary += QStringLiteral("<tr><td><a href=\"#") + anchor + QStringLiteral("\">") + name +
                   QStringLiteral("</a></td><td>") +
                   CheckReport::of(r, target).verdict.text().toHtmlEscaped() + QStringLiteral("</td></tr>");
        details += QStringLiteral("<hr><h3><a name=\"") + anchor + QStringLiteral("\"></a>") +
                   r.file.toHtmlEscaped() + QStringLiteral("</h3>") + reportHtml(r, target);
    }
    return summary + QStringLiteral("</table>") + details;
}

} // namespace vse::gui
