// XDR (.x) lexer and parser, then the protocol extractor over what parsed
// (type check, annotations, RPC items): any bytes must give a result with
// diagnostics, never a crash or a hang.
#include "fuzzcommon.h"

#include "extract/xdr/protocolextractor.h"
#include "extract/xdr/xdrparser.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const vse::XdrFile file = vse::parseXdr(vsefuzz::bytes(data, size), QStringLiteral("fuzz_protocol.x"));
    vse::ProtocolExtractor::extractParsed(file, {}, QStringLiteral("src/remote/fuzz_protocol.x"));
    return 0;
}
