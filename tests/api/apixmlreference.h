#pragma once

#include <QDir>
#include <QFile>
#include <QHash>
#include <QList>
#include <QString>
#include <QXmlStreamReader>

// An independent reading of libvirt's *-api.xml (QXmlStreamReader, not the
// project's libxml2 extractor), so tests compare two routes to the same facts.
namespace vse::apitest {

struct XmlSymbol
{
    QString tag; // function, enum, macro, typedef, struct, functype, variable
    QString name;
    QString version;
    QString value;    // enum value
    QString type;     // enum's typedef, typedef's type
    QStringList args; // function argument names
};

inline QString installedApiXmlDir()
{
    return QStringLiteral("/usr/share/libvirt/api");
}

inline QStringList installedApiXmlFiles()
{
    const QDir dir(installedApiXmlDir());
    QStringList files;
    for (const QString &f : dir.entryList({QStringLiteral("*-api.xml")}, QDir::Files, QDir::Name))
        files.append(dir.filePath(f));
    return files;
}

inline QList<XmlSymbol> readApiXml(const QString &path)
{
    QList<XmlSymbol> symbols;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return symbols;
    QXmlStreamReader xml(&file);
    bool inSymbols = false;
    int depth = 0;
    while (!xml.atEnd()) {
        xml.readNext();
        if (xml.isStartElement()) {
            ++depth;
            if (xml.name() == QLatin1String("symbols")) {
                inSymbols = true;
            } else if (inSymbols && depth == 3) {
                XmlSymbol s;
                s.tag = xml.name().toString();
                const auto a = xml.attributes();
                s.name = a.value(QLatin1String("name")).toString();
                s.version = a.value(QLatin1String("version")).toString();
                s.value = a.value(QLatin1String("value")).toString();
                s.type = a.value(QLatin1String("type")).toString();
                symbols.append(s);
            } else if (inSymbols && depth == 4 && xml.name() == QLatin1String("arg") &&
                       !symbols.isEmpty() && symbols.last().tag == QLatin1String("function")) {
                symbols.last().args.append(
                    xml.attributes().value(QLatin1String("name")).toString());
            }
        } else if (xml.isEndElement()) {
            if (xml.name() == QLatin1String("symbols"))
                inSymbols = false;
            --depth;
        }
    }
    return symbols;
}

} // namespace vse::apitest
