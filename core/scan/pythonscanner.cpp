#include "pythonscanner.h"

#include "pyhelper.h"

#include <QDirIterator>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonObject>

namespace vse::scan {

namespace {

Use useFrom(const QJsonObject &o, const QString &file, const PythonApiMap &map, bool *keep)
{
    Use u;
    u.pos = {file, o.value(QLatin1String("line")).toInt(), o.value(QLatin1String("col")).toInt()};
    u.language = QStringLiteral("python");
    u.spelled = o.value(QLatin1String("spelled")).toString();
    const QString kind = o.value(QLatin1String("kind")).toString();
    const QString name = o.value(QLatin1String("name")).toString();
    const QString module = o.value(QLatin1String("module")).toString();
    if (const QString g = o.value(QLatin1String("guardedFrom")).toString(); !g.isEmpty())
        u.guardedFrom = Version::parse(g);
    u.presenceChecked = o.value(QLatin1String("presence")).toBool();
    u.hasFallback = o.value(QLatin1String("fallback")).toBool();
    *keep = true;
    // libvirt.VIR_DOMAIN_NONE is the C constant VIR_DOMAIN_NONE.
    if (name.startsWith(QLatin1String("VIR_"))) {
        u.kind = UseKind::Constant;
        u.symbol = name;
        return u;
    }
    u.kind = UseKind::Function;
    if (kind == QLatin1String("call")) {
        const PythonResolution r = map.resolveMethod(name);
        u.symbol = r.symbol;
        u.candidates = r.candidates;
        *keep = !r.symbol.isEmpty() || !r.candidates.isEmpty();
        if (!*keep) {
            const QList<PythonApiMap::CSpelled> spelled = map.cSpelled(name);
            for (const PythonApiMap::CSpelled &c : spelled)
                u.bindingNames << QStringLiteral("%1.%2() for %3").arg(c.className, c.method, c.cFunction);
            if (spelled.size() == 1)
                u.symbol = spelled.first().cFunction;
            *keep = !spelled.isEmpty();
        }
    } else {
        // libvirt.open(), libvirt_qemu.qemuMonitorCommand(), from libvirt
        // import openAuth. Classes (virDomain, libvirtError) have no C symbol.
        u.symbol = map.resolveModuleFunction(module, name);
        *keep = !u.symbol.isEmpty();
    }
    return u;
}

} // namespace

QStringList pythonFilesUnder(const QString &path)
{
    const QFileInfo fi(path);
    if (!fi.isDir())
        return {path};
    QStringList out;
    QDirIterator it(path, {QStringLiteral("*.py")}, QDir::Files | QDir::NoSymLinks,
                    QDirIterator::Subdirectories);
    while (it.hasNext())
        out << it.next();
    out.sort();
    return out;
}

QList<FileScan> scanPython(const QStringList &files, const PythonApiMap &map, Diagnostics *problems)
{
    QList<FileScan> out;
    if (files.isEmpty())
        return out;
    // Only calls of the binding's method names come back: a program makes
    // far more calls than it makes to libvirt.
    // And the C spellings of renamed methods (dom.getState()), a mistake
    // worth a word.
    QStringList methods = map.methodNames() + map.cSpelledNames();
    methods.sort();
    const QStringList options{QStringLiteral("--methods=") + methods.join(u',')};
    Diagnostics whole;
    const auto json = runPythonHelper(QStringLiteral("scan"), files, &whole, options);
    QJsonArray results;
    if (json) {
        results = json->value(QLatin1String("files")).toArray();
    } else if (files.size() > 1 && !whole.value(0).message.contains(QLatin1String("not found"))) {
        // One file took the helper down (a crash, or no answer in time):
        // scan each file alone so the others still get their uses and the
        // culprit its own message.
        for (const QString &file : files) {
            Diagnostics one;
            if (const auto single =
                    runPythonHelper(QStringLiteral("scan"), {file}, &one, options)) {
                results.append(single->value(QLatin1String("files")).toArray().at(0));
            } else {
                const QString why = one.value(0).message;
                results.append(QJsonObject{
                    {QStringLiteral("file"), file},
                    {QStringLiteral("error"),
                     QJsonObject{{QStringLiteral("line"), 0}, {QStringLiteral("message"), why}}}});
            }
        }
    } else {
        if (problems)
            problems->append(whole);
        return out;
    }
    for (const auto &r : results) {
        const QJsonObject o = r.toObject();
        FileScan fs;
        fs.file = o.value(QLatin1String("file")).toString();
        fs.language = QStringLiteral("python");
        if (o.contains(QLatin1String("error"))) {
            const QJsonObject e = o.value(QLatin1String("error")).toObject();
            fs.problems.append(Diagnostic::error(fs.file, e.value(QLatin1String("line")).toInt(),
                                                 e.value(QLatin1String("message")).toString()));
        }
        for (const auto &u : o.value(QLatin1String("uses")).toArray()) {
            bool keep = false;
            Use use = useFrom(u.toObject(), fs.file, map, &keep);
            if (keep)
                fs.uses.append(use);
        }
        for (const auto &g : o.value(QLatin1String("guards")).toArray()) {
            const QJsonObject go = g.toObject();
            GuardSite site;
            site.pos = {fs.file, go.value(QLatin1String("line")).toInt(),
                        go.value(QLatin1String("col")).toInt()};
            site.version = Version::parse(go.value(QLatin1String("version")).toString());
            site.text = go.value(QLatin1String("text")).toString();
            fs.guards.append(site);
        }
        out.append(fs);
    }
    return out;
}

} // namespace vse::scan
