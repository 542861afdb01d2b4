#pragma once

#include <optional>
#include <vector>

#include "base/Bytes.h"
#include "base/Result.h"
#include "crypto/BlockCipher.h"
#include "crypto/Hash.h"

namespace oa::eac {

enum class KeyAgreement { Dh, Ecdh };
enum class PaceMapping { Generic, Integrated, ChipAuthentication };

// What a PACE, CA or TA protocol identifier (id-PACE-*, id-CA-*) says about the algorithms.
struct ProtocolAlgorithms {
    KeyAgreement keyAgreement = KeyAgreement::Ecdh;
    crypto::BlockCipher cipher = crypto::BlockCipher::Aes128;
};

// TR-03110 Part 3 A.1.1.1 / ICAO 9303-11 9.2.1. `protocol` is the OID's DER content.
struct PaceInfo {
    Bytes protocol;
    int version = 0;
    std::optional<int> parameterId;  // standardized domain parameters (TR-03110 A.2.1.1)
    KeyAgreement keyAgreement = KeyAgreement::Ecdh;
    PaceMapping mapping = PaceMapping::Generic;
    crypto::BlockCipher cipher = crypto::BlockCipher::Aes128;
};

// TR-03110 Part 3 A.1.1.2.
struct ChipAuthenticationInfo {
    Bytes protocol;
    int version = 0;
    std::optional<int> keyId;
    KeyAgreement keyAgreement = KeyAgreement::Ecdh;
    crypto::BlockCipher cipher = crypto::BlockCipher::Aes128;
};

struct ChipAuthenticationDomainParameterInfo {
    Bytes protocol;                  // id-CA-DH or id-CA-ECDH
    Bytes parameterAlgorithm;        // OID content of the AlgorithmIdentifier
    std::optional<int> parameterId;  // set for standardizedDomainParameters
    Bytes parameters;                // the AlgorithmIdentifier parameters, DER
    std::optional<int> keyId;
    KeyAgreement keyAgreement = KeyAgreement::Ecdh;
};

// The domain parameters a key lives on (an AlgorithmIdentifier): standardized by ID (TR-03110
// Part 3 A.2.1.1) or explicit (id-ecPublicKey / dhpublicnumber with the parameters spelled out).
struct DomainParameterReference {
    Bytes algorithm;                 // OID content
    std::optional<int> parameterId;  // set for standardizedDomainParameters
    Bytes parameters;                // the AlgorithmIdentifier's parameters, DER
};

// TR-03110 Part 3 A.1.1.2, only in EF.CardSecurity: the chip's static key for Chip
// Authentication. Trust it only from a verified EF.CardSecurity (PassiveAuthentication).
struct ChipAuthenticationPublicKeyInfo {
    Bytes protocol;  // id-PK-DH or id-PK-ECDH
    KeyAgreement keyAgreement = KeyAgreement::Ecdh;
    DomainParameterReference domainParameters;
    // As the card protocols carry it: an uncompressed point (ECDH) or y as an unsigned big-endian
    // integer without leading zeros (DH).
    Bytes publicKey;
    std::optional<int> keyId;
};

// TR-03110 Part 3 A.1.1.4.
struct RestrictedIdentificationInfo {
    Bytes protocol;  // id-RI-<DH|ECDH>-SHA-*
    KeyAgreement keyAgreement = KeyAgreement::Ecdh;
    crypto::HashAlgorithm hash = crypto::HashAlgorithm::Sha256;
    int version = 0;
    int keyId = 0;
    bool authorizedOnly = false;
    std::optional<int> maxKeyLength;
};

struct RestrictedIdentificationDomainParameterInfo {
    Bytes protocol;  // id-RI-DH or id-RI-ECDH
    KeyAgreement keyAgreement = KeyAgreement::Ecdh;
    DomainParameterReference domainParameters;
};

struct TerminalAuthenticationInfo {
    int version = 0;
};

// Anything else (CardInfoLocator, PrivilegedTerminalInfo, PACE domain parameters...), kept
// as it came so later protocols and passive authentication can look at it.
struct UnknownSecurityInfo {
    Bytes protocol;
    Bytes encoded;  // the whole SecurityInfo SEQUENCE
};

// The content of EF.CardAccess or the eContent of EF.CardSecurity: SET OF SecurityInfo.
class SecurityInfos {
public:
    // Strict DER reading; a recognised SecurityInfo with a wrong shape is an error, an unknown
    // one is kept.
    static Result<SecurityInfos> parse(ByteView der);

    const std::vector<PaceInfo>& paceInfos() const { return pace_; }
    const std::vector<ChipAuthenticationInfo>& chipAuthenticationInfos() const { return ca_; }
    const std::vector<ChipAuthenticationDomainParameterInfo>& chipAuthenticationDomainParameters()
        const {
        return caDomain_;
    }
    const std::optional<TerminalAuthenticationInfo>& terminalAuthenticationInfo() const {
        return ta_;
    }
    const std::vector<ChipAuthenticationPublicKeyInfo>& chipAuthenticationPublicKeys() const {
        return caPublicKeys_;
    }
    const std::vector<RestrictedIdentificationInfo>& restrictedIdentificationInfos() const {
        return ri_;
    }
    const std::vector<RestrictedIdentificationDomainParameterInfo>&
    restrictedIdentificationDomainParameters() const {
        return riDomain_;
    }
    const std::vector<UnknownSecurityInfo>& unknownInfos() const { return unknown_; }

    // The chip's static CA key for `keyId` (or the only key when the card names none), with the
    // same key agreement as the chosen ChipAuthenticationInfo.
    Result<ChipAuthenticationPublicKeyInfo> chipAuthenticationPublicKey(
        const ChipAuthenticationInfo& protocol) const;

    // The PACE variant we run with this card: version 2, generic mapping on standardized domain
    // parameters; ECDH before DH and AES before 3DES (3DES only if nothing else is offered).
    Result<PaceInfo> choosePace() const;

private:
    std::vector<PaceInfo> pace_;
    std::vector<ChipAuthenticationInfo> ca_;
    std::vector<ChipAuthenticationDomainParameterInfo> caDomain_;
    std::optional<TerminalAuthenticationInfo> ta_;
    std::vector<ChipAuthenticationPublicKeyInfo> caPublicKeys_;
    std::vector<RestrictedIdentificationInfo> ri_;
    std::vector<RestrictedIdentificationDomainParameterInfo> riDomain_;
    std::vector<UnknownSecurityInfo> unknown_;
};

// Decodes id-PACE-<KA>-<mapping>-<cipher>; nullopt for anything else.
std::optional<PaceInfo> decodePaceProtocol(ByteView oid);

}  // namespace oa::eac
