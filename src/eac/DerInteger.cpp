#include "eac/DerInteger.h"

namespace oa::eac {

Result<int> readSmallInteger(const asn1::Tlv& element) {
    auto bad = [](const char* why) {
        return makeError(ErrorCode::InvalidInput, "The card sent malformed data", why);
    };
    const ByteView v = element.value;
    if (element.tag != 0x02) return bad("INTEGER expected");
    if (v.empty()) return bad("empty INTEGER");
    if (v[0] & 0x80) return bad("negative INTEGER");
    if (v.size() > 1 && v[0] == 0x00 && !(v[1] & 0x80)) return bad("non-minimal INTEGER");
    if (v.size() > 4) return bad("INTEGER too large");
    int value = 0;
    for (auto b : v)
        value = (value << 8) | b;
    return value;
}

Bytes keyReference(int value) {
    Bytes bytes;
    auto rest = static_cast<unsigned>(value);
    do {
        bytes.insert(bytes.begin(), static_cast<std::uint8_t>(rest & 0xFF));
        rest >>= 8;
    } while (rest != 0);
    return bytes;
}

}  // namespace oa::eac
