#include "driversupport.h"

#include <QDir>
#include <QJsonObject>

#include <algorithm>

namespace vse {

QString hvSupportHtmlPath(const QString &prefix)
{
    return QDir(prefix.isEmpty() ? QStringLiteral("/") : prefix)
        .filePath(QStringLiteral("usr/share/doc/libvirt-doc/html/hvsupport.html"));
}

void addDriverSupport(QList<DriverSupport> &list, const DriverSupport &entry)
{
    auto it = std::lower_bound(
        list.begin(), list.end(), entry.driver,
        [](const DriverSupport &s, const QString &driver) { return s.driver < driver; });
    if (it != list.end() && it->driver == entry.driver) {
        if (entry.since.isValid() && (!it->since.isValid() || entry.since < it->since))
            *it = entry;
        return;
    }
    list.insert(it, entry);
}

QJsonArray driverSupportToJson(const QList<DriverSupport> &list)
{
    QJsonArray array;
    for (const DriverSupport &s : list) {
        QJsonObject o{{QStringLiteral("driver"), s.driver},
                      {QStringLiteral("since"), s.since.isValid() ? s.since.toString() : QString()},
                      {QStringLiteral("evidence"), s.evidence}};
        if (s.removed.isValid())
            o.insert(QStringLiteral("removed"), s.removed.toString());
        array.append(o);
    }
    return array;
}

QList<DriverSupport> driverSupportFromJson(const QJsonArray &array)
{
    QList<DriverSupport> list;
    for (const QJsonValue &v : array) {
        const QJsonObject o = v.toObject();
        DriverSupport s;
        s.driver = o.value(QStringLiteral("driver")).toString();
        s.since = Version::parse(o.value(QStringLiteral("since")).toString());
        s.removed = Version::parse(o.value(QStringLiteral("removed")).toString());
        s.evidence = o.value(QStringLiteral("evidence")).toString();
        if (!s.driver.isEmpty())
            list.append(s);
    }
    return list;
}

QString driverSupportToCompact(const QList<DriverSupport> &list)
{
    QStringList parts;
    for (const DriverSupport &s : list) {
        if (s.driver.isEmpty() || s.driver.contains(QLatin1Char(' ')) || s.driver.contains(QLatin1Char(',')))
            continue;
        QString part = s.driver + QLatin1Char(' ') + (s.since.isValid() ? s.since.toString() : QStringLiteral("?"));
        if (s.removed.isValid())
            part += QLatin1Char('-') + s.removed.toString();
        parts << part;
    }
    return parts.join(QLatin1Char(','));
}

QList<DriverSupport> driverSupportFromCompact(const QString &text, const QString &evidence)
{
    QList<DriverSupport> list;
    for (const QString &part : text.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        const QStringList f = part.split(QLatin1Char(' '));
        if (f.size() != 2 || f.at(0).isEmpty())
            continue;
        DriverSupport s;
        s.driver = f.at(0);
        s.since = Version::parse(f.at(1).section(QLatin1Char('-'), 0, 0));
        s.removed = Version::parse(f.at(1).section(QLatin1Char('-'), 1, 1));
        s.evidence = evidence;
        list.append(s);
    }
    return list;
}

int applyDriverMatrix(ItemList &items, const DriverMatrix &matrix)
{
    int count = 0;
    for (Item &item : items) {
        if (item.kind != ItemKind::Function)
            continue;
        const auto it = matrix.constFind(item.name);
        if (it == matrix.constEnd() || it->isEmpty())
            continue;
        item.attrs.insert(QStringLiteral("drivers"), driverSupportToJson(*it));
        ++count;
    }
    return count;
}

} // namespace vse
