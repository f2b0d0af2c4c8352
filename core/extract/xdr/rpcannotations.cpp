#include "rpcannotations.h"

#include <QJsonArray>
#include <QRegularExpression>

namespace vse {

namespace {

void add(QJsonObject &all, const QString &key, const QString &value)
{
    QJsonArray values = all.value(key).toArray();
    values.append(value);
    all.insert(key, values);
}

QString generateFromWords(const QString &daemon, const QString &client)
{
    const bool server = daemon == QLatin1String("autogen");
    const bool remote = client == QLatin1String("autogen");
    if (server && remote)
        return QStringLiteral("both");
    if (server)
        return QStringLiteral("server");
    if (remote)
        return QStringLiteral("client");
    return QStringLiteral("none");
}

void parseBlock(const QString &doc, RpcAnnotations &a)
{
    // Only lines that start (after the comment's '*') with "@key:" count: the
    // explanatory comment at the top of each procedure enum lists the keys as
    // "- @generate: ..." and must not be read as annotations.
    static const QRegularExpression line(
        QStringLiteral("^\\s*(?:/\\*+)?\\s*\\**\\s*@([A-Za-z_]+)\\s*:\\s*(.*?)\\s*(?:\\*/)?\\s*$"),
        QRegularExpression::MultilineOption);
    auto it = line.globalMatch(doc);
    while (it.hasNext()) {
        const auto m = it.next();
        const QString key = m.captured(1);
        const QString value = m.captured(2);
        a.style = RpcAnnotations::Style::Block;
        add(a.all, key, value);
        if (key == QLatin1String("generate"))
            a.generate = value;
        else if (key == QLatin1String("acl"))
            a.acl.append(value);
        else if (key == QLatin1String("aclfilter"))
            a.aclfilter.append(value);
        else if (key == QLatin1String("priority"))
            a.priority = value;
        else if (key == QLatin1String("readstream"))
            a.readstream = value.toInt();
        else if (key == QLatin1String("writestream"))
            a.writestream = value.toInt();
        else if (key == QLatin1String("sparseflag"))
            a.sparseflag = value;
    }
}

void parseTrailing(const QString &comment, RpcAnnotations &a)
{
    QString body = comment;
    if (!body.startsWith(QLatin1String("/*")))
        return;
    body = body.mid(2);
    if (body.endsWith(QLatin1String("*/")))
        body.chop(2);
    const QStringList words = body.simplified().split(QLatin1Char(' '), Qt::SkipEmptyParts);
    const auto isGenWord = [](const QString &w) {
        return w == QLatin1String("autogen") || w == QLatin1String("skipgen");
    };
    // Anything else is prose, not an annotation.
    if (words.size() < 2 || !isGenWord(words.at(0)) || !isGenWord(words.at(1)))
        return;
    a.style = RpcAnnotations::Style::Trailing;
    a.generate = generateFromWords(words.at(0), words.at(1));
    add(a.all, QStringLiteral("daemon"), words.at(0));
    add(a.all, QStringLiteral("client"), words.at(1));
    add(a.all, QStringLiteral("generate"), a.generate);
    for (int i = 2; i < words.size(); ++i) {
        const QString &w = words.at(i);
        if (w == QLatin1String("|"))
            continue;
        const int colon = w.indexOf(QLatin1Char(':'));
        const int at = w.indexOf(QLatin1Char('@'));
        if (colon > 0) {
            const QString key = w.left(colon), value = w.mid(colon + 1);
            add(a.all, key, value);
            if (key == QLatin1String("priority"))
                a.priority = value;
        } else if (at > 0) {
            const QString key = w.left(at), value = w.mid(at + 1);
            add(a.all, key, value);
            if (key == QLatin1String("readstream"))
                a.readstream = value.toInt();
            else if (key == QLatin1String("writestream"))
                a.writestream = value.toInt();
        } else {
            add(a.all, w, QStringLiteral("1"));
        }
    }
}

} // namespace

RpcAnnotations parseRpcAnnotations(const QString &doc, const QString &trailing)
{
    RpcAnnotations a;
    if (doc.startsWith(QLatin1String("/**")))
        parseBlock(doc, a);
    if (a.isEmpty() && !trailing.isEmpty())
        parseTrailing(trailing, a);
    return a;
}

QJsonObject RpcAnnotations::toJson() const
{
    return all;
}

int parseInsertAnnotation(const QString &comment)
{
    static const QRegularExpression re(QStringLiteral("\\binsert@(\\d+)"));
    const auto m = re.match(comment);
    return m.hasMatch() ? m.captured(1).toInt() : -1;
}

} // namespace vse
