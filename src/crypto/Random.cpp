#include "crypto/Random.h"

#include <openssl/rand.h>

#include "crypto/OpenSsl.h"

namespace oa::crypto {

Result<Bytes> randomBytes(std::size_t length) {
    Bytes out(length);
    if (RAND_bytes(out.data(), static_cast<int>(length)) != 1)
        return openSslError(ErrorCode::Unknown, "No random numbers are available", "RAND_bytes");
    return out;
}

Result<SecureBytes> randomSecret(std::size_t length) {
    auto bytes = randomBytes(length);
    if (!bytes) return bytes.error();
    SecureBytes secret(view(*bytes));
    wipe(*bytes);
    return secret;
}

}  // namespace oa::crypto
