#pragma once

#include "model/item.h"

#include <QPalette>
#include <QString>
#include <memory>

namespace KSyntaxHighlighting {
class Repository;
}

namespace vse::gui {

// Turns an item's signature (C prototype, XML fragment, XDR definition) into
// HTML for the detail pane. With KF6 SyntaxHighlighting (HAVE_KSYNTAXHIGHLIGHTING)
// the snippet is coloured with the theme that fits the palette, so dark mode
// stays readable; without it the snippet is plain monospaced text.
class SnippetHighlighter
{
public:
    SnippetHighlighter();
    ~SnippetHighlighter();
    SnippetHighlighter(const SnippetHighlighter &) = delete;
    SnippetHighlighter &operator=(const SnippetHighlighter &) = delete;

    // A <pre> block; `palette` picks the light or dark theme.
    QString toHtml(const QString &code, ItemKind kind, const QPalette &palette) const;
    // Whether colours are available in this build.
    static bool isAvailable();
    // The syntax definition name used for a kind: "C" or "XML".
    static QString definitionName(ItemKind kind);

private:
    // One long-lived repository: loading the definitions is the expensive part.
    std::unique_ptr<KSyntaxHighlighting::Repository> m_repository;
};

} // namespace vse::gui
