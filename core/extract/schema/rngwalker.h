#pragma once

#include <QJsonArray>
#include <QJsonObject>

#include "rnggrammar.h"

#include <QJsonObject>
#include <QList>
#include <QSet>
#include <QString>
#include <QStringList>

namespace vse {

// Adds datatype facets to `into`. A value may be allowed by several <data>
// alternatives with different patterns (nwfilter chains): every pattern is
// kept in "patterns"; "pattern" holds the last one, other facets the last value.
inline void mergeParams(QJsonObject &into, const QJsonObject &from)
{
    for (auto it = from.constBegin(); it != from.constEnd(); ++it) {
        if (it.key() == QLatin1String("patterns"))
            continue;
        into.insert(it.key(), it.value());
    }
    QJsonArray patterns = into.value(QLatin1String("patterns")).toArray();
    QJsonArray incoming = from.value(QLatin1String("patterns")).toArray();
    if (from.contains(QLatin1String("pattern")) && incoming.isEmpty())
        incoming.append(from.value(QLatin1String("pattern")));
    for (const auto &p : incoming)
        if (!patterns.contains(p))
            patterns.append(p);
    if (!patterns.isEmpty())
        into.insert(QStringLiteral("patterns"), patterns);
}


// What a pattern allows directly (without entering child elements): the
// child <element> and <attribute> patterns, enumerated values and datatypes.
struct RngContent
{
    struct Ref
    {
        xmlNode *node;        // <element> or <attribute>
        RngGrammar *grammar;  // scope its refs resolve in
        bool optional;        // under optional / zeroOrMore / choice
    };
    struct Value
    {
        QString value;
        xmlNode *node;
    };
    QList<Ref> elements;
    QList<Ref> attributes;
    QList<Value> values;
    QStringList datatypes; // "unsignedInt", "string", "text"...
    QJsonObject params;    // <param> facets of the datatype (pattern, minInclusive...)
};

// Walks RelaxNG patterns structurally. Refs resolve in the grammar scope the
// pattern was reached in (libvirt overrides defines per including schema),
// parentRef in the parent scope, externalRef and nested <grammar> through
// their start. Each walk guards against ref cycles that never pass through an
// element and caps its depth and work, reporting instead of hanging.
class RngWalker
{
public:
    RngWalker(RngGrammars *grammars, Diagnostics *diagnostics)
        : m_grammars(grammars), m_diagnostics(diagnostics)
    {
    }

    // Content of an <element> or <attribute> pattern (its name class skipped).
    RngContent contentOf(xmlNode *elementOrAttribute, RngGrammar *grammar);
    // Patterns a grammar's start allows (the root elements of a schema file).
    RngContent startOf(RngGrammar *grammar);

    // Name segments of an element/attribute pattern: "name", or "*" for
    // anyName/nsName. The namespace URI in force is returned in *ns.
    static QString patternName(xmlNode *pattern, QString *ns);

private:
    struct Walk
    {
        RngContent out;
        QSet<QPair<RngGrammar *, QString>> active; // defines being expanded
        int budget = 0;
    };
    void walk(xmlNode *pattern, RngGrammar *g, bool optional, int depth, Walk &w);
    void walkChildren(xmlNode *parent, RngGrammar *g, bool optional, int depth, Walk &w);
    void walkDefine(const RngGrammar::Define &define, RngGrammar *g, const QString &name,
                    bool optional, int depth, Walk &w);
    void error(xmlNode *node, const QString &message);

    RngGrammars *m_grammars;
    Diagnostics *m_diagnostics;
    QSet<xmlNode *> m_reported; // one diagnostic per faulty node
};

} // namespace vse
