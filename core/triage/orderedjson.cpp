#include "orderedjson.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace vse {

namespace {

// A scalar as QJsonDocument writes it (escaping included): wrapped in an
// array, written compactly, unwrapped.
QByteArray scalar(const QJsonValue &v)
{
    const QByteArray a = QJsonDocument(QJsonArray{v}).toJson(QJsonDocument::Compact);
    return a.mid(1, a.size() - 2);
}

void write(QByteArray &out, const QJsonValue &v, const QStringList &first, int depth)
{
    const QByteArray pad((depth + 1) * 4, ' '), close(depth * 4, ' ');
    if (v.isObject()) {
        const QJsonObject o = v.toObject();
        if (o.isEmpty()) {
            out += "{}";
            return;
        }
        QStringList keys;
        for (const QString &k : first)
            if (o.contains(k))
                keys << k;
        for (const QString &k : o.keys())
            if (!keys.contains(k))
                keys << k;
        out += "{\n";
        for (qsizetype i = 0; i < keys.size(); ++i) {
            out += pad + scalar(keys.at(i)) + ": ";
            write(out, o.value(keys.at(i)), first, depth + 1);
            out += i + 1 < keys.size() ? ",\n" : "\n";
        }
        out += close + '}';
    } else if (v.isArray()) {
        const QJsonArray a = v.toArray();
        if (a.isEmpty()) {
            out += "[]";
            return;
        }
        out += "[\n";
        for (qsizetype i = 0; i < a.size(); ++i) {
            out += pad;
            write(out, a.at(i), first, depth + 1);
            out += i + 1 < a.size() ? ",\n" : "\n";
        }
        out += close + ']';
    } else {
        out += scalar(v);
    }
}

} // namespace

QByteArray orderedJson(const QJsonObject &o, const QStringList &first)
{
    QByteArray out;
    write(out, o, first, 0);
    return out + '\n';
}

} // namespace vse
