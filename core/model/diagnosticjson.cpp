#include "diagnosticjson.h"

namespace vse {

QJsonObject diagnosticToJson(const Diagnostic &d)
{
    return {{QStringLiteral("severity"),
             d.isError() ? QStringLiteral("error") : QStringLiteral("warning")},
            {QStringLiteral("file"), d.file},
            {QStringLiteral("line"), d.line},
            {QStringLiteral("column"), d.column},
            {QStringLiteral("message"), d.message}};
}

Diagnostic diagnosticFromJson(const QJsonObject &o)
{
    // Anything but an explicit warning counts as an error: a reader must
    // never take a problem it cannot classify for a harmless one.
    const bool warning = o.value(QStringLiteral("severity")).toString() == QLatin1String("warning");
    return {warning ? Diagnostic::Severity::Warning : Diagnostic::Severity::Error,
            o.value(QStringLiteral("file")).toString(), o.value(QStringLiteral("line")).toInt(),
            o.value(QStringLiteral("column")).toInt(),
            o.value(QStringLiteral("message")).toString()};
}

QJsonArray diagnosticsToJson(const Diagnostics &diagnostics)
{
    QJsonArray out;
    for (const Diagnostic &d : diagnostics)
        out.append(diagnosticToJson(d));
    return out;
}

Diagnostics diagnosticsFromJson(const QJsonArray &array)
{
    Diagnostics out;
    for (const auto &v : array)
        out.append(diagnosticFromJson(v.toObject()));
    return out;
}

} // namespace vse
