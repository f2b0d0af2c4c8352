#include "checkscriptdialog.h"

#include "htmlbits.h"

#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QLabel>
#include <QPushButton>
#include <QTextBrowser>
#include <QVBoxLayout>

namespace vse::gui {

using html::esc;

CheckScriptDialog::CheckScriptDialog(SnapshotPtr snapshot, Version target, QWidget *parent)
    : QDialog(parent), m_snapshot(std::move(snapshot)), m_target(target),
      m_report(new QTextBrowser(this))
{
    setWindowTitle(tr("Check shell script"));
    resize(820, 540);
    auto *layout = new QVBoxLayout(this);
    auto *intro = new QLabel(
        tr("Checks the virsh calls of a shell script (it is read, never run): unknown commands "
           "and options%1, deprecated aliases, and pipelines or $(\u2026) that parse a table "
           "or list virsh prints, with the stable alternative.")
            .arg(m_target.isValid()
                     ? tr(", commands and options newer than %1").arg(m_target.toString())
                     : QString()),
        this);
    intro->setWordWrap(true);
    layout->addWidget(intro);
    layout->addWidget(m_report, 1);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    QPushButton *open = buttons->addButton(tr("&Open script\u2026"), QDialogButtonBox::ActionRole);
    connect(open, &QPushButton::clicked, this, &CheckScriptDialog::openFile);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
}

void CheckScriptDialog::openFile()
{
    const QString path =
        QFileDialog::getOpenFileName(this, tr("Open shell script"), QDir::homePath(),
                                     tr("Shell scripts (*.sh *.bash);;All files (*)"));
    if (!path.isEmpty())
        checkFile(path);
}

ScriptCheckReport CheckScriptDialog::checkFile(const QString &path)
{
    ItemList known;
    if (m_snapshot)
        known = m_snapshot->store().itemsOfKinds({ItemKind::VirshCommand, ItemKind::VirshOption});
    ScriptChecker::Options options;
    options.maxVersion = m_target;
    const ScriptCheckReport report = ScriptChecker::check(path, VirshCatalogue(known), options);
    QString html = QStringLiteral("<h3>") + esc(path) + QStringLiteral("</h3>");
    if (hasErrors(report.diagnostics)) {
        for (const Diagnostic &d : report.diagnostics)
            html += QStringLiteral("<p><b>") + esc(tr("Not checked:")) + QStringLiteral("</b> ") +
                    esc(d.toString()) + QStringLiteral("</p>");
        m_report->setHtml(html);
        return report;
    }
    int problems = 0;
    for (const ScriptFinding &f : report.findings)
        problems += f.isProblem();
    const QString verdict = problems > 0                ? tr("Problems: %n", nullptr, problems)
                            : report.findings.isEmpty() ? tr("Clean")
                                                        : tr("No problems, %n note(s)", nullptr,
                                                             int(report.findings.size()));
    html += QStringLiteral("<p><b>") + esc(verdict) + QStringLiteral("</b> \u2014 ") +
            esc(tr("%n virsh call(s)", nullptr, report.invocations)) + QStringLiteral("</p><ul>");
    for (const ScriptFinding &f : report.findings) {
        html += QStringLiteral("<li>") + esc(tr("line %1, column %2").arg(f.line).arg(f.column)) +
                QStringLiteral(": <b>") + esc(ScriptFinding::kindId(f.kind)) +
                QStringLiteral("</b> <tt>") + esc(f.subject) + QStringLiteral("</tt>: ") +
                esc(f.message) + QStringLiteral("</li>");
    }
    html += QStringLiteral("</ul>");
    for (const QString &n : report.parseNotes)
        html += QStringLiteral("<p>") + esc(tr("Shell syntax at %1 (the rest may be misread)").arg(n)) +
                QStringLiteral("</p>");
    m_report->setHtml(html);
    return report;
}

QString CheckScriptDialog::reportText() const
{
    return m_report->toPlainText();
}

} // namespace vse::gui
