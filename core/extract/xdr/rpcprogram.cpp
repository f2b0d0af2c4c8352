#include "rpcprogram.h"

#include <QFileInfo>

namespace vse {

namespace {

struct KnownProgram
{
    const char *id;
    const char *label;
    qint64 number; // -1: the file carries no program (packet header)
    const char *file;
};

// Facts from libvirt's .x files: program numbers never change on the wire.
constexpr KnownProgram kPrograms[] = {
    {"remote", "libvirtd remote", 0x20008086, "remote_protocol.x"},
    {"qemu", "libvirtd QEMU", 0x20008087, "qemu_protocol.x"},
    {"lxc", "libvirtd LXC", 0x00068000, "lxc_protocol.x"},
    {"admin", "admin", 0x06900690, "admin_protocol.x"},
    {"lock", "virtlockd", 0x0EA7BEEF, "lock_protocol.x"},
    {"log", "virtlogd", 0x87539319, "log_protocol.x"},
    {"lxc-monitor", "LXC monitor", 0x12341234, "lxc_monitor_protocol.x"},
    {"keepalive", "keepalive", 0x6b656570, "virkeepaliveprotocol.x"},
    {"virnet", "packet header", -1, "virnetprotocol.x"},
};

void setKnown(RpcProgramInfo &info, const KnownProgram &p)
{
    info.id = QString::fromLatin1(p.id);
    info.label = QString::fromLatin1(p.label);
    info.origin = QStringLiteral("protocol:") + info.id;
    info.known = true;
}

} // namespace

QString normalizedTypeName(const QString &name)
{
    QString n = name.toLower();
    n.remove(QLatin1Char('_'));
    return n;
}

RpcProgramInfo identifyRpcProgram(const XdrFile &file)
{
    RpcProgramInfo info;
    for (int i = 0; i < file.definitions.size(); ++i) {
        const XdrDefinition &d = file.definitions.at(i);
        if (d.kind == XdrDefinition::Kind::Const) {
            if (d.name.endsWith(QLatin1String("_PROGRAM")) && info.constant.isEmpty()) {
                info.constant = d.name;
                info.numberText = d.constValue;
                bool ok = false;
                const qint64 n = d.constValue.toLongLong(&ok, 0);
                info.number = ok ? n : -1;
            } else if (d.name.endsWith(QLatin1String("_PROTOCOL_VERSION")) ||
                       d.name.endsWith(QLatin1String("_PROGRAM_VERSION"))) {
                info.version = d.constValue;
            }
        } else if (d.kind == XdrDefinition::Kind::Enum && info.procedureEnum < 0 &&
                   d.name.endsWith(QLatin1String("procedure"), Qt::CaseInsensitive)) {
            // remote_procedure, virLockSpaceProtocolProcedure, virLXCMonitorProcedure...
            info.procedureEnum = i;
            QString prefix = d.name.left(d.name.size() - int(qstrlen("procedure")));
            info.typePrefix = normalizedTypeName(prefix);
        }
    }
    const QString base = QFileInfo(file.fileName).fileName();
    for (const auto &p : kPrograms) {
        if (info.number >= 0 && p.number == info.number) {
            setKnown(info, p);
            return info;
        }
    }
    for (const auto &p : kPrograms) {
        if (base == QLatin1String(p.file) && (p.number < 0 || info.number < 0)) {
            setKnown(info, p);
            return info;
        }
    }
    // An unknown program still gets items, but no origin: the policy then says
    // "unclassified" rather than guessing a guarantee.
    if (!info.constant.isEmpty()) {
        info.id = info.constant.chopped(int(qstrlen("_PROGRAM")))
                      .toLower()
                      .replace(QLatin1Char('_'), QLatin1Char('-'));
        info.label = info.id;
    }
    return info;
}

} // namespace vse
