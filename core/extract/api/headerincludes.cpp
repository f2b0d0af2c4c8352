#include "headerincludes.h"

#include <QDir>
#include <QFileInfo>
#include <QHash>
#include <QRegularExpression>
#include <QSet>

namespace vse {

namespace {

// Where a C compiler's own headers live; an absolute #include into them is
// an ordinary system include.
bool isSystemHeaderPath(const QString &path)
{
    for (const char *dir : {"/usr/include/", "/usr/local/include/", "/usr/lib/gcc/",
                            "/usr/lib/llvm-", "/usr/lib/clang/"})
        if (path.startsWith(QLatin1String(dir)))
            return true;
    return false;
}

bool insideDir(const QString &path, const QString &dir)
{
    return path.startsWith(dir + QLatin1Char('/'));
}

struct Pending
{
    QString path;
    QString fromFile;
    int fromLine = 0;
};

} // namespace

Diagnostics checkHeaderIncludes(const QStringList &entryHeaders, const QString &includeDir,
                                const SourceRoot &root)
{
    static const QRegularExpression includeRe(
        QStringLiteral("^\\s*#\\s*include\\s*([<\"])([^>\"]*)[>\"]"),
        QRegularExpression::MultilineOption);
    Diagnostics out;
    const QString libvirtDir = includeDir + QStringLiteral("/libvirt");
    QList<Pending> queue;
    for (const QString &h : entryHeaders)
        queue.append({QDir::cleanPath(includeDir + QLatin1Char('/') + h), {}, 0});
    QSet<QString> seen;
    while (!queue.isEmpty()) {
        const Pending p = queue.takeFirst();
        if (seen.contains(p.path))
            continue;
        seen.insert(p.path);
        QByteArray text;
        if (!root.read(p.path, &text, &out, p.fromFile, p.fromLine))
            continue;
        // Installed headers ("/"): only libvirt's own are followed, not the
        // whole of /usr/include.
        if (!root.confines() && !insideDir(p.path, libvirtDir))
            continue;
        const QString content = QString::fromUtf8(text);
        auto it = includeRe.globalMatch(content);
        while (it.hasNext()) {
            const auto m = it.next();
            const QString name = m.captured(2).trimmed();
            const int line =
                int(QStringView(content).left(m.capturedStart()).count(QLatin1Char('\n'))) + 1;
            const auto refuse = [&](const QString &why) {
                out.append(Diagnostic::error(p.path, line,
                                             QStringLiteral("#include %1%2%3 refused: %4")
                                                 .arg(m.captured(1), name,
                                                      m.captured(1) == QLatin1String("<")
                                                          ? QStringLiteral(">")
                                                          : QStringLiteral("\""),
                                                      why)));
            };
            if (name.isEmpty())
                continue;
            if (QDir::isAbsolutePath(name)) {
                const QString clean = QDir::cleanPath(name);
                if (root.lexicallyInside(clean) && root.confines())
                    queue.append({clean, p.path, line});
                else if (!isSystemHeaderPath(clean))
                    refuse(QStringLiteral(
                               "%1 is outside the source root %2 and the system include folders")
                               .arg(clean, root.path()));
                continue;
            }
            QStringList candidates;
            if (m.captured(1) == QLatin1String("\""))
                candidates << QDir::cleanPath(QFileInfo(p.path).path() + QLatin1Char('/') + name);
            candidates << QDir::cleanPath(includeDir + QLatin1Char('/') + name);
            bool escapes = false;
            for (const QString &c : std::as_const(candidates))
                escapes = escapes || !root.lexicallyInside(c);
            if (escapes) {
                refuse(
                    QStringLiteral("the name leads outside the source root %1").arg(root.path()));
                continue;
            }
            bool found = false;
            for (const QString &c : std::as_const(candidates)) {
                // stat, not open: whether the tree holds that name at all.
                if (QFileInfo(c).exists() || QFileInfo(c).isSymLink()) {
                    queue.append({c, p.path, line});
                    found = true;
                    break;
                }
            }
            // libclang would go on to search the system folders, where ".."
            // could climb anywhere.
            if (!found && name.split(QLatin1Char('/')).contains(QLatin1String("..")))
                refuse(QStringLiteral(
                    "not in the source tree, and a name with \"..\" is not looked up "
                    "in the system include folders"));
        }
    }
    return out;
}

} // namespace vse
