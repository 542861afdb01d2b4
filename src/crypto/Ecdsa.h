#pragma once

#include "base/Bytes.h"
#include "base/Result.h"
#include "crypto/EcCurve.h"
#include "crypto/Hash.h"

namespace oa::crypto {

// ECDSA verification of `message` hashed with `hash`. `signature` is plain r || s (BSI TR-03111),
// each half as long as the curve order; `publicPoint` is uncompressed.
Result<void> verifyEcdsaSignature(const EcCurve& curve, ByteView publicPoint, HashAlgorithm hash,
                                  ByteView message, ByteView signature);

}  // namespace oa::crypto
