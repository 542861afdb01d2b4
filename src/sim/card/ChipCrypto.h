#pragma once

#include <cstdint>
#include <optional>

#include "base/Bytes.h"
#include "base/SecureBytes.h"
#include "crypto/EcCurve.h"

// The few primitives the chip needs, in the chip's own vocabulary: byte strings in, byte strings
// out, points as uncompressed octet strings. A thin adapter over oa_crypto; the chip treats a
// failing primitive as a broken installation.
namespace oa::sim::chip {

// H(secret || [nonce] || counter) cut to the key length: SHA-1 for 128-bit keys, SHA-256 above
// (TR-03110-3 A.2.3). Counter 1 = encryption, 2 = MAC, 3 = password key.
SecureBytes deriveKey(ByteView secret, ByteView nonce, std::uint32_t counter, int keyBits);
Bytes sha1(ByteView data);
Bytes sha256(ByteView data);

// AES in CBC mode without padding (the caller pads); the key length picks AES-128/192/256.
Bytes aesCbcEncrypt(ByteView key, ByteView iv, ByteView plain);
std::optional<Bytes> aesCbcDecrypt(ByteView key, ByteView iv, ByteView cryptogram);
Bytes aesEncryptBlock(ByteView key, ByteView block);
// AES-CMAC cut to 8 bytes, as EAC uses it.
Bytes cmac8(ByteView key, ByteView data);

Bytes randomBytes(std::size_t size);

// A curve from the standardized domain parameters of TR-03110-3 A.2.1.1 (8-18), with points as
// uncompressed octet strings (04 || x || y) and scalars as big-endian integers.
class EcCurve {
public:
    static std::optional<EcCurve> standardized(int domainParameterId);

    std::size_t fieldSize() const;
    Bytes generator() const;
    // A uniformly random scalar in [1, order-1].
    Bytes randomScalar() const;
    // scalar * point; nothing if the point is not on the curve or the result is infinity.
    std::optional<Bytes> multiply(ByteView point, ByteView scalar) const;
    std::optional<Bytes> add(ByteView a, ByteView b) const;
    bool isValidPoint(ByteView point) const;
    // x coordinate of a point, field-size octets.
    Bytes xCoordinate(ByteView point) const;

private:
    explicit EcCurve(crypto::EcCurve curve) : curve_(std::move(curve)) {}
    crypto::EcCurve curve_;
};

}  // namespace oa::sim::chip
