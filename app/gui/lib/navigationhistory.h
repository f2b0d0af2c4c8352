#pragma once

#include <QList>
#include <QString>

namespace vse::gui {

// Back / forward history of what the detail pane showed ("item/42",
// "taint/custom-monitor"). Visiting a new page drops the forward entries,
// like a web browser.
class NavigationHistory
{
public:
    void visit(const QString &page);
    bool canGoBack() const { return m_pos > 0; }
    bool canGoForward() const { return m_pos + 1 < m_pages.size(); }
    QString back();
    QString forward();
    QString current() const { return m_pos >= 0 ? m_pages.at(m_pos) : QString(); }
    void clear();

private:
    QList<QString> m_pages;
    qsizetype m_pos = -1;
};

} // namespace vse::gui
