// virt-support gen-header --max-version VERSION: a header an application
// includes after <libvirt/libvirt.h> so that its own compiler warns at every
// call of a function newer than VERSION (what GLIB_VERSION_MAX_ALLOWED does
// for GLib). Each such function is re-declared with
//   extern __typeof__(virFoo) virFoo __attribute__((deprecated("…")));
// which GCC and Clang accept in C and C++ after the real declaration, so no
// prototype is copied. The re-declaration is compiled only when the included
// headers certainly declare the function (LIBVIR_VERSION_NUMBER at least the
// release that has it, and virterror.h or the header of a hypervisor or admin
// API included when it is declared there).
#include "cli.h"

#include <QMap>

namespace vse::cli {

namespace {

// The condition under which the headers the application included declare
// a function present since `upTo` and defined in `file`: libvirt.h includes
// all but virterror.h and the hypervisor and admin headers, whose include
// guards (current and older spellings) say whether they were included.
QString declaredCondition(const QString &file, const Version &upTo)
{
    QString cond = QStringLiteral("LIBVIR_VERSION_NUMBER >= %1").arg(upTo.toNumber());
    static const struct
    {
        const char *header, *guard, *oldGuard;
    } separate[] = {
        {"libvirt-qemu.h", "LIBVIRT_QEMU_H", "__VIR_QEMU_H__"},
        {"libvirt-lxc.h", "LIBVIRT_LXC_H", "__VIR_LXC_H__"},
        {"libvirt-admin.h", "LIBVIRT_ADMIN_H", "__VIR_ADMIN_H__"},
        {"virterror.h", "LIBVIRT_VIRTERROR_H", "__VIR_VIRERR_H__"},
    };
    const QString name = file.section(u'/', -1);
    for (const auto &h : separate)
        if (name == QLatin1String(h.header))
            cond += QStringLiteral(" && (defined(%1) || defined(%2))")
                        .arg(QLatin1String(h.guard), QLatin1String(h.oldGuard));
    return cond;
}

} // namespace

int runGenHeader(Context &ctx, const QStringList &args)
{
    QCommandLineParser p;
    // --max-version as the other commands spell the target; --max-allowed
    // as this command first did.
    const QCommandLineOption maxAllowed(
        QStringList{QStringLiteral("max-version"), QStringLiteral("max-allowed")},
        QStringLiteral("The oldest libvirt the application must run on."),
        QStringLiteral("VERSION"));
    p.addOption(maxAllowed);
    if (int rc =
            parseOrExit(ctx, p, args, "gen-header",
                        "Print a C header that marks every libvirt function newer than VERSION "
                        "deprecated, naming the release it needs, so the compiler warns where "
                        "the application calls one. Include it after <libvirt/libvirt.h>.");
        rc >= 0)
        return rc;
    if (!p.isSet(maxAllowed) || !p.positionalArguments().isEmpty()) {
        ctx.err << "virt-support gen-header: give --max-version VERSION (and nothing else)\n";
        return Usage;
    }
    Version target;
    if (!parseRelease(ctx, "gen-header", p.value(maxAllowed), &target))
        return Usage;
    Store store;
    if (int rc = openIndex(ctx, store); rc != Ok)
        return rc;
    noteIfBeyondKnown(ctx, "gen-header", store, target);

    // By name: one line per function, from its newest indexed row.
    QMap<QString, ItemSummary> newer;
    // The release history's rows: a function removed before the indexed
    // releases (the admin API's virAdmDaemon* of 1.3.x) has nothing to
    // re-declare; one added after them (virDomainGraphicsReload, 10.2.0, on
    // 9.0.0) is declared by the newer headers an application may build
    // against, and its guard (LIBVIR_VERSION_NUMBER at least its release)
    // keeps it out of older ones.
    for (const ItemSummary &s : store.summaries()) {
        if (s.kind != ItemKind::Function || !s.latest || s.removed)
            continue;
        const auto fit = s.sinceRange().fit(target);
        if (fit == SinceRange::Fit::TooNew || fit == SinceRange::Fit::MaybeTooNew)
            newer.insert(s.name, s);
    }
    const QString v = target.toString();
    QString out;
    out += QStringLiteral(
               "/* libvirt-max-allowed.h: made by `virt-support gen-header --max-version %1`.\n"
               " *\n"
               " * Include it after <libvirt/libvirt.h> (and libvirt-qemu.h, libvirt-lxc.h,\n"
               " * libvirt-admin.h when used). Every libvirt function introduced after %1\n"
               " * is re-declared deprecated, so GCC and Clang warn (-Wdeprecated-declarations)\n"
               " * where the application calls one, naming the release it needs. \"may need\":\n"
               " * the index knows only a range of releases for that function, and %1 lies\n"
               " * in it. %2 functions. */\n")
               .arg(v)
               .arg(newer.size());
    out +=
        QStringLiteral("#ifndef VIRT_SUPPORT_MAX_ALLOWED_H\n#define VIRT_SUPPORT_MAX_ALLOWED_H\n\n"
                       "#ifndef LIBVIR_VERSION_NUMBER\n"
                       "# error \"include <libvirt/libvirt.h> before libvirt-max-allowed.h\"\n"
                       "#endif\n\n"
                       "#if defined(__GNUC__) || defined(__clang__)\n\n");
    int certain = 0;
    for (const ItemSummary &s : std::as_const(newer)) {
        const SinceRange range = s.sinceRange();
        const bool maybe = range.fit(target) == SinceRange::Fit::MaybeTooNew;
        certain += maybe ? 0 : 1;
        const QString needs =
            maybe
                ? QStringLiteral("may need libvirt %1 (%2; max allowed %3)")
                      .arg(range.upTo.toString(), range.phrase(), v)
                : QStringLiteral("needs libvirt %1 (max allowed %2)").arg(range.upTo.toString(), v);
        const Item item = store.item(s.id);
        out +=
            QStringLiteral(
                "#if %1\nextern __typeof__(%2) %2 __attribute__((deprecated(\"%3\")));\n#endif\n")
                .arg(declaredCondition(item.file, range.upTo), s.name, needs);
    }
    out += QStringLiteral(
        "\n#endif /* __GNUC__ || __clang__ */\n#endif /* VIRT_SUPPORT_MAX_ALLOWED_H */\n");
    ctx.out << out;
    ctx.err << "gen-header: " << newer.size() << " functions newer than " << v << " (" << certain
            << " certainly, " << newer.size() - certain << " may be)\n";
    return Ok;
}

} // namespace vse::cli
