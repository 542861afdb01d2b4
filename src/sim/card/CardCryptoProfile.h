#pragma once

#include <cstdint>

#include "base/Bytes.h"

namespace oa::sim {

// Which standardized domain parameters and AES strength the card offers for PACE and Chip
// Authentication (TR-03110-3 A.1.1.1, A.2.1.1). The nPA uses brainpoolP256r1 (13) with AES-128.
struct CardCryptoProfile {
    std::uint8_t domainParameterId = 13;
    int aesKeyBits = 128;
    std::uint8_t chipAuthenticationKeyId = 0x41;

    static CardCryptoProfile brainpoolP256r1() { return {13, 128, 0x41}; }
    static CardCryptoProfile brainpoolP384r1() { return {16, 192, 0x41}; }
    static CardCryptoProfile brainpoolP512r1() { return {17, 256, 0x41}; }
};

// OID contents (without the 06 tag and length) as they appear in SecurityInfos and MSE:Set AT.
Bytes paceProtocolOid(const CardCryptoProfile& profile);                // id-PACE-ECDH-GM-AES-*
Bytes chipAuthenticationProtocolOid(const CardCryptoProfile& profile);  // id-CA-ECDH-AES-*
Bytes terminalAuthenticationOid();                                      // id-TA
Bytes chipAuthenticationDomainOid();                                    // id-CA-ECDH
Bytes chipAuthenticationPublicKeyOid();                                 // id-PK-ECDH
Bytes standardizedDomainParametersOid();

// DER INTEGER for a small non-negative value, with the leading zero byte where the sign needs it.
Bytes derInteger(unsigned value);
Bytes derOid(ByteView oidContent);

}  // namespace oa::sim
