#include "configvalueshapes.h"

#include <QFile>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace vse {

QString stringOrListSource(const QString &configName, const QString &option)
{
    // Built into the model library's resources with the rest of the policy data.
    static const QHash<QString, QString> known = [] {
        QHash<QString, QString> out;
        QFile f(QStringLiteral(":/vse/policy/config-values.json"));
        if (!f.open(QIODevice::ReadOnly))
            qFatal("virt-support: the built-in config-values.json is missing");
        const QJsonObject root = QJsonDocument::fromJson(f.readAll()).object();
        for (const QJsonValue &v : root.value(QLatin1String("stringOrList")).toArray()) {
            const QJsonObject o = v.toObject();
            out.insert(o.value(QLatin1String("file")).toString() + QLatin1Char('/') +
                           o.value(QLatin1String("option")).toString(),
                       o.value(QLatin1String("source")).toString());
        }
        return out;
    }();
    return known.value(configName + QLatin1Char('/') + option);
}

} // namespace vse
