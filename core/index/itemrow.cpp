#include "itemrow.h"

#include "itemcodec.h"
#include "sqlite.h"

#include <QJsonArray>

namespace vse::itemrow {

const char kColumns[] =
    "release_id, kind, name, key, parent, origin, tier, hypervisor, "
    "since, since_num, since_after, since_after_num, since_upto, since_upto_num, since_evidence, removed_in, "
    "inconsistent, tainted, latest, drivers, signature, doc, file, line, taints, warnings, evidence, attrs";

const char kReleaseColumns[] =
    "version, version_num, version_evidence, source_kind, source_path, fingerprint, item_count";

void bindSince(sql::Statement &q, int first, const Item &it)
{
    const SinceRange since = it.sinceRange();
    // "since" only when exact: a plain SQL query never reads a bound as the answer.
    if (since.exact) {
        q.bind(first, since.upTo.toString());
        q.bind(first + 1, since.upTo.toNumber());
    } else {
        q.bindNull(first);
        q.bindNull(first + 1);
    }
    if (since.after.isValid()) {
        q.bind(first + 2, since.after.toString());
        q.bind(first + 3, since.after.toNumber());
    } else {
        q.bindNull(first + 2);
        q.bindNull(first + 3);
    }
    if (since.upTo.isValid()) {
        q.bind(first + 4, since.upTo.toString());
        q.bind(first + 5, since.upTo.toNumber());
        q.bind(first + 6, Evidence::kindId(since.upper.kind));
    } else {
        q.bindNull(first + 4);
        q.bindNull(first + 5);
        q.bindNull(first + 6);
    }
}

void bindAttrFacts(sql::Statement &q, int removedIn, int latest, int drivers, const Item &it)
{
    const QString removed = it.attrs.value(QStringLiteral("removedIn")).toString();
    if (!removed.isEmpty())
        q.bind(removedIn, removed);
    else
        q.bindNull(removedIn);
    // Items of an index never merged (one release) are all latest.
    q.bind(latest, qint64(it.attrs.value(QStringLiteral("latest")).toBool(true)));
    QStringList names;
    for (const auto &d : it.attrs.value(QStringLiteral("drivers")).toArray())
        if (!d.toObject().contains(QStringLiteral("removed")))
            names << d.toObject().value(QStringLiteral("driver")).toString();
    q.bind(drivers, names.join(QLatin1Char(',')));
}

void bindRow(sql::Statement &q, int first, qint64 releaseId, const Item &it)
{
    const int p = first - 1; // column n of kColumns binds at p + n
    q.bind(p + 1, releaseId);
    q.bind(p + 2, kindId(it.kind));
    q.bind(p + 3, it.name);
    q.bind(p + 4, it.identity());
    q.bind(p + 5, it.parent);
    q.bind(p + 6, it.origin);
    q.bind(p + 7, it.tier);
    q.bind(p + 8, it.hypervisor);
    bindSince(q, p + 9, it);
    bindAttrFacts(q, p + 16, p + 19, p + 20, it);
    q.bind(p + 17, qint64(it.inconsistent()));
    q.bind(p + 18, qint64(!it.taints.isEmpty()));
    q.bind(p + 21, it.signature);
    q.bind(p + 22, it.doc);
    q.bind(p + 23, it.file);
    q.bind(p + 24, qint64(it.line));
    q.bind(p + 25, QString::fromUtf8(encodeStrings(it.taints)));
    q.bind(p + 26, QString::fromUtf8(encodeStrings(it.warnings)));
    q.bind(p + 27, QString::fromUtf8(encodeEvidence(it.evidence)));
    q.bind(p + 28, QString::fromUtf8(encodeAttrs(it.attrs)));
}

void bindRelease(sql::Statement &q, int first, const Release &release)
{
    q.bind(first, release.version.toString());
    q.bind(first + 1, release.version.toNumber());
    q.bind(first + 2, release.versionEvidence);
    q.bind(first + 3, Release::sourceKindId(release.sourceKind));
    q.bind(first + 4, release.sourcePath);
    q.bind(first + 5, release.fingerprint);
    q.bind(first + 6, qint64(release.items.size()));
}

} // namespace vse::itemrow
