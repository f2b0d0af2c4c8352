#pragma once

#include "io/confinedfile.h"

#include "xdrast.h"

#include <QByteArray>
#include <QString>

namespace vse {

// Limits that keep hostile input harmless: the biggest real .x file
// (remote_protocol.x) is a few hundred KiB, so these are generous.
constexpr qint64 kXdrMaxFileSize = SourceRoot::kMaxFileSize;
constexpr int kXdrMaxNesting = 32; // inline struct/union/enum bodies
constexpr int kXdrMaxErrors = 50;  // then the parser gives up on the file
// Definitions + members + enum values + union arms: remote_protocol.x has a few
// thousand; the cap bounds the memory a hostile file under the size limit can take.
constexpr int kXdrMaxElements = 50000;

// Parses the XDR language of RFC 4506 as libvirt writes it (rpcgen's
// extensions included: '%' lines, char/short/long, "unsigned" alone, C macro
// names as constants). A fuzz-friendly entry point: any bytes in, a result out,
// never a crash or a hang. Syntax errors carry file:line:column; after one the
// parser resumes at the next top-level ';', '}' or definition keyword in
// column 1, so one typo does not hide the rest of the file.
XdrFile parseXdr(const QByteArray &bytes, const QString &fileName);

// Reads and parses a file through root (see SourceRoot: inside it, regular,
// at most kXdrMaxFileSize bytes, checked before reading).
XdrFile parseXdrFile(const QString &path, const SourceRoot &root = SourceRoot());

} // namespace vse
