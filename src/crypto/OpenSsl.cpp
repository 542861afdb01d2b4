#include "crypto/OpenSsl.h"

#include <openssl/err.h>

namespace oa::crypto {

Error openSslError(ErrorCode code, std::string message, std::string what) {
    std::string detail = std::move(what);
    while (unsigned long e = ERR_get_error()) {
        char text[256];
        ERR_error_string_n(e, text, sizeof text);
        detail += "; ";
        detail += text;
    }
    return makeError(code, std::move(message), std::move(detail));
}

BignumPtr toBignum(ByteView bigEndian) {
    return BignumPtr(BN_bin2bn(bigEndian.data(), static_cast<int>(bigEndian.size()), nullptr));
}

Result<Bytes> fromBignum(const BIGNUM* bn, std::size_t length) {
    Bytes out(length);
    if (BN_bn2binpad(bn, out.data(), static_cast<int>(length)) < 0)
        return makeError(ErrorCode::InvalidInput, "A cryptographic value is too large",
                         "number longer than " + std::to_string(length) + " bytes");
    return out;
}

}  // namespace oa::crypto
