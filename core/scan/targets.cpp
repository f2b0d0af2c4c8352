#include "targets.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

namespace vse::scan {

QList<Distribution> knownDistributions(const QString &path)
{
    QFile f(path.isEmpty() ? QStringLiteral(":/vse/scan/distributions.json") : path);
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
        const Distribution *hit = nullptr;
        for (const auto &d : known)
            if (d.id.compare(part, Qt::CaseInsensitive) == 0 ||
                d.aliases.contains(part, Qt::CaseInsensitive))
                hit = &d;
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

} // namespace vse::scan
