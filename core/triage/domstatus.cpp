#include "domstatus.h"

#include "check/untrustedxml.h"

#include <libxml/tree.h>

namespace vse {

bool domainOfStatus(const QByteArray &status, const QString &shown, QByteArray *domain,
                    int *firstLine, QString *why)
{
    UntrustedXml xml;
    Diagnostics d;
    if (!xml.loadData(status, shown, &d)) {
        *why = d.isEmpty() ? QStringLiteral("%1: not XML").arg(shown) : d.constFirst().toString();
        return false;
    }
    xmlNode *root = xmlDocGetRootElement(xml.document());
    const auto named = [](xmlNode *n, const char *name) {
        return n && n->type == XML_ELEMENT_NODE &&
               xmlStrcmp(n->name, reinterpret_cast<const xmlChar *>(name)) == 0;
    };
    xmlNode *dom = nullptr;
    if (named(root, "domain")) {
        dom = root;
    } else if (named(root, "domstatus")) {
        for (xmlNode *c = root->children; c && !dom; c = c->next)
            if (named(c, "domain"))
                dom = c;
    }
    if (!dom) {
        *why = QStringLiteral("%1: no <domain> in this status file").arg(shown);
        return false;
    }
    xmlBufferPtr buf = xmlBufferCreate();
    xmlNodeDump(buf, xml.document(), dom, 0, 0);
    *domain =
        QByteArray(reinterpret_cast<const char *>(xmlBufferContent(buf)), xmlBufferLength(buf));
    xmlBufferFree(buf);
    *firstLine = int(xmlGetLineNo(dom));
    return true;
}

} // namespace vse
