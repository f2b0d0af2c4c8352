#include "snippethighlighter.h"

#include "vse-config.h"

#include <QStringList>

#if HAVE_KSYNTAXHIGHLIGHTING
#include <KSyntaxHighlighting/AbstractHighlighter>
#include <KSyntaxHighlighting/Definition>
#include <KSyntaxHighlighting/Format>
#include <KSyntaxHighlighting/Repository>
#include <KSyntaxHighlighting/State>
#include <KSyntaxHighlighting/Theme>
#else
// Without the library the repository pointer stays null; the type only has
// to be complete for unique_ptr's deleter.
namespace KSyntaxHighlighting {
class Repository
{
};
} // namespace KSyntaxHighlighting
#endif

namespace vse::gui {

#if HAVE_KSYNTAXHIGHLIGHTING
namespace {

// Collects KSyntaxHighlighting's format runs of each line as HTML spans.
class HtmlRuns final : public KSyntaxHighlighting::AbstractHighlighter
{
public:
    QString run(const QString &code)
    {
        QString html;
        KSyntaxHighlighting::State state;
        const QStringList lines = code.split(QLatin1Char('\n'));
        for (qsizetype i = 0; i < lines.size(); ++i) {
            m_line = lines.at(i);
            m_out.clear();
            m_done = 0;
            state = highlightLine(m_line, state);
            if (m_done < m_line.size())
                m_out += m_line.mid(m_done).toHtmlEscaped();
            html += m_out;
            if (i + 1 < lines.size())
                html += QLatin1Char('\n');
        }
        return html;
    }

protected:
    void applyFormat(int offset, int length, const KSyntaxHighlighting::Format &format) override
    {
        if (offset > m_done)
            m_out += m_line.mid(m_done, offset - m_done).toHtmlEscaped();
        const QString text = m_line.mid(offset, length).toHtmlEscaped();
        QString style;
        if (format.hasTextColor(theme()))
            style += QStringLiteral("color:") + format.textColor(theme()).name() + QLatin1Char(';');
        if (format.isBold(theme()))
            style += QStringLiteral("font-weight:bold;");
        if (format.isItalic(theme()))
            style += QStringLiteral("font-style:italic;");
        if (style.isEmpty())
            m_out += text;
        else
            m_out += QStringLiteral("<span style=\"") + style + QStringLiteral("\">") + text + QStringLiteral("</span>");
        m_done = offset + length;
    }

private:
    QString m_line;
    QString m_out;
    int m_done = 0;
};

} // namespace
#endif

SnippetHighlighter::SnippetHighlighter()
#if HAVE_KSYNTAXHIGHLIGHTING
    : m_repository(std::make_unique<KSyntaxHighlighting::Repository>())
#endif
{
}

SnippetHighlighter::~SnippetHighlighter() = default;

bool SnippetHighlighter::isAvailable()
{
    return HAVE_KSYNTAXHIGHLIGHTING;
}

QString SnippetHighlighter::definitionName(ItemKind kind)
{
    // XDR is C-like enough (struct, enum, typedef) for the C definition.
    return kindFamily(kind) == QLatin1String("xml") ? QStringLiteral("XML") : QStringLiteral("C");
}

QString SnippetHighlighter::toHtml(const QString &code, ItemKind kind, const QPalette &palette) const
{
    QString body;
#if HAVE_KSYNTAXHIGHLIGHTING
    const KSyntaxHighlighting::Definition def = m_repository->definitionForName(definitionName(kind));
    const KSyntaxHighlighting::Theme theme = m_repository->themeForPalette(palette);
    if (def.isValid() && theme.isValid()) {
        HtmlRuns runs;
        runs.setDefinition(def);
        runs.setTheme(theme);
        body = runs.run(code);
    } else {
        body = code.toHtmlEscaped();
    }
#else
    Q_UNUSED(kind);
    Q_UNUSED(palette);
    body = code.toHtmlEscaped();
#endif
    return QStringLiteral("<pre style=\"font-family:monospace; white-space:pre-wrap;\">") + body
           + QStringLiteral("</pre>");
}

} // namespace vse::gui
