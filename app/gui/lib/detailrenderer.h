#pragma once

#include "index/itemanswer.h"
#include "model/item.h"
#include "snippethighlighter.h"

#include <QCoreApplication>
#include <QPalette>
#include <QStringList>
#include <QUrl>

namespace vse::gui {

// Generates the detail pane's HTML: tier badge with its rule, "since" with
// every piece of evidence (and the disagreement), warning banners (taint,
// namespace extension, private protocol, _LAST, removed), the highlighted
// signature, the item's history across releases, its drivers, and related
// items as vse: links the DetailView resolves.
class DetailRenderer
{
    Q_DECLARE_TR_FUNCTIONS(vse::gui::DetailRenderer)
public:
    struct Context
    {
        QString releaseLabel;      // "9.0.0 (installed, /)"
        QStringList otherReleases; // releases that have the item, when the index has no "releases" fact
        QPalette palette;
        QString linksFrom; // the RPC links come from this older release's row
        ItemList parts;    // a virsh command's options (partsOf)
        QList<QPair<QString, SinceRange>> sameNameElsewhere; // a removed XML item's namesakes (sameNameElsewhere)

    };

    QString itemHtml(const Item &item, const Context &context) const;
    // Renders the answer computed in core (the CLI's `show` renders the same value).
    QString itemHtml(const ItemAnswer &answer, const QPalette &palette) const;
    static ItemAnswer answerFor(const Item &item, const Context &context);
    QString taintReasonHtml(const QString &reasonId) const;
    QString messageHtml(const QString &title, const QString &text) const;

    // Links: vse:name/NAME (resolved by name in the shown release) and vse:item/ID.
    static QUrl nameLink(const QString &name);
    static QUrl itemLink(qint64 id);
    // Related item names of an item: parent, procedures, api.
    static QStringList relatedNames(const Item &item);

private:
    SnippetHighlighter m_highlighter;

    QString banners(const ItemAnswer &answer) const;
    QString evidenceHtml(const ItemAnswer &answer) const;
    QString relatedHtml(const ItemAnswer &answer) const;
    QString kindFactsHtml(const ItemAnswer &answer) const;
};

} // namespace vse::gui
