// Feeds arbitrary bytes to the strict BER-TLV reader and checks what it accepts re-encodes to the
// same bytes (the reader only accepts shortest-form encodings, so encoding is unique).
#include <cstdlib>

#include "asn1/Tlv.h"

namespace {

void walk(const oa::asn1::Tlv& tlv, int depth) {
    if (depth > 32 || !tlv.constructed) return;
    auto children = tlv.children();
    if (!children) return;
    for (const auto& child : *children)
        walk(child, depth + 1);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const oa::ByteView input(data, size);
    auto all = oa::asn1::readAll(input);
    if (!all) return 0;
    oa::Bytes reencoded;
    for (const auto& tlv : *all) {
        oa::append(reencoded, oa::asn1::encode(tlv.tag, tlv.value));
        walk(tlv, 0);
    }
    if (reencoded != oa::Bytes(input.begin(), input.end())) std::abort();
    return 0;
}
