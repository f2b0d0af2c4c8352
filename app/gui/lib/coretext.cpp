#include "coretext.h"

#include "model/releaseseries.h"

#include <QRegularExpression>

namespace vse::gui {

namespace {

QString sourceKindText(const QString &kind)
{
    if (kind == QLatin1String("installed"))
        return CoreText::tr("installed");
    if (kind == QLatin1String("source-tree"))
        return CoreText::tr("source tree");
    if (kind == QLatin1String("package-set"))
        return CoreText::tr("package set");
    return kind;
}

} // namespace

QString CoreText::releaseLabel(const QString &coreLabel)
{
    if (coreLabel.isEmpty())
        return {};
    static const QString history = QStringLiteral("release history (");
    if (coreLabel.startsWith(history) && coreLabel.endsWith(QLatin1Char(')'))) {
        // The store's own wording of the span: "shipped release history, 0.0.1 – 12.9.0".
        const QString inner = coreLabel.mid(history.size(), coreLabel.size() - history.size() - 1);
        return tr("release history (%1)").arg(inner.section(QStringLiteral(", "), -1));
    }
    static const QRegularExpression indexed(QStringLiteral("^(\\S+) \\(([^,]+), (.*)\\)$"));
    const QRegularExpressionMatch m = indexed.match(coreLabel);
    if (!m.hasMatch())
        return tr("release %1").arg(coreLabel);
    return tr("release %1 (%2, %3)").arg(m.captured(1), sourceKindText(m.captured(2)), m.captured(3));
}

QString CoreText::removal(const ItemAnswer::Removal &r)
{
    if (!r.isRemoved())
        return {};
    QString t = r.after.isValid() && !ReleaseSeries::adjacent(r.after, r.in)
                    ? tr("%1 < removed \u2264 %2").arg(r.after.toString(), r.in.toString())
                    : tr("in %1").arg(r.in.toString());
    if (r.byDrivers)
        t += QLatin1Char(' ') + tr("(no hypervisor driver implements it any more; the symbol is still exported and "
                                   "calls fail)");
    if (!r.how.isEmpty())
        t += QStringLiteral(" (") + r.how + QLatin1Char(')');
    return t;
}

QString CoreText::optionFlags(const ItemAnswer::Option &o)
{
    if (!o.aliasOf.isEmpty())
        return tr("alias of %1").arg(o.aliasOf);
    QStringList words{o.type};
    if (o.required)
        words << tr("required");
    if (o.positional)
        words << tr("positional");
    return words.join(QStringLiteral(", "));
}

QString CoreText::optionSince(const ItemAnswer::Option &o)
{
    return o.since.displayText();
}

} // namespace vse::gui
