#include "cli.h"

#include "index/errorcodes.h"
#include "index/symbolnodes.h"

#include "index/itemparts.h"

#include "extract/xdr/rpcitembuilder.h"
#include "index/historyapplier.h"
#include "index/itemanswer.h"
#include "index/search.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <algorithm>
#include <map>
#include <optional>

namespace vse::cli {

namespace {

// A shell pattern ("virDomainGet*"), not C whose '*' is a pointer.
bool isPattern(const QString &typed)
{
    return SearchEngine::isWildcard(typed) && calledFunction(typed).isEmpty();
}

// A JSON answer: printed as its own document, or kept for the one
// document answering several names.
void emitJson(Context &ctx, const QJsonValue &v, QJsonArray *batch)
{
    if (batch)
        batch->append(v);
    else
        ctx.out << (v.isArray() ? QJsonDocument(v.toArray()) : QJsonDocument(v.toObject())).toJson(QJsonDocument::Indented);
}

// Nothing is named `name`: what it may have meant, on stderr, and with
// --json the same as an object on stdout (a script learns as much as a
// reader). `several`: the items a typed form stands for, when more than one.
// `hint`: why a form that reads as something (libvirt-python) found nothing;
// `facts`: what the form was read as, for JSON (a URI's driver).
int reportNoMatch(Context &ctx, Store &store, const SearchEngine &engine, const QString &name, QStringList several,
                  const QString &hint, const QJsonObject &facts, bool json, QJsonArray *batch)
{
    QJsonObject o = facts;
    o.insert(QStringLiteral("query"), name);
    o.insert(QStringLiteral("found"), false);
    ctx.err << "virt-support show: no match for '" << name << "'";
    if (!hint.isEmpty()) {
        o.insert(QStringLiteral("hint"), hint);
        ctx.err << " (" << hint << ")";
    }
    if (!several.isEmpty()) {
        several.sort();
        o.insert(QStringLiteral("standsFor"), QJsonArray::fromStringList(several));
        // A bare word can end a hundred paths: the first ones and how to narrow.
        constexpr qsizetype kListed = 20;
        ctx.err << "; it stands for " << several.size() << " items:\n";
        for (const QString &n : several.first(std::min(kListed, several.size())))
            ctx.err << "  " << n << '\n';
        const QString file = several.first().section(QLatin1Char(':'), 0, 0);
        if (several.size() > kListed && file.endsWith(QLatin1String(".conf")))
            ctx.err << "  ... and " << several.size() - kListed << " more (JSON lists all; 'virt-support search "
                    << file << "' lists every option with its since)\n";
        else if (several.size() > kListed && isPattern(name))
            ctx.err << "  ... and " << several.size() - kListed << " more (JSON lists all; virt-support search \""
                    << name << "\" lists them with their since)\n";
        else if (several.size() > kListed)
            ctx.err << "  ... and " << several.size() - kListed
                    << " more (JSON lists all); give more of the path, e.g. "
                    << several.first().section(QLatin1Char('/'), -2) << '\n';
    } else if (isPattern(name)) {
        o.insert(QStringLiteral("standsFor"), QJsonArray());
        ctx.err << ": no name matches the pattern ('*' stands for any characters, '?' for one)\n";
    } else {
        // Names a typo away; else what a search finds (several words, a part).
        QString bare = name; // without a family scope ("api:virConectOpen")
        SearchQuery::familyScope(name, &bare);
        QList<SearchHit> hits = engine.nearest(bare, SearchQuery(), 5);
        const bool near = !hits.isEmpty();
        if (!near)
            hits = engine.search(SearchQuery::parse(name), 5);
        QStringList names;
        for (const auto &h : std::as_const(hits))
            names << engine.items().at(h.index).name;
        if (names.isEmpty()) // words of the item's name or text ("tpm backend")
            for (const ItemSummary &item : store.summariesOf(store.fullText(name, 5)))
                names << item.name;
        if (!names.isEmpty()) {
            o.insert(near ? QStringLiteral("nearest") : QStringLiteral("searchHits"), QJsonArray::fromStringList(names));
            ctx.err << (near ? "; nearest names:\n" : "; a search finds:\n");
            for (const QString &n : std::as_const(names))
                ctx.err << "  " << n << '\n';
        } else {
            ctx.err << '\n';
        }
    }
    if (json)
        emitJson(ctx, o, batch);
    return NotFound;
}

int showSymbolNode(Context &ctx, const Store &store, const QString &typed, const SymbolNode &node, bool json,
                   QJsonArray *batch)
{
    const ItemList functions = functionsOfNode(store, node);
    // A public node no function names: does any release have it?
    const QString missing =
        functions.isEmpty() && !node.isPrivate ? missingNodeMeaning(node, knownNeighbours(store, node)) : QString();
    if (json) {
        QJsonArray list;
        for (const Item &it : functions)
            list.append(QJsonObject{{QStringLiteral("name"), it.name}, {QStringLiteral("sinceText"), it.sinceRange().phrase()}});
        emitJson(ctx,
                 QJsonObject{{QStringLiteral("query"), typed},
                                             {QStringLiteral("found"), true},
                                             {QStringLiteral("symbolNode"),
                                              QJsonObject{{QStringLiteral("node"), node.node},
                                                          {QStringLiteral("library"), node.library},
                                                          {QStringLiteral("release"), node.release.toString()},
                                                          {QStringLiteral("private"), node.isPrivate},
                                                          {QStringLiteral("meaning"), symbolNodeMeaning(node)},
                                                          {QStringLiteral("functions"), list},
                                                          {QStringLiteral("missing"),
                                                           missing.isEmpty() ? QJsonValue() : QJsonValue(missing)}}}},
                 batch);
        return Ok;
    }
    ctx.out << symbolNodeMeaning(node) << ".\n";
    if (node.isPrivate)
        return Ok;
    if (functions.isEmpty()) {
        ctx.out << missing << ".\n";
        return Ok;
    }
    ctx.out << "Its functions (" << functions.size() << "):\n";
    for (const Item &it : functions)
        ctx.out << "  " << it.name.leftJustified(48) << ' ' << it.sinceRange().phrase() << '\n';
    return Ok;
}

// One NAME as typed: its answer in text, or its JSON (printed, or added to
// `batch` when several names are answered in one document). `engine` is
// built on the first name that needs it and kept for the next ones.
int showOne(Context &ctx, Store &store, std::optional<SearchEngine> &engine, const QString &given, bool json,
            bool allReleases, QJsonArray *batch)
{
    // Spaces around a pasted name are no part of it (they read as a case
    // difference below).
    const QString typed = given.trimmed();
    // "api:virConnectOpen", "config:log_level": the family scope search
    // takes; the rest is looked up among that family's items.
    QString name = typed;
    const QString family = SearchQuery::familyScope(typed, &name);
    const auto scoped = [&family](ItemList items) {
        if (!family.isEmpty())
            items.removeIf([&family](const Item &it) { return kindFamily(it.kind) != family; });
        return items;
    };
    ItemList found = scoped(store.itemsByName(name));
    if (found.isEmpty())
        found = scoped(store.itemsByKey(name));
    // How the item was found when `name` is not its own name.
    QJsonObject lookup;
    // "qemu.conf vnc_listen", "/etc/libvirt/qemu.conf:vnc_listen": the key.
    if (const QString key = found.isEmpty() ? configKeyForm(name) : QString(); !key.isEmpty() && key != name) {
        found = scoped(store.itemsByKey(key));
        if (!found.isEmpty()) {
            lookup = QJsonObject{{QStringLiteral("query"), name}, {QStringLiteral("via"), QStringLiteral("config-file")}};
            if (!json)
                ctx.out << "'" << name << "' is shown as " << key << " (a configuration option goes by FILE:OPTION)\n\n";
        }
    }
    if (found.isEmpty()) {
        // A former name (a renamed RPC procedure): the item under its current name, saying so.
        found = scoped(store.itemsByOtherName(name));
        if (!found.isEmpty()) {
            lookup = QJsonObject{{QStringLiteral("query"), name},
                                 {QStringLiteral("via"), QStringLiteral("former-name")}};
            if (!json)
                ctx.out << name << " is a former name of " << found.constLast().name << "\n\n";
        }
    }
    // A symbol version node from the loader's or the linker's error
    // ("version `LIBVIRT_7.1.0' not found (required by ./app)"): what it
    // means and its functions, not an item of its own. A versioned symbol
    // ("virDomainGetMessages@LIBVIRT_7.1.0") is its function (below).
    if (found.isEmpty() && (family.isEmpty() || family == QLatin1String("api")) &&
        versionedSymbolFunction(name).isEmpty())
        if (const std::optional<SymbolNode> node = symbolNodeIn(name))
            return showSymbolNode(ctx, store, name, *node, json, batch);
    // A taint reason as a ticket quotes it ("custom-argv", the guest log's
    // "Domain id=3 is tainted: custom-argv"): what it means and what sets it.
    if (found.isEmpty() && family.isEmpty())
        if (const TaintMentions taints = taintMentionsIn(name); !taints.isEmpty())
            return showTaintReasons(ctx, store, typed, taints, json, batch);
    QStringList givenOrder; // names shown in this order rather than by kind and identity
    QStringList several; // names a typed form stands for when it is not one
    QString hint;        // said with "no match"
    QJsonObject noMatchFacts; // and in its JSON: what the form was read as
    // libvirt's error numbers as a binding prints them ("virError(Code=42,
    // Domain=10, ...)", "error code 42"): the VIR_ERR_ and VIR_FROM_ values.
    if (found.isEmpty() && (family.isEmpty() || family == QLatin1String("api")))
        if (const auto numbers = errorNumbersIn(name)) {
            const ErrorNumberLookup e = lookUpErrorNumbers(store, *numbers);
            givenOrder = e.names;
            for (const QString &n : e.names)
                found += store.itemsByName(n);
            const QString unknown =
                e.unknown.isEmpty() ? QString()
                                    : QStringLiteral("; no indexed release has a value for ") + e.unknown.join(QStringLiteral(", "));
            if (found.isEmpty()) {
                hint = unknown.mid(2) + QStringLiteral("; values added after the indexed releases have no number in the "
                                                       "release history");
            } else {
                lookup = QJsonObject{{QStringLiteral("query"), name}, {QStringLiteral("via"), QStringLiteral("error-number")}};
                if (!e.unknown.isEmpty())
                    lookup.insert(QStringLiteral("unknown"), QJsonArray::fromStringList(e.unknown));
                if (!json)
                    ctx.out << "'" << name << "' is shown as " << e.names.join(QStringLiteral(", ")) << " (" << e.why
                            << unknown << ")\n\n";
            }
        }
    // libvirt's message for an error code, quoted from virsh or a log
    // ("error: Domain not found: no domain with matching name 'web1'").
    if (found.isEmpty() && hint.isEmpty())
        if (const QList<QuotedErrorMessage> quoted = quotedErrorMessages(store, name); !quoted.isEmpty()) {
            QStringList names, said;
            QJsonArray messages;
            for (const QuotedErrorMessage &q : quoted) {
                names << q.code;
                said << QStringLiteral("'%1'").arg(q.message);
                messages.append(QJsonObject{{QStringLiteral("code"), q.code}, {QStringLiteral("message"), q.message}});
                found += scoped(store.itemsByName(q.code));
            }
            givenOrder = names;
            if (!found.isEmpty()) {
                lookup = QJsonObject{{QStringLiteral("query"), name},
                                     {QStringLiteral("via"), QStringLiteral("error-message")},
                                     {QStringLiteral("errorMessages"), messages}};
                if (!json)
                    ctx.out << "'" << name << "' is shown as " << names.join(QStringLiteral(", ")) << " (libvirt's "
                            << (said.size() == 1 ? "message " : "messages ") << said.join(QStringLiteral(", "))
                            << (said.size() == 1 ? " for that error code" : " for those error codes") << ")\n\n";
            }
        }
    // "domain.rng", as a validation error names it: its documents' root.
    if (found.isEmpty() && hint.isEmpty() && (family.isEmpty() || family == QLatin1String("xml")))
        if (const SchemaFileLookup schema = lookUpSchemaFile(store, name); !schema.file.isEmpty()) {
            givenOrder = schema.roots;
            for (const QString &r : schema.roots) // the element, not the virsh command "capabilities"
                for (const Item &it : store.itemsByName(r))
                    if (it.kind == ItemKind::XmlElement)
                        found += it;
            if (found.isEmpty()) {
                hint = QStringLiteral("%1 is the schema of no document: a part other schemas include, or not "
                                      "libvirt's; the documents' schemas are %2")
                           .arg(schema.file, schema.schemaFiles.join(QStringLiteral(", ")));
                noMatchFacts.insert(QStringLiteral("schemaFile"), schema.file);
                noMatchFacts.insert(QStringLiteral("documentSchemas"), QJsonArray::fromStringList(schema.schemaFiles));
            } else {
                lookup = QJsonObject{{QStringLiteral("query"), name},
                                     {QStringLiteral("via"), QStringLiteral("schema-file")},
                                     {QStringLiteral("schemaFile"), schema.file}};
                if (!json)
                    ctx.out << "'" << name << "' is shown as " << schema.roots.join(QStringLiteral(", "))
                            << " (" << schema.file << " is the schema of the documents with that root)\n\n";
            }
        }
    if (found.isEmpty()) {
        if (!engine) {
            engine.emplace();
            engine->setItems(store.summaries());
        }
        // How people type it (another case, "virsh domstate", "<pstore>"):
        // the one item it stands for, saying so. Before the carried-API
        // rule below, which would take virdomaincreatexml for an API no
        // header declares.
        const SearchEngine::TolerantMatch t = engine->tolerantMatch(name);
        // Under a family scope, only a name of that family.
        const ItemList one = t.names.size() == 1 ? scoped(store.itemsByName(t.names.first())) : ItemList();
        const ItemList root = t.best.isEmpty() ? ItemList() : scoped(store.itemsByName(t.best));
        // "virsh list --frobnicate": the option no virsh has, said; so is a
        // tag's attribute no schema has for its element.
        const QString unknown =
            t.unknown.isEmpty() ? QString()
            : t.via == QLatin1String("tag-attributes")
                ? QStringLiteral("; no libvirt release's schema has ") + t.unknown.join(QStringLiteral(", "))
                : QStringLiteral("; no libvirt release's virsh has ") + t.unknown.join(QStringLiteral(", "));
        if (t.via == QLatin1String("tag-attributes") && !t.element.isEmpty()) {
            // <disk type='file' device='cdrom'>: what each attribute given
            // names, in that order, all of the element it was read as.
            givenOrder = t.names;
            for (const QString &n : t.names)
                found += scoped(store.itemsByName(n));
            lookup = QJsonObject{{QStringLiteral("query"), name},
                                 {QStringLiteral("via"), t.via},
                                 {QStringLiteral("element"), t.element}};
            if (!t.otherElements.isEmpty())
                lookup.insert(QStringLiteral("otherElements"), QJsonArray::fromStringList(t.otherElements));
            if (!t.unknown.isEmpty())
                lookup.insert(QStringLiteral("unknown"), QJsonArray::fromStringList(t.unknown));
            if (!json && !found.isEmpty())
                ctx.out << "'" << name << "' is shown as " << t.names.join(QStringLiteral(", "))
                        << (t.names.size() == 1 ? " (the tag's attribute, read in " : " (the tag's attributes, read in ")
                        << t.element
                        << (t.otherElements.isEmpty() ? QString()
                                                      : QStringLiteral("; also in: ") +
                                                            t.otherElements.join(QStringLiteral(", ")))
                        << unknown << ")\n\n";
        } else if (!one.isEmpty()) {
            found = one;
            lookup = QJsonObject{{QStringLiteral("query"), name}, {QStringLiteral("via"), t.via}};
            if (!t.unknown.isEmpty())
                lookup.insert(QStringLiteral("unknown"), QJsonArray::fromStringList(t.unknown));
            if (!json)
                ctx.out << "'" << name << "' is shown as " << t.names.first() << " ("
                        << (t.via == QLatin1String("case")           ? "names are case-sensitive"
                            : t.via == QLatin1String("call")         ? "a function goes by its name"
                            : t.via == QLatin1String("c-type") ? "a C type goes by its name, without struct, enum or union"
                            : t.via == QLatin1String("virsh-prefix") ? "virsh commands go by their own name"
                            : t.via == QLatin1String("virsh-command-line")
                                ? "a virsh command line: its command and options, values left out"
                            : t.via == QLatin1String("xml-path")     ? "the only XML item whose path ends so"
                            : t.via == QLatin1String("tag-value")    ? "the value the tag's attribute names"
                            : t.via == QLatin1String("wildcard")     ? "the only name the pattern matches"
                            : t.via == QLatin1String("symbol")       ? "the function of that library symbol"
                                                                     : "the only element of that name")
                        << unknown << ")\n\n";
        } else if (!root.isEmpty()) {
            // <domain>, <domain type='kvm'>: the domain document's root; the others are named.
            found = root;
            QStringList others = t.names;
            others.removeAll(t.best);
            // <disk>: the domain document's, not the backup's or snapshot's.
            const bool isRoot = !t.element.contains(QLatin1Char('/'));
            lookup = QJsonObject{{QStringLiteral("query"), name},
                                 {QStringLiteral("via"), isRoot ? QStringLiteral("root-element")
                                                                : QStringLiteral("domain-document")},
                                 {QStringLiteral("others"), QJsonArray::fromStringList(others)}};
            if (!json)
                ctx.out << "'" << name << "' is shown as " << t.best
                        << (t.via == QLatin1String("tag-value")
                                ? (isRoot ? " (the root element's value; also: " : " (the domain document's value; also: ")
                            : isRoot ? " (the root element of that name; also: "
                                     : " (the domain document's element of that name; also: ")
                        << others.join(QStringLiteral(", ")) << ")\n\n";
        } else if (t.names.size() > 1 && t.via == QLatin1String("virsh-command-line")) {
            // "virsh list --all --name": each option given, in that order.
            givenOrder = t.names;
            for (const QString &n : t.names)
                found += scoped(store.itemsByName(n));
            lookup = QJsonObject{{QStringLiteral("query"), name}, {QStringLiteral("via"), t.via}};
            if (!t.unknown.isEmpty())
                lookup.insert(QStringLiteral("unknown"), QJsonArray::fromStringList(t.unknown));
            if (!json && !found.isEmpty())
                ctx.out << "'" << name << "' is shown as " << t.names.join(QStringLiteral(", "))
                        << " (a virsh command line: its command and options, values left out" << unknown << ")\n\n";
        } else if (t.names.size() > 1) {
            several = t.names;
        }
        // A configuration file ("qemu.conf"): it stands for its options.
        if (const SearchQuery q = SearchQuery::parse(name); several.isEmpty() && !q.configFile.isEmpty() && q.text.isEmpty()) {
            engine->setConfigFiles(store.configFilesById());
            for (const SearchHit &h : engine->search(q, -1))
                several << q.configFile + QLatin1Char(':') + engine->items().at(h.index).name;
            several.removeDuplicates();
        }
    }
    // "qemu+ssh://host/system": no item, but a driver whose APIs search lists.
    if (found.isEmpty() && several.isEmpty() && hint.isEmpty() && name.contains(QLatin1String("://"))) {
        const QStringList drivers = driverIdsOf(engine->items());
        if (const ConnectionUri uri = connectionUriIn(name, QSet<QString>(drivers.cbegin(), drivers.cend())); uri.isUri) {
            hint = uri.hint();
            QJsonObject facts{{QStringLiteral("scheme"), uri.scheme}};
            if (!uri.transport.isEmpty())
                facts.insert(QStringLiteral("transport"), uri.transport);
            if (!uri.driver.isEmpty())
                facts.insert(QStringLiteral("driver"), uri.driver);
            noMatchFacts.insert(QStringLiteral("connectionUri"), facts);
        }
    }
    // libvirt-python's spelling (dom.messages(), libvirt.open): the C item
    // it calls, read from the binding.
    if (found.isEmpty() && several.isEmpty() && hint.isEmpty() && (family.isEmpty() || family == QLatin1String("api"))) {
        const PythonLookup py = lookUpPythonName(store, name);
        if (py.names.size() == 1) {
            found = scoped(store.itemsByName(py.names.first()));
            if (found.isEmpty()) {
                hint = py.why + QStringLiteral(": ") + py.names.first() + QStringLiteral(", which the index does not have");
            } else {
                lookup = py.lookup;
                if (!json)
                    ctx.out << "'" << name << "' is shown as " << py.names.first() << " (" << py.why << ")\n\n";
            }
        } else if (py.names.size() > 1) {
            several = py.names;
            // dom.create(): Python does not say what dom is.
            hint = QStringLiteral("libvirt-python has it in several classes: ") + py.bindings.join(QStringLiteral(", "));
        } else {
            hint = py.problem;
        }
    }
    if (found.isEmpty() && (family.isEmpty() || family == QLatin1String("api") || family == QLatin1String("rpc"))) {
        // An API name no header declares, carried by an RPC procedure
        // (virDomainMigratePerform3Params): the procedure answers.
        for (int i : engine->proceduresCarrying(name)) {
            const ItemSummary &proc = engine->items().at(i);
            const QString program =
                proc.name.left(proc.name.indexOf(QLatin1String("_PROC_"))).toLower();
            const Item item = store.item(proc.id);
            const QString apiKind = rpcApiKind(program, proc.name);
            if (!json)
                ctx.out << name
                        << (apiKind == QLatin1String("internal")
                                ? " is not a public API: it is an internal API"
                                : " is not in the indexed API: it is the API")
                        << " carried by " << item.name << " (" << item.identity() << ")\n\n";
            lookup = QJsonObject{{QStringLiteral("query"), name},
                                 {QStringLiteral("via"), QStringLiteral("carried-api")},
                                 {QStringLiteral("apiKind"), apiKind}};
            found.append(item);
        }
    }
    if (found.isEmpty())
        return reportNoMatch(ctx, store, *engine, typed, several, hint, noMatchFacts, json, batch);
    if (!family.isEmpty() && lookup.isEmpty())
        lookup = QJsonObject{{QStringLiteral("query"), typed}, {QStringLiteral("via"), QStringLiteral("family-scope")}};
    QHash<qint64, QString> releaseLabel;
    for (const auto &r : store.releasesWithHistory())
        releaseLabel.insert(r.id, r.label());
    // Without --all-releases: per kind, the item of the newest release that has it.
    ItemList shown;
    if (allReleases) {
        shown = found;
    } else {
        // Per item: kind and identity (log_level is an option of
        // libvirtd.conf, virtlockd.conf and virtlogd.conf: three items),
        // in a fixed order.
        std::map<std::pair<int, QString>, Item> latest;
        for (const auto &it : std::as_const(found))
            latest.insert_or_assign({int(it.kind), it.identity()}, it); // found is ordered by release
        for (auto &entry : latest) {
            Item &it = entry.second;
            // Package sets ship no .x files: an API's newest row may lack the
            // RPC procedures an older source-tree release linked; show those,
            // saying which release they come from.
            if (!it.attrs.contains(QStringLiteral("procedures"))) {
                for (auto older = found.crbegin(); older != found.crend(); ++older) {
                    if (older->kind == it.kind && older->attrs.contains(QStringLiteral("procedures"))) {
                        const QString from = releaseLabel.value(
                            older->attrs.value(QStringLiteral("_release")).toString().toLongLong());
                        it.attrs.insert(QStringLiteral("procedures"), older->attrs.value(QStringLiteral("procedures")));
                        it.attrs.insert(QStringLiteral("proceduresFrom"), from);
                        break;
                    }
                }
            }
            shown.append(it);
        }
    }
    if (!givenOrder.isEmpty())
        std::stable_sort(shown.begin(), shown.end(), [&givenOrder](const Item &a, const Item &b) {
            return givenOrder.indexOf(a.name) < givenOrder.indexOf(b.name);
        });
    // One answer per item, rendered as text or JSON (the GUI renders the same value).
    const auto answerFor = [&releaseLabel, &store](const Item &it) {
        ItemAnswer::Context context;
        context.parts = partsOf(store, it);
        context.sameNameElsewhere = sameNameElsewhere(store, it);
        context.releaseLabel = releaseLabel.value(it.attrs.value(QStringLiteral("_release")).toString().toLongLong());
        return ItemAnswer::of(it, context);
    };
    if (json) {
        QJsonArray a;
        for (const auto &it : std::as_const(shown)) {
            QJsonObject o = answerFor(it).toJson();
            if (!lookup.isEmpty())
                o.insert(QStringLiteral("lookup"), lookup);
            a.append(o);
        }
        emitJson(ctx, shown.size() == 1 ? QJsonValue(a.first()) : QJsonValue(a), batch);
        return Ok;
    }
    for (qsizetype i = 0; i < shown.size(); ++i) {
        if (i)
            ctx.out << '\n';
        ctx.out << answerFor(shown.at(i)).toText();
    }
    return Ok;
}

// "show virsh domstate --reason" typed without quotes: the words from
// "virsh" on are one virsh command line, as if quoted, and its options are
// not show's; show's own (--json, --all-releases, --help, --index FILE)
// are still taken wherever they stand.
QStringList virshLineAsOneName(const QStringList &args)
{
    const auto at = std::find(args.cbegin() + std::min<qsizetype>(1, args.size()), args.cend(), QLatin1String("virsh"));
    if (at == args.cend() || (at - args.cbegin() > 1 && *(at - 1) == QLatin1String("--index")))
        return args;
    QStringList out(args.cbegin(), at);
    QStringList line{*at};
    for (auto w = at + 1; w != args.cend(); ++w) {
        if (*w == QLatin1String("--json") || *w == QLatin1String("--all-releases") || *w == QLatin1String("-h") ||
            *w == QLatin1String("--help") || w->startsWith(QLatin1String("--index="))) {
            out << *w;
        } else if (*w == QLatin1String("--index") && w + 1 != args.cend()) {
            out << *w << *(w + 1);
            ++w;
        } else {
            line << *w;
        }
    }
    return out << line.join(QLatin1Char(' '));
}

} // namespace

int runShow(Context &ctx, const QStringList &args)
{
    QCommandLineParser p;
    const QCommandLineOption json(QStringLiteral("json"), QStringLiteral("Print JSON."));
    const QCommandLineOption all(QStringLiteral("all-releases"),
                                 QStringLiteral("Show the item in every indexed release, not only the newest."));
    p.addOptions({json, all});
    p.addPositionalArgument(QStringLiteral("NAME"),
                            QStringLiteral("Exact name (virConnectOpen, domain/devices/disk/driver@cache, "
                                           "REMOTE_PROC_DOMAIN_CREATE_XML) or identity (remote/1). Several "
                                           "NAMEs: each answered in turn (JSON: an array of the answers, in order)."),
                            QStringLiteral("NAME [NAME...]"));
    if (int rc = parseOrExit(ctx, p, virshLineAsOneName(args), "show",
                             "Everything about one item: tier and its rule, since with evidence, taint, "
                             "hypervisor, where it is defined and its summary.");
        rc >= 0)
        return rc;
    QStringList names = p.positionalArguments();
    if (names.isEmpty()) {
        ctx.err << "virt-support show: give a NAME\n";
        return Usage;
    }
    Store store;
    if (int rc = openIndex(ctx, store); rc != Ok)
        return rc;
    std::optional<SearchEngine> engine;
    if (names.size() == 1)
        return showOne(ctx, store, engine, names.first(), p.isSet(json), p.isSet(all), nullptr);
    // Several names: each answer in turn with a blank line between them, or
    // one JSON array holding, in order, what `show --json NAME` prints for
    // each. The exit code is the worst of them (1 when a name found nothing).
    QJsonArray batch;
    int worst = Ok;
    bool said = false;
    for (const QString &name : std::as_const(names)) {
        // Each answer apart, so that a name that found nothing (said on
        // stderr) leaves no empty block.
        QString text;
        QTextStream buffer(&text);
        Context one{buffer, ctx.err, ctx.indexPath};
        worst = std::max(worst, showOne(one, store, engine, name, p.isSet(json), p.isSet(all),
                                        p.isSet(json) ? &batch : nullptr));
        buffer.flush();
        if (text.isEmpty())
            continue;
        if (std::exchange(said, true))
            ctx.out << '\n';
        ctx.out << text;
    }
    if (p.isSet(json))
        ctx.out << QJsonDocument(batch).toJson(QJsonDocument::Indented);
    return worst;
}

} // namespace vse::cli
