#include "historybuilder.h"

#include "extract/drivers/driversupport.h"

#include "io/confinedfile.h"

#include <QJsonArray>

#include "releasemerger.h"
#include "releasereader.h"
#include "xmlresolver.h"

#include "extract/schema/docsinceextractor.h"
#include "extract/xdr/protocolextractor.h"
#include "extract/xdr/rpcapilink.h"
#include "model/releaseseries.h"

#include <QDir>
#include <QDirIterator>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QMap>
#include <QProcess>
#include <QRegularExpression>
#include <QSet>
#include <QSaveFile>
#include <QTemporaryDir>
#include <QThreadPool>
#include <QtConcurrent/QtConcurrentMap>
#include <algorithm>
#include <memory>

namespace vse {

namespace {

const QString &kOwnSince = HistoryPack::kOwnSince;

constexpr qint64 kMaxBlob = SourceRoot::kMaxFileSize;

struct Input
{
    int index = 0;
    Version version;
    QString tag; // a git tag, or empty for a folder
    QString dir; // a folder read in place
    QString source;
};

struct CompactItem
{
    QString identity;
    ItemKind kind;
    QString key, name, parent, origin, file;
    int line = 0;
    QJsonObject attrs;
};

// A documentation "Since" note attributed to an item of one release.
struct DocNote
{
    QString identity;
    ItemKind kind;
    Version version;
    QString at;     // "docs/formatdomain.rst:7784"
    QString source; // "rst" or "html.in"
};

struct ReleaseData
{
    int index = 0;
    HistoryRelease release;
    QList<CompactItem> items;
    Diagnostics notes; // warnings about this release, already naming it
    QList<DocNote> docs;
    // Top-level schema files (relative paths) that did not read while the
    // rest of the XML data did: their roots are found once every release is
    // merged (from the releases where these files read).
    QStringList partialXmlFiles;
    QString label; // "v0.7.1", for notes
    qint64 ms = 0;
    // The element graph of a release with complete XML data, kept only while
    // building: it says whether a path of another release still resolves.
    std::shared_ptr<const XmlResolver> xml;
};

struct State
{
    QHash<QString, int> byIdentity;
    QList<HistoryEntry> entries;
    QList<HistoryRelease> releases;
    QList<std::shared_ptr<const XmlResolver>> xml; // per release, null without XML data
    QList<QList<DocNote>> docs;                    // per release
    QList<QStringList> partialXmlFiles;            // per release
    QStringList labels;                            // per release
    QHash<QString, QSet<QString>> xmlRootsOfFile;  // "docs/schemas/secret.rng" -> {"secret"}
    // Per release: each configuration file it shows -> the folder it was read
    // from ("libvirtd.conf" -> "daemon").
    QList<QHash<QString, QString>> configFolders;
    Diagnostics notes;
};

QProcessEnvironment gitEnvironment()
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    for (const char *v : {"GIT_DIR", "GIT_WORK_TREE", "GIT_INDEX_FILE", "GIT_OBJECT_DIRECTORY",
                          "GIT_ALTERNATE_OBJECT_DIRECTORIES", "GIT_CONFIG_PARAMETERS"})
        env.remove(QString::fromLatin1(v));
    env.insert(QStringLiteral("GIT_TERMINAL_PROMPT"), QStringLiteral("0"));
    env.insert(QStringLiteral("LC_ALL"), QStringLiteral("C"));
    return env;
}

// Runs one git plumbing command in the repository; hooks and fsmonitor off.
bool runGit(const QString &repo, const QStringList &args, QByteArray *out, QString *error,
            const QByteArray &input = {})
{
    QProcess p;
    p.setProcessEnvironment(gitEnvironment());
    QStringList full{QStringLiteral("-c"), QStringLiteral("core.hooksPath=/dev/null"),
                     QStringLiteral("-c"), QStringLiteral("core.fsmonitor=false"),
                     QStringLiteral("-C"), repo};
    full << args;
    p.start(QStringLiteral("git"), full);
    if (!p.waitForStarted(30000)) {
        *error = QStringLiteral("cannot run git: %1").arg(p.errorString());
        return false;
    }
    if (!input.isEmpty())
        p.write(input);
    p.closeWriteChannel();
    // Ten minutes is far more than any plumbing command here needs.
    if (!p.waitForFinished(600000) || p.exitStatus() != QProcess::NormalExit || p.exitCode() != 0) {
        if (p.state() != QProcess::NotRunning) {
            p.kill();
            p.waitForFinished();
        }
        *error = QStringLiteral("git %1 failed: %2")
                     .arg(args.constFirst(),
                          QString::fromUtf8(p.readAllStandardError()).trimmed().left(300));
        return false;
    }
    *out = p.readAllStandardOutput();
    return true;
}

// The files the extractors read, by path in the tree.
bool wantedPath(const QString &p)
{
    if (p.startsWith(QLatin1Char('/')) || p.split(QLatin1Char('/')).contains(QStringLiteral("..")))
        return false;
    const qsizetype slashes = p.count(QLatin1Char('/'));
    if (p.startsWith(QLatin1String("include/libvirt/")) && slashes == 2)
        return true;
    if (p.startsWith(QLatin1String("src/")) && slashes == 1 && p.endsWith(QLatin1String(".syms")))
        return true;
    // The public functions' own doc blocks (their Since tags), and libvirt-
    // admin's version script, which moved to src/admin/ in 2.0.0.
    if (p.startsWith(QLatin1String("src/libvirt")) && slashes == 1 && p.endsWith(QLatin1String(".c")))
        return true;
    if (p == QLatin1String("src/admin/libvirt-admin.c") || p == QLatin1String("src/admin/libvirt_admin_public.syms"))
        return true;
    if (p.endsWith(QLatin1String(".x")))
        return true;
    if ((p.startsWith(QLatin1String("docs/schemas/")) ||
         p.startsWith(QLatin1String("src/conf/schemas/"))) &&
        p.endsWith(QLatin1String(".rng")))
        return true;
    // The format documentation, for its "Since" notes.
    if (p.startsWith(QLatin1String("docs/format")) && slashes == 1 &&
        (p.endsWith(QLatin1String(".rst")) || p.endsWith(QLatin1String(".html.in"))))
        return true;
    // virsh's command tables, the daemons' configuration files and lenses,
    // and the error messages (VirshExtractor, ConfigExtractor, ErrorMessages).
    if (p.startsWith(QLatin1String("tools/")) && slashes == 1) {
        const QString n = p.mid(6);
        if ((n.startsWith(QLatin1String("virsh")) || n == QLatin1String("vsh.c") || n == QLatin1String("vsh.h")) &&
            (n.endsWith(QLatin1String(".c")) || n.endsWith(QLatin1String(".h"))) && !n.contains(QLatin1String("completer")))
            return true;
    }
    if ((p.startsWith(QLatin1String("src/")) || p.startsWith(QLatin1String("daemon/")) ||
         p.startsWith(QLatin1String("qemud/"))) &&
        (p.endsWith(QLatin1String(".conf")) || p.endsWith(QLatin1String(".conf.in")) ||
         p.endsWith(QLatin1String(".aug")) || p.endsWith(QLatin1String(".aug.in"))))
        return true;
    if (p == QLatin1String("src/util/virerror.c") || p == QLatin1String("src/util/virterror.c") ||
        p == QLatin1String("src/virterror.c"))
        return true;
    return p == QLatin1String("configure.ac") || p == QLatin1String("configure.in") ||
           p == QLatin1String("meson.build");
}

// Writes the wanted regular files of TAG under dir. Symlinks, submodules and
// anything else are skipped.
bool materialize(const QString &repo, const QString &tag, const QString &dir, bool *generatedHeader,
                 QString *error)
{
    QByteArray listing;
    if (!runGit(repo,
                {QStringLiteral("ls-tree"), QStringLiteral("-r"), QStringLiteral("-z"),
                 QStringLiteral("--full-tree"), QStringLiteral("refs/tags/") + tag},
                &listing, error))
        return false;
    QStringList paths;
    QByteArray request;
    for (const QByteArray &rec : listing.split('\0')) {
        const qsizetype tab = rec.indexOf('\t');
        if (tab < 0)
            continue;
        const QList<QByteArray> meta = rec.first(tab).split(' ');
        const QString path = QString::fromUtf8(rec.sliced(tab + 1));
        if (meta.size() != 3 || meta[1] != "blob" ||
            !(meta[0] == "100644" || meta[0] == "100755") || !wantedPath(path))
            continue;
        paths << path;
        request += meta[2] + '\n';
    }
    QByteArray blobs;
    if (!paths.isEmpty() && !runGit(repo, {QStringLiteral("cat-file"), QStringLiteral("--batch")},
                                    &blobs, error, request))
        return false;
    qsizetype pos = 0;
    for (const QString &path : std::as_const(paths)) {
        const qsizetype eol = blobs.indexOf('\n', pos);
        if (eol < 0) {
            *error = QStringLiteral("git cat-file: short output");
            return false;
        }
        const QList<QByteArray> head = blobs.sliced(pos, eol - pos).split(' ');
        bool ok = false;
        const qint64 size = head.size() == 3 ? head[2].toLongLong(&ok) : -1;
        if (!ok || size < 0 || size > kMaxBlob || eol + 1 + size > blobs.size()) {
            *error = QStringLiteral("git cat-file: bad object header for %1").arg(path);
            return false;
        }
        const QString target = QDir::cleanPath(dir + QLatin1Char('/') + path);
        // A crafted repository could name "../x" in a tree.
        if (!target.startsWith(dir + QLatin1Char('/'))) {
            *error = QStringLiteral("git tree path %1 leads outside the release folder: refused").arg(path);
            return false;
        }
        QDir().mkpath(QFileInfo(target).absolutePath());
        QFile f(target);
        if (!f.open(QIODevice::WriteOnly) || f.write(blobs.constData() + eol + 1, size) != size) {
            *error = QStringLiteral("cannot write %1: %2").arg(target, f.errorString());
            return false;
        }
        pos = eol + 1 + size + 1; // the blob is followed by a newline
    }
    // Every release tree has src/ (libvirt.c...), even when none of its files
    // was wanted; the layout detection looks for it.
    QDir().mkpath(dir + QStringLiteral("/src"));
    // Old trees carry only the configure template of libvirt.h.
    const QString header = dir + QStringLiteral("/include/libvirt/libvirt.h");
    if (!QFileInfo::exists(header) && QFileInfo::exists(header + QStringLiteral(".in"))) {
        QByteArray text;
        QString why;
        QFile out(header);
        if (SourceRoot(dir).read(header + QStringLiteral(".in"), &text, &why) && out.open(QIODevice::WriteOnly)) {
            static const QRegularExpression placeholder(QStringLiteral("@[A-Z_]+@"));
            out.write(QString::fromUtf8(text).replace(placeholder, QStringLiteral("0")).toUtf8());
            *generatedHeader = true;
        }
    }
    return true;
}

bool runTar(const QStringList &args, QByteArray *out, QString *error)
{
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("LC_ALL"), QStringLiteral("C"));
    env.remove(QStringLiteral("TAR_OPTIONS"));
    p.setProcessEnvironment(env);
    p.start(QStringLiteral("tar"), args);
    if (!p.waitForStarted(30000)) {
        *error = QStringLiteral("cannot run tar: %1").arg(p.errorString());
        return false;
    }
    p.closeWriteChannel();
    QByteArray data;
    while (p.state() != QProcess::NotRunning) {
        p.waitForReadyRead(600000);
        data += p.readAllStandardOutput();
    }
    data += p.readAllStandardOutput();
    if (p.exitStatus() != QProcess::NormalExit || p.exitCode() != 0) {
        *error = QStringLiteral("tar failed: %1")
                     .arg(QString::fromUtf8(p.readAllStandardError()).trimmed().left(300));
        return false;
    }
    *out = data;
    return true;
}

// Whether a path (relative, '/'-separated) stays inside its root once
// normalized: no absolute name, no ".." that climbs above it.
bool staysInside(const QString &path)
{
    if (path.startsWith(QLatin1Char('/')))
        return false;
    int depth = 0;
    for (const QString &seg : path.split(QLatin1Char('/'), Qt::SkipEmptyParts)) {
        if (seg == QLatin1String(".."))
            --depth;
        else if (seg != QLatin1String("."))
            ++depth;
        if (depth < 0)
            return false;
    }
    return true;
}

QString familyOfFile(const QString &file)
{
    if (file.startsWith(QLatin1String("tools/")))
        return QStringLiteral("virsh");
    if (file.contains(QLatin1String(".conf")) || file.contains(QLatin1String(".aug")))
        return QStringLiteral("config");
    if (file.endsWith(QLatin1String(".rng")))
        return QStringLiteral("xml");
    if (file.endsWith(QLatin1String(".x")))
        return QStringLiteral("rpc");
    if (file.endsWith(QLatin1String(".h")) || file.endsWith(QLatin1String(".h.in")) ||
        file.endsWith(QLatin1String(".syms")) || file.endsWith(QLatin1String(".xml")) ||
        file.contains(QLatin1String("libvirt")))
        return QStringLiteral("api");
    return {};
}

QString relativeTo(const QString &root, const QString &file)
{
    if (file.startsWith(root + QLatin1Char('/')))
        return file.mid(root.size() + 1);
    return file;
}

// Whether a schema file is a top-level one that no other schema of its
// folder names in an include or externalRef: its failure to read then leaves
// the other roots complete.
bool standaloneSchema(const SourceLayout &layout, const QString &file)
{
    const QFileInfo fi(file);
    if (layout.schemaDir.isEmpty() || fi.suffix() != QLatin1String("rng") ||
        QFileInfo(fi.absolutePath()).canonicalFilePath() !=
            QFileInfo(layout.schemaDir).canonicalFilePath())
        return false;
    const QByteArray name = QFile::encodeName(fi.fileName());
    const QDir dir(layout.schemaDir);
    for (const QString &other : dir.entryList({QStringLiteral("*.rng")}, QDir::Files)) {
        if (other == fi.fileName())
            continue;
        QFile f(dir.filePath(other));
        if (!f.open(QIODevice::ReadOnly) || f.size() > SourceRoot::kMaxFileSize)
            return false; // cannot tell: not standalone
        const QByteArray text = f.readAll();
        if (text.contains(QByteArray('"' + name + '"')) ||
            text.contains(QByteArray('\'' + name + '\'')))
            return false;
    }
    return true;
}

// RPC protocols of old trees lived outside src/ (qemud/remote_protocol.x).
ExtractResult protocolsOutsideSrc(const QString &root)
{
    ExtractResult r;
    QStringList paths;
    QDirIterator it(root, {QStringLiteral("*.x")}, QDir::Files | QDir::Readable,
                    QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString p = it.next();
        if (!p.startsWith(root + QStringLiteral("/src/")))
            paths << p;
    }
    paths.sort();
    for (const QString &p : std::as_const(paths)) {
        ExtractResult one = ProtocolExtractor().extractFile(p, root);
        for (Item &item : one.items)
            item.file = relativeTo(root, item.file);
        for (Diagnostic &d : one.diagnostics)
            d.file = relativeTo(root, d.file);
        r.append(std::move(one));
    }
    return r;
}

const QStringList &attrWhitelist()
{
    static const QStringList keys{QStringLiteral("number"), QStringLiteral("program"),
                                  QStringLiteral("acl"), QStringLiteral("api")};
    return keys;
}

// Facts of virsh, configuration and error-code items the pack keeps (never
// help text): what an installed release without virsh or the daemons' files
// shows from the pack, and what check-config compares against.
const QStringList &toolAttrWhitelist(ItemKind kind)
{
    static const QStringList command{QStringLiteral("aliasOf"), QStringLiteral("hidden"), QStringLiteral("output"),
                                     QStringLiteral("stableAlternative"), QStringLiteral("calls")};
    static const QStringList option{QStringLiteral("type"), QStringLiteral("required"), QStringLiteral("positional"),
                                    QStringLiteral("aliasOf")};
    static const QStringList config{QStringLiteral("file"), QStringLiteral("type"), QStringLiteral("default"),
                                    QStringLiteral("commented"), QStringLiteral("lens"), QStringLiteral("inConf"),
                                    QStringLiteral("inLens")};
    static const QStringList error{QStringLiteral("message")};
    static const QStringList none;
    switch (kind) {
    case ItemKind::VirshCommand:
        return command;
    case ItemKind::VirshOption:
        return option;
    case ItemKind::ConfigOption:
        return config;
    case ItemKind::EnumValue:
        return error;
    default:
        return none;
    }
}

// An API item's own exact since, as a release reads it: [kind id, version,
// detail] of its symbol version, .syms block, "Since:" tag or API XML
// version, the strongest first. The pack keeps it only where its releases
// cannot date the entry (keepOwnSince), so an installed release older than
// the item still says exactly when it came (virDomainGraphicsReload: 10.2.0,
// from 11.3.0's libvirt.so, where the releases say only 9.0.0 < since <= 11.3.0).
QJsonArray ownSinceOf(const Item &item, const Version &release)
{
    if (kindFamily(item.kind) != QLatin1String("api"))
        return {};
    static const Evidence::Kind order[] = {Evidence::Kind::SymbolVersion, Evidence::Kind::SymsFile,
                                           Evidence::Kind::SinceTag, Evidence::Kind::ApiXml};
    // Where the item's since is its Since tag, the tag: over a version node
    // only when it names a later release (SinceRange::fromEvidence decides).
    const SinceRange range = SinceRange::fromEvidence(item.evidence);
    const bool lateTag = range.exact && range.upper.kind == Evidence::Kind::SinceTag;
    for (Evidence::Kind k : order)
        for (const Evidence &e : item.evidence)
            if (e.kind == k && e.version.isValid() && !e.upperBoundOnly && !e.unreliable &&
                (!lateTag || e.kind == Evidence::Kind::SinceTag)) {
                // A location, never prose: "libvirt.so.0:LIBVIRT_10.2.0", "libvirt/libvirt-domain.h:9141".
                QString at = e.detail;
                at.replace(QStringLiteral(": "), QStringLiteral(":"));
                if (at.contains(QLatin1Char(' ')))
                    continue;
                return QJsonArray{Evidence::kindId(k), e.version.toString(), at, release.toString()};
            }
    return {};
}

ReleaseData readOne(const Input &in, const QString &repo)
{
    QElapsedTimer timer;
    timer.start();
    ReleaseData out;
    out.index = in.index;
    out.release.version = in.version;
    out.release.source = in.source;
    const QString label = in.tag.isEmpty() ? in.source : in.tag;
    QTemporaryDir tmp;
    QString root = in.dir;
    bool generatedHeader = false;
    if (!in.tag.isEmpty()) {
        QString error;
        if (!tmp.isValid()) {
            out.notes << Diagnostic::warning(
                label, 0, QStringLiteral("no temporary folder: %1").arg(tmp.errorString()));
            return out;
        }
        root = tmp.path() + QStringLiteral("/tree");
        if (!materialize(repo, in.tag, root, &generatedHeader, &error)) {
            out.notes << Diagnostic::warning(label, 0,
                                             QStringLiteral("release left out: %1").arg(error));
            return out;
        }
    }
    Diagnostics d;
    const auto layout = SourceLayout::detect(root, &d);
    if (!layout) {
        out.notes << Diagnostic::warning(
            label, 0,
            QStringLiteral("no libvirt data in this release (%1)")
                .arg(d.isEmpty() ? QString() : d.constFirst().message));
        out.ms = timer.elapsed();
        return out;
    }
    root = layout->root;
    // A malformed schema (0.7.1's secret.rng) still says what it declares.
    Release rel = ReleaseReader::read(*layout, nullptr, nullptr, true);
    bool hasRpc = std::any_of(rel.items.cbegin(), rel.items.cend(), [](const Item &i) {
        return kindFamily(i.kind) == QLatin1String("rpc");
    });
    if (!hasRpc) {
        ExtractResult old = protocolsOutsideSrc(root);
        if (!old.items.isEmpty()) {
            ItemList api;
            for (const Item &i : std::as_const(rel.items))
                if (kindFamily(i.kind) == QLatin1String("api"))
                    api << i;
            linkProceduresToApis(old.items, api);
            rel.items.append(std::move(old.items));
        }
        rel.diagnostics.append(std::move(old.diagnostics));
    }
    // A family with an error in one of its files is incomplete in this
    // release: what was read is still a fact of presence (kept), but the
    // release is not listed as having that family's data, so it dates
    // neither an addition nor a removal.
    // A top-level schema that no other schema includes is the exception: the
    // other roots are complete, and only its own are left undated.
    QSet<QString> failed;
    QSet<QString> partialXml;
    for (const Diagnostic &diag : std::as_const(rel.diagnostics)) {
        if (!diag.isError())
            continue;
        QString rfile = relativeTo(root, diag.file);
        if (!layout->includeDir.isEmpty() && rfile.startsWith(QLatin1String("libvirt/")))
            rfile = relativeTo(root, layout->includeDir) + QLatin1Char('/') + rfile;
        QString fam = familyOfFile(rfile);
        if (fam.isEmpty())
            fam = QStringLiteral("api");
        if (fam == QLatin1String("xml") && standaloneSchema(*layout, diag.file)) {
            partialXml.insert(rfile);
            continue;
        }
        if (!failed.contains(fam))
            out.notes << Diagnostic::warning(
                label + QLatin1Char(':') + rfile, diag.line,
                QStringLiteral("%1 data incomplete, not used to date additions or removals: %2")
                    .arg(fam, diag.message));
        failed.insert(fam);
    }
    QSet<QString> present;
    out.items.reserve(rel.items.size());
    for (const Item &item : std::as_const(rel.items)) {
        present.insert(kindFamily(item.kind));
        CompactItem c;
        c.identity = ReleaseMerger::identityOf(item);
        c.kind = item.kind;
        c.key = item.identity();
        c.name = item.name;
        c.parent = item.parent;
        c.origin = item.origin;
        c.file = relativeTo(root, item.file);
        // Header items name their file from the include folder.
        if (!layout->includeDir.isEmpty() && c.file.startsWith(QLatin1String("libvirt/")))
            c.file = relativeTo(root, layout->includeDir) + QLatin1Char('/') + c.file;
        // The file as it is in the repository: libvirt.h was made from the template.
        if (generatedHeader && c.file == QLatin1String("include/libvirt/libvirt.h"))
            c.file += QStringLiteral(".in");
        c.line = item.line;
        if (item.kind == ItemKind::RpcProcedure || item.kind == ItemKind::RpcProgram)
            for (const QString &k : attrWhitelist())
                if (item.attrs.contains(k))
                    c.attrs.insert(k, item.attrs.value(k));
        for (const QString &k : toolAttrWhitelist(item.kind))
            if (item.attrs.contains(k))
                c.attrs.insert(k, item.attrs.value(k));
        // Which drivers implement a function (driver tables, hvsupport.html):
        // a host without libvirt-doc has no other source.
        if (item.kind == ItemKind::Function && item.attrs.contains(QLatin1String("drivers")))
            if (const QString d = driverSupportToCompact(driverSupportFromJson(item.attrs.value(QLatin1String("drivers")).toArray()));
                !d.isEmpty()) {
                c.attrs.insert(HistoryPack::kDriverSupport, d);
                c.attrs.insert(HistoryPack::kDriverSupportIn, in.version.toString());
            }
        if (const QJsonArray own = ownSinceOf(item, in.version); !own.isEmpty())
            c.attrs.insert(kOwnSince, own);
        // An error code's message is a short fact; anything longer is prose the pack does not carry.
        if (c.attrs.value(QStringLiteral("message")).toString().size() > 100)
            c.attrs.remove(QStringLiteral("message"));
        out.items.append(std::move(c));
    }
    // A whole source tree without *.x files had no RPC protocol yet (before
    // 0.3.0): that is data too. Package sets never carry the .x files.
    if (layout->kind == Release::SourceKind::SourceTree)
        present.insert(QStringLiteral("rpc"));
    // A tree without virsh's command tables (before tools/virsh.c, or a
    // trimmed history that lacks them) has no virsh data; one without any
    // lens or shipped file no configuration data.
    if (!QFileInfo::exists(root + QStringLiteral("/tools/virsh.c")))
        present.remove(QStringLiteral("virsh"));
    // A package set holds only the configuration files of the packages
    // fetched (libvirt-clients' libvirt.conf, not the daemons'): what it has
    // is presence, but the daemons' options are not gone.
    if (layout->kind != Release::SourceKind::SourceTree)
        present.remove(QStringLiteral("config"));
    // Without headers (a tree with only the .syms) enum values, macros and
    // types are unknown: API presence facts, but no complete API data.
    if (layout->includeDir.isEmpty())
        present.remove(QStringLiteral("api"));
    for (const QString &f : std::as_const(failed))
        present.remove(f);
    if (present.contains(QStringLiteral("xml"))) {
        out.partialXmlFiles = QStringList(partialXml.cbegin(), partialXml.cend());
        out.partialXmlFiles.sort();
    }
    out.label = label;
    QStringList fams(present.cbegin(), present.cend());
    fams.sort();
    out.release.families = fams;
    // Commands the table names through a macro of a file the tree lacks:
    // present, but their options do not date anything here.
    if (present.contains(QStringLiteral("virsh"))) {
        for (const Item &item : std::as_const(rel.items))
            if (item.kind == ItemKind::VirshCommand && item.attrs.value(QStringLiteral("optionsUnknown")).toBool())
                out.release.incompleteVirshCommands << item.name;
        out.release.incompleteVirshCommands.sort();
    }
    if (present.contains(QStringLiteral("xml"))) {
        out.xml = std::make_shared<const XmlResolver>(rel);
        for (const auto &n : DocSinceExtractor::readSourceTree(rel.items, root)) {
            const Item &item = rel.items.at(n.item);
            out.docs.append({ReleaseMerger::identityOf(item), item.kind, n.version,
                             n.file + QLatin1Char(':') + QString::number(n.line), n.source});
        }
    }
    if (rel.version.isValid() && rel.version != in.version)
        out.notes << Diagnostic::warning(label, 0,
                                         QStringLiteral("the data says version %1; %2 is used")
                                             .arg(rel.version.toString(), in.version.toString()));
    out.ms = timer.elapsed();
    return out;
}

// The shipped value of a configuration option in each release where it
// changed ([[VERSION, VALUE], ...]; VALUE null: not shown in the shipped
// file), carried from entry to entry because the newest release's attrs
// replace the others.
QJsonObject withDefaultHistory(const QJsonObject &previous, QJsonObject attrs, const Version &v)
{
    QJsonArray hist = previous.value(QStringLiteral("defaults")).toArray();
    const QJsonValue now = attrs.contains(QStringLiteral("default")) ? attrs.value(QStringLiteral("default"))
                                                                     : QJsonValue(QJsonValue::Null);
    if (hist.isEmpty() || hist.last().toArray().at(1) != now)
        hist.append(QJsonArray{v.toString(), now});
    attrs.insert(QStringLiteral("defaults"), hist);
    return attrs;
}

// A function's own since from a source tree's Since tag, later than its
// version node, outlives a newer package set's view: package sets carry no
// implementation files, so they know only the node (ownSinceOf).
QJsonObject withOwnSince(const QJsonObject &previous, QJsonObject attrs)
{
    const QJsonArray was = previous.value(kOwnSince).toArray();
    const QJsonArray now = attrs.value(kOwnSince).toArray();
    if (was.at(0).toString() != Evidence::kindId(Evidence::Kind::SinceTag) || now.isEmpty() ||
        now.at(0).toString() == was.at(0).toString())
        return attrs;
    if (Version::parse(now.at(1).toString()) < Version::parse(was.at(1).toString()))
        attrs.insert(kOwnSince, was);
    return attrs;
}

void mergeInto(State &state, const ReleaseData &d)
{
    const int r = int(state.releases.size());
    state.releases.append(d.release);
    state.xml.append(d.xml);
    state.docs.append(d.docs);
    state.partialXmlFiles.append(d.partialXmlFiles);
    QHash<QString, QString> folders;
    if (d.release.families.contains(QStringLiteral("config")))
        for (const CompactItem &c : d.items)
            if (c.kind == ItemKind::ConfigOption)
                folders.insert(c.key.section(QLatin1Char(':'), 0, 0), c.file.section(QLatin1Char('/'), 0, -2));
    state.configFolders.append(std::move(folders));
    state.labels.append(d.label);
    state.notes.append(d.notes);
    for (const CompactItem &c : d.items) {
        if (!c.file.isEmpty() && kindFamily(c.kind) == QLatin1String("xml"))
            state.xmlRootsOfFile[c.file].insert(HistoryPack::xmlRootOf(c.name));
        const auto it = state.byIdentity.constFind(c.identity);
        // A package set's virsh options come from the manual page, whose
        // synopses name placeholders and values as if they were options
        // (--dirty-bitmap, a value of --mode; --directory for cd's dir):
        // only an option an earlier command table had is taken as present.
        if (it == state.byIdentity.cend() && c.kind == ItemKind::VirshOption &&
            !d.release.families.contains(QStringLiteral("virsh")))
            continue;
        if (it == state.byIdentity.cend()) {
            HistoryEntry e;
            e.kind = c.kind;
            e.key = c.key;
            e.parent = c.parent;
            e.origin = c.origin;
            e.file = c.file;
            e.line = c.line;
            e.attrs = c.kind == ItemKind::ConfigOption ? withDefaultHistory({}, c.attrs, d.release.version) : c.attrs;
            e.spans.append({r, r, c.name});
            state.byIdentity.insert(c.identity, int(state.entries.size()));
            state.entries.append(std::move(e));
            continue;
        }
        HistoryEntry &e = state.entries[*it];
        HistorySpan &last = e.spans.last();
        if (last.to == r)
            continue; // the same identity twice in one release: the first one counts
        if (last.to == r - 1 && last.name == c.name)
            last.to = r;
        else
            e.spans.append({r, r, c.name});
        // The newest release's view of what it is and where it belongs,
        // from a release with complete data of its family: a package set's
        // virsh commands come from the manual page, which does not say what
        // virsh.c does (compound output, aliases).
        if (!d.release.families.contains(kindFamily(c.kind)))
            continue;
        e.kind = c.kind;
        e.parent = c.parent;
        e.origin = c.origin;
        const QJsonObject previous = e.attrs;
        e.attrs = c.kind == ItemKind::ConfigOption ? withDefaultHistory(e.attrs, c.attrs, d.release.version)
                                                   : withOwnSince(e.attrs, c.attrs);
        // An error code's message comes from virerror.c, which a package set
        // lacks, and a function's drivers from files a release may lack: a
        // release that does not say keeps the last one that did.
        for (const QString &k : {QStringLiteral("message"), HistoryPack::kDriverSupport, HistoryPack::kDriverSupportIn})
            if (!e.attrs.contains(k) && previous.contains(k) &&
                !(k == HistoryPack::kDriverSupportIn && e.attrs.contains(HistoryPack::kDriverSupport)))
                e.attrs.insert(k, previous.value(k));
    }
}

// XML paths move when a schema is restructured (a new canonical path for the
// same element): the old path stops and a new one starts, though the element
// never went away. Presence is extended over the releases with XML data whose
// element graph still resolves the entry's path: backward from its first
// span (its first name), forward from its last span (its last name), and over
// gaps between spans where every XML release in the gap resolves the name
// before the gap. Releases without XML data neither stop nor date anything;
// they are covered only between two releases that resolve. FILE:LINE stays
// that of the first release that had the path itself.
// Gives each release with a standalone schema that did not read the roots
// that schema holds where it did read. A schema that never read anywhere has
// no known roots: that release's XML data then dates nothing.
void resolvePartialXml(State &state)
{
    for (int r = 0; r < int(state.releases.size()); ++r) {
        const QStringList &files = state.partialXmlFiles.at(r);
        if (files.isEmpty())
            continue;
        QSet<QString> roots;
        bool known = true;
        for (const QString &f : files) {
            const QSet<QString> of = state.xmlRootsOfFile.value(f);
            known = known && !of.isEmpty();
            roots.unite(of);
        }
        HistoryRelease &rel = state.releases[r];
        if (!known) {
            rel.families.removeAll(QStringLiteral("xml"));
            state.xml[r].reset();
            state.notes << Diagnostic::warning(
                state.labels.at(r) + QLatin1Char(':') + files.constFirst(), 0,
                QStringLiteral("xml data incomplete, not used to date additions or removals: "
                               "the schema did not read, and no release says which roots it holds"));
            continue;
        }
        rel.incompleteXmlRoots = QStringList(roots.cbegin(), roots.cend());
        rel.incompleteXmlRoots.sort();
        state.notes << Diagnostic::warning(
            state.labels.at(r) + QLatin1Char(':') + files.join(QStringLiteral(", ")), 0,
            QStringLiteral("xml data of %1 incomplete (the schema did not read, or only as libxml2 "
                           "recovers it: what it declares is present, nothing is absent), not used to "
                           "date their removals; the other roots' data is complete")
                .arg(rel.incompleteXmlRoots.join(QStringLiteral(", "))));
    }
}

// Fills HistoryRelease::configFiles: a release with configuration data
// dates the options of the files it shows, and of a file it lacks where it
// looked: a trimmed tree keeps or leaves out whole top-level folders (the
// bundle keeps src/ and daemon/ configuration files, not qemud/), so a file
// is looked for when the release shows other configuration files under the
// top-level folder the file lives in at the nearest release that has it
// (virtlockd.conf, new in 1.1.2 as src/locking/virtlockd.conf: 1.1.1 shows
// src/qemu/qemu.conf, so its options are absent from 1.1.1; libvirtd.conf,
// first read in 0.4.6 from qemud/: 0.4.4 shows nothing under qemud/, so its
// options are not dated by 0.4.4). Returns the files added.
int coverAbsentConfigFiles(State &state)
{
    const auto top = [](const QString &folder) { return folder.section(QLatin1Char('/'), 0, 0); };
    QHash<QString, QList<int>> releasesOf; // file -> the releases showing it, ascending
    for (int r = 0; r < int(state.configFolders.size()); ++r)
        for (auto it = state.configFolders.at(r).cbegin(); it != state.configFolders.at(r).cend(); ++it)
            releasesOf[it.key()].append(r);
    int added = 0;
    for (int r = 0; r < int(state.releases.size()); ++r) {
        HistoryRelease &rel = state.releases[r];
        if (!rel.families.contains(QStringLiteral("config")))
            continue;
        const QHash<QString, QString> &here = state.configFolders.at(r);
        rel.configFiles = here.keys();
        QSet<QString> tops;
        for (const QString &folder : here)
            tops.insert(top(folder));
        for (auto it = releasesOf.cbegin(); it != releasesOf.cend(); ++it) {
            if (here.contains(it.key()))
                continue;
            // The nearest release showing the file (the earlier one on a tie).
            int nearest = -1;
            for (int other : it.value())
                if (nearest < 0 || std::abs(other - r) < std::abs(nearest - r))
                    nearest = other;
            if (!tops.contains(top(state.configFolders.at(nearest).value(it.key()))))
                continue;
            rel.configFiles << it.key(); // absent from a folder the release shows
            ++added;
        }
        rel.configFiles.sort();
    }
    return added;
}

// The options of a command whose table entry is a macro of a missing file
// (HistoryRelease::incompleteVirshCommands) are unknown in that release, not
// gone: a gap made only of such releases is closed. Returns the gaps closed.
int bridgeUnknownVirshOptions(State &state)
{
    int bridged = 0;
    for (HistoryEntry &e : state.entries) {
        if (e.kind != ItemKind::VirshOption)
            continue;
        const QString command = e.key.section(QLatin1Char(' '), 0, 0);
        for (qsizetype i = 0; i + 1 < e.spans.size();) {
            const HistorySpan &a = e.spans.at(i);
            const HistorySpan &b = e.spans.at(i + 1);
            bool unknown = a.name == b.name;
            for (int r = a.to + 1; r < b.from && unknown; ++r)
                unknown = state.releases.at(r).incompleteVirshCommands.contains(command);
            if (!unknown) {
                ++i;
                continue;
            }
            e.spans[i].to = b.to;
            e.spans.removeAt(i + 1);
            ++bridged;
        }
    }
    return bridged;
}

HistoryBuilder::XmlMoveStats extendXmlMoves(State &state)
{
    HistoryBuilder::XmlMoveStats stats;
    const int n = int(state.releases.size());
    // Whether release r has XML data that can say anything about `name`.
    auto hasData = [&](int r, const QString &name) {
        return state.xml.at(r) &&
               (state.releases.at(r).incompleteXmlRoots.isEmpty() ||
                !state.releases.at(r).incompleteXmlRoots.contains(HistoryPack::xmlRootOf(name)));
    };
    auto resolves = [&](int r, const QString &name) {
        return hasData(r, name) && state.xml.at(r)->has(name);
    };
    for (HistoryEntry &e : state.entries) {
        if (kindFamily(e.kind) != QLatin1String("xml") || e.spans.isEmpty())
            continue;
        bool changed = false;
        // Backward.
        {
            HistorySpan &first = e.spans.first();
            int reach = first.from;
            for (int r = first.from - 1; r >= 0; --r) {
                if (!hasData(r, first.name))
                    continue;
                if (!resolves(r, first.name))
                    break;
                reach = r;
            }
            if (reach < first.from) {
                first.from = reach;
                ++stats.backward;
                changed = true;
            }
        }
        // Gaps between spans.
        for (qsizetype i = 0; i + 1 < e.spans.size();) {
            const HistorySpan &a = e.spans.at(i);
            const HistorySpan &b = e.spans.at(i + 1);
            bool all = true;
            int checked = 0; // a gap of releases without XML data stays
            for (int r = a.to + 1; r < b.from && all; ++r)
                if (hasData(r, a.name)) {
                    ++checked;
                    all = resolves(r, a.name);
                }
            if (!all || checked == 0) {
                ++i;
                continue;
            }
            ++stats.gaps;
            changed = true;
            if (a.name == b.name) {
                e.spans[i].to = b.to;
                e.spans.removeAt(i + 1);
            } else {
                e.spans[i].to = b.from - 1;
                ++i;
            }
        }
        // Forward.
        {
            HistorySpan &last = e.spans.last();
            int reach = last.to;
            for (int r = last.to + 1; r < n; ++r) {
                if (!hasData(r, last.name))
                    continue;
                if (!resolves(r, last.name))
                    break;
                reach = r;
            }
            if (reach > last.to) {
                last.to = reach;
                ++stats.forward;
                changed = true;
            }
        }
        if (changed)
            ++stats.entries;
    }
    state.xml.clear();
    return stats;
}

// Keeps an entry's own since (ownSinceOf) only where the releases leave its
// since a range, and only when it lies inside that range: a tag that
// contradicts what the releases show is not evidence the pack passes on.
struct OwnSinceStats
{
    int kept = 0;
    int outside = 0;
    QStringList outsideLines; // "NAME: symbol-version 1.2.3, releases say 1.3.5 < since <= 7.0.0"
};

OwnSinceStats keepOwnSince(State &state, const HistoryPack &pack)
{
    OwnSinceStats stats;
    for (HistoryEntry &e : state.entries) {
        const QJsonArray own = e.attrs.value(kOwnSince).toArray();
        if (own.isEmpty())
            continue;
        e.attrs.remove(kOwnSince);
        const Version v = Version::parse(own.at(1).toString());
        const Version first = pack.firstSeen(e);
        const Version before = pack.lastAbsentBefore(e);
        if (before.isValid() && ReleaseSeries::adjacent(before, first))
            continue; // the releases already date it exactly
        if (!v.isValid() || first < v || (before.isValid() && !(before < v))) {
            ++stats.outside;
            stats.outsideLines << QStringLiteral("%1: %2 %3, the releases say %4since \u2264 %5")
                                      .arg(e.spans.constLast().name, own.at(0).toString(), own.at(1).toString(),
                                           before.isValid() ? before.toString() + QStringLiteral(" < ") : QString(),
                                           first.toString());
            continue;
        }
        e.attrs.insert(kOwnSince, own);
        ++stats.kept;
    }
    return stats;
}

// Measures the documentation notes against the history where it is exact
// (first seen up to the newest git release, absent from the upstream release
// right before), per source kind and item kind; keeps a kind at
// HistoryDocsAgreement::qualifies(); and gives each
// entry whose since the history cannot pin down the note of a kept kind that
// lies inside its bounds, when every kept note of it names the same release.
struct DocsResult
{
    QList<HistoryDocsAgreement> agreement;
    int dated = 0;     // entries given a docSince
    int conflicts = 0; // entries whose kept notes name different releases
    int outside = 0;   // entries whose kept note lies outside their bounds
    // Every compared note that names another release than the history:
    // "docs/formatdomain.rst:120 (9.0.0) says 1.2.3 for domain/x; history 1.2.5".
    QStringList disagreements;
    int unkept = 0; // ranged entries a dropped kind's note would have dated
};


DocsResult applyDocs(State &state, const HistoryPack &pack)
{
    DocsResult result;
    // The newest release of an unbroken run of git tags from the oldest one.
    Version lastGit;
    for (const HistoryRelease &r : pack.releases())
        if (r.source.startsWith(QLatin1String("git:")))
            lastGit = r.version;
    QMap<std::pair<QString, int>, HistoryDocsAgreement> cells;
    auto cell = [&](const DocNote &n) -> HistoryDocsAgreement & {
        HistoryDocsAgreement &a = cells[{n.source, int(n.kind)}];
        a.source = n.source;
        a.kind = n.kind;
        return a;
    };
    auto exactSince = [&](const HistoryEntry &e) {
        const Version first = pack.firstSeen(e);
        const Version before = pack.lastAbsentBefore(e);
        return lastGit.isValid() && !(lastGit < first) && before.isValid() &&
                       ReleaseSeries::adjacent(before, first)
                   ? first
                   : Version();
    };
    for (int r = 0; r < int(state.docs.size()); ++r)
        for (const DocNote &n : std::as_const(state.docs.at(r))) {
            HistoryDocsAgreement &a = cell(n);
            const HistoryEntry *e = pack.find(n.identity);
            if (!e)
                continue;
            const Version exact = exactSince(*e);
            if (!exact.isValid())
                continue;
            ++a.compared;
            if (exact == n.version)
                ++a.agree;
            else
                result.disagreements.append(
                    QStringLiteral("%1 (%2) says %3 for %4 %5; the history says %6")
                        .arg(n.at, state.releases.at(r).version.toString(), n.version.toString(),
                             kindId(n.kind), e->spans.constLast().name, exact.toString()));
        }
    for (auto &a : cells)
        a.kept = a.qualifies();
    // Per entry the kept notes, newest release first: its note and file:line
    // are the ones kept.
    QHash<int, QList<std::pair<int, const DocNote *>>> byEntry;
    QSet<int> unkept;
    for (int r = int(state.docs.size()) - 1; r >= 0; --r)
        for (const DocNote &n : std::as_const(state.docs.at(r))) {
            const auto it = state.byIdentity.constFind(n.identity);
            if (it == state.byIdentity.cend())
                continue;
            if (cell(n).kept)
                byEntry[*it].append({r, &n});
            else if (const HistoryEntry *packed = pack.find(n.identity);
                     packed && !exactSince(*packed).isValid())
                unkept.insert(*it);
        }
    result.unkept = int(unkept.size());
    QList<int> order = byEntry.keys();
    std::sort(order.begin(), order.end());
    for (int i : std::as_const(order)) {
        const auto &notes = byEntry.value(i);
        HistoryEntry &e = state.entries[i];
        const HistoryEntry *packed = pack.find(notes.constFirst().second->identity);
        if (!packed || exactSince(*packed).isValid())
            continue;
        const Version v = notes.constFirst().second->version;
        if (std::any_of(notes.cbegin(), notes.cend(),
                        [&](const auto &n) { return n.second->version != v; })) {
            ++result.conflicts;
            continue;
        }
        const Version first = pack.firstSeen(*packed);
        const Version before = pack.lastAbsentBefore(*packed);
        if (first < v || (before.isValid() && !(before < v))) {
            ++result.outside;
            continue;
        }
        e.attrs.insert(QStringLiteral("docSince"), v.toString());
        e.attrs.insert(QStringLiteral("docSinceAt"), notes.constFirst().second->at);
        e.attrs.insert(QStringLiteral("docSinceIn"),
                       state.releases.at(notes.constFirst().first).version.toString());
        ++result.dated;
    }
    result.agreement = cells.values();
    return result;
}

} // namespace

std::optional<Version> HistoryBuilder::extractTarball(const QString &tarball, const QString &dest,
                                                      Diagnostics *diagnostics)
{
    const QString name = QFileInfo(tarball).fileName();
    auto refuse = [&](const QString &member, const QString &why) {
        diagnostics->append(Diagnostic::error(
            tarball, 0,
            member.isEmpty()
                ? QStringLiteral("tarball %1 refused: %2").arg(name, why)
                : QStringLiteral("tarball %1 refused: member \"%2\" %3").arg(name, member, why)));
        return std::nullopt;
    };
    if (!QFileInfo(tarball).isFile())
        return refuse(QString(), QStringLiteral("not a readable file"));
    QByteArray listing;
    QString error;
    // -P lists names exactly as stored (a leading '/' is not stripped).
    if (!runTar({QStringLiteral("-tvPf"), tarball, QStringLiteral("--full-time"),
                 QStringLiteral("--quoting-style=escape")},
                &listing, &error))
        return refuse(QString(), error);
    static const QRegularExpression line(
        QStringLiteral("^(.)\\S{9}\\s+\\S+\\s+([0-9,]+)\\s+\\d{4}-\\d\\d-\\d\\d "
                       "\\d\\d:\\d\\d(?::\\d\\d(?:\\.\\d+)?)?\\s+(.*)$"));
    static const QRegularExpression plain(QStringLiteral("^[A-Za-z0-9._+/-]+$"));
    QString top;
    QStringList wanted;
    QSet<QString> wantedSet, otherTypes;
    for (const QByteArray &raw : listing.split('\n')) {
        if (raw.isEmpty())
            continue;
        const QString text = QString::fromUtf8(raw);
        const auto m = line.match(text);
        if (!m.hasMatch())
            return refuse(QString(),
                          QStringLiteral("unexpected tar listing line: %1").arg(text.left(200)));
        const QChar type = m.captured(1).at(0);
        QString member = m.captured(3);
        QString target;
        if (type == QLatin1Char('l')) {
            const qsizetype arrow = member.indexOf(QLatin1String(" -> "));
            if (arrow < 0)
                return refuse(member, QStringLiteral("is a link without a target"));
            target = member.mid(arrow + 4);
            member = member.left(arrow);
        } else if (type == QLatin1Char('h')) {
            const qsizetype arrow = member.indexOf(QLatin1String(" link to "));
            if (arrow < 0)
                return refuse(member, QStringLiteral("is a hard link without a target"));
            target = member.mid(arrow + 9);
            member = member.left(arrow);
        }
        if (member.startsWith(QLatin1Char('/')))
            return refuse(member, QStringLiteral("has an absolute name"));
        if (member.split(QLatin1Char('/')).contains(QStringLiteral("..")))
            return refuse(member, QStringLiteral("has a \"..\" component"));
        const QString first = member.section(QLatin1Char('/'), 0, 0);
        if (top.isEmpty())
            top = first;
        else if (first != top)
            return refuse(member, QStringLiteral("is outside the top folder %1").arg(top));
        if (type == QLatin1Char('l')) {
            // Relative to the link's folder, it must stay under the top folder.
            const QString folder = member.section(QLatin1Char('/'), 0, -2);
            const QString resolved = folder + QLatin1Char('/') + target;
            if (target.startsWith(QLatin1Char('/')) || !staysInside(resolved) ||
                !resolved.startsWith(top + QLatin1Char('/')) ||
                !staysInside(resolved.mid(top.size() + 1)))
                return refuse(member,
                              QStringLiteral("is a symbolic link pointing outside the tarball (%1)")
                                  .arg(target));
        } else if (type == QLatin1Char('h')) {
            if (!staysInside(target) || target.section(QLatin1Char('/'), 0, 0) != top)
                return refuse(
                    member,
                    QStringLiteral("is a hard link to %1, outside the tarball").arg(target));
        }
        const QString rel = member.section(QLatin1Char('/'), 1);
        if (rel.isEmpty() || !wantedPath(rel))
            continue;
        if (type != QLatin1Char('-')) {
            otherTypes.insert(member);
            continue;
        }
        bool sizeOk = false;
        const qint64 size = m.captured(2).toLongLong(&sizeOk);
        if (!sizeOk || size > kMaxBlob)
            return refuse(member, QStringLiteral("is larger than %1 bytes").arg(kMaxBlob));
        if (!plain.match(member).hasMatch() || wantedSet.contains(member))
            continue; // odd names are no libvirt file; a repeated one is read once
        wanted << member;
        wantedSet.insert(member);
    }
    for (const QString &m : std::as_const(wanted))
        if (otherTypes.contains(m))
            return refuse(m, QStringLiteral("is both a regular file and a link or device"));
    static const QRegularExpression topName(QStringLiteral("^libvirt-(\\d+\\.\\d+\\.\\d+)$"));
    const auto tm = topName.match(top);
    if (!tm.hasMatch())
        return refuse(QString(),
                      QStringLiteral("its top folder \"%1\" is not libvirt-X.Y.Z").arg(top));
    const Version version = Version::parse(tm.captured(1));
    if (wanted.isEmpty())
        return refuse(QString(),
                      QStringLiteral("no libvirt header, schema, protocol or .syms file in it"));
    QDir().mkpath(dest);
    QFile list(dest + QStringLiteral("/.vse-members"));
    if (!list.open(QIODevice::WriteOnly))
        return refuse(QString(), QStringLiteral("cannot write %1").arg(list.fileName()));
    list.write(wanted.join(QLatin1Char('\n')).toUtf8() + '\n');
    list.close();
    QByteArray ignored;
    if (!runTar({QStringLiteral("-xf"), tarball, QStringLiteral("-C"), dest,
                 QStringLiteral("--strip-components=1"), QStringLiteral("--no-same-owner"),
                 QStringLiteral("--no-same-permissions"), QStringLiteral("--no-wildcards"),
                 QStringLiteral("--no-overwrite-dir"), QStringLiteral("--verbatim-files-from"),
                 QStringLiteral("-T"), list.fileName()},
                &ignored, &error))
        return refuse(QString(), error);
    QFile::remove(list.fileName());
    QDir().mkpath(dest + QStringLiteral("/src"));
    return version;
}

std::optional<QStringList> HistoryBuilder::releaseTags(const QString &repo,
                                                       Diagnostics *diagnostics)
{
    QByteArray out;
    QString error;
    if (!QFileInfo(repo).isDir()) {
        diagnostics->append(Diagnostic::error(repo, 0, QStringLiteral("not a directory")));
        return std::nullopt;
    }
    if (!runGit(repo,
                {QStringLiteral("for-each-ref"), QStringLiteral("--format=%(refname:strip=2)"),
                 QStringLiteral("refs/tags")},
                &out, &error)) {
        diagnostics->append(Diagnostic::error(repo, 0, error));
        return std::nullopt;
    }
    static const QRegularExpression re(QStringLiteral("^v(\\d{1,6})\\.(\\d{1,6})\\.(\\d{1,6})$"));
    QList<std::pair<Version, QString>> tags;
    for (const QByteArray &line : out.split('\n')) {
        const QString t = QString::fromUtf8(line);
        const auto m = re.match(t);
        if (m.hasMatch())
            tags.append(
                {Version(m.captured(1).toInt(), m.captured(2).toInt(), m.captured(3).toInt()), t});
    }
    std::sort(tags.begin(), tags.end());
    QStringList list;
    for (const auto &t : std::as_const(tags))
        list << t.second;
    return list;
}

std::optional<HistoryPack> HistoryBuilder::build(const Options &options, Diagnostics *diagnostics)
{
    QList<Input> inputs;
    QString repo;
    if (!options.gitRepo.isEmpty()) {
        repo = QFileInfo(options.gitRepo).absoluteFilePath();
        auto tags = releaseTags(repo, diagnostics);
        if (!tags)
            return std::nullopt;
        if (!options.onlyTags.isEmpty()) {
            for (const QString &t : options.onlyTags)
                if (!tags->contains(t)) {
                    diagnostics->append(
                        Diagnostic::error(repo, 0, QStringLiteral("no release tag %1").arg(t)));
                    return std::nullopt;
                }
            tags->removeIf([&](const QString &t) { return !options.onlyTags.contains(t); });
        }
        if (options.maxTags > 0 && tags->size() > options.maxTags)
            tags->resize(options.maxTags);
        for (const QString &t : std::as_const(*tags))
            // "git:" says the pack has every release tag up to this one, so
            // adjacent git releases are adjacent upstream releases; a chosen
            // subset of tags may skip some.
            inputs.append({0, Version::parse(t), t, QString(),
                           (options.onlyTags.isEmpty() ? QStringLiteral("git:")
                                                       : QStringLiteral("git-selected:")) +
                               t});
    }
    for (const QString &dir : options.sourceDirs) {
        Diagnostics d;
        const auto layout = SourceLayout::detect(dir, &d);
        if (!layout) {
            diagnostics->append(d);
            return std::nullopt;
        }
        QString evidence;
        const Version v = layout->detectVersion(&evidence);
        if (!v.isValid()) {
            diagnostics->append(Diagnostic::error(
                dir, 0, QStringLiteral("the release number of this folder is unknown")));
            return std::nullopt;
        }
        // scripts/fetch-debian-releases records the Debian version it unpacked.
        QString source = Release::sourceKindId(layout->kind) + QLatin1Char(':') +
                         QFileInfo(layout->root).fileName();
        QByteArray marker;
        QString why;
        if (layout->kind == Release::SourceKind::PackageSet &&
            SourceRoot(layout->root).read(layout->root + QStringLiteral("/.vse-release"), &marker, &why)) {
            static const QRegularExpression debver(QStringLiteral("^[0-9][A-Za-z0-9.+~:-]{0,63}$"));
            const QString deb = QString::fromUtf8(marker.left(128)).trimmed();
            if (debver.match(deb).hasMatch())
                source = QStringLiteral("debian-binary:") + deb;
        }
        inputs.append({0, v, QString(), layout->root, source});
    }
    // Tarballs are extracted once, into folders that live as long as the build.
    std::vector<std::unique_ptr<QTemporaryDir>> extracted;
    for (const QString &tarball : options.tarballs) {
        auto tmp = std::make_unique<QTemporaryDir>();
        if (!tmp->isValid()) {
            diagnostics->append(Diagnostic::error(
                tarball, 0, QStringLiteral("no temporary folder: %1").arg(tmp->errorString())));
            return std::nullopt;
        }
        const QString root = tmp->path() + QStringLiteral("/tree");
        const auto v = extractTarball(tarball, root, diagnostics);
        if (!v)
            return std::nullopt;
        Diagnostics d;
        const auto layout = SourceLayout::detect(root, &d);
        if (!layout) {
            diagnostics->append(d);
            return std::nullopt;
        }
        QString evidence;
        const Version stated = layout->detectVersion(&evidence);
        if (stated.isValid() && stated != *v) {
            diagnostics->append(
                Diagnostic::error(tarball, 0,
                                  QStringLiteral("its top folder says %1, its %2 says %3")
                                      .arg(v->toString(), evidence, stated.toString())));
            return std::nullopt;
        }
        // Debian's name of the upstream tarball; not adjacent to other
        // releases unless the pack also has the releases between.
        inputs.append({0, *v, QString(), layout->root,
                       QStringLiteral("debian-source:") + QFileInfo(tarball).fileName()});
        extracted.push_back(std::move(tmp));
    }
    std::stable_sort(inputs.begin(), inputs.end(),
                     [](const Input &a, const Input &b) { return a.version < b.version; });
    for (qsizetype i = 1; i < inputs.size(); ++i)
        if (inputs.at(i).version == inputs.at(i - 1).version) {
            diagnostics->append(Diagnostic::error(
                inputs.at(i).source, 0,
                QStringLiteral("release %1 is given twice (also %2)")
                    .arg(inputs.at(i).version.toString(), inputs.at(i - 1).source)));
            return std::nullopt;
        }
    if (inputs.isEmpty()) {
        diagnostics->append(
            Diagnostic::error(options.gitRepo, 0, QStringLiteral("no releases to read")));
        return std::nullopt;
    }
    for (int i = 0; i < int(inputs.size()); ++i)
        inputs[i].index = i;

    QThreadPool pool;
    pool.setMaxThreadCount(std::max(1, options.threads));
    const int total = int(inputs.size());
    const auto progress = options.progress;
    State state = QtConcurrent::blockingMappedReduced<State>(
        &pool, inputs, [repo](const Input &in) { return readOne(in, repo); },
        [total, progress](State &s, const ReleaseData &d) {
            mergeInto(s, d);
            if (progress)
                progress(QStringLiteral("[%1/%2] %3  %4  %5 items  %6 ms")
                             .arg(d.index + 1)
                             .arg(total)
                             .arg(d.release.source.leftJustified(14))
                             .arg(d.release.families.isEmpty()
                                      ? QStringLiteral("(no data)")
                                      : d.release.families.join(QLatin1Char(',')))
                             .arg(d.items.size())
                             .arg(d.ms));
        },
        QtConcurrent::OrderedReduce);
    resolvePartialXml(state);
    const int coveredConfig = coverAbsentConfigFiles(state);
    if (progress && coveredConfig > 0)
        progress(QStringLiteral("configuration: %1 times a release dates the options of a file it lacks "
                                "(it shows other files under that file's top-level folder)").arg(coveredConfig));
    const int bridged = bridgeUnknownVirshOptions(state);
    if (progress && bridged > 0)
        progress(QStringLiteral("virsh options: %1 gaps closed over releases that do not show the "
                                "options of their command").arg(bridged));
    const XmlMoveStats moves = extendXmlMoves(state);
    if (options.xmlMoves)
        *options.xmlMoves = moves;
    if (progress)
        progress(QStringLiteral("XML moves: %1 entries extended over releases that still resolve "
                                "them (%2 backward, %3 forward, %4 gaps filled)")
                     .arg(moves.entries)
                     .arg(moves.backward)
                     .arg(moves.forward)
                     .arg(moves.gaps));
    diagnostics->append(state.notes);
    HistoryPack pack;
    pack.setReleases(state.releases);
    pack.setEntries(state.entries);
    const DocsResult docs = applyDocs(state, pack);
    if (options.docs)
        *options.docs = docs.agreement;
    if (progress) {
        for (const HistoryDocsAgreement &a : docs.agreement)
            progress(
                QStringLiteral("docs since, %1 notes on %2: %3 of %4 agree with the exact history "
                               "since (%5 %), %6")
                    .arg(a.source, kindId(a.kind))
                    .arg(a.agree)
                    .arg(a.compared)
                    .arg(a.percent())
                    .arg(a.verdict()));
        for (const QString &d : docs.disagreements)
            progress(QStringLiteral("docs since disagrees: ") + d);
        progress(QStringLiteral("docs since: %1 entries dated by a kept note inside their bounds "
                                "(%2 left out: kept notes disagree, %3 outside the bounds; "
                                "%4 ranged entries have notes only of dropped kinds)")
                     .arg(docs.dated)
                     .arg(docs.conflicts)
                     .arg(docs.outside)
                     .arg(docs.unkept));
    }
    const OwnSinceStats own = keepOwnSince(state, pack);
    if (progress)
        for (const QString &line : std::as_const(own.outsideLines))
            progress(QStringLiteral("own since left out: ") + line);
    if (progress)
        progress(QStringLiteral("own since: %1 ranged API entries dated by their own evidence "
                                "(%2 left out: outside the releases' bounds)")
                     .arg(own.kept)
                     .arg(own.outside));
    pack.setEntries(std::move(state.entries));
    pack.setDocsAgreement(docs.agreement);
    return pack;
}

} // namespace vse
