// RelaxNG schemas: the reader (XML, includes, defines, combine), the walker
// and the element graph, and the item builder, over a set of schema files
// held in memory. The input is one file ("main.rng"), or several, each
// opened by a line "@@@ NAME" (the seeds bundle a schema with the files it
// includes, so includes resolve among them; nothing is read from disk).
#include "fuzzcommon.h"

#include "extract/schema/schemaextractor.h"

namespace {
constexpr int kMaxFiles = 16;
const QByteArray kMarker = QByteArrayLiteral("@@@ ");
const QByteArray kNextMarker = QByteArrayLiteral("\n@@@ ");

QMap<QString, QByteArray> splitFiles(const QByteArray &input)
{
    QMap<QString, QByteArray> files;
    if (!input.startsWith(kMarker)) {
        files.insert(QStringLiteral("main.rng"), input);
        return files;
    }
    qsizetype pos = 0;
    while (pos < input.size() && files.size() < kMaxFiles) {
        const qsizetype nameEnd = input.indexOf('\n', pos);
        const QByteArray name = input.mid(pos + kMarker.size(),
                                          (nameEnd < 0 ? input.size() : nameEnd) - pos - kMarker.size());
        if (nameEnd < 0)
            break;
        const qsizetype next = input.indexOf(kNextMarker, nameEnd);
        const qsizetype end = next < 0 ? input.size() : next + 1;
        files.insert(QString::fromUtf8(name.trimmed()), input.mid(nameEnd + 1, end - nameEnd - 1));
        pos = end;
    }
    return files;
}
} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    vse::SchemaExtractor::indexFiles(splitFiles(vsefuzz::bytes(data, size)));
    return 0;
}
