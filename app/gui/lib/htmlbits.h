#pragma once

#include <QJsonArray>
#include <QJsonObject>
#include <QJsonValue>
#include <QString>
#include <QStringList>
#include <QUrl>

namespace vse::gui::html {

// Small HTML pieces the detail pane's renderers share. Everything that comes
// from the index is escaped: names and docs are read from untrusted sources.

inline QString esc(const QString &s)
{
    return s.toHtmlEscaped();
}

// A coloured banner; the text colour is fixed because the background is.
inline QString banner(const QString &colour, const QString &title, const QString &textHtml)
{
    return QStringLiteral("<table width=\"100%\" cellpadding=\"6\" "
                          "style=\"margin-top:4px;\"><tr><td bgcolor=\"") +
           colour + QStringLiteral("\" style=\"color:#000000;\"><b>") + esc(title) +
           QStringLiteral("</b> ") + textHtml + QStringLiteral("</td></tr></table>");
}

// A long name as a heading: escaped, with invisible break opportunities
// (U+200B) at camel humps and after '/', '@', '_', '=', so a narrow pane
// wraps "virDomainQemu|MonitorCommand", never "…MonitorCom|mand".
inline QString breakable(const QString &name)
{
    QString out;
    out.reserve(name.size() + name.size() / 4);
    for (qsizetype i = 0; i < name.size(); ++i) {
        const QChar c = name.at(i);
        if (i > 0 && c.isUpper() && name.at(i - 1).isLower())
            out += QChar(0x200B);
        out += c;
        if (c == QLatin1Char('/') || c == QLatin1Char('@') || c == QLatin1Char('_') || c == QLatin1Char('='))
            out += QChar(0x200B);
    }
    return esc(out);
}

inline QString link(const QUrl &url, const QString &text)
{
    return QStringLiteral("<a href=\"") + esc(url.toString(QUrl::FullyEncoded)) +
           QStringLiteral("\">") + esc(text) + QStringLiteral("</a>");
}

// A string or an array of strings from an item's attrs.
inline QStringList stringsOf(const QJsonValue &v)
{
    QStringList out;
    if (v.isString())
        out << v.toString();
    else if (v.isArray())
        for (const QJsonValue &e : v.toArray())
            if (e.isString())
                out << e.toString();
    return out;
}

// Names from a string, an array of strings, or an array of objects with a
// "name" (the API's "procedures": {name, program, number, acl}).
inline QStringList namesOf(const QJsonValue &v)
{
    QStringList out = stringsOf(v);
    if (v.isArray())
        for (const QJsonValue &e : v.toArray())
            if (e.isObject() && e.toObject().value(QStringLiteral("name")).isString())
                out << e.toObject().value(QStringLiteral("name")).toString();
    return out;
}

} // namespace vse::gui::html
