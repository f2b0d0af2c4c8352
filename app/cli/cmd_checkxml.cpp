#include "cli.h"

#include "check/domainxmlchecker.h"
#include "index/sourcelayout.h"
#include "model/policy.h"

#include <QJsonDocument>

namespace vse::cli {

namespace {

// The schemas of the newest indexed release that has any.
QString schemaDirOf(const Store &store)
{
    const auto releases = store.releases();
    for (auto it = releases.crbegin(); it != releases.crend(); ++it) {
        Diagnostics ignored;
        const auto layout = SourceLayout::detect(it->sourcePath, &ignored);
        if (layout && !layout->schemaDir.isEmpty())
            return layout->schemaDir;
    }
    return {};
}

QHash<QString, Item> xmlItemsOfNewest(const Store &store)
{
    QHash<QString, Item> out;
    const auto releases = store.releases();
    if (releases.isEmpty())
        return out;
    for (Item &it : store.releaseItems(releases.constLast().id))
        if (kindFamily(it.kind) == QLatin1String("xml"))
            out.insert(it.name, std::move(it));
    return out;
}

} // namespace

int runCheckXml(Context &ctx, const QStringList &args)
{
    QCommandLineParser p;
    const QCommandLineOption maxVersion(QStringLiteral("max-version"),
                                        QStringLiteral("The oldest libvirt the XML must work with: whatever is newer "
                                                       "is reported and makes the check fail."),
                                        QStringLiteral("V"));
    const QCommandLineOption schemas(QStringLiteral("schemas"),
                                     QStringLiteral("Validate against the .rng files of this folder instead of the "
                                                    "newest indexed release's."),
                                     QStringLiteral("DIR"));
    const QCommandLineOption json(QStringLiteral("json"), QStringLiteral("Print JSON."));
    const QCommandLineOption all(QStringLiteral("all"), QStringLiteral("Also list every stable item the file uses."));
    p.addOptions({maxVersion, schemas, json, all});
    p.addPositionalArgument(QStringLiteral("FILE"), QStringLiteral("A libvirt XML document (domain, network, ...)."));
    if (int rc = parseOrExit(ctx, p, args, "check-xml",
                             "Validate a libvirt XML file against the schema (real RelaxNG validation), then report "
                             "what it uses: tier and since of each element and attribute, namespace extensions, "
                             "taints, and anything newer than --max-version. The file is treated as untrusted: no "
                             "network, no external entities, bounded size. Exit 0 when clean for the target, 1 when "
                             "not, 5 when only 'may be too new' findings remain (since ranges containing the target), 3 when the file cannot be read or is refused.");
        rc >= 0)
        return rc;
    if (p.positionalArguments().size() != 1) {
        ctx.err << "virt-support check-xml: give one FILE\n";
        return Usage;
    }
    Version max;
    if (p.isSet(maxVersion)) {
        max = Version::parse(p.value(maxVersion));
        if (!max.isValid()) {
            ctx.err << "virt-support check-xml: '" << p.value(maxVersion) << "' is not a version like 6.0.0\n";
            return Usage;
        }
    }
    Store store;
    if (int rc = openIndex(ctx, store); rc != Ok)
        return rc;
    const QString schemaDir = p.isSet(schemas) ? p.value(schemas) : schemaDirOf(store);
    if (schemaDir.isEmpty()) {
        ctx.err << "virt-support check-xml: no indexed release has XML schemas; index one with "
                   "'virt-support index --source PATH' or pass --schemas DIR\n";
        return InputError;
    }
    const QHash<QString, Item> items = xmlItemsOfNewest(store);
    const ItemLookup lookup = [&items](const QString &path) -> const Item * {
        const auto it = items.constFind(path);
        return it == items.constEnd() ? nullptr : &*it;
    };
    const XmlCheckReport report = checkXml(p.positionalArguments().first(), schemaDir, lookup, max);
    if (hasErrors(report.diagnostics)) {
        printDiagnostics(ctx, report.diagnostics);
        return InputError;
    }
    const bool clean = report.cleanFor(max);
    const bool uncertain = clean && report.uncertainFor(max);
    const int rc = !clean ? NotFound : uncertain ? Uncertain : Ok;
    if (p.isSet(json)) {
        QJsonObject o = report.toJson();
        o.insert(QStringLiteral("cleanForTarget"), clean && !uncertain);
        o.insert(QStringLiteral("target"), !clean ? QStringLiteral("too-new-or-invalid")
                                           : uncertain ? QStringLiteral("maybe-too-new")
                                                       : QStringLiteral("supported"));
        if (max.isValid())
            o.insert(QStringLiteral("maxVersion"), max.toString());
        ctx.out << QJsonDocument(o).toJson(QJsonDocument::Indented);
        return rc;
    }
    const Policy &policy = Policy::instance();
    ctx.out << report.file << ": validated against " << report.schema << ": "
            << (report.valid ? "valid" : "INVALID") << "\n";
    for (const auto &f : report.findings) {
        if (f.kind == XmlCheckFinding::Uses && !p.isSet(all) && policy.tier(f.tier).group == QLatin1String("stable"))
            continue;
        ctx.out << "  line " << QString::number(f.line).leftJustified(5) << ' '
                << XmlCheckFinding::kindId(f.kind).leftJustified(20) << ' ' << f.path;
        QStringList facts;
        if (!f.tier.isEmpty())
            facts << f.tier;
        if (f.since.isKnown())
            facts << (f.since.exact ? QStringLiteral("since ") + f.since.toString() : f.since.toString());
        if (!f.hypervisor.isEmpty())
            facts << f.hypervisor;
        if (!f.taint.isEmpty())
            facts << QStringLiteral("taint ") + f.taint;
        if (f.occurrences > 1)
            facts << QStringLiteral("%1 times").arg(f.occurrences);
        if (!facts.isEmpty())
            ctx.out << "  [" << facts.join(QStringLiteral(", ")) << ']';
        if (!f.message.isEmpty())
            ctx.out << "\n             " << f.message;
        ctx.out << '\n';
    }
    const QStringList taints = report.taints();
    for (const auto &t : taints)
        ctx.out << "Taint: " << t << " \u2014 " << policy.taintReason(t).meaning << '\n';
    const int maybe = int(report.findingsOf(XmlCheckFinding::MaybeNewerThanTarget).size());
    const QString target = max.isValid() ? QStringLiteral(" for libvirt ") + max.toString() : QString();
    if (!clean)
        ctx.out << "Not clean" << target << "\n";
    else if (uncertain)
        ctx.out << "May be too new" << target << ": " << maybe
                << " item(s) whose since range includes it (the history cannot tell)\n";
    else
        ctx.out << "Clean" << target << "\n";
    return rc;
}

} // namespace vse::cli
