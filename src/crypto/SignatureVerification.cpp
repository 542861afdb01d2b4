#include "crypto/SignatureVerification.h"

#include "crypto/EcCurve.h"
#include "crypto/Ecdsa.h"

namespace oa::crypto {

Result<void> verifyEcdsa(const EcDomainParameters& curve, ByteView point, HashAlgorithm hash,
                         ByteView message, ByteView signature) {
    auto group = EcCurve::fromParameters(curve.prime, curve.a, curve.b, curve.generator,
                                         curve.order, curve.cofactor);
    if (!group) return group.error();
    return verifyEcdsaSignature(*group, point, hash, message, signature);
}

}  // namespace oa::crypto
