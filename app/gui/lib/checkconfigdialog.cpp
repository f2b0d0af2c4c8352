#include "checkconfigdialog.h"

#include "scan/targets.h"

#include "htmlbits.h"

#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTextBrowser>
#include <QVBoxLayout>

namespace vse::gui {

using html::esc;

CheckConfigDialog::CheckConfigDialog(SnapshotPtr snapshot, Version target, QWidget *parent)
    : QDialog(parent), m_snapshot(std::move(snapshot)), m_target(target),
      m_from(new QLineEdit(this)), m_to(new QLineEdit(this)), m_report(new QTextBrowser(this))
{
    setWindowTitle(tr("Check configuration file"));
    resize(760, 520);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(new QLabel(
        tr("Checks a daemon configuration file (qemu.conf, libvirtd.conf, virtqemud.conf, \u2026): "
           "unknown "
           "options, values of the wrong type, options the augeas lens cannot read%1, and with "
           "both releases "
           "below, the settings the file leaves to a shipped value that changed between them.")
            .arg(m_target.isValid()
                     ? tr(", options removed by or newer than %1").arg(m_target.toString())
                     : QString()),
        this));
    auto *form = new QFormLayout;
    m_from->setPlaceholderText(tr("e.g. 1.2.0"));
    m_to->setPlaceholderText(tr("e.g. 9.0.0"));
    form->addRow(tr("Shipped values from release"), m_from);
    form->addRow(tr("to release"), m_to);
    layout->addLayout(form);
    layout->addWidget(m_report, 1);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    QPushButton *open = buttons->addButton(tr("&Open file\u2026"), QDialogButtonBox::ActionRole);
    connect(open, &QPushButton::clicked, this, &CheckConfigDialog::openFile);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
}

void CheckConfigDialog::openFile()
{
    const QString path = QFileDialog::getOpenFileName(
        this, tr("Open configuration file"), QStringLiteral("/etc/libvirt"),
        tr("Configuration files (*.conf);;All files (*)"));
    if (!path.isEmpty())
        checkFile(path);
}

ConfigCheckReport CheckConfigDialog::checkFile(const QString &path)
{
    ItemList known;
    if (m_snapshot)
        known = m_snapshot->store().itemsOfKinds({ItemKind::ConfigOption});
    ConfigChecker::Options options;
    options.maxVersion = m_target;
    // As the CLI's --from/--to read them (9.0.0, v9.0.0, bookworm).
    const Version from = scan::readRelease(m_from->text()).version;
    const Version to = scan::readRelease(m_to->text()).version;
    if (from.isValid() && to.isValid()) {
        options.from = from;
        options.to = to;
    }
    const ConfigCheckReport report = ConfigChecker::check(path, known, options);
    QString html = QStringLiteral("<h3>") + esc(path) + QStringLiteral("</h3>");
    if (hasErrors(report.diagnostics)) {
        for (const Diagnostic &d : report.diagnostics)
            html += QStringLiteral("<p><b>") + esc(tr("Not checked:")) + QStringLiteral("</b> ") +
                    esc(d.toString()) + QStringLiteral("</p>");
        m_report->setHtml(html);
        return report;
    }
    int problems = 0;
    for (const ConfigFinding &f : report.findings)
        problems += f.isProblem();
    const QString verdict = problems > 0                ? tr("Problems: %n", nullptr, problems)
                            : !report.taints().isEmpty()
                                ? tr("No problems, but libvirt marks every guest tainted: %1")
                                      .arg(report.taints().join(QStringLiteral(", ")))
                            : report.findings.isEmpty() ? tr("Clean")
                                                        : tr("No problems, %n note(s)", nullptr,
                                                             int(report.findings.size()));
    html += QStringLiteral("<p><b>") + esc(verdict) + QStringLiteral("</b> \u2014 ") +
            esc(tr("%n setting(s) of %1", nullptr, report.settings).arg(report.configName)) +
            QStringLiteral("</p><ul>");
    for (const ConfigFinding &f : report.findings)
        html += QStringLiteral("<li>") + esc(tr("line %1").arg(f.line)) + QStringLiteral(": <b>") +
                esc(ConfigFinding::kindId(f.kind)) + QStringLiteral("</b> <tt>") + esc(f.option) +
                QStringLiteral("</tt>: ") + esc(f.message) + QStringLiteral("</li>");
    html += QStringLiteral("</ul>");
    m_report->setHtml(html);
    return report;
}

QString CheckConfigDialog::reportText() const
{
    return m_report->toPlainText();
}

} // namespace vse::gui
