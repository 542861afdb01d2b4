#include "eac/AuthenticationToken.h"

#include "asn1/Tlv.h"
#include "crypto/Mac.h"

namespace oa::eac {

Bytes publicKeyDataObject(ByteView protocol, std::uint8_t keyTag, ByteView publicKey) {
    return asn1::encode(0x7F49, {asn1::encode(0x06, protocol), asn1::encode(keyTag, publicKey)});
}

Result<Bytes> authenticationToken(crypto::BlockCipher cipher, ByteView macKey, ByteView protocol,
                                  std::uint8_t keyTag, ByteView publicKey) {
    return crypto::secureMessagingMac(cipher, macKey,
                                      publicKeyDataObject(protocol, keyTag, publicKey));
}

}  // namespace oa::eac
