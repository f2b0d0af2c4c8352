#include "xmlcheckreport.h"

#include <QJsonArray>

namespace vse {

QString XmlCheckFinding::kindId(Kind kind)
{
    switch (kind) {
    case ValidationError:
        return QStringLiteral("validation-error");
    case Uses:
        return QStringLiteral("uses");
    case NamespaceExtension:
        return QStringLiteral("namespace-extension");
    case Taint:
        return QStringLiteral("taint");
    case NewerThanTarget:
        return QStringLiteral("newer-than-target");
    case Unknown:
        return QStringLiteral("unknown");
    case MaybeNewerThanTarget:
        return QStringLiteral("maybe-newer-than-target");
    case NewerThanSchema:
        return QStringLiteral("newer-than-schema");
    case RejectedByTargetSchema:
        return QStringLiteral("target-schema-error");
    }
    return {};
}

QJsonObject XmlCheckFinding::toJson() const
{
    QJsonObject o{{QStringLiteral("kind"), kindId(kind)},
                  {QStringLiteral("path"), path},
                  {QStringLiteral("line"), line},
                  {QStringLiteral("message"), message}};
    if (!item.isEmpty())
        o.insert(QStringLiteral("item"), item);
    if (!tier.isEmpty())
        o.insert(QStringLiteral("tier"), tier);
    if (since.isKnown())
        since.insertInto(o);
    if (!taint.isEmpty())
        o.insert(QStringLiteral("taint"), taint);
    if (!hypervisor.isEmpty())
        o.insert(QStringLiteral("hypervisor"), hypervisor);
    if (occurrences > 1)
        o.insert(QStringLiteral("occurrences"), occurrences);
    return o;
}

bool XmlCheckReport::cleanFor(Version max) const
{
    if (!valid || hasErrors(diagnostics))
        return false;
    for (const auto &f : findings)
        // By the walker's own judgement (NewerThanTarget), not by each
        // finding's since: a value accepted as text before it was enumerated,
        // or enumerated only before the indexed release, is not too new.
        if (f.kind == XmlCheckFinding::ValidationError || f.kind == XmlCheckFinding::RejectedByTargetSchema ||
            (max.isValid() && f.kind == XmlCheckFinding::NewerThanTarget))
            return false;
    return true;
}

bool XmlCheckReport::uncertainFor(Version max) const
{
    if (!max.isValid())
        return false;
    for (const auto &f : findings)
        if (f.kind == XmlCheckFinding::MaybeNewerThanTarget)
            return true;
    return false;
}

QList<XmlCheckFinding> XmlCheckReport::findingsOf(XmlCheckFinding::Kind kind) const
{
    QList<XmlCheckFinding> out;
    for (const auto &f : findings)
        if (f.kind == kind)
            out.append(f);
    return out;
}

QStringList XmlCheckReport::taints() const
{
    QStringList out;
    for (const auto &f : findings)
        if (f.kind == XmlCheckFinding::Taint && !out.contains(f.taint))
            out.append(f.taint);
    if (status)
        for (const DomainStatus::Line &t : status->taints)
            if (!out.contains(t.text))
                out.append(t.text);
    return out;
}

namespace {

QJsonArray linesJson(const QList<DomainStatus::Line> &lines, const QString &key)
{
    QJsonArray out;
    for (const DomainStatus::Line &l : lines)
        out.append(QJsonObject{{key, l.text}, {QStringLiteral("line"), l.line}});
    return out;
}

// What a status file records besides its <domain>.
QJsonObject statusJson(const DomainStatus &s)
{
    QJsonObject o{{QStringLiteral("domainLine"), s.firstLine},
                  {QStringLiteral("recordedTaints"), linesJson(s.taints, QStringLiteral("flag"))},
                  {QStringLiteral("deprecations"), linesJson(s.deprecations, QStringLiteral("message"))},
                  {QStringLiteral("setAside"), QJsonArray::fromStringList(s.setAside)}};
    if (!s.state.isEmpty())
        o.insert(QStringLiteral("state"), s.state);
    return o;
}

} // namespace

QJsonObject XmlCheckReport::toJson() const
{
    QJsonArray list;
    for (const auto &f : findings)
        list.append(f.toJson());
    QJsonArray diags;
    for (const auto &d : diagnostics)
        diags.append(d.toString());
    QJsonObject o{{QStringLiteral("file"), file},
                  {QStringLiteral("schema"), schema},
                  {QStringLiteral("valid"), valid},
                  {QStringLiteral("taints"), QJsonArray::fromStringList(taints())},
                  {QStringLiteral("findings"), list},
                  {QStringLiteral("diagnostics"), diags}};
    if (status)
        o.insert(QStringLiteral("statusFile"), statusJson(*status));
    if (!targetSchema.isEmpty()) {
        o.insert(QStringLiteral("targetSchema"), targetSchema);
        o.insert(QStringLiteral("targetSchemaValid"), targetSchemaValid);
    }
    return o;
}

} // namespace vse
