#include "cli.h"

#include "check/checkreport.h"
#include "check/domainxmlchecker.h"
#include "check/libxmlmemory.h"
#include "check/targetschemacheck.h"
#include "index/indexednavigator.h"
#include "io/hugepageheap.h"
#include "model/policy.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QHash>
#include <QTextStream>
#include <QThread>

#include <algorithm>
#include <atomic>
#include <mutex>
#include <thread>
#include <unordered_map>

namespace vse::cli {

namespace {

// The schemas of the newest indexed release that has any.
QString schemaDirOf(const Store &store)
{
    const auto source = store.schemaSource();
    return source ? source->dir : QString();
}

// The index keeps the navigator of the schemas check-xml uses by default
// (written at index time, up to date with the files as the index is):
// taking it saves reading and walking every schema file on each run.
void useIndexedNavigator(const Store &store, const QString &schemaDir)
{
    if (std::optional<IndexedNavigator> indexed = indexedNavigator(store, schemaDir); indexed && !indexed->navigator.isEmpty())
        provideSchemaNavigator(schemaDir, std::move(indexed->navigator));
}

// The XML items of the newest indexed release, read from the index when a
// document first asks for one, then kept (documents share most paths: the
// 973 domains of libvirt 7.0.0's test suite use a few thousand paths, values
// included; reading every XML item of the release up front costs more).
// Files are checked in parallel: each worker thread keeps its own table of
// the paths it has asked for, so the lookups of every attribute of every
// node take no lock; only a path this thread has not met yet goes to the
// shared table (under the mutex) and, if no thread has read it yet, to the
// index. (A QReadWriteLock taken for every lookup kept the two workers
// waiting on each other.)
class XmlItemsOfNewest
{
public:
    // `earlierValues`: also the history's rows of values enumerated only
    // before the indexed release (for a target release; an extra query per
    // unlisted value, not paid by a check without one).
    XmlItemsOfNewest(const Store &store, bool earlierValues) : m_store(store), m_earlierValues(earlierValues)
    {
        const auto releases = store.releases();
        if (!releases.isEmpty())
            m_release = releases.constLast().id;
        if (const auto h = store.historyRelease())
            m_history = h->id;

    }
    const Item *find(const QString &path)
    {
        // Tagged with the table it caches: a second table (another run in
        // this process) must not see the first one's pointers.
        struct Local
        {
            quint64 owner = 0;
            QHash<QString, const Item *> items;
        };
        static thread_local Local local;
        if (local.owner != m_id) {
            local.owner = m_id;
            local.items.clear();
        }
        if (const auto it = local.items.constFind(path); it != local.items.constEnd())
            return *it;
        const Item *found = findShared(path);
        local.items.insert(path, found);
        return found;
    }

private:
    const Item *findShared(const QString &path)
    {
        {
            const std::lock_guard<std::mutex> locked(m_lock);
            if (const auto it = m_items.find(path); it != m_items.end())
                return it->second ? &*it->second : nullptr;
        }
        // Read (and decoded, most of a lookup's cost) outside the lock, on
        // this thread's own connection: the first documents of a batch ask
        // for new paths on every thread at once. Should two threads read one
        // path, the first answer is kept.
        std::optional<Item> found = read(path);
        const std::lock_guard<std::mutex> locked(m_lock);
        const auto it = m_items.emplace(path, std::move(found)).first; // node-based: pointers stay valid
        return it->second ? &*it->second : nullptr;
    }

    std::optional<Item> read(const QString &path)
    {
        if (m_release == 0)
            return std::nullopt;
        const auto readFrom = [&](const Store &store) {
            std::optional<Item> found = store.xmlItemOrNewer(path, m_release, m_history);
            // An enumerated value the indexed release no longer lists (its
            // attribute takes text now): the history's row says when it was
            // one (os/type@machine=s390-ccw-virtio: 1.0.4 - 1.2.14), which
            // an older target may predate. Only values: other misses stay
            // misses, and a value is asked for once per batch.
            if (!found && m_earlierValues && m_history != 0 && path.contains(QLatin1Char('=')))
                for (Item &item : store.itemsByName(path, m_history))
                    if (item.kind == ItemKind::XmlValue && item.attrs.contains(QStringLiteral("removedIn")))
                        found = std::move(item);
            return found;
        };
        if (Connection *own = ownConnection())
            return readFrom(own->fresh());
        const std::lock_guard<std::mutex> locked(m_storeLock);
        return readFrom(m_home.fresh());
    }

    // A connection that keeps its read lock between lookups (no locking of
    // the file per query), renewed every second so that an update of the
    // index in place is not kept waiting for long.
    struct Connection
    {
        const Store *store = nullptr;
        QElapsedTimer held;
        const Store &fresh()
        {
            if (!held.isValid() || held.elapsed() > 1000) {
                store->holdReadLock();
                held.start();
            }
            return *store;
        }
    };


    // Another connection to the index for each thread but the caller's (a
    // SQLite connection serves one thread at a time); null on the caller's
    // thread, or when it cannot be opened: the caller's Store then serves,
    // under its lock.
    Connection *ownConnection()
    {
        if (std::this_thread::get_id() == m_homeThread)
            return nullptr;
        struct Own
        {
            quint64 owner = 0;
            std::unique_ptr<Store> store;
            Connection connection;
        };
        static thread_local Own own;
        if (own.owner != m_id) {
            own.owner = m_id;
            own.store = std::make_unique<Store>();
            own.connection = {};
            Diagnostics ignored;
            if (own.store->open(m_store.path(), &ignored))
                own.connection.store = own.store.get();
            else
                own.store.reset();
        }
        return own.store ? &own.connection : nullptr;
    }

    static inline std::atomic<quint64> s_nextId{1};
    const quint64 m_id = s_nextId++;
    const Store &m_store;
    const std::thread::id m_homeThread = std::this_thread::get_id();
    Connection m_home{&m_store, {}}; // under m_storeLock
    qint64 m_release = 0;
    qint64 m_history = 0; // the release history's rows, for items newer than m_release
    const bool m_earlierValues;
    std::mutex m_lock;      // the shared table
    std::mutex m_storeLock; // m_store, when another thread has no connection of its own
    std::unordered_map<QString, std::optional<Item>> m_items;
};

// One file's check and its verdict, both made on a worker thread; in a
// text batch also its report, rendered there (the summary is then dropped).
struct Checked
{
    XmlCheckReport report;
    CheckReport summary;
    QString text;
};

// Checks every input on all cores: the calling thread and one more thread
// per further core each take the next file as they become free (files
// differ a lot in size, so fixed shares would leave a core idle at the end).
QList<Checked> checkAll(const QList<InputFile> &inputs, const std::function<Checked(const InputFile &)> &checkOne)
{
    QList<Checked> results(inputs.size());
    Checked *out = results.data(); // written by index, never resized while the threads run
    std::atomic<qsizetype> next{0};
    const auto work = [&] {
        for (qsizetype i; (i = next++) < inputs.size();)
            out[i] = checkOne(inputs.at(i));
    };
    const qsizetype threads = std::clamp<qsizetype>(QThread::idealThreadCount(), 1, inputs.size());
    std::vector<std::thread> others;
    for (qsizetype t = 1; t < threads; ++t)
        others.emplace_back([&] {
            useHugePagesForThisThread();
            const LibxmlBlockCache blocks;
            work();
        });
    work();
    for (std::thread &t : others)
        t.join();
    return results;
}

// Worst first: unreadable, invalid or too new, may be too new, tainted,
// namespace extensions, supported as is.
int severity(int rc)
{
    switch (rc) {
    case InputError:
        return 5;
    case NotFound:
        return 4;
    case Uncertain:
        return 3;
    case Tainted:
        return 2;
    case Extensions:
        return 1;
    default:
        return 0;
    }
}

int exitCodeOf(const CheckVerdict &verdict)
{
    switch (verdict.kind) {
    case CheckVerdict::NotChecked:
        return InputError;
    case CheckVerdict::Invalid:
    case CheckVerdict::TooNew:
        return NotFound;
    case CheckVerdict::MaybeTooNew:
        return Uncertain;
    case CheckVerdict::Tainted:
        return Tainted;
    case CheckVerdict::NamespaceExtensions:
        return Extensions;
    case CheckVerdict::Supported:
        break;
    }
    return Ok;
}

QJsonObject reportJson(const XmlCheckReport &report, const CheckReport &summary, Version max, int rc)
{
    QJsonObject o = report.toJson();
    const QJsonObject grouped = summary.toJson();
    for (auto it = grouped.begin(); it != grouped.end(); ++it)
        o.insert(it.key(), it.value());
    // Kept for scripts: about validity and the target release only; the
    // verdict says whether the document is supported as is.
    const bool forTarget = report.cleanFor(max);
    o.insert(QStringLiteral("cleanForTarget"), forTarget && !report.uncertainFor(max));
    o.insert(QStringLiteral("target"), !forTarget                ? QStringLiteral("too-new-or-invalid")
                                       : report.uncertainFor(max) ? QStringLiteral("maybe-too-new")
                                                                  : QStringLiteral("supported"));
    if (max.isValid())
        o.insert(QStringLiteral("maxVersion"), max.toString());
    o.insert(QStringLiteral("exitCode"), rc);
    return o;
}

QString factsOf(const NodeFindings &n, const Version &max)
{
    const QStringList facts = n.facts(max);
    return facts.isEmpty() ? QString() : QStringLiteral("  [") + facts.join(QStringLiteral(", ")) + QLatin1Char(']');
}

// The verdict line first, what each taint means, then one line per node.
// `batch`: one of several files, whose summary says once what a verdict for
// an older target rests on.
void printReport(QTextStream &out, const CheckReport &report, Version max, bool all, bool batch = false)
{
    const Policy &policy = Policy::instance();
    out << report.file << ": " << report.verdict.text() << '\n';
    for (const QString &t : report.verdict.taints)
        out << "  Taint: " << t << " \u2014 " << policy.taintReason(t).meaning
                << (report.verdict.recorded.contains(t)
                        ? QStringLiteral(" (") + CheckVerdict::recordedText(report.verdict.recorded.value(t)) + QLatin1Char(')')
                    : report.verdict.conditions.contains(t) ? QStringLiteral(" (libvirt taints ") +
                                                                report.verdict.conditions.value(t) + QLatin1Char(')')
                                                          : QString())
                << '\n';
    if (const auto &status = report.status) {
        out << "  Status file of an active guest"
            << (status->state.isEmpty() ? QString() : QStringLiteral(" (state: ") + status->state + QLatin1Char(')'))
            << ": its <domain>, from line " << status->firstLine << ", is what was checked\n";
        if (!status->setAside.isEmpty())
            out << "  Set aside before validation, as libvirt writes them only into status files: "
                << status->setAside.join(QStringLiteral(", ")) << '\n';
        for (const DomainStatus::Line &d : status->deprecations)
            out << "  Deprecated, libvirt's record (line " << d.line << "): " << d.text << '\n';
    }
    if (!report.verdict.hypervisors.isEmpty())
        out << "  Namespace extensions: " << policy.tier(QStringLiteral("namespace-extension")).rule << '\n';
    out << "  Validated against " << report.schema << ": " << (report.valid ? "valid" : "INVALID") << '\n';
    // What a verdict for an older target rests on, said with every single
    // file (a batch's summary says it once): the since of each node, or that
    // release's own schema.
    if (max.isValid() && report.verdict.targetSchema.isEmpty()) {
        if (!batch)
            out << "  Target " << max.toString() << ": judged per item (each element, attribute and value existed by "
                << "then); not validated against its own schema, whose required attributes, value patterns and ties "
                   "between attributes may still reject it (--target-schemas DIR)\n";
    } else if (max.isValid() && report.verdict.targetSchema != report.schema) {
        out << "  Validated against libvirt " << max.toString() << "'s " << report.verdict.targetSchema << ": "
            << (report.verdict.targetErrors == 0 ? "valid" : "REJECTED") << '\n';
    }
    for (const NodeFindings &n : report.nodes) {
        if (!all && !n.notable())
            continue;
        out << "  line " << QString::number(n.line).leftJustified(5) << ' ';
        if (n.path.isEmpty()) {
            out << "schema error: " << n.problems.join(QStringLiteral("; ")) << '\n';
            continue;
        }
        out << n.path << (n.value.isEmpty() ? QString() : QLatin1Char('=') + n.value) << factsOf(n, max)
                << '\n';
        for (const QString &p : n.problems)
            out << "             " << p << '\n';
    }
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
    const QCommandLineOption targetSchemas(
        QStringLiteral("target-schemas"),
        QStringLiteral("With --max-version: also validate against the target release's own schemas, a folder of "
                       ".rng files or a libvirt source tree of that release (docs/schemas, src/conf/schemas). "
                       "Without it the target is judged per item, unless an indexed release is the target."),
        QStringLiteral("DIR"));
    const QCommandLineOption json(QStringLiteral("json"), QStringLiteral("Print JSON."));
    const QCommandLineOption all(QStringLiteral("all"), QStringLiteral("Also list every stable item the file uses."));
    p.addOptions({maxVersion, schemas, targetSchemas, json, all});
    p.addPositionalArgument(
        QStringLiteral("FILE"),
        QStringLiteral("Libvirt XML documents (domain, network, ..., a guest's status file) or folders (their *.xml "
                       "files, not recursive)."),
        QStringLiteral("FILE|FOLDER..."));
    if (int rc = parseOrExit(
            ctx, p, args, "check-xml",
            "Validate libvirt XML files against the schema (real RelaxNG validation) and give a "
            "verdict first: supported as is, supported but tainted (which taints, what they mean), "
            "uses namespace extensions, may be too new / too new for --max-version, invalid, or "
            "not checked. For --max-version V the verdict rests on the since of each node (an "
            "element, attribute or value newer than V is too new), which cannot see what V's own "
            "schema required or tied together; --target-schemas DIR (or an indexed release V) "
            "validates against V's schema as well, and its errors make the document too new. "
            "Then the findings, one line per node of the document (element or "
            "attribute with its value): taints, namespace extension, tier, since; --all also lists "
            "plain uses of stable items. A guest's status file (<domstatus>, run/libvirt/qemu/NAME.xml) "
            "is checked by its <domain>; the taints libvirt recorded there taint the verdict. "
            "Files are treated as untrusted: no network, no external "
            "entities, bounded size. Several files or folders are checked in parallel: a verdict "
            "per file, then a summary; --json is then one document {files: [per-file object with "
            "exitCode], checked, clean, tainted, namespaceExtensions, maybeTooNew, notClean, "
            "notChecked, exitCode}. Exit code (several files: the worst, in this order): 3 a file "
            "cannot be read or is refused, 1 invalid or too new, 5 only 'may be too new' "
            "findings (since ranges containing the target), 6 tainted, 7 namespace extensions "
            "without a taint, 0 supported as is.");
        rc >= 0)
        return rc;
    if (p.positionalArguments().isEmpty()) {
        ctx.err << "virt-support check-xml: give a FILE or a FOLDER\n";
        return Usage;
    }
    Version max;
    if (p.isSet(maxVersion) && !parseRelease(ctx, "check-xml", p.value(maxVersion), &max))
        return Usage;
    Store store;
    if (int rc = openIndex(ctx, store); rc != Ok)
        return rc;
    if (max.isValid())
        noteIfBeyondKnown(ctx, "check-xml", store, max);
    const QString schemaDir = p.isSet(schemas) ? p.value(schemas) : schemaDirOf(store);
    if (schemaDir.isEmpty()) {
        ctx.err << "virt-support check-xml: no indexed release has XML schemas; index one with "
                   "'virt-support index --source PATH' or pass --schemas DIR\n";
        return InputError;
    }
    // libxml2 compiles the schema on the other core while the index, the
    // navigator and the first document are read here.
    // Each document's parse and validation allocate and free a few MB, the
    // schema's compile more: kept, not given back between documents, and
    // on huge pages (io/hugepageheap.h).
    useHugePagesForHeap();
    // libxml2's small blocks reused on this thread (check/libxmlmemory.h).
    const LibxmlBlockCache blocks;
    const std::jthread ahead = compileLikelySchemaAhead(schemaDir, p.positionalArguments().constFirst());
    QString targetSchemaDir;
    if (p.isSet(targetSchemas)) {
        if (!max.isValid()) {
            ctx.err << "virt-support check-xml: --target-schemas needs --max-version (the release they are of)\n";
            return Usage;
        }
        targetSchemaDir = targetSchemaDirOf(p.value(targetSchemas));
        if (targetSchemaDir.isEmpty()) {
            ctx.err << "virt-support check-xml: " << p.value(targetSchemas)
                    << ": no .rng files there (nor in docs/schemas or src/conf/schemas)\n";
            return InputError;
        }
    } else if (max.isValid()) {
        // An indexed source tree of the target release has its schemas.
        if (const auto source = store.schemaSource(max); source && source->release.version == max)
            targetSchemaDir = source->dir;
    }
    const bool showAll = p.isSet(all);
    useIndexedNavigator(store, schemaDir);

    // One FILE keeps its output of old; several, or a folder, get a verdict
    // per file and a summary. Files are checked in parallel (each schema is
    // compiled once per process); output follows the order given.
    const QList<InputFile> inputs = collectInputs(p.positionalArguments(), {QStringLiteral("*.xml")});
    const bool batch = inputs.size() > 1 || QFileInfo(p.positionalArguments().constFirst()).isDir();
    // Read from the index as documents ask. CLI-only on purpose: the items
    // and the reports below are never freed, because runCheckXml() runs once
    // per process and main() ends it right after the output (std::_Exit, see
    // there); freeing a batch's findings one QString at a time would only
    // add to its run time. Code that checks XML inside a longer-lived
    // process (the GUI) owns and frees what it makes.
    auto &items = *new XmlItemsOfNewest(store, max.isValid());
    const ItemLookup lookup = [&items](const QString &path) -> const Item * {
        return items.find(path);
    };
    // What each path of the documents maps to, worked out once for the batch.
    // The text without --all lists only notable nodes: plain uses of stable
    // items are then not even made into findings (most of a document's).
    const bool asJson = p.isSet(json);
    auto &memo = *new XmlUsageMemo(!asJson && !showAll);
    const std::function<Checked(const InputFile &)> checkOne = [&](const InputFile &in) {
        Checked c;
        if (!in.problem.isEmpty()) {
            c.report.file = in.file;
            c.report.diagnostics.append(Diagnostic::error(in.file, 0, in.problem));
        } else {
            c.report = checkXml(in.file, schemaDir, lookup, max, &memo, targetSchemaDir);
        }
        // Only --json prints the findings themselves; the text output is
        // made from the summary, which then takes their texts, and they are
        // dropped here, on the worker, their memory serving the next file.
        if (asJson) {
            c.summary = CheckReport::of(c.report, max);
        } else {
            c.summary = CheckReport::of(std::move(c.report), max);
            c.report.findings = {};
        }
        // A text batch renders each report here too, in parallel, and keeps
        // only the text and the verdict (an unchecked file's diagnostics
        // are printed by the main thread, on standard error).
        if (batch && !asJson && exitCodeOf(c.summary.verdict) != InputError) {
            QTextStream text(&c.text);
            printReport(text, c.summary, max, showAll, true);
            text.flush();
            c.summary.nodes = {};
        }
        return c;
    };
    // libxml2 and the schema index are set up on this thread first.
    if (inputs.size() > 1) {
        prepareParallelChecks(schemaDir, targetSchemaDir);
    }
    const QList<Checked> &checked = *new QList<Checked>(
        inputs.size() == 1 ? QList<Checked>{checkOne(inputs.constFirst())} : checkAll(inputs, checkOne));
    if (!batch) {
        const XmlCheckReport &report = checked.constFirst().report;
        const CheckReport &summary = checked.constFirst().summary;
        const int rc = exitCodeOf(summary.verdict);
        if (rc == InputError) {
            printDiagnostics(ctx, report.diagnostics);
            return rc;
        }
        if (p.isSet(json))
            ctx.out << QJsonDocument(reportJson(report, summary, max, rc)).toJson(QJsonDocument::Indented);
        else
            printReport(ctx.out, summary, max, showAll);
        return rc;
    }

    int worst = Ok;
    int counts[6] = {0, 0, 0, 0, 0, 0}; // by severity: supported ... not checked
    QJsonArray files;
    for (qsizetype i = 0; i < checked.size(); ++i) {
        const XmlCheckReport &report = checked.at(i).report;
        const CheckReport &summary = checked.at(i).summary;
        const int rc = exitCodeOf(summary.verdict);
        if (severity(rc) > severity(worst))
            worst = rc;
        ++counts[severity(rc)];
        if (rc == InputError)
            printDiagnostics(ctx, report.diagnostics);
        if (p.isSet(json)) {
            QJsonObject o;
            if (rc == InputError) {
                QJsonArray problems;
                for (const auto &d : report.diagnostics)
                    problems.append(d.toString());
                o = QJsonObject{{QStringLiteral("file"), report.file},
                                {QStringLiteral("target"), QStringLiteral("not-checked")},
                                {QStringLiteral("verdict"), summary.verdict.toJson()},
                                {QStringLiteral("problems"), problems},
                                {QStringLiteral("exitCode"), rc}};
            } else {
                o = reportJson(report, summary, max, rc);
            }
            files.append(o);
            continue;
        }
        if (i)
            ctx.out << '\n';
        if (rc == InputError)
            ctx.out << report.file << ": " << summary.verdict.text() << '\n';
        else
            ctx.out << checked.at(i).text;
    }
    if (p.isSet(json)) {
        QJsonObject o{{QStringLiteral("files"), files},
                      {QStringLiteral("checked"), int(checked.size())},
                      {QStringLiteral("clean"), counts[0]},
                      {QStringLiteral("namespaceExtensions"), counts[1]},
                      {QStringLiteral("tainted"), counts[2]},
                      {QStringLiteral("maybeTooNew"), counts[3]},
                      {QStringLiteral("notClean"), counts[4]},
                      {QStringLiteral("notChecked"), counts[5]},
                      {QStringLiteral("exitCode"), worst}};
        if (max.isValid())
            o.insert(QStringLiteral("maxVersion"), max.toString());
        ctx.out << QJsonDocument(o).toJson(QJsonDocument::Indented);
        return worst;
    }
    ctx.out << "\nChecked " << checked.size() << " files: " << counts[0] << " supported as is, " << counts[2]
            << " tainted, " << counts[1] << " namespace extensions, " << counts[3] << " may be too new, "
            << counts[4] << " invalid or too new, " << counts[5] << " not checked (exit " << worst << ")\n";    if (max.isValid() && targetSchemaDir.isEmpty())
        ctx.out << "Target " << max.toString() << ": judged per item (each element, attribute and value existed by "
                << "then); not validated against its own schema, whose required attributes, value patterns and ties "
                << "between attributes may still reject a file (--target-schemas DIR)\n";
    return worst;
}

} // namespace vse::cli
