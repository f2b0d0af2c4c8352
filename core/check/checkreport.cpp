#include "checkreport.h"

#include "model/policy.h"

#include <QCoreApplication>
#include <QHash>
#include <QVarLengthArray>
#include <QJsonArray>

#include <algorithm>
#include <numeric>
#include <vector>

namespace vse {

namespace {

// A value finding's path is its node's path, '=', the value; node paths
// themselves never hold '='.
QStringView nodeOf(QStringView path, QStringView *value)
{
    const qsizetype eq = path.indexOf(QLatin1Char('='));
    if (eq < 0)
        return path;
    *value = path.mid(eq + 1);
    return path.left(eq);
}

// The catalogue entries behind a taint at a node: where the fact comes
// from, and whether libvirt taints only under a further condition.
QList<TaintTrigger> triggersAt(const NodeFindings &node, const QString &taint)
{
    QList<TaintTrigger> out;
    Item probe;
    probe.kind = node.value.isEmpty() ? ItemKind::XmlElement : ItemKind::XmlValue;
    const QString withValue =
        node.value.isEmpty() ? node.path : node.path + QLatin1Char('=') + node.value;
    for (const QString &name : {node.item, withValue}) {
        if (name.isEmpty())
            continue;
        probe.name = name;
        for (const TaintTrigger &t : Policy::instance().triggersFor(probe))
            if (t.taint == taint && std::none_of(out.cbegin(), out.cend(), [&](const TaintTrigger &o) {
                    return o.source == t.source && o.name == t.name;
                }))
                out.append(t);
    }
    return out;
}

} // namespace

bool NodeFindings::notable() const
{
    return !problems.isEmpty() || !taints.isEmpty() || namespaceExtension ||
           target == SinceRange::Fit::TooNew || target == SinceRange::Fit::MaybeTooNew ||
           Policy::instance().tier(tier).group != QLatin1String("stable");
}

QJsonObject NodeFindings::toJson() const
{
    QJsonObject o{{QStringLiteral("path"), path}, {QStringLiteral("line"), line}};
    if (!value.isEmpty())
        o.insert(QStringLiteral("value"), value);
    if (!item.isEmpty())
        o.insert(QStringLiteral("item"), item);
    if (!tier.isEmpty())
        o.insert(QStringLiteral("tier"), tier);
    if (since.isKnown())
        since.insertInto(o);
    if (!hypervisor.isEmpty())
        o.insert(QStringLiteral("hypervisor"), hypervisor);
    o.insert(QStringLiteral("namespaceExtension"), namespaceExtension);
    o.insert(QStringLiteral("taints"), QJsonArray::fromStringList(taints));
    if (target == SinceRange::Fit::TooNew || target == SinceRange::Fit::MaybeTooNew)
        o.insert(QStringLiteral("target"), SinceRange::fitId(target));
    if (!problems.isEmpty())
        o.insert(QStringLiteral("problems"), QJsonArray::fromStringList(problems));
    if (occurrences > 1)
        o.insert(QStringLiteral("occurrences"), occurrences);
    return o;
}

QStringList NodeFindings::facts(const Version &target) const
{
    QStringList out;
    for (const QString &t : taints)
        out << QStringLiteral("taint ") + t;
    if (namespaceExtension)
        out << QStringLiteral("namespace extension (%1)").arg(hypervisor);
    if (this->target == SinceRange::Fit::TooNew)
        out << QStringLiteral("too new for ") + target.toString();
    else if (this->target == SinceRange::Fit::MaybeTooNew)
        out << QStringLiteral("may be too new for ") + target.toString();
    if (!tier.isEmpty())
        out << tier;
    if (since.isKnown())
        out << since.phrase();
    if (!hypervisor.isEmpty() && !namespaceExtension)
        out << hypervisor;
    if (occurrences > 1)
        out << QStringLiteral("%1 times").arg(occurrences);
    return out;
}

QString CheckVerdict::id(Kind kind)
{
    switch (kind) {
    case Supported:
        return QStringLiteral("supported");
    case NamespaceExtensions:
        return QStringLiteral("namespace-extensions");
    case Tainted:
        return QStringLiteral("tainted");
    case MaybeTooNew:
        return QStringLiteral("maybe-too-new");
    case TooNew:
        return QStringLiteral("too-new");
    case Invalid:
        return QStringLiteral("invalid");
    case NotChecked:
        return QStringLiteral("not-checked");
    }
    return {};
}

QString CheckVerdict::recordedText(int line)
{
    return QCoreApplication::translate("CheckReport", "recorded by libvirt for the running guest, line %1").arg(line);
}

QString CheckVerdict::text() const
{
    const QString forTarget =
        target.isValid() ? QCoreApplication::translate("CheckReport", " for libvirt %1").arg(target.toString()) : QString();
    QStringList named;
    for (const QString &t : taints)
        named << (recorded.contains(t) ? t + QStringLiteral(" (") +
                                             QCoreApplication::translate("CheckReport", "recorded by libvirt") + QLatin1Char(')')
                  : conditions.contains(t) ? t + QStringLiteral(" (") + conditions.value(t) + QLatin1Char(')')
                                           : t);
    const QString tainted = named.join(QStringLiteral(", "));
    const QString spaces = hypervisors.join(QStringLiteral(", "));
    QString head;
    switch (kind) {
    case NotChecked:
        // A guest known from its log or its status file may still be tainted.
        head = QCoreApplication::translate("CheckReport", "not checked: %1").arg(problem);
        break;
    case Invalid:
        head = QCoreApplication::translate("CheckReport", "invalid: %n schema error(s)", nullptr, errors);
        // The schema is older than what the document uses: not proof of a
        // broken document, and the line says so before anything else.
        if (newerThanSchema > 0)
            head += QCoreApplication::translate("CheckReport", ", perhaps only because the schema predates %n item(s) it uses (%1): validate with a "
                       "newer release's schemas",
                       nullptr, newerThanSchema)
                        .arg(firstNewerThanSchema);
        break;
    case TooNew:
        if (tooNew > 0)
            head = QCoreApplication::translate("CheckReport", "too new%1: %n item(s) newer", nullptr, tooNew).arg(forTarget);
        // The uncertain ones count too: fixing the certain ones does not make it supported.
        if (tooNew > 0 && maybeTooNew > 0)
            head += QCoreApplication::translate("CheckReport", ", %n more may be (their since range includes it)", nullptr,
                                                maybeTooNew);
        // Its own schema rejects what no node's since range shows as newer
        // (a then required attribute, a value then tied to another one).
        if (targetErrors > 0)
            head += (head.isEmpty() ? QCoreApplication::translate("CheckReport", "too new%1").arg(forTarget) + QLatin1Char(':')
                                    : QStringLiteral(";")) +
                    QCoreApplication::translate("CheckReport", " rejected by that release's own schema: %n error(s)", nullptr, targetErrors);
        break;
    case MaybeTooNew:
        head =
            QCoreApplication::translate("CheckReport", "may be too new%1: %n item(s) whose since range includes it", nullptr, maybeTooNew)
                .arg(forTarget);
        break;
    case Tainted:
        head = QCoreApplication::translate("CheckReport", "supported but tainted%1: %2").arg(forTarget, tainted);
        break;
    case NamespaceExtensions:
        return QCoreApplication::translate("CheckReport", "supported%1 but uses namespace extensions (%2): no long-term guarantee")
            .arg(forTarget, spaces);
    case Supported:
        return QCoreApplication::translate("CheckReport", "supported as is%1").arg(forTarget);
    }
    // Whatever a worse kind hides is still said.
    if (kind != Tainted && !taints.isEmpty())
        head += QCoreApplication::translate("CheckReport", "; also tainted: %1").arg(tainted);
    if (!hypervisors.isEmpty())
        head += QCoreApplication::translate("CheckReport", "; uses namespace extensions (%1)").arg(spaces);
    return head;
}

QJsonObject CheckVerdict::toJson() const
{
    const Policy &policy = Policy::instance();
    QJsonArray reasons;
    for (const QString &t : taints) {
        QJsonObject r{{QStringLiteral("reason"), t}, {QStringLiteral("meaning"), policy.taintReason(t).meaning}};
        if (conditions.contains(t))
            r.insert(QStringLiteral("condition"), conditions.value(t));
        if (recorded.contains(t))
            r.insert(QStringLiteral("recordedLine"), recorded.value(t));
        reasons.append(r);
    }
    QJsonObject o{{QStringLiteral("id"), id(kind)},
                  {QStringLiteral("text"), text()},
                  {QStringLiteral("taints"), reasons},
                  {QStringLiteral("namespaceExtensions"), QJsonArray::fromStringList(hypervisors)},
                  {QStringLiteral("tooNew"), tooNew},
                  {QStringLiteral("maybeTooNew"), maybeTooNew},
                  {QStringLiteral("errors"), errors},
                  {QStringLiteral("newerThanSchema"), newerThanSchema}};
    if (target.isValid()) {
        o.insert(QStringLiteral("target"), target.toString());
        // How the target was judged: "per-item" (each node's since range;
        // blind to that release's required attributes, value patterns and
        // ties between attributes) or "target-schema" (validated against it).
        o.insert(QStringLiteral("targetCheck"), targetSchema.isEmpty() ? QStringLiteral("per-item") : QStringLiteral("target-schema"));
        if (!targetSchema.isEmpty()) {
            o.insert(QStringLiteral("targetSchema"), targetSchema);
            o.insert(QStringLiteral("targetErrors"), targetErrors);
        }
    }
    return o;
}

CheckReport CheckReport::of(const XmlCheckReport &report, Version target)
{
    return build(report, nullptr, target);
}

CheckReport CheckReport::of(XmlCheckReport &&report, Version target)
{
    report.findings.detach(); // its texts are moved out: they must be its own
    return build(report, &report.findings, target);
}

// `take`: the report's own findings, whose texts may be moved out.
CheckReport CheckReport::build(const XmlCheckReport &report, QList<XmlCheckFinding> *take, Version target)
{
    CheckReport out;
    out.file = report.file;
    out.schema = report.schema;
    out.valid = report.valid;
    out.diagnostics = report.diagnostics;
    CheckVerdict &v = out.verdict;
    v.target = target;
    if (target.isValid())
        v.targetSchema = report.targetSchema;

    // One node per path and value: an attribute (or element) and the one
    // value it takes are one line; an attribute seen with several values
    // (three controllers, three types) gets a line per value, each with its
    // own item, since, first line and count, and a line of its own only for
    // what it says itself (a taint, too new...).
    // Each finding's node path and value, split once (both loops need them):
    // views into the finding's own path, so that grouping a document's
    // findings makes no strings (copies and hashes of QStrings were a sixth
    // of a batch check).
    struct Split
    {
        QStringView path;
        QStringView value;
    };
    const qsizetype count = report.findings.size();
    QVarLengthArray<Split, 256> split(count);
    // Node path -> 1 + the finding naming its one value; -1 when it was
    // given several (0: not seen, as operator[] makes it).
    QHash<QStringView, qsizetype> onlyValue;
    onlyValue.reserve(count);
    for (qsizetype i = 0; i < count; ++i) {
        const XmlCheckFinding &f = report.findings.at(i);
        if (f.kind == XmlCheckFinding::ValidationError || f.kind == XmlCheckFinding::RejectedByTargetSchema)
            continue;
        Split &s = split[i];
        s.path = nodeOf(f.path, &s.value);
        if (s.value.isEmpty())
            continue;
        qsizetype &first = onlyValue[s.path];
        if (first == 0)
            first = i + 1;
        else if (first > 0 && split[first - 1].value != s.value)
            first = -1;
    }
    // Node key (its path, or path=value) -> 1 + its index in out.nodes.
    QHash<QStringView, qsizetype> byKey;
    std::vector<bool> ofSeveralValues; // per node: an attribute whose values have their own lines
    QStringView lastKey;
    qsizetype lastAt = -1;
    // At most one node per finding: reserved once rather than grown.
    byKey.reserve(count);
    out.nodes.reserve(count);
    ofSeveralValues.reserve(count);
    for (qsizetype i = 0; i < count; ++i) {
        const XmlCheckFinding &f = report.findings.at(i);
        // Moved from when taken; never read again after that (the views
        // above are into the paths, which stay).
        XmlCheckFinding *own = take ? take->data() + i : nullptr;
        const QStringView path = split[i].path; // empty for validation errors
        QStringView value = split[i].value;
        // The finding's own path when it names its value.
        QStringView key = value.isEmpty() ? path : QStringView(f.path);
        bool several = false;
        if (value.isEmpty() && !path.isEmpty()) {
            if (const auto it = onlyValue.constFind(path); it != onlyValue.cend()) {
                several = *it < 0;
                if (!several) {
                    // Its one value: that finding's path is this node's key.
                    value = split[*it - 1].value;
                    key = report.findings.at(*it - 1).path;
                }
            }
        }
        // Validation errors have no node: one entry per error.
        qsizetype at = -1;
        qsizetype *slot = nullptr;
        if (!path.isEmpty()) {
            // The findings of one node mostly come one after the other (an
            // element's use and taint, an attribute and its value).
            if (key == lastKey) {
                at = lastAt;
            } else {
                slot = &byKey[key];
                at = *slot - 1;
            }
        }
        if (at < 0) {
            at = out.nodes.size();
            NodeFindings &added = out.nodes.emplaceBack();
            // The finding's own string when it is the node's path (shared,
            // not copied).
            added.path = path.size() == f.path.size() ? f.path : path.toString();
            added.line = f.line;
            added.occurrences = f.occurrences;
            if (slot)
                *slot = at + 1;
            ofSeveralValues.push_back(several);
        }
        if (!path.isEmpty()) {
            lastKey = key;
            lastAt = at;
        }
        NodeFindings &n = out.nodes[at];
        // A value is more specific than its attribute or element: its item and since win.
        if (!f.item.isEmpty() && (n.item.isEmpty() || !value.isEmpty())) {
            if (own) {
                n.item = std::move(own->item);
                n.tier = std::move(own->tier);
            } else {
                n.item = f.item;
                n.tier = f.tier;
            }
            // Read again below by the other kinds (a target's range, the
            // namespace of an extension).
            if (own && f.kind == XmlCheckFinding::Uses) {
                n.since = std::move(own->since);
                n.hypervisor = std::move(own->hypervisor);
            } else {
                n.since = f.since;
                n.hypervisor = f.hypervisor;
            }
        }
        if (!value.isEmpty() && n.value.isEmpty())
            n.value = value.toString();
        switch (f.kind) {
        case XmlCheckFinding::ValidationError:
            n.problems.append(f.message);
            ++v.errors;
            break;
        case XmlCheckFinding::RejectedByTargetSchema:
            n.problems.append(f.message);
            ++v.targetErrors;
            break;
        case XmlCheckFinding::Unknown:
            n.problems.append(f.message);
            break;
        case XmlCheckFinding::NewerThanSchema:
            n.problems.append(f.message);
            if (v.newerThanSchema++ == 0)
                v.firstNewerThanSchema = f.path;
            break;
        case XmlCheckFinding::NamespaceExtension:
            n.namespaceExtension = true;
            if (!f.hypervisor.isEmpty() && !v.hypervisors.contains(f.hypervisor))
                v.hypervisors.append(f.hypervisor);
            break;
        case XmlCheckFinding::Taint:
            if (!n.taints.contains(f.taint))
                n.taints.append(f.taint);
            if (!v.taints.contains(f.taint))
                v.taints.append(f.taint);
            break;
        case XmlCheckFinding::NewerThanTarget:
            n.target = SinceRange::Fit::TooNew;
            n.since = f.since; // the range the target was judged by
            break;
        case XmlCheckFinding::MaybeNewerThanTarget:
            if (n.target != SinceRange::Fit::TooNew)
                n.target = SinceRange::Fit::MaybeTooNew;
            n.since = f.since;
            // Not a range containing the target (a value enumerated only
            // before the indexed release): the line needs the reason.
            if (f.since.fit(target) == SinceRange::Fit::TooNew)
                n.problems.append(f.message);
            break;
        case XmlCheckFinding::Uses:
            break;
        }
    }
    // An attribute whose values have lines of their own, with nothing to
    // say itself, would only repeat them.
    if (std::find(ofSeveralValues.cbegin(), ofSeveralValues.cend(), true) != ofSeveralValues.cend()) {
        QList<NodeFindings> kept;
        kept.reserve(out.nodes.size());
        for (qsizetype i = 0; i < out.nodes.size(); ++i) {
            const NodeFindings &n = out.nodes.at(i);
            if (ofSeveralValues[i] && n.taints.isEmpty() && !n.namespaceExtension &&
                n.target == SinceRange::Fit::Supported && n.problems.isEmpty())
                continue;
            kept.append(std::move(out.nodes[i]));
        }
        out.nodes = std::move(kept);
    }
    // Counted per node (an attribute and its value are one line of the
    // report), so the verdict's count is the number of lines it lists.
    for (const NodeFindings &n : std::as_const(out.nodes)) {
        v.tooNew += n.target == SinceRange::Fit::TooNew;
        v.maybeTooNew += n.target == SinceRange::Fit::MaybeTooNew;
    }
    // The walker's findings come in document order; only validation errors
    // (listed first) need merging in. Sorted by moving each node once, not
    // by swapping the large entries around.
    const auto byLine = [](const NodeFindings &a, const NodeFindings &b) { return a.line < b.line; };
    if (!std::is_sorted(out.nodes.cbegin(), out.nodes.cend(), byLine)) {
        QList<qsizetype> order(out.nodes.size());
        std::iota(order.begin(), order.end(), 0);
        std::stable_sort(order.begin(), order.end(),
                         [&](qsizetype a, qsizetype b) { return out.nodes.at(a).line < out.nodes.at(b).line; });
        QList<NodeFindings> sorted;
        sorted.reserve(out.nodes.size());
        for (const qsizetype i : std::as_const(order))
            sorted.append(std::move(out.nodes[i]));
        out.nodes = std::move(sorted);
    }

    // A taint is conditional when every trigger behind it, at every node,
    // names a condition (host-passthrough: only on incoming migration).
    for (const QString &taint : std::as_const(v.taints)) {
        QString condition;
        bool always = false;
        for (const NodeFindings &n : std::as_const(out.nodes)) {
            if (!n.taints.contains(taint))
                continue;
            const QList<TaintTrigger> triggers = triggersAt(n, taint);
            always |= triggers.isEmpty(); // from the index item alone: no condition known
            for (const TaintTrigger &t : triggers) {
                always |= t.condition.isEmpty();
                if (condition.isEmpty())
                    condition = t.condition;
            }
        }
        if (!always && !condition.isEmpty())
            v.conditions.insert(taint, condition);
    }

    // What libvirt recorded for the running guest (a status file): tainted
    // whatever the XML shows, and without a condition.
    if (report.status) {
        out.status = report.status;
        for (const DomainStatus::Line &t : std::as_const(report.status->taints)) {
            if (!v.taints.contains(t.text))
                v.taints.append(t.text);
            if (!v.recorded.contains(t.text))
                v.recorded.insert(t.text, t.line);
            v.conditions.remove(t.text);
        }
    }

    if (hasErrors(report.diagnostics)) {
        v.kind = CheckVerdict::NotChecked;
        for (const Diagnostic &d : report.diagnostics)
            if (d.isError()) {
                v.problem = d.message;
                break;
            }
    } else if (!report.valid || v.errors > 0) {
        v.kind = CheckVerdict::Invalid;
    } else if (v.tooNew > 0 || v.targetErrors > 0) {
        v.kind = CheckVerdict::TooNew;
    } else if (v.maybeTooNew > 0) {
        v.kind = CheckVerdict::MaybeTooNew;
    } else if (!v.taints.isEmpty()) {
        v.kind = CheckVerdict::Tainted;
    } else if (!v.hypervisors.isEmpty()) {
        v.kind = CheckVerdict::NamespaceExtensions;
    } else {
        v.kind = CheckVerdict::Supported;
    }
    return out;
}

QJsonObject CheckReport::toJson() const
{
    QJsonObject verdictJson = verdict.toJson();
    // Each reason says where the catalogue has it from, per node that raised it.
    QJsonArray reasons = verdictJson.value(QStringLiteral("taints")).toArray();
    for (qsizetype i = 0; i < reasons.size(); ++i) {
        QJsonObject r = reasons.at(i).toObject();
        const QString taint = r.value(QStringLiteral("reason")).toString();
        QStringList paths, sources;
        for (const NodeFindings &n : nodes)
            if (n.taints.contains(taint)) {
                paths.append(n.path);
                for (const TaintTrigger &t : triggersAt(n, taint))
                    if (!sources.contains(t.source))
                        sources.append(t.source);
            }
        r.insert(QStringLiteral("nodes"), QJsonArray::fromStringList(paths));
        r.insert(QStringLiteral("sources"), QJsonArray::fromStringList(sources));
        reasons[i] = r;
    }
    verdictJson.insert(QStringLiteral("taints"), reasons);
    QJsonArray groups;
    for (const NodeFindings &n : nodes)
        groups.append(n.toJson());
    return {{QStringLiteral("verdict"), verdictJson}, {QStringLiteral("groups"), groups}};
}

} // namespace vse
