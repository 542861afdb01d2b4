#include "sim/card/ChipCrypto.h"

#include <cstdlib>

#include "crypto/BlockCipher.h"
#include "crypto/Hash.h"
#include "crypto/Kdf.h"
#include "crypto/Mac.h"
#include "crypto/Random.h"

namespace oa::sim::chip {
namespace {

crypto::BlockCipher aesForKeySize(std::size_t keyBytes) {
    switch (keyBytes) {
        case 24:
            return crypto::BlockCipher::Aes192;
        case 32:
            return crypto::BlockCipher::Aes256;
        default:
            return crypto::BlockCipher::Aes128;
    }
}

template <typename T>
T orAbort(Result<T> result) {
    if (!result) std::abort();
    return std::move(result).value();
}

}  // namespace

SecureBytes deriveKey(ByteView secret, ByteView nonce, std::uint32_t counter, int keyBits) {
    return crypto::deriveKey(aesForKeySize(static_cast<std::size_t>(keyBits / 8)), secret, nonce,
                             static_cast<crypto::KdfPurpose>(counter));
}

Bytes sha1(ByteView data) {
    return crypto::hash(crypto::HashAlgorithm::Sha1, data);
}

Bytes sha256(ByteView data) {
    return crypto::hash(crypto::HashAlgorithm::Sha256, data);
}

Bytes aesCbcEncrypt(ByteView key, ByteView iv, ByteView plain) {
    return orAbort(crypto::encryptCbc(aesForKeySize(key.size()), key, iv, plain));
}

std::optional<Bytes> aesCbcDecrypt(ByteView key, ByteView iv, ByteView cryptogram) {
    auto plain = crypto::decryptCbc(aesForKeySize(key.size()), key, iv, cryptogram);
    if (!plain) return std::nullopt;
    return std::move(plain).value();
}

Bytes aesEncryptBlock(ByteView key, ByteView block) {
    return orAbort(crypto::encryptEcb(aesForKeySize(key.size()), key, block));
}

Bytes cmac8(ByteView key, ByteView data) {
    return orAbort(crypto::secureMessagingMac(aesForKeySize(key.size()), key, data));
}

Bytes randomBytes(std::size_t size) {
    return orAbort(crypto::randomBytes(size));
}

std::optional<EcCurve> EcCurve::standardized(int domainParameterId) {
    auto curve = crypto::EcCurve::standardized(domainParameterId);
    if (!curve) return std::nullopt;
    return EcCurve(std::move(curve).value());
}

std::size_t EcCurve::fieldSize() const {
    return curve_.fieldSize();
}

Bytes EcCurve::generator() const {
    return curve_.encodePoint(curve_.generator());
}

Bytes EcCurve::randomScalar() const {
    const SecureBytes key = orAbort(curve_.generatePrivateKey());
    return Bytes(key.bytes().begin(), key.bytes().end());
}

std::optional<Bytes> EcCurve::multiply(ByteView point, ByteView scalar) const {
    const auto decoded = curve_.decodePoint(point);
    if (!decoded) return std::nullopt;
    const auto product = curve_.multiply(*decoded, scalar);
    if (!product) return std::nullopt;
    return curve_.encodePoint(*product);
}

std::optional<Bytes> EcCurve::add(ByteView a, ByteView b) const {
    const auto first = curve_.decodePoint(a);
    const auto second = curve_.decodePoint(b);
    if (!first || !second) return std::nullopt;
    const auto sum = curve_.add(*first, *second);
    if (!sum) return std::nullopt;
    return curve_.encodePoint(*sum);
}

bool EcCurve::isValidPoint(ByteView point) const {
    return curve_.decodePoint(point).ok();
}

Bytes EcCurve::xCoordinate(ByteView point) const {
    const std::size_t size = fieldSize();
    if (point.size() != 1 + 2 * size) return {};
    return Bytes(point.begin() + 1, point.begin() + 1 + static_cast<std::ptrdiff_t>(size));
}

}  // namespace oa::sim::chip
