#pragma once

#include "base/Bytes.h"
#include "base/Result.h"
#include "crypto/BlockCipher.h"

namespace oa::eac {

// The public key data object of TR-03110 >= 2.02 as PACE and CA tokens use it:
// 7F49 { 06 protocol, <keyTag> key } with no domain parameters. keyTag is 86 (EC) or 84 (DH).
Bytes publicKeyDataObject(ByteView protocol, std::uint8_t keyTag, ByteView publicKey);

// T = MAC(KS_mac, PK-DO(protocol, key)), 8 bytes.
Result<Bytes> authenticationToken(crypto::BlockCipher cipher, ByteView macKey, ByteView protocol,
                                  std::uint8_t keyTag, ByteView publicKey);

}  // namespace oa::eac
