// virt-support: the program users run. It answers `--help` and `--version`
// itself and loads a module for the rest: the query module
// (virt-support-query.so) for show, search and stats, the commands module
// (virt-support-commands.so) for every other command. It links neither Qt
// nor the C++ runtime: loading Qt costs more than a whole sqlite3 query on
// some machines (the relocations and page faults of a dozen libraries), and
// a help text needs none of it. Loading a module costs what linking its
// libraries at start-up cost, so the commands pay nothing extra; a check no
// longer loads the query module on the way to the commands module.
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

// The command a command line names, past the global options; null when
// there is none or an option the modules must judge comes first.
const char *commandOf(int argc, char **argv)
{
    for (int i = 1; i < argc; ++i) {
        if (std::strcmp(argv[i], "--index") == 0) {
            ++i;
            continue;
        }
        if (std::strncmp(argv[i], "--index=", 8) == 0)
            continue;
        return std::strncmp(argv[i], "--", 2) == 0 ? nullptr : argv[i];
    }
    return nullptr;
}

// The module that runs `command`: the query module unless it is one of the
// commands module's (an unknown command, a usage error: the query module
// says so, as ever).
bool inCommandsModule(const char *command)
{
    if (!command)
        return false;
    for (const vse::cli::CommandInfo &c : vse::cli::kCommandInfo)
        if (std::strcmp(c.name, command) == 0)
            return !c.query;
    return false;
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
    const bool commands = inCommandsModule(commandOf(argc, argv));
    const char *what = commands ? "commands" : "query";
    const char *names[] = {commands ? "virt-support-commands.so" : "virt-support-query.so",
                           commands ? VSE_CLI_MODULE_FROM_BINDIR : VSE_CLI_QUERY_MODULE_FROM_BINDIR};
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
    std::fprintf(stderr, "virt-support: cannot load the %s module (looked for %s%s)\n", what, tried, problems);
    return 4;
}
