#include "crypto/Padding.h"

namespace oa::crypto {

Bytes padIso9797(ByteView data, std::size_t blockSize) {
    Bytes out(data.begin(), data.end());
    out.push_back(0x80);
    while (out.size() % blockSize != 0)
        out.push_back(0x00);
    return out;
}

Result<Bytes> unpadIso9797(ByteView padded, std::size_t blockSize) {
    auto bad = [](const char* why) {
        return makeError(ErrorCode::InvalidInput, "The card sent damaged protected data", why);
    };
    if (padded.empty() || padded.size() % blockSize != 0)
        return bad("padded length not a block multiple");
    std::size_t end = padded.size();
    while (end > 0 && padded[end - 1] == 0x00 && padded.size() - end < blockSize)
        --end;
    if (end == 0 || padded[end - 1] != 0x80 || padded.size() - end >= blockSize)
        return bad("no ISO 9797-1 method 2 padding");
    return Bytes(padded.begin(), padded.begin() + static_cast<std::ptrdiff_t>(end - 1));
}

}  // namespace oa::crypto
