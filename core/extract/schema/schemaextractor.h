#pragma once

#include "schemanavigator.h"

#include "model/extractresult.h"

#include <QByteArray>
#include <QDir>
#include <QMap>
#include <QString>

namespace vse {

class RngDocuments;

// The schema index of one release plus what the domain-XML checker needs to
// map document paths onto it.
struct SchemaIndex
{
    ExtractResult result;
    SchemaNavigator navigator;
    QStringList rootSchemas; // files with a <start>, e.g. "domain.rng"
};

// Indexes libvirt's RelaxNG schemas (a folder of *.rng): every element,
// attribute and enumerated value reachable from the start of each schema
// file, under its canonical path (domain/devices/disk/driver@cache=none).
// Reads the .rng files as XML and walks them structurally; problems (ref to
// a missing define, missing include, malformed file) come back as
// diagnostics with file and line, and the rest of the folder is still indexed.
class SchemaExtractor
{
public:
    // Every schema and every file they include must lie inside sourceRoot
    // (the schema folder itself when empty); others are refused unread.
    // recoverMalformed: RngDocuments::setRecoverMalformed (the release history only).
    static ExtractResult extractDir(const QString &schemaDir, const QString &sourceRoot = {},
                                    bool recoverMalformed = false);
    // withItems false: only the navigator and the root schemas (what checking
    // a document needs), without building an item per path.
    static SchemaIndex indexDir(const QString &schemaDir, bool withItems = true, const QString &sourceRoot = {},
                                bool recoverMalformed = false);
    // The same over schema files held in memory (file name -> bytes, as if
    // they were one folder; includes resolve among them and nowhere else).
    // The fuzzer's entry point into the RelaxNG reader and walker.
    static SchemaIndex indexFiles(const QMap<QString, QByteArray> &files, bool withItems = true);

    // The schema folder of a libvirt source tree: src/conf/schemas (7.x on)
    // or docs/schemas (older); empty when neither holds .rng files.
    static QString findSchemaDir(const QString &sourceTree);
    // The installed libvirt's schemas.
    static QString installedSchemaDir() { return QStringLiteral("/usr/share/libvirt/schemas"); }

private:
    // Walks the *.rng `files` of `dir` (sorted names) that `documents` loads.
    static void indexDocuments(SchemaIndex &index, const QDir &dir, const QStringList &files,
                               RngDocuments &documents, bool withItems);
};

} // namespace vse
