#include "reportformat.h"

#include "model/policy.h"

namespace vse {

namespace {

// The report as a few kinds of block, so the three formats say the same.
struct Block
{
    enum Kind
    {
        Title,
        Heading,
        Subheading,
        Para,
        Item,
        SubItem
    };
    Kind kind;
    QString text;
};

QList<Block> blocksOf(const HostReport &r)
{
    const Policy &policy = Policy::instance();
    QList<Block> b;
    b.append({Block::Title, QStringLiteral("libvirt support report: ") + r.subject});
    b.append({Block::Para, QStringLiteral("Verdict: ") + r.verdictText()});
    QString host = QStringLiteral("Host: libvirt ") +
                   (r.libvirt.isValid() ? r.libvirt.toString() : QStringLiteral("(unknown)"));
    if (!r.versionEvidence.isEmpty())
        host += QStringLiteral(" (") + r.versionEvidence + QLatin1Char(')');
    if (!r.driver.isEmpty())
        host +=
            QStringLiteral("; driver ") + r.driver +
            (r.hypervisorVersion.isEmpty() ? QString() : QLatin1Char(' ') + r.hypervisorVersion);
    if (!r.hostArch.isEmpty())
        host += QStringLiteral("; host arch ") + r.hostArch;
    if (r.library.isValid())
        host += QStringLiteral("; read with client library ") + r.library.toString();
    b.append({Block::Para, host});
    b.append({Block::Para,
              QStringLiteral("Judged against: libvirt %1 (since facts from the index and the "
                             "release history); XML validated with the schemas of %2")
                  .arg(r.libvirt.isValid() ? r.libvirt.toString()
                                           : QStringLiteral("(no version: newest)"),
                       r.schemaRelease.isEmpty() ? QStringLiteral("(none)") : r.schemaRelease)});

    b.append({Block::Heading, QStringLiteral("Guests")});
    if (r.guests.isEmpty())
        b.append({Block::Para, QStringLiteral("No guest found.")});
    for (const GuestReport &g : r.guests) {
        b.append({Block::Subheading, g.name + QStringLiteral(": ") + g.verdictText()});
        QString origin = QStringLiteral("XML: ") +
                         (g.xmlSource.isEmpty() ? QStringLiteral("(none)") : g.xmlSource);
        if (!g.state.isEmpty())
            origin += QStringLiteral("; state: ") + g.state;
        b.append({Block::Item, origin});
        for (const QString &p : g.xmlProblems)
            b.append({Block::Item, QStringLiteral("Not checked: ") + p});
        for (const TaintEvidence &t : g.taints) {
            const QString meaning = policy.taintReason(t.reason).meaning;
            b.append({Block::Item, meaning.isEmpty()
                                       ? QStringLiteral("Taint: ") + t.reason
                                       : QStringLiteral("Taint %1: %2").arg(t.reason, meaning)});
            b.append({Block::SubItem, QStringLiteral("evidence: ") + t.source +
                                          (t.detail.isEmpty() ? QString()
                                                              : QStringLiteral(" (") + t.detail +
                                                                    QLatin1Char(')'))});
        }
        if (g.usesNamespaceExtensions())
            b.append(
                {Block::Item, QStringLiteral("Namespace extensions (%1): %2")
                                  .arg(g.xml.verdict.hypervisors.join(QStringLiteral(", ")),
                                       policy.tier(QStringLiteral("namespace-extension")).rule)});
        for (const QString &d : g.deprecations)
            b.append({Block::Item, QStringLiteral("Deprecated: ") + d});
        for (const QString &n : g.newerThanHost)
            b.append({Block::Item, QStringLiteral("Newer than the host: ") + n});
        for (const QString &f : g.findingLines(r.libvirt))
            b.append({Block::Item, QStringLiteral("Finding: ") + f});
        for (const QString &n : g.notes)
            b.append({Block::Item, QStringLiteral("Note: ") + n});
    }

    b.append({Block::Heading, QStringLiteral("Configuration")});
    if (r.configs.isEmpty())
        b.append({Block::Para, QStringLiteral("No daemon configuration file checked.")});
    for (const ConfigCheckReport &c : r.configs) {
        int problems = 0;
        for (const ConfigFinding &f : c.findings)
            problems += f.isProblem();
        b.append(
            {Block::Subheading, QStringLiteral("%1: %2 setting(s) of %3, %4 problem(s), %5 note(s)%6")
                                    .arg(c.file)
                                    .arg(c.settings)
                                    .arg(c.configName)
                                    .arg(problems)
                                    .arg(c.findings.size() - problems)
                                    .arg(c.hasSyntaxErrors()
                                             ? QStringLiteral("; libvirt cannot parse it: the "
                                                              "daemon would not start")
                                             : QString())});
        for (const ConfigFinding &f : c.findings)
            b.append({Block::Item, QStringLiteral("line %1: %2%3: %4: %5")
                                       .arg(f.line)
                                       .arg(f.isProblem() ? QString() : QStringLiteral("note: "),
                                            ConfigFinding::kindId(f.kind), f.option, f.message)});
        b.append({Block::Item,
                  QStringLiteral("Policy: ") + policy.tier(QStringLiteral("not-guaranteed")).rule});
    }
    if (!r.notes.isEmpty() || !r.problems.isEmpty()) {
        b.append({Block::Heading, QStringLiteral("Notes and refused inputs")});
        for (const QString &p : r.problems)
            b.append({Block::Item, QStringLiteral("Refused: ") + p});
        for (const QString &n : r.notes)
            b.append({Block::Item, n});
    }
    return b;
}

QString underlined(const QString &t, QLatin1Char c)
{
    return t + QLatin1Char('\n') + QString(t.size(), c) + QLatin1Char('\n');
}

QString escapeMarkdown(const QString &s)
{
    // Paths and XML names are full of characters Markdown treats as markup.
    QString out;
    out.reserve(s.size());
    for (const QChar c : s) {
        if (c == QLatin1Char('*') || c == QLatin1Char('_') || c == QLatin1Char('`') ||
            c == QLatin1Char('<') || c == QLatin1Char('>') || c == QLatin1Char('[') ||
            c == QLatin1Char(']') || c == QLatin1Char('\\') || c == QLatin1Char('|') ||
            c == QLatin1Char('#'))
            out += QLatin1Char('\\');
        out += c;
    }
    return out;
}

} // namespace

QString renderReport(const HostReport &report, ReportFormat format)
{
    const QList<Block> blocks = blocksOf(report);
    QString out;
    if (format == ReportFormat::Html) {
        out += QStringLiteral("<!DOCTYPE html>\n<html><head><meta "
                              "charset=\"utf-8\"><title>%1</title></head><body>\n")
                   .arg(blocks.constFirst().text.toHtmlEscaped());
        bool inList = false, inSub = false;
        for (const Block &b : blocks) {
            const QString t = b.text.toHtmlEscaped();
            if (b.kind != Block::SubItem && inSub) {
                out += QStringLiteral("</ul></li>\n");
                inSub = false;
            }
            if (b.kind != Block::Item && b.kind != Block::SubItem && inList) {
                out += QStringLiteral("</ul>\n");
                inList = false;
            }
            switch (b.kind) {
            case Block::Title:
                out += QStringLiteral("<h1>%1</h1>\n").arg(t);
                break;
            case Block::Heading:
                out += QStringLiteral("<h2>%1</h2>\n").arg(t);
                break;
            case Block::Subheading:
                out += QStringLiteral("<h3>%1</h3>\n").arg(t);
                break;
            case Block::Para:
                out += QStringLiteral("<p>%1</p>\n").arg(t);
                break;
            case Block::Item:
                if (!inList)
                    out += QStringLiteral("<ul>\n");
                inList = true;
                out += QStringLiteral("<li>%1").arg(t);
                out += QStringLiteral("</li>\n");
                break;
            case Block::SubItem:
                // Nested under the previous item: reopen it.
                if (!inSub) {
                    out.chop(6); // "</li>\n"
                    out += QStringLiteral("<ul>");
                    inSub = true;
                }
                out += QStringLiteral("<li>%1</li>").arg(t);
                break;
            }
        }
        if (inSub)
            out += QStringLiteral("</ul></li>\n");
        if (inList)
            out += QStringLiteral("</ul>\n");
        out += QStringLiteral("</body></html>\n");
        return out;
    }
    const bool md = format == ReportFormat::Markdown;
    Block::Kind previous = Block::Title;
    for (const Block &b : blocks) {
        const QString t = md ? escapeMarkdown(b.text) : b.text;
        const bool listItem = b.kind == Block::Item || b.kind == Block::SubItem;
        const bool prevItem = previous == Block::Item || previous == Block::SubItem;
        if (!out.isEmpty() && !(listItem && prevItem))
            out += QLatin1Char('\n');
        switch (b.kind) {
        case Block::Title:
            out += md ? QString(QStringLiteral("# ") + t + QLatin1Char('\n'))
                      : underlined(t, QLatin1Char('='));
            break;
        case Block::Heading:
            out += md ? QString(QStringLiteral("## ") + t + QLatin1Char('\n'))
                      : underlined(t, QLatin1Char('-'));
            break;
        case Block::Subheading:
            out += (md ? QStringLiteral("### ") : QStringLiteral("* ")) + t + QLatin1Char('\n');
            break;
        case Block::Para:
            out += t + QLatin1Char('\n');
            break;
        case Block::Item:
            out += (md ? QStringLiteral("- ") : QStringLiteral("  - ")) + t + QLatin1Char('\n');
            break;
        case Block::SubItem:
            out +=
                (md ? QStringLiteral("    - ") : QStringLiteral("      ")) + t + QLatin1Char('\n');
            break;
        }
        previous = b.kind;
    }
    return out;
}

} // namespace vse
