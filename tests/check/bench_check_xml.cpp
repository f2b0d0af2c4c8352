// Prints how long checking a large generated domain takes: the first check
// (compiles the schema and builds the schema index) and the median of warm ones.
#include "check/domainxmlchecker.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QHash>

#include <algorithm>
#include <cstdio>

using namespace vse;

static QByteArray generateDomain(int devices)
{
    QByteArray xml = "<domain type='kvm' xmlns:qemu='http://libvirt.org/schemas/domain/qemu/1.0'>\n"
                     "  <name>bench</name>\n  <memory unit='KiB'>1048576</memory>\n"
                     "  <os><type arch='x86_64' machine='q35'>hvm</type></os>\n  <devices>\n";
    for (int i = 0; i < devices; ++i) {
        const QByteArray n = QByteArray::number(i);
        if (i % 2 == 0) {
            xml += "    <disk type='file' device='disk'>\n"
                   "      <driver name='qemu' type='qcow2' cache='none' io='native'/>\n"
                   "      <source file='/var/lib/libvirt/images/d" + n + ".qcow2'/>\n"
                   "      <target dev='vd" + n + "' bus='virtio'/>\n    </disk>\n";
        } else {
            xml += "    <interface type='network'>\n      <mac address='52:54:00:00:" +
                   QByteArray::number(i / 256 % 256, 16).rightJustified(2, '0') + ":" +
                   QByteArray::number(i % 256, 16).rightJustified(2, '0') +
                   "'/>\n      <source network='default'/>\n      <model type='virtio'/>\n    </interface>\n";
        }
    }
    xml += "  </devices>\n  <qemu:commandline><qemu:arg value='-no-reboot'/></qemu:commandline>\n</domain>\n";
    return xml;
}

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QString schemas = argc > 1 ? QString::fromLocal8Bit(argv[1]) : SchemaExtractor::installedSchemaDir();
    const int devices = 2000;
    const int runs = 7;
    const QByteArray xml = generateDomain(devices);

    QElapsedTimer t;
    t.start();
    QHash<QString, Item> items;
    for (const Item &i : cachedSchemaIndex(schemas)->result.items)
        items.insert(i.name, i);
    const double indexMs = double(t.nsecsElapsed()) / 1e6;
    const ItemLookup lookup = [&items](const QString &p) -> const Item * {
        auto it = items.constFind(p);
        return it == items.constEnd() ? nullptr : &*it;
    };

    QList<double> ms;
    XmlCheckReport report;
    for (int i = 0; i <= runs; ++i) {
        t.restart();
        report = checkXmlData(xml, QStringLiteral("bench.xml"), schemas, lookup, Version(9, 0, 0));
        ms.append(double(t.nsecsElapsed()) / 1e6);
    }
    const double cold = ms.takeFirst();
    std::sort(ms.begin(), ms.end());
    std::printf("bench_check_xml: %d devices, %lld bytes, valid=%d, %lld findings; schema index %.1f ms; "
                "first check (compiles schema) %.1f ms; warm median %.1f ms (min %.1f, max %.1f) over %d runs\n",
                devices, qlonglong(xml.size()), int(report.valid), qlonglong(report.findings.size()), indexMs, cold,
                ms.at(ms.size() / 2), ms.first(), ms.last(), runs);
    return report.valid ? 0 : 1;
}
