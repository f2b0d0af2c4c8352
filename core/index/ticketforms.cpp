// Two forms a ticket or a lesson quotes that name no item of their own: a
// schema file ("fails to validate against domain.rng") stands for the root
// element of its documents; a connection URI ("qemu+ssh://host/system")
// stands for a driver, which `search --driver` lists the APIs of.
#include "ticketforms.h"

#include "indexednavigator.h"

#include <QRegularExpression>

namespace vse {

SchemaFileLookup lookUpSchemaFile(const Store &store, const QString &typed)
{
    SchemaFileLookup out;
    if (!typed.endsWith(QLatin1String(".rng"), Qt::CaseInsensitive) || typed.contains(QLatin1Char(' ')))
        return out;
    out.file = typed.section(QLatin1Char('/'), -1);
    if (const std::optional<IndexedNavigator> indexed = indexedNavigator(store)) {
        out.roots = indexed->navigator.rootsOfSchema(out.file);
        out.schemaFiles = indexed->navigator.schemaFiles();
    }
    return out;
}

ConnectionUri connectionUriIn(const QString &typed, const QSet<QString> &knownDrivers)
{
    ConnectionUri out;
    static const QRegularExpression uri(
        QStringLiteral("^([A-Za-z][A-Za-z0-9]*)(?:\\+([A-Za-z0-9]+))?://[^\\s]*$"));
    const QRegularExpressionMatch m = uri.match(typed);
    if (!m.hasMatch())
        return out;
    out.isUri = true;
    out.scheme = m.captured(1).toLower();
    out.transport = m.captured(2).toLower();
    // URI schemes whose driver the driver tables name otherwise.
    static const QHash<QString, QString> driverOfScheme{
        {QStringLiteral("xen"), QStringLiteral("libxl")},
        {QStringLiteral("vpx"), QStringLiteral("esx")},
        {QStringLiteral("gsx"), QStringLiteral("esx")},
        {QStringLiteral("vmwareplayer"), QStringLiteral("vmware")},
        {QStringLiteral("vmwarews"), QStringLiteral("vmware")},
        {QStringLiteral("vmwarefusion"), QStringLiteral("vmware")},
        {QStringLiteral("parallels"), QStringLiteral("vz")},
        {QStringLiteral("network"), QStringLiteral("bridge")},
        {QStringLiteral("nodedev"), QStringLiteral("udev")},
    };
    const QString driver = driverOfScheme.value(out.scheme, out.scheme);
    if (knownDrivers.contains(driver))
        out.driver = driver;
    return out;
}

QString ConnectionUri::hint() const
{
    const QString via = transport.isEmpty() ? QString() : QStringLiteral(" over ") + transport;
    if (driver.isEmpty())
        return QStringLiteral("a connection URI%1; no indexed driver goes by '%2'").arg(via, scheme);
    return QStringLiteral("a connection URI of the %1 driver%2; 'virt-support search --driver %1' lists the APIs it "
                          "implements")
        .arg(driver, via);
}

} // namespace vse
