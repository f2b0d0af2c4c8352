// "Since" notes of libvirt's format documentation: reStructuredText
// (docs/format*.rst), old trees' docs/format*.html.in and libvirt-doc's
// installed HTML, attributed to the items of the installed schemas. The
// input's first line names the page (formatdomain.rst, formatnetwork.html.in,
// formatstorage.html, ...); without such a line the input is formatdomain.rst.
#include "fuzzcommon.h"

#include "extract/schema/docsinceextractor.h"
#include "extract/schema/schemaextractor.h"

#include <QRegularExpression>

#include <cstdio>
#include <cstdlib>

namespace {
vse::ItemList *g_items = nullptr;
// Built once: rebuilding the name indexes per input made every execution slow.
vse::DocSinceExtractor::PageReader *g_reader = nullptr;
}

extern "C" int LLVMFuzzerInitialize(int *, char ***)
{
    // The schema items the notes are matched against: $VSE_FUZZ_SCHEMAS or
    // the installed libvirt's.
    const QString dir = qEnvironmentVariableIsSet("VSE_FUZZ_SCHEMAS")
                            ? qEnvironmentVariable("VSE_FUZZ_SCHEMAS")
                            : vse::SchemaExtractor::installedSchemaDir();
    g_items = new vse::ItemList(vse::SchemaExtractor::extractDir(dir).items);
    if (g_items->isEmpty()) {
        std::fprintf(stderr, "fuzz_docsince: no schema items in %s\n", qPrintable(dir));
        std::exit(1);
    }
    g_reader = new vse::DocSinceExtractor::PageReader(*g_items);
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const QRegularExpression pageName(QStringLiteral("^format[a-z]*\\.(rst|html\\.in|html)$"));
    QByteArray input = vsefuzz::bytes(data, size);
    QString page = QStringLiteral("formatdomain.rst");
    const qsizetype newline = input.indexOf('\n');
    if (newline > 0 && newline < 64) {
        const QString first = QString::fromUtf8(input.left(newline));
        if (pageName.match(first).hasMatch()) {
            page = first;
            input.remove(0, newline + 1);
        }
    }
    vse::Diagnostics diagnostics;
    g_reader->read(input, QStringLiteral("docs/") + page, &diagnostics);
    return 0;
}
