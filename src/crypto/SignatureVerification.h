#pragma once

#include "base/Bytes.h"
#include "base/Result.h"

namespace oa::crypto {

enum class DigestAlgorithm { Sha1, Sha224, Sha256, Sha384, Sha512 };

Bytes digest(DigestAlgorithm algorithm, ByteView data);

// A prime curve given by its parameters, as CV certificates carry them: unsigned big-endian
// integers, the generator as an uncompressed point (04 || x || y).
struct EcDomainParameters {
    Bytes prime, a, b, generator, order, cofactor;
};

// ECDSA over `message` hashed with `digest`; `signature` is plain r || s, each as long as the
// order (BSI TR-03111). `point` is the uncompressed public point.
Result<void> verifyEcdsa(const EcDomainParameters& curve, ByteView point, DigestAlgorithm digest,
                         ByteView message, ByteView signature);

enum class RsaPadding { Pkcs1v15, Pss };

// RSASSA-PKCS1-v1_5 or RSASSA-PSS (MGF1 with the same digest). PSS accepts any salt length:
// TR-03110 does not fix one, and OpenPACE signs with the longest salt that fits.
Result<void> verifyRsa(ByteView modulus, ByteView exponent, RsaPadding padding,
                       DigestAlgorithm digest, ByteView message, ByteView signature);

}  // namespace oa::crypto
