#include "scanengine.h"

#include "model/policy.h"

#include <QCoreApplication>
#include <QHash>
#include <QJsonArray>
#include <QRegularExpression>

namespace vse::scan {

namespace {

// Flags, enum values and macros are compiled into the application: nothing
// fails at start-up, but the running libvirt rejects a value it does not know.
bool compiledIn(UseKind k)
{
    return k == UseKind::Constant || k == UseKind::Macro;
}

// "since 7.1.0", translated where a translator is installed (the explorer's
// scan runs this program with its translation); the CLI's stays English.
QString sinceText(const SinceRange &r)
{
    return r.displayPhrase();
}

// A policy text (a tier's rule, a taint's meaning) as the explorer words it.
QString policyText(const QString &english)
{
    const QByteArray utf8 = english.toUtf8();
    return english.isEmpty() ? english : QCoreApplication::translate("PolicyData", utf8.constData());
}

// Why the headers the file was parsed with do not declare a name the index
// has: a _LAST value exists only with VIR_ENUM_SENTINELS; a name of
// libvirt-qemu.h, libvirt-lxc.h, libvirt-admin.h or virterror.h is not in what
// <libvirt/libvirt.h> includes; anything else is newer than those headers.
QString notInHeadersMessage(const QString &symbol, const Item &item, const SinceRange &since)
{
    const bool indexed = item.newerThanIndexed().isEmpty();
    if (indexed && item.kind == ItemKind::EnumValue && symbol.endsWith(QLatin1String("_LAST")))
        return QCoreApplication::translate("ScanFinding", "%1 is declared only when VIR_ENUM_SENTINELS is defined "
                                                          "before libvirt's headers are included")
            .arg(symbol);
    static const char *const ownHeaders[] = {"libvirt/libvirt-qemu.h", "libvirt/libvirt-lxc.h", "libvirt/libvirt-admin.h",
                                             "libvirt/virterror.h"};
    for (const char *header : ownHeaders)
        if (indexed && item.file == QLatin1String(header))
            return QCoreApplication::translate("ScanFinding", "%1 is declared in <%2>, which <libvirt/libvirt.h> "
                                                              "does not include: include it (and link its library)")
                .arg(symbol, item.file);
    return (indexed ? QCoreApplication::translate("ScanFinding",
                                                  "%1 is not declared by the libvirt headers this file was parsed "
                                                  "with; it is %2 (in the index): build against a newer libvirt, or "
                                                  "guard it")
                    : QCoreApplication::translate("ScanFinding",
                                                  "%1 is not declared by the libvirt headers this file was parsed "
                                                  "with; it is %2 (from the release history, newer than the indexed "
                                                  "releases): build against a newer libvirt, or guard it"))
        .arg(symbol, sinceText(since));
}

} // namespace

QString useKindId(UseKind k)
{
    switch (k) {
    case UseKind::Function:
        return QStringLiteral("function");
    case UseKind::Constant:
        return QStringLiteral("constant");
    case UseKind::Macro:
        return QStringLiteral("macro");
    case UseKind::Type:
        return QStringLiteral("type");
    case UseKind::Field:
        return QStringLiteral("field");
    }
    return {};
}

QString deprecatedInFavourOf(const Item &item, bool *deprecated)
{
    static const QRegularExpression marker(
        QStringLiteral("backwards compatibility|compatibility alias|\\bdeprecated\\b|renamed to"),
        QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression preferred(
        QStringLiteral("(\\w+) is the preferred|alias for (\\w+)|[Rr]enamed to (\\w+)"));
    *deprecated = marker.match(item.doc).hasMatch() ||
                  item.attrs.value(QStringLiteral("deprecated")).toBool();
    if (!*deprecated)
        return {};
    const auto m = preferred.match(item.doc);
    for (int i = 1; i <= 3; ++i)
        if (!m.captured(i).isEmpty())
            return m.captured(i);
    return {};
}

QString Finding::kindId(Kind kind)
{
    static const char *const ids[] = {
        "too-new",    "maybe-too-new",  "insufficient-guard", "hypervisor-specific",
        "taint",      "private",        "unclassified",       "last-value",
        "deprecated", "obsolete-guard", "ambiguous",          "unknown",
        "not-in-headers", "xml", "not-in-binding"};
    return QString::fromLatin1(ids[kind]);
}

QString Finding::kindTitle(Kind kind)
{
    // Translated where a translator is installed (the explorer's scan
    // dialog); the CLI, SARIF and JSON keep the English.
    static const char *const titles[] = {QT_TRANSLATE_NOOP("ScanFinding", "Newer than the target"),
                                         QT_TRANSLATE_NOOP("ScanFinding", "May be newer than the target"),
                                         QT_TRANSLATE_NOOP("ScanFinding", "Guarded by too old a version"),
                                         QT_TRANSLATE_NOOP("ScanFinding", "Hypervisor-specific"),
                                         QT_TRANSLATE_NOOP("ScanFinding", "Taints the guest"),
                                         QT_TRANSLATE_NOOP("ScanFinding", "Private interfaces"),
                                         QT_TRANSLATE_NOOP("ScanFinding", "Not classified by the policy"),
                                         QT_TRANSLATE_NOOP("ScanFinding", "_LAST values"),
                                         QT_TRANSLATE_NOOP("ScanFinding", "Deprecated aliases"),
                                         QT_TRANSLATE_NOOP("ScanFinding", "Obsolete guards"),
                                         QT_TRANSLATE_NOOP("ScanFinding", "Ambiguous Python calls"),
                                         QT_TRANSLATE_NOOP("ScanFinding", "Unknown names"),
                                         QT_TRANSLATE_NOOP("ScanFinding", "Not in the headers scanned with"),
                                         QT_TRANSLATE_NOOP("ScanFinding", "Domain XML"),
                                         QT_TRANSLATE_NOOP("ScanFinding", "Not in libvirt-python")};
    return QCoreApplication::translate("ScanFinding", titles[kind]);
}

Finding::Level Finding::level() const
{
    switch (kind) {
    case TooNew:
    case InsufficientGuard:
        return Error;
    case ObsoleteGuard:
    case Ambiguous:
    case Unknown:
    case Unclassified:
        return Note;
    default:
        return Warning;
    }
}

QJsonObject Finding::toJson() const
{
    QJsonObject o{{QStringLiteral("kind"), kindId(kind)},
                  {QStringLiteral("file"), pos.file},
                  {QStringLiteral("line"), pos.line},
                  {QStringLiteral("column"), pos.column},
                  {QStringLiteral("message"), message}};
    if (!symbol.isEmpty())
        o.insert(QStringLiteral("symbol"), symbol);
    if (since.isKnown())
        o.insert(QStringLiteral("since"), since.toJson());
    if (!candidates.isEmpty())
        o.insert(QStringLiteral("candidates"), QJsonArray::fromStringList(candidates));
    if (kind == Ambiguous)
        o.insert(QStringLiteral("harmless"), harmless);
    return o;
}

int ScanReport::exitCode() const
{
    if (files == 0 && !problems.isEmpty())
        return 3;
    bool maybe = false, taint = false;
    for (const Finding &f : findings) {
        if (f.kind == Finding::TooNew || f.kind == Finding::InsufficientGuard)
            return 1;
        maybe |= f.kind == Finding::MaybeTooNew;
        taint |= f.kind == Finding::Taint;
    }
    // Domain XML found under the inputs counts with check-xml's verdict.
    for (const CheckReport &x : xml) {
        if (x.verdict.kind == CheckVerdict::TooNew || x.verdict.kind == CheckVerdict::Invalid)
            return 1;
        maybe |= x.verdict.kind == CheckVerdict::MaybeTooNew;
        taint |= !x.verdict.taints.isEmpty();
    }
    return maybe ? 5 : taint ? 6 : 0;
}

ScanReport analyse(const QList<FileScan> &files, const ApiLookup &lookup, const Version &target)
{
    ScanReport report;
    report.target = target;
    QHash<QString, std::optional<Item>> cache;
    const auto itemOf = [&](const QString &symbol) -> const Item * {
        auto it = cache.find(symbol);
        if (it == cache.end()) {
            // A field is a fact of its struct ("_virDomainInfo.state").
            const QString name = symbol.section(QLatin1Char('.'), 0, 0);
            it = cache.insert(symbol, lookup(name));
        }
        return it.value() ? &*it.value() : nullptr;
    };
    QHash<QString, SymbolUse> symbols;
    const Policy &policy = Policy::instance();

    for (const FileScan &fs : files) {
        ++report.files;
        report.problems += fs.problems;
        for (const GuardSite &g : fs.guards)
            if (target.isValid() && g.version.isValid() && g.version <= target)
                report.findings.append(
                    {Finding::ObsoleteGuard,
                     g.pos,
                     QString(),
                     QCoreApplication::translate("ScanFinding", "'%1' always holds on libvirt %2 and later (the target): "
                                    "the guard and its fallback can go")
                         .arg(g.text, target.toString()),
                     {},
                     {}});
        for (const Use &u : fs.uses) {
            // A name the headers did not declare counts only when it is
            // libvirt's (an application's own undeclared vir* helper is not).
            if (u.undeclared && !itemOf(u.symbol))
                continue;
            ++report.uses;
            const auto add = [&](Finding::Kind k, const QString &message,
                                 const SinceRange &since = {}) {
                report.findings.append({k, u.pos, u.symbol, message, since, u.candidates});
            };
            // The call as written does not exist in the binding: it never
            // runs, so it needs no release either.
            if (!u.bindingNames.isEmpty()) {
                add(Finding::NotInBinding,
                    QCoreApplication::translate("ScanFinding", "'%1': libvirt-python has no method %2 (an AttributeError as written); it names "
                                   "the C function so spelled: %3")
                        .arg(u.spelled, u.spelled.section(QLatin1Char('.'), -1), u.bindingNames.join(QStringLiteral(", "))));
                continue;
            }
            if (u.symbol.isEmpty()) {
                // The newest reading decides whether the call can matter.
                SinceRange newest;
                bool allKnown = !u.candidates.isEmpty();
                for (const QString &c : u.candidates) {
                    const Item *candidate = itemOf(c);
                    if (!candidate || !candidate->sinceRange().isKnown()) {
                        allKnown = false;
                        continue;
                    }
                    if (!newest.isKnown() || newest.sortKey() < candidate->sinceRange().sortKey())
                        newest = candidate->sinceRange();
                }
                add(Finding::Ambiguous,
                    QCoreApplication::translate("ScanFinding", "'%1' could be any of %2: the receiver's type is not known")
                        .arg(u.spelled, u.candidates.join(QStringLiteral(", "))),
                    allKnown ? newest : SinceRange());
                continue;
            }
            const Item *item = itemOf(u.symbol);
            if (!item) {
                add(Finding::Unknown,
                    QCoreApplication::translate("ScanFinding", "%1 is not in the index (not a public libvirt name of any "
                                   "indexed release)")
                        .arg(u.symbol));
                continue;
            }
            const SinceRange since = item->sinceRange();
            if (u.undeclared)
                add(Finding::NotInHeaders, notInHeadersMessage(u.symbol, *item, since), since);
            SymbolUse &s = symbols[u.symbol];
            if (s.symbol.isEmpty()) {
                s.symbol = u.symbol;
                s.kind = u.kind;
                s.since = since;
                s.tier = item->tier;
            }
            const bool guardCovers =
                u.guardedFrom && since.isKnown() && *u.guardedFrom >= since.upTo;
            // A guard below the item's lower end certainly does not cover it;
            // one inside the range may: that use is not counted either way.
            const bool guardTooLow = u.guardedFrom && since.isKnown() && since.after.isValid() &&
                                     *u.guardedFrom <= since.after;
            const bool handled =
                u.presenceChecked || u.hasFallback || (u.guardedFrom && !guardTooLow);
            if (guardTooLow)
                add(Finding::InsufficientGuard,
                    QCoreApplication::translate("ScanFinding", "%1 is %2, but this code is guarded for libvirt %3 and later")
                        .arg(u.symbol, sinceText(since), u.guardedFrom->toString()),
                    since);
            if (handled || guardCovers) {
                ++s.guarded;
            } else {
                if (s.uses++ == 0)
                    s.first = u.pos;
                // A use under too low a guard counts for the minimum; its
                // finding is the guard's, not a second "too new".
                if (target.isValid() && since.isKnown() && !guardTooLow) {
                    const auto fit = since.fit(target);
                    // Flags and constants are compiled in: no guard helps,
                    // the running libvirt must know them.
                    const bool inlined = compiledIn(u.kind);
                    if (fit == SinceRange::Fit::TooNew)
                        add(Finding::TooNew,
                            (inlined ? QCoreApplication::translate("ScanFinding",
                                                                   "%1 is %2, newer than the target %3; it is compiled "
                                                                   "into the program, so the running libvirt must know it")
                                     : QCoreApplication::translate("ScanFinding", "%1 is %2, newer than the target %3; "
                                                                                  "guard it or raise the minimum"))
                                .arg(u.symbol, sinceText(since), target.toString()),
                            since);
                    else if (fit == SinceRange::Fit::MaybeTooNew)
                        add(Finding::MaybeTooNew,
                            (inlined ? QCoreApplication::translate("ScanFinding",
                                                                   "%1 is %2: the target %3 may not have it; it is "
                                                                   "compiled into the program, so the running libvirt "
                                                                   "must know it")
                                     : QCoreApplication::translate("ScanFinding", "%1 is %2: the target %3 may not have "
                                                                                  "it; check or guard it"))
                                .arg(u.symbol, since.displayText(), target.toString()),
                            since);
                }
            }
            const QString group = policy.tier(item->tier).group;
            if (group == QLatin1String("hypervisor-specific"))
                add(Finding::HypervisorSpecific,
                    QCoreApplication::translate("ScanFinding", "%1 is hypervisor-specific (%2): %3")
                        .arg(u.symbol, item->hypervisor.isEmpty() ? item->tier : item->hypervisor,
                             policyText(policy.tier(item->tier).rule)));
            else if (group == QLatin1String("private"))
                add(Finding::Private, QCoreApplication::translate("ScanFinding", "%1 is private: %2")
                                          .arg(u.symbol, policyText(policy.tier(item->tier).rule)));
            else if (item->tier == QLatin1String("unclassified"))
                add(Finding::Unclassified,
                    QCoreApplication::translate("ScanFinding", "%1 (%2) is not named by libvirt's support policy")
                        .arg(u.symbol, item->origin));
            for (const QString &t : item->taints)
                add(Finding::Taint, QCoreApplication::translate("ScanFinding", "%1 taints the guest: %2 (%3)")
                                        .arg(u.symbol, t, policyText(policy.taintReason(t).meaning)));
            if (item->kind == ItemKind::EnumValue && u.symbol.endsWith(QLatin1String("_LAST")))
                add(Finding::LastValue,
                    QCoreApplication::translate("ScanFinding", "%1 grows between releases: never store it or compare "
                                   "values the running libvirt returns against it")
                        .arg(u.symbol));
            bool deprecated = false;
            const QString instead = deprecatedInFavourOf(*item, &deprecated);
            if (deprecated)
                add(Finding::Deprecated, instead.isEmpty()
                                             ? QCoreApplication::translate("ScanFinding", "%1 is deprecated").arg(u.symbol)
                                             : QCoreApplication::translate("ScanFinding", "%1 is a deprecated alias: use %2")
                                                   .arg(u.symbol, instead));
        }
    }

    // The minimum: the highest upper end among counted uses; its lower end
    // the highest lower end, so "1.3.5 < since <= 7.0.0" stays honest.
    for (const SymbolUse &s : std::as_const(symbols)) {
        report.symbols.append(s);
        if (s.uses == 0 || !s.since.isKnown())
            continue;
        if (!report.minimum.isKnown() || s.since.upTo > report.minimum.upTo)
            report.minimum.upTo = s.since.upTo;
        report.minimum.after = std::max(report.minimum.after, s.since.after);
    }
    for (const SymbolUse &s : std::as_const(report.symbols))
        if (s.uses > 0 && s.since.isKnown() && s.since.upTo == report.minimum.upTo)
            report.drivers.append(s);
    if (report.minimum.isKnown()) {
        if (report.minimum.after >= report.minimum.upTo)
            report.minimum.after = {};
        report.minimum.exact = !report.drivers.isEmpty() &&
                               std::all_of(report.drivers.cbegin(), report.drivers.cend(),
                                           [](const SymbolUse &s) { return s.since.exact; }) &&
                               !report.minimum.after.isValid();
        if (!report.minimum.exact)
            for (const SymbolUse &s : std::as_const(report.drivers))
                if (s.since.exact)
                    report.minimum.exact = true, report.minimum.after = {};
    }
    // An ambiguous call all of whose readings the target has (or, without
    // a target, none newer than the minimum's lower end) cannot change the
    // answer: in a GTK program most `.destroy()`, `.name()` calls are the
    // toolkit's, and listing them hid the calls that matter.
    const Version floor = report.minimum.exact ? report.minimum.upTo : report.minimum.after;
    for (Finding &f : report.findings)
        if (f.kind == Finding::Ambiguous && f.since.isKnown())
            f.harmless = target.isValid() ? f.since.fit(target) == SinceRange::Fit::Supported
                                          : floor.isValid() && f.since.upTo <= floor;
    const auto bySince = [](const SymbolUse &a, const SymbolUse &b) {
        if (a.since.sortKey() != b.since.sortKey())
            return a.since.sortKey() > b.since.sortKey();
        return a.symbol < b.symbol;
    };
    std::sort(report.symbols.begin(), report.symbols.end(), bySince);
    std::sort(report.drivers.begin(), report.drivers.end(), bySince);
    std::stable_sort(report.findings.begin(), report.findings.end(),
                     [](const Finding &a, const Finding &b) {
                         return std::tie(a.pos.file, a.pos.line, a.pos.column) <
                                std::tie(b.pos.file, b.pos.line, b.pos.column);
                     });
    return report;
}

} // namespace vse::scan
