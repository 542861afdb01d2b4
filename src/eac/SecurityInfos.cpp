#include "eac/SecurityInfos.h"

#include <algorithm>

#include "asn1/Tlv.h"
#include "eac/DerInteger.h"

namespace oa::eac {
namespace {

using crypto::BlockCipher;

const Bytes kIdPace = hexBytes("04007F0007020204");
const Bytes kIdCa = hexBytes("04007F0007020203");
const Bytes kIdTa = hexBytes("04007F0007020202");
const Bytes kIdPk = hexBytes("04007F0007020201");
const Bytes kIdRi = hexBytes("04007F0007020205");
const Bytes kStandardizedDomainParameters = hexBytes("04007F00070102");
const Bytes kIdEcPublicKey = hexBytes("2A8648CE3D0201");   // 1.2.840.10045.2.1
const Bytes kDhPublicNumber = hexBytes("2A8648CE3E0201");  // 1.2.840.10046.2.1

Error malformed(std::string detail) {
    return makeError(ErrorCode::InvalidInput, "The card's security information is damaged",
                     std::move(detail));
}

bool startsWith(ByteView oid, const Bytes& prefix) {
    return oid.size() >= prefix.size() && std::equal(prefix.begin(), prefix.end(), oid.begin());
}

std::optional<BlockCipher> cipherFromArc(std::uint8_t arc) {
    switch (arc) {
        case 1:
            return BlockCipher::Tdes;
        case 2:
            return BlockCipher::Aes128;
        case 3:
            return BlockCipher::Aes192;
        case 4:
            return BlockCipher::Aes256;
        default:
            return std::nullopt;
    }
}

std::optional<ProtocolAlgorithms> decodeCaProtocol(ByteView oid) {
    if (oid.size() != kIdCa.size() + 2 || !startsWith(oid, kIdCa)) return std::nullopt;
    const auto cipher = cipherFromArc(oid[9]);
    if (!cipher || (oid[8] != 1 && oid[8] != 2)) return std::nullopt;
    return ProtocolAlgorithms{oid[8] == 1 ? KeyAgreement::Dh : KeyAgreement::Ecdh, *cipher};
}

// Splits one SecurityInfo into its OID content and the elements after it.
Result<std::vector<asn1::Tlv>> readFields(const asn1::Tlv& info) {
    if (info.tag != 0x30) return malformed("SecurityInfo is not a SEQUENCE");
    auto fields = info.children();
    if (!fields) return malformed(fields.error().detail);
    if (fields->empty() || (*fields)[0].tag != 0x06 || (*fields)[0].value.empty())
        return malformed("SecurityInfo does not start with an OID");
    return fields;
}

Result<PaceInfo> readPaceInfo(const std::vector<asn1::Tlv>& fields, PaceInfo info) {
    if (fields.size() < 2 || fields.size() > 3) return malformed("PACEInfo has wrong field count");
    auto version = readSmallInteger(fields[1]);
    if (!version) return malformed("PACEInfo version: " + version.error().detail);
    info.version = *version;
    if (fields.size() == 3) {
        auto id = readSmallInteger(fields[2]);
        if (!id) return malformed("PACEInfo parameterId: " + id.error().detail);
        info.parameterId = *id;
    }
    return info;
}

Result<ChipAuthenticationInfo> readCaInfo(const std::vector<asn1::Tlv>& fields,
                                          ProtocolAlgorithms algorithms) {
    if (fields.size() < 2 || fields.size() > 3)
        return malformed("ChipAuthenticationInfo has wrong field count");
    ChipAuthenticationInfo info;
    info.protocol.assign(fields[0].value.begin(), fields[0].value.end());
    info.keyAgreement = algorithms.keyAgreement;
    info.cipher = algorithms.cipher;
    auto version = readSmallInteger(fields[1]);
    if (!version) return malformed("ChipAuthenticationInfo version: " + version.error().detail);
    info.version = *version;
    if (fields.size() == 3) {
        auto keyId = readSmallInteger(fields[2]);
        if (!keyId) return malformed("ChipAuthenticationInfo keyId: " + keyId.error().detail);
        info.keyId = *keyId;
    }
    return info;
}

Result<ChipAuthenticationDomainParameterInfo> readCaDomainInfo(
    const std::vector<asn1::Tlv>& fields) {
    if (fields.size() < 2 || fields.size() > 3)
        return malformed("ChipAuthenticationDomainParameterInfo has wrong field count");
    ChipAuthenticationDomainParameterInfo info;
    info.protocol.assign(fields[0].value.begin(), fields[0].value.end());
    info.keyAgreement = info.protocol.back() == 1 ? KeyAgreement::Dh : KeyAgreement::Ecdh;
    if (fields[1].tag != 0x30) return malformed("AlgorithmIdentifier is not a SEQUENCE");
    auto algorithm = fields[1].children();
    if (!algorithm || algorithm->empty() || algorithm->size() > 2 || (*algorithm)[0].tag != 0x06)
        return malformed("AlgorithmIdentifier malformed");
    info.parameterAlgorithm.assign((*algorithm)[0].value.begin(), (*algorithm)[0].value.end());
    if (algorithm->size() == 2) {
        const auto& parameters = (*algorithm)[1];
        info.parameters.assign(parameters.encoded.begin(), parameters.encoded.end());
        if (info.parameterAlgorithm == kStandardizedDomainParameters) {
            auto id = readSmallInteger(parameters);
            if (!id) return malformed("standardized domain parameter ID: " + id.error().detail);
            info.parameterId = *id;
        }
    }
    if (fields.size() == 3) {
        auto keyId = readSmallInteger(fields[2]);
        if (!keyId) return malformed("ChipAuthenticationDomainParameterInfo keyId");
        info.keyId = *keyId;
    }
    return info;
}

bool equals(ByteView a, const Bytes& b) {
    return std::equal(a.begin(), a.end(), b.begin(), b.end());
}

// id-<prefix>-DH (.1) or id-<prefix>-ECDH (.2), nothing below.
std::optional<KeyAgreement> keyAgreementArc(ByteView oid, const Bytes& prefix) {
    if (oid.size() != prefix.size() + 1 || !startsWith(oid, prefix)) return std::nullopt;
    if (oid.back() == 1) return KeyAgreement::Dh;
    if (oid.back() == 2) return KeyAgreement::Ecdh;
    return std::nullopt;
}

// A known ID of the other family (DH groups 0..2, curves 8..18) is a contradiction; unknown IDs
// (RFU, proprietary) are kept for whoever uses the key to refuse.
bool contradicts(KeyAgreement agreement, int parameterId) {
    const bool dhGroup = parameterId >= 0 && parameterId <= 2;
    const bool curve = parameterId >= 8 && parameterId <= 18;
    return agreement == KeyAgreement::Dh ? curve : dhGroup;
}

// AlgorithmIdentifier of domain parameters for `agreement`: standardized by ID, or explicit.
Result<DomainParameterReference> readDomainParameters(const asn1::Tlv& element,
                                                      KeyAgreement agreement) {
    if (element.tag != 0x30)
        return malformed("domain parameter AlgorithmIdentifier is not a SEQUENCE");
    auto parts = element.children();
    if (!parts || parts->size() != 2 || (*parts)[0].tag != 0x06)
        return malformed("domain parameter AlgorithmIdentifier needs an OID and parameters");
    DomainParameterReference reference;
    const asn1::Tlv& oid = (*parts)[0];
    const asn1::Tlv& parameters = (*parts)[1];
    reference.algorithm.assign(oid.value.begin(), oid.value.end());
    reference.parameters.assign(parameters.encoded.begin(), parameters.encoded.end());
    if (equals(oid.value, kStandardizedDomainParameters)) {
        auto id = readSmallInteger(parameters);
        if (!id) return malformed("standardized domain parameter ID: " + id.error().detail);
        if (contradicts(agreement, *id))
            return malformed("standardized domain parameter ID " + std::to_string(*id) +
                             " does not fit the key agreement");
        reference.parameterId = *id;
        return reference;
    }
    const bool ec = agreement == KeyAgreement::Ecdh;
    if (equals(oid.value, ec ? kIdEcPublicKey : kDhPublicNumber) &&
        (parameters.tag == 0x30 || (ec && parameters.tag == 0x06)))
        return reference;
    return malformed("unsupported domain parameter algorithm");
}

Result<Bytes> readPublicKey(const asn1::Tlv& bitString, KeyAgreement agreement) {
    const ByteView v = bitString.value;
    if (bitString.tag != 0x03 || v.size() < 2 || v[0] != 0x00)
        return malformed("public key is not a BIT STRING of whole bytes");
    const ByteView key = v.subspan(1);
    if (agreement == KeyAgreement::Ecdh) {
        if (key[0] != 0x04 || key.size() < 3 || key.size() % 2 == 0)
            return malformed("EC public key is not an uncompressed point");
        return Bytes(key.begin(), key.end());
    }
    // DH: the BIT STRING holds a DER INTEGER y (RFC 3279 2.3.3).
    auto y = asn1::readOne(key);
    if (!y || y->tag != 0x02 || y->value.empty() || (y->value[0] & 0x80))
        return malformed("DH public key is not a positive INTEGER");
    ByteView digits = y->value;
    if (digits.size() > 1 && digits[0] == 0x00 && !(digits[1] & 0x80))
        return malformed("DH public key INTEGER is not minimal");
    while (digits.size() > 1 && digits[0] == 0x00)
        digits = digits.subspan(1);
    return Bytes(digits.begin(), digits.end());
}

Result<ChipAuthenticationPublicKeyInfo> readCaPublicKeyInfo(const std::vector<asn1::Tlv>& fields,
                                                            KeyAgreement agreement) {
    if (fields.size() < 2 || fields.size() > 3)
        return malformed("ChipAuthenticationPublicKeyInfo has wrong field count");
    ChipAuthenticationPublicKeyInfo info;
    info.protocol.assign(fields[0].value.begin(), fields[0].value.end());
    info.keyAgreement = agreement;
    if (fields[1].tag != 0x30) return malformed("SubjectPublicKeyInfo is not a SEQUENCE");
    auto spki = fields[1].children();
    if (!spki || spki->size() != 2) return malformed("SubjectPublicKeyInfo malformed");
    auto parameters = readDomainParameters((*spki)[0], agreement);
    if (!parameters) return parameters.error();
    info.domainParameters = std::move(*parameters);
    auto key = readPublicKey((*spki)[1], agreement);
    if (!key) return key.error();
    info.publicKey = std::move(*key);
    if (fields.size() == 3) {
        auto keyId = readSmallInteger(fields[2]);
        if (!keyId)
            return malformed("ChipAuthenticationPublicKeyInfo keyId: " + keyId.error().detail);
        info.keyId = *keyId;
    }
    return info;
}

std::optional<crypto::HashAlgorithm> hashFromArc(std::uint8_t arc) {
    using crypto::HashAlgorithm;
    switch (arc) {
        case 1:
            return HashAlgorithm::Sha1;
        case 2:
            return HashAlgorithm::Sha224;
        case 3:
            return HashAlgorithm::Sha256;
        case 4:
            return HashAlgorithm::Sha384;
        case 5:
            return HashAlgorithm::Sha512;
        default:
            return std::nullopt;
    }
}

// id-RI-<DH|ECDH>-SHA-<n>.
std::optional<RestrictedIdentificationInfo> decodeRiProtocol(ByteView oid) {
    if (oid.size() != kIdRi.size() + 2 || !startsWith(oid, kIdRi)) return std::nullopt;
    const auto agreement = keyAgreementArc(oid.first(oid.size() - 1), kIdRi);
    const auto hash = hashFromArc(oid.back());
    if (!agreement || !hash) return std::nullopt;
    RestrictedIdentificationInfo info;
    info.protocol.assign(oid.begin(), oid.end());
    info.keyAgreement = *agreement;
    info.hash = *hash;
    return info;
}

Result<bool> readBoolean(const asn1::Tlv& element) {
    if (element.tag != 0x01 || element.value.size() != 1 ||
        (element.value[0] != 0x00 && element.value[0] != 0xFF))
        return malformed("BOOLEAN expected (DER: 00 or FF)");
    return element.value[0] == 0xFF;
}

Result<RestrictedIdentificationInfo> readRiInfo(const std::vector<asn1::Tlv>& fields,
                                                RestrictedIdentificationInfo info) {
    if (fields.size() < 2 || fields.size() > 3)
        return malformed("RestrictedIdentificationInfo has wrong field count");
    if (fields[1].tag != 0x30) return malformed("RI ProtocolParams is not a SEQUENCE");
    auto params = fields[1].children();
    if (!params || params->size() != 3) return malformed("RI ProtocolParams needs three fields");
    auto version = readSmallInteger((*params)[0]);
    auto keyId = readSmallInteger((*params)[1]);
    auto authorizedOnly = readBoolean((*params)[2]);
    if (!version || !keyId) return malformed("RI ProtocolParams version or keyId malformed");
    if (!authorizedOnly) return authorizedOnly.error();
    info.version = *version;
    info.keyId = *keyId;
    info.authorizedOnly = *authorizedOnly;
    if (fields.size() == 3) {
        auto maxKeyLength = readSmallInteger(fields[2]);
        if (!maxKeyLength) return malformed("RestrictedIdentificationInfo maxKeyLen malformed");
        info.maxKeyLength = *maxKeyLength;
    }
    return info;
}

Result<RestrictedIdentificationDomainParameterInfo> readRiDomainInfo(
    const std::vector<asn1::Tlv>& fields, KeyAgreement agreement) {
    if (fields.size() != 2)
        return malformed("RestrictedIdentificationDomainParameterInfo has wrong field count");
    auto parameters = readDomainParameters(fields[1], agreement);
    if (!parameters) return parameters.error();
    RestrictedIdentificationDomainParameterInfo info;
    info.protocol.assign(fields[0].value.begin(), fields[0].value.end());
    info.keyAgreement = agreement;
    info.domainParameters = std::move(*parameters);
    return info;
}

Result<TerminalAuthenticationInfo> readTaInfo(const std::vector<asn1::Tlv>& fields) {
    if (fields.size() < 2 || fields.size() > 3)
        return malformed("TerminalAuthenticationInfo has wrong field count");
    auto version = readSmallInteger(fields[1]);
    if (!version) return malformed("TerminalAuthenticationInfo version");
    if (fields.size() == 3 && fields[2].tag != 0x30)
        return malformed("TerminalAuthenticationInfo efCVCA is not a FileID");
    return TerminalAuthenticationInfo{*version};
}

// Lower is better; nullopt means we do not run this variant.
std::optional<int> paceRank(const PaceInfo& info) {
    if (info.version != 2 || info.mapping != PaceMapping::Generic || !info.parameterId)
        return std::nullopt;
    const bool ec = info.keyAgreement == KeyAgreement::Ecdh;
    const bool known = ec ? (*info.parameterId >= 8 && *info.parameterId <= 18)
                          : (*info.parameterId >= 0 && *info.parameterId <= 2);
    if (!known) return std::nullopt;
    const bool aes = info.cipher != BlockCipher::Tdes;
    return (aes ? 0 : 2) + (ec ? 0 : 1);
}

}  // namespace

std::optional<PaceInfo> decodePaceProtocol(ByteView oid) {
    if (oid.size() != kIdPace.size() + 2 || !startsWith(oid, kIdPace)) return std::nullopt;
    PaceInfo info;
    info.protocol.assign(oid.begin(), oid.end());
    switch (oid[8]) {
        case 1:
            info.keyAgreement = KeyAgreement::Dh;
            info.mapping = PaceMapping::Generic;
            break;
        case 2:
            info.keyAgreement = KeyAgreement::Ecdh;
            info.mapping = PaceMapping::Generic;
            break;
        case 3:
            info.keyAgreement = KeyAgreement::Dh;
            info.mapping = PaceMapping::Integrated;
            break;
        case 4:
            info.keyAgreement = KeyAgreement::Ecdh;
            info.mapping = PaceMapping::Integrated;
            break;
        case 6:
            info.keyAgreement = KeyAgreement::Ecdh;
            info.mapping = PaceMapping::ChipAuthentication;
            break;
        default:
            return std::nullopt;
    }
    const auto cipher = cipherFromArc(oid[9]);
    if (!cipher ||
        (info.mapping == PaceMapping::ChipAuthentication && *cipher == BlockCipher::Tdes))
        return std::nullopt;
    info.cipher = *cipher;
    return info;
}

Result<SecurityInfos> SecurityInfos::parse(ByteView der) {
    auto set = asn1::readOne(der);
    if (!set) return malformed(set.error().detail);
    if (set->tag != 0x31) return malformed("SecurityInfos is not a SET");
    auto infos = set->children();
    if (!infos) return malformed(infos.error().detail);
    SecurityInfos result;
    for (const auto& info : *infos) {
        auto fields = readFields(info);
        if (!fields) return fields.error();
        const ByteView oid = (*fields)[0].value;
        if (auto pace = decodePaceProtocol(oid)) {
            auto parsed = readPaceInfo(*fields, *pace);
            if (!parsed) return parsed.error();
            result.pace_.push_back(std::move(*parsed));
        } else if (auto ca = decodeCaProtocol(oid)) {
            auto parsed = readCaInfo(*fields, *ca);
            if (!parsed) return parsed.error();
            result.ca_.push_back(std::move(*parsed));
        } else if (oid.size() == kIdCa.size() + 1 && startsWith(oid, kIdCa) &&
                   (oid.back() == 1 || oid.back() == 2)) {
            auto parsed = readCaDomainInfo(*fields);
            if (!parsed) return parsed.error();
            result.caDomain_.push_back(std::move(*parsed));
        } else if (std::equal(oid.begin(), oid.end(), kIdTa.begin(), kIdTa.end())) {
            if (result.ta_) return malformed("more than one TerminalAuthenticationInfo");
            auto parsed = readTaInfo(*fields);
            if (!parsed) return parsed.error();
            result.ta_ = *parsed;
        } else if (auto agreement = keyAgreementArc(oid, kIdPk)) {
            auto parsed = readCaPublicKeyInfo(*fields, *agreement);
            if (!parsed) return parsed.error();
            result.caPublicKeys_.push_back(std::move(*parsed));
        } else if (auto ri = decodeRiProtocol(oid)) {
            auto parsed = readRiInfo(*fields, *ri);
            if (!parsed) return parsed.error();
            result.ri_.push_back(std::move(*parsed));
        } else if (auto riAgreement = keyAgreementArc(oid, kIdRi)) {
            auto parsed = readRiDomainInfo(*fields, *riAgreement);
            if (!parsed) return parsed.error();
            result.riDomain_.push_back(std::move(*parsed));
        } else {
            result.unknown_.push_back(UnknownSecurityInfo{
                Bytes(oid.begin(), oid.end()), Bytes(info.encoded.begin(), info.encoded.end())});
        }
    }
    return result;
}

Result<ChipAuthenticationPublicKeyInfo> SecurityInfos::chipAuthenticationPublicKey(
    const ChipAuthenticationInfo& protocol) const {
    std::vector<const ChipAuthenticationPublicKeyInfo*> matches;
    for (const auto& key : caPublicKeys_)
        if (key.keyAgreement == protocol.keyAgreement &&
            (!protocol.keyId || key.keyId == protocol.keyId))
            matches.push_back(&key);
    if (matches.size() != 1)
        return makeError(ErrorCode::InvalidInput, "The card's security information is incomplete",
                         std::to_string(matches.size()) +
                             " ChipAuthenticationPublicKeyInfo match the CA protocol" +
                             (protocol.keyId ? " with keyId " + std::to_string(*protocol.keyId)
                                             : std::string(" (no keyId)")));
    return *matches.front();
}

Result<PaceInfo> SecurityInfos::choosePace() const {
    const PaceInfo* best = nullptr;
    int bestRank = 0;
    for (const auto& info : pace_) {
        const auto rank = paceRank(info);
        if (rank && (!best || *rank < bestRank)) {
            best = &info;
            bestRank = *rank;
        }
    }
    if (!best)
        return makeError(ErrorCode::Unsupported, "This card's PACE variant is not supported",
                         "no PACE v2 generic mapping on standardized domain parameters offered (" +
                             std::to_string(pace_.size()) + " PACEInfo)");
    return *best;
}

}  // namespace oa::eac
