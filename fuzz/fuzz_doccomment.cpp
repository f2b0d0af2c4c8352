// Header doc comments: the comment parser, and the searches for the comment
// that documents a declaration at an offset (before it, after an enum value,
// on the lines above), tried at every ';' and ',' of the input as the header
// extractor would.
#include "fuzzcommon.h"

#include "extract/api/doccomment.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray text = vsefuzz::bytes(data, size);
    const QByteArrayView view(text);
    vse::doccomment::parse(view);
    int tried = 0;
    for (qsizetype i = 0; i < text.size() && tried < 64; ++i) {
        if (text.at(i) != ';' && text.at(i) != ',')
            continue;
        ++tried;
        vse::doccomment::leading(view, i);
        vse::doccomment::trailing(view, i + 1);
        vse::doccomment::above(view, i);
    }
    // The ends are offsets the extractor can pass too.
    vse::doccomment::leading(view, text.size());
    vse::doccomment::trailing(view, text.size());
    vse::doccomment::above(view, 0);
    return 0;
}
