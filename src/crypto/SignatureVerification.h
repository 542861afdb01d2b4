#pragma once

#include "base/Bytes.h"
#include "base/Result.h"
#include "crypto/Hash.h"
#include "crypto/RsaSignature.h"

// Signature checks on raw key material as CV certificates carry it, for callers that hold the
// numbers rather than an EcCurve. Thin adapters over Ecdsa.h and RsaSignature.h.
namespace oa::crypto {

using DigestAlgorithm = HashAlgorithm;

Bytes digest(DigestAlgorithm algorithm, ByteView data);

// A prime curve given by its parameters: unsigned big-endian integers, the generator as an
// uncompressed point (04 || x || y).
struct EcDomainParameters {
    Bytes prime, a, b, generator, order, cofactor;
};

// ECDSA with a plain r || s signature (BSI TR-03111); `point` is uncompressed.
Result<void> verifyEcdsa(const EcDomainParameters& curve, ByteView point, DigestAlgorithm digest,
                         ByteView message, ByteView signature);

Result<void> verifyRsa(ByteView modulus, ByteView exponent, RsaPadding padding,
                       DigestAlgorithm digest, ByteView message, ByteView signature);

}  // namespace oa::crypto
