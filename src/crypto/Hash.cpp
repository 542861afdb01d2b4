#include "crypto/Hash.h"

#include <stdexcept>

#include "crypto/HashAlgorithmEvp.h"
#include "crypto/OpenSsl.h"

namespace oa::crypto {

const EVP_MD* evpHash(HashAlgorithm algorithm) {
    switch (algorithm) {
        case HashAlgorithm::Sha1:
            return EVP_sha1();
        case HashAlgorithm::Sha224:
            return EVP_sha224();
        case HashAlgorithm::Sha256:
            return EVP_sha256();
        case HashAlgorithm::Sha384:
            return EVP_sha384();
        case HashAlgorithm::Sha512:
            return EVP_sha512();
    }
    return EVP_sha256();
}

std::size_t hashLength(HashAlgorithm algorithm) {
    return static_cast<std::size_t>(EVP_MD_get_size(evpHash(algorithm)));
}

Bytes hash(HashAlgorithm algorithm, ByteView data) {
    Bytes out(EVP_MAX_MD_SIZE);
    unsigned int length = 0;
    // Hashing in memory only fails when OpenSSL cannot allocate; nothing sensible remains to do.
    if (EVP_Digest(data.data(), data.size(), out.data(), &length, evpHash(algorithm), nullptr) != 1)
        throw std::bad_alloc();
    out.resize(length);
    return out;
}

}  // namespace oa::crypto
