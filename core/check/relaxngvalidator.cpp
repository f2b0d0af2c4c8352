#include "relaxngvalidator.h"

#include <QFile>
#include <QHash>

#include "io/confinedfile.h"

#include <QFileInfo>
#include <QUrl>

#include <libxml/parserInternals.h>
#include <libxml/relaxng.h>
#include <libxml/xmlerror.h>
#include <libxml/xmlversion.h>

#include <mutex>

namespace vse {

namespace {

// libxml2 2.12 made the structured error callback take a const error.
#if LIBXML_VERSION >= 21200
using XmlErrorArg = const xmlError *;
#else
using XmlErrorArg = xmlErrorPtr;
#endif

struct Sink
{
    Diagnostics *out;
    QString fallbackFile;
};

void collect(void *userData, XmlErrorArg err)
{
    auto *sink = static_cast<Sink *>(userData);
    if (!err || sink->out->size() >= 1000)
        return;
    int line = err->line;
    if (err->node && static_cast<const xmlNode *>(err->node)->type == XML_ELEMENT_NODE)
        line = int(xmlGetLineNo(static_cast<const xmlNode *>(err->node)));
    const QString file = err->file ? QString::fromUtf8(err->file) : sink->fallbackFile;
    const QString message = err->message ? QString::fromUtf8(err->message).trimmed() : QString();
    Diagnostic d = err->level == XML_ERR_WARNING ? Diagnostic::warning(file, line, message)
                                                 : Diagnostic::error(file, line, message);
    sink->out->append(d);
}

// libxml2 opens the schema and what it includes or externalRefs by itself.
// While a schema compiles, its files are read through the schema folder's
// SourceRoot instead: outside it, not regular or too big, and the file is
// refused unopened (libxml2 then reports the include as failed).
struct Confinement
{
    const SourceRoot *root = nullptr;
    Diagnostics *refusals = nullptr;
};
thread_local Confinement t_confinement;
xmlExternalEntityLoader g_defaultLoader = nullptr;

xmlParserInputPtr confinedLoader(const char *url, const char *id, xmlParserCtxtPtr ctxt)
{
    if (!t_confinement.root)
        return g_defaultLoader ? g_defaultLoader(url, id, ctxt) : nullptr;
    if (!url)
        return nullptr;
    QString path = QString::fromUtf8(url);
    if (path.startsWith(QLatin1String("file://")))
        path = path.mid(7);
    // libxml2 builds include URLs, escaping spaces and the like.
    if (path.contains(QLatin1Char('%')) && !QFileInfo::exists(path))
        path = QUrl::fromPercentEncoding(path.toUtf8());
    QByteArray data;
    QString why;
    if (path.contains(QLatin1String("://")) || !t_confinement.root->read(path, &data, &why)) {
        if (why.isEmpty())
            why = QStringLiteral("%1 is not a local file: refused").arg(path);
        t_confinement.refusals->append(Diagnostic::error(path, 0, QStringLiteral("schema file refused: %1").arg(why)));
        return nullptr;
    }
    xmlParserInputBufferPtr buf = xmlParserInputBufferCreateMem(data.constData(), int(data.size()), XML_CHAR_ENCODING_NONE);
    if (!buf)
        return nullptr;
    xmlParserInputPtr in = xmlNewIOInputStream(ctxt, buf, XML_CHAR_ENCODING_NONE);
    if (!in) {
        xmlFreeParserInputBuffer(buf);
        return nullptr;
    }
    in->filename = reinterpret_cast<char *>(xmlStrdup(reinterpret_cast<const xmlChar *>(url)));
    return in;
}

struct Compiled
{
    xmlRelaxNGPtr schema = nullptr;
    Diagnostics errors;
};

// A std::mutex (pthread) rather than a QMutex (bare futex): thread checkers
// (valgrind's helgrind, drd) see the order it gives between compiling a
// schema on one worker and validating with it on another.
std::mutex &lock()
{
    static std::mutex m;
    return m;
}

QHash<QString, Compiled> &cache()
{
    // Never freed: compiled schemas live as long as the process. Held through
    // a pointer so that no destructor drops them at exit either (a static
    // hash was destroyed before the leak checker ran, which then reported
    // every compiled schema as leaked: found by fuzz_checkxml).
    static auto *c = new QHash<QString, Compiled>;
    return *c;
}

// Called with lock() held. The entry is copied out: QHash may move its
// entries when another schema is inserted.
Compiled compiled(const QString &schemaFile)
{
    auto &c = cache();
    if (auto it = c.constFind(schemaFile); it != c.constEnd())
        return *it;
    Compiled result;
    Sink sink{&result.errors, schemaFile};
    const QByteArray path = QFile::encodeName(schemaFile);
    static const bool installed = [] {
        g_defaultLoader = xmlGetExternalEntityLoader();
        xmlSetExternalEntityLoader(confinedLoader);
        return true;
    }();
    Q_UNUSED(installed);
    const SourceRoot root(QFileInfo(schemaFile).absolutePath());
    Diagnostics refusals;
    t_confinement = {&root, &refusals};
    if (xmlRelaxNGParserCtxtPtr p = xmlRelaxNGNewParserCtxt(path.constData())) {
        xmlRelaxNGSetParserStructuredErrors(p, collect, &sink);
        result.schema = xmlRelaxNGParse(p);
        xmlRelaxNGFreeParserCtxt(p);
    }
    t_confinement = {};
    // Our reason first: libxml2's own message only says the load failed.
    result.errors = refusals + result.errors;
    if (!refusals.isEmpty() && result.schema) {
        xmlRelaxNGFree(result.schema);
        result.schema = nullptr;
    }
    if (!result.schema && !hasErrors(result.errors))
        result.errors.append(Diagnostic::error(schemaFile, 0, QStringLiteral("the schema does not compile")));
    return *c.insert(schemaFile, result);
}

} // namespace

void RelaxNgValidator::compile(const QString &schemaFile)
{
    const std::lock_guard<std::mutex> locker(lock());
    compiled(schemaFile);
}

Diagnostics RelaxNgValidator::validate(xmlDoc *doc, const QString &schemaFile, bool *schemaOk)
{
    // Only compiling (and the cache) is serialised. Validation runs in
    // parallel: the compiled schema is only read while validating, and all
    // state of one validation lives in its own validity context (libxml2's
    // errors are per thread; lxml validates with one compiled schema on
    // several threads the same way). Holding the lock here made batch
    // check-xml run on one core whatever the number of workers.
    const Compiled schema = [&] {
        const std::lock_guard<std::mutex> locker(lock());
        return compiled(schemaFile);
    }();
    *schemaOk = schema.schema != nullptr;
    if (!schema.schema)
        return schema.errors;
    Diagnostics errors;
    Sink sink{&errors, doc && doc->URL ? QString::fromUtf8(reinterpret_cast<const char *>(doc->URL)) : QString()};
    xmlRelaxNGValidCtxtPtr v = xmlRelaxNGNewValidCtxt(schema.schema);
    if (!v) {
        errors.append(Diagnostic::error(sink.fallbackFile, 0, QStringLiteral("out of memory")));
        return errors;
    }
    xmlRelaxNGSetValidStructuredErrors(v, collect, &sink);
    const int rc = xmlRelaxNGValidateDoc(v, doc);
    xmlRelaxNGFreeValidCtxt(v);
    if (rc != 0 && !hasErrors(errors))
        errors.append(Diagnostic::error(sink.fallbackFile, 0, QStringLiteral("the document does not match the schema")));
    return errors;
}

} // namespace vse
