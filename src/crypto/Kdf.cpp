#include "crypto/Kdf.h"

#include <bit>

#include "crypto/Hash.h"

namespace oa::crypto {

void adjustDesParity(Bytes& key) {
    for (auto& byte : key) {
        const auto high = static_cast<std::uint8_t>(byte & 0xFE);
        byte = static_cast<std::uint8_t>(high | (std::popcount(high) % 2 == 0 ? 1 : 0));
    }
}

SecureBytes deriveKey(BlockCipher cipher, ByteView secret, ByteView nonce, KdfPurpose purpose) {
    const auto counter = static_cast<std::uint32_t>(purpose);
    const Bytes counterBytes{
        static_cast<std::uint8_t>(counter >> 24), static_cast<std::uint8_t>(counter >> 16),
        static_cast<std::uint8_t>(counter >> 8), static_cast<std::uint8_t>(counter)};
    Bytes input = concat({secret, nonce, counterBytes});
    const bool sha1 = cipher == BlockCipher::Tdes || cipher == BlockCipher::Aes128;
    Bytes digest = hash(sha1 ? HashAlgorithm::Sha1 : HashAlgorithm::Sha256, input);
    wipe(input);
    Bytes keyBytes(digest.begin(), digest.begin() + static_cast<std::ptrdiff_t>(keyLength(cipher)));
    wipe(digest);
    if (cipher == BlockCipher::Tdes) adjustDesParity(keyBytes);
    SecureBytes key(view(keyBytes));
    wipe(keyBytes);
    return key;
}

}  // namespace oa::crypto
