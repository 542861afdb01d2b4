#include "base/Bytes.h"

#include <cstdlib>

namespace oa {
namespace {

int nibble(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

}  // namespace

std::string toHex(ByteView bytes) {
    static constexpr char kDigits[] = "0123456789ABCDEF";
    std::string out;
    out.reserve(bytes.size() * 2);
    for (std::uint8_t b : bytes) {
        out.push_back(kDigits[b >> 4]);
        out.push_back(kDigits[b & 0x0F]);
    }
    return out;
}

bool fromHex(std::string_view hex, Bytes& out) {
    Bytes result;
    int high = -1;
    for (char c : hex) {
        if (c == ' ') continue;
        const int value = nibble(c);
        if (value < 0) return false;
        if (high < 0) {
            high = value;
        } else {
            result.push_back(static_cast<std::uint8_t>(high << 4 | value));
            high = -1;
        }
    }
    if (high >= 0) return false;
    out = std::move(result);
    return true;
}

Bytes hexBytes(std::string_view hex) {
    Bytes out;
    if (!fromHex(hex, out)) std::abort();
    return out;
}

Bytes concat(std::initializer_list<ByteView> parts) {
    Bytes out;
    for (ByteView part : parts)
        append(out, part);
    return out;
}

void append(Bytes& to, ByteView bytes) {
    to.insert(to.end(), bytes.begin(), bytes.end());
}

Bytes asciiBytes(std::string_view text) {
    return Bytes(text.begin(), text.end());
}

bool constantTimeEqual(ByteView a, ByteView b) {
    if (a.size() != b.size()) return false;
    std::uint8_t diff = 0;
    for (std::size_t i = 0; i < a.size(); ++i)
        diff |= a[i] ^ b[i];
    return diff == 0;
}

}  // namespace oa
