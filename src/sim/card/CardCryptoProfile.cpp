#include "sim/card/CardCryptoProfile.h"

#include "asn1/Tlv.h"

namespace oa::sim {
namespace {

// 0.4.0.127.0.7.2.2 (bsi-de protocols smartcard)
const Bytes kSmartcardProtocols = hexBytes("04007F00070202");

std::uint8_t aesSuffix(int aesKeyBits) {
    switch (aesKeyBits) {
        case 192:
            return 0x03;
        case 256:
            return 0x04;
        default:
            return 0x02;
    }
}

}  // namespace

Bytes paceProtocolOid(const CardCryptoProfile& profile) {
    return concat({kSmartcardProtocols, hexBytes("0402"), Bytes{aesSuffix(profile.aesKeyBits)}});
}

Bytes chipAuthenticationProtocolOid(const CardCryptoProfile& profile) {
    return concat({kSmartcardProtocols, hexBytes("0302"), Bytes{aesSuffix(profile.aesKeyBits)}});
}

Bytes terminalAuthenticationOid() {
    return concat({kSmartcardProtocols, hexBytes("02")});
}

Bytes chipAuthenticationDomainOid() {
    return concat({kSmartcardProtocols, hexBytes("0302")});
}

Bytes chipAuthenticationPublicKeyOid() {
    return concat({kSmartcardProtocols, hexBytes("0102")});
}

Bytes standardizedDomainParametersOid() {
    return hexBytes("04007F00070102");
}

Bytes derInteger(unsigned value) {
    Bytes content;
    do {
        content.insert(content.begin(), static_cast<std::uint8_t>(value & 0xFF));
        value >>= 8;
    } while (value != 0);
    if (content.front() & 0x80) content.insert(content.begin(), 0x00);
    return asn1::encode(0x02, content);
}

Bytes derOid(ByteView oidContent) {
    return asn1::encode(0x06, oidContent);
}

}  // namespace oa::sim
