#pragma once

// Shared by the harnesses: libFuzzer's entry points and the conversions every
// harness needs. Harnesses must never write files or read outside what they

#include <QByteArray>
#include <QMap>
#include <QString>

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

namespace vsefuzz {

// The input as a QByteArray that owns a copy (the parsers may keep it).
inline QByteArray bytes(const uint8_t *data, size_t size)
{
    return QByteArray(reinterpret_cast<const char *>(data), qsizetype(size));
}

// Several files in one input, each opened by a line "@@@ NAME" (the seeds
// bundle a file with the ones it needs); an input without that first line is
// one file named defaultName. Nothing is read from disk.
inline QMap<QString, QByteArray> splitFiles(const QByteArray &input, const QString &defaultName,
                                            int maxFiles = 16)
{
    static const QByteArray marker = QByteArrayLiteral("@@@ ");
    static const QByteArray nextMarker = QByteArrayLiteral("\n@@@ ");
    QMap<QString, QByteArray> files;
    if (!input.startsWith(marker)) {
        files.insert(defaultName, input);
        return files;
    }
    qsizetype pos = 0;
    while (pos < input.size() && files.size() < maxFiles) {
        const qsizetype nameEnd = input.indexOf('\n', pos);
        if (nameEnd < 0)
            break;
        const QByteArray name = input.mid(pos + marker.size(), nameEnd - pos - marker.size());
        const qsizetype next = input.indexOf(nextMarker, nameEnd);
        const qsizetype end = next < 0 ? input.size() : next + 1;
        files.insert(QString::fromUtf8(name.trimmed()), input.mid(nameEnd + 1, end - nameEnd - 1));
        pos = end;
    }
    return files;
}

} // namespace vsefuzz
