#include "triagereport.h"

#include "model/policy.h"

#include <QJsonArray>

namespace vse {

CheckVerdict::Kind GuestReport::verdict() const
{
    if (!xmlChecked)
        return CheckVerdict::NotChecked;
    CheckVerdict::Kind k = xml.verdict.kind;
    if (!taints.isEmpty() && k < CheckVerdict::Tainted)
        k = CheckVerdict::Tainted;
    return k;
}

QString GuestReport::verdictText() const
{
    CheckVerdict v = xml.verdict;
    v.kind = verdict();
    if (v.kind == CheckVerdict::NotChecked && v.problem.isEmpty())
        v.problem = xmlProblems.isEmpty() ? QStringLiteral("no XML") : xmlProblems.constFirst();
    for (const QString &r : taintReasons())
        if (!v.taints.contains(r))
            v.taints << r;
    return v.text();
}

QStringList GuestReport::taintReasons() const
{
    QStringList out;
    for (const TaintEvidence &t : taints)
        if (!out.contains(t.reason))
            out << t.reason;
    return out;
}

QStringList GuestReport::findingLines(const Version &target) const
{
    QStringList out;
    if (!xmlChecked)
        return out;
    for (const NodeFindings &n : xml.nodes) {
        if (!n.notable())
            continue;
        const QStringList facts = n.facts(target);
        QString line = QStringLiteral("line %1: %2%3")
                           .arg(n.line)
                           .arg(n.path.isEmpty() ? QStringLiteral("schema") : n.path,
                                n.value.isEmpty() ? QString() : QLatin1Char('=') + n.value);
        if (!facts.isEmpty())
            line += QStringLiteral(" [") + facts.join(QStringLiteral(", ")) + QLatin1Char(']');
        if (!n.problems.isEmpty())
            line += QStringLiteral(": ") + n.problems.join(QStringLiteral("; "));
        out << line;
    }
    return out;
}

QString HostReport::verdictText() const
{
    if (!nothingFound.isEmpty())
        return nothingFound;
    const Summary s = summary();
    QStringList why;
    for (const auto &[reason, n] : s.taints)
        why << QStringLiteral("%1 %2").arg(reason).arg(n);
    QString text = QStringLiteral("%1 guest(s): %2 supported as is, %3 tainted%4, %5 using namespace extensions, "
                                  "%6 may be too new, %7 invalid or too new, %8 not checked%9")
                       .arg(s.guests)
                       .arg(s.supported)
                       .arg(s.tainted)
                       .arg(why.isEmpty() ? QString()
                                          : QStringLiteral(" (") + why.join(QStringLiteral(", ")) + QLatin1Char(')'))
                       .arg(s.namespaceExtensions)
                       .arg(s.maybeTooNew)
                       .arg(s.problems)
                       .arg(s.notChecked)
                       .arg(s.logOnly > 0 ? QStringLiteral(" (and %1 known only from a log)").arg(s.logOnly)
                                          : QString());
    text += QStringLiteral("; configuration: %1 problem(s) in %2 file(s)").arg(s.configProblems).arg(configs.size());
    if (!s.configTaints.isEmpty())
        text += QStringLiteral(", and its settings taint every guest the daemon starts: ") +
                s.configTaints.join(QStringLiteral(", "));
    // The worst news of all (exit 8): say it in the verdict, not only below.
    if (s.configUnparsable > 0)
        text += QStringLiteral(", %1 of them refused by libvirt's parser: the daemon would not start")
                    .arg(s.configUnparsable);
    return text;
}

HostReport::Summary HostReport::summary() const
{
    Summary s;
    s.guests = int(guests.size());
    for (const GuestReport &g : guests) {
        const auto k = g.verdict();
        s.supported += k == CheckVerdict::Supported;
        s.notChecked += k == CheckVerdict::NotChecked && !g.logOnly;
        s.logOnly += g.logOnly;
        // "May be too new" is never a failure: counted on its own, as check-xml does.
        s.problems += k == CheckVerdict::Invalid || k == CheckVerdict::TooNew;
        s.maybeTooNew += k == CheckVerdict::MaybeTooNew;
        s.tainted += !g.taints.isEmpty();
        s.namespaceExtensions += g.usesNamespaceExtensions();
        for (const QString &r : g.taintReasons()) {
            auto it = std::find_if(s.taints.begin(), s.taints.end(),
                                   [&](const auto &p) { return p.first == r; });
            if (it == s.taints.end())
                s.taints.append({r, 1});
            else
                ++it->second;
        }
    }
    for (const ConfigCheckReport &c : configs) {
        for (const ConfigFinding &f : c.findings)
            s.configProblems += f.isProblem();
        s.configUnparsable += c.hasSyntaxErrors();
        for (const QString &t : c.taints())
            if (!s.configTaints.contains(t))
                s.configTaints << t;
    }
    return s;
}

int HostReport::exitCode() const
{
    if (!nothingFound.isEmpty())
        return kNothingFound;
    // A configuration libvirt cannot parse stops the daemon: worse than any
    // guest's verdict (check-config's code).
    for (const ConfigCheckReport &c : configs)
        if (c.hasSyntaxErrors())
            return kConfigSyntax;
    // check-xml's exit codes (app/cli/cli.h), worst first.
    static const QList<QPair<CheckVerdict::Kind, int>> order{
        {CheckVerdict::NotChecked, 3}, {CheckVerdict::Invalid, 1},
        {CheckVerdict::TooNew, 1},     {CheckVerdict::MaybeTooNew, 5},
        {CheckVerdict::Tainted, 6},    {CheckVerdict::NamespaceExtensions, 7}};
    // A guest known only from its log counts by what the log says.
    const auto kindOf = [](const GuestReport &g) {
        if (!g.logOnly)
            return g.verdict();
        return g.taints.isEmpty() ? CheckVerdict::Supported : CheckVerdict::Tainted;
    };
    // A setting that taints every guest the daemon starts (qemu.conf user =
    // "root") counts as a tainted guest.
    bool configTaints = false;
    for (const ConfigCheckReport &c : configs)
        configTaints = configTaints || !c.taints().isEmpty();
    for (const auto &[kind, code] : order) {
        if (kind == CheckVerdict::Tainted && configTaints)
            return code;
        for (const GuestReport &g : guests)
            if (kindOf(g) == kind)
                return code;
    }
    return problems.isEmpty() ? 0 : 3;
}

QJsonObject HostReport::toJson() const
{
    const Policy &policy = Policy::instance();
    const Summary s = summary();
    QJsonObject taintCounts;
    for (const auto &[reason, n] : s.taints)
        taintCounts.insert(reason, n);
    QJsonObject o{
        {QStringLiteral("mode"), mode},
        {QStringLiteral("subject"), subject},
        {QStringLiteral("libvirt"),
         QJsonObject{
             {QStringLiteral("version"), libvirt.isValid() ? libvirt.toString() : QString()},
             {QStringLiteral("evidence"), versionEvidence},
             {QStringLiteral("library"), library.isValid() ? library.toString() : QString()},
             {QStringLiteral("driver"), driver},
             {QStringLiteral("hypervisorVersion"), hypervisorVersion},
             {QStringLiteral("hostArch"), hostArch},
             {QStringLiteral("schemas"), schemaRelease}}},
        {QStringLiteral("summary"),
         QJsonObject{{QStringLiteral("guests"), s.guests},
                     {QStringLiteral("supported"), s.supported},
                     {QStringLiteral("tainted"), s.tainted},
                     {QStringLiteral("taints"), taintCounts},
                     {QStringLiteral("namespaceExtensions"), s.namespaceExtensions},
                     {QStringLiteral("invalidOrTooNew"), s.problems},
                     {QStringLiteral("maybeTooNew"), s.maybeTooNew},
                     {QStringLiteral("configUnparsable"), s.configUnparsable},
                     {QStringLiteral("notChecked"), s.notChecked},
                     {QStringLiteral("logOnly"), s.logOnly},
                     {QStringLiteral("configProblems"), s.configProblems},
                     {QStringLiteral("configTaints"), QJsonArray::fromStringList(s.configTaints)}}},
        {QStringLiteral("notes"), QJsonArray::fromStringList(notes)},
        {QStringLiteral("problems"), QJsonArray::fromStringList(problems)},
        {QStringLiteral("exitCode"), exitCode()},
        // The text report's "Verdict:" line.
        {QStringLiteral("verdictText"), verdictText()},
        {QStringLiteral("nothingFound"), !nothingFound.isEmpty()},
    };
    QJsonArray gs;
    for (const GuestReport &g : guests) {
        QJsonArray taintArr;
        for (const TaintEvidence &t : g.taints)
            taintArr.append(
                QJsonObject{{QStringLiteral("reason"), t.reason},
                            {QStringLiteral("meaning"), policy.taintReason(t.reason).meaning},
                            {QStringLiteral("source"), t.source},
                            {QStringLiteral("detail"), t.detail}});
        QJsonObject go{
            {QStringLiteral("name"), g.name},
            {QStringLiteral("verdict"), g.verdictId()},
            // The whole verdict, as the text report heads the guest with.
            {QStringLiteral("verdictText"), g.verdictText()},
            {QStringLiteral("findings"), QJsonArray::fromStringList(g.findingLines(libvirt))},
            {QStringLiteral("logOnly"), g.logOnly},
            {QStringLiteral("state"), g.state},
            {QStringLiteral("xmlSource"), g.xmlSource},
            {QStringLiteral("taints"), taintArr},
            {QStringLiteral("namespaceExtensions"),
             QJsonArray::fromStringList(g.xml.verdict.hypervisors)},
            {QStringLiteral("namespaceExtensionRule"),
             g.usesNamespaceExtensions() ? policy.tier(QStringLiteral("namespace-extension")).rule
                                         : QString()},
            {QStringLiteral("deprecations"), QJsonArray::fromStringList(g.deprecations)},
            {QStringLiteral("newerThanHost"), QJsonArray::fromStringList(g.newerThanHost)},
            {QStringLiteral("notes"), QJsonArray::fromStringList(g.notes)},
            {QStringLiteral("problems"), QJsonArray::fromStringList(g.xmlProblems)}};
        // check-xml's own report on the XML alone (xmlSource): its verdict
        // does not know the taints only the log, the status file or the
        // daemon recorded; the guest's verdict above does.
        if (g.xmlChecked) {
            QJsonObject check = g.xml.toJson();
            check.insert(QStringLiteral("scope"),
                         QStringLiteral("the XML alone (%1); the guest's verdict adds what libvirt "
                                        "recorded elsewhere")
                             .arg(g.xmlSource));
            go.insert(QStringLiteral("xmlCheck"), check);
        }
        gs.append(go);
    }
    o.insert(QStringLiteral("guests"), gs);
    QJsonArray cs;
    for (const ConfigCheckReport &c : configs) {
        QJsonObject co = c.toJson();
        co.insert(QStringLiteral("libvirtCannotParse"), c.hasSyntaxErrors());
        co.insert(QStringLiteral("policy"), policy.tier(QStringLiteral("not-guaranteed")).rule);
        cs.append(co);
    }
    o.insert(QStringLiteral("configs"), cs);
    return o;
}

} // namespace vse
