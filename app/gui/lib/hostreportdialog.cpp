#include "hostreportdialog.h"

#include "index/store.h"
#include "livehost/livehost.h"
#include "model/policy.h"
#include "triage/reportformat.h"
#include "triage/sosreport.h"

#include <QApplication>
#include <QClipboard>
#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QSplitter>
#include <QTextBrowser>
#include <QUrl>
#include <QVBoxLayout>

namespace vse::gui {

namespace {

QString esc(const QString &s)
{
    return s.toHtmlEscaped();
}

QString itemLink(const QString &item, const QString &text)
{
    if (item.isEmpty())
        return text.toHtmlEscaped();
    return QStringLiteral("<a href=\"item:%1\">%2</a>")
        .arg(QString::fromUtf8(QUrl::toPercentEncoding(item)), text.toHtmlEscaped());
}

} // namespace

HostReportDialog::HostReportDialog(const QString &indexPath, QWidget *parent)
    : QDialog(parent), m_indexPath(indexPath)
{
    setWindowTitle(tr("Support report"));
    resize(1000, 650);
    m_status = new QLabel(this);
    m_status->setWordWrap(true);
    m_list = new QListWidget(this);
    m_page = new QTextBrowser(this);
    m_page->setOpenLinks(false);
    connect(m_page, &QTextBrowser::anchorClicked, this, [this](const QUrl &url) {
        if (url.scheme() == QLatin1String("item"))
            Q_EMIT itemRequested(QUrl::fromPercentEncoding(url.path().toUtf8()));
    });
    auto *split = new QSplitter(this);
    split->addWidget(m_list);
    split->addWidget(m_page);
    split->setStretchFactor(1, 3);
    connect(m_list, &QListWidget::currentRowChanged, this, &HostReportDialog::showEntry);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    m_copy = buttons->addButton(tr("&Copy report"), QDialogButtonBox::ActionRole);
    m_copy->setToolTip(tr("Copy the whole report as Markdown, for a ticket"));
    m_copy->setEnabled(false);
    connect(m_copy, &QPushButton::clicked, this, &HostReportDialog::copyReport);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_status);
    layout->addWidget(split, 1);
    layout->addWidget(buttons);
}

void HostReportDialog::finish(const Result &r)
{
    if (!r.error.isEmpty())
        m_status->setText(r.error);
    else
        setReport(r.report);
    Q_EMIT finished();
}

void HostReportDialog::start(std::function<Result()> job, const QString &what)
{
    m_status->setText(tr("Reading %1\u2026").arg(what));
    m_list->clear();
    m_page->clear();
    m_copy->setEnabled(false);
    m_worker.start(std::move(job), [this](Result r) { finish(r); });
}

void HostReportDialog::openHost(const QString &uri)
{
    const QString index = m_indexPath;
    start(
        [uri, index] {
            Result r;
            Store store; // one SQLite connection per thread
            Diagnostics d;
            if (!store.open(index, &d)) {
                r.error = tr("The index cannot be opened: %1")
                              .arg(d.isEmpty() ? index : d.constFirst().toString());
                return r;
            }
            if (!readLiveHost(uri, store, &r.report, &r.error))
                r.error = tr("Cannot read the host: %1").arg(r.error);
            return r;
        },
        uri.isEmpty() ? tr("libvirt's default host") : uri);
}

void HostReportDialog::openSosReport(const QString &folder)
{
    const QString index = m_indexPath;
    start(
        [folder, index] {
            Result r;
            Store store;
            Diagnostics d;
            if (!store.open(index, &d)) {
                r.error = tr("The index cannot be opened: %1")
                              .arg(d.isEmpty() ? index : d.constFirst().toString());
                return r;
            }
            r.report = SosReport(folder).read(store);
            return r;
        },
        folder);
}

void HostReportDialog::setReport(const HostReport &report)
{
    m_report = report;
    const HostReport::Summary s = report.summary();
    m_status->setText(
        tr("%1 \u2014 libvirt %2: %3 guest(s), %4 tainted, %5 using namespace extensions")
            .arg(report.subject,
                 report.libvirt.isValid() ? report.libvirt.toString() : tr("(unknown)"))
            .arg(s.guests)
            .arg(s.tainted)
            .arg(s.namespaceExtensions));
    m_list->clear();
    m_list->addItem(tr("Summary"));
    for (const GuestReport &g : report.guests)
        m_list->addItem(QStringLiteral("%1 \u2014 %2").arg(g.name, g.logOnly ? tr("log only") : g.verdictId()));
    m_list->addItem(tr("Configuration (%1 file(s))").arg(report.configs.size()));
    m_copy->setEnabled(true);
    m_list->setCurrentRow(0);
}

QString HostReportDialog::guestHtml(const GuestReport &g) const
{
    const Policy &policy = Policy::instance();
    QString h = QStringLiteral("<h2>%1</h2><p><b>%2</b></p><p>%3</p><ul>")
                    .arg(g.name.toHtmlEscaped(), g.verdictText().toHtmlEscaped(),
                         esc(tr("XML: ") + (g.xmlSource.isEmpty() ? tr("(none)") : g.xmlSource) +
                             (g.state.isEmpty() ? QString() : tr("; state: ") + g.state)));
    for (const QString &p : g.xmlProblems)
        h += QStringLiteral("<li>%1</li>").arg(esc(tr("Not checked: ") + p));
    for (const TaintEvidence &t : g.taints)
        h += QStringLiteral("<li><b>%1</b> %2<br><small>%3</small></li>")
                 .arg(tr("Taint %1").arg(t.reason).toHtmlEscaped(),
                      policy.taintReason(t.reason).meaning.toHtmlEscaped(),
                      esc(tr("evidence: ") + t.source +
                          (t.detail.isEmpty()
                               ? QString()
                               : QStringLiteral(" (") + t.detail + QLatin1Char(')'))));
    for (const QString &d : g.deprecations)
        h += QStringLiteral("<li>%1</li>").arg(esc(tr("Deprecated: ") + d));
    for (const QString &n : g.newerThanHost)
        h += QStringLiteral("<li>%1</li>").arg(esc(tr("Newer than the host: ") + n));
    for (const QString &n : g.notes)
        h += QStringLiteral("<li>%1</li>").arg(esc(tr("Note: ") + n));
    h += QStringLiteral("</ul>");
    if (g.xmlChecked) {
        h += QStringLiteral("<h3>%1</h3><ul>").arg(tr("Findings"));
        for (const NodeFindings &n : g.xml.nodes) {
            if (!n.notable())
                continue;
            QStringList facts = n.taints;
            if (n.namespaceExtension)
                facts << tr("namespace extension (%1)").arg(n.hypervisor);
            if (!n.tier.isEmpty())
                facts << n.tier;
            if (n.since.isKnown())
                facts << n.since.toString();
            h += QStringLiteral("<li>%1 %2 [%3]%4</li>")
                     .arg(tr("line %1:").arg(n.line),
                          itemLink(n.item,
                                   n.path + (n.value.isEmpty() ? QString()
                                                               : QLatin1Char('=') + n.value)),
                          facts.join(QStringLiteral(", ")).toHtmlEscaped(),
                          n.problems.isEmpty()
                              ? QString()
                              : QStringLiteral(": ") +
                                    n.problems.join(QStringLiteral("; ")).toHtmlEscaped());
        }
        h += QStringLiteral("</ul>");
    }
    return h;
}

void HostReportDialog::showEntry(int row)
{
    if (row < 0)
        return;
    const qsizetype guests = m_report.guests.size();
    if (row == 0) {
        // The whole report's head: the same HTML as `--format html`, up to the guests.
        QString html = renderReport(m_report, ReportFormat::Html);
        const qsizetype cut = html.indexOf(QLatin1String("<h2>"));
        if (cut > 0)
            html = html.left(cut) + QStringLiteral("</body></html>");
        for (const QString &p : m_report.problems)
            html += QStringLiteral("<p>%1</p>").arg(esc(tr("Refused: ") + p));
        for (const QString &n : m_report.notes)
            html += QStringLiteral("<p>%1</p>").arg(n.toHtmlEscaped());
        m_page->setHtml(html);
    } else if (row <= guests) {
        m_page->setHtml(guestHtml(m_report.guests.at(row - 1)));
    } else {
        QString h = QStringLiteral("<h2>%1</h2>").arg(tr("Configuration"));
        for (const ConfigCheckReport &c : m_report.configs) {
            h += QStringLiteral("<h3>%1</h3><ul>").arg(c.file.toHtmlEscaped());
            for (const ConfigFinding &f : c.findings)
                h += QStringLiteral("<li>%1</li>")
                         .arg(QStringLiteral("line %1: %2: %3: %4")
                                  .arg(f.line)
                                  .arg(ConfigFinding::kindId(f.kind), f.option, f.message)
                                  .toHtmlEscaped());
            h += QStringLiteral("</ul>");
        }
        m_page->setHtml(h);
    }
}

void HostReportDialog::selectEntry(int row)
{
    m_list->setCurrentRow(row);
}

QStringList HostReportDialog::entries() const
{
    QStringList out;
    for (int i = 0; i < m_list->count(); ++i)
        out << m_list->item(i)->text();
    return out;
}

QString HostReportDialog::pageText() const
{
    return m_page->toPlainText();
}

void HostReportDialog::copyReport()
{
    QApplication::clipboard()->setText(renderReport(m_report, ReportFormat::Markdown));
}

} // namespace vse::gui
