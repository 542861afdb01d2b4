#include "eid/Text.h"

#include <zlib.h>

#include "eid/CharacterString.h"

namespace oa::eid {
namespace {

constexpr asn1::Tag kUncompressed = 0xA1;
constexpr asn1::Tag kCompressed = 0xA2;
constexpr asn1::Tag kOctetString = 0x04;

Error malformed(std::string detail) {
    return makeError(ErrorCode::InvalidInput, "The card holds a malformed text", std::move(detail));
}

struct InflateStream {
    z_stream stream{};
    bool open = false;
    ~InflateStream() {
        if (open) inflateEnd(&stream);
    }
};

}  // namespace

Result<Bytes> inflateRaw(ByteView compressed, std::size_t maxSize) {
    InflateStream z;
    // Negative window bits: a bare RFC 1951 stream, no zlib or gzip header.
    if (inflateInit2(&z.stream, -MAX_WBITS) != Z_OK) return malformed("inflateInit2 failed");
    z.open = true;
    z.stream.next_in = const_cast<Bytef*>(compressed.data());
    z.stream.avail_in = static_cast<uInt>(compressed.size());
    Bytes out(maxSize + 1);
    z.stream.next_out = out.data();
    z.stream.avail_out = static_cast<uInt>(out.size());
    const int status = inflate(&z.stream, Z_FINISH);
    const std::size_t produced = out.size() - z.stream.avail_out;
    if (produced > maxSize) {
        return malformed("compressed text inflates to more than " + std::to_string(maxSize) +
                         " bytes");
    }
    if (status != Z_STREAM_END) {
        return malformed(std::string("DEFLATE stream broken or truncated: ") +
                         (z.stream.msg ? z.stream.msg : "incomplete"));
    }
    if (z.stream.avail_in != 0) return malformed("bytes after the end of the DEFLATE stream");
    out.resize(produced);
    return out;
}

Result<std::string> decodeText(const asn1::Tlv& element) {
    if (element.tag != kUncompressed && element.tag != kCompressed) {
        return malformed("Text is neither [1] uncompressed nor [2] compressed");
    }
    auto inner = asn1::readOne(element.value);
    if (!inner) return malformed("Text: " + inner.error().detail);
    if (element.tag == kUncompressed) {
        auto text = readCharacterString(*inner, CharacterString::Utf8, true);
        if (!text) return malformed("Text: " + text.error().detail);
        return text;
    }
    if (inner->tag != kOctetString) return malformed("compressed Text is not an OCTET STRING");
    auto inflated = inflateRaw(inner->value);
    if (!inflated) return inflated.error();
    auto text = checkCharacters(*inflated, CharacterString::Utf8, true);
    if (!text) return malformed("compressed Text: " + text.error().detail);
    return text;
}

}  // namespace oa::eid
