// Feeds arbitrary bytes to the parsers of a comfort reader's EXECUTE_PACE answers (PC/SC part 10
// amendment 1). Accepted answers and EstablishPACEChannel outputs must encode back to the same
// bytes; the input parser (the simulated reader's side) must round-trip as well.
#include <cstdlib>

#include "card/ReaderPace.h"

namespace rp = oa::readerpace;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const oa::ByteView input(data, size);
    const oa::Bytes whole(input.begin(), input.end());
    if (auto answer = rp::parseAnswer(input)) {
        if (answer->data.size() != size - 6) std::abort();
        (void)rp::parseCapabilities(answer->data);
        (void)rp::resultError(answer->result);
    }
    if (auto output = rp::parseEstablishOutput(input)) {
        if (rp::encodeEstablishOutput(*output) != whole) std::abort();
        if (output->efCardAccess.empty() || output->idIcc.empty()) std::abort();
    }
    if (auto established = rp::parseEstablishInput(input)) {
        const oa::SecureBytes encoded = rp::encodeEstablishInput(*established);
        if (!oa::constantTimeEqual(encoded.bytes(), input)) std::abort();
    }
    return 0;
}
