// What a triage costs beyond checking the guests' XML: a sosreport of 40
// guests (libvirt-doc's two example domains, renamed), each with a 2 MiB log
// ending in a taint record, and a qemu.conf. The yardstick is check-xml
// --max-version 7.0.0 on the same XML files, run by the same program.
// Prints medians (ms) and the ratio; times nothing it asserts.
#include "benchtiming.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QTemporaryDir>
#include <QTextStream>

#include <cstdio>

namespace {

const QString kExamples = QStringLiteral("/usr/share/doc/libvirt-doc/examples/xml/test");

int run(const QString &cli, const QStringList &args)
{
    QProcess p;
    p.setStandardOutputFile(QProcess::nullDevice());
    p.setStandardErrorFile(QProcess::nullDevice());
    p.start(cli, args);
    p.waitForFinished(300000);
    return p.exitCode();
}

bool write(const QString &path, const QByteArray &data)
{
    QDir().mkpath(QFileInfo(path).path());
    QFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(data) == data.size();
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QTextStream out(stdout);
    const QString cli =
        QCoreApplication::applicationDirPath() + QStringLiteral("/../../app/cli/virt-support");
    QFile fv0(kExamples + QStringLiteral("/testdomfv0.xml")),
        fc4(kExamples + QStringLiteral("/testdomfc4.xml"));
    if (!QFileInfo::exists(cli) || !fv0.open(QIODevice::ReadOnly) ||
        !fc4.open(QIODevice::ReadOnly)) {
        out << "bench_triage: needs " << cli << " and libvirt-doc's examples; skipped\n";
        return 0;
    }
    const QByteArray examples[2] = {fv0.readAll(), fc4.readAll()};
    QTemporaryDir dir;
    const QString index = dir.filePath(QStringLiteral("index.sqlite"));
    if (run(cli, {QStringLiteral("--index"), index, QStringLiteral("index"),
                  QStringLiteral("--source"), QStringLiteral("/")}) != 0) {
        out << "bench_triage: indexing the installed libvirt failed\n";
        return 1;
    }
    const QString root = dir.filePath(QStringLiteral("sos"));
    write(root + QStringLiteral("/installed-debs"),
          "ii  libvirt-daemon  7.0.0-3+deb11u3  amd64  daemon\n");
    write(root + QStringLiteral("/etc/libvirt/qemu.conf"), "user = \"qemu\"\n");
    // A log line like the command line libvirt writes when it starts a guest.
    const QByteArray filler =
        QByteArray("LC_ALL=C PATH=/usr/bin /usr/bin/qemu-system-x86_64 -name guest -machine "
                   "pc-q35-5.2,accel=kvm -m 2048 -smp 2 -no-user-config -nodefaults\n")
            .repeated(2 * 1024 * 1024 / 120);
    const int guests = 40;
    for (int i = 0; i < guests; ++i) {
        const QByteArray name = "guest" + QByteArray::number(i);
        QByteArray xml = examples[i % 2];
        xml.replace(QByteArray(i % 2 ? "<name>fc4</name>" : "<name>fv0</name>"),
                    QByteArray("<name>" + name + "</name>"));
        write(root + QStringLiteral("/etc/libvirt/qemu/") + QString::fromLatin1(name) +
                  QStringLiteral(".xml"),
              xml);
        write(root + QStringLiteral("/var/log/libvirt/qemu/") + QString::fromLatin1(name) +
                  QStringLiteral(".log"),
              filler + "2021-02-01 10:00:00.000+0000: Domain id=" + QByteArray::number(i) +
                  " is tainted: custom-monitor\n");
    }
    const QStringList triage{QStringLiteral("--index"),  index,
                             QStringLiteral("triage"),   root,
                             QStringLiteral("--format"), QStringLiteral("json")};
    const QStringList checkXml{
        QStringLiteral("--index"),   index,
        QStringLiteral("check-xml"), QStringLiteral("--max-version"),
        QStringLiteral("7.0.0"),     root + QStringLiteral("/etc/libvirt/qemu"),
        QStringLiteral("--json")};
    run(cli, triage); // warm the page cache
    const double t = vse::bench::medianMs(5, [&] { run(cli, triage); });
    const double y = vse::bench::medianMs(5, [&] { run(cli, checkXml); });
    out << "triage of " << guests
        << " guests with 2 MiB logs (1 MiB tail each) + qemu.conf: " << QString::number(t, 'f', 1)
        << " ms\n"
        << "check-xml --max-version 7.0.0 of the same " << guests
        << " XML files: " << QString::number(y, 'f', 1) << " ms\n"
        << "ratio triage / check-xml: " << QString::number(t / y, 'f', 2) << '\n';
    return 0;
}
