#include "libxmlmemory.h"

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <cstring>

#include <malloc.h>

#include <libxml/xmlmemory.h>

#include "io/hugepageheap.h"

namespace vse {

namespace {

// Blocks of up to 32 granules (512 bytes) are kept, per size class, at most
// kCap a class: a few MB at worst, given back when the scope ends.
constexpr std::size_t kGranule = 16;
constexpr std::size_t kClasses = 33;
constexpr std::uint32_t kCap = 4096;

struct BlockCache
{
    void *head[kClasses] = {};
    std::uint32_t count[kClasses] = {};
};
// The thread's cache while a scope lives, else null. A plain pointer:
// libxml2 frees its per-thread state from a pthread key destructor, after
// C++ thread_local destructors have run, and must still read it. Initial
// exec: in the commands module, the default model made every libxml2
// allocation and free call __tls_get_addr (3 % of a batch check); eight
// bytes of static TLS are what glibc keeps spare for such modules.
thread_local constinit BlockCache *t_cache __attribute__((tls_model("initial-exec"))) = nullptr;

void freeBlock(void *p)
{
    if (!p)
        return;
    if (BlockCache *c = t_cache) {
        // A block of class k serves any request of up to k granules.
        const std::size_t k = malloc_usable_size(p) / kGranule;
        if (k > 0 && k < kClasses && c->count[k] < kCap) {
            *static_cast<void **>(p) = c->head[k];
            c->head[k] = p;
            ++c->count[k];
            return;
        }
    }
    std::free(p);
}

void *allocBlock(std::size_t n)
{
    if (BlockCache *c = t_cache) {
        const std::size_t k = (n + kGranule - 1) / kGranule;
        if (k > 0 && k < kClasses) {
            if (void *p = c->head[k]) {
                c->head[k] = *static_cast<void **>(p);
                --c->count[k];
                return p;
            }
            return std::malloc(k * kGranule); // reusable for the whole class
        }
    }
    return std::malloc(n);
}

void *reallocBlock(void *p, std::size_t n)
{
    return std::realloc(p, n); // a kept block is an ordinary glibc block
}

char *duplicate(const char *s)
{
    const std::size_t n = std::strlen(s) + 1;
    auto *copy = static_cast<char *>(allocBlock(n));
    if (copy)
        std::memcpy(copy, s, n);
    return copy;
}

bool installed()
{
    xmlFreeFunc currentFree = nullptr;
    xmlMallocFunc currentMalloc = nullptr;
    xmlReallocFunc currentRealloc = nullptr;
    xmlStrdupFunc currentStrdup = nullptr;
    xmlMemGet(&currentFree, &currentMalloc, &currentRealloc, &currentStrdup);
    return currentFree == freeBlock;
}

} // namespace

void installLibxml2MemoryFunctions()
{
    if (!installed())
        xmlMemSetup(freeBlock, allocBlock, reallocBlock, duplicate);
}

LibxmlBlockCache::LibxmlBlockCache() : m_outer(kHeapIsGlibcMalloc && !t_cache)
{
    if (m_outer)
        t_cache = new BlockCache;
}

LibxmlBlockCache::~LibxmlBlockCache()
{
    if (!m_outer)
        return; // an inner scope: the outer one keeps the blocks
    BlockCache *c = t_cache;
    t_cache = nullptr; // off before the blocks go back to glibc
    for (std::size_t k = 0; k < kClasses; ++k) {
        while (void *p = c->head[k]) {
            c->head[k] = *static_cast<void **>(p);
            std::free(p);
        }
    }
    delete c;
}

} // namespace vse
