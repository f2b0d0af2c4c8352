#include "emptystatelink.h"

#include "htmlbits.h"

#include <QUrl>

namespace vse::gui::emptystate {

namespace {

const QString kScheme = QStringLiteral("vse-select:");
const QString kTaintScheme = QStringLiteral("vse-taint:");

} // namespace

QString link(const QString &name)
{
    return QStringLiteral("<a href=\"%1%2\">%3</a>").arg(kScheme, QString::fromUtf8(QUrl::toPercentEncoding(name)),
                                                          html::esc(name));
}

QString linkedName(const QString &href)
{
    return href.startsWith(kScheme) ? QUrl::fromPercentEncoding(href.mid(kScheme.size()).toUtf8()) : QString();
}

QString taintLink(const QString &reasonId)
{
    return QStringLiteral("<a href=\"%1%2\">%3</a>")
        .arg(kTaintScheme, QString::fromUtf8(QUrl::toPercentEncoding(reasonId)), html::esc(reasonId));
}

QString linkedTaint(const QString &href)
{
    return href.startsWith(kTaintScheme) ? QUrl::fromPercentEncoding(href.mid(kTaintScheme.size()).toUtf8()) : QString();
}

} // namespace vse::gui::emptystate
