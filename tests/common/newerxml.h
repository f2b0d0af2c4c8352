#pragma once

// A domain element the installed release's schemas lack and the newest
// package set's have (<pstore> on 9.0.0), found through the real CLI on an
// index of the installed release: what check-xml, the GUI's Check domain
// XML and triage must date from the release history instead of calling it
// "not in the schema index".

#include "clirunner.h"
#include "testdata.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace vse::testdata {

struct NewerXmlElement
{
    QString path;      // domain/devices/pstore
    QString installed; // the indexed release whose schemas lack it: "9.0.0"
    QString sinceText; // as show prints its since: "9.0.0 < since ≤ 11.3.0"
    QString tier;
    QByteArray document; // a plain domain that nests the path's elements
    QString missing;     // why none was found (no 12.9.0 package set, none newer)
};

inline QJsonObject showJsonOf(const QString &index, const QString &name)
{
    const CliRun r = runCli(index, {QStringLiteral("show"), name, QStringLiteral("--json")});
    const QJsonDocument d = QJsonDocument::fromJson(r.out.toUtf8());
    return d.isArray() ? d.array().first().toObject() : d.object();
}

inline QByteArray schemaTextOf(const QString &dir)
{
    QByteArray all;
    for (const QString &f : QDir(dir).entryList({QStringLiteral("*.rng")}, QDir::Files)) {
        QFile file(dir + QLatin1Char('/') + f);
        if (file.open(QIODevice::ReadOnly))
            all += file.readAll();
    }
    return all;
}

// The first element `search --newer-than INSTALLED` lists whose own name no
// installed .rng defines and 12.9.0's does (checked in the raw schema
// files, not through the index), under a parent the installed release has.
inline NewerXmlElement findNewerDomainElement(const QString &index)
{
    NewerXmlElement e;
    const QString laterDir =
        qEnvironmentVariable("VSE_RELEASES_DIR") + QStringLiteral("/libvirt-12.9.0/usr/share/libvirt/schemas");
    if (!QDir(laterDir).exists()) {
        e.missing = QStringLiteral("VSE_RELEASES_DIR has no libvirt-12.9.0 package set");
        return e;
    }
    const QByteArray installedSchemas = schemaTextOf(QStringLiteral("/usr/share/libvirt/schemas"));
    const QByteArray laterSchemas = schemaTextOf(laterDir);
    if (installedSchemas.isEmpty()) {
        e.missing = QStringLiteral("no installed schemas");
        return e;
    }
    e.installed = showJsonOf(index, QStringLiteral("virConnectOpen"))
                      .value(QLatin1String("release"))
                      .toString()
                      .section(QLatin1Char(' '), 0, 0);
    const CliRun s = runCli(index, {QStringLiteral("search"), QStringLiteral("xml:domain/"),
                                    QStringLiteral("--newer-than"), e.installed, QStringLiteral("--kind"),
                                    QStringLiteral("xml-element"), QStringLiteral("--limit"), QStringLiteral("0"),
                                    QStringLiteral("--json")});
    for (const auto &v : QJsonDocument::fromJson(s.out.toUtf8()).array()) {
        const QString name = v.toObject().value(QLatin1String("name")).toString();
        const QString last = name.section(QLatin1Char('/'), -1);
        const QByteArray named = "name=\"" + last.toUtf8() + '"';
        if (last.contains(QLatin1Char(':')) || installedSchemas.contains(named) || !laterSchemas.contains(named))
            continue;
        const QString parentName = name.section(QLatin1Char('/'), 0, -2);
        const QJsonObject parent = showJsonOf(index, parentName);
        if (parent.value(QLatin1String("name")).toString() == parentName &&
            !parent.contains(QLatin1String("newerThanIndexed"))) {
            e.path = name;
            break;
        }
    }
    if (e.path.isEmpty()) {
        e.missing = QStringLiteral("no domain element is newer than the installed release");
        return e;
    }
    const QJsonObject shown = showJsonOf(index, e.path);
    e.sinceText = shown.value(QLatin1String("sinceText")).toString();
    e.tier = shown.value(QLatin1String("tier")).toString();
    const QStringList parts = e.path.split(QLatin1Char('/')).mid(1);
    QString inner = QStringLiteral("<%1/>").arg(parts.constLast());
    for (qsizetype i = parts.size() - 2; i >= 0; --i)
        inner = QStringLiteral("<%1>%2</%1>").arg(parts.at(i), inner);
    e.document = QStringLiteral("<domain type='kvm'>\n"
                                "  <name>n</name>\n"
                                "  <memory unit='KiB'>219136</memory>\n"
                                "  %1\n"
                                "</domain>\n")
                     .arg(inner)
                     .toUtf8();
    return e;
}

} // namespace vse::testdata

// Declares `var`, the element found on `index`; skips the test when there is
// none, and fails it in CI, which fetches the 12.9.0 package set.
#define VSE_REQUIRE_NEWER_XML_ELEMENT(var, index)                                                  \
    const vse::testdata::NewerXmlElement var = vse::testdata::findNewerDomainElement(index);        \
    do {                                                                                           \
        if (var.path.isEmpty()) {                                                                  \
            if (vse::testdata::inCi() && var.missing.contains(QLatin1String("12.9.0")))            \
                QFAIL("VSE_RELEASES_DIR has no libvirt-12.9.0 package set; CI fetches it");        \
            QSKIP(qPrintable(var.missing));                                                        \
        }                                                                                          \
    } while (false)
