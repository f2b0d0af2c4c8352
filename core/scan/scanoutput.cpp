// The renderings of a ScanReport: text for people, JSON for scripts,
// GCC-style lines for editors and CI logs, SARIF 2.1.0 for code scanning.
#include "scanengine.h"

#include <QDir>
#include <QJsonArray>
#include <QMap>
#include <QUrl>

namespace vse::scan {

namespace {

QJsonObject posJson(const SourcePos &p)
{
    return {{QStringLiteral("file"), p.file},
            {QStringLiteral("line"), p.line},
            {QStringLiteral("column"), p.column}};
}

QJsonObject symbolJson(const SymbolUse &s)
{
    QJsonObject o{{QStringLiteral("symbol"), s.symbol},
                  {QStringLiteral("kind"), useKindId(s.kind)},
                  {QStringLiteral("since"), s.since.toJson()},
                  {QStringLiteral("sinceText"), s.since.toString()},
                  {QStringLiteral("tier"), s.tier},
                  {QStringLiteral("uses"), s.uses},
                  {QStringLiteral("guardedUses"), s.guarded}};
    if (s.uses > 0)
        o.insert(QStringLiteral("first"), posJson(s.first));
    return o;
}

QString where(const SourcePos &p)
{
    return QStringLiteral("%1:%2:%3").arg(p.file).arg(p.line).arg(qMax(p.column, 1));
}

} // namespace

QJsonObject ScanReport::toJson() const
{
    QJsonArray drv, sym, fnd, prob, xmlFiles;
    for (const auto &s : drivers)
        drv.append(symbolJson(s));
    for (const auto &s : symbols)
        sym.append(symbolJson(s));
    for (const auto &f : findings)
        fnd.append(f.toJson());
    for (const auto &d : problems)
        prob.append(d.toString());
    for (const auto &x : xml) {
        QJsonObject o = x.toJson();
        o.insert(QStringLiteral("file"), x.file);
        xmlFiles.append(o);
    }
    QJsonObject o{
        {QStringLiteral("inputs"), QJsonArray::fromStringList(inputs)},
        {QStringLiteral("files"), files},
        {QStringLiteral("excluded"), excluded},
        {QStringLiteral("uses"), uses},
        {QStringLiteral("minimum"), minimum.toJson()},
        {QStringLiteral("minimumText"), minimum.isKnown() ? minimum.toString() : QString()},
        {QStringLiteral("drivers"), drv},
        {QStringLiteral("symbols"), sym},
        {QStringLiteral("findings"), fnd},
        {QStringLiteral("problems"), prob},
        {QStringLiteral("xml"), xmlFiles},
        {QStringLiteral("exitCode"), exitCode()}};
    if (target.isValid()) {
        o.insert(QStringLiteral("target"), target.toString());
        o.insert(QStringLiteral("targetText"), targetText);
    }
    return o;
}

QString ScanReport::toText() const
{
    QString out;
    out += QStringLiteral("Scanned %1 file(s)%4, %2 use(s) of %3 libvirt name(s).\n")
               .arg(files)
               .arg(uses)
               .arg(symbols.size())
               .arg(excluded > 0 ? QStringLiteral(" (%1 file(s) or folder(s) left out by --exclude)").arg(excluded)
                                 : QString());
    if (minimum.isKnown()) {
        out += QStringLiteral("Minimum libvirt: %1\n")
                   .arg(minimum.exact ? minimum.upTo.toString() : minimum.toString());
        for (const auto &s : drivers)
            out += QStringLiteral("  needed by %1 (%2), first used at %3, %4 use(s)\n")
                       .arg(s.symbol,
                            s.since.phrase(),
                            where(s.first))
                       .arg(s.uses);
    } else {
        out += QStringLiteral(
            "Minimum libvirt: not determined (no unguarded use with a known since)\n");
    }
    if (target.isValid())
        out += QStringLiteral("Target: %1\n")
                   .arg(targetText.isEmpty() ? target.toString() : targetText);
    QMap<int, QList<const Finding *>> grouped;
    int harmless = 0;
    for (const auto &f : findings)
        if (f.harmless)
            ++harmless;
        else
            grouped[f.kind].append(&f);
    for (auto it = grouped.cbegin(); it != grouped.cend(); ++it) {
        out += QStringLiteral("\n%1 (%2):\n")
                   .arg(Finding::kindTitle(Finding::Kind(it.key())))
                   .arg(it->size());
        for (const Finding *f : *it)
            out += QStringLiteral("  %1: %2\n").arg(where(f->pos), f->message);
    }
    if (harmless > 0)
        out += QStringLiteral("\n%1 more Python call(s) whose receiver's type is not known could only mean functions "
                              "%2; not listed (--format=json lists them, \"harmless\": true).\n")
                   .arg(harmless)
                   .arg(target.isValid() ? QStringLiteral("that libvirt %1 (the target) has").arg(target.toString())
                                         : QStringLiteral("no newer than the minimum"));
    for (const auto &x : xml)
        out += QStringLiteral("\n%1: %2\n").arg(x.file, x.verdict.text());
    if (!problems.isEmpty()) {
        out += QStringLiteral("\nNot scanned or only in part (%1):\n").arg(problems.size());
        for (const auto &d : problems)
            out += QStringLiteral("  ") + d.toString() + QLatin1Char('\n');
    }
    return out;
}

QString ScanReport::toGcc() const
{
    QString out;
    for (const auto &f : findings)
        if (!f.harmless)
            out += QStringLiteral("%1: %2: %3 [vse-%4]\n")
                   .arg(where(f.pos),
                        f.level() == Finding::Note ? QStringLiteral("note")
                                                   : QStringLiteral("warning"),
                        f.message, Finding::kindId(f.kind));
    for (const auto &d : problems)
        out += d.toString() + QLatin1Char('\n');
    if (minimum.isKnown())
        out +=
            QStringLiteral("virt-support scan: note: minimum libvirt %1\n").arg(minimum.toString());
    return out;
}

QJsonObject ScanReport::toSarif(const QString &toolVersion) const
{
    // One rule per finding kind, referenced by index and id.
    QJsonArray rules;
    QHash<int, int> ruleIndex;
    for (const auto &f : findings) {
        if (ruleIndex.contains(f.kind))
            continue;
        ruleIndex.insert(f.kind, int(rules.size()));
        rules.append(QJsonObject{
            {QStringLiteral("id"), QString(QStringLiteral("vse-") + Finding::kindId(f.kind))},
            {QStringLiteral("name"), Finding::kindId(f.kind)},
            {QStringLiteral("shortDescription"),
             QJsonObject{{QStringLiteral("text"), Finding::kindTitle(f.kind)}}}});
    }
    static const char *const levels[] = {"note", "warning", "error"};
    QJsonArray results;
    for (const auto &f : findings) {
        if (f.harmless)
            continue; // cannot change the answer (toText counts them)
        QJsonObject region{{QStringLiteral("startLine"), qMax(f.pos.line, 1)}};
        if (f.pos.column > 0)
            region.insert(QStringLiteral("startColumn"), f.pos.column);
        const QJsonObject location{
            {QStringLiteral("physicalLocation"),
             QJsonObject{{QStringLiteral("artifactLocation"),
                          QJsonObject{{QStringLiteral("uri"),
                                       QUrl::fromLocalFile(QDir(f.pos.file).absolutePath())
                                           .toString(QUrl::FullyEncoded)}}},
                         {QStringLiteral("region"), region}}}};
        QJsonObject result{
            {QStringLiteral("ruleId"), QString(QStringLiteral("vse-") + Finding::kindId(f.kind))},
            {QStringLiteral("ruleIndex"), ruleIndex.value(f.kind)},
            {QStringLiteral("level"), QString::fromLatin1(levels[f.level()])},
            {QStringLiteral("message"), QJsonObject{{QStringLiteral("text"), f.message}}},
            {QStringLiteral("locations"), QJsonArray{location}}};
        results.append(result);
    }
    QJsonArray notifications;
    for (const auto &d : problems)
        notifications.append(QJsonObject{
            {QStringLiteral("level"), QStringLiteral("warning")},
            {QStringLiteral("message"), QJsonObject{{QStringLiteral("text"), d.toString()}}}});
    QJsonObject run{
        {QStringLiteral("tool"),
         QJsonObject{{QStringLiteral("driver"),
                      QJsonObject{{QStringLiteral("name"), QStringLiteral("virt-support scan")},
                                  {QStringLiteral("version"), toolVersion},
                                  {QStringLiteral("informationUri"),
                                   QStringLiteral("https://libvirt.org/support.html")},
                                  {QStringLiteral("rules"), rules}}}}},
        {QStringLiteral("results"), results},
        {QStringLiteral("invocations"),
         QJsonArray{
             QJsonObject{{QStringLiteral("executionSuccessful"), files > 0 || problems.isEmpty()},
                         {QStringLiteral("toolExecutionNotifications"), notifications}}}},
        {QStringLiteral("properties"),
         QJsonObject{
             {QStringLiteral("minimumLibvirt"), minimum.toJson()},
             {QStringLiteral("target"), target.isValid() ? target.toString() : QString()}}}};
    return QJsonObject{{QStringLiteral("$schema"),
                        QStringLiteral("https://json.schemastore.org/sarif-2.1.0.json")},
                       {QStringLiteral("version"), QStringLiteral("2.1.0")},
                       {QStringLiteral("runs"), QJsonArray{run}}};
}

} // namespace vse::scan
