#include "relaxngvalidator.h"

#include <QFile>
#include <QHash>
#include <QMutex>

#include <libxml/relaxng.h>
#include <libxml/xmlerror.h>
#include <libxml/xmlversion.h>

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

struct Compiled
{
    xmlRelaxNGPtr schema = nullptr;
    Diagnostics errors;
};

QMutex &lock()
{
    static QMutex m;
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

const Compiled &compiled(const QString &schemaFile)
{
    auto &c = cache();
    if (auto it = c.constFind(schemaFile); it != c.constEnd())
        return *it;
    Compiled result;
    Sink sink{&result.errors, schemaFile};
    const QByteArray path = QFile::encodeName(schemaFile);
    if (xmlRelaxNGParserCtxtPtr p = xmlRelaxNGNewParserCtxt(path.constData())) {
        xmlRelaxNGSetParserStructuredErrors(p, collect, &sink);
        result.schema = xmlRelaxNGParse(p);
        xmlRelaxNGFreeParserCtxt(p);
    }
    if (!result.schema && !hasErrors(result.errors))
        result.errors.append(Diagnostic::error(schemaFile, 0, QStringLiteral("the schema does not compile")));
    return *c.insert(schemaFile, result);
}

} // namespace

Diagnostics RelaxNgValidator::validate(xmlDoc *doc, const QString &schemaFile, bool *schemaOk)
{
    QMutexLocker locker(&lock());
    const Compiled &schema = compiled(schemaFile);
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
