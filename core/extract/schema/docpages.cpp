#include "docpages.h"

#include "io/dirlisting.h"

#include <QHash>

namespace vse {

QStringList DocPages::rootsFor(const QString &page)
{
    static const QHash<QString, QStringList> roots{
        {QStringLiteral("formatdomain.html"), {QStringLiteral("domain")}},
        {QStringLiteral("formatnetwork.html"), {QStringLiteral("network")}},
        {QStringLiteral("formatnetworkport.html"), {QStringLiteral("networkport")}},
        {QStringLiteral("formatstorage.html"), {QStringLiteral("pool"), QStringLiteral("volume")}},
        {QStringLiteral("formatstorageencryption.html"), {QStringLiteral("volume")}},
        {QStringLiteral("formatstoragecaps.html"), {QStringLiteral("storagepoolCapabilities")}},
        {QStringLiteral("formatnode.html"), {QStringLiteral("device")}},
        {QStringLiteral("formatsecret.html"), {QStringLiteral("secret")}},
        {QStringLiteral("formatnwfilter.html"), {QStringLiteral("filter")}},
        {QStringLiteral("formatcaps.html"), {QStringLiteral("capabilities")}},
        {QStringLiteral("formatdomaincaps.html"), {QStringLiteral("domainCapabilities")}},
        {QStringLiteral("formatsnapshot.html"), {QStringLiteral("domainsnapshot")}},
        {QStringLiteral("formatcheckpoint.html"), {QStringLiteral("domaincheckpoint")}},
        {QStringLiteral("formatbackup.html"), {QStringLiteral("domainbackup")}},
    };
    return roots.value(page);
}

QStringList DocPages::readIn(const QString &htmlDir)
{
    if (htmlDir.isEmpty())
        return {};
    QStringList pages;
    const QStringList listed = DirListing::entries(
        htmlDir, {QStringLiteral("format*.html"), QString::fromLatin1(kDriverMatrix)}, DirListing::Type::Files);
    for (const QString &path : listed) {
        const QString name = path.section(QLatin1Char('/'), -1);
        if (name == QLatin1String(kDriverMatrix) || !rootsFor(name).isEmpty())
            pages << path;
    }
    return pages;
}

} // namespace vse
