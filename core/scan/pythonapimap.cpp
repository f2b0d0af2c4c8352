#include "pythonapimap.h"

#include "pyhelper.h"

#include <QCollator>
#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>

#include <algorithm>

namespace vse::scan {

namespace {

QStringList strings(const QJsonValue &v)
{
    QStringList out;
    for (const auto &s : v.toArray())
        out << s.toString();
    return out;
}

// python3-libvirt's folders unpacked by scripts/fetch-debian-packages,
// newest Debian version first.
QStringList fetchedBindings()
{
    QStringList roots{QStringLiteral("/var/cache/virt-support-explorer/packages"),
                      QStandardPaths::writableLocation(QStandardPaths::GenericCacheLocation) +
                          QStringLiteral("/virt-support-explorer/packages")};
    QStringList found;
    for (const QString &root : roots) {
        const auto dirs = QDir(root).entryList({QStringLiteral("python3-libvirt_*")}, QDir::Dirs);
        for (const QString &d : dirs) {
            const QString file =
                root + u'/' + d + QStringLiteral("/usr/lib/python3/dist-packages/libvirt.py");
            if (QFileInfo::exists(file) &&
                QFileInfo::exists(root + u'/' + d + QStringLiteral("/.vse-package")))
                found << file;
        }
    }
    QCollator numeric;
    numeric.setNumericMode(true);
    std::sort(found.begin(), found.end(), [&](const QString &a, const QString &b) {
        return numeric.compare(QFileInfo(a).path(), QFileInfo(b).path()) > 0;
    });
    return found;
}

} // namespace

std::optional<PythonName> parsePythonName(const QString &typed)
{
    // A dotted name, then perhaps a call and a statement's ";". The
    // arguments are not read: "(" to the last ")" is dropped whole.
    static const QRegularExpression form(QStringLiteral(
        "^([A-Za-z_]\\w*(?:\\s*\\.\\s*[A-Za-z_]\\w*)+)\\s*(\\(.*\\))?\\s*;?$"));
    // Pasted from the interactive interpreter: its prompt goes.
    QString text = typed.trimmed();
    if (text.startsWith(QLatin1String(">>> ")))
        text = text.mid(4).trimmed();
    const QRegularExpressionMatch m = form.match(text);
    if (!m.hasMatch())
        return std::nullopt;
    QStringList parts = m.captured(1).split(QLatin1Char('.'));
    for (QString &p : parts)
        p = p.trimmed();
    PythonName name;
    name.called = m.capturedLength(2) > 0;
    if (parts.first() == QLatin1String("libvirt") || parts.first() == QLatin1String("libvirt_qemu") ||
        parts.first() == QLatin1String("libvirt_lxc"))
        name.module = parts.takeFirst();
    name.member = parts.takeLast();
    if (!parts.isEmpty())
        name.receiver = parts.constLast(); // self.conn.lookupByName: conn
    return name;
}

QString PythonApiMap::findBinding()
{
    if (const QString env = qEnvironmentVariable("VSE_PYTHON_LIBVIRT"); !env.isEmpty()) {
        const QFileInfo fi(env);
        return fi.isDir() ? fi.filePath() + QStringLiteral("/libvirt.py") : fi.filePath();
    }
    const QString installed = QStringLiteral("/usr/lib/python3/dist-packages/libvirt.py");
    if (QFileInfo::exists(installed))
        return installed;
    // Installed elsewhere (pip, a virtualenv on PATH): ask python3 where,
    // without importing it (find_spec does not run the module).
    QProcess py;
    py.start(qEnvironmentVariable("VSE_PYTHON", QStringLiteral("python3")),
             {QStringLiteral("-c"),
              QStringLiteral("import importlib.util as u; s = u.find_spec('libvirt'); "
                             "print(s.origin if s and s.origin else '')")});
    if (py.waitForFinished(10000) && py.exitStatus() == QProcess::NormalExit &&
        py.exitCode() == 0) {
        const QString origin = QString::fromUtf8(py.readAllStandardOutput()).trimmed();
        if (origin.endsWith(QLatin1String(".py")) && QFileInfo::exists(origin))
            return origin;
    }
    const QStringList fetched = fetchedBindings();
    return fetched.isEmpty() ? QString() : fetched.first();
}

std::optional<PythonApiMap> PythonApiMap::load(Diagnostics *problems)
{
    const QString binding = findBinding();
    if (binding.isEmpty() || !QFileInfo::exists(binding)) {
        if (problems)
            problems->append(Diagnostic::error(
                binding, 0,
                QStringLiteral(
                    "libvirt-python's libvirt.py not found: install python3-libvirt, or run "
                    "scripts/fetch-debian-packages bookworm python3-libvirt (nothing is "
                    "installed)")));
        return std::nullopt;
    }
    QStringList files{binding};
    const QString dir = QFileInfo(binding).path();
    for (const char *sibling : {"libvirt_qemu.py", "libvirt_lxc.py"})
        if (QFileInfo::exists(dir + u'/' + QLatin1String(sibling)))
            files << dir + u'/' + QLatin1String(sibling);
    return fromBinding(files, problems);
}

std::optional<PythonApiMap> PythonApiMap::fromBinding(const QStringList &files,
                                                      Diagnostics *problems)
{
    const auto json = runPythonHelper(QStringLiteral("binding"), files, problems);
    if (!json)
        return std::nullopt;
    bool broken = false;
    for (const auto &e : json->value(QLatin1String("errors")).toArray()) {
        const QJsonObject o = e.toObject();
        if (problems)
            problems->append(Diagnostic::error(o.value(QLatin1String("file")).toString(),
                                               o.value(QLatin1String("line")).toInt(),
                                               o.value(QLatin1String("message")).toString()));
        broken = true;
    }
    PythonApiMap map;
    map.m_source = files.value(0);
    const QJsonObject classes = json->value(QLatin1String("classes")).toObject();
    for (auto c = classes.begin(); c != classes.end(); ++c) {
        const QJsonObject methods = c.value().toObject();
        auto &into = map.m_classes[c.key()];
        for (auto m = methods.begin(); m != methods.end(); ++m) {
            const QStringList calls = strings(m.value().toObject().value(QLatin1String("calls")));
            into.insert(m.key(), calls);
            // The first C call is the one the method wraps (a destructor
            // may call two: deregister, then close).
            if (!calls.isEmpty() && !map.m_byMethod[m.key()].contains(calls.first()))
                map.m_byMethod[m.key()] << calls.first();
        }
    }
    for (auto &list : map.m_byMethod)
        list.sort();
    // The C spellings the binding renamed, with every class that did; a
    // spelling some method has is a real call, left out.
    for (auto c = map.m_classes.cbegin(); c != map.m_classes.cend(); ++c) {
        for (auto m = c.value().cbegin(); m != c.value().cend(); ++m) {
            // Not the binding's own plumbing (__del__ frees, _o...): no
            // program calls those by name.
            const QString function = m.value().value(0);
            if (m.key().startsWith(QLatin1Char('_')) || !function.startsWith(c.key()) || function.size() <= c.key().size())
                continue;
            QString spelled = function.mid(c.key().size());
            spelled[0] = spelled[0].toLower();
            if (!spelled.at(0).isLetter() || spelled == m.key() || map.m_byMethod.contains(spelled))
                continue;
            map.m_cSpelled[spelled].append({function, m.key(), c.key()});
        }
    }
    for (auto &list : map.m_cSpelled)
        std::sort(list.begin(), list.end(), [](const CSpelled &a, const CSpelled &b) { return a.cFunction < b.cFunction; });
    const QJsonObject functions = json->value(QLatin1String("functions")).toObject();
    for (auto f = functions.begin(); f != functions.end(); ++f)
        map.m_functions.insert(f.key(),
                               strings(f.value().toObject().value(QLatin1String("calls"))));
    for (const auto &c : json->value(QLatin1String("constants")).toArray())
        map.m_constants.insert(c.toString());
    if (broken && map.m_classes.isEmpty())
        return std::nullopt;
    return map;
}

QString PythonApiMap::cFunction(const QString &className, const QString &method) const
{
    return m_classes.value(className).value(method).value(0);
}

PythonResolution PythonApiMap::resolveMethod(const QString &method) const
{
    const QStringList c = m_byMethod.value(method);
    if (c.size() == 1)
        return {c.first(), {}};
    return {QString(), c};
}

QList<PythonApiMap::Meaning> PythonApiMap::meaningsOf(const PythonName &name) const
{
    QList<Meaning> out;
    const auto add = [&out](const QString &function, const QString &binding, bool cSpelled) {
        if (function.isEmpty())
            return;
        for (Meaning &m : out) {
            if (m.cFunction == function) {
                if (!m.bindingNames.contains(binding))
                    m.bindingNames << binding;
                return;
            }
        }
        out.append({function, {binding}, cSpelled});
    };
    if (name.receiver.isEmpty()) {
        // libvirt.open, libvirt_qemu.qemuMonitorCommand
        const QString module = name.module.isEmpty() ? QStringLiteral("libvirt") : name.module;
        add(resolveModuleFunction(module, name.member), module + u'.' + name.member, false);
        return out;
    }
    // A class written out (virDomain.messages) is that class only.
    const bool isClass = m_classes.contains(name.receiver);
    for (auto c = m_classes.cbegin(); c != m_classes.cend(); ++c)
        if ((!isClass || c.key() == name.receiver) && !name.member.startsWith(QLatin1Char('_')))
            add(c.value().value(name.member).value(0), c.key() + u'.' + name.member, false);
    if (out.isEmpty()) {
        for (const CSpelled &s : cSpelled(name.member))
            if (!isClass || s.className == name.receiver)
                add(s.cFunction, s.className + u'.' + s.method, true);
    }
    std::sort(out.begin(), out.end(), [](const Meaning &a, const Meaning &b) { return a.cFunction < b.cFunction; });
    for (Meaning &m : out)
        m.bindingNames.sort();
    return out;
}

QString PythonApiMap::resolveModuleFunction(const QString &module, const QString &name) const
{
    return m_functions.value(module + u'.' + name).value(0);
}

int PythonApiMap::methodCount() const
{
    int n = 0;
    for (const auto &c : m_classes)
        n += int(c.size());
    return n;
}

int PythonApiMap::mappedMethodCount() const
{
    int n = 0;
    for (const auto &c : m_classes)
        for (const auto &calls : c)
            n += calls.isEmpty() ? 0 : 1;
    return n;
}

QStringList PythonApiMap::ambiguousMethods() const
{
    QStringList out;
    for (auto it = m_byMethod.cbegin(); it != m_byMethod.cend(); ++it)
        if (it.value().size() > 1)
            out << it.key();
    out.sort();
    return out;
}

} // namespace vse::scan
