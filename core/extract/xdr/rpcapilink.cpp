#include "rpcapilink.h"

#include <QHash>
#include <QJsonArray>

namespace vse {

namespace {

// Words libvirt's API names keep in capitals (or spell specially), from the
// public function names themselves.
QString fixedWord(const QString &upper)
{
    static const QHash<QString, QString> fixes = {
        {QStringLiteral("XML"), QStringLiteral("XML")},
        {QStringLiteral("UUID"), QStringLiteral("UUID")},
        {QStringLiteral("ID"), QStringLiteral("ID")},
        {QStringLiteral("CPU"), QStringLiteral("CPU")},
        {QStringLiteral("OS"), QStringLiteral("OS")},
        {QStringLiteral("HA"), QStringLiteral("HA")},
        {QStringLiteral("IO"), QStringLiteral("IO")},
        {QStringLiteral("MAC"), QStringLiteral("MAC")},
        {QStringLiteral("NUMA"), QStringLiteral("NUMA")},
        {QStringLiteral("JSON"), QStringLiteral("JSON")},
        {QStringLiteral("TLS"), QStringLiteral("TLS")},
        {QStringLiteral("PCI"), QStringLiteral("PCI")},
        {QStringLiteral("URI"), QStringLiteral("URI")},
        {QStringLiteral("SCSI"), QStringLiteral("SCSI")},
        {QStringLiteral("USB"), QStringLiteral("USB")},
        {QStringLiteral("DHCP"), QStringLiteral("DHCP")},
        {QStringLiteral("SEV"), QStringLiteral("SEV")},
        {QStringLiteral("SGX"), QStringLiteral("SGX")},
        {QStringLiteral("FS"), QStringLiteral("FS")},
        {QStringLiteral("FSINFO"), QStringLiteral("FSInfo")},
        {QStringLiteral("FSFREEZE"), QStringLiteral("FSFreeze")},
        {QStringLiteral("FSTHAW"), QStringLiteral("FSThaw")},
        {QStringLiteral("FSTRIM"), QStringLiteral("FSTrim")},
        {QStringLiteral("NWFILTER"), QStringLiteral("NWFilter")},
        {QStringLiteral("IOTHREAD"), QStringLiteral("IOThread")},
        {QStringLiteral("IOTHREADS"), QStringLiteral("IOThreads")},
        {QStringLiteral("THREADPOOL"), QStringLiteral("ThreadPool")},
    };
    const auto it = fixes.constFind(upper);
    if (it != fixes.constEnd())
        return *it;
    return upper.left(1) + upper.mid(1).toLower();
}

QStringList words(const QString &procedureName)
{
    const int at = procedureName.indexOf(QLatin1String("_PROC_"));
    if (at < 0)
        return {};
    return procedureName.mid(at + 6).split(QLatin1Char('_'), Qt::SkipEmptyParts);
}

} // namespace

QString apiCamelCase(const QStringList &upperWords)
{
    QString out;
    for (const QString &w : upperWords)
        out += fixedWord(w);
    return out;
}

QStringList apiNameCandidates(const QString &programId, const QString &procedureName)
{
    const QStringList w = words(procedureName);
    if (w.isEmpty())
        return {};
    const QString vir = QStringLiteral("vir");
    QStringList out;
    if (programId == QLatin1String("remote")) {
        out.append(vir + apiCamelCase(w));
        // Names before libvirt 1.2.0 regularised them (the numbers stayed).
        const QString joined = w.join(QLatin1Char('_'));
        if (joined.endsWith(QLatin1String("_DUMP_XML")))
            out.append(vir + apiCamelCase(w.mid(0, w.size() - 2)) + QStringLiteral("GetXMLDesc"));
        else if (joined == QLatin1String("CPU_COMPARE"))
            out.append(QStringLiteral("virConnectCompareCPU"));
        else if (joined == QLatin1String("CPU_BASELINE"))
            out.append(QStringLiteral("virConnectBaselineCPU"));
        if (w.constFirst() != QLatin1String("CONNECT"))
            out.append(vir + QStringLiteral("Connect") + apiCamelCase(w));
    } else if (programId == QLatin1String("qemu") || programId == QLatin1String("lxc")) {
        // The hypervisor word sits after the object, which may be one word
        // (virDomainQemuAttach) or two (virConnectDomainQemuMonitorEventRegister).
        const QString hv =
            programId == QLatin1String("qemu") ? QStringLiteral("Qemu") : QStringLiteral("Lxc");
        for (int i = 1; i < w.size(); ++i)
            out.append(vir + apiCamelCase(w.mid(0, i)) + hv + apiCamelCase(w.mid(i)));
        // 0.9.0 named the first qemu procedure MONITOR_COMMAND, without DOMAIN.
        out.append(vir + QStringLiteral("Domain") + hv + apiCamelCase(w));
    } else if (programId == QLatin1String("admin")) {
        out.append(QStringLiteral("virAdm") + apiCamelCase(w));
    }
    return out;
}

void linkProceduresToApis(ItemList &rpcItems, ItemList &apiItems)
{
    QHash<QString, qsizetype> byLowerName;
    for (qsizetype i = 0; i < apiItems.size(); ++i)
        if (apiItems.at(i).kind == ItemKind::Function)
            byLowerName.insert(apiItems.at(i).name.toLower(), i);

    for (Item &proc : rpcItems) {
        if (proc.kind != ItemKind::RpcProcedure)
            continue;
        const QString program = proc.attrs.value(QLatin1String("program")).toString();
        qsizetype found = -1;
        for (const QString &candidate : apiNameCandidates(program, proc.name)) {
            found = byLowerName.value(candidate.toLower(), -1);
            if (found >= 0)
                break;
        }
        if (found < 0)
            continue;
        Item &api = apiItems[found];
        // Linking twice (a re-index) must not duplicate evidence or back-links.
        if (proc.attrs.value(QLatin1String("api")).toString() == api.name)
            continue;
        proc.attrs.insert(QStringLiteral("api"), api.name);
        proc.attrs.insert(QStringLiteral("apiKind"), QStringLiteral("api"));
        const Version since = api.since();
        if (since.isValid()) {
            Evidence e;
            e.kind = Evidence::Kind::ApiVersion;
            e.version = since;
            e.detail = api.name;
            proc.evidence.append(e);
        }
        QJsonArray procs = api.attrs.value(QLatin1String("procedures")).toArray();
        procs.append(
            QJsonObject{{QStringLiteral("program"), program},
                        {QStringLiteral("number"), proc.attrs.value(QLatin1String("number"))},
                        {QStringLiteral("name"), proc.name},
                        {QStringLiteral("acl"), proc.attrs.value(QLatin1String("acl")).toArray()}});
        api.attrs.insert(QStringLiteral("procedures"), procs);
    }
}

} // namespace vse
