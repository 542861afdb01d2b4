#pragma once

#include "base/Bytes.h"
#include "base/Result.h"
#include "crypto/BlockCipher.h"

namespace oa::crypto {

// AES-CMAC (NIST SP 800-38B), full 16 bytes; key length selects AES-128/192/256.
Result<Bytes> aesCmac(ByteView key, ByteView data);

// ISO/IEC 9797-1 MAC algorithm 3 ("retail MAC") with DES and a 16-byte key; `data` must already
// be padded to a multiple of 8 (ICAO 9303 pads with method 2 before). Returns 8 bytes.
Result<Bytes> retailMac(ByteView key, ByteView data);

// The 8-byte MAC of TR-03110 / ICAO 9303 for a cipher: AES-CMAC truncated to 8 bytes, or for
// 3DES the retail MAC over the method-2 padded data.
Result<Bytes> secureMessagingMac(BlockCipher cipher, ByteView key, ByteView data);

}  // namespace oa::crypto
