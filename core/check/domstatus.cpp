#include "domstatus.h"

#include "check/untrustedxml.h"

#include <QFile>
#include <algorithm>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMap>

#include <libxml/tree.h>

namespace vse {

namespace {

bool named(const xmlNode *n, const char *name)
{
    return n && n->type == XML_ELEMENT_NODE &&
           xmlStrcmp(n->name, reinterpret_cast<const xmlChar *>(name)) == 0;
}

QString attribute(xmlNode *n, const char *name)
{
    xmlChar *v = xmlGetProp(n, reinterpret_cast<const xmlChar *>(name));
    const QString out = v ? QString::fromUtf8(reinterpret_cast<const char *>(v)) : QString();
    xmlFree(v);
    return out;
}

QString textOf(xmlNode *n)
{
    xmlChar *v = xmlNodeGetContent(n);
    const QString out = v ? QString::fromUtf8(reinterpret_cast<const char *>(v)) : QString();
    xmlFree(v);
    return out.simplified();
}

// name -> parent (elements) or element (attributes); "*" for any.
struct StatusOnly
{
    QList<QPair<QString, QString>> elements, attributes;
};

const StatusOnly &statusOnly()
{
    static const StatusOnly rules = [] {
        StatusOnly r;
        QFile f(QStringLiteral(":/vse/policy/status-only.json"));
        if (!f.open(QIODevice::ReadOnly))
            qFatal("virt-support: the built-in status-only.json is missing");
        const QJsonObject root = QJsonDocument::fromJson(f.readAll()).object();
        for (const QJsonValue &v : root.value(QLatin1String("elements")).toArray())
            r.elements.append({v[QLatin1String("name")].toString(), v[QLatin1String("parent")].toString()});
        for (const QJsonValue &v : root.value(QLatin1String("attributes")).toArray())
            r.attributes.append({v[QLatin1String("name")].toString(), v[QLatin1String("element")].toString()});
        return r;
    }();
    return rules;
}

QString nameOf(const xmlNode *n)
{
    return n && n->name ? QString::fromUtf8(reinterpret_cast<const char *>(n->name)) : QString();
}

bool matches(const QList<QPair<QString, QString>> &rules, const QString &name, const QString &owner)
{
    for (const auto &[n, o] : rules)
        if (n == name && (o == QLatin1String("*") || o == owner))
            return true;
    return false;
}

// Sets status-only parts aside in the subtree of `n`, counting them by kind.
void setAside(xmlDoc *doc, xmlNode *n, QMap<QString, int> &count)
{
    const StatusOnly &rules = statusOnly();
    for (xmlAttr *a = n->properties; a;) {
        xmlAttr *next = a->next;
        const QString name = QString::fromUtf8(reinterpret_cast<const char *>(a->name));
        if (!a->ns && matches(rules.attributes, name, nameOf(n))) {
            ++count[nameOf(n) + QLatin1Char('@') + name];
            xmlRemoveProp(a);
        }
        a = next;
    }
    for (xmlNode *c = n->children; c;) {
        xmlNode *next = c->next;
        if (c->type == XML_ELEMENT_NODE && !c->ns &&
            matches(rules.elements, nameOf(c), nameOf(n))) {
            ++count[nameOf(n) + QLatin1Char('/') + nameOf(c)];
            // As many newlines as it spanned: later lines keep their numbers.
            xmlBufferPtr buf = xmlBufferCreate();
            xmlNodeDump(buf, doc, c, 0, 0);
            const QByteArray lines(int(QByteArray(reinterpret_cast<const char *>(xmlBufferContent(buf)),
                                                   xmlBufferLength(buf))
                                            .count('\n')),
                                   '\n');
            xmlBufferFree(buf);
            xmlNode *blank = xmlNewDocTextLen(doc, reinterpret_cast<const xmlChar *>(lines.constData()),
                                              int(lines.size()));
            xmlReplaceNode(c, blank);
            xmlFreeNode(c);
        } else if (c->type == XML_ELEMENT_NODE) {
            setAside(doc, c, count);
        }
        c = next;
    }
}

} // namespace

bool readDomainStatus(const QByteArray &status, const QString &shown, DomainStatus *out,
                      QString *why)
{
    UntrustedXml xml;
    Diagnostics d;
    if (!xml.loadData(status, shown, &d)) {
        *why = d.isEmpty() ? QStringLiteral("%1: not XML").arg(shown) : d.constFirst().toString();
        return false;
    }
    return domainStatusOf(xml.document(), shown, out, why);
}

bool domainStatusOf(xmlDoc *document, const QString &shown, DomainStatus *out, QString *why)
{
    xmlNode *root = xmlDocGetRootElement(document);
    xmlNode *dom = nullptr;
    if (named(root, "domain")) {
        dom = root;
    } else if (named(root, "domstatus")) {
        out->state = attribute(root, "state");
        for (xmlNode *c = root->children; c; c = c->next) {
            if (named(c, "domain") && !dom)
                dom = c;
            else if (named(c, "taint") && !attribute(c, "flag").isEmpty())
                out->taints.append({attribute(c, "flag"), int(xmlGetLineNo(c))});
            else if (named(c, "deprecation") && !textOf(c).isEmpty())
                out->deprecations.append({textOf(c), int(xmlGetLineNo(c))});
        }
    }
    if (!dom) {
        *why = QStringLiteral("%1: no <domain> in this status file").arg(shown);
        return false;
    }
    // Only a status file's <domain> has them; a bare definition is left as is.
    if (dom != root) {
        QMap<QString, int> count;
        setAside(document, dom, count);
        for (auto it = count.cbegin(); it != count.cend(); ++it)
            out->setAside << QStringLiteral("%1 (%2)").arg(it.key()).arg(it.value());
    }
    xmlBufferPtr buf = xmlBufferCreate();
    xmlNodeDump(buf, document, dom, 0, 0);
    out->firstLine = int(xmlGetLineNo(dom));
    // Blank lines before it (whitespace may precede the root element) keep
    // the lines the check reports those of the status file itself.
    out->domain = QByteArray(std::max(0, out->firstLine - 1), '\n') +
                  QByteArray(reinterpret_cast<const char *>(xmlBufferContent(buf)), xmlBufferLength(buf));
    xmlBufferFree(buf);
    return true;
}

} // namespace vse
