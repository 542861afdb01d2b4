#include "sim/card/EfCardAccess.h"

#include "asn1/Tlv.h"

namespace oa::sim {
namespace {

constexpr unsigned kProtocolVersion = 2;

Bytes sequence(std::initializer_list<ByteView> parts) {
    return asn1::encode(0x30, parts);
}

}  // namespace

Bytes terminalAuthenticationInfo() {
    return sequence({derOid(terminalAuthenticationOid()), derInteger(kProtocolVersion)});
}

Bytes chipAuthenticationInfo(const CardCryptoProfile& profile) {
    return sequence({derOid(chipAuthenticationProtocolOid(profile)), derInteger(kProtocolVersion),
                     derInteger(profile.chipAuthenticationKeyId)});
}

Bytes paceInfo(const CardCryptoProfile& profile) {
    return sequence({derOid(paceProtocolOid(profile)), derInteger(kProtocolVersion),
                     derInteger(profile.domainParameterId)});
}

Bytes chipAuthenticationDomainParameterInfo(const CardCryptoProfile& profile) {
    const Bytes algorithm = sequence(
        {derOid(standardizedDomainParametersOid()), derInteger(profile.domainParameterId)});
    return sequence({derOid(chipAuthenticationDomainOid()), algorithm,
                     derInteger(profile.chipAuthenticationKeyId)});
}

Bytes encodeEfCardAccess(const CardCryptoProfile& profile) {
    return asn1::encode(0x31, {terminalAuthenticationInfo(), chipAuthenticationInfo(profile),
                               paceInfo(profile), chipAuthenticationDomainParameterInfo(profile)});
}

namespace {

Bytes seq(std::initializer_list<ByteView> parts) {
    return asn1::encode(0x30, parts);
}

Bytes standardizedDomain(const CardCryptoProfile& profile) {
    return seq({derOid(standardizedDomainParametersOid()), derInteger(profile.domainParameterId)});
}

}  // namespace

Bytes restrictedIdentificationProtocolOid() {
    return hexBytes("04007F00070202050203");
}

Bytes encodeCardSecurityInfos(const CardCryptoProfile& profile, ByteView chipAuthenticationKey) {
    // BIT STRING with no unused bits around the uncompressed point.
    const Bytes publicKey = asn1::encode(0x03, {Bytes{0x00}, chipAuthenticationKey});
    const Bytes chipAuthenticationPublicKeyInfo = seq(
        {derOid(chipAuthenticationPublicKeyOid()), seq({standardizedDomain(profile), publicKey}),
         derInteger(profile.chipAuthenticationKeyId)});
    const Bytes boolFalse = hexBytes("010100");
    const Bytes restrictedIdentificationInfo =
        seq({derOid(restrictedIdentificationProtocolOid()),
             seq({derInteger(1), derInteger(kRestrictedIdentificationKeyId), boolFalse})});
    const Bytes restrictedIdentificationDomain =
        seq({derOid(hexBytes("04007F000702020502")), standardizedDomain(profile)});
    return asn1::encode(
        0x31, {terminalAuthenticationInfo(), chipAuthenticationInfo(profile), paceInfo(profile),
               chipAuthenticationDomainParameterInfo(profile), chipAuthenticationPublicKeyInfo,
               restrictedIdentificationInfo, restrictedIdentificationDomain});
}

}  // namespace oa::sim
