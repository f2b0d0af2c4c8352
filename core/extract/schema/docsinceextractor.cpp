#include "docsinceextractor.h"

#include <QDir>
#include <QFile>
#include <QHash>
#include <QRegularExpression>
#include <QSet>

#include <libxml/HTMLparser.h>
#include <libxml/tree.h>

namespace vse {

namespace {

constexpr qint64 kMaxPageSize = 32 * 1024 * 1024;

QString fromXml(const xmlChar *s)
{
    return s ? QString::fromUtf8(reinterpret_cast<const char *>(s)) : QString();
}

bool is(const xmlNode *n, const char *name)
{
    return n && n->type == XML_ELEMENT_NODE && xmlStrcasecmp(n->name, reinterpret_cast<const xmlChar *>(name)) == 0;
}

QString classOf(const xmlNode *n)
{
    xmlChar *c = xmlGetProp(n, reinterpret_cast<const xmlChar *>("class"));
    QString s = fromXml(c);
    xmlFree(c);
    return s;
}

QString textOf(const xmlNode *n)
{
    xmlChar *c = xmlNodeGetContent(n);
    QString s = fromXml(c);
    xmlFree(c);
    return s;
}

void sinceSpans(const xmlNode *n, QList<const xmlNode *> &out)
{
    for (const xmlNode *c = n->children; c; c = c->next) {
        if (c->type != XML_ELEMENT_NODE)
            continue;
        if (is(c, "span") && classOf(c).split(QLatin1Char(' ')).contains(QLatin1String("since")))
            out.append(c);
        else
            sinceSpans(c, out);
    }
}

struct Page
{
    QString file;
    QSet<QString> roots;
    QSet<QString> example; // element names in the last example block
    // last segment -> indexes of candidate items
    const QHash<QString, QList<qsizetype>> *byName;
    ItemList *items;
    QHash<qsizetype, Version> found;
    QSet<qsizetype> ambiguous;
};

// The element an item sits in: for an attribute its element, for an
// element its parent.
QString ownerSegment(const Item &item)
{
    return item.parent.section(QLatin1Char('/'), -1);
}

void entry(Page &page, const xmlNode *dt, const xmlNode *dd)
{
    static const QRegularExpression identifier(QStringLiteral("^[A-Za-z_][A-Za-z0-9_:.-]*$"));
    static const QRegularExpression since(QStringLiteral("^\\s*since\\s+(\\d+\\.\\d+\\.\\d+)"),
                                          QRegularExpression::CaseInsensitiveOption);
    const QString name = textOf(dt).trimmed();
    if (!identifier.match(name).hasMatch())
        return;
    // The note must be the only one of the entry and sit in its first
    // paragraph: later paragraphs and nested lists date other things ("Since
    // 0.8.5 the policy attribute can be omitted" under <feature>).
    QList<const xmlNode *> spans;
    sinceSpans(dd, spans);
    if (spans.size() != 1)
        return;
    const xmlNode *first = dd->children;
    while (first && first->type != XML_ELEMENT_NODE)
        first = first->next;
    if (!is(first, "p"))
        return;
    QList<const xmlNode *> inFirst;
    sinceSpans(first, inFirst);
    if (inFirst.size() != 1)
        return;
    const auto m = since.match(textOf(spans.constFirst()));
    if (!m.hasMatch())
        return;
    const Version version = Version::parse(m.captured(1));
    QList<qsizetype> matches;
    for (qsizetype i : page.byName->value(name)) {
        const Item &item = page.items->at(i);
        if (!page.roots.contains(item.name.section(QLatin1Char('/'), 0, 0).section(QLatin1Char('@'), 0, 0)))
            continue;
        const QString owner = ownerSegment(item);
        if (page.example.contains(owner) || (item.kind == ItemKind::XmlElement && page.example.contains(name)))
            matches.append(i);
    }
    if (matches.size() != 1)
        return;
    const qsizetype hit = matches.constFirst();
    // The same item described twice with different versions: not confident.
    if (page.found.contains(hit) && page.found.value(hit) != version)
        page.ambiguous.insert(hit);
    page.found.insert(hit, version);
}

void walk(Page &page, const xmlNode *n)
{
    static const QRegularExpression tag(QStringLiteral("<([A-Za-z_][A-Za-z0-9_:.-]*)"));
    for (const xmlNode *c = n->children; c; c = c->next) {
        if (c->type != XML_ELEMENT_NODE)
            continue;
        if (is(c, "pre")) {
            page.example.clear();
            for (auto it = tag.globalMatch(textOf(c)); it.hasNext();)
                page.example.insert(it.next().captured(1));
        } else if (is(c, "dt")) {
            const xmlNode *dd = c->next;
            while (dd && dd->type != XML_ELEMENT_NODE)
                dd = dd->next;
            if (is(dd, "dd"))
                entry(page, c, dd);
        } else {
            walk(page, c);
        }
    }
}

} // namespace

QStringList DocSinceExtractor::rootsForPage(const QString &page)
{
    static const QHash<QString, QStringList> roots{
        {QStringLiteral("formatdomain.html"), {QStringLiteral("domain")}},
        {QStringLiteral("formatnetwork.html"), {QStringLiteral("network")}},
        {QStringLiteral("formatnetworkport.html"), {QStringLiteral("networkport")}},
        {QStringLiteral("formatstorage.html"), {QStringLiteral("pool"), QStringLiteral("volume")}},
        {QStringLiteral("formatstorageencryption.html"), {QStringLiteral("volume")}},
        {QStringLiteral("formatstoragecaps.html"), {QStringLiteral("storagepoolCapabilities")}},
        {QStringLiteral("formatnode.html"), {QStringLiteral("device")}},
        {QStringLiteral("formatsecret.html"), {QStringLiteral("secret")}},
        {QStringLiteral("formatnwfilter.html"), {QStringLiteral("filter")}},
        {QStringLiteral("formatcaps.html"), {QStringLiteral("capabilities")}},
        {QStringLiteral("formatdomaincaps.html"), {QStringLiteral("domainCapabilities")}},
        {QStringLiteral("formatsnapshot.html"), {QStringLiteral("domainsnapshot")}},
        {QStringLiteral("formatcheckpoint.html"), {QStringLiteral("domaincheckpoint")}},
        {QStringLiteral("formatbackup.html"), {QStringLiteral("domainbackup")}},
    };
    return roots.value(page);
}

int DocSinceExtractor::apply(ItemList &items, const QString &htmlDir, Diagnostics *diagnostics)
{
    QHash<QString, QList<qsizetype>> byName;
    for (qsizetype i = 0; i < items.size(); ++i) {
        const Item &item = items.at(i);
        if (item.kind == ItemKind::XmlElement)
            byName[item.name.section(QLatin1Char('/'), -1)].append(i);
        else if (item.kind == ItemKind::XmlAttribute)
            byName[item.name.section(QLatin1Char('@'), -1)].append(i);
    }
    const QDir dir(htmlDir);
    if (!dir.exists()) {
        diagnostics->append(Diagnostic::warning(htmlDir, 0, QStringLiteral("libvirt documentation not found")));
        return 0;
    }
    int count = 0;
    for (const QString &file : dir.entryList({QStringLiteral("format*.html")}, QDir::Files, QDir::Name)) {
        const QStringList roots = rootsForPage(file);
        if (roots.isEmpty())
            continue;
        QFile f(dir.filePath(file));
        if (f.size() > kMaxPageSize || !f.open(QIODevice::ReadOnly)) {
            diagnostics->append(Diagnostic::warning(f.fileName(), 0, QStringLiteral("cannot read page")));
            continue;
        }
        const QByteArray data = f.readAll();
        htmlParserCtxtPtr ctxt = htmlNewParserCtxt();
        const QByteArray url = QFile::encodeName(f.fileName());
        htmlDocPtr doc = ctxt ? htmlCtxtReadMemory(ctxt, data.constData(), int(data.size()), url.constData(), "UTF-8",
                                                   HTML_PARSE_NONET | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING)
                              : nullptr;
        if (ctxt)
            htmlFreeParserCtxt(ctxt);
        if (!doc || !xmlDocGetRootElement(doc)) {
            diagnostics->append(Diagnostic::warning(f.fileName(), 0, QStringLiteral("cannot parse page")));
            if (doc)
                xmlFreeDoc(doc);
            continue;
        }
        Page page{file, QSet<QString>(roots.cbegin(), roots.cend()), {}, &byName, &items, {}, {}};
        walk(page, xmlDocGetRootElement(doc));
        xmlFreeDoc(doc);
        for (auto it = page.found.cbegin(); it != page.found.cend(); ++it) {
            if (page.ambiguous.contains(it.key()))
                continue;
            Item &item = items[it.key()];
            item.evidence.append({Evidence::Kind::Documentation, it.value(), file, false});
            ++count;
        }
    }
    return count;
}

} // namespace vse
