#include "crypto/SignatureVerification.h"

#include "crypto/EcCurve.h"
#include "crypto/Ecdsa.h"

namespace oa::crypto {

Bytes digest(DigestAlgorithm algorithm, ByteView data) {
    return hash(algorithm, data);
}

Result<void> verifyEcdsa(const EcDomainParameters& curve, ByteView point, DigestAlgorithm digest,
                         ByteView message, ByteView signature) {
    auto group = EcCurve::fromParameters(curve.prime, curve.a, curve.b, curve.generator,
                                         curve.order, curve.cofactor);
    if (!group) return group.error();
    return verifyEcdsaSignature(*group, point, digest, message, signature);
}

Result<void> verifyRsa(ByteView modulus, ByteView exponent, RsaPadding padding,
                       DigestAlgorithm digest, ByteView message, ByteView signature) {
    return verifyRsaSignature(modulus, exponent, padding, digest, message, signature);
}

}  // namespace oa::crypto
