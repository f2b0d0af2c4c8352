#pragma once

#include "model/diagnostic.h"
#include "model/version.h"

#include <QList>
#include <QString>

namespace vse {

class SourceRoot;

// A public function's "Since:" tag as a source tree documents it: libvirt
// writes the doc block of each public function above its definition in the
// implementation files (src/libvirt-domain.c, src/admin/libvirt-admin.c...),
// not in the headers. These tags matter where the function came later than
// the version node it was exported in (virAdmServerUpdateTlsFiles: node
// LIBVIRT_ADMIN_2.0.0, tag 6.2.0).
struct FunctionSinceTag
{
    QString function;
    Version since;
    QString file; // relative to the source root
    int line = 0; // of the block's "NAME:" title
};

namespace functionsincetags {

// The implementation files of a source tree that document public functions:
// src/libvirt*.c and src/admin/libvirt-admin.c, those that exist.
QStringList filesOf(const QString &root);
// Every titled doc block with a Since tag in one file. An unreadable file
// is an error diagnostic; a block without a tag is no fact and skipped.
QList<FunctionSinceTag> read(const QString &path, const SourceRoot &root, Diagnostics *diagnostics);
// The same on text already read (fileName as it should be cited).
QList<FunctionSinceTag> parse(const QByteArray &text, const QString &fileName);

} // namespace functionsincetags
} // namespace vse
