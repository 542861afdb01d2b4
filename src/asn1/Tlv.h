#pragma once

#include <cstdint>
#include <optional>
#include <vector>

#include "base/Bytes.h"
#include "base/Result.h"

namespace oa::asn1 {

// A tag as written on the wire, big-endian: 0x30, 0x7F49, 0x5F20. At most four bytes.
using Tag = std::uint32_t;

// One BER-TLV element. `value` points into the buffer it was read from, which must outlive it.
struct Tlv {
    Tag tag = 0;
    bool constructed = false;
    ByteView value;
    ByteView encoded;  // tag, length and value together

    // Reads the value as a sequence of elements (for constructed tags).
    Result<std::vector<Tlv>> children() const;
};

// Strict BER-TLV as used by ISO 7816-4, CV certificates and the eID protocols: definite lengths
// only in their shortest form, at most four length bytes, tags of at most four bytes, no
// truncation.
Result<Tlv> readOne(ByteView data);               // exactly one element, nothing after it
Result<std::vector<Tlv>> readAll(ByteView data);  // zero or more elements filling the buffer
// Reads the element at `offset` and advances it; leaves the rest unread.
Result<Tlv> readNext(ByteView data, std::size_t& offset);

// First child with the tag, if any.
std::optional<Tlv> find(const std::vector<Tlv>& elements, Tag tag);

bool isConstructed(Tag tag);
Bytes encodeTag(Tag tag);
Bytes encodeLength(std::size_t length);
Bytes encode(Tag tag, ByteView value);
Bytes encode(Tag tag, std::initializer_list<ByteView> parts);

}  // namespace oa::asn1
