#pragma once

#include "io/confinedfile.h"
#include "model/diagnostic.h"

#include <QByteArray>
#include <QHash>
#include <QString>

typedef struct _xmlDoc xmlDoc;
typedef struct _xmlNode xmlNode;

namespace vse {

// Owns the parsed .rng files of one extraction. RelaxNG schemas are read as
// plain XML (a structural walk, not validation); each file is parsed once even
// when several grammars include it, and a file that fails to load is reported
// once and remembered as missing.
class RngDocuments
{
public:
    // Schemas are small (libvirt's largest is ~0.4 MB); anything far bigger
    // is not a schema and is refused rather than read into memory.
    static constexpr qint64 kMaxFileSize = SourceRoot::kMaxFileSize;

    // Every file, includes and externalRefs too, is read through root: one
    // that resolves outside it is refused, never opened.
    explicit RngDocuments(Diagnostics *diagnostics, const SourceRoot &root = SourceRoot())
        : m_diagnostics(diagnostics), m_root(root)
    {
    }
    ~RngDocuments();
    RngDocuments(const RngDocuments &) = delete;
    RngDocuments &operator=(const RngDocuments &) = delete;

    // The document's root element, or nullptr after reporting why (blamed on
    // fromFile:fromLine when given, e.g. the include that names the file).
    xmlNode *load(const QString &path, const QString &fromFile = {}, int fromLine = 0);

    // Serves every load() from these files (absolute path -> bytes) instead
    // of the file system; a path not among them is "not found". For the
    // fuzzer and tests, which hand over a set of schemas with includes
    // between them without writing files.
    void setMemoryFiles(QHash<QString, QByteArray> files)
    {
        m_memory = std::move(files);
        m_inMemory = true;
    }

    // A file that is not well-formed XML is then also read as libxml2's
    // recovery mends it, still reported as an error. For the release history
    // only: libvirt 0.7.1 - 0.7.4 shipped a secret.rng with an unclosed
    // <ref>; what such a file declares is a fact of presence, and the error
    // keeps its release from dating any absence (HistoryBuilder).
    void setRecoverMalformed(bool on) { m_recover = on; }

private:
    xmlNode *parse(const QString &key, const QByteArray &data);

    Diagnostics *m_diagnostics;
    SourceRoot m_root;
    QHash<QString, QByteArray> m_memory;
    bool m_inMemory = false;
    bool m_recover = false;
    QHash<QString, xmlDoc *> m_docs; // canonical path -> doc (nullptr: failed)
};

// Small accessors over libxml2 nodes, shared by the schema walk.
namespace rng {
bool isRng(const xmlNode *node);                      // an element in the RelaxNG namespace
bool isRng(const xmlNode *node, const char *name);    // ... with that local name
QString localName(const xmlNode *node);
QString attr(const xmlNode *node, const char *name);  // unqualified attribute, trimmed
bool hasAttr(const xmlNode *node, const char *name);
QString text(const xmlNode *node);                    // text content
int line(const xmlNode *node);
QString file(const xmlNode *node);                    // the document's path
// The ns / datatypeLibrary in force: nearest ancestor (or self) carrying it.
QString inherited(const xmlNode *node, const char *name);
// Name of the <define> that lexically contains the node, empty if none.
QString enclosingDefine(const xmlNode *node);
} // namespace rng

} // namespace vse
