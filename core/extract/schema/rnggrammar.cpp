#include "rnggrammar.h"

#include <QDir>
#include <QFileInfo>

#include <libxml/tree.h>

namespace vse {

namespace {
// Guards against include chains a hostile tree could build.
constexpr int kMaxIncludeDepth = 32;
} // namespace

RngGrammar *RngGrammars::forElement(xmlNode *grammar, RngGrammar *parent)
{
    const auto key = qMakePair(grammar, parent);
    if (auto it = m_byElement.constFind(key); it != m_byElement.constEnd())
        return *it;
    m_scopes.push_back(std::make_unique<RngGrammar>());
    RngGrammar *g = m_scopes.back().get();
    g->parent = parent;
    m_byElement.insert(key, g);
    QStringList stack{rng::file(grammar)};
    collect(grammar, g, {}, false, stack);
    return g;
}

RngGrammar *RngGrammars::forFile(const QString &path, const QString &fromFile, int fromLine)
{
    xmlNode *root = m_documents->load(path, fromFile, fromLine);
    if (!root)
        return nullptr;
    if (rng::isRng(root, "grammar"))
        return forElement(root, nullptr);
    const auto key = qMakePair(root, static_cast<RngGrammar *>(nullptr));
    if (auto it = m_byElement.constFind(key); it != m_byElement.constEnd())
        return *it;
    if (!rng::isRng(root)) {
        m_diagnostics->append(Diagnostic::error(rng::file(root), rng::line(root),
                                                QStringLiteral("not a RelaxNG schema: root element <%1>")
                                                    .arg(rng::localName(root))));
        return nullptr;
    }
    // A file holding a single pattern: RelaxNG treats it as the start of an
    // implicit grammar.
    m_scopes.push_back(std::make_unique<RngGrammar>());
    RngGrammar *g = m_scopes.back().get();
    g->start.bodies.append(root);
    g->start.choice = false;
    m_byElement.insert(key, g);
    return g;
}

void RngGrammars::addDefine(RngGrammar::Define &define, xmlNode *node)
{
    const QString combine = rng::attr(node, "combine");
    if (combine == QLatin1String("choice"))
        define.choice = true;
    else if (!define.bodies.isEmpty() && combine.isEmpty() && !define.choice) {
        // Two plain definitions of one name are a schema error; keep both as
        // alternatives so the walk still sees everything, and say so.
        m_diagnostics->append(Diagnostic::warning(
            rng::file(node), rng::line(node),
            QStringLiteral("define '%1' defined twice without combine").arg(rng::attr(node, "name"))));
        define.choice = true;
    }
    define.bodies.append(node);
}

void RngGrammars::collect(xmlNode *container, RngGrammar *g, const QSet<QString> &overridden,
                          bool startOverridden, QStringList &includeStack)
{
    for (xmlNode *c = container->children; c; c = c->next) {
        if (!rng::isRng(c))
            continue;
        if (rng::isRng(c, "define")) {
            const QString name = rng::attr(c, "name");
            if (name.isEmpty()) {
                m_diagnostics->append(
                    Diagnostic::error(rng::file(c), rng::line(c), QStringLiteral("define without a name")));
                continue;
            }
            if (!overridden.contains(name))
                addDefine(g->defines[name], c);
        } else if (rng::isRng(c, "start")) {
            if (!startOverridden)
                addDefine(g->start, c);
        } else if (rng::isRng(c, "div")) {
            collect(c, g, overridden, startOverridden, includeStack);
        } else if (rng::isRng(c, "include")) {
            include(c, g, overridden, startOverridden, includeStack);
        }
    }
}

void RngGrammars::include(xmlNode *inc, RngGrammar *g, const QSet<QString> &overridden,
                          bool startOverridden, QStringList &includeStack)
{
    const QString from = rng::file(inc);
    const int line = rng::line(inc);
    const QString href = rng::attr(inc, "href");
    if (href.isEmpty()) {
        m_diagnostics->append(Diagnostic::error(from, line, QStringLiteral("include without href")));
        return;
    }
    const QString path = QFileInfo(QFileInfo(from).dir(), href).absoluteFilePath();
    // Documents are keyed by their lexical path (see RngDocuments::load).
    if (includeStack.contains(QDir::cleanPath(path))) {
        m_diagnostics->append(Diagnostic::error(from, line, QStringLiteral("include loop: %1").arg(href)));
        return;
    }
    if (includeStack.size() >= kMaxIncludeDepth) {
        m_diagnostics->append(Diagnostic::error(from, line, QStringLiteral("includes nested too deeply")));
        return;
    }
    xmlNode *root = m_documents->load(path, from, line);
    if (!root)
        return;
    if (!rng::isRng(root, "grammar")) {
        m_diagnostics->append(Diagnostic::error(
            from, line, QStringLiteral("included file %1 is not a <grammar>").arg(href)));
        return;
    }
    // Definitions inside <include> replace those of the included grammar.
    QSet<QString> inner = overridden;
    bool innerStart = startOverridden;
    for (xmlNode *c = inc->children; c; c = c->next) {
        if (rng::isRng(c, "define"))
            inner.insert(rng::attr(c, "name"));
        else if (rng::isRng(c, "start"))
            innerStart = true;
    }
    includeStack.append(QDir::cleanPath(path));
    collect(root, g, inner, innerStart, includeStack);
    includeStack.removeLast();
    collect(inc, g, overridden, startOverridden, includeStack);
}

} // namespace vse
