#include "virshline.h"

#include "commandline.h"

#include <QSet>

namespace vse {

bool virshGlobalOptionTakesValue(const QString &w)
{
    static const QSet<QString> withValue{
        QStringLiteral("-c"), QStringLiteral("--connect"), QStringLiteral("-d"),
        QStringLiteral("--debug"), QStringLiteral("-e"), QStringLiteral("--escape"),
        QStringLiteral("-k"), QStringLiteral("--keepalive-interval"), QStringLiteral("-K"),
        QStringLiteral("--keepalive-count"), QStringLiteral("-l"), QStringLiteral("--log")};
    if (withValue.contains(w))
        return true;
    return w.size() > 2 && !w.startsWith(QLatin1String("--")) && QStringLiteral("cdekKl").contains(w.back());
}

VirshLine VirshLine::parse(const QString &afterVirsh)
{
    VirshLine line;
    const QStringList w = splitCommandLine(afterVirsh);
    qsizetype i = 0;
    while (i < w.size() && w.at(i).startsWith(QLatin1Char('-')) && w.at(i) != QLatin1String("--"))
        i += virshGlobalOptionTakesValue(w.at(i)) ? 2 : 1;
    if (i >= w.size())
        return line;
    line.command = w.at(i);
    for (++i; i < w.size(); ++i) {
        const QString &a = w.at(i);
        if (a == QLatin1String("--"))
            break; // the rest are values
        if (!a.startsWith(QLatin1String("--")) || a.size() == 2)
            continue; // a positional value (a guest's name)
        const qsizetype eq = a.indexOf(QLatin1Char('='));
        const QString name = a.mid(2, eq < 0 ? -1 : eq - 2);
        if (!name.isEmpty() && !line.options.contains(name))
            line.options << name;
    }
    return line;
}

} // namespace vse
