#pragma once

#include "base/Bytes.h"
#include "sim/card/CardCryptoProfile.h"

namespace oa::sim {

// The SecurityInfos of EF.CardAccess as a real nPA carries them: TerminalAuthenticationInfo,
// ChipAuthenticationInfo, PACEInfo and ChipAuthenticationDomainParameterInfo (TR-03110-3 A.1).
Bytes encodeEfCardAccess(const CardCryptoProfile& profile);

// The same infos as SecurityInfo elements, for reuse inside EF.CardSecurity.
Bytes terminalAuthenticationInfo();
Bytes chipAuthenticationInfo(const CardCryptoProfile& profile);
Bytes paceInfo(const CardCryptoProfile& profile);
Bytes chipAuthenticationDomainParameterInfo(const CardCryptoProfile& profile);

// id-RI-ECDH-SHA-256 and its domain parameter info (TR-03110-3 A.1.1.4).
Bytes restrictedIdentificationProtocolOid();
constexpr unsigned kRestrictedIdentificationKeyId = 1;

// The SecurityInfos that EF.CardSecurity signs: those of EF.CardAccess plus the chip's static
// CA public key (ChipAuthenticationPublicKeyInfo) and Restricted Identification. A document
// signer wraps this in CMS SignedData (eContentType id-SecurityObject) to make EF.CardSecurity.
Bytes encodeCardSecurityInfos(const CardCryptoProfile& profile, ByteView chipAuthenticationKey);

}  // namespace oa::sim
