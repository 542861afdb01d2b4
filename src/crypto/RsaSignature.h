#pragma once

#include "base/Bytes.h"
#include "base/Result.h"
#include "crypto/Hash.h"

namespace oa::crypto {

enum class RsaPadding { Pkcs1v15, Pss };

// RSASSA-PKCS1-v1_5 or RSASSA-PSS verification of `message` hashed with `hash` (MGF1 with the same
// hash), for the RSA schemes of TR-03110 Terminal Authentication. PSS accepts any salt length:
// TR-03110 does not fix one, and OpenPACE signs with the longest salt that fits.
Result<void> verifyRsaSignature(ByteView modulus, ByteView exponent, RsaPadding padding,
                                HashAlgorithm hash, ByteView message, ByteView signature);

}  // namespace oa::crypto
