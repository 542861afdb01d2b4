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

}  // namespace oa::sim
