#include "docsinceextractor.h"

#include "docpages.h"

#include "io/confinedfile.h"

#include <QDir>
#include <QFile>
#include <QHash>
#include <QRegularExpression>
#include <QSet>

#include <algorithm>

#include <libxml/HTMLparser.h>
#include <libxml/tree.h>

namespace vse {

namespace {


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
    const ItemList *items;
    QHash<qsizetype, Version> found;
    QHash<qsizetype, int> lines; // of the first note found for an item
    QSet<qsizetype> ambiguous;
};

void record(Page &page, qsizetype hit, const Version &version, int line)
{
    // The same item described twice with different versions: not confident.
    if (page.found.contains(hit) && page.found.value(hit) != version)
        page.ambiguous.insert(hit);
    if (!page.found.contains(hit))
        page.lines.insert(hit, line);
    page.found.insert(hit, version);
}

// The element an item sits in: for an attribute its element, for an
// element its parent.
QString ownerSegment(const Item &item)
{
    return item.parent.section(QLatin1Char('/'), -1);
}

bool inRoots(const Page &page, const Item &item)
{
    return page.roots.contains(
        item.name.section(QLatin1Char('/'), 0, 0).section(QLatin1Char('@'), 0, 0));
}

// The items an element or attribute name may mean: within the page's roots,
// in (or, for an element, being) an element of the example just above.
QList<qsizetype> candidates(const Page &page, const QString &name)
{
    QList<qsizetype> matches;
    for (qsizetype i : page.byName->value(name)) {
        const Item &item = page.items->at(i);
        if (!inRoots(page, item))
            continue;
        const QString owner = ownerSegment(item);
        if (page.example.contains(owner) ||
            (item.kind == ItemKind::XmlElement && page.example.contains(name)))
            matches.append(i);
    }
    return matches;
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
    const QList<qsizetype> matches = candidates(page, name);
    if (matches.size() != 1)
        return;
    record(page, matches.constFirst(), version, int(xmlGetLineNo(spans.constFirst())));
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

// --- reStructuredText (docs/*.rst of new source trees) ---

int indentOf(const QString &line)
{
    int n = 0;
    while (n < line.size() && line.at(n) == QLatin1Char(' '))
        ++n;
    return n;
}

bool blank(const QString &line)
{
    return line.trimmed().isEmpty();
}

struct RstBlock
{
    int first = 0, last = 0; // line indexes, inclusive
    QSet<QString> tags;
};

// The element an XML value belongs to ("domain/devices/tpm/backend@type" ->
// "backend", "domain/os/type" -> "type").
QString valueElement(const Item &item)
{
    return item.parent.section(QLatin1Char('@'), 0, 0).section(QLatin1Char('/'), -1);
}

void readRst(Page &page, const QString &text, const QHash<QString, QList<qsizetype>> &byValue)
{
    static const QRegularExpression tag(QStringLiteral("<([A-Za-z_][A-Za-z0-9_:.-]*)"));
    static const QRegularExpression term(QStringLiteral("^``([A-Za-z_][A-Za-z0-9_:.-]*)``$"));
    static const QRegularExpression role(QStringLiteral(":since:`([^`]*)`"));
    static const QRegularExpression since(QStringLiteral("^\\s*since\\s+(\\d+\\.\\d+\\.\\d+)"),
                                          QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression valueSince(
        QStringLiteral("^\\s*'([A-Za-z0-9_.+-]+)'\\s+since\\s+(\\d+\\.\\d+\\.\\d+)\\s*$"),
        QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression underline(QStringLiteral("^([=\\-~^\"'*+#])\\1{2,}\\s*$"));
    const QStringList lines = text.split(QLatin1Char('\n'));
    const int n = int(lines.size());
    // Literal blocks: after a line ending in "::" or a code-block directive,
    // the lines indented deeper.
    QList<RstBlock> blocks;
    QList<bool> literal(n, false);
    QList<bool> heading(n, false);
    for (int i = 0; i < n; ++i) {
        if (i + 1 < n && !blank(lines.at(i)) && underline.match(lines.at(i + 1)).hasMatch() &&
            lines.at(i + 1).trimmed().size() >= lines.at(i).trimmed().size())
            heading[i] = true;
        const QString t = lines.at(i).trimmed();
        if (literal.at(i) ||
            !(t.endsWith(QLatin1String("::")) || t.startsWith(QLatin1String(".. code-block::"))))
            continue;
        const int base = indentOf(lines.at(i));
        RstBlock b;
        b.first = i + 1;
        int j = i + 1;
        int lastText = i;
        for (; j < n; ++j) {
            if (blank(lines.at(j)))
                continue;
            if (indentOf(lines.at(j)) <= base)
                break;
            literal[j] = true;
            lastText = j;
            for (auto it = tag.globalMatch(lines.at(j)); it.hasNext();)
                b.tags.insert(it.next().captured(1));
        }
        b.last = lastText;
        if (lastText > i)
            blocks.append(b);
    }
    // The literal block just above line i, and the next one before a heading.
    auto above = [&](int i) {
        const RstBlock *best = nullptr;
        for (const RstBlock &b : blocks)
            if (b.last < i)
                best = &b;
        return best ? best->tags : QSet<QString>();
    };
    auto below = [&](int i) {
        for (const RstBlock &b : blocks) {
            if (b.first <= i)
                continue;
            for (int k = i; k < b.first; ++k)
                if (heading.at(k))
                    return QSet<QString>();
            return b.tags;
        }
        return QSet<QString>();
    };
    // Offsets of line starts, to name the line of a role.
    QList<qsizetype> starts;
    starts.reserve(n);
    qsizetype off = 0;
    for (const QString &l : lines) {
        starts.append(off);
        off += l.size() + 1;
    }
    auto lineAt = [&](qsizetype pos) {
        return int(std::upper_bound(starts.cbegin(), starts.cend(), pos) -
                   starts.cbegin()); // 1-based
    };

    // Definition-list entries.
    for (int i = 0; i + 1 < n; ++i) {
        if (literal.at(i) || blank(lines.at(i)))
            continue;
        const auto m = term.match(lines.at(i).trimmed());
        if (!m.hasMatch())
            continue;
        const int base = indentOf(lines.at(i));
        if (blank(lines.at(i + 1)) || indentOf(lines.at(i + 1)) <= base)
            continue;
        int end = i + 1; // exclusive
        while (end < n && (blank(lines.at(end)) || indentOf(lines.at(end)) > base))
            ++end;
        int para = i + 1;
        while (para < end && !blank(lines.at(para)))
            ++para;
        const qsizetype from = starts.at(i + 1);
        const qsizetype to = end < n ? starts.at(end) : text.size();
        const qsizetype paraEnd = para < n ? starts.at(para) : text.size();
        const QString desc = text.mid(from, to - from);
        QList<QRegularExpressionMatch> roles;
        for (auto it = role.globalMatch(desc); it.hasNext();)
            roles.append(it.next());
        if (roles.size() != 1 || from + roles.constFirst().capturedEnd(0) > paraEnd)
            continue;
        const auto sm = since.match(roles.constFirst().captured(1));
        if (!sm.hasMatch())
            continue;
        // A note right after another inline literal ("``unit`` :since:`since
        // 0.9.11`") dates that, not the entry.
        static const QRegularExpression literalBefore(QStringLiteral("``[\\s(]*$"));
        if (literalBefore.match(desc.left(roles.constFirst().capturedStart(0))).hasMatch())
            continue;
        page.example = above(i);
        const QList<qsizetype> matches = candidates(page, m.captured(1));
        if (matches.size() == 1)
            record(page, matches.constFirst(), Version::parse(sm.captured(1)),
                   lineAt(from + roles.constFirst().capturedStart(0)));
    }
    // "'VALUE' since X.Y.Z" notes.
    for (auto it = role.globalMatch(text); it.hasNext();) {
        const auto r = it.next();
        const auto vm = valueSince.match(r.captured(1));
        if (!vm.hasMatch())
            continue;
        const int line = lineAt(r.capturedStart(0));
        if (literal.at(line - 1))
            continue;
        const QSet<QString> near = above(line - 1) + below(line - 1);
        QList<qsizetype> matches;
        for (qsizetype i : byValue.value(vm.captured(1))) {
            const Item &item = page.items->at(i);
            if (inRoots(page, item) && near.contains(valueElement(item)))
                matches.append(i);
        }
        if (matches.size() == 1)
            record(page, matches.constFirst(), Version::parse(vm.captured(2)), line);
    }
}

QHash<QString, QList<qsizetype>> nameIndex(const ItemList &items)
{
    QHash<QString, QList<qsizetype>> byName;
    for (qsizetype i = 0; i < items.size(); ++i) {
        const Item &item = items.at(i);
        if (item.kind == ItemKind::XmlElement)
            byName[item.name.section(QLatin1Char('/'), -1)].append(i);
        else if (item.kind == ItemKind::XmlAttribute)
            byName[item.name.section(QLatin1Char('@'), -1)].append(i);
    }
    return byName;
}

htmlDocPtr parseHtml(const QByteArray &data, const QString &fileName)
{
    htmlParserCtxtPtr ctxt = htmlNewParserCtxt();
    const QByteArray url = QFile::encodeName(fileName);
    htmlDocPtr doc =
        ctxt
            ? htmlCtxtReadMemory(ctxt, data.constData(), int(data.size()), url.constData(), "UTF-8",
                                 HTML_PARSE_NONET | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING)
            : nullptr;
    if (ctxt)
        htmlFreeParserCtxt(ctxt);
    if (doc && !xmlDocGetRootElement(doc)) {
        xmlFreeDoc(doc);
        doc = nullptr;
    }
    return doc;
}

// The value items by their value, for readRst.
QHash<QString, QList<qsizetype>> valueIndex(const ItemList &items)
{
    QHash<QString, QList<qsizetype>> byValue;
    for (qsizetype i = 0; i < items.size(); ++i)
        if (items.at(i).kind == ItemKind::XmlValue)
            byValue[items.at(i).signature].append(i);
    return byValue;
}

// One page's confident notes, sorted by line. `page` is the file name
// without its folder; `label` is what the notes and diagnostics name.
QList<DocSinceExtractor::SourceNote> pageNotes(const ItemList &items,
                                               const QHash<QString, QList<qsizetype>> &byName,
                                               const QHash<QString, QList<qsizetype>> &byValue,
                                               const QByteArray &data, const QString &page,
                                               const QString &label, Diagnostics *diagnostics)
{
    QList<DocSinceExtractor::SourceNote> notes;
    const bool rst = page.endsWith(QLatin1String(".rst"));
    const bool htmlIn = page.endsWith(QLatin1String(".html.in"));
    const QString html = rst ? page.chopped(4) + QStringLiteral(".html") : htmlIn ? page.chopped(3) : page;
    const QStringList roots = DocSinceExtractor::rootsForPage(html);
    if (roots.isEmpty() || data.size() > SourceRoot::kMaxFileSize)
        return notes;
    Page p{page, QSet<QString>(roots.cbegin(), roots.cend()), {}, &byName, &items, {}, {}, {}};
    if (rst) {
        readRst(p, QString::fromUtf8(data), byValue);
    } else {
        htmlDocPtr doc = parseHtml(data, label);
        if (!doc) {
            if (diagnostics)
                diagnostics->append(Diagnostic::warning(label, 0, QStringLiteral("cannot parse page")));
            return notes;
        }
        walk(p, xmlDocGetRootElement(doc));
        xmlFreeDoc(doc);
    }
    QList<qsizetype> hits = p.found.keys();
    std::sort(hits.begin(), hits.end(), [&](qsizetype a, qsizetype b) {
        return p.lines.value(a) < p.lines.value(b) || (p.lines.value(a) == p.lines.value(b) && a < b);
    });
    const QString source = rst ? QStringLiteral("rst") : htmlIn ? QStringLiteral("html.in") : QStringLiteral("html");
    for (qsizetype hit : std::as_const(hits))
        if (!p.ambiguous.contains(hit))
            notes.append({hit, p.found.value(hit), label, p.lines.value(hit), source});
    return notes;
}

} // namespace

QList<DocSinceExtractor::SourceNote> DocSinceExtractor::readPage(const ItemList &items,
                                                                 const QByteArray &data,
                                                                 const QString &file,
                                                                 Diagnostics *diagnostics)
{
    return PageReader(items).read(data, file, diagnostics);
}

DocSinceExtractor::PageReader::PageReader(const ItemList &items)
    : m_items(items), m_byName(nameIndex(items)), m_byValue(valueIndex(items))
{
}

QList<DocSinceExtractor::SourceNote>
DocSinceExtractor::PageReader::read(const QByteArray &data, const QString &file,
                                    Diagnostics *diagnostics) const
{
    return pageNotes(m_items, m_byName, m_byValue, data, file.section(QLatin1Char('/'), -1), file,
                     diagnostics);
}

QList<DocSinceExtractor::SourceNote> DocSinceExtractor::readSourceTree(const ItemList &items,
                                                                       const QString &root)
{
    QList<SourceNote> notes;
    const QDir dir(root + QStringLiteral("/docs"));
    if (!dir.exists())
        return notes;
    const QHash<QString, QList<qsizetype>> byName = nameIndex(items);
    const QHash<QString, QList<qsizetype>> byValue = valueIndex(items);
    const SourceRoot confined(root);
    QStringList files = dir.entryList({QStringLiteral("format*.rst")}, QDir::Files, QDir::Name);
    if (files.isEmpty())
        files = dir.entryList({QStringLiteral("format*.html.in")}, QDir::Files, QDir::Name);
    for (const QString &file : std::as_const(files)) {
        QByteArray data;
        QString why;
        if (!confined.read(dir.filePath(file), &data, &why))
            continue;
        notes.append(pageNotes(items, byName, byValue, data, file, QStringLiteral("docs/") + file, nullptr));
    }
    return notes;
}

QStringList DocSinceExtractor::rootsForPage(const QString &page)
{
    return DocPages::rootsFor(page);
}

int DocSinceExtractor::apply(ItemList &items, const QString &htmlDir, Diagnostics *diagnostics,
                             const QString &sourceRoot)
{
    const SourceRoot confined(sourceRoot.isEmpty() ? htmlDir : sourceRoot);
    const QHash<QString, QList<qsizetype>> byName = nameIndex(items);
    const QDir dir(htmlDir);
    if (!dir.exists()) {
        diagnostics->append(Diagnostic::warning(htmlDir, 0, QStringLiteral("libvirt documentation not found")));
        return 0;
    }
    int count = 0;
    for (const QString &file : dir.entryList({QStringLiteral("format*.html")}, QDir::Files, QDir::Name)) {
        if (rootsForPage(file).isEmpty())
            continue;
        // A page outside the root, a FIFO or an oversized file is an error
        // (a hostile tree), not a page to skip quietly.
        QByteArray data;
        const QString path = dir.filePath(file);
        if (!confined.read(path, &data, diagnostics))
            continue;
        const QList<SourceNote> notes = pageNotes(items, byName, {}, data, file, path, diagnostics);
        for (const SourceNote &note : notes) {
            items[note.item].evidence.append({Evidence::Kind::Documentation, note.version, file, false});
            ++count;
        }
    }
    return count;
}

} // namespace vse
