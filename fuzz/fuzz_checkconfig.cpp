// check-config on a customer's file, against the shipped history's
// configuration options: parse, name lookups with suggestions, lens types,
// a target release and a default comparison. The input's first line may
// name the file ("virtqemud.conf"); otherwise it is qemu.conf.
#include "fuzzcommon.h"
#include "packitems.h"

#include "check/configchecker.h"

#include <QRegularExpression>

namespace {
vse::ItemList *g_items = nullptr;
}

extern "C" int LLVMFuzzerInitialize(int *, char ***)
{
    g_items = new vse::ItemList(vsefuzz::packItems({vse::ItemKind::ConfigOption}, "fuzz_checkconfig"));
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const QRegularExpression fileName(QStringLiteral("^[a-z_-]+\\.conf$"));
    QByteArray input = vsefuzz::bytes(data, size);
    QString file = QStringLiteral("qemu.conf");
    if (const qsizetype nl = input.indexOf('\n'); nl > 0 && nl < 40) {
        const QString first = QString::fromUtf8(input.left(nl));
        if (fileName.match(first).hasMatch()) {
            file = first;
            input.remove(0, nl + 1);
        }
    }
    vse::ConfigChecker::Options options;
    options.maxVersion = vse::Version(1, 0, 0);
    options.from = vse::Version(0, 9, 0);
    options.to = vse::Version(1, 3, 5);
    const auto report = vse::ConfigChecker::checkText(file, QString::fromUtf8(input), *g_items, options);
    report.toJson();
    return 0;
}
