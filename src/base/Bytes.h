#pragma once

#include <cstdint>
#include <initializer_list>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace oa {

using Bytes = std::vector<std::uint8_t>;
using ByteView = std::span<const std::uint8_t>;

std::string toHex(ByteView bytes);
// Accepts upper/lower case hex with optional spaces; returns false on any other character or odd
// length.
bool fromHex(std::string_view hex, Bytes& out);
// For constants in code and tests; aborts on malformed input, so never feed it external data.
Bytes hexBytes(std::string_view hex);

Bytes concat(std::initializer_list<ByteView> parts);
void append(Bytes& to, ByteView bytes);
inline ByteView view(const Bytes& b) {
    return ByteView(b.data(), b.size());
}
Bytes asciiBytes(std::string_view text);

// Compares in time that depends only on the lengths, for MACs and authentication tokens.
bool constantTimeEqual(ByteView a, ByteView b);

}  // namespace oa
