#include "asn1/Tlv.h"

namespace oa::asn1 {
namespace {

constexpr std::size_t kMaxTagBytes = 4;
constexpr std::size_t kMaxLengthBytes = 4;

Error malformed(std::string detail) {
    return makeError(ErrorCode::InvalidInput, "Malformed data structure", std::move(detail));
}

Result<Tag> readTag(ByteView data, std::size_t& offset) {
    if (offset >= data.size()) return malformed("TLV: missing tag");
    Tag tag = data[offset++];
    if ((tag & 0x1F) != 0x1F) return tag;
    for (std::size_t count = 1;; ++count) {
        if (count >= kMaxTagBytes) return malformed("TLV: tag longer than four bytes");
        if (offset >= data.size()) return malformed("TLV: truncated tag");
        const std::uint8_t byte = data[offset++];
        // A leading 0x80 subsequent byte encodes nothing and makes the same tag spellable twice.
        if (count == 1 && byte == 0x80) return malformed("TLV: tag not in shortest form");
        tag = tag << 8 | byte;
        if ((byte & 0x80) == 0) return tag;
    }
}

Result<std::size_t> readLength(ByteView data, std::size_t& offset) {
    if (offset >= data.size()) return malformed("TLV: missing length");
    const std::uint8_t first = data[offset++];
    if (first < 0x80) return std::size_t{first};
    if (first == 0x80) return malformed("TLV: indefinite length");
    const std::size_t count = first & 0x7F;
    if (count > kMaxLengthBytes) return malformed("TLV: length field too long");
    if (data.size() - offset < count) return malformed("TLV: truncated length");
    std::size_t length = 0;
    for (std::size_t i = 0; i < count; ++i)
        length = length << 8 | data[offset++];
    const bool shortestForm = count == 1 ? length >= 0x80 : (length >> (8 * (count - 1))) != 0;
    if (!shortestForm) return malformed("TLV: length not in shortest form");
    return length;
}

}  // namespace

bool isConstructed(Tag tag) {
    Tag first = tag;
    while (first > 0xFF)
        first >>= 8;
    return (first & 0x20) != 0;
}

Result<Tlv> readNext(ByteView data, std::size_t& offset) {
    const std::size_t start = offset;
    auto tag = readTag(data, offset);
    if (!tag) return tag.error();
    auto length = readLength(data, offset);
    if (!length) return length.error();
    if (data.size() - offset < *length) return malformed("TLV: value truncated");
    Tlv tlv;
    tlv.tag = *tag;
    tlv.constructed = isConstructed(*tag);
    tlv.value = data.subspan(offset, *length);
    offset += *length;
    tlv.encoded = data.subspan(start, offset - start);
    return tlv;
}

Result<std::vector<Tlv>> readAll(ByteView data) {
    std::vector<Tlv> elements;
    std::size_t offset = 0;
    while (offset < data.size()) {
        auto tlv = readNext(data, offset);
        if (!tlv) return tlv.error();
        elements.push_back(*tlv);
    }
    return elements;
}

Result<Tlv> readOne(ByteView data) {
    std::size_t offset = 0;
    auto tlv = readNext(data, offset);
    if (!tlv) return tlv.error();
    if (offset != data.size()) return malformed("TLV: trailing bytes after element");
    return tlv;
}

Result<std::vector<Tlv>> Tlv::children() const {
    if (!constructed) return malformed("TLV: primitive element has no children");
    return readAll(value);
}

std::optional<Tlv> find(const std::vector<Tlv>& elements, Tag tag) {
    for (const Tlv& element : elements) {
        if (element.tag == tag) return element;
    }
    return std::nullopt;
}

Bytes encodeTag(Tag tag) {
    Bytes out;
    for (int shift = 24; shift > 0; shift -= 8) {
        if ((tag >> shift) != 0) out.push_back(static_cast<std::uint8_t>(tag >> shift));
    }
    out.push_back(static_cast<std::uint8_t>(tag));
    return out;
}

Bytes encodeLength(std::size_t length) {
    if (length < 0x80) return {static_cast<std::uint8_t>(length)};
    Bytes digits;
    for (std::size_t rest = length; rest != 0; rest >>= 8) {
        digits.insert(digits.begin(), static_cast<std::uint8_t>(rest));
    }
    digits.insert(digits.begin(), static_cast<std::uint8_t>(0x80 | digits.size()));
    return digits;
}

Bytes encode(Tag tag, ByteView value) {
    Bytes out = encodeTag(tag);
    append(out, encodeLength(value.size()));
    append(out, value);
    return out;
}

Bytes encode(Tag tag, std::initializer_list<ByteView> parts) {
    Bytes value;
    for (ByteView part : parts)
        append(value, part);
    return encode(tag, value);
}

}  // namespace oa::asn1
