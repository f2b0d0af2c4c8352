#include "libxmlatexit.h"

#include <cstdlib>
#include <cstring>

#include <libxml/xmlmemory.h>

namespace vse {

namespace {

// Distinct functions from the C library's: libxml2 compares xmlFree with
// free() to decide whether to clean up at exit.
void freeBlock(void *p)
{
    std::free(p);
}
void *allocBlock(size_t n)
{
    return std::malloc(n);
}
void *reallocBlock(void *p, size_t n)
{
    return std::realloc(p, n);
}
char *duplicate(const char *s)
{
    return ::strdup(s);
}

} // namespace

void keepLibxml2StateAtExit()
{
    xmlFreeFunc currentFree = nullptr;
    xmlMallocFunc currentMalloc = nullptr;
    xmlReallocFunc currentRealloc = nullptr;
    xmlStrdupFunc currentStrdup = nullptr;
    xmlMemGet(&currentFree, &currentMalloc, &currentRealloc, &currentStrdup);
    if (currentFree == freeBlock)
        return;
    xmlMemSetup(freeBlock, allocBlock, reallocBlock, duplicate);
}

} // namespace vse
