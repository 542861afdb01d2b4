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

}  // namespace oa::sim
