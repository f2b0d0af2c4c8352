#include "domstatus.h"

#include "check/untrustedxml.h"

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
    xmlNode *root = xmlDocGetRootElement(xml.document());
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
    xmlBufferPtr buf = xmlBufferCreate();
    xmlNodeDump(buf, xml.document(), dom, 0, 0);
    out->domain =
        QByteArray(reinterpret_cast<const char *>(xmlBufferContent(buf)), xmlBufferLength(buf));
    xmlBufferFree(buf);
    out->firstLine = int(xmlGetLineNo(dom));
    return true;
}

} // namespace vse
