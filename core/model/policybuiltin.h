#pragma once

// The built-in tier table, compiled from resources/policy/tiers.json at
// configure time (cmake/VseBuiltinTiers.cmake says why). UTF-8 text.
namespace vse::policybuiltin {

struct TierRow
{
    const char *id, *label, *group, *rule;
};
struct OriginRow
{
    const char *origin, *tier, *hypervisor, *what;
};
struct NamespaceRow
{
    const char *uri, *prefix, *hypervisor;
};

extern const TierRow tiers[];
extern const int tiersCount;
extern const OriginRow origins[];
extern const int originsCount;
extern const NamespaceRow namespaces[];
extern const int namespacesCount;

} // namespace vse::policybuiltin
