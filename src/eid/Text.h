#pragma once

#include <string>

#include "asn1/Tlv.h"
#include "base/Result.h"

namespace oa::eid {

// TR-03110-4 `Text` (residence permit texts): [1] UTF8String, or [2] OCTET STRING holding a
// DEFLATE-compressed (RFC 1951) UTF-8 text. Returns the text either way.
Result<std::string> decodeText(const asn1::Tlv& element);

// Raw DEFLATE decompression with a ceiling on the output, so a small card file cannot make us
// allocate without bound.
constexpr std::size_t kMaxInflatedTextSize = 64 * 1024;
Result<Bytes> inflateRaw(ByteView compressed, std::size_t maxSize = kMaxInflatedTextSize);

}  // namespace oa::eid
