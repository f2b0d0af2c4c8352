#pragma once
// The command list and the usage text, free of Qt and of the C++ runtime:
// the launcher (launcher.cpp) prints them without loading either, and every
// build of the commands prints the same text from here.
#include <cstddef>

namespace vse::cli {

struct CommandInfo
{
    const char *name;
    const char *summary;
    // Run by the query module (virt-support-query.so); the others by the
    // commands module (virt-support-commands.so), which the launcher loads
    // for them directly.
    bool query = false;
};

// In the order `virt-support --help` lists them.
inline constexpr CommandInfo kCommandInfo[] = {
    {"index", "build or refresh the index from libvirt sources"},
    {"search", "find items by name (exact, prefix, substring, fuzzy) with filters", true},
    {"show", "everything about one item: tier, since and evidence, taint, definition", true},
    {"stats", "what the index holds: releases, items per kind and tier", true},
    {"check-xml", "validate a libvirt XML file; report tiers, taints, namespace extensions, newer items"},
    {"check-config", "check daemon configuration files: unknown, removed, too new, wrong type, changed defaults"},
    {"check-script", "check virsh calls in shell scripts: unknown, too new, parsed table output"},
    {"protocol", "list an RPC program's procedures in number order"},
    {"diff", "added / removed / renamed / changed items between two indexed releases"},
    {"audit", "policy violations between consecutive indexed releases"},
    {"history", "what the built-in release history covers; 'history build' makes one"},
    {"scan", "the minimum libvirt an application's C/C++ code needs, and its too-new or unsafe uses"},
    {"host", "support report of a running host (read-only libvirt connection)"},
    {"triage", "support report of a sosreport: guests, taints in logs, daemon configuration"},
    {"gen-header", "print a C header that makes the compiler warn at functions newer than a release"},
};

// The whole text of `virt-support --help`, NUL-terminated, made once.
const char *usageText();

} // namespace vse::cli
