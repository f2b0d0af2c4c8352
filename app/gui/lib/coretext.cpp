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

// ItemAnswer's kind facts (core/index/itemanswer.cpp), only so lupdate
// extracts them; translated by their English text.
[[maybe_unused]] constexpr const char *kFactWords[] = {
    QT_TRANSLATE_NOOP("vse::gui::CoreText", "Alias of"),
    QT_TRANSLATE_NOOP("vse::gui::CoreText", "File"),
    QT_TRANSLATE_NOOP("vse::gui::CoreText", "Lens"),
    QT_TRANSLATE_NOOP("vse::gui::CoreText", "Message"),
    QT_TRANSLATE_NOOP("vse::gui::CoreText", "Options"),
    QT_TRANSLATE_NOOP("vse::gui::CoreText", "Output"),
    QT_TRANSLATE_NOOP("vse::gui::CoreText", "Positional"),
    QT_TRANSLATE_NOOP("vse::gui::CoreText", "Required"),
    QT_TRANSLATE_NOOP("vse::gui::CoreText", "Shipped"),
    QT_TRANSLATE_NOOP("vse::gui::CoreText", "Stands for"),
    QT_TRANSLATE_NOOP("vse::gui::CoreText", "State"),
    QT_TRANSLATE_NOOP("vse::gui::CoreText", "Type (lens)"),
    QT_TRANSLATE_NOOP("vse::gui::CoreText", "Type"),
    // The labels of the other attributes (ItemAnswer's attrLabel).
    QT_TRANSLATE_NOOP("vse::gui::CoreText", "Define"),
    QT_TRANSLATE_NOOP("vse::gui::CoreText", "Optional"),
    QT_TRANSLATE_NOOP("vse::gui::CoreText", "Schema"),
    QT_TRANSLATE_NOOP("vse::gui::CoreText", "Values"),
    QT_TRANSLATE_NOOP("vse::gui::CoreText", "Data type"),
    QT_TRANSLATE_NOOP("vse::gui::CoreText", "Aliases"),
    QT_TRANSLATE_NOOP("vse::gui::CoreText", "Namespace"),
    QT_TRANSLATE_NOOP("vse::gui::CoreText", "Value"),
    QT_TRANSLATE_NOOP("vse::gui::CoreText", "Number"),
    QT_TRANSLATE_NOOP("vse::gui::CoreText", "Program"),
    QT_TRANSLATE_NOOP("vse::gui::CoreText", "Fields"),
    QT_TRANSLATE_NOOP("vse::gui::CoreText", "Typedef"),
    QT_TRANSLATE_NOOP("vse::gui::CoreText", "Calls"),
    QT_TRANSLATE_NOOP("vse::gui::CoreText", "Hidden"),
    QT_TRANSLATE_NOOP("vse::gui::CoreText", "Constraints"),
    QT_TRANSLATE_NOOP("vse::gui::CoreText", "Parameters"),
    QT_TRANSLATE_NOOP("vse::gui::CoreText", "Same as"),
    QT_TRANSLATE_NOOP("vse::gui::CoreText", "yes"),
    QT_TRANSLATE_NOOP("vse::gui::CoreText", "no"),
    QT_TRANSLATE_NOOP("vse::gui::CoreText", "a single item (stable)"),
    QT_TRANSLATE_NOOP("vse::gui::CoreText", "compound (a table or list): its layout is not stable"),
    QT_TRANSLATE_NOOP("vse::gui::CoreText", "dropped from the shipped file, still read by the lens"),
    QT_TRANSLATE_NOOP("vse::gui::CoreText", "in the shipped file and read by the lens"),
    QT_TRANSLATE_NOOP("vse::gui::CoreText", "in the shipped file, no lens entry"),
    QT_TRANSLATE_NOOP("vse::gui::CoreText", "in the shipped file, commented out (not in effect as shipped), and read by the lens"),
    QT_TRANSLATE_NOOP("vse::gui::CoreText", "in the shipped file, commented out (not in effect as shipped), no lens entry"),
    QT_TRANSLATE_NOOP("vse::gui::CoreText", "(not in the shipped file)"),
};

QString byEnglish(const QString &english)
{
    const QByteArray utf8 = english.toUtf8();
    return QCoreApplication::translate("vse::gui::CoreText", utf8.constData());
}

} // namespace

QString CoreText::factLabel(const QString &label)
{
    return byEnglish(label);
}

QString CoreText::factText(const QString &text)
{
    const QString whole = byEnglish(text);
    if (whole != text)
        return whole;
    // "0.6.0: (not in the shipped file); 0.7.2: 20": the phrase inside a list of values.
    static const QString absent = QStringLiteral("(not in the shipped file)");
    return text.contains(absent) ? QString(text).replace(absent, byEnglish(absent)) : text;
}

QString CoreText::releaseLabel(const QString &coreLabel)
{
    if (coreLabel.isEmpty())
        return {};
    static const QString history = QStringLiteral("release history (");
    if (coreLabel.startsWith(history) && coreLabel.endsWith(QLatin1Char(')'))) {
        // The store's own wording of the span: "shipped release history, 0.0.1 – 12.9.0".
        const QString inner = coreLabel.mid(history.size(), coreLabel.size() - history.size() - 1);
        static const QString shipped = QStringLiteral("shipped release history");
        return tr("release history (%1)").arg(QString(inner).replace(shipped, tr("shipped release history")));
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
    if (!r.how.isEmpty()) {
        // The shape historyapplier.cpp writes; anything else is data.
        static const QRegularExpression absent(QStringLiteral("^release history: absent from (\\S+)$"));
        const QRegularExpressionMatch m = absent.match(r.how);
        t += QStringLiteral(" (") + (m.hasMatch() ? tr("release history: absent from %1").arg(m.captured(1)) : r.how) +
             QLatin1Char(')');
    }
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
