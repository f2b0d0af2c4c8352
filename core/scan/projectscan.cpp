#include "projectscan.h"

#include "io/confinedfile.h"
#include "pythonscanner.h"

#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>

#include <unistd.h>

#include <algorithm>

namespace vse::scan {

namespace {

bool skippedFolder(const QString &name)
{
    return name.startsWith(QLatin1Char('.')) || name == QLatin1String("node_modules") ||
           name == QLatin1String("__pycache__");
}

// A <domain> root element in the first few KiB (after the prolog and comments).
bool isDomainXml(const QString &file)
{
    // Through SourceRoot: a FIFO or device named *.xml is refused, not read.
    qint64 size = 0;
    QString why;
    const int fd = SourceRoot().openRegular(file, &size, &why);
    if (fd < 0)
        return false;
    QByteArray head(8192, '\0');
    const ssize_t n = ::read(fd, head.data(), size_t(head.size()));
    ::close(fd);
    if (n <= 0)
        return false;
    head.truncate(n);
    static const QRegularExpression root(QStringLiteral("<(?![?!])([\\w:.-]+)"));
    static const QRegularExpression comment(QStringLiteral("<!--.*?-->"),
                                            QRegularExpression::DotMatchesEverythingOption);
    QString text = QString::fromUtf8(head);
    text.remove(comment);
    const auto m = root.match(text);
    return m.hasMatch() && m.captured(1) == QLatin1String("domain");
}

// False when the file is none of the kinds scan reads.
bool classify(ProjectFiles &out, const QString &file)
{
    const QString suffix = QFileInfo(file).suffix().toLower();
    if (CScanner::isCSource(file))
        out.c << file;
    else if (suffix == QLatin1String("py"))
        out.python << file;
    else if (suffix == QLatin1String("xml") && isDomainXml(file))
        out.domainXml << file;
    else
        return false;
    return true;
}

// The exclude patterns, compiled once: by name, or by the path below a root.
struct Excludes
{
    QList<QRegularExpression> byName, byPath;

    explicit Excludes(const QStringList &patterns)
    {
        for (QString p : patterns) {
            while (p.endsWith(QLatin1Char('/')) && p.size() > 1)
                p.chop(1); // "vendor/" names the folder
            if (p.startsWith(QLatin1String("./")))
                p = p.mid(2);
            const QRegularExpression re(QRegularExpression::wildcardToRegularExpression(p));
            (p.contains(QLatin1Char('/')) ? byPath : byName) << re;
        }
    }
    bool matches(const QString &name, const QString &relative) const
    {
        const auto any = [](const QList<QRegularExpression> &list, const QString &text) {
            return std::any_of(list.cbegin(), list.cend(),
                               [&text](const QRegularExpression &re) { return re.match(text).hasMatch(); });
        };
        return any(byName, name) || any(byPath, relative);
    }
};

} // namespace

ProjectFiles collectProjectFiles(const QStringList &paths, const QStringList &exclude)
{
    const Excludes excludes(exclude);
    ProjectFiles out;
    for (const QString &p : paths) {
        const QFileInfo fi(p);
        if (!fi.exists()) {
            out.problems.append(Diagnostic::error(p, 0, QStringLiteral("no such file or folder")));
            continue;
        }
        if (!fi.isDir()) {
            const QString dir = fi.absoluteDir().canonicalPath();
            if (!out.roots.contains(dir))
                out.roots << dir;
            // A file named explicitly is scanned whatever its suffix says is
            // not (binary or not C is then reported by the scanner).
            if (!CScanner::isCSource(p) && fi.suffix().toLower() != QLatin1String("py") &&
                fi.suffix().toLower() != QLatin1String("xml"))
                out.problems.append(Diagnostic::warning(
                    p, 0, QStringLiteral("not a C, C++, Python or XML file; not scanned")));
            else if (!classify(out, fi.canonicalFilePath()))
                out.problems.append(Diagnostic::warning(
                    p, 0,
                    QStringLiteral("not a regular file holding a <domain> document; not checked")));
            continue;
        }
        if (!fi.isReadable()) {
            out.problems.append(Diagnostic::error(p, 0, QStringLiteral("cannot read the folder")));
            continue;
        }
        const QString root = fi.canonicalFilePath();
        const QString below = root.endsWith(QLatin1Char('/')) ? root : root + QLatin1Char('/');
        if (!out.roots.contains(root))
            out.roots << root;
        QStringList found;
        QList<QString> pending{root};
        while (!pending.isEmpty()) {
            const QDir dir(pending.takeFirst());
            const auto entries =
                dir.entryInfoList(QDir::Files | QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name);
            for (const QFileInfo &e : entries) {
                if (e.isSymLink())
                    continue; // stays inside the folder given, never loops
                if (e.isDir() && skippedFolder(e.fileName()))
                    continue;
                if (excludes.matches(e.fileName(), e.filePath().mid(below.size()))) {
                    ++out.excluded;
                    continue;
                }
                if (e.isDir())
                    pending << e.filePath();
                else
                    found << e.filePath();
            }
        }
        for (const QString &f : std::as_const(found))
            classify(out, f);
    }
    return out;
}

QList<FileScan> scanProject(const ProjectFiles &files, const ProjectScanOptions &options,
                            Diagnostics *problems)
{
    QList<FileScan> out;
    if (!files.c.isEmpty()) {
        CScanOptions o;
        o.roots = files.roots;
        o.compileCommands = options.compileCommands;
        o.cancel = options.cancel;
        o.progress = options.progress;
        const CScanner scanner(o);
        out += scanner.scan(scanner.plan(files.c, problems));
    }
    if (!files.python.isEmpty()) {
        // The method map is read from the real binding (libvirt.py); without
        // one the .py files cannot be resolved, and the diagnostic says how
        // to fetch it.
        if (const std::optional<PythonApiMap> map = PythonApiMap::load(problems))
            out += scanPython(files.python, *map, problems);
        else
            for (const QString &f : files.python)
                problems->append(Diagnostic::warning(
                    f, 0, QStringLiteral("not scanned: no libvirt-python binding (libvirt.py) found")));
    }
    return out;
}

} // namespace vse::scan
