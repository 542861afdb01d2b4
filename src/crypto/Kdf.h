#pragma once

#include <cstdint>

#include "base/Bytes.h"
#include "base/SecureBytes.h"
#include "crypto/BlockCipher.h"

namespace oa::crypto {

// The counters of TR-03110 Part 3 A.2.3 / ICAO 9303-11 9.7.1.
enum class KdfPurpose : std::uint32_t { Encryption = 1, Mac = 2, Password = 3 };

// KDF(K, nonce, c) = H(K || nonce || c), truncated to the key length of `cipher`: SHA-1 for 3DES
// and AES-128, SHA-256 for AES-192/256. 3DES keys get DES odd parity. `nonce` may be empty.
SecureBytes deriveKey(BlockCipher cipher, ByteView secret, ByteView nonce, KdfPurpose purpose);

// Sets the lowest bit of every byte so each has an odd number of ones.
void adjustDesParity(Bytes& key);

}  // namespace oa::crypto
