#include "rngdocuments.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QUrl>

#include <libxml/parser.h>
#include <libxml/tree.h>

namespace vse {

namespace {
constexpr const char kRngNs[] = "http://relaxng.org/ns/structure/1.0";

QString rngText(const xmlChar *s)
{
    return s ? QString::fromUtf8(reinterpret_cast<const char *>(s)) : QString();
}
} // namespace

RngDocuments::~RngDocuments()
{
    for (xmlDoc *doc : std::as_const(m_docs))
        if (doc)
            xmlFreeDoc(doc);
}

xmlNode *RngDocuments::load(const QString &path, const QString &fromFile, int fromLine)
{
    if (m_inMemory) {
        const QString key = QDir::cleanPath(path);
        if (auto it = m_docs.constFind(key); it != m_docs.constEnd())
            return *it ? xmlDocGetRootElement(*it) : nullptr;
        const auto file = m_memory.constFind(key);
        if (file == m_memory.constEnd()) {
            m_diagnostics->append(Diagnostic::error(fromFile.isEmpty() ? key : fromFile, fromLine,
                                                    QStringLiteral("schema file not found: %1").arg(key)));
            m_docs.insert(key, nullptr);
            return nullptr;
        }
        return parse(key, *file);
    }
    // The cache key is the lexical absolute path: canonicalising it would
    // follow a symlink (and the message would name its target, not the
    // reference).
    const QString key = QDir::cleanPath(QFileInfo(path).absoluteFilePath());
    if (auto it = m_docs.constFind(key); it != m_docs.constEnd())
        return *it ? xmlDocGetRootElement(*it) : nullptr;

    auto fail = [&](const QString &file, int line, const QString &message) -> xmlNode * {
        m_diagnostics->append(Diagnostic::error(file, line, message));
        m_docs.insert(key, nullptr);
        return nullptr;
    };
    QByteArray data;
    QString why;
    if (!m_root.read(key, &data, &why))
        return fail(fromFile.isEmpty() ? key : fromFile, fromFile.isEmpty() ? 0 : fromLine,
                    fromFile.isEmpty() ? QStringLiteral("schema: %1").arg(why)
                                       : QStringLiteral("schema reference (include or externalRef) to %1").arg(why));
    return parse(key, data);
}

xmlNode *RngDocuments::parse(const QString &key, const QByteArray &data)
{
    auto fail = [&](const QString &file, int line, const QString &message) -> xmlNode * {
        m_diagnostics->append(Diagnostic::error(file, line, message));
        m_docs.insert(key, nullptr);
        return nullptr;
    };
    if (data.size() > kMaxFileSize)
        return fail(key, 0, QStringLiteral("schema file too large (%1 bytes)").arg(data.size()));
    // Schemas are trusted more than user XML, but still: no network, no
    // entity substitution, no DTD loading; errors come back as values.
    xmlParserCtxtPtr ctxt = xmlNewParserCtxt();
    if (!ctxt)
        return fail(key, 0, QStringLiteral("out of memory"));
    const QByteArray url = QFile::encodeName(key);
    xmlDoc *doc = xmlCtxtReadMemory(ctxt, data.constData(), int(data.size()), url.constData(), nullptr,
                                    XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING |
                                        XML_PARSE_BIG_LINES | XML_PARSE_NOCDATA);
    if (!doc || !xmlDocGetRootElement(doc)) {
        const xmlError *err = xmlCtxtGetLastError(ctxt);
        const int line = err ? err->line : 0;
        const QString msg = err && err->message ? rngText(reinterpret_cast<const xmlChar *>(err->message)).trimmed()
                                                : QStringLiteral("not well-formed XML");
        if (doc)
            xmlFreeDoc(doc);
        doc = nullptr;
        if (m_recover)
            doc = xmlCtxtReadMemory(ctxt, data.constData(), int(data.size()), url.constData(), nullptr,
                                    XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING |
                                        XML_PARSE_BIG_LINES | XML_PARSE_NOCDATA | XML_PARSE_RECOVER);
        xmlFreeParserCtxt(ctxt);
        if (doc && xmlDocGetRootElement(doc)) {
            m_diagnostics->append(Diagnostic::error(
                key, line,
                QStringLiteral("malformed schema: %1; read as libxml2 recovers it").arg(msg)));
            m_docs.insert(key, doc);
            return xmlDocGetRootElement(doc);
        }
        if (doc)
            xmlFreeDoc(doc);
        return fail(key, line, QStringLiteral("malformed schema: %1").arg(msg));
    }
    xmlFreeParserCtxt(ctxt);
    m_docs.insert(key, doc);
    return xmlDocGetRootElement(doc);
}

namespace rng {

bool isRng(const xmlNode *node)
{
    return node && node->type == XML_ELEMENT_NODE && node->ns && node->ns->href &&
           xmlStrEqual(node->ns->href, reinterpret_cast<const xmlChar *>(kRngNs));
}

bool isRng(const xmlNode *node, const char *name)
{
    return isRng(node) && xmlStrEqual(node->name, reinterpret_cast<const xmlChar *>(name));
}

QString localName(const xmlNode *node)
{
    return rngText(node->name);
}

QString attr(const xmlNode *node, const char *name)
{
    xmlChar *v = xmlGetNoNsProp(node, reinterpret_cast<const xmlChar *>(name));
    QString s = rngText(v).trimmed();
    xmlFree(v);
    return s;
}

bool hasAttr(const xmlNode *node, const char *name)
{
    return xmlHasNsProp(node, reinterpret_cast<const xmlChar *>(name), nullptr) != nullptr;
}

QString text(const xmlNode *node)
{
    xmlChar *v = xmlNodeGetContent(node);
    QString s = rngText(v);
    xmlFree(v);
    return s;
}

int line(const xmlNode *node)
{
    return int(xmlGetLineNo(node));
}

QString file(const xmlNode *node)
{
    // libxml2 stores the document's path as a URI ("sch%20dir" for a space).
    const QString url = node && node->doc ? rngText(node->doc->URL) : QString();
    return url.contains(QLatin1Char('%')) ? QUrl::fromPercentEncoding(url.toUtf8()) : url;
}

QString inherited(const xmlNode *node, const char *name)
{
    for (const xmlNode *n = node; n && n->type == XML_ELEMENT_NODE; n = n->parent)
        if (hasAttr(n, name))
            return attr(n, name);
    return {};
}

QString enclosingDefine(const xmlNode *node)
{
    for (const xmlNode *n = node; n && n->type == XML_ELEMENT_NODE; n = n->parent)
        if (isRng(n, "define"))
            return attr(n, "name");
    return {};
}

} // namespace rng
} // namespace vse
