#include "symbolversions.h"

#include <QFile>
#include <QFileInfo>
#include <QHash>

#include <fcntl.h>
#include <gelf.h>
#include <libelf.h>
#include <unistd.h>

// The ELF side: .gnu.version_d defines the version nodes (index -> name),
// .gnu.versym gives each .dynsym entry the index of its node.

namespace vse {

Evidence SymbolVersion::evidence() const
{
    return {fromSymsFile ? Evidence::Kind::SymsFile : Evidence::Kind::SymbolVersion, version,
            source + QStringLiteral(": ") + node, false};
}

QString SymbolVersions::libraryForNode(const QString &node)
{
    if (node.startsWith(QLatin1String("LIBVIRT_QEMU_")))
        return QStringLiteral("libvirt-qemu");
    if (node.startsWith(QLatin1String("LIBVIRT_LXC_")))
        return QStringLiteral("libvirt-lxc");
    if (node.startsWith(QLatin1String("LIBVIRT_ADMIN_")))
        return QStringLiteral("libvirt-admin");
    return QStringLiteral("libvirt");
}

bool SymbolVersions::isPrivateNode(const QString &node)
{
    return node.contains(QLatin1String("PRIVATE"));
}

namespace {

class ElfFile
{
public:
    ElfFile(const QString &path, const SourceRoot &root, QString *why)
    {
        qint64 size = 0;
        m_fd = root.openRegular(path, &size, why);
        if (m_fd >= 0)
            m_elf = elf_begin(m_fd, ELF_C_READ, nullptr);
    }
    ~ElfFile()
    {
        if (m_elf)
            elf_end(m_elf);
        if (m_fd >= 0)
            ::close(m_fd);
    }
    ElfFile(const ElfFile &) = delete;
    ElfFile &operator=(const ElfFile &) = delete;
    bool opened() const { return m_fd >= 0; }
    Elf *elf() const { return m_elf; }

private:
    int m_fd = -1;
    Elf *m_elf = nullptr;
};

struct Section
{
    Elf_Data *data = nullptr;
    GElf_Shdr header{};
};

QString elfError()
{
    return QString::fromUtf8(elf_errmsg(-1));
}

} // namespace

SymbolVersionResult SymbolVersions::readSharedLibrary(const QString &path, const SourceRoot &root)
{
    SymbolVersionResult result;
    const QString name = QFileInfo(path).fileName();
    auto error = [&](const QString &message) {
        result.diagnostics.append(Diagnostic::error(path, 0, message));
        return result;
    };
    if (!QFileInfo(path).isFile())
        return error(QStringLiteral("shared library does not exist or is not a file"));
    if (elf_version(EV_CURRENT) == EV_NONE)
        return error(QStringLiteral("libelf is unusable: %1").arg(elfError()));
    QString why;
    ElfFile file(path, root, &why);
    if (!file.opened())
        return error(QStringLiteral("cannot open shared library: %1").arg(why));
    if (!file.elf() || elf_kind(file.elf()) != ELF_K_ELF)
        return error(QStringLiteral("not an ELF file"));

    Section dynsym, versym, verdef;
    for (Elf_Scn *scn = elf_nextscn(file.elf(), nullptr); scn; scn = elf_nextscn(file.elf(), scn)) {
        GElf_Shdr shdr;
        if (!gelf_getshdr(scn, &shdr))
            return error(QStringLiteral("corrupt section header: %1").arg(elfError()));
        Section *target = shdr.sh_type == SHT_DYNSYM       ? &dynsym
                          : shdr.sh_type == SHT_GNU_versym ? &versym
                          : shdr.sh_type == SHT_GNU_verdef ? &verdef
                                                           : nullptr;
        if (target) {
            target->header = shdr;
            target->data = elf_getdata(scn, nullptr);
        }
    }
    if (!dynsym.data)
        return error(QStringLiteral("no dynamic symbol table"));
    if (!verdef.data || !versym.data)
        return error(QStringLiteral("no symbol version definitions (.gnu.version_d)"));

    QHash<int, QString> nodes;
    size_t offset = 0;
    // sh_info holds the number of definitions; it bounds the walk on a
    // corrupt file whose vd_next would loop.
    for (GElf_Word i = 0; i < verdef.header.sh_info; ++i) {
        GElf_Verdef vd;
        GElf_Verdaux vda;
        if (!gelf_getverdef(verdef.data, int(offset), &vd) ||
            !gelf_getverdaux(verdef.data, int(offset + vd.vd_aux), &vda))
            return error(QStringLiteral("corrupt version definitions: %1").arg(elfError()));
        const char *node = elf_strptr(file.elf(), verdef.header.sh_link, vda.vda_name);
        if (!(vd.vd_flags & VER_FLG_BASE) && node)
            nodes.insert(vd.vd_ndx, QString::fromUtf8(node));
        if (vd.vd_next == 0)
            break;
        offset += vd.vd_next;
    }

    const size_t count =
        dynsym.header.sh_entsize ? dynsym.header.sh_size / dynsym.header.sh_entsize : 0;
    for (size_t i = 0; i < count; ++i) {
        GElf_Sym sym;
        GElf_Versym vs;
        if (!gelf_getsym(dynsym.data, int(i), &sym) || !gelf_getversym(versym.data, int(i), &vs))
            break;
        if (sym.st_shndx == SHN_UNDEF)
            continue;                                  // imported, not exported
        const QString node = nodes.value(vs & 0x7fff); // high bit: hidden (non-default) version
        if (node.isEmpty() || isPrivateNode(node))
            continue;
        const char *symName = elf_strptr(file.elf(), dynsym.header.sh_link, sym.st_name);
        if (!symName || !*symName)
            continue;
        SymbolVersion sv;
        sv.symbol = QString::fromUtf8(symName);
        if (sv.symbol == node)
            continue; // the node's own definition symbol
        sv.node = node;
        sv.version = Version::parse(node);
        sv.library = libraryForNode(node);
        sv.source = name;
        result.symbols.append(sv);
    }
    if (result.symbols.isEmpty())
        result.diagnostics.append(
            Diagnostic::warning(path, 0, QStringLiteral("no public versioned symbols found")));
    return result;
}

} // namespace vse
