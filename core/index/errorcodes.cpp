#include "errorcodes.h"

#include "store.h"

#include <QRegularExpression>
#include <QSet>

#include <algorithm>

namespace vse {

namespace {

std::optional<qint64> number(const QRegularExpressionMatch &m, int group)
{
    bool ok = false;
    const qint64 n = m.captured(group).toLongLong(&ok);
    return ok && !m.captured(group).isEmpty() ? std::optional<qint64>(n) : std::nullopt;
}

// The enum value of `enumName` whose value is `n`, from the newest indexed
// row that has a value (the release history's rows carry none).
QString valueName(const Store &store, const QString &enumName, qint64 n)
{
    QString found;
    for (const Item &it : store.itemsByParent(QStringLiteral("enum-value"), enumName)) {
        const QJsonValue v = it.attrs.value(QStringLiteral("value"));
        bool ok = v.isDouble();
        const qint64 value = ok ? v.toInteger() : v.toString().trimmed().toLongLong(&ok);
        if (ok && value == n)
            found = it.name; // rows come in release order: the newest wins
    }
    return found;
}

} // namespace

namespace {

std::optional<ErrorNumbers> readNumbers(const QString &typed)
{
    const QString t = typed.simplified();
    // Go (libvirt.org/go/libvirt): "virError(Code=42, Domain=10, Message='...')".
    static const QRegularExpression go(QStringLiteral("\\bvirError\\(Code=(\\d+)(?:,\\s*Domain=(\\d+))?"),
                                       QRegularExpression::CaseInsensitiveOption);
    if (const auto m = go.match(t); m.hasMatch())
        return ErrorNumbers{number(m, 1), number(m, 2)};
    // Perl's Sys::Virt and people: "libvirt error code: 42, message: ...", "error code 42".
    static const QRegularExpression code(QStringLiteral("\\berror[ _]code\\s*[:=#]?\\s*(\\d+)\\b"),
                                         QRegularExpression::CaseInsensitiveOption);
    if (const auto m = code.match(t); m.hasMatch())
        return ErrorNumbers{number(m, 1), std::nullopt};
    // Only the whole text: "error 42", "libvirt error #42".
    static const QRegularExpression bare(QStringLiteral("^(?:libvirt\\s+)?error\\s*[:#]?\\s*(\\d+)$"),
                                         QRegularExpression::CaseInsensitiveOption);
    if (const auto m = bare.match(t); m.hasMatch())
        return ErrorNumbers{number(m, 1), std::nullopt};
    return std::nullopt;
}

} // namespace

std::optional<ErrorNumbers> errorNumbersIn(const QString &typed)
{
    // A number too long for any value ("error code 99999999999999999999") names none.
    const std::optional<ErrorNumbers> n = readNumbers(typed);
    return n && (n->code || n->domain) ? n : std::nullopt;
}

ErrorNumberLookup lookUpErrorNumbers(const Store &store, const ErrorNumbers &numbers)
{
    ErrorNumberLookup out;
    QStringList said;
    const auto look = [&](const std::optional<qint64> &n, const QString &enumName, const QString &what, QString *name) {
        if (!n)
            return;
        said << QStringLiteral("%1 %2").arg(what).arg(*n);
        *name = valueName(store, enumName, *n);
        if (name->isEmpty())
            out.unknown << QStringLiteral("%1 %2").arg(what).arg(*n);
        else
            out.names << *name;
    };
    look(numbers.code, QStringLiteral("virErrorNumber"), QStringLiteral("error code"), &out.code);
    look(numbers.domain, QStringLiteral("virErrorDomain"), QStringLiteral("error domain"), &out.domain);
    out.why = QStringLiteral("libvirt's ") + said.join(QStringLiteral(" and "));
    return out;
}

} // namespace vse

namespace vse {

QList<QuotedErrorMessage> quotedErrorMessages(const QList<QuotedErrorMessage> &known, const QString &text)
{
    static const QString before = QStringLiteral(" \t\n:'\"(`");
    static const QString after = QStringLiteral(":.,'\"\n\r)`");
    struct Hit
    {
        qsizetype at;
        const QuotedErrorMessage *m;
    };
    QList<Hit> hits;
    for (const QuotedErrorMessage &m : known) {
        if (m.message.size() < 6)
            continue;
        for (qsizetype at = text.indexOf(m.message, 0, Qt::CaseInsensitive); at >= 0;
             at = text.indexOf(m.message, at + 1, Qt::CaseInsensitive)) {
            const qsizetype end = at + m.message.size();
            if ((at == 0 || before.contains(text.at(at - 1))) && (end == text.size() || after.contains(text.at(end)))) {
                hits.append({at, &m});
                break;
            }
        }
    }
    // A message inside a longer one that also matched there is the longer one's.
    std::sort(hits.begin(), hits.end(), [](const Hit &a, const Hit &b) {
        return a.at < b.at || (a.at == b.at && a.m->message.size() > b.m->message.size());
    });
    QList<QuotedErrorMessage> out;
    qsizetype coveredTo = -1;
    for (const Hit &h : std::as_const(hits)) {
        if (h.at < coveredTo)
            continue;
        coveredTo = h.at + h.m->message.size();
        out.append(*h.m);
    }
    return out;
}

QList<QuotedErrorMessage> quotedErrorMessages(const Store &store, const QString &text)
{
    if (!text.trimmed().contains(QLatin1Char(' ')))
        return {};
    return quotedErrorMessages(errorCodeMessages(store), text);
}

QList<QuotedErrorMessage> errorCodeMessages(const Store &store)
{
    QList<QuotedErrorMessage> known;
    QSet<QString> seen;
    const ItemList codes = store.itemsByParent(QStringLiteral("enum-value"), QStringLiteral("virErrorNumber"));
    // Newest rows last: walked backwards so each code's newest message counts.
    for (auto it = codes.crbegin(); it != codes.crend(); ++it) {
        if (seen.contains(it->name))
            continue;
        QString message = it->attrs.value(QLatin1String("message")).toString();
        if (message.isEmpty())
            message = it->attrs.value(QLatin1String("historyMessage")).toString();
        if (message.isEmpty())
            continue;
        seen.insert(it->name);
        known.append({it->name, message});
    }
    return known;
}

} // namespace vse
