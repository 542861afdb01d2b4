#pragma once

#include "base/Bytes.h"
#include "base/Result.h"
#include "crypto/Hash.h"

// ECDSA on raw key material as CV certificates carry it, for callers that hold the curve's numbers
// rather than an EcCurve. Hashing is crypto/Hash.h, RSA crypto/RsaSignature.h.
namespace oa::crypto {

// A prime curve given by its parameters: unsigned big-endian integers, the generator as an
// uncompressed point (04 || x || y).
struct EcDomainParameters {
    Bytes prime, a, b, generator, order, cofactor;
};

// ECDSA with a plain r || s signature (BSI TR-03111); `point` is uncompressed. The curve comes
// from EcCurve::fromParameters, the check from Ecdsa.h.
Result<void> verifyEcdsa(const EcDomainParameters& curve, ByteView point, HashAlgorithm hash,
                         ByteView message, ByteView signature);

}  // namespace oa::crypto
