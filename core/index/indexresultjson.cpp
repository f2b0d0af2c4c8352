#include "indexresultjson.h"

#include "model/diagnosticjson.h"

namespace vse {

QJsonObject indexResultToJson(const Indexer::Result &r, const QString &indexPath)
{
    return {{QStringLiteral("ok"), r.ok},
            {QStringLiteral("upToDate"), r.upToDate},
            {QStringLiteral("cancelled"), r.cancelled},
            {QStringLiteral("storeFailed"), r.storeFailed},
            {QStringLiteral("releases"), r.releases},
            {QStringLiteral("items"), r.items},
            {QStringLiteral("reparsed"), r.reparsed},
            {QStringLiteral("index"), indexPath},
            {QStringLiteral("diagnostics"), diagnosticsToJson(r.diagnostics)}};
}

bool indexResultFromJson(const QJsonObject &o, Indexer::Result *r)
{
    if (!o.value(QStringLiteral("ok")).isBool() ||
        !o.value(QStringLiteral("diagnostics")).isArray())
        return false;
    Indexer::Result out;
    out.ok = o.value(QStringLiteral("ok")).toBool();
    out.upToDate = o.value(QStringLiteral("upToDate")).toBool();
    out.cancelled = o.value(QStringLiteral("cancelled")).toBool();
    out.storeFailed = o.value(QStringLiteral("storeFailed")).toBool();
    out.releases = o.value(QStringLiteral("releases")).toInt();
    out.items = o.value(QStringLiteral("items")).toInt();
    out.reparsed = o.value(QStringLiteral("reparsed")).toInt();
    out.diagnostics = diagnosticsFromJson(o.value(QStringLiteral("diagnostics")).toArray());
    *r = std::move(out);
    return true;
}

} // namespace vse
