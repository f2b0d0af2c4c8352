#pragma once

#include "model/item.h"

#include <QFile>
#include <QRegularExpression>
#include <QXmlStreamReader>

// Independent routes to the facts the XDR tests check: plain regexes over the
// .x text and a stream read of the installed API XML, sharing no code with
// the extractor.
namespace vse::xdrtest {

struct ProcCount
{
    int count = 0;
    qint64 highest = 0;
};

inline QByteArray readFile(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

// "FOO_PROC_BAR = 12" lines of a procedure enum.
inline ProcCount countProceduresByRegex(const QString &path)
{
    static const QRegularExpression re(
        QStringLiteral("^\\s*[A-Z][A-Z0-9_]*_PROC_[A-Z0-9_]+\\s*=\\s*(\\d+)"),
        QRegularExpression::MultilineOption);
    ProcCount c;
    auto it = re.globalMatch(QString::fromUtf8(readFile(path)));
    while (it.hasNext()) {
        const auto m = it.next();
        ++c.count;
        c.highest = std::max(c.highest, m.captured(1).toLongLong());
    }
    return c;
}

// Functions of /usr/share/libvirt/api/*-api.xml as items with their version.
inline ItemList apiFunctionsFromXml(const QStringList &files)
{
    ItemList out;
    for (const QString &file : files) {
        QXmlStreamReader xml(readFile(file));
        while (!xml.atEnd()) {
            if (xml.readNext() != QXmlStreamReader::StartElement ||
                xml.name() != QLatin1String("function"))
                continue;
            Item item;
            item.kind = ItemKind::Function;
            item.name = xml.attributes().value(QLatin1String("name")).toString();
            Evidence e;
            e.kind = Evidence::Kind::ApiXml;
            e.version = Version::parse(xml.attributes().value(QLatin1String("version")));
            item.evidence.append(e);
            out.append(item);
        }
    }
    return out;
}

} // namespace vse::xdrtest
