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
const Bytes kStandardizedDomainParameters = hexBytes("04007F00070102");

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
        } else {
            result.unknown_.push_back(UnknownSecurityInfo{
                Bytes(oid.begin(), oid.end()), Bytes(info.encoded.begin(), info.encoded.end())});
        }
    }
    return result;
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
