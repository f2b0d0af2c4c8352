#include "configchecker.h"

#include "model/policy.h"

#include "confsyntax.h"
#include "configvalueshapes.h"
#include "extract/tools/configextractor.h"
#include "nearestname.h"
#include "untrustedtext.h"

#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QJsonArray>
#include <QRegularExpression>
#include <QSet>

#include <algorithm>


namespace vse {

namespace {

// Whether a value written in a file has the type the lens stores.
bool valueFits(const QString &type, const QString &raw)
{
    QString v = raw;
    // A trailing comment after the value is allowed by libvirt's parser.
    static const QRegularExpression trailing(QStringLiteral("^(\"[^\"]*\"|[^#]*?)\\s*#.*$"));
    if (const auto m = trailing.match(v); m.hasMatch())
        v = m.captured(1);
    v = v.trimmed();
    const bool quoted =
        v.size() >= 2 && v.startsWith(QLatin1Char('"')) && v.endsWith(QLatin1Char('"'));
    static const QRegularExpression number(QStringLiteral("^-?[0-9]+$"));
    if (type == QLatin1String("bool"))
        return v == QLatin1String("0") || v == QLatin1String("1");
    if (type == QLatin1String("number"))
        return number.match(v).hasMatch();
    if (type == QLatin1String("string"))
        return quoted;
    if (type == QLatin1String("string-list"))
        return v.startsWith(QLatin1Char('[')) && v.endsWith(QLatin1Char(']'));
    if (type == QLatin1String("limits"))
        return number.match(v).hasMatch() || v == QLatin1String("\"unlimited\"");
    return true; // a lens type this checker does not know: no claim
}

QString typeHint(const QString &type)
{
    if (type == QLatin1String("bool"))
        return QStringLiteral("0 or 1");
    if (type == QLatin1String("number"))
        return QStringLiteral("a number");
    if (type == QLatin1String("string"))
        return QStringLiteral("a quoted string");
    if (type == QLatin1String("string-list"))
        return QStringLiteral("a list [ \"...\", ... ]");
    if (type == QLatin1String("limits"))
        return QStringLiteral("a number or \"unlimited\"");
    return type;
}

// The taint catalogue's trigger a setting of `configName` fires: user =
// "root" in qemu.conf (every guest's QEMU runs as root), a non-empty
// capability_filters list. Null when none does.
const TaintTrigger *taintTriggerOf(const QString &configName, const QString &option, const QString &value)
{
    QString bare = value.trimmed();
    if (bare.size() >= 2 && bare.startsWith(QLatin1Char('"')) && bare.endsWith(QLatin1Char('"')))
        bare = bare.mid(1, bare.size() - 2);
    for (const TaintTrigger &t : Policy::instance().taintTriggers()) {
        if (!t.setsConfig(configName, option))
            continue;
        if (t.values.contains(bare))
            return &t;
        // A list: "[ ]" is empty; anything else between the brackets is not.
        if (t.nonEmpty && bare.startsWith(QLatin1Char('[')) && !bare.mid(1).remove(QLatin1Char(']')).trimmed().isEmpty())
            return &t;
    }
    return nullptr;
}

} // namespace

QString ConfigFinding::kindId(Kind kind)
{
    switch (kind) {
    case Unknown:
        return QStringLiteral("unknown-option");
    case Removed:
        return QStringLiteral("removed");
    case TooNew:
        return QStringLiteral("newer-than-target");
    case MaybeTooNew:
        return QStringLiteral("maybe-newer-than-target");
    case LensCannotRead:
        return QStringLiteral("lens-cannot-read");
    case WrongType:
        return QStringLiteral("wrong-type");
    case DefaultChanged:
        return QStringLiteral("default-changed");
    case DroppedKept:
        return QStringLiteral("dropped-from-shipped-file");
    case SyntaxError:
        return QStringLiteral("syntax-error");
    case ListLensString:
        return QStringLiteral("list-where-lens-reads-string");
    case TaintsGuests:
        return QStringLiteral("taints-guests");
    }
    return {};
}

bool ConfigCheckReport::hasSyntaxErrors() const
{
    return std::any_of(findings.cbegin(), findings.cend(), [](const ConfigFinding &f) {
        return f.kind == ConfigFinding::SyntaxError;
    });
}

QStringList ConfigCheckReport::taints() const
{
    QStringList out;
    for (const ConfigFinding &f : findings)
        if (f.kind == ConfigFinding::TaintsGuests && !out.contains(f.taint))
            out << f.taint;
    return out;
}

QJsonObject ConfigCheckReport::toJson() const
{
    QJsonArray list;
    for (const ConfigFinding &f : findings) {
        QJsonObject o{{QStringLiteral("kind"), ConfigFinding::kindId(f.kind)},
                      {QStringLiteral("line"), f.line},
                      {QStringLiteral("option"), f.option},
                      {QStringLiteral("message"), f.message},
                      {QStringLiteral("problem"), f.isProblem()}};
        if (!f.suggestion.isEmpty())
            o.insert(QStringLiteral("suggestion"), f.suggestion);
        if (!f.taint.isEmpty())
            o.insert(QStringLiteral("taint"), f.taint);
        list.append(o);
    }
    QJsonObject o{{QStringLiteral("file"), file},
                  {QStringLiteral("config"), configName},
                  {QStringLiteral("settings"), settings},
                  {QStringLiteral("findings"), list},
                  {QStringLiteral("taints"), QJsonArray::fromStringList(taints())}};
    if (!mappedFrom.isEmpty())
        o.insert(QStringLiteral("readAs"), mappedFrom);
    return o;
}

QString ConfigChecker::indexName(const QString &fileOrDaemon, QString *mappedFrom)
{
    QString n = QFileInfo(fileOrDaemon).fileName();
    if (!n.endsWith(QLatin1String(".conf")))
        n += QStringLiteral(".conf");
    // The modular daemons (virtqemud, virtnetworkd, virtproxyd...) ship copies
    // of libvirtd.conf made from one template and read by one lens template;
    // virtlockd and virtlogd have their own files.
    static const QRegularExpression split(QStringLiteral("^virt[a-z]+d\\.conf$"));
    if (split.match(n).hasMatch() && n != QLatin1String("virtlockd.conf") &&
        n != QLatin1String("virtlogd.conf")) {
        *mappedFrom = n;
        return QStringLiteral("libvirtd.conf");
    }
    return n;
}

bool ConfigChecker::readText(const QString &path, QString *text, Diagnostics *diagnostics)
{
    // libvirt's configuration files are a few kilobytes; 1 MiB is generous.
    return readUntrustedText(path, kMaxSize, QStringLiteral("a configuration file"), text,
                             diagnostics);
}

ConfigCheckReport ConfigChecker::check(const QString &path, const ItemList &known,
                                       const Options &options)
{
    ConfigCheckReport report;
    report.file = path;
    report.configName =
        options.configName.isEmpty() ? indexName(path, &report.mappedFrom) : options.configName;
    QString text;
    if (!readText(path, &text, &report.diagnostics))
        return report;
    return checkText(path, text, known, options);
}

ConfigCheckReport ConfigChecker::checkText(const QString &path, const QString &text,
                                           const ItemList &known, const Options &options)
{
    ConfigCheckReport report;
    report.file = path;
    report.configName =
        options.configName.isEmpty() ? indexName(path, &report.mappedFrom) : options.configName;
    // The newest row of each option (one per release otherwise).
    QHash<QString, const Item *> byName;
    for (const Item &it : known) {
        if (it.kind != ItemKind::ConfigOption || it.parent != report.configName)
            continue;
        const Item *&slot = byName[it.name];
        if (!slot || slot->sinceRange().upTo < it.sinceRange().upTo ||
            it.attrs.value(QStringLiteral("latest")).toBool())
            slot = &it;
    }
    if (byName.isEmpty()) {
        report.diagnostics.append(Diagnostic::error(
            path, 0,
            QStringLiteral("the index knows no configuration file named %1; name it with --daemon")
                .arg(report.configName)));
        return report;
    }
    // libvirt reads the file whole or not at all: its parser's first error
    // stops the daemon (or the driver) from starting.
    const QList<ConfSyntaxError> syntax = confSyntaxErrors(text);
    if (!syntax.isEmpty() && syntax.constLast().toolLimit) {
        report.diagnostics.append(Diagnostic::error(path, syntax.constLast().line, syntax.constLast().message));
        return report;
    }
    QSet<QString> broken; // settings libvirt cannot read: no more to say of their values
    for (const ConfSyntaxError &e : syntax)
        broken.insert(e.option);
    for (qsizetype i = 0; i < syntax.size(); ++i) {
        const ConfSyntaxError &e = syntax.at(i);
        ConfigFinding f;
        f.kind = ConfigFinding::SyntaxError;
        f.line = e.line;
        f.option = e.option;
        f.message = e.message;
        if (e.statementLine != e.line && e.statementLine > 0)
            f.message += QStringLiteral(" (the setting starts on line %1)").arg(e.statementLine);
        f.message += i == 0 ? QStringLiteral("; libvirt stops reading here and refuses the whole "
                                             "file: the daemon does not start")
                            : QStringLiteral("; also an error (libvirt reports only the first)");
        report.findings.append(f);
    }
    Diagnostics parseNotes;
    const QList<ConfigSetting> set = ConfigExtractor::parseConf(text, true, &parseNotes, path);
    report.settings = int(set.size());
    QSet<QString> setNames;
    for (const ConfigSetting &s : set) {
        setNames.insert(s.name);
        const Item *it = byName.value(s.name);
        ConfigFinding f;
        f.line = s.confLine;
        f.option = s.name;
        if (!it) {
            f.kind = ConfigFinding::Unknown;
            int best = 4;
            for (auto k = byName.cbegin(); k != byName.cend(); ++k)
                if (const int d = editDistance(s.name, k.key()); d < best) {
                    best = d;
                    f.suggestion = k.key();
                }
            f.message =
                QStringLiteral("no libvirt release's %1 has this option").arg(report.configName) +
                (f.suggestion.isEmpty() ? QString()
                                        : QStringLiteral("; did you mean %1?").arg(f.suggestion));
            report.findings.append(f);
            continue;
        }
        const QJsonObject &a = it->attrs;
        const QString type = a.value(QStringLiteral("type")).toString();
        if (!a.value(QStringLiteral("inLens")).toBool(true)) {
            f.kind = ConfigFinding::LensCannotRead;
            f.message =
                QStringLiteral(
                    "the shipped augeas lens%1 has no entry for it: augeas-based tools cannot "
                    "read or update this line")
                    .arg(a.contains(QStringLiteral("lens"))
                             ? QLatin1Char(' ') + a.value(QStringLiteral("lens")).toString()
                             : QString());
            report.findings.append(f);
        } else if (const QString both = stringOrListSource(report.configName, s.name);
                   !both.isEmpty() && type == QLatin1String("string") &&
                   valueFits(QStringLiteral("string-list"), s.shipped)) {
            // libvirt reads a list here; only the lens is narrower.
            f.kind = ConfigFinding::ListLensString;
            f.message = QStringLiteral("a list, which libvirt accepts for this option (%1); the "
                                       "shipped augeas lens reads only a string here, so "
                                       "augeas-based tools cannot read this file")
                            .arg(both);
            report.findings.append(f);
        } else if (!type.isEmpty() && !broken.contains(s.name) && !valueFits(type, s.shipped)) {
            f.kind = ConfigFinding::WrongType;
            f.message = QStringLiteral("value %1 is not %2 (the lens's type)")
                            .arg(s.shipped, typeHint(type));
            report.findings.append(f);
        }
        if (options.maxVersion.isValid()) {
            const Version removed = Version::parse(a.value(QStringLiteral("removedIn")).toString());
            const SinceRange since = it->sinceRange();
            if (removed.isValid() && !(options.maxVersion < removed)) {
                f.kind = ConfigFinding::Removed;
                const QString after = a.value(QStringLiteral("removedAfter")).toString();
                f.message =
                    QStringLiteral("not read by libvirt %1: gone from %2 and its lens in %3%4")
                        .arg(options.maxVersion.toString(), report.configName, removed.toString(),
                             after.isEmpty() ? QString()
                                             : QStringLiteral(" (last seen in %1)").arg(after));
                report.findings.append(f);
            } else if (const auto fit = since.fit(options.maxVersion);
                       fit == SinceRange::Fit::TooNew) {
                f.kind = ConfigFinding::TooNew;
                f.message = QStringLiteral("not in libvirt %1: %2")
                                .arg(options.maxVersion.toString(), since.phrase());
                report.findings.append(f);
            } else if (fit == SinceRange::Fit::MaybeTooNew) {
                f.kind = ConfigFinding::MaybeTooNew;
                f.message = QStringLiteral("may be newer than libvirt %1: %2")
                                .arg(options.maxVersion.toString(), since.phrase());
                report.findings.append(f);
            }
        }
        if (const TaintTrigger *t = broken.contains(s.name) ? nullptr : taintTriggerOf(report.configName, s.name, s.shipped)) {
            f.kind = ConfigFinding::TaintsGuests;
            f.taint = t->taint;
            f.message = QStringLiteral("libvirt's system daemon marks every guest it starts tainted: %1 (%2)")
                            .arg(t->taint, Policy::instance().taintReason(t->taint).meaning);
            report.findings.append(f);
            f.taint.clear();
        }
        if (!a.value(QStringLiteral("inConf")).toBool(true) &&
            a.value(QStringLiteral("inLens")).toBool(true)) {
            f.kind = ConfigFinding::DroppedKept;
            f.message = QStringLiteral(
                "no longer shown in the shipped file, still read by the lens (kept so old "
                "files stay readable; libvirt may ignore it)");
            report.findings.append(f);
        }
    }
    // Settings this file leaves to the shipped value, which changed between the two releases.
    if (options.from.isValid() && options.to.isValid()) {
        QStringList names = byName.keys();
        names.sort();
        for (const QString &n : std::as_const(names)) {
            if (setNames.contains(n))
                continue;
            const QJsonObject &a = byName.value(n)->attrs;
            const QJsonValue was = configDefaultIn(a, options.from);
            const QJsonValue now = configDefaultIn(a, options.to);
            if (was.isUndefined() || now.isUndefined() || was == now)
                continue;
            // A source tree's template ("@default_auth@") does not say the
            // value a build ships: no change can be claimed.
            if (isBuildPlaceholder(was) || isBuildPlaceholder(now))
                continue;
            const auto show = [](const QJsonValue &v) {
                return v.isString() ? v.toString()
                                    : QStringLiteral("(not shown in the shipped file)");
            };
            ConfigFinding f;
            f.kind = ConfigFinding::DefaultChanged;
            f.option = n;
            f.message =
                QStringLiteral(
                    "not set here; the shipped value changed from %1 in %2 to %3 in %4: set it "
                    "explicitly if the old behaviour matters")
                    .arg(show(was), options.from.toString(), show(now), options.to.toString());
            report.findings.append(f);
        }
    }
    std::stable_sort(
        report.findings.begin(), report.findings.end(),
        [](const ConfigFinding &x, const ConfigFinding &y) { return x.line < y.line; });
    return report;
}

} // namespace vse
