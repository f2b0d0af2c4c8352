#include "configextractor.h"
#include "io/confinedfile.h"
#include "io/dirlisting.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QRegularExpression>

namespace vse {

namespace {

constexpr qint64 kMaxFile = 4 * 1024 * 1024;

// Files the build installs under another name than the one in the tree
// (libvirt's meson/automake rules: locking/lockd.conf -> qemu-lockd.conf).
QString installedName(const QString &treeName)
{
    static const QHash<QString, QString> renamed{
        {QStringLiteral("lockd.conf"), QStringLiteral("qemu-lockd.conf")},
        {QStringLiteral("sanlock.conf"), QStringLiteral("qemu-sanlock.conf")},
    };
    return renamed.value(treeName, treeName);
}

QString baseName(const QString &path)
{
    QString n = QFileInfo(path).fileName();
    if (n.endsWith(QLatin1String(".in")))
        n.chop(3);
    return n;
}

// Through the source root: inside it after symlinks, a regular file, bounded.
bool readSmall(const SourceRoot &root, const QString &path, QString *text, Diagnostics *diagnostics)
{
    QByteArray data;
    if (!root.read(path, &data, diagnostics))
        return false;
    if (data.size() > kMaxFile) {
        diagnostics->append(
            Diagnostic::error(path, 0, QStringLiteral("larger than %1 bytes").arg(kMaxFile)));
        return false;
    }
    *text = QString::fromUtf8(data);
    return true;
}

QString typeOfEntry(const QString &fn)
{
    if (fn == QLatin1String("str_entry"))
        return QStringLiteral("string");
    if (fn == QLatin1String("bool_entry"))
        return QStringLiteral("bool");
    if (fn == QLatin1String("int_entry"))
        return QStringLiteral("number");
    if (fn == QLatin1String("str_array_entry"))
        return QStringLiteral("string-list");
    QString t = fn;
    t.chop(6); // "_entry"
    return t;  // e.g. "limits": a number or "unlimited"
}

QList<ConfigFile> assemble(const SourceRoot &root, const QStringList &confs, const QStringList &lenses,
                           Diagnostics *diagnostics)
{
    QMap<QString, ConfigFile> byName;
    for (const QString &path : lenses) {
        QString text;
        if (!readSmall(root, path, &text, diagnostics))
            continue;
        const ConfigExtractor::LensInfo lens = ConfigExtractor::parseLens(text);
        if (lens.files.isEmpty()) {
            diagnostics->append(Diagnostic::warning(
                path, 0, QStringLiteral("lens names no file (no incl \"...\")")));
            continue;
        }
        for (const QString &file : lens.files) {
            ConfigFile &cf = byName[file];
            cf.name = file;
            cf.lensPath = path;
            cf.lensModule = lens.module;
            cf.settings = lens.settings;
        }
    }
    for (const QString &path : confs) {
        QString text;
        if (!readSmall(root, path, &text, diagnostics))
            continue;
        const QString name = installedName(baseName(path));
        ConfigFile &cf = byName[name];
        cf.name = name;
        cf.confPath = path;
        QHash<QString, int> at;
        for (int i = 0; i < cf.settings.size(); ++i)
            at.insert(cf.settings.at(i).name, i);
        for (const ConfigSetting &s : ConfigExtractor::parseConf(text, false, diagnostics, path)) {
            if (const auto it = at.constFind(s.name); it != at.cend()) {
                ConfigSetting &known = cf.settings[*it];
                known.shipped = s.shipped;
                known.commented = s.commented;
                known.confLine = s.confLine;
            } else {
                at.insert(s.name, int(cf.settings.size()));
                cf.settings.append(s);
            }
        }
    }
    return byName.values();
}

} // namespace

ConfigExtractor::LensInfo ConfigExtractor::parseLens(const QString &text)
{
    LensInfo info;
    // Comments (* ... *) out, lines kept.
    QString code = text;
    static const QRegularExpression comment(QStringLiteral("\\(\\*.*?\\*\\)"),
                                            QRegularExpression::DotMatchesEverythingOption);
    auto it = comment.globalMatch(text);
    while (it.hasNext()) {
        const auto m = it.next();
        for (qsizetype j = m.capturedStart(); j < m.capturedEnd(); ++j)
            if (code.at(j) != QLatin1Char('\n'))
                code[j] = QLatin1Char(' ');
    }
    static const QRegularExpression module(QStringLiteral("\\bmodule\\s+([A-Za-z_@][\\w@]*)\\s*="));
    info.module = module.match(code).captured(1);
    // Templates name the daemon with @DAEMON_NAME@; the tree's own copy is libvirtd's.
    info.module.replace(QLatin1String("@DAEMON_NAME_UC@"), QLatin1String("Libvirtd"));
    static const QRegularExpression incl(QStringLiteral("\\bincl\\s+\"([^\"]+)\""));
    auto inc = incl.globalMatch(code);
    while (inc.hasNext()) {
        QString f = QFileInfo(inc.next().captured(1)).fileName();
        f.replace(QLatin1String("@DAEMON_NAME@"), QLatin1String("libvirtd"));
        if (!info.files.contains(f))
            info.files << f;
    }
    static const QRegularExpression entry(
        QStringLiteral("\\b([a-z_]+_entry)\\s+\"([A-Za-z0-9_]+)\""));
    QSet<QString> seen;
    auto en = entry.globalMatch(code);
    while (en.hasNext()) {
        const auto m = en.next();
        if (seen.contains(m.captured(2)))
            continue;
        seen.insert(m.captured(2));
        ConfigSetting s;
        s.name = m.captured(2);
        s.type = typeOfEntry(m.captured(1));
        s.lensLine = int(code.left(m.capturedStart()).count(QLatin1Char('\n'))) + 1;
        info.settings.append(s);
    }
    return info;
}

QList<ConfigSetting> ConfigExtractor::parseConf(const QString &text, bool activeOnly,
                                                Diagnostics *diagnostics, const QString &fileName)
{
    QList<ConfigSetting> out;
    QSet<QString> seen;
    static const QRegularExpression setting(
        QStringLiteral("^(#?)[ \\t]*([A-Za-z_][A-Za-z0-9_]*)[ \\t]*=[ \\t]*(.*?)[ \\t]*$"));
    const QStringList lines = text.split(QLatin1Char('\n'));
    for (int i = 0; i < lines.size(); ++i) {
        QString line = lines.at(i);
        if (line.endsWith(QLatin1Char('\r'))) // a file edited on Windows
            line.chop(1);
        const auto m = setting.match(line);
        if (!m.hasMatch())
            continue;
        const bool commented = !m.captured(1).isEmpty();
        if (commented && activeOnly)
            continue;
        QString value = m.captured(3);
        // A commented example written over several lines: `#list = [ "a",` ... `#]`.
        if (value.startsWith(QLatin1Char('[')) && !value.contains(QLatin1Char(']'))) {
            for (int j = i + 1; j < lines.size() && j < i + 64; ++j) {
                QString more = lines.at(j).trimmed();
                if (commented) {
                    if (!more.startsWith(QLatin1Char('#')))
                        break;
                    more = more.mid(1).trimmed();
                }
                value += QLatin1Char(' ') + more;
                if (more.contains(QLatin1Char(']'))) {
                    if (!commented)
                        i = j;
                    break;
                }
            }
        }
        const QString name = m.captured(2);
        // A value must look like one (a string, a number, a list, or a build
        // placeholder of a template, @NAME@): prose with an "=" in a comment
        // is not a setting.
        static const QRegularExpression valueShape(QStringLiteral(
            "^(\"[^\"]*\"|-?[0-9]+|\\[.*\\]?|[0-9]+[KMG]?|@[A-Za-z_]+@)\\s*(#.*)?$"));
        if (!valueShape.match(value).hasMatch()) {
            if (!commented && diagnostics)
                diagnostics->append(
                    Diagnostic::warning(fileName, i + 1,
                                        QStringLiteral("value of %1 is neither a quoted string, "
                                                       "a number nor a list")
                                            .arg(name)));
            if (commented)
                continue;
        }
        if (seen.contains(name))
            continue;
        seen.insert(name);
        ConfigSetting s;
        s.name = name;
        s.shipped = value.simplified();
        s.commented = commented;
        s.confLine = i + 1;
        out.append(s);
    }
    return out;
}

QStringList ConfigExtractor::inputFiles(const QString &root, bool sourceTree)
{
    QStringList out;
    const QString r = root == QLatin1String("/") ? QString() : root;
    if (sourceTree) {
        // DirListing, not QDirIterator: the same files, and the folders are
        // noted for the index freshness stamp (io/fswatch.h).
        for (const char *dir : {"src", "daemon", "qemud"}) {
            const QStringList found = DirListing::entries(r + QLatin1Char('/') + QLatin1String(dir),
                                                          {QStringLiteral("*.conf"), QStringLiteral("*.conf.in"),
                                                           QStringLiteral("*.aug"), QStringLiteral("*.aug.in")},
                                                          DirListing::Type::Files, true);
            for (const QString &p : found) {
                const QString n = QFileInfo(p).fileName();
                if (n.startsWith(QLatin1String("test_")) ||
                    n.contains(QLatin1String(".sysusers.")) || p.contains(QLatin1String("/tests/")))
                    continue;
                out << p;
            }
        }
    } else {
        out << DirListing::entries(r + QStringLiteral("/etc/libvirt"), {QStringLiteral("*.conf")},
                                   DirListing::Type::Files);
        out << DirListing::entries(r + QStringLiteral("/usr/share/augeas/lenses"),
                                   {QStringLiteral("libvirt*.aug"), QStringLiteral("virt*.aug")},
                                   DirListing::Type::Files);
    }
    out.sort();
    return out;
}

QList<ConfigFile> ConfigExtractor::readTree(const QString &root, Diagnostics *diagnostics)
{
    QStringList confs, lenses;
    for (const QString &p : inputFiles(root, true))
        (p.contains(QLatin1String(".aug")) ? lenses : confs) << p;
    return assemble(SourceRoot(root), confs, lenses, diagnostics);
}

QList<ConfigFile> ConfigExtractor::readInstalled(const QString &root, Diagnostics *diagnostics)
{
    QStringList confs, lenses;
    for (const QString &p : inputFiles(root, false))
        (p.endsWith(QLatin1String(".aug")) ? lenses : confs) << p;
    return assemble(SourceRoot(root), confs, lenses, diagnostics);
}

bool isBuildPlaceholder(const QJsonValue &shipped)
{
    // meson's configure_file and autoconf substitute @NAME@ when libvirt is
    // built; a source tree (a tarball of the history) still shows the name.
    static const QRegularExpression placeholder(QStringLiteral("@[A-Za-z_][A-Za-z0-9_]*@"));
    return shipped.isString() && placeholder.match(shipped.toString()).hasMatch();
}

QJsonValue configDefaultIn(const QJsonObject &attrs, const Version &release)
{
    QJsonValue out(QJsonValue::Undefined);
    for (const QJsonValue &step : attrs.value(QStringLiteral("defaults")).toArray()) {
        const QJsonArray a = step.toArray();
        if (release < Version::parse(a.at(0).toString()))
            break;
        out = a.at(1);
    }
    return out;
}

ItemList ConfigExtractor::items(const QList<ConfigFile> &files)
{
    ItemList out;
    for (const ConfigFile &cf : files) {
        for (const ConfigSetting &s : cf.settings) {
            Item it;
            it.kind = ItemKind::ConfigOption;
            it.name = s.name;
            it.key = cf.name + QLatin1Char(':') + s.name;
            it.parent = cf.name;
            it.origin = QStringLiteral("config");
            it.file = s.confLine > 0 ? cf.confPath : cf.lensPath;
            it.line = s.confLine > 0 ? s.confLine : s.lensLine;
            it.signature = s.confLine > 0
                               ? QString((s.commented ? QStringLiteral("#") : QString()) + s.name +
                                         QStringLiteral(" = ") + s.shipped)
                               : s.name;
            it.attrs.insert(QStringLiteral("file"), cf.name);
            if (!s.type.isEmpty())
                it.attrs.insert(QStringLiteral("type"), s.type);
            if (s.confLine > 0) {
                it.attrs.insert(QStringLiteral("default"), s.shipped);
                it.attrs.insert(QStringLiteral("commented"), s.commented);
            }
            it.attrs.insert(QStringLiteral("inConf"), s.confLine > 0);
            it.attrs.insert(QStringLiteral("inLens"), s.lensLine > 0);
            if (!cf.lensModule.isEmpty())
                it.attrs.insert(QStringLiteral("lens"), cf.lensModule);
            out.append(std::move(it));
        }
    }
    return out;
}

} // namespace vse
