#include "targets.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

#include "model/releaseseries.h"

namespace vse::scan {

namespace {

QList<Distribution> readDistributions(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    QList<Distribution> out;
    const QJsonArray rows = QJsonDocument::fromJson(f.readAll())
                                .object()
                                .value(QLatin1String("distributions"))
                                .toArray();
    for (const auto &r : rows) {
        const QJsonObject o = r.toObject();
        Distribution d;
        d.id = o.value(QLatin1String("id")).toString();
        d.name = o.value(QLatin1String("name")).toString();
        for (const auto &a : o.value(QLatin1String("aliases")).toArray())
            d.aliases << a.toString();
        d.libvirt = Version::parse(o.value(QLatin1String("libvirt")).toString());
        d.package = o.value(QLatin1String("package")).toString();
        d.source = o.value(QLatin1String("source")).toString();
        d.checked = o.value(QLatin1String("checked")).toString();
        d.note = o.value(QLatin1String("note")).toString();
        d.verifiedHere = o.value(QLatin1String("verifiedHere")).toBool();
        if (!d.id.isEmpty() && d.libvirt.isValid())
            out.append(d);
    }
    return out;
}

// The release of that id or alias (any case), or null.
const Distribution *findDistribution(const QString &name, const QList<Distribution> &known)
{
    for (const Distribution &d : known)
        if (d.id.compare(name, Qt::CaseInsensitive) == 0 || d.aliases.contains(name, Qt::CaseInsensitive))
            return &d;
    return nullptr;
}

// As people type one release: "RHEL 9", "Debian 12" as well as the table's
// "rhel-9", "debian-12".
const Distribution *findTypedDistribution(const QString &text, const QList<Distribution> &known)
{
    if (const Distribution *d = findDistribution(text, known))
        return d;
    return findDistribution(QString(text).replace(QLatin1Char(' '), QLatin1Char('-')), known);
}

} // namespace

QList<Distribution> knownDistributions(const QString &path)
{
    // The compiled-in table is read once: a release box may ask on every keystroke.
    if (path.isEmpty()) {
        static const QList<Distribution> builtIn = readDistributions(QStringLiteral(":/vse/scan/distributions.json"));
        return builtIn;
    }
    return readDistributions(path);
}

TargetResolution resolveTargets(const QString &text, const QList<Distribution> &known)
{
    TargetResolution res;
    static const QRegularExpression versionRe(QStringLiteral("^\\d+\\.\\d+(\\.\\d+)?$"));
    QStringList unknown;
    const QStringList parts = text.split(u',', Qt::SkipEmptyParts);
    for (QString part : parts) {
        part = part.trimmed();
        if (versionRe.match(part).hasMatch()) {
            const Version v = Version::parse(part);
            if (!res.version.isValid() || v < res.version)
                res.version = v;
            res.explanation << QStringLiteral("%1: given as a libvirt version").arg(v.toString());
            continue;
        }
        const Distribution *hit = findDistribution(part, known);
        if (!hit) {
            unknown << part;
            continue;
        }
        res.named.append(*hit);
        if (!res.version.isValid() || hit->libvirt < res.version)
            res.version = hit->libvirt;
        QString line = QStringLiteral("%1: libvirt %2 (%3; source: %4")
                           .arg(hit->id, hit->libvirt.toString(), hit->package, hit->source);
        line += hit->verifiedHere
                    ? QStringLiteral("; read from the archive on %1)").arg(hit->checked)
                    : QStringLiteral("; not verified on this machine)");
        if (!hit->note.isEmpty())
            line += QStringLiteral(" — ") + hit->note;
        res.explanation << line;
    }
    if (parts.isEmpty())
        res.error = QStringLiteral("no target given");
    if (!unknown.isEmpty()) {
        QStringList ids;
        for (const auto &d : known)
            ids << d.id;
        res.error =
            QStringLiteral(
                "unknown distribution release%1 %2; known: %3 (or a libvirt version such as 9.0.0)")
                .arg(unknown.size() > 1 ? QStringLiteral("s") : QString(),
                     unknown.join(QStringLiteral(", ")), ids.join(QStringLiteral(", ")));
    }
    if (!res.error.isEmpty())
        res.version = Version();
    return res;
}

ReleaseReading readRelease(const QString &text)
{
    // Versions first: most calls never need the table (nor does nothing).
    if (ReleaseReading r = readRelease(text, {}); r.error.isEmpty() || text.trimmed().isEmpty())
        return r;
    return readRelease(text, knownDistributions());
}

ReleaseReading readRelease(const QString &text, const QList<Distribution> &known)
{
    ReleaseReading r;
    const QString t = text.trimmed();
    static const QRegularExpression plain(QStringLiteral("^\\d{1,4}\\.\\d{1,4}(\\.\\d{1,4})?$"));
    // A tag or package name before the number; an epoch; a packaging suffix
    // ("-4+deb12u2", "+dfsg", "~bpo12+1", "-10.3.el9_2") after it.
    static const QRegularExpression dressed(QStringLiteral(
        "^(?:v|libvirt[- ]?v?)?(?:\\d+:)?(\\d{1,4}\\.\\d{1,4}\\.\\d{1,4})(?:[-+~][0-9A-Za-z.+~_-]*)?$"),
                                            QRegularExpression::CaseInsensitiveOption);
    Version v;
    if (plain.match(t).hasMatch()) {
        v = Version::parse(t);
    } else if (const auto m = dressed.match(t); m.hasMatch()) {
        v = Version::parse(m.captured(1));
        const bool packaged = m.capturedEnd(1) < t.size() || t.contains(QLatin1Char(':'));
        r.how = packaged ? QStringLiteral("'%1' read as libvirt %2, the upstream release the package carries "
                                          "(a distribution may add backports)")
                               .arg(t, v.toString())
                         : QStringLiteral("'%1' read as libvirt %2").arg(t, v.toString());
    } else {
        if (const Distribution *d = findTypedDistribution(t, known)) {
            r.version = d->libvirt;
            r.how = QStringLiteral("'%1' read as libvirt %2: %3 ships it; package: %4")
                        .arg(t, d->libvirt.toString(), d->name, d->package);
            return r;
        }
    }
    if (v.isValid() && ReleaseSeries::isRelease(v)) {
        r.version = v;
        return r;
    }
    r.how.clear();
    // A name ("sles-15", "fedora-40") rather than a mistyped number: the table's releases.
    static const QRegularExpression nameLike(QStringLiteral("^[A-Za-z][A-Za-z ]*[- ]?[0-9.]*$"));
    if (!known.isEmpty() && !v.isValid() && nameLike.match(t).hasMatch() && t.size() > 1) {
        QStringList ids;
        for (const Distribution &d : known)
            ids << d.id;
        r.error = QStringLiteral("'%1' is neither a libvirt release number (such as 6.0.0) nor a distribution "
                                 "release this tool knows: %2")
                      .arg(t, ids.join(QStringLiteral(", ")));
        // "rhel-9.4": the table has the major release at its GA; a minor
        // release may ship a newer libvirt, which only its user knows.
        static const QRegularExpression minor(QStringLiteral("^(.*\\d)\\.\\d+$"));
        if (const auto m = minor.match(t); m.hasMatch()) {
            if (const Distribution *d = findTypedDistribution(m.captured(1), known))
                r.error += QStringLiteral(". %1 is there as libvirt %2, what %3 shipped first; a later minor "
                                          "release may ship a newer one: give the libvirt version yours has "
                                          "(rpm -q libvirt, dpkg -s libvirt0), or %1 for the lowest")
                               .arg(d->id, d->libvirt.toString(), d->name);
        }
        return r;
    }
    r.error = QStringLiteral("'%1' is not a libvirt release number; give one like 6.0.0: X.Y.0 from 2.0.0 on "
                             "(2.0.0 - 2.5.0, then X.0.0 - X.10.0 each year), or an older release such as 0.9.11 "
                             "or 1.3.5, or a distribution release (debian-12, bookworm, rhel-9, ubuntu-22.04, ...)")
                  .arg(t);
    return r;
}

} // namespace vse::scan
