#include "cli.h"

#include "index/historydiff.h"
#include "index/releasediff.h"
#include "model/policy.h"
#include "scan/targets.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMap>

namespace vse::cli {

namespace {

QString where(const Item &it)
{
    return it.line > 0 ? it.file + QLatin1Char(':') + QString::number(it.line) : it.file;
}

// A configuration option is named with its file: several daemons have one
// of the same name (log_buffer_size).
QString listedName(const Item &it)
{
    return it.kind == ItemKind::ConfigOption && !it.parent.isEmpty() ? it.parent + QLatin1Char(':') + it.name
                                                                      : it.name;
}

// "0.0.1 – 1.3.5, 7.0.0, 9.0.0": a run of every git tag as one range.
QString historyReleasesText(const HistoryPack &pack)
{
    QStringList parts;
    const auto &rs = pack.releases();
    for (qsizetype i = 0; i < rs.size();) {
        qsizetype j = i;
        while (j + 1 < rs.size() && rs.at(i).source.startsWith(QLatin1String("git:")) &&
               rs.at(j + 1).source.startsWith(QLatin1String("git:")))
            ++j;
        parts << (j > i + 1 ? rs.at(i).version.toString() + QStringLiteral(" \u2013 ") + rs.at(j).version.toString()
                            : rs.at(i).version.toString());
        if (j == i + 1)
            parts << rs.at(j).version.toString();
        i = j + 1;
    }
    return parts.join(QStringLiteral(", "));
}

QJsonObject changeToJson(const ItemChange &c)
{
    const Item &it = c.kind == ItemChange::Added ? c.after : c.before;
    QJsonObject o{{QStringLiteral("change"), ItemChange::kindId(c.kind)},
                  {QStringLiteral("kind"), kindId(it.kind)},
                  {QStringLiteral("name"), it.name},
                  {QStringLiteral("tier"), it.tier}};
    if (!it.parent.isEmpty())
        o.insert(QStringLiteral("parent"), it.parent);
    if (!c.what.isEmpty())
        o.insert(QStringLiteral("what"), c.what);
    // Changes read from the release history have no file:line.
    if (c.kind != ItemChange::Added && !c.before.file.isEmpty())
        o.insert(QStringLiteral("before"), where(c.before));
    if (c.kind != ItemChange::Removed && !c.after.file.isEmpty())
        o.insert(QStringLiteral("after"), where(c.after));
    return o;
}

// Finds a stored release by version ("9.0.0") or source path.
const StoredRelease *findRelease(const QList<StoredRelease> &all, const QString &what)
{
    for (const auto &r : all)
        if (r.sourcePath == what)
            return &r;
    const Version v = Version::parse(what);
    for (const auto &r : all)
        if (v.isValid() && r.version == v)
            return &r;
    return nullptr;
}

} // namespace

int runDiff(Context &ctx, const QStringList &args)
{
    QCommandLineParser p;
    const QCommandLineOption json(QStringLiteral("json"), QStringLiteral("Print JSON."));
    p.addOption(json);
    p.addPositionalArgument(QStringLiteral("A"), QStringLiteral("Older release: indexed (version or source path) or in the release history."));
    p.addPositionalArgument(QStringLiteral("B"), QStringLiteral("Newer release."));
    if (int rc = parseOrExit(ctx, p, args, "diff",
                             "What was added, removed, renamed or changed between two indexed releases, per kind; for a "
                             "release that is not indexed, what the shipped release history says was added, removed "
                             "or renamed. "
                             "Kinds one of the releases has no data for are not compared.");
        rc >= 0)
        return rc;
    if (p.positionalArguments().size() != 2) {
        ctx.err << "virt-support diff: give two releases, e.g. 'virt-support diff 1.2.0 1.3.5'\n";
        return Usage;
    }
    Store store;
    if (int rc = openIndex(ctx, store); rc != Ok)
        return rc;
    const auto all = store.releases();
    // A source path or version as indexed, else a release as people have it
    // (bookworm, 9.0.0-4+deb12u2, v1.2.0): the version it stands for.
    QStringList wanted = p.positionalArguments();
    for (QString &w : wanted) {
        if (findRelease(all, w))
            continue;
        const scan::ReleaseReading r = scan::readRelease(w);
        if (!r.version.isValid())
            continue; // said below, with the releases there are
        if (!r.how.isEmpty())
            ctx.err << "virt-support diff: " << r.how << Qt::endl;
        w = r.version.toString();
    }
    const StoredRelease *a = findRelease(all, wanted.at(0));
    const StoredRelease *b = findRelease(all, wanted.at(1));
    QList<ItemChange> changes;
    Version from, to;
    QString basis; // where the answer comes from, when not the two indexed releases
    if (a && b) {
        changes = diffReleases(store.loadRelease(*a), store.loadRelease(*b));
        from = a->version;
        to = b->version;
    } else {
        // A release that is not indexed may still be in the shipped history
        // (7.0.0 on a default install that indexed only the installed 9.0.0).
        const HistoryPack &pack = HistoryPack::builtin();
        const int ha = pack.releaseIndex(Version::parse(wanted.at(0)));
        const int hb = pack.releaseIndex(Version::parse(wanted.at(1)));
        if (ha < 0 || hb < 0) {
            ctx.err << "virt-support diff: release '" << p.positionalArguments().at(ha < 0 ? 0 : 1)
                    << "' is neither indexed nor in the release history; indexed:";
            for (const auto &r : all)
                ctx.err << ' ' << r.version.toString();
            ctx.err << "; in the release history: " << historyReleasesText(pack) << '\n';
            return NotFound;
        }
        changes = diffHistoryReleases(pack, ha, hb);
        from = pack.releases().at(ha).version;
        to = pack.releases().at(hb).version;
        basis = QStringLiteral("release history");
    }
    // Given newest first, the changes read as a downgrade: "added" is what
    // the older release has and the newer lacks. Allowed (what do I lose by
    // going back?) but said, so a swapped pair is not misread.
    const bool downgrade = to < from;
    if (p.isSet(json)) {
        QJsonArray list;
        for (const auto &c : changes)
            list.append(changeToJson(c));
        QJsonObject o{{QStringLiteral("from"), from.toString()},
                      {QStringLiteral("to"), to.toString()},
                      {QStringLiteral("direction"), downgrade ? QStringLiteral("downgrade") : QStringLiteral("upgrade")},
                      {QStringLiteral("source"), basis.isEmpty() ? QStringLiteral("index") : QStringLiteral("history")},
                      {QStringLiteral("changes"), list}};
        ctx.out << QJsonDocument(o).toJson(QJsonDocument::Indented);
        return Ok;
    }
    QMap<QString, QMap<QString, int>> counts; // kind -> change -> n
    for (const auto &c : changes) {
        const Item &it = c.kind == ItemChange::Added ? c.after : c.before;
        counts[kindId(it.kind)][ItemChange::kindId(c.kind)]++;
    }
    ctx.out << "From " << from.toString() << " to " << to.toString();
    if (downgrade)
        ctx.out << " (a downgrade: " << from.toString() << " is the newer release, so 'added' lists what "
                << to.toString() << " has and " << from.toString() << " lacks; give the older release first "
                << "for the usual direction)";
    if (!basis.isEmpty())
        ctx.out << " (from the " << basis
                << ", which keeps names, not definitions: changed items need both releases indexed)";
    ctx.out << ":\n";
    for (auto k = counts.cbegin(); k != counts.cend(); ++k) {
        ctx.out << "  " << k.key().leftJustified(16);
        for (auto c = k.value().cbegin(); c != k.value().cend(); ++c)
            ctx.out << ' ' << c.key() << ' ' << c.value();
        ctx.out << '\n';
    }
    for (const auto &c : changes) {
        const Item &it = c.kind == ItemChange::Added ? c.after : c.before;
        ctx.out << "  " << ItemChange::kindId(c.kind).leftJustified(8) << ' ' << kindId(it.kind).leftJustified(14)
                << ' ' << listedName(it);
        if (!c.what.isEmpty())
            ctx.out << "  (" << c.what << ')';
        ctx.out << '\n';
    }
    return Ok;
}

int runAudit(Context &ctx, const QStringList &args)
{
    QCommandLineParser p;
    const QCommandLineOption json(QStringLiteral("json"), QStringLiteral("Print JSON."));
    const QCommandLineOption allowed(QStringLiteral("allowed"),
                                     QStringLiteral("Also list the changes the policy allows (hypervisor-specific, "
                                                    "namespace, private, unclassified)."));
    p.addOptions({json, allowed});
    if (int rc = parseOrExit(ctx, p, args, "audit",
                             "Check that libvirt kept its promises between consecutive indexed releases: stable "
                             "items removed or changed are violations, with the evidence of both releases. Exit 1 "
                             "when there are violations.");
        rc >= 0)
        return rc;
    Store store;
    if (int rc = openIndex(ctx, store); rc != Ok)
        return rc;
    QList<Release> releases;
    for (const auto &s : store.releases())
        releases.append(store.loadRelease(s));
    if (releases.size() < 2) {
        ctx.err << "virt-support audit: needs at least two indexed releases; add some with "
                   "'virt-support index --source PATH ...'\n";
        return NotFound;
    }
    const QList<AuditFinding> findings = auditReleases(releases);
    int violations = 0;
    QJsonArray list;
    for (const auto &f : findings) {
        violations += f.violation;
        if (!f.violation && !p.isSet(allowed))
            continue;
        if (p.isSet(json)) {
            QJsonObject o = changeToJson(f.change);
            o.insert(QStringLiteral("violation"), f.violation);
            o.insert(QStringLiteral("rule"), f.rule);
            o.insert(QStringLiteral("from"), f.from.toString());
            o.insert(QStringLiteral("to"), f.to.toString());
            list.append(o);
            continue;
        }
        const Item &it = f.change.before;
        ctx.out << (f.violation ? "VIOLATION " : "allowed   ") << f.from.toString() << " -> " << f.to.toString()
                << "  " << f.rule << ": " << it.name << '\n';
        if (!f.change.what.isEmpty())
            ctx.out << "          " << f.change.what << '\n';
        ctx.out << "          " << f.from.toString() << ": " << where(it);
        if (f.change.kind != ItemChange::Removed)
            ctx.out << "   " << f.to.toString() << ": " << where(f.change.after);
        ctx.out << '\n';
    }
    if (p.isSet(json))
        ctx.out << QJsonDocument(list).toJson(QJsonDocument::Indented);
    else
        ctx.out << violations << " violation(s), " << (findings.size() - violations) << " allowed change(s) across "
                << releases.size() << " releases\n";
    return violations ? NotFound : Ok;
}

} // namespace vse::cli
