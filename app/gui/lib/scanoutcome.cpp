#include "scanoutcome.h"

#include "scan/scanengine.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace vse::gui {

namespace {

// The kind whose id the report names; Unknown for an id this build lacks.
scan::Finding::Kind kindOf(const QString &id)
{
    for (int k = scan::Finding::TooNew; k <= scan::Finding::NotInBinding; ++k)
        if (scan::Finding::kindId(scan::Finding::Kind(k)) == id)
            return scan::Finding::Kind(k);
    return scan::Finding::Unknown;
}

} // namespace

bool ScanOutcome::fromJson(const QByteArray &json, ScanOutcome *out)
{
    const QJsonObject o = QJsonDocument::fromJson(json).object();
    if (!o.value(QStringLiteral("findings")).isArray() ||
        !o.value(QStringLiteral("files")).isDouble())
        return false;
    ScanOutcome r;
    r.files = o.value(QStringLiteral("files")).toInt();
    r.uses = o.value(QStringLiteral("uses")).toInt();
    r.excluded = o.value(QStringLiteral("excluded")).toInt();
    r.problems = int(o.value(QStringLiteral("problems")).toArray().size());
    const QJsonObject minimum = o.value(QStringLiteral("minimum")).toObject();
    r.minimumKnown = minimum.contains(QStringLiteral("upTo"));
    // An exact minimum is its release; otherwise the range as text.
    r.minimum = minimum.value(QStringLiteral("exact")).toBool()
                    ? minimum.value(QStringLiteral("upTo")).toString()
                    : o.value(QStringLiteral("minimumText")).toString();
    for (const auto &d : o.value(QStringLiteral("drivers")).toArray())
        r.drivers << d.toObject().value(QStringLiteral("symbol")).toString();
    for (const auto &v : o.value(QStringLiteral("findings")).toArray()) {
        const QJsonObject f = v.toObject();
        if (f.value(QStringLiteral("harmless")).toBool()) {
            ++r.harmless;
            continue;
        }
        const scan::Finding::Kind kind = kindOf(f.value(QStringLiteral("kind")).toString());
        r.findings.append({int(kind), scan::Finding::kindTitle(kind),
                           f.value(QStringLiteral("message")).toString(),
                           f.value(QStringLiteral("symbol")).toString(),
                           f.value(QStringLiteral("file")).toString(),
                           f.value(QStringLiteral("line")).toInt()});
    }
    *out = std::move(r);
    return true;
}

} // namespace vse::gui
