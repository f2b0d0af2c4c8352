#include "usage.h"

#include <algorithm>
#include <cstdio>
#include <cstring>

namespace vse::cli {

namespace {

const char kHead[] =
    "Usage: virt-support [--index FILE] COMMAND [OPTIONS]\n\n"
    "Answers \"can I rely on this libvirt interface, since which release, and with\n"
    "which caveats?\" from an index of libvirt's API, XML schemas and RPC protocol.\n\n"
    "Commands:\n";

const char kTail[] =
    "\nRun 'virt-support COMMAND --help' for a command's options.\n\n"
    "Global options:\n"
    "  --index FILE  use this index file instead of the cache one\n"
    "                ($XDG_CACHE_HOME/virt-support-explorer/index.sqlite)\n\n"
    "Exit codes:\n"
    "  0  success (the checks: nothing to report)\n"
    "  1  nothing found; the checks (check-xml, check-config, check-script, scan,\n"
    "     triage): invalid, removed, or too new for the target release\n"
    "  2  usage error\n"
    "  3  an input (source, file) could not be read or parsed\n"
    "  4  the index could not be opened or written\n"
    "  5  the checks: only 'may be too new' findings (the target lies in a since range)\n"
    "  6  check-xml, triage, scan, check-config: valid and not too new, but it taints\n"
    "     the guest (check-config: a setting taints every guest)\n"
    "  7  check-xml, triage: valid, not too new, no taint, but it uses namespace extensions\n"
    "     (several files: the worst file's code, in the order 3, 1, 5, 6, 7, 0)\n"
    "  8  check-config, triage: libvirt's parser refuses a configuration file\n"
    "     (the daemon would not start)\n"
    "  9  triage: the folder holds nothing of libvirt\n"
    "Each command's --help says which of these it uses.\n";

// Room for the fixed parts and one line per command; checked when written.
char g_text[sizeof kHead + sizeof kTail + 150 * (sizeof kCommandInfo / sizeof kCommandInfo[0])];

} // namespace

const char *usageText()
{
    if (g_text[0] != '\0')
        return g_text;
    // The summaries line up after the longest name ("check-config", "check-script").
    int width = 0;
    for (const CommandInfo &c : kCommandInfo)
        width = std::max(width, int(std::strlen(c.name)));
    std::size_t used = std::snprintf(g_text, sizeof g_text, "%s", kHead);
    for (const CommandInfo &c : kCommandInfo)
        if (used < sizeof g_text)
            used += std::snprintf(g_text + used, sizeof g_text - used, "  %-*s%s\n", width + 2, c.name, c.summary);
    if (used < sizeof g_text)
        std::snprintf(g_text + used, sizeof g_text - used, "%s", kTail);
    return g_text;
}

} // namespace vse::cli
