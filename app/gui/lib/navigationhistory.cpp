#include "navigationhistory.h"

namespace vse::gui {

void NavigationHistory::visit(const QString &page)
{
    if (current() == page)
        return;
    m_pages.resize(m_pos + 1);
    m_pages.append(page);
    m_pos = m_pages.size() - 1;
}

QString NavigationHistory::back()
{
    if (canGoBack())
        --m_pos;
    return current();
}

QString NavigationHistory::forward()
{
    if (canGoForward())
        ++m_pos;
    return current();
}

void NavigationHistory::clear()
{
    m_pages.clear();
    m_pos = -1;
}

} // namespace vse::gui
