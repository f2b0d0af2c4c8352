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

HostReport::Summary HostReport::summary() const
{
    Summary s;
    s.guests = int(guests.size());
    for (const GuestReport &g : guests) {
        const auto k = g.verdict();
        s.supported += k == CheckVerdict::Supported;
        s.notChecked += k == CheckVerdict::NotChecked && !g.logOnly;
        s.logOnly += g.logOnly;
        s.problems += k == CheckVerdict::Invalid || k == CheckVerdict::TooNew ||
                      k == CheckVerdict::MaybeTooNew;
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
    for (const ConfigCheckReport &c : configs)
        for (const ConfigFinding &f : c.findings)
            s.configProblems += f.isProblem();
    return s;
}

int HostReport::exitCode() const
{
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
    for (const auto &[kind, code] : order)
        for (const GuestReport &g : guests)
            if (kindOf(g) == kind)
                return code;
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
                     {QStringLiteral("notChecked"), s.notChecked},
                     {QStringLiteral("logOnly"), s.logOnly},
                     {QStringLiteral("configProblems"), s.configProblems}}},
        {QStringLiteral("notes"), QJsonArray::fromStringList(notes)},
        {QStringLiteral("problems"), QJsonArray::fromStringList(problems)},
        {QStringLiteral("exitCode"), exitCode()},
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
            {QStringLiteral("logOnly"), g.logOnly},
            {QStringLiteral("state"), g.state},
            {QStringLiteral("xmlSource"), g.xmlSource},
            {QStringLiteral("taints"), taintArr},
            {QStringLiteral("namespaceExtensions"),
             QJsonArray::fromStringList(g.xml.verdict.hypervisors)},
            {QStringLiteral("deprecations"), QJsonArray::fromStringList(g.deprecations)},
            {QStringLiteral("newerThanHost"), QJsonArray::fromStringList(g.newerThanHost)},
            {QStringLiteral("notes"), QJsonArray::fromStringList(g.notes)},
            {QStringLiteral("problems"), QJsonArray::fromStringList(g.xmlProblems)}};
        if (g.xmlChecked)
            go.insert(QStringLiteral("check"), g.xml.toJson());
        gs.append(go);
    }
    o.insert(QStringLiteral("guests"), gs);
    QJsonArray cs;
    for (const ConfigCheckReport &c : configs)
        cs.append(c.toJson());
    o.insert(QStringLiteral("configs"), cs);
    return o;
}

} // namespace vse
