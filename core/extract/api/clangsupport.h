#pragma once

#include <clang-c/Index.h>

#include <QString>
#include <QStringList>

namespace vse::clangsupport {

// Takes ownership of a CXString and returns it as a QString.
QString take(CXString s);

// libclang looks for its builtin headers (stddef.h, stdarg.h) relative to the
// shared library it was loaded from; Debian installs the library under
// /usr/lib/<multiarch> and the headers under /usr/lib/llvm-N/lib/clang/<ver>,
// so that guess fails on some releases. Returns the arguments that point clang
// at the right resource directory ("-resource-dir", dir), or none when no
// directory matching the loaded libclang's major version is found.
QStringList resourceDirArguments();

// Owns a CXIndex.
class Index
{
public:
    Index() : m_index(clang_createIndex(0, 0)) {}
    ~Index() { clang_disposeIndex(m_index); }
    Index(const Index &) = delete;
    Index &operator=(const Index &) = delete;
    CXIndex get() const { return m_index; }

private:
    CXIndex m_index;
};

// Owns a CXTranslationUnit (may be null when clang could not start).
class TranslationUnit
{
public:
    explicit TranslationUnit(CXTranslationUnit tu = nullptr) : m_tu(tu) {}
    ~TranslationUnit()
    {
        if (m_tu)
            clang_disposeTranslationUnit(m_tu);
    }
    TranslationUnit(const TranslationUnit &) = delete;
    TranslationUnit &operator=(const TranslationUnit &) = delete;
    CXTranslationUnit get() const { return m_tu; }

private:
    CXTranslationUnit m_tu;
};

} // namespace vse::clangsupport
