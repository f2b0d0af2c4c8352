#include "driversupport.h"

#include "io/confinedfile.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>

namespace vse {

namespace {

// qemu_driver.c, the biggest, is under 1 MB.

// Files libvirt keeps its driver tables in (the same set its support-matrix
// generator reads). vbox_driver.c is left out on purpose: it only holds a
// stand-in table used when the real VirtualBox driver (vbox_common.c) is not
// loaded, which would list vbox a second time with other versions.
bool holdsDriverTables(const QString &fileName)
{
    if (fileName == QLatin1String("vbox_driver.c"))
        return false;
    for (const char *suffix : {"driver.c", "common.c", "tmpl.c", "monitor.c", "udev.c"}) {
        if (fileName.endsWith(QLatin1String(suffix)))
            return true;
    }
    return false;
}

// The column name libvirt's matrix gives a driver: the node device backends
// by their suffix (node_device_udev.c -> udev), every other driver by the
// first word of its file (qemu_driver.c -> qemu, bridge_driver.c -> bridge).
QString driverNameForFile(const QString &fileName)
{
    QString base = fileName;
    base.chop(2); // ".c"
    static const QLatin1String nodeDevice("node_device_");
    if (base.startsWith(nodeDevice) && base.size() > nodeDevice.size())
        return base.mid(nodeDevice.size());
    const qsizetype underscore = base.indexOf(QLatin1Char('_'));
    return underscore > 0 ? base.left(underscore) : base;
}

// src/driver-*.h declare each table member with its callback type, whose name
// carries the public API: `virDrvDomainCreateXML domainCreateXML;`.
QHash<QString, QString> memberApisFromHeaders(const QDir &src, const SourceRoot &root, Diagnostics *diagnostics)
{
    static const QRegularExpression member(QStringLiteral("^\\s*virDrv(\\w+)\\s+(\\w+)\\s*;"));
    QHash<QString, QString> apis;
    for (const QString &name :
         src.entryList({QStringLiteral("driver-*.h")}, QDir::Files, QDir::Name)) {
        QByteArray data;
        if (!root.read(src.filePath(name), &data, diagnostics))
            continue;
        const QStringList lines = QString::fromUtf8(data).split(QLatin1Char('\n'));
        for (const QString &line : lines) {
            if (const auto m = member.match(line); m.hasMatch())
                apis.insert(m.captured(2), QStringLiteral("vir") + m.captured(1));
        }
    }
    return apis;
}

// Libvirt's naming rule, for trees without driver headers: the member is the
// API without "vir", starting lower case (.networkLookupByName).
QString apiForMember(const QString &member, const QHash<QString, QString> &fromHeaders)
{
    if (const auto it = fromHeaders.constFind(member); it != fromHeaders.constEnd())
        return *it;
    // The one prefix libvirt spells differently in members and APIs.
    static const QLatin1String nwfilter("nwfilter");
    if (member.startsWith(nwfilter))
        return QStringLiteral("virNWFilter") + member.mid(nwfilter.size());
    return QStringLiteral("vir") + member.at(0).toUpper() + member.mid(1);
}

struct TableEntry
{
    QString member;
    DriverSupport support;
};

class SourceFileReader
{
public:
    SourceFileReader(const QString &path, const QString &shownPath, const SourceRoot &root,
                     Diagnostics *diagnostics)
        : m_path(path), m_shown(shownPath), m_root(root), m_diagnostics(diagnostics)
    {
    }
    QList<TableEntry> read();

private:
    void warn(int line, const QString &message)
    {
        m_diagnostics->append(Diagnostic::warning(m_path, line, message));
    }
    QString m_path;
    QString m_shown; // relative to the tree, for the evidence
    const SourceRoot &m_root;
    Diagnostics *m_diagnostics;
};

QList<TableEntry> SourceFileReader::read()
{
    // The table kinds libvirt's support matrix covers. virConnectDriver
    // (pointers to these tables plus flags) and the state/stream drivers are
    // not per-API tables.
    static const QRegularExpression tableStart(
        QStringLiteral("^\\s*(?:static\\s+)?(?:const\\s+)?vir(?:Hypervisor|Network|Interface|"
                       "NodeDevice|Storage|Secret|NWFilter)"
                       "Driver\\s+(?:\\w+|NAME\\s*\\(\\s*\\w+\\s*\\))\\s*=\\s*\\{"));
    static const QRegularExpression entry(QStringLiteral(
        "^\\s*\\.(\\w+)\\s*=\\s*(\\w+)\\s*,?\\s*"
        "(?:/\\*\\s*(\\d+\\.\\d+\\.\\d+)\\s*(?:-\\s*(\\d+\\.\\d+\\.\\d+)\\s*)?\\*/\\s*)?$"));
    QList<TableEntry> entries;
    QByteArray data;
    if (!m_root.read(m_path, &data, m_diagnostics))
        return entries;
    if (const qsizetype nul = data.indexOf('\0'); nul >= 0) {
        warn(int(data.left(nul).count('\n')) + 1,
             QStringLiteral("binary data (NUL byte): skipped"));
        return entries;
    }
    const QString driver = driverNameForFile(QFileInfo(m_path).fileName());
    const QStringList lines = QString::fromUtf8(data).split(QLatin1Char('\n'));
    bool inTable = false;
    for (qsizetype i = 0; i < lines.size(); ++i) {
        const QString &line = lines.at(i);
        const int lineNo = int(i) + 1;
        if (!inTable) {
            inTable = line.contains(QLatin1String("Driver")) && tableStart.match(line).hasMatch();
            continue;
        }
        const auto m = entry.match(line.endsWith(QLatin1Char('\r')) ? line.chopped(1) : line);
        if (!m.hasMatch()) {
            if (line.contains(QLatin1Char('}')))
                inTable = false;
            continue;
        }
        const QString member = m.captured(1);
        const QString function = m.captured(2);
        if (member == QLatin1String("name") || member == QLatin1String("no"))
            continue;
        const Version since = Version::parse(m.captured(3));
        const Version removed = Version::parse(m.captured(4));
        if (!since.isValid()) {
            // A private hook that no public API reaches needs no version.
            if (member != QLatin1String("connectURIProbe"))
                warn(lineNo,
                     QStringLiteral(".%1 has no /* version */ comment: not counted").arg(member));
            continue;
        }
        if (function == QLatin1String("NULL") && !removed.isValid()) {
            warn(lineNo,
                 QStringLiteral(".%1 is NULL without a removal version: not counted").arg(member));
            continue;
        }
        if (function != QLatin1String("NULL") && removed.isValid())
            warn(lineNo, QStringLiteral(".%1 has a removal version but still an implementation")
                             .arg(member));
        if (removed.isValid() && removed < since)
            warn(lineNo, QStringLiteral(".%1 removed in %2 before it was added in %3")
                             .arg(member, removed.toString(), since.toString()));
        entries.append(
            {member,
             {driver, since, removed, m_shown + QLatin1Char(':') + QString::number(lineNo)}});
    }
    return entries;
}

// One driver member stands for more than one public API.
void addDerivedApis(DriverMatrix &matrix, const TableEntry &e)
{
    const QString &member = e.member;
    if (member == QLatin1String("connectOpen")) {
        // The read-only open goes through the same hook; the authenticated one
        // exists since 0.4.0, so older drivers gained it then.
        addDriverSupport(matrix[QStringLiteral("virConnectOpenReadOnly")], e.support);
        DriverSupport auth = e.support;
        auth.since = std::max(auth.since, Version(0, 4, 0));
        addDriverSupport(matrix[QStringLiteral("virConnectOpenAuth")], auth);
    } else if (member == QLatin1String("domainCreateXML")) {
        // virDomainCreateLinux (0.0.3) is the old name of virDomainCreateXML.
        DriverSupport createLinux = e.support;
        createLinux.since = std::max(createLinux.since, Version(0, 0, 3));
        addDriverSupport(matrix[QStringLiteral("virDomainCreateLinux")], createLinux);
    } else if (member == QLatin1String("domainMigratePrepare") ||
               member == QLatin1String("domainMigratePrepare2") ||
               member == QLatin1String("domainMigratePrepare3")) {
        // virDomainMigrate works with a driver once any migration protocol does.
        DriverSupport migrate = e.support;
        migrate.removed = Version();
        addDriverSupport(matrix[QStringLiteral("virDomainMigrate")], migrate);
    }
}

} // namespace

DriverMatrix readDriverTables(const QString &sourceRoot, Diagnostics *diagnostics)
{
    const QDir root(sourceRoot);
    const QDir src(root.filePath(QStringLiteral("src")));
    if (!src.exists()) {
        diagnostics->append(Diagnostic::error(
            sourceRoot, 0, QStringLiteral("no src/ folder: not a libvirt source tree")));
        return {};
    }
    const SourceRoot confined(sourceRoot);
    const QHash<QString, QString> memberApis = memberApisFromHeaders(src, confined, diagnostics);
    QStringList files;
    QDirIterator it(src.path(), {QStringLiteral("*.c")}, QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        if (holdsDriverTables(it.fileName()))
            files.append(path);
    }
    files.sort(); // the same diagnostics order on every file system
    DriverMatrix matrix;
    int tables = 0;
    for (const QString &path : files) {
        SourceFileReader reader(path, root.relativeFilePath(path), confined, diagnostics);
        const QList<TableEntry> entries = reader.read();
        tables += entries.isEmpty() ? 0 : 1;
        for (const TableEntry &e : entries) {
            addDriverSupport(matrix[apiForMember(e.member, memberApis)], e.support);
            addDerivedApis(matrix, e);
        }
    }
    if (tables == 0)
        diagnostics->append(
            Diagnostic::warning(src.path(), 0, QStringLiteral("no driver tables found")));
    return matrix;
}

} // namespace vse
