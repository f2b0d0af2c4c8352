// virt-support: the program users run. It answers `--help` and `--version`
// itself and loads the query module (virt-support-query.so: show, search,
// stats, and the hand-over of every other command) for the rest. It links
// neither Qt nor the C++ runtime: loading Qt costs more than a whole sqlite3
// query on some machines (the relocations and page faults of a dozen
// libraries), and a help text needs none of it. Loading the module costs
// what linking Qt at start-up cost, so the queries pay nothing extra.
#include "usage.h"

#include "vse-config.h"

#include <dlfcn.h>
#include <unistd.h>

#include <climits>
#include <cstdio>
#include <cstring>

namespace {

using Entry = int (*)(int, char **);

// The folder of this program (the build tree, or bin/ once installed).
bool programDir(char *dir, std::size_t size)
{
    const ssize_t n = ::readlink("/proc/self/exe", dir, size - 1);
    if (n <= 0)
        return false;
    dir[n] = '\0';
    char *slash = std::strrchr(dir, '/');
    if (!slash)
        return false;
    *slash = '\0';
    return true;
}

} // namespace

int main(int argc, char **argv)
{
    if (argc == 2 && std::strcmp(argv[1], "--help") == 0) {
        std::fputs(vse::cli::usageText(), stdout);
        return 0;
    }
    if (argc == 2 && std::strcmp(argv[1], "--version") == 0) {
        std::fputs("virt-support " VSE_VERSION_STRING "\n", stdout);
        return 0;
    }
    char dir[PATH_MAX];
    if (!programDir(dir, sizeof dir)) {
        std::fprintf(stderr, "virt-support: cannot tell where this program is (/proc/self/exe)\n");
        return 4;
    }
    // Beside this program (the build tree), else where `cmake --install` puts it.
    const char *names[] = {"virt-support-query.so", VSE_CLI_QUERY_MODULE_FROM_BINDIR};
    char tried[2 * PATH_MAX + 64] = "";
    char problems[2048] = "";
    for (const char *name : names) {
        char path[PATH_MAX];
        if (std::snprintf(path, sizeof path, "%s/%s", dir, name) >= int(sizeof path))
            continue;
        std::snprintf(tried + std::strlen(tried), sizeof tried - std::strlen(tried), "%s%s", tried[0] ? ", " : "", path);
        if (::access(path, R_OK) != 0)
            continue;
        // RTLD_LOCAL: the module and its libraries stay out of the global
        // scope, as the commands module it loads in turn does.
        void *module = ::dlopen(path, RTLD_NOW | RTLD_LOCAL);
        const auto entry = module ? reinterpret_cast<Entry>(::dlsym(module, "vse_cli_main")) : nullptr;
        if (entry)
            return entry(argc, argv);
        std::snprintf(problems + std::strlen(problems), sizeof problems - std::strlen(problems), "; %s", ::dlerror());
    }
    std::fprintf(stderr, "virt-support: cannot load the query module (looked for %s%s)\n", tried, problems);
    return 4;
}
