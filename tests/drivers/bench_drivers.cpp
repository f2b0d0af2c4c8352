// Prints how long the driver support readers take: the installed
// hvsupport.html (and VSE_RELEASES_DIR's package sets), and a generated source
// tree the size of libvirt's (30 driver files, 15 000 table entries, each file
// padded to qemu_driver.c's 20 000 lines).

#include "extract/drivers/driversupport.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>

#include <cstdio>

using namespace vse;

namespace {

constexpr int kRuns = 20;

void benchPage(const QString &path)
{
    if (!QFileInfo::exists(path))
        return;
    qint64 best = -1;
    qsizetype functions = 0;
    for (int i = 0; i < kRuns; ++i) {
        Diagnostics d;
        QElapsedTimer t;
        t.start();
        const DriverMatrix m = readHvSupportHtml(path, &d);
        const qint64 ns = t.nsecsElapsed();
        best = best < 0 ? ns : std::min(best, ns);
        functions = m.size();
    }
    std::printf("hvsupport.html  %-70s %5lld KB  %4lld functions  best of %d: %7.2f ms\n",
                qPrintable(path), qlonglong(QFileInfo(path).size() / 1024), qlonglong(functions),
                kRuns, double(best) / 1e6);
}

QString generatedTree(QTemporaryDir &dir)
{
    for (int f = 0; f < 30; ++f) {
        const QString name = QStringLiteral("drv%1").arg(f);
        QDir(dir.path()).mkpath(QStringLiteral("src/") + name);
        QFile file(dir.filePath(QStringLiteral("src/%1/%1_driver.c").arg(name)));
        if (!file.open(QIODevice::WriteOnly))
            return {};
        QByteArray text;
        for (int l = 0; l < 19000; ++l)
            text += "static int filler" + QByteArray::number(l) + "(void) { return 0; }\n";
        text += "static virHypervisorDriver " + name.toUtf8() + "Driver = {\n";
        for (int e = 0; e < 500; ++e)
            text += "    .domainOp" + QByteArray::number(e) + " = op" + QByteArray::number(e) +
                    ", /* 1." + QByteArray::number(e % 10) + ".0 */\n";
        text += "};\n";
        file.write(text);
    }
    return dir.path();
}

} // namespace

int main()
{
    benchPage(hvSupportHtmlPath());
    const QString releases = qEnvironmentVariable("VSE_RELEASES_DIR");
    if (!releases.isEmpty()) {
        const QDir dir(releases);
        for (const QString &sub :
             dir.entryList({QStringLiteral("libvirt-*")}, QDir::Dirs, QDir::Name))
            benchPage(hvSupportHtmlPath(dir.filePath(sub)));
    }

    QTemporaryDir tmp;
    const QString tree = generatedTree(tmp);
    if (tree.isEmpty())
        return 1;
    qint64 best = -1;
    qsizetype functions = 0;
    for (int i = 0; i < 5; ++i) {
        Diagnostics d;
        QElapsedTimer t;
        t.start();
        const DriverMatrix m = readDriverTables(tree, &d);
        const qint64 ns = t.nsecsElapsed();
        best = best < 0 ? ns : std::min(best, ns);
        functions = m.size();
    }
    std::printf("driver tables   generated tree, 30 files x 19500 lines      %4lld functions  best "
                "of 5: %7.2f ms\n",
                qlonglong(functions), double(best) / 1e6);
    return 0;
}
