#pragma once

// Shared by the harnesses: libFuzzer's entry points and the conversions every
// harness needs. Harnesses must never write files or read outside what they

#include <QByteArray>

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

namespace vsefuzz {

// The input as a QByteArray that owns a copy (the parsers may keep it).
inline QByteArray bytes(const uint8_t *data, size_t size)
{
    return QByteArray(reinterpret_cast<const char *>(data), qsizetype(size));
}

} // namespace vsefuzz
