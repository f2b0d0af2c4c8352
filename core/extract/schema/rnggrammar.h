#pragma once

#include "rngdocuments.h"

#include <QHash>
#include <QList>
#include <QSet>
#include <QString>

#include <memory>
#include <vector>

namespace vse {

// One RelaxNG grammar scope after include processing: its defines (with the
// bodies of every `combine` part) and its start. `parent` serves parentRef.
struct RngGrammar
{
    struct Define
    {
        QList<xmlNode *> bodies; // the <define> elements, children are the pattern
        bool choice = false;     // combine="choice": each body is an alternative
    };
    RngGrammar *parent = nullptr;
    QHash<QString, Define> defines;
    Define start;
};

// Builds grammar scopes from <grammar> elements: resolves <include> (the
// include's own defines and start override those of the included grammar,
// recursively), <div>, and `combine`. Scopes are cached per (element, parent),
// so the same nested grammar reached twice is built once.
class RngGrammars
{
public:
    RngGrammars(RngDocuments *documents, Diagnostics *diagnostics)
        : m_documents(documents), m_diagnostics(diagnostics)
    {
    }

    RngGrammar *forElement(xmlNode *grammar, RngGrammar *parent);
    // The top-level grammar of a file (externalRef, root schemas). A file whose
    // root is a bare pattern gets a scope whose start is that pattern.
    RngGrammar *forFile(const QString &path, const QString &fromFile = {}, int fromLine = 0);

private:
    void collect(xmlNode *container, RngGrammar *g, const QSet<QString> &overridden,
                 bool startOverridden, QStringList &includeStack);
    void include(xmlNode *inc, RngGrammar *g, const QSet<QString> &overridden,
                 bool startOverridden, QStringList &includeStack);
    void addDefine(RngGrammar::Define &define, xmlNode *node);

    RngDocuments *m_documents;
    Diagnostics *m_diagnostics;
    std::vector<std::unique_ptr<RngGrammar>> m_scopes;
    QHash<QPair<xmlNode *, RngGrammar *>, RngGrammar *> m_byElement;
};

} // namespace vse
