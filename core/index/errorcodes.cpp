#include "errorcodes.h"

#include "store.h"

#include <QRegularExpression>

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
