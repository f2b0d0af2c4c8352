#include "rngwalker.h"

#include <QDir>
#include <QFileInfo>

#include <libxml/tree.h>

namespace vse {

namespace {
constexpr int kMaxDepth = 200;
// Patterns visited per walk; libvirt's largest element content is a few
// thousand, so this only trips on a pathological schema.
constexpr int kMaxBudget = 200000;

} // namespace

QString RngWalker::patternName(xmlNode *pattern, QString *ns)
{
    const bool isAttribute = rng::isRng(pattern, "attribute");
    QString name = rng::attr(pattern, "name");
    xmlNode *nameNode = pattern;
    if (name.isEmpty()) {
        xmlNode *c = pattern->children;
        while (c && !rng::isRng(c))
            c = c->next;
        if (c && rng::isRng(c, "name")) {
            name = rng::text(c).trimmed();
            nameNode = c;
        } else {
            name = QStringLiteral("*");
        }
    }
    if (ns) {
        // RelaxNG: attributes do not inherit ns, only their own ns counts.
        if (isAttribute && nameNode == pattern)
            *ns = rng::attr(pattern, "ns");
        else
            *ns = rng::inherited(nameNode, "ns");
        const qsizetype colon = name.indexOf(QLatin1Char(':'));
        if (colon > 0) {
            // A QName: the prefix is declared in the schema document.
            const QByteArray prefix = name.left(colon).toUtf8();
            if (xmlNs *decl = xmlSearchNs(pattern->doc, nameNode,
                                          reinterpret_cast<const xmlChar *>(prefix.constData())))
                *ns = QString::fromUtf8(reinterpret_cast<const char *>(decl->href));
            name = name.mid(colon + 1);
        }
    }
    return name;
}

RngContent RngWalker::contentOf(xmlNode *elementOrAttribute, RngGrammar *grammar)
{
    Walk w;
    // Without a name attribute, the first child is the name class.
    bool nameSeen = rng::hasAttr(elementOrAttribute, "name");
    for (xmlNode *c = elementOrAttribute->children; c; c = c->next) {
        if (!rng::isRng(c))
            continue;
        if (!nameSeen) {
            nameSeen = true;
            continue;
        }
        walk(c, grammar, false, 0, w);
    }
    return w.out;
}

RngContent RngWalker::startOf(RngGrammar *grammar)
{
    Walk w;
    walkDefine(grammar->start, grammar, QStringLiteral("<start>"), false, 0, w);
    return w.out;
}

void RngWalker::error(xmlNode *node, const QString &message)
{
    if (m_reported.contains(node))
        return;
    m_reported.insert(node);
    m_diagnostics->append(Diagnostic::error(rng::file(node), rng::line(node), message));
}

void RngWalker::walkChildren(xmlNode *parent, RngGrammar *g, bool optional, int depth, Walk &w)
{
    for (xmlNode *c = parent->children; c; c = c->next)
        if (rng::isRng(c))
            walk(c, g, optional, depth + 1, w);
}

void RngWalker::walkDefine(const RngGrammar::Define &define, RngGrammar *g, const QString &name,
                           bool optional, int depth, Walk &w)
{
    const auto key = qMakePair(g, name);
    if (w.active.contains(key))
        return; // a cycle that never enters an element adds nothing new
    w.active.insert(key);
    const bool alt = optional || (define.choice && define.bodies.size() > 1);
    for (xmlNode *body : define.bodies) {
        // A file whose root is a bare pattern is its own start.
        if (rng::isRng(body, "define") || rng::isRng(body, "start"))
            walkChildren(body, g, alt, depth, w);
        else
            walk(body, g, alt, depth + 1, w);
    }
    w.active.remove(key);
}

void RngWalker::walk(xmlNode *p, RngGrammar *g, bool optional, int depth, Walk &w)
{
    if (depth > kMaxDepth || ++w.budget > kMaxBudget) {
        error(p, QStringLiteral("schema pattern nested too deeply or too large; walk cut short"));
        return;
    }
    const QString kind = rng::localName(p);
    if (kind == QLatin1String("element")) {
        w.out.elements.append({p, g, optional});
    } else if (kind == QLatin1String("attribute")) {
        w.out.attributes.append({p, g, optional});
    } else if (kind == QLatin1String("optional") || kind == QLatin1String("zeroOrMore") ||
               kind == QLatin1String("choice")) {
        walkChildren(p, g, true, depth, w);
    } else if (kind == QLatin1String("group") || kind == QLatin1String("interleave") ||
               kind == QLatin1String("oneOrMore") || kind == QLatin1String("mixed") ||
               kind == QLatin1String("list") || kind == QLatin1String("div")) {
        if (kind == QLatin1String("mixed") && !w.out.datatypes.contains(QStringLiteral("text")))
            w.out.datatypes.append(QStringLiteral("text"));
        walkChildren(p, g, optional, depth, w);
    } else if (kind == QLatin1String("ref") || kind == QLatin1String("parentRef")) {
        RngGrammar *scope = kind == QLatin1String("ref") ? g : (g ? g->parent : nullptr);
        const QString name = rng::attr(p, "name");
        const auto it = scope ? scope->defines.constFind(name) : QHash<QString, RngGrammar::Define>::const_iterator();
        if (!scope || it == scope->defines.constEnd()) {
            error(p, QStringLiteral("%1 to undefined define '%2'").arg(kind, name));
            return;
        }
        walkDefine(*it, scope, name, optional, depth, w);
    } else if (kind == QLatin1String("externalRef")) {
        const QString href = rng::attr(p, "href");
        const QString path = QFileInfo(QFileInfo(rng::file(p)).dir(), href).absoluteFilePath();
        if (RngGrammar *ext = m_grammars->forFile(path, rng::file(p), rng::line(p)))
            walkDefine(ext->start, ext, QStringLiteral("<start>"), optional, depth, w);
    } else if (kind == QLatin1String("grammar")) {
        RngGrammar *nested = m_grammars->forElement(p, g);
        walkDefine(nested->start, nested, QStringLiteral("<start>"), optional, depth, w);
    } else if (kind == QLatin1String("value")) {
        w.out.values.append({rng::text(p).simplified(), p});
    } else if (kind == QLatin1String("data")) {
        const QString type = rng::attr(p, "type");
        if (!w.out.datatypes.contains(type))
            w.out.datatypes.append(type);
        for (xmlNode *c = p->children; c; c = c->next)
            if (rng::isRng(c, "param"))
                mergeParams(w.out.params, {{rng::attr(c, "name"), rng::text(c).trimmed()}});
        // <except> lists what is excluded: not enumerated values.
    } else if (kind == QLatin1String("text")) {
        if (!w.out.datatypes.contains(QStringLiteral("text")))
            w.out.datatypes.append(QStringLiteral("text"));
    }
    // empty, notAllowed, except, name classes, param: nothing to collect.
}

} // namespace vse
