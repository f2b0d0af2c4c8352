#include "apixmlextractor.h"

#include <libxml/parser.h>
#include <libxml/tree.h>

#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <memory>

namespace vse {

namespace {

struct DocFree
{
    void operator()(xmlDoc *d) const { xmlFreeDoc(d); }
};
struct CtxtFree
{
    void operator()(xmlParserCtxt *c) const { xmlFreeParserCtxt(c); }
};

bool isElement(const xmlNode *n, const char *name)
{
    return n->type == XML_ELEMENT_NODE && xmlStrEqual(n->name, BAD_CAST name);
}

// Attribute values are read in place (one text child) rather than through
// xmlGetNoNsProp, which copies every value: this file has ~10 000 of them.
QString attr(const xmlNode *n, const char *name)
{
    for (const xmlAttr *a = n->properties; a; a = a->next) {
        if (!xmlStrEqual(a->name, BAD_CAST name))
            continue;
        const xmlNode *t = a->children;
        if (t && t->type == XML_TEXT_NODE && !t->next)
            return QString::fromUtf8(reinterpret_cast<const char *>(t->content));
        xmlChar *v = xmlNodeListGetString(n->doc, a->children, 1);
        QString s = v ? QString::fromUtf8(reinterpret_cast<const char *>(v)) : QString();
        xmlFree(v);
        return s;
    }
    return {};
}

const xmlNode *child(const xmlNode *n, const char *name)
{
    for (const xmlNode *c = n->children; c; c = c->next)
        if (isElement(c, name))
            return c;
    return nullptr;
}

// First paragraph of an <info> text, on one line. Only that paragraph is
// converted: function descriptions run to dozens of lines.
QString infoSummary(const xmlNode *info)
{
    QByteArray text;
    for (const xmlNode *c = info->children; c; c = c->next)
        if ((c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) && c->content)
            text += reinterpret_cast<const char *>(c->content);
    text = text.trimmed();
    const qsizetype end = text.indexOf("\n\n");
    if (end >= 0)
        text.truncate(end);
    return QString::fromUtf8(text).simplified();
}

// "1.2.3" without a regular expression; Version::parse for anything else.
Version parseVersion(const QString &text)
{
    int parts[3] = {0, 0, 0};
    int count = 0, digits = 0;
    for (const QChar c : text) {
        if (c.isDigit() && c.unicode() < 128) {
            parts[count] = parts[count] * 10 + (c.unicode() - '0');
            if (++digits > 6)
                return Version::parse(text);
        } else if (c == QLatin1Char('.') && digits > 0 && count < 2) {
            ++count;
            digits = 0;
        } else {
            return Version::parse(text);
        }
    }
    if (count < 1 || digits == 0)
        return Version::parse(text);
    return Version(parts[0], parts[1], parts[2]);
}

// "char *" + "name" without a space, "int" + " name" with one.
QString declare(const QString &type, const QString &name)
{
    if (type.endsWith(QLatin1Char('*')))
        return type + name;
    return type + QLatin1Char(' ') + name;
}

QString functionSignature(const xmlNode *fn, const QString &name)
{
    const xmlNode *ret = child(fn, "return");
    const QString type = ret ? attr(ret, "type") : QStringLiteral("void");
    QStringList args;
    for (const xmlNode *c = fn->children; c; c = c->next) {
        if (!isElement(c, "arg"))
            continue;
        args.append(declare(attr(c, "type"), attr(c, "name")));
    }
    return declare(type, name) + QLatin1Char('(') +
           (args.isEmpty() ? QStringLiteral("void") : args.join(QStringLiteral(", "))) +
           QLatin1Char(')');
}

} // namespace

QStringList ApiXmlExtractor::fileNames()
{
    return {QStringLiteral("libvirt-api.xml"), QStringLiteral("libvirt-qemu-api.xml"),
            QStringLiteral("libvirt-lxc-api.xml"), QStringLiteral("libvirt-admin-api.xml")};
}

QString ApiXmlExtractor::originForFile(const QString &fileName)
{
    if (fileName.startsWith(QLatin1String("libvirt-qemu")))
        return QStringLiteral("header:libvirt-qemu");
    if (fileName.startsWith(QLatin1String("libvirt-lxc")))
        return QStringLiteral("header:libvirt-lxc");
    if (fileName.startsWith(QLatin1String("libvirt-admin")))
        return QStringLiteral("header:libvirt-admin");
    return QStringLiteral("header:libvirt");
}

ExtractResult ApiXmlExtractor::extractDir(const QString &dir, const SourceRoot &root)
{
    ExtractResult result;
    const QFileInfo info(dir);
    if (dir.isEmpty() || !info.exists()) {
        result.diagnostics.append(
            Diagnostic::error(dir, 0, QStringLiteral("API XML directory does not exist")));
        return result;
    }
    if (!info.isDir() || !QDir(dir).isReadable()) {
        result.diagnostics.append(
            Diagnostic::error(dir, 0, QStringLiteral("not a readable directory")));
        return result;
    }
    for (const QString &name : fileNames()) {
        const QString path = QDir(dir).filePath(name);
        if (QFileInfo::exists(path))
            result.append(extractFile(path, root));
        else if (name == fileNames().constFirst())
            result.diagnostics.append(
                Diagnostic::error(path, 0, QStringLiteral("libvirt-api.xml is missing")));
    }
    return result;
}

ExtractResult ApiXmlExtractor::extractFile(const QString &path, const SourceRoot &root)
{
    ExtractResult result;
    QByteArray data;
    if (!root.read(path, &data, &result.diagnostics))
        return result;
    return extractData(data, QFileInfo(path).fileName());
}

ExtractResult ApiXmlExtractor::extractData(const QByteArray &data, const QString &fileName)
{
    ExtractResult result;
    if (data.size() > maxFileSize) {
        result.diagnostics.append(
            Diagnostic::error(fileName, 0, QStringLiteral("data too large: refused")));
        return result;
    }
    std::unique_ptr<xmlParserCtxt, CtxtFree> ctxt(xmlNewParserCtxt());
    if (!ctxt) {
        result.diagnostics.append(
            Diagnostic::error(fileName, 0, QStringLiteral("libxml2 could not start")));
        return result;
    }
    // No XML_PARSE_NOENT (no entity substitution), no DTD loading, no network.
    const int options = XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING;
    const QByteArray url = fileName.toUtf8();
    std::unique_ptr<xmlDoc, DocFree> doc(xmlCtxtReadMemory(
        ctxt.get(), data.constData(), int(data.size()), url.constData(), nullptr, options));
    if (!doc) {
        const xmlError *err = xmlCtxtGetLastError(ctxt.get());
        const QString message = err && err->message ? QString::fromUtf8(err->message).trimmed()
                                                    : QStringLiteral("not well-formed XML");
        result.diagnostics.append(
            Diagnostic::error(fileName, err ? err->line : 0, message, err ? err->int2 : 0));
        return result;
    }
    // The context holds a copy of the whole input; releasing it before the
    // tree's thousands of small nodes are freed spares glibc a full
    // consolidation of its free lists (measured: a third of the time).
    ctxt.reset();
    const xmlNode *root = xmlDocGetRootElement(doc.get());
    if (!root || !isElement(root, "api")) {
        result.diagnostics.append(
            Diagnostic::error(fileName, root ? int(xmlGetLineNo(root)) : 0,
                              QStringLiteral("not a libvirt API description (no <api> root)")));
        return result;
    }
    const xmlNode *symbols = child(root, "symbols");
    if (!symbols) {
        result.diagnostics.append(Diagnostic::error(fileName, int(xmlGetLineNo(root)),
                                                    QStringLiteral("no <symbols> element")));
        return result;
    }
    const QString origin = originForFile(fileName);
    for (const xmlNode *n = symbols->children; n; n = n->next) {
        if (n->type != XML_ELEMENT_NODE)
            continue;
        const QString tag = QString::fromUtf8(reinterpret_cast<const char *>(n->name));
        const int line = int(xmlGetLineNo(n));
        Item item;
        item.name = attr(n, "name");
        const QString type = attr(n, "type");
        if (tag == QLatin1String("function")) {
            item.kind = ItemKind::Function;
            item.signature = functionSignature(n, item.name);
        } else if (tag == QLatin1String("functype")) {
            item.kind = ItemKind::Callback;
        } else if (tag == QLatin1String("enum")) {
            item.kind = ItemKind::EnumValue;
            item.parent = type;
            bool ok = false;
            const qint64 value = attr(n, "value").toLongLong(&ok);
            if (ok)
                item.attrs.insert(QStringLiteral("value"), value);
            item.doc = attr(n, "info").simplified();
        } else if (tag == QLatin1String("macro")) {
            item.kind = ItemKind::Macro;
            const QString raw = attr(n, "raw");
            if (!raw.isEmpty())
                item.attrs.insert(QStringLiteral("value"), raw);
        } else if (tag == QLatin1String("typedef")) {
            // libvirt lists "typedef enum { ... } virFoo" as a typedef of type enum.
            item.kind = type == QLatin1String("enum") ? ItemKind::Enum : ItemKind::Typedef;
        } else if (tag == QLatin1String("struct")) {
            item.kind = ItemKind::Struct;
        } else if (tag == QLatin1String("variable")) {
            item.kind = ItemKind::Variable;
        } else {
            result.diagnostics.append(Diagnostic::warning(
                fileName, line, QStringLiteral("unknown symbol kind <%1> ignored").arg(tag)));
            continue;
        }
        if (item.name.isEmpty()) {
            result.diagnostics.append(Diagnostic::warning(
                fileName, line, QStringLiteral("<%1> without a name ignored").arg(tag)));
            continue;
        }
        item.origin = origin;
        if (item.kind == ItemKind::EnumValue && item.parent == QLatin1String("virErrorNumber"))
            item.origin = QStringLiteral("error-code");
        const QString header = attr(n, "file");
        if (!header.isEmpty())
            item.file = QStringLiteral("libvirt/") + header + QStringLiteral(".h");
        if (const xmlNode *info = child(n, "info"))
            item.doc = infoSummary(info);
        const QString version = attr(n, "version");
        const Version v = parseVersion(version);
        if (v.isValid())
            item.evidence.append({Evidence::Kind::ApiXml, v, fileName, false});
        else if (!version.isEmpty())
            result.diagnostics.append(
                Diagnostic::warning(fileName, line,
                                    QStringLiteral("%1: version '%2' is not a version number")
                                        .arg(item.name, version)));
        item.line = line;
        result.items.append(std::move(item));
    }
    return result;
}

} // namespace vse
