#pragma once

#include <cstddef>
#include <cstdint>

#include "base/Bytes.h"

namespace oa {

// The little-endian integers of PC/SC part 10 structures (lengths, result codes, language IDs).
inline void appendLittleEndian(Bytes& to, std::uint32_t value, std::size_t bytes) {
    for (std::size_t i = 0; i < bytes; ++i)
        to.push_back(static_cast<std::uint8_t>(value >> (8 * i)));
}

// At most four bytes.
inline std::uint32_t readLittleEndian(ByteView bytes) {
    std::uint32_t value = 0;
    for (std::size_t i = bytes.size(); i > 0; --i)
        value = value << 8 | bytes[i - 1];
    return value;
}

}  // namespace oa
