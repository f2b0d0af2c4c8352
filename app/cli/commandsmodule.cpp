// The front end's hand-over to the commands module (cli.h says why). Only the
// front end `virt-support` is built with this file.
#include "cli.h"

#include <QFile>
#include <QFileInfo>

#include <dlfcn.h>
#include <unistd.h>

namespace vse::cli {

int runCommandsModule(Context &ctx, int argc, char **argv)
{
    // Beside this binary (the build tree), else where `cmake --install` puts it.
    const QString dir = QFileInfo(QFile::symLinkTarget(QStringLiteral("/proc/self/exe"))).path();
    const QStringList candidates{dir + QStringLiteral("/virt-support-commands.so"),
                                 dir + QStringLiteral("/" VSE_CLI_MODULE_FROM_BINDIR)};
    QString problems;
    for (const QString &path : candidates) {
        const QByteArray file = QFile::encodeName(path);
        if (::access(file.constData(), R_OK) != 0)
            continue;
        // RTLD_LOCAL: the module keeps its own copy of the core library and
        // binds to it, not to this program's.
        void *module = ::dlopen(file.constData(), RTLD_NOW | RTLD_LOCAL);
        const auto entry = module ? reinterpret_cast<int (*)(int, char **)>(::dlsym(module, "vse_cli_main"))
                                  : nullptr;
        if (entry)
            return entry(argc, argv);
        problems += QStringLiteral("; ") + QString::fromLocal8Bit(::dlerror());
    }
    ctx.err << "virt-support: cannot load the commands module (looked for "
            << candidates.join(QStringLiteral(", ")) << problems << ")\n";
    return IndexError;
}

} // namespace vse::cli
